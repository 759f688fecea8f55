/** The pane's message catalogues and the lookup every component uses. */
import type { Lang, LocalText } from '../../domain/types';
import { countOf, pick } from '../../domain/i18n';
import { enUS } from './en-US';
import { zhCN, type MessageKey } from './zh-CN';

export type { MessageKey };

export const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

/**
 * Fills `{name}` placeholders; a placeholder without a value stays visible rather than vanishing. English
 * counts say their noun in the right number with `{name:singular/plural}` (1 task, 2 tasks).
 */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)(?::([^{}/]+)\/([^{}/]+))?\}/g, (whole, name: string, one?: string, many?: string) => {
    if (!(name in values)) return whole;
    return one === undefined ? String(values[name]) : countOf(Number(values[name]), one, many);
  });
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
