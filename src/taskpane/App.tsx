/**
 * The task pane: the sheet being worked on at the top, then one tab per step a clerk takes
 * (检查 → 标色 → 汇总, plus 单位名录, 设置 and 回收), a progress bar while something runs and one MessageBar
 * for the outcome. Every string comes from the catalogue; state is always given in words.
 */
import { useState } from 'react';
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { ControllerContext, usePaneController } from './controller';
import type { PaneEnvironment } from './environment';
import type { MessageKey } from './i18n';
import { BringInPanel } from './panels/BringInPanel';
import { CheckPanel } from './panels/CheckPanel';
import { DirectoryPanel } from './panels/DirectoryPanel';
import { HighlightPanel } from './panels/HighlightPanel';
import { ReturnsPanel } from './panels/ReturnsPanel';
import { SettingsPanel } from './panels/SettingsPanel';
import { SheetBar } from './panels/SheetBar';
import { SummaryPanel } from './panels/SummaryPanel';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: '100%',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  tabs: { flexWrap: 'wrap' },
  progress: { minHeight: '2px' },
});

const TABS = ['check', 'highlight', 'summary', 'directory', 'settings', 'returns', 'bringIn'] as const;
type TabName = (typeof TABS)[number];

const TAB_LABELS: Record<TabName, MessageKey> = {
  check: 'tab.check',
  highlight: 'tab.highlight',
  summary: 'tab.summary',
  directory: 'tab.directory',
  settings: 'tab.settings',
  returns: 'tab.returns',
  bringIn: 'tab.bringIn',
};

export function TaskPane({ env }: { env: PaneEnvironment }) {
  return (
    <FluentProvider theme={env.dark ? webDarkTheme : webLightTheme} lang={env.lang} style={{ minHeight: '100%' }}>
      <PaneBody env={env} />
    </FluentProvider>
  );
}

function PaneBody({ env }: { env: PaneEnvironment }) {
  const styles = useStyles();
  const controller = usePaneController(env);
  const { tr, busy, notice, setNotice } = controller;
  const [tab, setTab] = useState<TabName>('check');

  return (
    <ControllerContext.Provider value={controller}>
      <main className={styles.root} aria-busy={busy !== null}>
        <SheetBar />
        <TabList
          className={styles.tabs}
          size="small"
          selectedValue={tab}
          onTabSelect={(_, data) => setTab(data.value as TabName)}
          aria-label={tr.t('app.sections')}
        >
          {TABS.map((name) => (
            <Tab key={name} value={name} id={`tab-${name}`} aria-controls={`panel-${name}`}>
              {tr.t(TAB_LABELS[name])}
            </Tab>
          ))}
        </TabList>
        <div className={styles.progress} role="status" aria-live="polite">
          {busy && (
            <>
              <ProgressBar aria-label={tr.t('app.busy')} thickness="medium" />
              <Text size={200}>{tr.t('app.busy')}</Text>
            </>
          )}
        </div>
        {notice && (
          <MessageBar intent={notice.intent} data-testid="notice">
            <MessageBarBody>{notice.text}</MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button
                  appearance="transparent"
                  aria-label={tr.t('app.dismiss')}
                  icon={<DismissRegular />}
                  onClick={() => setNotice(null)}
                />
              }
            />
          </MessageBar>
        )}
        <section id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
          {tab === 'check' && <CheckPanel />}
          {tab === 'highlight' && <HighlightPanel />}
          {tab === 'summary' && <SummaryPanel />}
          {tab === 'directory' && <DirectoryPanel />}
          {tab === 'settings' && <SettingsPanel />}
          {tab === 'returns' && <ReturnsPanel />}
          {tab === 'bringIn' && <BringInPanel />}
        </section>
      </main>
    </ControllerContext.Provider>
  );
}
