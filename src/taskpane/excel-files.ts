/**
 * Workbook files inside the pane (回收: the units' copies to hand out, the returned files to collect). These
 * need ExcelJS, which is far too big for the initial bundle: `loadExcelFiles` first loads ExcelJS's own browser
 * build from the add-in's server (vendor/exceljs.min.js, allowed by the CSP as 'self'), then this module's chunk.
 */
// Type only (erased): the implementation's own chunk is loaded below, when it is needed.
import type { ExcelFiles } from './excel-files-impl';

export type { ExcelFiles };

const EXCELJS_URL = 'vendor/exceljs.min.js';

function loadScriptOnce(src: string, globalName: string): Promise<void> {
  if ((globalThis as Record<string, unknown>)[globalName]) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    script.onload = () => resolve();
    script.onerror = () => {
      script.remove();
      reject(new Error(`ExcelJsLoadFailed: ${src}`));
    };
    document.head.appendChild(script);
  });
}

export async function loadExcelFiles(): Promise<ExcelFiles> {
  await loadScriptOnce(EXCELJS_URL, 'ExcelJS');
  const module = await import(/* webpackChunkName: "excel-files" */ './excel-files-impl');
  return module.excelFiles;
}
