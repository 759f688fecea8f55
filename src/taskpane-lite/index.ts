/**
 * Entry point of the lite pane (taskpane-lite.html, chosen by startup-watchdog.js on IE11 and EdgeHTML):
 * polyfills first, then wait for Office and start the pane with an ExcelHost — or say in words why not.
 */
import './polyfills';
import { waitForOffice, type OfficeGlobal } from '../taskpane/boot';
import { translator } from '../taskpane/i18n';
import { ExcelHost } from '../hosts/excel';
import { localToday } from '../taskpane/pane-basics';
import { el, setChildren } from './dom';
import { mountLitePane } from './lite-pane';

async function start(container: HTMLElement): Promise<void> {
  const office = (window as { Office?: OfficeGlobal }).Office;
  const started = await waitForOffice(office, navigator.language);
  document.documentElement.lang = started.lang;
  if (started.kind !== 'ready') {
    const message = translator(started.lang).t(started.kind === 'unavailable' ? 'app.officeUnavailable' : 'app.notExcel');
    setChildren(container, [el('p', { className: 'lite-boot', text: message, attrs: { role: 'alert' } })]);
    return;
  }
  mountLitePane(container, { host: ExcelHost.forOffice(), lang: started.lang, today: () => localToday() });
}

const container = document.getElementById('root');
if (container) void start(container);
