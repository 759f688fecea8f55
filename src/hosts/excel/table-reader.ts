/**
 * Reads a sheet's table through Office.js after the first sync (which brought the used range's bounds and, when
 * it fitted, a first window of values): probes for the table's own extent when the used range is huge (a stray
 * cell at XFD1 or in row 1 048 576), then reads the rest in windows sized from the bytes the earlier windows took,
 * halving a window Excel refuses (ResponsePayloadSizeLimitExceeded) or answers null (the five-million-cell limit).
 * Every range is named by its absolute address (Worksheet.getRange, ExcelApi 1.1): no range reaches past the used
 * range or depends on behaviour the reference does not promise.
 */
import { cellAddress, parseAddress, rangeAddress } from '../../domain/address';
import { UserFacingError } from '../../domain/errors';
import { text } from '../../domain/i18n';
import type { CellRange, CellValue, SheetGrid } from '../../domain/types';
import { cellValueFromOffice } from './cell-values';
import { jsonBytes } from './payload';
import { extentProbes, firstWindowRect, needsExtentProbe, tableExtent, windowRows } from './read-plan';

type Ctx = Excel.RequestContext;

/** getMergedAreas fails on a range holding more than 512 merged areas. */
const MAX_MERGED_AREAS_PER_CALL = 512;
/** Merge bands of the first sync (whole rows, before the width is known): 512 areas need 8+ merges in every row. */
export const FIRST_MERGE_BAND_ROWS = 60;

export interface TableReadOptions {
  /** ExcelApi minor level. */
  minor: number;
  /** Bytes a response may carry (already below the host's limit). */
  responseBytes: number;
  /** Rows of the first window asked for (FIRST_WINDOW_ROWS or the unlimited variant). */
  firstWindowRows: number;
  firstWindowCols: number;
  /** The first window was refused as too large: start from a size that fits instead. */
  firstWindowRefused: boolean;
}

/** What the first sync brought for the sheet. */
export interface FirstSync {
  used: Excel.Range;
  /** The first window (values, numberFormat), null when it was not asked for. */
  window: Excel.Range | null;
  /** Whole-row merge bands over the first window's rows; null when merges are not read. */
  mergeBands: Excel.RangeAreas[] | null;
  /** Absolute rows the merge bands cover (0 … mergeRows − 1). */
  mergeRows: number;
}

/** The first window, in the first sync: the used range ∩ (its top-left cell … the sheet cell (rows − 1, cols − 1)). */
export function queueFirstWindow(ws: Excel.Worksheet, used: Excel.Range, rows: number, cols: number): Excel.Range {
  return used
    .getCell(0, 0)
    .getBoundingRect(ws.getRange(cellAddress(rows - 1, cols - 1)))
    .getIntersection(used)
    .load(['values', 'numberFormat']);
}

/** Whole-row bands over sheet rows 0 … rows − 1 (independent of the used range, so valid before it is known). */
export function queueFirstMergeBands(ws: Excel.Worksheet, rows: number): Excel.RangeAreas[] {
  return Array.from({ length: Math.ceil(rows / FIRST_MERGE_BAND_ROWS) }, (_, b) =>
    ws.getRange(`${b * FIRST_MERGE_BAND_ROWS + 1}:${(b + 1) * FIRST_MERGE_BAND_ROWS}`).getMergedAreasOrNullObject().load('address'),
  );
}

function codeOf(e: unknown): string | null {
  return e && typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : null;
}

/** Addresses of a RangeAreas ('Sheet1!A1:B2,Sheet1!C3') → ranges; quoted sheet names may hold commas. */
export function parseAreaList(address: string): CellRange[] {
  const out: CellRange[] = [];
  for (const m of address.matchAll(/!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)/g)) {
    const r = parseAddress(m[1]);
    if (r) out.push(r);
  }
  return out;
}

