/**
 * Waiting for Office: `Office.onReady` never settles when office.js half-loads (blocked CDN, proxy), so it
 * races a timeout, and the pane then says in words what is wrong instead of spinning forever.
 */
import { normaliseLang } from '../domain/i18n';
import type { Lang } from '../domain/types';

export const OFFICE_READY_TIMEOUT_MS = 15000;

/** The part of the Office global the pane reads at start-up (so tests can pass a fake). */
export interface OfficeGlobal {
  onReady(): Promise<{ host: unknown; platform: unknown }>;
  HostType: { Excel: unknown };
  context?: {
    displayLanguage?: string;
    officeTheme?: { isDarkTheme?: boolean } | null;
  };
}

export type OfficeStart =
  | { kind: 'ready'; lang: Lang; dark: boolean }
  /** office.js did not load or did not answer in time. */
  | { kind: 'unavailable'; lang: Lang }
  /** Loaded, but not inside Excel (e.g. the page opened in a browser, or another Office app). */
  | { kind: 'not-excel'; lang: Lang };

export async function waitForOffice(
  office: OfficeGlobal | undefined,
  fallbackLang: string | undefined,
  timeoutMs: number = OFFICE_READY_TIMEOUT_MS,
): Promise<OfficeStart> {
  const browserLang = normaliseLang(fallbackLang);
  if (!office || typeof office.onReady !== 'function') return { kind: 'unavailable', lang: browserLang };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const info = await Promise.race([office.onReady().catch(() => null), timeout]);
    if (!info) return { kind: 'unavailable', lang: browserLang };
    const lang = normaliseLang(readSafely(() => office.context?.displayLanguage) ?? fallbackLang);
    if (info.host !== office.HostType.Excel) return { kind: 'not-excel', lang };
    // officeTheme exists only in newer Office builds; older ones (and the web in some modes) have none.
    const dark = readSafely(() => office.context?.officeTheme?.isDarkTheme) === true;
    return { kind: 'ready', lang, dark };
  } finally {
    clearTimeout(timer);
  }
}

function readSafely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
