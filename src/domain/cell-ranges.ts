/**
 * Rectangle arithmetic over cell ranges (0-based, inclusive), used to turn "these cells" into as few
 * ranges as possible — each range is one format operation for a host — and to cut cells out of a range.
 */
import type { CellRange } from './types';

export function rangesIntersect(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function rangeContains(outer: CellRange, inner: CellRange): boolean {
  return outer.top <= inner.top && outer.bottom >= inner.bottom && outer.left <= inner.left && outer.right >= inner.right;
}

export function rangeCellCount(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

/** `range` minus `hole`: at most four rectangles (a band above, a band below, and the left and right parts between). */
export function subtractRange(range: CellRange, hole: CellRange): CellRange[] {
  if (!rangesIntersect(range, hole)) return [range];
  const pieces: CellRange[] = [];
  const top = Math.max(range.top, hole.top);
  const bottom = Math.min(range.bottom, hole.bottom);
  if (range.top < top) pieces.push({ top: range.top, left: range.left, bottom: top - 1, right: range.right });
  if (range.left < hole.left) pieces.push({ top, left: range.left, bottom, right: hole.left - 1 });
  if (hole.right < range.right) pieces.push({ top, left: hole.right + 1, bottom, right: range.right });
  if (bottom < range.bottom) pieces.push({ top: bottom + 1, left: range.left, bottom: range.bottom, right: range.right });
  return pieces;
}

/** Every range minus every hole. */
export function subtractRanges(ranges: CellRange[], holes: CellRange[]): CellRange[] {
  let current = ranges;
  for (const hole of holes) {
    const next: CellRange[] = [];
    for (const r of current) next.push(...subtractRange(r, hole));
    current = next;
  }
  return current;
}

/** Calls `visit` for every cell of every range, row by row. */
export function forEachCell(ranges: CellRange[], visit: (row: number, col: number) => void): void {
  for (const r of ranges) {
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) visit(row, col);
    }
  }
}

const KEY_COLUMNS = 16384;

/** A number that identifies a cell (Excel has at most 16 384 columns). */
export function cellKey(row: number, col: number): number {
  return row * KEY_COLUMNS + col;
}

/** The row and column of a cellKey. */
export function rowOfKey(key: number): number {
  return Math.floor(key / KEY_COLUMNS);
}
export function colOfKey(key: number): number {
  return key % KEY_COLUMNS;
}

/** Whether cells are listed row by row, left to right, each once. */
export function strictlyAscending(items: readonly { row: number; col: number }[]): boolean {
  for (let i = 1; i < items.length; i++) {
    const a = items[i - 1];
    const b = items[i];
    if (b.row < a.row || (b.row === a.row && b.col <= a.col)) return false;
  }
  return true;
}

/**
 * A set of cells as few rectangles: runs of adjacent cells in a row, then identical runs on consecutive rows
 * stacked into one rectangle. Cells that form a rectangle therefore come back as exactly that rectangle.
 */
export function cellsToRanges(cells: Iterable<{ row: number; col: number }>): CellRange[] {
  const list = Array.isArray(cells) ? (cells as { row: number; col: number }[]) : [...cells];
  const segments: CellRange[] = [];
  const extend = (row: number, col: number): void => {
    const last = segments[segments.length - 1];
    if (last && last.top === row && last.right + 1 === col) last.right = col;
    else segments.push({ top: row, left: col, bottom: row, right: col });
  };
  const onGrid = list.every((c) => Number.isInteger(c.row) && Number.isInteger(c.col) && c.row >= 0 && c.col >= 0 && c.col < KEY_COLUMNS);
  if (onGrid) {
    // Cells of the grid sort as their keys do: a numeric sort of the keys, not of hundreds of thousands of objects.
    const keys = new Float64Array(list.length);
    for (let i = 0; i < list.length; i++) keys[i] = cellKey(list[i].row, list[i].col);
    keys.sort();
    for (let i = 0; i < keys.length; i++) if (i === 0 || keys[i] !== keys[i - 1]) extend(rowOfKey(keys[i]), colOfKey(keys[i]));
  } else {
    const byKey = new Map<number, { row: number; col: number }>();
    for (const c of list) byKey.set(cellKey(c.row, c.col), c);
    for (const c of [...byKey.values()].sort((a, b) => a.row - b.row || a.col - b.col)) extend(c.row, c.col);
  }
  // Stack a segment onto an open rectangle ending on the row above with the same columns.
  const open = new Map<string, CellRange>();
  const out: CellRange[] = [];
  for (const s of segments) {
    const span = `${s.left}:${s.right}`;
    const above = open.get(span);
    if (above && above.bottom + 1 === s.top) {
      above.bottom = s.top;
    } else {
      const rect = { ...s };
      open.set(span, rect);
      out.push(rect);
    }
  }
  return out;
}