export async function readTableGrid(ctx: Ctx, ws: Excel.Worksheet, sheet: string, first: FirstSync, options: TableReadOptions): Promise<SheetGrid> {
  const { minor } = options;
  const mergesKnown = first.mergeBands !== null;
  const empty: SheetGrid = { sheet, originRow: 0, originCol: 0, values: [], merges: [], mergesKnown };
  if (minor >= 4 && first.used.isNullObject) return empty;
  const used = parseAddress(first.used.address)!;
  const table = needsExtentProbe(used) ? await probeExtent(ctx, ws, used, minor) : used;
  const width = table.right - table.left + 1;

  const values: unknown[][] = [];
  const formats: string[][] = [];
  const windowRect = firstWindowRect(used, options.firstWindowRows, options.firstWindowCols);
  const windowWidth = windowRect.right - windowRect.left + 1;
  let bytesPerRow: number;
  const window = first.window;
  if (window && window.values && window.numberFormat && windowRect.right >= table.right) {
    const rows = Math.min(window.values.length, table.bottom - table.top + 1);
    for (let r = 0; r < rows; r++) {
      values.push(window.values[r].slice(0, width));
      formats.push(window.numberFormat[r].slice(0, width));
    }
    bytesPerRow = Math.max(1, (jsonBytes(window.values) + jsonBytes(window.numberFormat)) / Math.max(1, window.values.length));
  } else if (window && window.values && window.numberFormat) {
    // The table is wider than the first window: read whole rows again, sized from what the window cost.
    bytesPerRow = Math.max(1, ((jsonBytes(window.values) + jsonBytes(window.numberFormat)) / Math.max(1, window.values.length)) * (width / windowWidth));
  } else {
    // Refused as too large (or not asked for): it took more than the whole response allowance.
    const windowRows = windowRect.bottom - windowRect.top + 1;
    bytesPerRow = options.firstWindowRefused ? ((2 * options.responseBytes) / windowRows) * Math.max(1, width / windowWidth) : 200 * width;
  }

  const areas: string[] = (first.mergeBands ?? []).filter((m) => !m.isNullObject).map((m) => m.address);
  let mergedThrough = mergesKnown ? Math.max(first.mergeRows, table.top) - 1 : table.bottom;
  const mergeBandRows = Math.max(1, Math.floor(MAX_MERGED_AREAS_PER_CALL / width));
  const usedHidden = minor >= 2 ? first.used.rowHidden : undefined;
  // The used range's answer holds for the table inside it when it is all-or-nothing; "some" needs the table's own.
  let hidden: boolean | null | undefined = sameRange(table, used) || usedHidden !== null ? usedHidden : undefined;
  const absolute = (top: number, bottom: number) => ws.getRange(rangeAddress({ top, left: table.left, bottom, right: table.right }));

  while (table.top + values.length <= table.bottom || mergedThrough < table.bottom || (minor >= 2 && hidden === undefined)) {
    const start = table.top + values.length;
    const size = start <= table.bottom ? windowRows(table.bottom - start + 1, width, bytesPerRow, options.responseBytes) : 0;
    const chunk = size ? absolute(start, start + size - 1).load(['values', 'numberFormat']) : null;
    // Merged areas go with the rows being read; once the values are in, all remaining bands at once.
    const mergeEnd = size ? start + size - 1 : table.bottom;
    const bands: Excel.RangeAreas[] = [];
    for (let b = mergedThrough + 1; b <= mergeEnd; b += mergeBandRows) {
      bands.push(absolute(b, Math.min(b + mergeBandRows - 1, table.bottom)).getMergedAreasOrNullObject().load('address'));
    }
    const hiddenProbe: Excel.Range | null = minor >= 2 && hidden === undefined ? absolute(table.top, table.bottom).load('rowHidden') : null;
    try {
      await ctx.sync();
    } catch (e) {
      if (codeOf(e) !== 'ResponsePayloadSizeLimitExceeded') throw e;
      if (size <= 1) throw rowTooLarge(sheet, { top: start, left: table.left, bottom: start, right: table.right });
      bytesPerRow *= 2;
      continue;
    }
    if (hiddenProbe) hidden = hiddenProbe.rowHidden;
    if (chunk) {
      // Past the cell limit Excel may answer null instead of failing: take it as "too large" too.
      if (!chunk.values || !chunk.numberFormat) {
        if (size <= 1) throw rowTooLarge(sheet, { top: start, left: table.left, bottom: start, right: table.right });
        bytesPerRow *= 2;
        continue;
      }
      values.push(...chunk.values);
      formats.push(...chunk.numberFormat);
      bytesPerRow = Math.max(1, (jsonBytes(chunk.values) + jsonBytes(chunk.numberFormat)) / size);
    }
    for (const band of bands) if (!band.isNullObject) areas.push(band.address);
    mergedThrough = Math.max(mergedThrough, mergeEnd);
  }

  // Below ExcelApi 1.4 an empty sheet answers A1 holding ''.
  if (used.top === used.bottom && used.left === used.right && values[0]?.[0] === '') return empty;
  const merges = uniqueRanges(areas.flatMap(parseAreaList)).filter((m) => m.top <= table.bottom && m.bottom >= table.top && m.left <= table.right && m.right >= table.left);
  const grid = values.map((line, r) => line.map((v, c) => cellValueFromOffice(v, formats[r]?.[c])));
  const out: SheetGrid = { sheet, originRow: table.top, originCol: table.left, values: coverMerges(grid, table, merges), merges, mergesKnown };
  if (minor >= 2) {
    if (hidden === false) out.hiddenRows = [];
    else if (hidden === true) out.hiddenRows = Array.from({ length: table.bottom - table.top + 1 }, (_, i) => table.top + i);
    // null: some rows hidden — finding which would cost a load per row, so hiddenRows stays unknown.
  }
  if (!sameRange(table, used)) out.usedRangeBeyondGrid = used;
  return out;
}

