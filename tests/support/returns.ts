/** Helpers for the split/collect tests: split a sample, fill a unit's copy as a clerk would, feed it back. */
import { createHash } from 'crypto';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { measureNumberOf } from '../../src/domain/numbering';
import { RETURN_IDENTITY_SHEET } from '../../src/domain/returns';
import { XlsxHost, writeSpecsToWorkbook } from '../../src/hosts/xlsx';
import type { ReturnSource } from '../../src/workflows/collect';
import { runSplit, type SplitResult } from '../../src/workflows/split';
import type { UnitDirectory } from '../../src/domain/units';

export const ROOT = path.resolve(__dirname, '../..');
export const PLAIN = path.join(ROOT, 'samples/liangjiang-2022.xlsx');
export const RETURNS_SAMPLE = path.join(ROOT, 'samples/liangjiang-2022-returns.xlsx');
export const SHEET = '任务分工';
export const SPLIT_AT = '2022-09-01 09:00';

export interface SplitCopies {
  result: SplitResult;
  /** Each unit's workbook as saved bytes. */
  copies: Map<string, Uint8Array>;
}

/** Splits a file; `directory` as a clerk would give it (the samples' tests pass the sample's own). */
export async function splitFile(file: string, by: 'lead' | 'responsible' | 'both' = 'both', directory?: UnitDirectory): Promise<SplitCopies> {
  const result = await runSplit(await XlsxHost.open(file), { generatedAt: SPLIT_AT, by, directory });
  const copies = new Map<string, Uint8Array>();
  for (const w of result.workbooks) copies.set(w.unit, await XlsxHost.fromWorkbook(writeSpecsToWorkbook(w.specs)).toBuffer());
  return { result, copies };
}

export interface Answer {
  status?: string | null;
  explanation?: string | null;
  doneDate?: string | Date | null;
}

export interface CopyLayout {
  ws: ExcelJS.Worksheet;
  /** 1-based header row. */
  header: number;
  /** 1-based column per header text. */
  col: Record<string, number>;
  /** 1-based row per measure number. */
  rowOf: Map<string, number>;
}

/** Finds the header and each measure's row in a copy (as a clerk would by eye). */
export function copyLayout(wb: ExcelJS.Workbook): CopyLayout {
  const ws = wb.getWorksheet(SHEET)!;
  let header = 0;
  const col: Record<string, number> = {};
  for (let r = 1; r <= 6 && !header; r++) {
    ws.getRow(r).eachCell((cell, c) => {
      if (cell.value === '完成情况') header = r;
      if (typeof cell.value === 'string') col[cell.value.replace(/\s+/g, '')] ??= c;
    });
  }
  const rowOf = new Map<string, number>();
  const measureCol = col['贯彻举措'];
  for (let r = header + 1; r <= ws.rowCount; r++) {
    const v = ws.getCell(r, measureCol).value;
    const n = typeof v === 'string' ? measureNumberOf(v) : null;
    if (n) rowOf.set(n.no, r);
  }
  return { ws, header, col, rowOf };
}

/** Opens a copy, lets `edit` change it (fill answers, tamper), and returns the saved bytes. */
export async function editCopy(bytes: Uint8Array, edit: (layout: CopyLayout, wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const host = await XlsxHost.open(bytes);
  edit(copyLayout(host.workbook), host.workbook);
  return host.toBuffer();
}

/** Fills 完成情况 / 进展说明 / 完成日期 of every measure `answer` returns something for. */
export function fillAnswers(bytes: Uint8Array, answer: (no: string) => Answer | null): Promise<Uint8Array> {
  return editCopy(bytes, ({ ws, col, rowOf }) => {
    for (const [no, row] of rowOf) {
      const a = answer(no);
      if (!a) continue;
      if (a.status !== undefined) ws.getCell(row, col['完成情况']).value = a.status;
      if (a.explanation !== undefined) ws.getCell(row, col['进展说明']).value = a.explanation;
      if (a.doneDate !== undefined) ws.getCell(row, col['完成日期']).value = a.doneDate;
    }
  });
}

/** Rewrites the identity JSON of a copy (to fake another unit). */
export function editIdentity(bytes: Uint8Array, change: (identity: Record<string, unknown>) => void): Promise<Uint8Array> {
  return editCopy(bytes, (_layout, wb) => {
    const ws = wb.getWorksheet(RETURN_IDENTITY_SHEET)!;
    const identity = JSON.parse(String(ws.getCell(1, 1).value)) as Record<string, unknown>;
    change(identity);
    ws.getCell(1, 1).value = JSON.stringify(identity);
  });
}

export function source(name: string, bytes: Uint8Array, receivedAt = '2022-09-10 10:00'): ReturnSource {
  return { name, receivedAt, open: () => XlsxHost.open(bytes) };
}

/** A hash of every value in the given 1-based columns of a sheet (the task columns must never change). */
export function columnsHash(wb: ExcelJS.Workbook, sheet: string, columns: number[]): string {
  const hash = createHash('sha256');
  const ws = wb.getWorksheet(sheet)!;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    for (const c of columns) hash.update(`${r}:${c}=${JSON.stringify(row.getCell(c).value)};`);
  });
  return hash.digest('hex');
}

/** The status the round-trip test has every unit give for a measure. */
export function statusFor(no: string): Answer {
  const n = Number(no);
  switch (n % 4) {
    case 0:
      return { status: '已完成', doneDate: new Date(Date.UTC(2022, 6, 1 + (n % 20))) };
    case 1:
      return { status: '序时推进', explanation: `第${no}项按计划推进` };
    case 2:
      return { status: '进度滞后', explanation: `第${no}项因疫情滞后，9月底前补齐` };
    default:
      return { status: '未启动', explanation: `第${no}项待上级部署` };
  }
}
