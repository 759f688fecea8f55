/**
 * How a sheet is read through Office.js, planned from what can be measured before the values come: the used
 * range's bounds cost a few bytes, and the used range *inside a range* (Range.getUsedRange) tells where data ends
 * without loading a single value. Pure arithmetic on rectangles, so it is tested without Excel.
 *
 * Limits planned for (each documented by Microsoft):
 *  - Excel on the web answers at most 5 MB a response (ResponsePayloadSizeLimitExceeded);
 *  - a range holds at most five million cells, and past that `values` may come back null;
 *  - Range.getUsedRange throws ItemNotFound on a range without used cells — every probe here therefore starts at
 *    the used range's first row (or column), which always holds one.
 */
import { rangeCellCount } from '../../domain/cell-ranges';
import type { CellRange } from '../../domain/types';

/** Rows and columns of the used range read speculatively in the first sync (≈ 1 MB of CJK text at 7 columns). */
export const FIRST_WINDOW_ROWS = 2000;
export const FIRST_WINDOW_COLS = 64;
/**
 * Without a payload limit (desktop) the first window is taller: a table of up to 20 000 rows comes in one sync,
 * and a sheet whose used range is huge (a stray cell far away) costs at most 1.3 million mostly blank cells.
 */
export const FIRST_WINDOW_ROWS_UNLIMITED = 20_000;
/** Cells per later read window: a tenth of Excel's five million, so neither limit is ever approached. */
export const MAX_WINDOW_CELLS = 500_000;
/** A used range larger than this (or wider than the first window) is probed for the table's own extent first. */
export const EXTENT_PROBE_CELLS = 500_000;
/** Probe granularity: a gap of one whole empty band (2 000 rows, or 64 columns) ends the table. */
export const EXTENT_BAND_ROWS = 2000;
export const EXTENT_BAND_COLS = 64;

/**
 * The first window: the used range's top-left part, at most `rows` × `cols`, as the intersection of the used range
 * with the bounding rectangle of its top-left cell and the sheet cell (rows − 1, cols − 1). Both are inside the
 * grid whatever the used range is, so the window is asked for in the same sync that learns the used range.
 */
export function firstWindowRect(used: CellRange, rows: number, cols: number): CellRange {
  return {
    top: used.top,
    left: used.left,
    bottom: Math.min(used.bottom, Math.max(used.top, rows - 1)),
    right: Math.min(used.right, Math.max(used.left, cols - 1)),
  };
}

export function needsExtentProbe(used: CellRange): boolean {
  return used.right - used.left + 1 > FIRST_WINDOW_COLS || rangeCellCount(used) > EXTENT_PROBE_CELLS;
}

/**
 * Probes for the table's extent: for each band of rows, the used range of everything from the used range's first
 * row down to the band's last row (its bottom is the last row holding data up to there); the same for columns.
 */
export interface ExtentProbes {
  rows: CellRange[];
  cols: CellRange[];
}

export function extentProbes(used: CellRange): ExtentProbes {
  const rows: CellRange[] = [];
  for (let bottom = used.top + EXTENT_BAND_ROWS - 1; ; bottom += EXTENT_BAND_ROWS) {
    rows.push({ ...used, bottom: Math.min(bottom, used.bottom) });
    if (bottom >= used.bottom) break;
  }
  const cols: CellRange[] = [];
  for (let right = used.left + EXTENT_BAND_COLS - 1; ; right += EXTENT_BAND_COLS) {
    cols.push({ ...used, right: Math.min(right, used.right) });
    if (right >= used.right) break;
  }
  return { rows, cols };
}

/**
 * The table's extent from the probes' answers (the last used row of each row probe, the last used column of each
 * column probe): bands are taken while each holds data; the first empty band ends the table.
 */
export function tableExtent(used: CellRange, probes: ExtentProbes, lastRows: number[], lastCols: number[]): CellRange {
  const end = (limits: number[], answers: number[]) => {
    let last = answers[0];
    for (let k = 1; k < answers.length; k++) {
      if (answers[k] <= limits[k - 1]) break; // nothing in band k
      last = answers[k];
    }
    return last;
  };
  return {
    top: used.top,
    left: used.left,
    bottom: end(
      probes.rows.map((p) => p.bottom),
      lastRows,
    ),
    right: end(
      probes.cols.map((p) => p.right),
      lastCols,
    ),
  };
}

/** Rows of `width` columns that fit a window: within the response budget at `bytesPerRow`, and the cell cap. */
export function windowRows(remaining: number, width: number, bytesPerRow: number, responseBytes: number): number {
  const byBytes = Math.floor(responseBytes / Math.max(1, bytesPerRow));
  const byCells = Math.floor(MAX_WINDOW_CELLS / Math.max(1, width));
  return Math.max(1, Math.min(remaining, byBytes, byCells));
}
