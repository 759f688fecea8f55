/**
 * Entry point inside Excel and inside WPS 表格. In WPS (its ET object model on `Application`, no Office) the pane
 * starts at once over a WpsHost. Otherwise: wait for Office (with a timeout), then start the pane with an
 * ExcelHost, the Office display language and the Office theme. If office.js is missing or this is not Excel, say so.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { etApplicationIn } from '../hosts/wps/detect';
import { TaskPane } from './App';
import { waitForOffice, type OfficeGlobal } from './boot';
import { loadWorkflows } from './load-workflows';
import { createOfficeDelivery, createOfficeHost } from './office-host';
import { localToday } from './pane-basics';
import { StartupMessage } from './StartupMessage';

async function start(container: HTMLElement): Promise<void> {
  const root = createRoot(container);
  const et = etApplicationIn(globalThis);
  if (et) {
    // Loaded only in WPS, so Excel's pane does not carry the WPS adapter in its first download.
    const { startInWps } = await import(/* webpackChunkName: "wps" */ './wps-start');
    startInWps(root, et);
    return;
  }
  const office = (globalThis as { Office?: OfficeGlobal }).Office;
  const started = await waitForOffice(office, navigator.language);
  if (started.kind === 'unavailable') {
    root.render(<StartupMessage lang={started.lang} message="app.officeUnavailable" />);
    return;
  }
  if (started.kind === 'not-excel') {
    root.render(<StartupMessage lang={started.lang} message="app.notExcel" />);
    return;
  }
  document.documentElement.lang = started.lang;
  const host = createOfficeHost();
  root.render(
    <StrictMode>
      <TaskPane
        env={{ host, delivery: createOfficeDelivery(host), lang: started.lang, dark: started.dark, today: () => localToday(), loadWorkflows }}
      />
    </StrictMode>,
  );
}

const container = document.getElementById('root');
if (container) void start(container);
