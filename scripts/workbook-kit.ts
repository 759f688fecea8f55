/**
 * Shared by the sample and fixture generators: the look of a government 任务分工 table (fonts, borders,
 * print setup) and a byte-stable save, so regenerating a committed .xlsx gives the same file.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { BASE_FONT_SIZE, fittedRowHeight } from '../src/domain/text-metrics';
import { worksheetMerges } from '../src/hosts/xlsx/read-grid';
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

/** Excel's default width of a column nobody sized, in characters. */
const DEFAULT_COLUMN_WIDTH = 8.43;
/** The height a row without its own height gets (one line of 11 pt text). */
const DEFAULT_ROW_HEIGHT = 15;

/**
 * Gives every row from `firstRow` down that has no height of its own the height its wrapped text needs, as a
 * clerk's file has them (Excel fits rows as text is typed; a generated file would otherwise print every long
 * measure over the rows below it). A merged cell is measured across its merged columns; one merged down over
 * several rows spreads only what those rows lack between them — a section title beside many measures needs none.
 */
export function fitWrappedRows(ws: ExcelJS.Worksheet, firstRow = 1): void {
  const merges = worksheetMerges(ws).map((m) => ({ top: m.top + 1, left: m.left + 1, bottom: m.bottom + 1, right: m.right + 1 }));
  const mergeOf = (row: number, col: number) => merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  const columnWidth = (col: number): number => ws.getColumn(col).width ?? DEFAULT_COLUMN_WIDTH;

  const fitted = new Map<number, number>();
  const tall: { top: number; bottom: number; height: number }[] = [];
  for (let r = firstRow; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (row.height) continue;
    row.eachCell((cell, c) => {
      if (!cell.alignment?.wrapText || !cell.text) return;
      const merge = mergeOf(r, c);
      if (merge && (merge.top !== r || merge.left !== c)) return;
      let width = 0;
      for (let col = merge?.left ?? c; col <= (merge?.right ?? c); col++) width += columnWidth(col);
      const height = fittedRowHeight(cell.text, width, cell.font?.size ?? BASE_FONT_SIZE);
      if (merge && merge.bottom > merge.top) tall.push({ top: merge.top, bottom: merge.bottom, height });
      else fitted.set(r, Math.max(fitted.get(r) ?? 0, height));
    });
  }
  for (const [r, height] of fitted) ws.getRow(r).height = height;
  for (const m of tall) {
    let rowsHeight = 0;
    for (let r = m.top; r <= m.bottom; r++) rowsHeight += ws.getRow(r).height ?? DEFAULT_ROW_HEIGHT;
    if (rowsHeight >= m.height) continue;
    const extra = (m.height - rowsHeight) / (m.bottom - m.top + 1);
    for (let r = m.top; r <= m.bottom; r++) ws.getRow(r).height = Math.ceil(((ws.getRow(r).height ?? DEFAULT_ROW_HEIGHT) + extra) * 4) / 4;
  }
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
