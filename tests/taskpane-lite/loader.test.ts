/**
 * startup-watchdog.js (plain ES5, the first script of taskpane.html) sends IE11 and EdgeHTML web views —
 * Office 2016/2019 — to the lite pane, keeping Office's query string, and leaves modern web views alone.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';

const WATCHDOG = fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'taskpane', 'startup-watchdog.js'), 'utf8');

const USER_AGENTS = {
  office2016Ie11:
    'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; .NET CLR 2.0.50727; ms-office; MSOffice 16)',
  office2019EdgeHtml:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.17763',
  webView2:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91',
  mac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)',
};

function runWatchdog(userAgent: string, search = '?_host_Info=Excel$Win32$16.01$zh-CN$$$$0', hash = '') {
  const replaced: string[] = [];
  const timers: number[] = [];
  vm.runInNewContext(WATCHDOG, {
    navigator: { userAgent },
    location: { search, hash, replace: (url: string) => replaced.push(url) },
    document: { getElementById: () => null },
    setTimeout: (_: () => void, ms: number) => timers.push(ms),
  });
  return { replaced, timers };
}

describe('choosing the pane', () => {
  it.each([
    ['Office 2016 (IE11)', USER_AGENTS.office2016Ie11],
    ['Office 2019 (EdgeHTML 18)', USER_AGENTS.office2019EdgeHtml],
  ])('%s goes to the lite pane with Office’s query string', (_, ua) => {
    const { replaced, timers } = runWatchdog(ua);
    expect(replaced).toEqual(['taskpane-lite.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0']);
    expect(timers).toEqual([]);
  });

  it.each([
    ['WebView2 (Chromium Edge)', USER_AGENTS.webView2],
    ['Excel for Mac', USER_AGENTS.mac],
  ])('%s keeps the full pane and its start-up watchdog', (_, ua) => {
    const { replaced, timers } = runWatchdog(ua);
    expect(replaced).toEqual([]);
    expect(timers).toEqual([20000]);
  });

  it('?pane=lite forces the lite pane anywhere (demos, tests)', () => {
    expect(runWatchdog(USER_AGENTS.webView2, '?pane=lite', '#x').replaced).toEqual(['taskpane-lite.html?pane=lite#x']);
    expect(runWatchdog(USER_AGENTS.webView2, '?pane=literal').replaced).toEqual([]);
  });
});
