/**
 * A worksheet of the ExcelJS model as Excel's object model sees it — addresses, the used range, merged areas,
 * protection, cell-by-cell reads and writes within Excel's limits — shared by the Excel and the WPS imitation.
 */
import type ExcelJS from 'exceljs';
import { columnIndex, parseAddress, rangeAddress } from '../domain/address';
import { rangeCellCount } from '../domain/cell-ranges';
import type { CellRange } from '../domain/types';
import { cellColours, hasFormat, hasValue, NO_FILL_COLOURS, type CellColours } from './cell-model';
import { SimulatorError } from './errors';

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** Excel's A1 notation, also whole columns ('A:C') and whole rows ('2:5'), with an optional sheet prefix. */
export function parseRangeAddress(address: string): CellRange | null {
  const bare = (address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address).replace(/\$/g, '').trim();
  const cells = parseAddress(bare);
  if (cells) return cells.top >= 0 && cells.bottom < MAX_ROWS && cells.right < MAX_COLS ? cells : null;
  let m = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(bare);
  if (m) {
    const [c1, c2] = [columnIndex(m[1]), columnIndex(m[2])];
    return { top: 0, left: Math.min(c1, c2), bottom: MAX_ROWS - 1, right: Math.max(c1, c2) };
  }
  m = /^(\d+):(\d+)$/.exec(bare);
  if (m) {
    const [r1, r2] = [Number(m[1]) - 1, Number(m[2]) - 1];
    if (r1 < 0 || r2 < 0) return null;
    return { top: Math.min(r1, r2), left: 0, bottom: Math.max(r1, r2), right: MAX_COLS - 1 };
  }
  return null;
}

/** How Excel prefixes a sheet name in an address: quoted when it holds anything but letters, digits, '_' and '.'. */
export function sheetPrefix(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}

export function officeAddress(sheet: string, r: CellRange): string {
  return `${sheetPrefix(sheet)}${rangeAddress(r)}`;
}

/** [row, col] (0-based) of every cell `getUsedRange` counts. */
export function usedCells(ws: ExcelJS.Worksheet, valuesOnly: boolean): [number, number][] {
  const out: [number, number][] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      if (hasValue(cell) || (!valuesOnly && hasFormat(cell))) out.push([rowNumber - 1, colNumber - 1]);
    });
  });
  return out;
}

/** Bounds of what `getUsedRange` counts: cells with values, plus formatted cells unless `valuesOnly`. */
export function usedRect(ws: ExcelJS.Worksheet, valuesOnly: boolean): CellRange | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      if (hasValue(cell) || (!valuesOnly && hasFormat(cell))) {
        top = Math.min(top, rowNumber - 1);
        bottom = Math.max(bottom, rowNumber - 1);
        left = Math.min(left, colNumber - 1);
        right = Math.max(right, colNumber - 1);
      }
    });
  });
  return bottom < 0 ? null : { top, left, bottom, right };
}

/** ExcelJS's private table of a sheet's merged areas, by the master cell's address (1-based bounds). */
type ExcelJsMerges = Record<string, { model: { top: number; left: number; bottom: number; right: number } }>;

function exceljsMergesOf(ws: ExcelJS.Worksheet): { _merges: ExcelJsMerges } {
  return ws as unknown as { _merges: ExcelJsMerges };
}

export function mergedAreas(ws: ExcelJS.Worksheet): CellRange[] {
  return Object.values(exceljsMergesOf(ws)._merges).map(({ model: m }) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
}

/**
 * Merges `r` in place of every merged area touching it, in time linear in its cells (a summary sheet merges
 * thousands of areas). ExcelJS's unMergeCells finds those areas from the cells of `r`, each of which knows its
 * master; its mergeCells would then compare `r` with every merge on the sheet, a check that can no longer
 * fail, so it runs against an empty index and the new area is added to the sheet's own afterwards.
 */
export function mergeReplacing(ws: ExcelJS.Worksheet, r: CellRange): void {
  ws.unMergeCells(r.top + 1, r.left + 1, r.bottom + 1, r.right + 1);
  if (r.bottom === r.top && r.right === r.left) return;
  const sheet = exceljsMergesOf(ws);
  const merges = sheet._merges;
  sheet._merges = {};
  try {
    ws.mergeCells(r.top + 1, r.left + 1, r.bottom + 1, r.right + 1);
  } finally {
    sheet._merges = Object.assign(merges, sheet._merges);
  }
}

/** Visits existing cells only (never creates rows), in row-major order. */
export function forExistingCells(ws: ExcelJS.Worksheet, rect: CellRange, visit: (cell: ExcelJS.Cell) => void): void {
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber - 1 < rect.top || rowNumber - 1 > rect.bottom) return;
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      if (colNumber - 1 >= rect.left && colNumber - 1 <= rect.right) visit(cell);
    });
  });
}

