/**
 * What the clerk typed on a product sheet (a 主任批示 line under the summary, a 备注 column beside it) survives
 * when the product replaces the sheet. The product remembers which cells it wrote (`writtenCells`, kept in the
 * sheet's record in the state); any other non-empty cell of the earlier sheet is the clerk's, and is carried into
 * the new sheet: cells below the product's area stay below it (same distance from its end), other cells keep
 * their address unless the new sheet writes there, in which case they are listed under the new area with the
 * address they had. Values only — a clerk's formatting or merges on the old sheet are not carried.
 */
import { countOf } from './i18n';
import { cellAddress } from './address';
import type { SheetSpec, SpecCell, SpecValue } from './sheet-spec';
import type { CellValue, LocalText, SheetGrid } from './types';

/** Longest encoding kept in the state; a sheet whose written cells need more keeps only its rectangle. */
const MAX_ENCODED_CHARS = 20_000;

/**
 * The cells a spec writes (non-empty values), as compact text: `rows:columns` groups separated by `;`, where
 * both are runs such as `0-3,5` and consecutive rows writing the same columns share a group. An area too
 * irregular to encode briefly is kept as its bounding rectangle, prefixed `#`.
 */
export function writtenCells(spec: SheetSpec): string {
  const rowRuns = spec.rows.map((row) => runs(row.flatMap((cell, col) => (isWritten(cell) ? [col] : []))));
  const groups: string[] = [];
  for (let r = 0; r < rowRuns.length; ) {
    let end = r;
    while (end + 1 < rowRuns.length && rowRuns[end + 1] === rowRuns[r]) end++;
    if (rowRuns[r]) groups.push(`${r === end ? r : `${r}-${end}`}:${rowRuns[r]}`);
    r = end + 1;
  }
  const text = groups.join(';');
  if (text.length <= MAX_ENCODED_CHARS) return text;
  const width = Math.max(0, ...spec.rows.map((row) => row.length));
  return `#${spec.rows.length}x${width}`;
}

function isWritten(cell: SpecCell | undefined): boolean {
  return !!cell && cell.v !== null && cell.v !== '';
}

function runs(cols: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < cols.length; ) {
    let j = i;
    while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
    parts.push(i === j ? `${cols[i]}` : `${cols[i]}-${cols[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** The written-cells test for an encoding; null when the text is not one (hand-edited state). */
export function parseWrittenCells(text: unknown): WrittenArea | null {
  if (typeof text !== 'string') return null;
  const rect = /^#(\d+)x(\d+)$/.exec(text);
  if (rect) {
    const rows = Number(rect[1]);
    const cols = Number(rect[2]);
    return { lastRow: rows - 1, has: (r, c) => r < rows && c < cols };
  }
  const byRow = new Map<number, Set<number>>();
  let lastRow = -1;
  for (const group of text ? text.split(';') : []) {
    const m = /^(\d+)(?:-(\d+))?:([\d,-]+)$/.exec(group);
    if (!m) return null;
    const first = Number(m[1]);
    const last = m[2] === undefined ? first : Number(m[2]);
    const cols = parseRuns(m[3]);
    if (!cols || last < first || last - first > 1_048_576) return null;
    for (let r = first; r <= last; r++) byRow.set(r, cols);
    lastRow = Math.max(lastRow, last);
  }
  return { lastRow, has: (r, c) => byRow.get(r)?.has(c) ?? false };
}

function parseRuns(text: string): Set<number> | null {
  const cols = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) return null;
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (b < a || b > 16_383) return null;
    for (let c = a; c <= b; c++) cols.add(c);
  }
  return cols;
}

export interface WrittenArea {
  /** Last row (0-based) the product wrote anything in; -1 when none. */
  lastRow: number;
  has(row: number, col: number): boolean;
}

export interface CarriedAdditions {
  spec: SheetSpec;
  /** Cells of the clerk carried over. */
  carried: number;
  /** Of those, cells that could not keep their address (the new sheet writes there) and were listed below it. */
  moved: number;
}

const MOVED_HEADING: LocalText = {
  zh: '上次汇总表上手工填写的内容（原位置已被新数据占用）：',
  en: 'Typed on the earlier summary (their cells now hold new figures):',
};

/**
 * The new spec with the clerk's cells from the earlier sheet added. `earlier` is the earlier sheet as read;
 * `written` the record of what the product wrote there (null: nothing is carried, as nothing can be told apart).
 */
export function carryClerkAdditions(spec: SheetSpec, earlier: SheetGrid | null, written: WrittenArea | null, lang: 'zh-CN' | 'en-US'): CarriedAdditions {
  if (!earlier || !written) return { spec, carried: 0, moved: 0 };
  const own: { row: number; col: number; value: SpecValue }[] = [];
  earlier.values.forEach((line, i) =>
    line.forEach((value, j) => {
      const row = earlier.originRow + i;
      const col = earlier.originCol + j;
      const v = specValue(value);
      if (v !== null && !written.has(row, col)) own.push({ row, col, value: v });
    }),
  );
  if (!own.length) return { spec, carried: 0, moved: 0 };

  const rows = spec.rows.map((r) => r.slice());
  const newLast = lastWrittenRow(rows);
  const occupied = (r: number, c: number) => isWritten(rows[r]?.[c]) || insideMerge(spec, r, c);
  const put = (r: number, c: number, v: SpecValue) => {
    while (rows.length <= r) rows.push([]);
    const line = rows[r];
    while (line.length <= c) line.push({ v: null });
    line[c] = { v };
  };
  const moved: typeof own = [];
  for (const cell of own) {
    const target = cell.row > written.lastRow ? newLast + (cell.row - written.lastRow) : cell.row;
    if (occupied(target, cell.col)) moved.push(cell);
    else put(target, cell.col, cell.value);
  }
  if (moved.length) {
    let r = lastWrittenRow(rows) + 2;
    put(r++, 0, lang === 'en-US' ? MOVED_HEADING.en : MOVED_HEADING.zh);
    for (const cell of moved) put(r++, 0, `${cellAddress(cell.row, cell.col)}：${typeof cell.value === 'object' && cell.value ? cell.value.date : cell.value}`);
  }
  return { spec: { ...spec, rows }, carried: own.length, moved: moved.length };
}

function lastWrittenRow(rows: SpecCell[][]): number {
  for (let r = rows.length - 1; r >= 0; r--) if (rows[r].some(isWritten)) return r;
  return -1;
}

function insideMerge(spec: SheetSpec, row: number, col: number): boolean {
  return spec.merges.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

function specValue(value: CellValue): SpecValue {
  if (value === null || value === '') return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value.kind === 'date') return Number.isInteger(value.serial) ? { date: value.iso } : value.serial;
  return value.code;
}

/** The notice after a replacement that kept the clerk's cells. */
export function carriedNotice(carried: CarriedAdditions, sheetName: string): LocalText | null {
  if (!carried.carried) return null;
  const moved = carried.moved ? `，其中 ${carried.moved} 个原位置已被新数据占用，列在表末` : '';
  const movedEn = carried.moved ? `; ${carried.moved} of them are listed at the end, as their cells now hold new figures` : '';
  return {
    zh: `“${sheetName}”上手工填写的 ${carried.carried} 个单元格已保留到新汇总表${moved}（只保留内容，不保留格式）。`,
    en: `${countOf(carried.carried, 'cell')} typed on "${sheetName}" were kept in the new summary${movedEn} (contents only, not formatting).`,
  };
}
