/**
 * Builds the hostile-but-ordinary workbooks the hardening tests use, in memory: an ordinary 任务分工 table
 * (title, header, five measures) that each case then changes in one way a clerk or a unit really might.
 * Nothing is hand-edited: every file comes from these functions.
 */
import ExcelJS from 'exceljs';
import { XlsxHost, writeSpecsToWorkbook } from '../../src/hosts/xlsx';
import type { ReturnSource } from '../../src/workflows/collect';
import { runSplit } from '../../src/workflows/split';

export const TASK_SHEET = '任务分工';
export const TITLE = '两江新区2022年政务公开重点工作任务分工';
export const HEADER = ['序号', '贯彻举措', '完成时限', '牵头单位', '责任单位'];
export const SPLIT_AT = '2022-09-01 09:00';

export type Row = (ExcelJS.CellValue | undefined)[];

/** Five ordinary measures in HEADER's columns. */
export const MEASURES: Row[] = [
  [1, '切实做好政策性文件公开征求意见、政策解读、关切回应等工作', '长期开展', '办公室', '经济运行局'],
  [2, '及时公开涉企优惠政策及其执行情况', '7月31日前', '经济运行局', '财政局'],
  [3, '做好行政许可、行政处罚等信息公开', '9月30日前', '市场监管局', '司法局'],
  [4, '加强重大建设项目批准和实施领域信息公开', '12月31日前', '建设管理局', '财政局'],
  [5, '规范政府信息公开申请办理', '及时公开', '办公室', '司法局'],
];

export interface TableOptions {
  sheet?: string;
  header?: string[];
  rows?: Row[];
  /** Further changes, made after the table is written (1-based ExcelJS coordinates). */
  edit?: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void;
}

/** A workbook holding the title (row 1), header (row 2) and measures (from row 3) on one sheet. */
export function tableWorkbook(options: TableOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2022, 5, 20));
  wb.modified = wb.created;
  const ws = wb.addWorksheet(options.sheet ?? TASK_SHEET);
  const header = options.header ?? HEADER;
  ws.getCell(1, 1).value = TITLE;
  ws.mergeCells(1, 1, 1, header.length);
  header.forEach((h, i) => (ws.getCell(2, i + 1).value = h));
  (options.rows ?? MEASURES).forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== undefined && v !== null && v !== '') ws.getCell(r + 3, c + 1).value = v;
    }),
  );
  options.edit?.(ws, wb);
  return wb;
}

export async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function tableBytes(options: TableOptions = {}): Promise<Uint8Array> {
  return bytesOf(tableWorkbook(options));
}

/** Every sheet's values, as ExcelJS reads them from the bytes: what must not change. */
export async function valuesOfEverySheet(bytes: Uint8Array): Promise<Record<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const out: Record<string, string> = Object.create(null);
  for (const ws of wb.worksheets) {
    const cells: string[] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        cells.push(`${r},${c}=${JSON.stringify(cell.value)}`);
      }),
    );
    out[ws.name] = cells.join(';');
  }
  return out;
}

/** The unit copies a split of `master` makes, as saved bytes per unit. */
export async function splitCopies(master: Uint8Array): Promise<Map<string, Uint8Array>> {
  const result = await runSplit(await XlsxHost.open(master), { generatedAt: SPLIT_AT });
  const copies = new Map<string, Uint8Array>();
  for (const w of result.workbooks) copies.set(w.unit, await XlsxHost.fromWorkbook(writeSpecsToWorkbook(w.specs)).toBuffer());
  return copies;
}

/** Column (1-based) of a header text on a copy's or master's header row, found by eye. */
export function headerColumnOf(ws: ExcelJS.Worksheet, text: string, headerRow = 2): number {
  let found = 0;
  ws.getRow(headerRow).eachCell((cell, c) => {
    if (found === 0 && typeof cell.value === 'string' && cell.value.replace(/\s+/g, '') === text) found = c;
  });
  return found;
}

/** Edits a copy as a unit would (open, change, save) and gives back the bytes. */
export async function editWorkbook(bytes: Uint8Array, edit: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const host = await XlsxHost.open(bytes);
  edit(host.workbook);
  return host.toBuffer();
}

/** Fills 完成情况 (and 进展说明) of every measure row of a unit's copy. */
export function answerAll(bytes: Uint8Array, status: string, explanation?: string): Promise<Uint8Array> {
  return editWorkbook(bytes, (wb) => {
    const ws = wb.getWorksheet(TASK_SHEET)!;
    let header = 0;
    for (let r = 1; r <= 6 && !header; r++) ws.getRow(r).eachCell((cell) => void (cell.value === '完成情况' && (header = r)));
    const statusCol = headerColumnOf(ws, '完成情况', header);
    const explanationCol = headerColumnOf(ws, '进展说明', header);
    const measureCol = headerColumnOf(ws, '贯彻举措', header);
    for (let r = header + 1; r <= ws.rowCount; r++) {
      if (!ws.getCell(r, measureCol).value) continue;
      ws.getCell(r, statusCol).value = status;
      if (explanation !== undefined) ws.getCell(r, explanationCol).value = explanation;
    }
  });
}

export function returnSource(name: string, bytes: Uint8Array): ReturnSource {
  return { name, receivedAt: '2022-09-10 10:00', open: () => XlsxHost.open(bytes) };
}
