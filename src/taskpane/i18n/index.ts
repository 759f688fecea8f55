/** The pane's message catalogues and the lookup every component uses. */
import type { Lang, LocalText } from '../../domain/types';
import { pick } from '../../domain/i18n';
import { enUS } from './en-US';
import { zhCN, type MessageKey } from './zh-CN';

export type { MessageKey };

export const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

/** Fills `{name}` placeholders; a placeholder without a value stays visible rather than vanishing. */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export interface Translator {
  lang: Lang;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** Domain-made text (findings, errors, state names). */
  local(text: LocalText): string;
}

export function translator(lang: Lang): Translator {
  const catalogue = CATALOGUES[lang];
  return {
    lang,
    t: (key, values) => format(catalogue[key], values),
    local: (text) => pick(text, lang),
  };
}
