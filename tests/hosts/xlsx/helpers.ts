import { createHash } from 'crypto';
import ExcelJS from 'exceljs';
import { XlsxHost } from '../../../src/hosts/xlsx';

/** Save an in-memory workbook and open it through the host, so styles come back shared as from a real file. */
export async function reopen(wb: ExcelJS.Workbook): Promise<XlsxHost> {
  return XlsxHost.open(new Uint8Array(await wb.xlsx.writeBuffer()));
}

export async function reopenHost(host: XlsxHost): Promise<XlsxHost> {
  return XlsxHost.open(await host.toBuffer());
}

/** Hash of every value of every sheet (what the product must never change). */
export function hashValues(wb: ExcelJS.Workbook, except: string[] = []): string {
  const h = createHash('sha256');
  for (const ws of wb.worksheets) {
    if (except.includes(ws.name)) continue;
    h.update(`#${ws.name}\n`);
    ws.eachRow((row, r) => {
      row.eachCell((cell, c) => {
        h.update(`${r},${c}=${JSON.stringify(cell.value)}\n`);
      });
    });
  }
  return h.digest('hex');
}
