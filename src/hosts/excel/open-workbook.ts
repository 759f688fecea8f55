/**
 * A workbook handed to the clerk by opening it in Excel: `Excel.createWorkbook(base64)` (ExcelApi 1.8) opens the
 * bytes as a new, unsaved workbook that the clerk saves with 文件 → 另存为. This is the documented way out of a
 * task pane whose web view cannot save a downloaded blob (WKWebView on Excel for Mac and iPad ignores
 * `<a download>`, which Microsoft closed as by design; sources in ARCHITECTURE.md).
 */

/** The bytes as base64 without building one huge string argument list (a 5 MB file would overflow the stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  let binary = '';
  for (let at = 0; at < bytes.length; at += CHUNK) {
    binary += String.fromCharCode.apply(null, Array.from(bytes.subarray(at, at + CHUNK)));
  }
  return btoa(binary);
}

export async function openWorkbookInExcel(bytes: Uint8Array): Promise<void> {
  await Excel.createWorkbook(bytesToBase64(bytes));
}
