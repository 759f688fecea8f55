/**
 * One worksheet → SheetGrid, in one pass over the rows ExcelJS holds (never a per-cell lookup, so a
 * 100 000-row sheet costs linear time). The used range is where values are: cells carrying only
 * formatting do not stretch it, so a sheet "used" to row 1 048 576 by a format still reads small.
 */
import ExcelJS from 'exceljs';
import { isExcelDateSerial, serialToIso } from '../../domain/dates';
import type { CellRange, CellValue, SheetGrid } from '../../domain/types';

const MS_PER_DAY = 86_400_000;
/** Excel serial of 1970-01-01, the Unix epoch ExcelJS converts its Dates from. */
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * ExcelJS turns a date cell into a Date at UTC midnight (plus the time fraction), in either date system;
 * going back through the 1900-system serial gives the day Excel displays, including its phantom 1900-02-29.
 */
export function dateCell(d: Date): CellValue {
  const serial = Math.round((d.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL) * 1e6) / 1e6;
  if (Number.isNaN(serial)) return null;
  if (isExcelDateSerial(serial)) return { kind: 'date', iso: serialToIso(serial), serial };
  // Below serial 1 Excel shows no date (a negative number under a date format shows ####): the cell holds a
  // number, and it is read as that number, never as a day in 1899.
  return serial;
}

function richTextPlain(rich: { richText?: { text?: string }[] }): string {
  return (rich.richText ?? []).map((run) => run.text ?? '').join('');
}

/** A formula's cached result, a hyperlink's text, rich text joined — what the clerk sees in the cell. */
export function plainValue(raw: unknown): CellValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string' || typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (raw instanceof Date) return dateCell(raw);
  if (typeof raw !== 'object') return null;
  const o = raw as Record<string, unknown>;
  if (typeof o.error === 'string') return { kind: 'error', code: o.error };
  if (Array.isArray(o.richText)) return richTextPlain(o as { richText: { text?: string }[] });
  if ('formula' in o || 'sharedFormula' in o || 'result' in o) return plainValue(o.result);
  if ('hyperlink' in o || 'text' in o) return plainValue(o.text);
  return null;
}

/**
 * Merged areas, absolute 0-based. ExcelJS keeps them in `_merges` (master address → range); the public
 * `worksheet.model` would also serialise every row just to reach them, which is what we avoid here.
 */
export function worksheetMerges(ws: ExcelJS.Worksheet): CellRange[] {
  const internal = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges;
  const ranges = internal ? Object.values(internal) : [];
  return ranges.map((m) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
}

export function readGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const rows: { row: number; cells: { col: number; value: CellValue }[] }[] = [];
  const hiddenRows: number[] = [];
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  ws.eachRow((row, rowNumber) => {
    if (row.hidden) hiddenRows.push(rowNumber - 1);
    const cells: { col: number; value: CellValue }[] = [];
    row.eachCell((cell, colNumber) => {
      // The covered cells of a merged area hold nothing in the file; ExcelJS reports the master's value there.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const value = plainValue(cell.value);
      if (value === null || value === '') return;
      cells.push({ col: colNumber - 1, value });
    });
    if (!cells.length) return;
    const r = rowNumber - 1;
    rows.push({ row: r, cells });
    top = Math.min(top, r);
    bottom = Math.max(bottom, r);
    left = Math.min(left, cells[0].col);
    right = Math.max(right, cells[cells.length - 1].col);
  });

  const merges = worksheetMerges(ws);
  if (bottom < 0) return { sheet: ws.name, originRow: 0, originCol: 0, values: [], merges, mergesKnown: true, hiddenRows };

  // A merged area that starts inside the values but reaches past them (a title merged across blank
  // columns, a unit cell merged down over blank rows) belongs to the table: widen the range to cover it.
  for (const m of merges) {
    if (m.top > bottom || m.bottom < top || m.left > right || m.right < left) continue;
    bottom = Math.max(bottom, m.bottom);
    right = Math.max(right, m.right);
  }

  const width = right - left + 1;
  const values: CellValue[][] = Array.from({ length: bottom - top + 1 }, () => new Array<CellValue>(width).fill(null));
  for (const { row, cells } of rows) {
    const target = values[row - top];
    for (const { col, value } of cells) target[col - left] = value;
  }
  return { sheet: ws.name, originRow: top, originCol: left, values, merges, mergesKnown: true, hiddenRows };
}
