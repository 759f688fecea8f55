/**
 * For the end-to-end test of the built WPS 加载项 page: stands in for WPS before the pane starts. Loaded ahead of
 * the pane's own script (the test rewrites taskpane.html to do so), it opens the sample in the ET imitation, puts
 * its `Application` on `window` as WPS does, and only then adds the pane's script, which finds ET and no Office.
 * Attributes on its script tag: data-sample (the .xlsx URL), data-pane (the pane's script URL).
 */
import ExcelJS from 'exceljs';
import { EtSimulator } from '../simulator/et-simulator';

async function standIn(tag: HTMLScriptElement): Promise<void> {
  const bytes = await (await fetch(tag.dataset.sample!)).arrayBuffer();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const simulator = new EtSimulator(workbook);
  Object.assign(window, { Application: simulator.Application, etSimulator: simulator });
  const pane = document.createElement('script');
  pane.src = tag.dataset.pane!;
  document.body.appendChild(pane);
}

const tag = document.currentScript as HTMLScriptElement | null;
if (tag) void standIn(tag);
