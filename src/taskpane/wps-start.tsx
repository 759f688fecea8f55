/**
 * The pane inside WPS 表格: the same TaskPane over a WpsHost. The object model is synchronous, so long work shows a
 * thin progress line above the pane (the host pauses between blocks, which lets it paint).
 */
import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import { normaliseLang } from '../domain/i18n';
import { WpsHost, type EtApplication, type WpsProgress } from '../hosts/wps';
import { TaskPane } from './App';
import { browserDelivery } from './file-delivery';
import { loadWorkflows } from './load-workflows';
import { localToday } from './pane-basics';

const PHASES: Record<WpsProgress['phase'], [string, string]> = {
  read: ['正在读取表格', 'Reading the sheet'],
  styles: ['正在读取颜色', 'Reading colours'],
  apply: ['正在写入', 'Writing'],
};

/** A line at the top of the page saying how far WPS has got; gone when a phase is done. */
function progressLine(lang: string): (p: WpsProgress) => void {
  const line = document.createElement('div');
  line.setAttribute('role', 'status');
  line.setAttribute('data-testid', 'wps-progress');
  line.style.cssText = 'position:fixed;top:0;left:0;right:0;z-index:10;font-size:12px;padding:2px 8px;background:#e8f1fb;display:none';
  document.body.appendChild(line);
  return (p) => {
    if (p.done >= p.total) {
      line.style.display = 'none';
      return;
    }
    const [zh, en] = PHASES[p.phase];
    line.textContent = `${lang === 'en-US' ? en : zh}… ${Math.floor((p.done / Math.max(1, p.total)) * 100)}%`;
    line.style.display = 'block';
  };
}

export function startInWps(root: Root, app: EtApplication): void {
  // WPS's web view reports the system's language; the clerks' is zh-CN unless it says otherwise.
  const lang = normaliseLang(navigator.language);
  document.documentElement.lang = lang;
  const host = new WpsHost(app, { onProgress: progressLine(lang) });
  root.render(
    <StrictMode>
      <TaskPane env={{ host, delivery: browserDelivery, lang, dark: false, today: () => localToday(), loadWorkflows }} />
    </StrictMode>,
  );
}
