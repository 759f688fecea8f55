/**
 * How a file the pane makes (the 下发 copies) reaches the clerk. A web view that saves blob downloads (Excel on
 * the web, Excel on Windows with WebView2, the browser preview) offers links and one zip; where downloads are
 * silently ignored (Excel for Mac and iPad, WKWebView) each copy opens as a new Excel workbook the clerk saves;
 * where neither works the pane says so and points to the CLI, so 下发 is never a silent no-op.
 */

export type DeliveryMode = 'download' | 'open-in-excel' | 'unavailable';

export interface DeliveredFile {
  fileName: string;
  bytes: Uint8Array;
}

export interface FileDelivery {
  readonly mode: DeliveryMode;
  /** Opens the file as a new workbook in Excel (only in 'open-in-excel' mode). */
  openInExcel(file: DeliveredFile): Promise<void>;
}

/** Office's platform names (Office.PlatformType) whose web view saves blob downloads. */
const DOWNLOADING_PLATFORMS = new Set(['OfficeOnline', 'PC']);

/** ExcelApi 1.8 brings Excel.createWorkbook. */
const CREATE_WORKBOOK_MINOR = 8;

/**
 * The mode for a platform and an API level. An unknown platform (null: not reported by an old host) is treated
 * as a downloading one only when the API level is too low to open workbooks, since a link that does nothing is
 * worse than a workbook window.
 */
export function deliveryModeFor(platform: string | null, apiMinor: number): DeliveryMode {
  if (platform !== null && DOWNLOADING_PLATFORMS.has(platform)) return 'download';
  if (apiMinor >= CREATE_WORKBOOK_MINOR) return 'open-in-excel';
  return platform === null ? 'download' : 'unavailable';
}

/** The minor number of an "1.N" API version as the host reports it (0 when it is not one). */
export function apiMinorOf(apiVersion: string | null): number {
  const match = /^1\.(\d+)$/.exec(apiVersion ?? '');
  return match ? Number(match[1]) : 0;
}

/** Outside Excel (the browser preview, component tests): the browser downloads. */
export const browserDelivery: FileDelivery = {
  mode: 'download',
  openInExcel: () => Promise.reject(new Error('openInExcel: not inside Excel')),
};
