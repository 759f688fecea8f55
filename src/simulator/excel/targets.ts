/** What a proxy needs of the object it hangs from (its sheet, its range), as interfaces, so no proxy imports its parent. */
import type ExcelJS from 'exceljs';
import type { CellRange } from '../../domain/types';
import type { Batch } from './batch';

/** A worksheet proxy: its sheet at sync time, and writes queued on it. */
export interface SheetTarget {
  resolve(): ExcelJS.Worksheet | null;
  write(requestBytes: number, apply: (ws: ExcelJS.Worksheet) => void): void;
}

/** What fill and font proxies format: one range, or the areas of `getRanges` (one format operation either way). */
export interface FormatTarget {
  resolve(): unknown;
  writeFormat(requestBytes: number, apply: (cell: ExcelJS.Cell) => void): void;
  readUniform<T>(read: (cell: ExcelJS.Cell | undefined) => T): T | null;
}

/** A range proxy: its rectangle at sync time, whole-range operations and format writes. */
export interface RangeTarget extends FormatTarget {
  readonly ctx: Batch;
  resolve(): { ws: ExcelJS.Worksheet; rect: CellRange } | null;
  later(requestBytes: number, apply: (ws: ExcelJS.Worksheet, rect: CellRange) => void): void;
}