/** One row Excel will not return at once (over the web's 5 MB, or no values): nothing smaller can be asked for. */
function rowTooLarge(sheet: string, row: CellRange): UserFacingError {
  const where = rangeAddress(row);
  return new UserFacingError(
    'excel.row_too_large',
    text(
      `工作表“${sheet}”的 ${where} 一行内容过多，Excel 无法一次返回（网页版 Excel 单次最多 5 MB）。请删除表格右侧多余的列或缩短超长文字后再试，或在桌面版 Excel 中打开。`,
      `Row ${where} of sheet "${sheet}" holds more than Excel returns at once (5 MB per response in Excel on the web). Delete surplus columns right of the table or shorten very long texts and try again, or open the workbook in desktop Excel.`,
    ),
  );
}

/**
 * One sync: where the data of a huge used range ends, from the used range of growing prefixes of its rows and of
 * its columns (addresses only; each prefix holds the used range's first row or column, so it is never empty).
 */
async function probeExtent(ctx: Ctx, ws: Excel.Worksheet, used: CellRange, minor: number): Promise<CellRange> {
  const probes = extentProbes(used);
  const ask = (r: CellRange) => {
    const range = ws.getRange(rangeAddress(r));
    return (minor >= 2 ? range.getUsedRange(true) : range.getUsedRange()).load('address');
  };
  const rows = probes.rows.map(ask);
  const cols = probes.cols.map(ask);
  await ctx.sync();
  const bottom = (r: Excel.Range) => parseAddress(r.address)!.bottom;
  const right = (r: Excel.Range) => parseAddress(r.address)!.right;
  return tableExtent(used, probes, rows.map(bottom), cols.map(right));
}

function sameRange(a: CellRange, b: CellRange): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

/** Merged areas reported by overlapping bands, once each. */
function uniqueRanges(ranges: CellRange[]): CellRange[] {
  const seen = new Map<string, CellRange>();
  for (const r of ranges) seen.set(rangeAddress(r), r);
  return [...seen.values()].sort((a, b) => a.top - b.top || a.left - b.left);
}

/**
 * The used range counts values only; a merged area starting inside it may reach past it (a title merged
 * across blank columns). Such areas belong to the table: pad with blanks to cover them (as the xlsx host does).
 */
function coverMerges(values: CellValue[][], origin: CellRange, merges: CellRange[]): CellValue[][] {
  if (!values.length) return values;
  const bottom = origin.top + values.length - 1;
  const right = origin.left + values[0].length - 1;
  let newBottom = bottom;
  let newRight = right;
  for (const m of merges) {
    if (m.top > bottom || m.bottom < origin.top || m.left > right || m.right < origin.left) continue;
    newBottom = Math.max(newBottom, m.bottom);
    newRight = Math.max(newRight, m.right);
  }
  if (newBottom === bottom && newRight === right) return values;
  const width = newRight - origin.left + 1;
  const padded = values.map((line) => (line.length < width ? [...line, ...new Array<CellValue>(width - line.length).fill(null)] : line));
  for (let r = bottom + 1; r <= newBottom; r++) padded.push(new Array<CellValue>(width).fill(null));
  return padded;
}
