/**
 * The saved highlight record in a compact form. One entry per coloured cell ({row, col, original, applied})
 * costs ~230 characters of JSON: a 20 000-row sheet would carry a ~20 MB state, far over Office's 5 MB
 * payload. Neighbouring cells nearly always share their original style and their applied colours, so the
 * stored form keeps each distinct style and colour pair once and the cells as runs along a row:
 * a few dozen characters per row. Workflows unpack on read and pack before saving; records saved unpacked
 * (plain `cells`) are read as they are.
 */
import { cellKey, strictlyAscending } from './cell-ranges';
import { cellText } from './text';
import type { CellStyle, SheetGrid } from './types';
import type { HighlightedCell, HighlightRecord, PackedHighlight } from './workbook-state';

export function packRecord(record: HighlightRecord): HighlightRecord {
  const styles: PackedHighlight['styles'] = [];
  const colours: PackedHighlight['colours'] = [];
  const styleIndex = new Map<string, number>();
  const colourIndex = new Map<string, number>();
  const indexOf = <T>(list: T[], index: Map<string, number>, key: string, value: T): number => {
    let i = index.get(key);
    if (i === undefined) {
      i = list.push(value) - 1;
      index.set(key, i);
    }
    return i;
  };
  const runs: PackedHighlight['runs'] = [];
  const sorted = [...record.cells].sort((a, b) => a.row - b.row || a.col - b.col);
  // Neighbouring cells nearly always share their style and colours: the previous cell's indexes are tried first,
  // so most cells cost a few comparisons instead of a key text and a lookup.
  let last: HighlightedCell | null = null;
  let s = -1;
  let c = -1;
  for (const cell of sorted) {
    const o = cell.original;
    if (!last || last.original.fill !== o.fill || last.original.font !== o.font || last.original.token !== o.token) {
      s = indexOf(styles, styleIndex, JSON.stringify([o.fill, o.font, o.token]), { fill: o.fill, font: o.font, token: o.token });
    }
    if (!last || last.applied.fill !== cell.applied.fill || last.applied.font !== cell.applied.font) {
      c = indexOf(colours, colourIndex, `${cell.applied.fill}|${cell.applied.font}`, { fill: cell.applied.fill, font: cell.applied.font });
    }
    last = cell;
    const run = runs[runs.length - 1];
    if (run && run[0] === cell.row && run[2] + 1 === cell.col && run[3] === s && run[4] === c) run[2] = cell.col;
    else runs.push([cell.row, cell.col, cell.col, s, c]);
  }
  const { cells: _cells, ...rest } = record;
  return { ...rest, cells: [], packed: { styles, colours, runs } };
}

const isIndex = (n: unknown, length: number): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) < length;
const isCoord = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
const isColour = (v: unknown): boolean => v === null || typeof v === 'string';

/** Excel's grid, 0-based: 1 048 576 rows, 16 384 columns (XFD). */
export const EXCEL_LAST_ROW = 1_048_575;
export const EXCEL_LAST_COL = 16_383;

/** How far below and right of the sheet's used range a recorded cell may lie (rows deleted since, a cleared column). */
const ROWS_PAST_SHEET = 1_000;
const COLS_PAST_SHEET = 64;

/** The cells a record may name: within Excel's grid and near the sheet's used range. */
export interface RecordBounds {
  lastRow: number;
  lastCol: number;
}

/** The bounds for a sheet whose used range is `grid`: the product only ever colours cells of its table. */
export function recordBoundsOf(grid: SheetGrid | null): RecordBounds {
  if (!grid) return { lastRow: EXCEL_LAST_ROW, lastCol: EXCEL_LAST_COL };
  // The grid is rectangular: its first row is as wide as any.
  const lastCol = grid.originCol + (grid.values[0]?.length ?? 0) - 1;
  return {
    lastRow: Math.min(EXCEL_LAST_ROW, lastGridRow(grid) + ROWS_PAST_SHEET),
    lastCol: Math.min(EXCEL_LAST_COL, Math.max(lastCol, 0) + COLS_PAST_SHEET),
  };
}

function isRecordedCell(c: unknown, bounds: RecordBounds): c is HighlightedCell {
  if (typeof c !== 'object' || c === null) return false;
  const cell = c as Partial<HighlightedCell>;
  return (
    isCoord(cell.row) &&
    isCoord(cell.col) &&
    cell.row <= bounds.lastRow &&
    cell.col <= bounds.lastCol &&
    typeof cell.original === 'object' &&
    cell.original !== null &&
    isColour(cell.original.fill) &&
    isColour(cell.original.font) &&
    typeof cell.applied === 'object' &&
    cell.applied !== null &&
    typeof cell.applied.fill === 'string' &&
    typeof cell.applied.font === 'string'
  );
}

