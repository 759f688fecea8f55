/** What the pane shows instead of itself when it cannot start (no office.js, or not inside Excel). */
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from '@fluentui/react-components';
import type { Lang } from '../domain/types';
import { translator, type MessageKey } from './i18n';

export function StartupMessage({ lang, message }: { lang: Lang; message: MessageKey }) {
  const tr = translator(lang);
  return (
    <FluentProvider theme={webLightTheme} lang={lang} style={{ padding: 12 }}>
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{tr.t('app.title')}</MessageBarTitle>
          {tr.t(message)}
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>
  );
}
