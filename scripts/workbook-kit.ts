/**
 * Shared by the sample and fixture generators: the look of a government 任务分工 table (fonts, borders,
 * print setup) and a byte-stable save, so regenerating a committed .xlsx gives the same file.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
// JSZip ships with ExcelJS; it is used here only to pin the zip entries' timestamps.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const JSZip = require('jszip');

/** Every generated workbook claims this creation time, so the bytes do not depend on when it was made. */
export const FIXED_TIME = new Date(Date.UTC(2022, 5, 20, 9, 0, 0));

/** Fonts of a printed government table: the title in 小标宋, the header in 黑体, the body in 仿宋. */
export const FONTS = {
  title: { name: '方正小标宋_GBK', size: 18 },
  header: { name: '黑体', size: 12 },
  body: { name: '方正仿宋_GBK', size: 11 },
} as const;

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
export const ALL_BORDERS: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '两江新区管委会办公室';
  wb.lastModifiedBy = '两江新区管委会办公室';
  wb.created = FIXED_TIME;
  wb.modified = FIXED_TIME;
  return wb;
}

/** A4 landscape, one page wide, the header rows repeated on every printed page, page numbers in the footer. */
export function governmentPrintSetup(ws: ExcelJS.Worksheet, headerRows: [number, number]): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `${headerRows[0]}:${headerRows[1]}`,
  };
  // Printed copies go round for signing: every page says which page of how many it is.
  ws.headerFooter = { ...ws.headerFooter, oddFooter: '&C第 &P 页，共 &N 页' };
}

export function styleTitle(cell: ExcelJS.Cell): void {
  cell.font = { ...FONTS.title };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

export function styleHeader(cell: ExcelJS.Cell): void {
  cell.font = { ...FONTS.header, bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  cell.border = ALL_BORDERS;
}

export function styleBody(cell: ExcelJS.Cell, horizontal: 'left' | 'center' = 'left'): void {
  cell.font = { ...FONTS.body };
  cell.alignment = { horizontal, vertical: 'middle', wrapText: true };
  cell.border = ALL_BORDERS;
}

/**
 * ExcelJS stamps every zip entry with the current time; rewrite the archive with one fixed timestamp
 * so that running the generator twice produces identical bytes.
 */
export async function writeStable(wb: ExcelJS.Workbook, file: string): Promise<void> {
  const raw = Buffer.from(await wb.xlsx.writeBuffer());
  const zip = await JSZip.loadAsync(raw);
  const stable = new JSZip();
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  for (const name of names) {
    stable.file(name, await zip.files[name].async('nodebuffer'), { date: FIXED_TIME, createFolders: false });
  }
  const bytes: Buffer = await stable.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
}
