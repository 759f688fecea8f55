/**
 * Finds the 任务分工 table in a notice: the table whose header names 牵头单位, 责任单位, 完成时限 and the like.
 * A table that runs over several pages may arrive as several tables, each starting with the header again:
 * those continuations are joined on, and a header row repeated inside the table is dropped.
 * The result is a rectangular grid of slots, one per grid column, so spans and merges are plain data.
 */
import type { DocxDocument, DocxTable } from './docx-document';

/** One grid position: the cell that starts there, or a position covered by the cell to its left. */
export interface Slot {
  /** The cell's text; '' for a covered position. */
  text: string;
  /** Grid columns the cell covers (1 for a plain cell); 0 for a position covered from the left. */
  span: number;
  vMerge: 'restart' | 'continue' | null;
}

export interface TaskTable {
  /** Column widths in twips, one per grid column (0 where the document gives none). */
  grid: number[];
  /** The header rows (usually one). */
  header: Slot[][];
  /** The rows below the header, continuations joined, repeated headers dropped. */
  body: Slot[][];
  /** The body paragraphs before the (first) table. */
  before: string[];
  /** How many document tables were joined into this one. */
  parts: number;
}

/** Words a 任务分工 header uses; a row naming two of them is the header. */
const HEADER_WORDS = [/牵头/, /责任/, /时限|时间|期限/, /任务|举措|措施|事项|内容/, /配合|协同|参与/, /序号/];

function headerScore(row: Slot[]): number {
  const text = row.map((s) => s.text.replace(/\s+/g, '')).join('|');
  return HEADER_WORDS.filter((w) => w.test(text)).length;
}

function isHeaderRow(row: Slot[]): boolean {
  // Unit and deadline words are what tell a task table from any other table with a 内容 column.
  const text = row.map((s) => s.text.replace(/\s+/g, '')).join('|');
  return headerScore(row) >= 2 && /牵头|责任|时限|配合/.test(text);
}

function rowKey(row: Slot[]): string {
  return row.map((s) => s.text.replace(/\s+/g, '')).join('|');
}

/** The table as slots, every row as wide as the widest (short rows padded with empty positions). */
function toSlots(table: DocxTable): { slots: Slot[][]; headerFlags: boolean[]; width: number } {
  const rows = table.rows.map((r) => {
    const slots: Slot[] = [];
    for (let i = 0; i < r.before; i++) slots.push({ text: '', span: 1, vMerge: null });
    for (const c of r.cells) {
      slots.push({ text: c.text, span: c.span, vMerge: c.vMerge });
      for (let i = 1; i < c.span; i++) slots.push({ text: '', span: 0, vMerge: null });
    }
    return slots;
  });
  const width = Math.max(table.grid.length, ...rows.map((r) => r.length), 0);
  for (const r of rows) while (r.length < width) r.push({ text: '', span: 1, vMerge: null });
  return { slots: rows, headerFlags: table.rows.map((r) => r.header), width };
}

/** Index of the header row among the first rows of a table, or -1. */
function headerIndex(slots: Slot[][]): number {
  const limit = Math.min(slots.length, 4);
  for (let i = 0; i < limit; i++) if (isHeaderRow(slots[i])) return i;
  return -1;
}

/**
 * The task table of the document, or null when it has none. The first table with a task header is taken; each
 * table right after it with the same number of columns that repeats the header (or has no header and no text
 * between) continues it.
 */
export function findTaskTable(doc: DocxDocument): TaskTable | null {
  const tables = doc.tables.map(toSlots);
  const first = tables.findIndex((t) => headerIndex(t.slots) >= 0);
  if (first < 0) return null;
  const start = tables[first];
  const h = headerIndex(start.slots);
  // A header over two rows (a merged 工作任务 above its parts) is taken whole: the rows marked to repeat.
  let headerEnd = h;
  while (headerEnd + 1 < start.slots.length && start.headerFlags[headerEnd + 1] && start.headerFlags[h]) headerEnd++;
  const header = start.slots.slice(h, headerEnd + 1);
  const keys = new Set(header.map(rowKey));
  const isRepeat = (row: Slot[], flagged: boolean) => flagged || keys.has(rowKey(row));

  const body: Slot[][] = [];
  const take = (slots: Slot[][], flags: boolean[], from: number, continuing: boolean) => {
    let firstRow = true;
    for (let i = from; i < slots.length; i++) {
      if (isRepeat(slots[i], flags[i])) continue;
      const row = slots[i].map((s) => ({ ...s }));
      if (continuing && firstRow && body.length) {
        // Word splits a merged cell at a page-split table: an empty restart under a merge carries it on.
        const above = body[body.length - 1];
        row.forEach((s, c) => {
          if (s.vMerge === 'restart' && !s.text && above[c]?.vMerge) s.vMerge = 'continue';
        });
      }
      firstRow = false;
      body.push(row);
    }
  };
  take(start.slots, start.headerFlags, headerEnd + 1, false);

  let parts = 1;
  const grid = doc.tables[first].grid.slice();
  for (let t = first + 1; t < tables.length; t++) {
    const next = tables[t];
    if (next.width !== start.width) break;
    const nh = headerIndex(next.slots);
    const repeatsHeader = nh >= 0 && keys.has(rowKey(next.slots[nh]));
    const adjoining = doc.tables[t].before.length === 0;
    if (!(repeatsHeader || (nh < 0 && adjoining))) break;
    take(next.slots, next.headerFlags, repeatsHeader ? nh : 0, true);
    parts++;
  }
  while (grid.length < start.width) grid.push(0);
  return { grid: grid.slice(0, start.width), header, body, before: doc.tables[first].before, parts };
}