function boundedForWrite(rect: CellRange): CellRange {
  if (tooManyCells(rect)) {
    throw new SimulatorError('InvalidArgument', 'The range is too large for a cell-by-cell operation in the simulator.');
  }
  return rect;
}

/**
 * A protected sheet refuses value writes to locked cells (cells are locked unless unlocked explicitly) and
 * formatting unless its protection allows formatting cells.
 */
export function assertEditable(ws: ExcelJS.Worksheet, rect: CellRange, kind: 'values' | 'format'): void {
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean; formatCells?: boolean } }).sheetProtection;
  if (!protection?.sheet) return;
  if (kind === 'format' && protection.formatCells) return;
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      if (kind === 'format' || ws.findRow(r + 1)?.findCell(c + 1)?.protection?.locked !== false) {
        throw new SimulatorError('AccessDenied', 'The cell or chart you are trying to change is protected and therefore read-only.');
      }
    }
  }
}

/** Visits every cell of the rectangle, creating it (for writes). */
export function forEveryCell(ws: ExcelJS.Worksheet, rect: CellRange, visit: (cell: ExcelJS.Cell, r: number, c: number) => void): void {
  boundedForWrite(rect);
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row = ws.getRow(r + 1);
    for (let c = rect.left; c <= rect.right; c++) visit(row.getCell(c + 1), r - rect.top, c - rect.left);
  }
}

export function updateStyle(cell: ExcelJS.Cell, patch: Partial<ExcelJS.Style>): void {
  // ExcelJS may share one style object between cells: replace it rather than mutate it.
  cell.style = { ...cell.style, ...patch };
}

/**
 * Excel handles at most five million cells in one range ("A range is limited to 5,000,000 cells for read
 * operations": "Resource limits and performance optimization for Office Add-ins", Excel add-ins; Office Scripts
 * platform limits say the same; the add-in docs' "Read or write to a large range" warns of it). Cell-level properties of a larger range then come back
 * null, as they do for an unbounded range ("Read or write to an unbounded range": values, numberFormat… null).
 */
export const MAX_CELLS_PER_RANGE = 5_000_000;

export function tooManyCells(rect: CellRange): boolean {
  return rangeCellCount(rect) > MAX_CELLS_PER_RANGE;
}

export function grid<T>(ws: ExcelJS.Worksheet, rect: CellRange, read: (cell: ExcelJS.Cell | undefined) => T): T[][] {
  if (tooManyCells(rect)) {
    throw new SimulatorError('GeneralException', 'Excel reads at most 5 000 000 cells at a time.');
  }
  const out: T[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row = ws.findRow(r + 1);
    const line: T[] = [];
    for (let c = rect.left; c <= rect.right; c++) line.push(read(row?.findCell(c + 1)));
    out.push(line);
  }
  return out;
}

/** Same value for every cell, or null when they differ (Office.js range-level format semantics). */
export function uniform<T>(ws: ExcelJS.Worksheet, rect: CellRange, read: (cell: ExcelJS.Cell | undefined) => T): T | null {
  let first: T | undefined;
  let seen = false;
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row = ws.findRow(r + 1);
    for (let c = rect.left; c <= rect.right; c++) {
      const v = read(row?.findCell(c + 1));
      if (!seen) {
        first = v;
        seen = true;
      } else if (v !== first) return null;
    }
  }
  return first ?? null;
}

export function colours(cell: ExcelJS.Cell | undefined): CellColours {
  return cell ? cellColours(cell) : NO_FILL_COLOURS;
}
