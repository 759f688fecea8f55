import type { Lang, LocalText } from './types';

export function text(zh: string, en: string): LocalText {
  return { zh, en };
}

export function pick(t: LocalText, lang: Lang): string {
  return lang === 'en-US' ? t.en : t.zh;
}

/** Accepts what hosts report (`zh-cn`, `en`, `en-GB`, `zh-Hans`) and falls back to zh-CN. */
export function normaliseLang(raw: string | null | undefined): Lang {
  return raw && /^en/i.test(raw.trim()) ? 'en-US' : 'zh-CN';
}

/** An English count with its noun in the right number: 1 warning, 2 warnings (plural: singular + s unless given). */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
