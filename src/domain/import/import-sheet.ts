/**
 * The sheet a clerk would make of the notice's task table: the title merged across, the header, every cell's
 * text exactly as in the document, the document's spans and vertical merges as merged cells, its column
 * widths, wrapped text and borders.
 */
import type { CellRange } from '../types';
import type { SheetSpec, SpecCell } from '../sheet-spec';
import type { Slot, TaskTable } from './task-table';

export const IMPORT_SHEET_NAME = '任务分工';

const ATTACHMENT = /^附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?$/;

/**
 * The sheet's title: the attachment's heading (the line after 附件), else the heading just above the table,
 * else the notice's own title (关于印发…的通知, however many lines it is set over), else ''.
 */
export function tableTitle(before: string[], paragraphs: string[]): string {
  const a = before.findIndex((p) => ATTACHMENT.test(p));
  if (a >= 0 && a + 1 < before.length) return before[a + 1];
  const last = before[before.length - 1];
  if (last && last.length <= 80 && /任务|分工|清单|台账|责任|安排/.test(last) && !/[。；]$/.test(last)) return last;
  const start = paragraphs.findIndex((p) => /^关于/.test(p));
  if (start >= 0) {
    let title = '';
    for (let i = start; i < paragraphs.length && i < start + 4; i++) {
      title += paragraphs[i];
      if (/通知$/.test(paragraphs[i])) return title;
    }
  }
  return '';
}

/** Twips (the document's unit) to Excel's column width in characters, kept readable. */
export function twipsToWidth(twips: number): number {
  if (!twips) return 12;
  const chars = twips / 20 / 5.25;
  return Math.min(80, Math.max(4, Math.round(chars * 10) / 10));
}

/** The merged areas of slots placed from sheet row `top`: spans across, vertical merges down. */
function mergesOf(rows: Slot[][], top: number): CellRange[] {
  const merges: CellRange[] = [];
  rows.forEach((row, r) => {
    row.forEach((s, c) => {
      if (s.span === 0 || s.vMerge === 'continue') return;
      const right = c + Math.max(1, s.span) - 1;
      let bottom = r;
      if (s.vMerge === 'restart') while (bottom + 1 < rows.length && rows[bottom + 1][c]?.vMerge === 'continue') bottom++;
      if (right > c || bottom > r) merges.push({ top: top + r, left: c, bottom: top + bottom, right });
    });
  });
  return merges;
}

export function importSheetSpec(table: TaskTable, title: string, name: string = IMPORT_SHEET_NAME): SheetSpec {
  const width = table.grid.length;
  const blank = (s: string): SpecCell[] => Array.from({ length: width }, () => ({ v: null, s }));
  const rows: SpecCell[][] = [];
  const titleRow = blank('title');
  titleRow[0] = { v: title || null, s: 'title' };
  rows.push(titleRow);
  const put = (slots: Slot[], style: string) => rows.push(slots.map((s) => ({ v: s.text === '' ? null : s.text, s: style })));
  table.header.forEach((r) => put(r, 'header'));
  table.body.forEach((r) => put(r, 'body'));

  const merges: CellRange[] = width > 1 ? [{ top: 0, left: 0, bottom: 0, right: width - 1 }] : [];
  merges.push(...mergesOf(table.header, 1), ...mergesOf(table.body, 1 + table.header.length));

  return {
    name,
    marker: 'imported',
    rows,
    merges,
    columnWidths: table.grid.map(twipsToWidth),
    styles: {
      title: { bold: true, fontSize: 16, horizontal: 'center', vertical: 'middle', wrap: true },
      header: { bold: true, horizontal: 'center', vertical: 'middle', wrap: true, border: true },
      body: { vertical: 'middle', wrap: true, border: true },
    },
    freeze: { rows: 1 + table.header.length, cols: 0 },
    print: { landscape: true, fitToWidth: true, repeatRows: [1, table.header.length], paper: 'A4' },
    rowHeights: { 0: 40 },
  };
}

/** A sheet name not yet taken: the wanted one, else 任务分工(2), 任务分工(3)… (Excel compares names without case). */
export function freeSheetName(wanted: string, taken: string[]): string {
  const names = new Set(taken.map((n) => n.toLowerCase()));
  if (!names.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${wanted}(${n})`;
    if (!names.has(candidate.toLowerCase())) return candidate;
  }
}