/**
 * The record with every cell listed. Malformed runs and cells (a record edited by hand or damaged), and any
 * outside `bounds`, are skipped rather than guessed at: those cells are then simply no longer remembered. A
 * run is walked only within the bounds, so a forged [3, 0, 300000000, 0, 0] costs no more than the sheet.
 */
export function unpackRecord(record: HighlightRecord | undefined, bounds: RecordBounds = recordBoundsOf(null)): HighlightRecord | undefined {
  if (!record) return record;
  const packed = record.packed;
  const styles = packed && Array.isArray(packed.styles) ? packed.styles : [];
  const colours = packed && Array.isArray(packed.colours) ? packed.colours : [];
  const cells: HighlightedCell[] = Array.isArray(record.cells) ? record.cells.filter((c) => isRecordedCell(c, bounds)) : [];
  // One applied-colours object per stored colour pair, shared by every cell of its runs.
  const appliedOf: { fill: string; font: string }[] = [];
  for (const run of packed && Array.isArray(packed.runs) ? packed.runs : []) {
    if (!Array.isArray(run)) continue;
    const [row, first, last, s, c] = run;
    if (!isCoord(row) || !isCoord(first) || !isCoord(last) || last < first || !isIndex(s, styles.length) || !isIndex(c, colours.length)) continue;
    if (row > bounds.lastRow || first > bounds.lastCol) continue;
    const style = styles[s];
    const colour = colours[c];
    if (!style || !colour || !isColour(style.fill) || !isColour(style.font) || typeof colour.fill !== 'string' || typeof colour.font !== 'string') continue;
    const applied = (appliedOf[c] ??= { fill: colour.fill, font: colour.font });
    for (let col = first; col <= Math.min(last, bounds.lastCol); col++) {
      const original: CellStyle = { row, col, fill: style.fill, font: style.font, token: style.token };
      cells.push({ row, col, original, applied });
    }
  }
  const userColoured = Array.isArray(record.userColoured)
    ? record.userColoured.filter((c) => typeof c === 'object' && c !== null && isCoord(c.row) && isCoord(c.col) && c.row <= bounds.lastRow && c.col <= bounds.lastCol)
    : undefined;
  const { packed: _packed, userColoured: _userColoured, ...rest } = record;
  return { ...rest, cells, ...(userColoured?.length ? { userColoured } : {}) };
}

// ---- following rows the clerk moved -------------------------------------------------------------------------

