import { createHash } from 'crypto';
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import { STATE_SHEET_NAME } from '../../src/domain/workbook-state';
import { XlsxHost } from '../../src/hosts/xlsx';

/** Save an in-memory workbook and open it through the host, so styles come back shared as from a real file. */
export async function reopen(wb: ExcelJS.Workbook): Promise<XlsxHost> {
  return XlsxHost.open(new Uint8Array(await wb.xlsx.writeBuffer()));
}

export async function reopenHost(host: XlsxHost): Promise<XlsxHost> {
  return XlsxHost.open(await host.toBuffer());
}

/**
 * A hash of every value of every sheet but those named (by default the product's state sheet): what the product
 * must never change.
 */
export function valuesHash(wb: ExcelJS.Workbook, except: readonly string[] = [STATE_SHEET_NAME]): string {
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

/** The SHA-256 of a file's bytes (an input the product must leave alone). */
export function fileSha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** How a sheet prints: scale or fit, margins, centring, title rows, footer, page breaks and the hidden stamp row. */
export function printSetup(ws: ExcelJS.Worksheet) {
  return {
    scale: ws.pageSetup.scale,
    fit: Boolean(ws.pageSetup.fitToPage),
    margins: ws.pageSetup.margins,
    centred: Boolean(ws.pageSetup.horizontalCentered),
    titles: ws.pageSetup.printTitlesRow,
    footer: ws.headerFooter?.oddFooter ?? null,
    breaks: (ws as unknown as { rowBreaks: { id: number }[] }).rowBreaks.map((b) => b.id),
    hidden: Boolean(ws.getRow(2).hidden),
  };
}
