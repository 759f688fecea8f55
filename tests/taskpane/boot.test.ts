/** Starting inside Office: language, theme, and a message instead of an endless spinner when office.js fails. */
import { waitForOffice, type OfficeGlobal } from '../../src/taskpane/boot';

const EXCEL = 'Excel';

function office(overrides: Partial<OfficeGlobal> & { host?: unknown } = {}): OfficeGlobal {
  return {
    onReady: () => Promise.resolve({ host: 'host' in overrides ? overrides.host : EXCEL, platform: 'PC' }),
    HostType: { Excel: EXCEL },
    context: { displayLanguage: 'zh-CN', officeTheme: { isDarkTheme: false } },
    ...overrides,
  };
}

describe('waitForOffice', () => {
  test('inside Excel: the display language and the theme', async () => {
    expect(await waitForOffice(office(), 'en-US')).toEqual({ kind: 'ready', lang: 'zh-CN', dark: false });
    const english = office({ context: { displayLanguage: 'en-GB', officeTheme: { isDarkTheme: true } } });
    expect(await waitForOffice(english, 'zh-CN')).toEqual({ kind: 'ready', lang: 'en-US', dark: true });
  });

  test('an Office without officeTheme (2016) is light', async () => {
    expect(await waitForOffice(office({ context: { displayLanguage: 'zh-CN' } }), undefined)).toEqual({ kind: 'ready', lang: 'zh-CN', dark: false });
  });

  test('office.js missing: unavailable, in the browser language', async () => {
    expect(await waitForOffice(undefined, 'en-US')).toEqual({ kind: 'unavailable', lang: 'en-US' });
    expect(await waitForOffice(undefined, undefined)).toEqual({ kind: 'unavailable', lang: 'zh-CN' });
  });

  test('onReady never settles: unavailable after the timeout', async () => {
    const hanging = office({ onReady: () => new Promise(() => undefined) });
    expect(await waitForOffice(hanging, 'zh-CN', 20)).toEqual({ kind: 'unavailable', lang: 'zh-CN' });
  });

  test('onReady rejects: unavailable', async () => {
    expect(await waitForOffice(office({ onReady: () => Promise.reject(new Error('blocked')) }), 'zh-CN', 1000)).toEqual({
      kind: 'unavailable',
      lang: 'zh-CN',
    });
  });

  test('opened outside Excel (browser, Word): not-excel', async () => {
    expect(await waitForOffice(office({ host: null }), 'zh-CN')).toEqual({ kind: 'not-excel', lang: 'zh-CN' });
    expect(await waitForOffice(office({ host: 'Word' }), 'zh-CN')).toEqual({ kind: 'not-excel', lang: 'zh-CN' });
  });
});