/** A short fingerprint of a row's identifying text (FNV-1a, 32 bits): enough to tell rows of one sheet apart. */
export function rowKey(textValue: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < textValue.length; i++) {
    h ^= textValue.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** The sheet as it is now, seen through the record's key column: the key at a row, and the rows of each key. */
export interface RowKeyIndex {
  keyAt(row: number): string | null;
  rowsOf(key: string): number[];
}

export function rowKeyIndex(texts: Iterable<[number, string]>): RowKeyIndex {
  const byRow = new Map<number, string>();
  const byKey = new Map<string, number[]>();
  for (const [row, textValue] of texts) {
    if (!textValue) continue;
    const key = rowKey(textValue);
    byRow.set(row, key);
    const rows = byKey.get(key);
    if (rows) rows.push(row);
    else byKey.set(key, [row]);
  }
  return { keyAt: (row) => byRow.get(row) ?? null, rowsOf: (key) => byKey.get(key) ?? [] };
}

/**
 * The index of a grid's column (absolute 0-based column; rows absolute 0-based), by each cell's display text.
 * A row's key is worked out when asked for (a highlight asks for its coloured rows, a realignment for the rows it
 * remembers); the rows of each key only when a remembered row's key is no longer where it was.
 */
export function rowKeyIndexFromGrid(grid: SheetGrid, col: number): RowKeyIndex {
  const c = col - grid.originCol;
  function* texts(): Generator<[number, string]> {
    if (c < 0) return;
    for (let r = 0; r < grid.values.length; r++) {
      if (c < grid.values[r].length) yield [grid.originRow + r, cellText(grid.values[r][c])];
    }
  }
  let whole: RowKeyIndex | null = null;
  return {
    keyAt: (row) => {
      const r = row - grid.originRow;
      if (c < 0 || r < 0 || r >= grid.values.length || c >= grid.values[r].length) return null;
      const textValue = cellText(grid.values[r][c]);
      return textValue ? rowKey(textValue) : null;
    },
    rowsOf: (key) => (whole ??= rowKeyIndex(texts())).rowsOf(key),
  };
}

/** The grid's last row (absolute, 0-based); -1 for an empty grid. */
export function lastGridRow(grid: SheetGrid | null): number {
  return grid ? grid.originRow + grid.values.length - 1 : -1;
}

/** Adds the key column and the fingerprints of the recorded rows that have text in it. */
export function withRowKeys(record: HighlightRecord, keyColumn: number, index: RowKeyIndex): HighlightRecord {
  const rows = new Set<number>();
  // Cells come row by row: a row is added once per run of its cells, not once per cell.
  let previous = -1;
  for (const c of record.cells) {
    if (c.row !== previous) rows.add(c.row);
    previous = c.row;
  }
  for (const c of record.userColoured ?? []) rows.add(c.row);
  const rowKeys: [number, string][] = [];
  for (const row of [...rows].sort((a, b) => a - b)) {
    const key = index.keyAt(row);
    if (key) rowKeys.push([row, key]);
  }
  return { ...record, keyColumn, rowKeys };
}

/**
 * The record moved to where its rows are now. Each recorded row with a key heads a block (itself and the
 * keyless rows below it, e.g. the continuation rows of a multi-row task); a block whose key is no longer at its
 * row but at exactly one other row moves there with all its cells. A block whose key is nowhere (its text was
 * edited, or the row deleted) stays put — unless a moved block now occupies that place, in which case its
 * cells are forgotten rather than restored onto someone else's row. Without keys the record is returned as is.
 */
export function realignRecord(record: HighlightRecord, index: RowKeyIndex): HighlightRecord {
  const keyed = (record.rowKeys ?? []).filter((k) => Array.isArray(k) && Number.isInteger(k[0]) && typeof k[1] === 'string');
  if (!keyed.length) return record;
  const heads = keyed.map(([row]) => row).sort((a, b) => a - b);
  const keyOf = new Map(keyed);

  // The block head of a row: the nearest keyed row at or above it (binary search over the sorted heads).
  const headOf = (row: number): number | null => {
    let lo = 0;
    let hi = heads.length - 1;
    let found: number | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (heads[mid] <= row) {
        found = heads[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  const shift = new Map<number, { delta: number; sure: boolean }>();
  for (const head of heads) {
    const key = keyOf.get(head)!;
    if (index.keyAt(head) === key) {
      shift.set(head, { delta: 0, sure: true });
      continue;
    }
    const now = index.rowsOf(key);
    shift.set(head, now.length === 1 ? { delta: now[0] - head, sure: true } : { delta: 0, sure: false });
  }
  const moveOf = (row: number): { delta: number; sure: boolean } => {
    const head = headOf(row);
    return head === null ? { delta: 0, sure: false } : shift.get(head)!;
  };

  // Nothing moved (the usual case): the cells stay where they are, and unless the list repeats a cell or is out
  // of order there is nothing to sort out either.
  const nothingMoved = [...shift.values()].every((m) => m.delta === 0);
  const taken = new Set<number>();
  const place = <T extends { row: number; col: number }>(items: T[], move: (item: T, row: number) => T): T[] => {
    if (nothingMoved && strictlyAscending(items)) return items.slice();
    const out: T[] = [];
    for (const pass of [true, false]) {
      for (const item of items) {
        const m = moveOf(item.row);
        if (m.sure !== pass) continue;
        const row = item.row + m.delta;
        const id = cellKey(row, item.col);
        if (row < 0 || taken.has(id)) continue;
        taken.add(id);
        out.push(m.delta ? move(item, row) : item);
      }
    }
    return out.sort((a, b) => a.row - b.row || a.col - b.col);
  };
  const cells = place(record.cells, (c, row) => ({ ...c, row, original: { ...c.original, row } }));
  const userColoured = place(record.userColoured ?? [], (c, row) => ({ ...c, row }));
  const rowKeys = keyed.map(([row, key]): [number, string] => [row + moveOf(row).delta, key]).sort((a, b) => a[0] - b[0]);
  const { userColoured: _previous, ...rest } = record;
  return { ...rest, cells, ...(userColoured.length ? { userColoured } : {}), rowKeys };
}
