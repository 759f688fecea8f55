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

/**
 * A set of cells as few rectangles: runs of adjacent cells in a row, then identical runs on consecutive rows
 * stacked into one rectangle. Cells that form a rectangle therefore come back as exactly that rectangle.
 */
export function cellsToRanges(cells: Iterable<{ row: number; col: number }>): CellRange[] {
  const byKey = new Map<number, { row: number; col: number }>();
  for (const c of cells) byKey.set(cellKey(c.row, c.col), c);
  const sorted = [...byKey.values()].sort((a, b) => a.row - b.row || a.col - b.col);
  const segments: CellRange[] = [];
  for (const c of sorted) {
    const last = segments[segments.length - 1];
    if (last && last.top === c.row && last.right + 1 === c.col) last.right = c.col;
    else segments.push({ top: c.row, left: c.col, bottom: c.row, right: c.col });
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
