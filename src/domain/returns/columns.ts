/**
 * The columns a return fills in and collect writes back: 完成情况, 进展说明, 完成日期 (the unit's answer) and
 * 填报单位, 填报时间 (who answered, when). Every other column of the table is a task column: locked in the
 * copies, never written by collect.
 */
import { headerKey, valueAt } from '../layout';
import type { Layout, SheetGrid } from '../types';

export type ReturnColumn = 'status' | 'explanation' | 'doneDate' | 'unit' | 'time';

export const RETURN_COLUMNS: readonly ReturnColumn[] = ['status', 'explanation', 'doneDate', 'unit', 'time'];
/** What a unit fills in (the copies carry only these three). */
export const ANSWER_COLUMNS: readonly ReturnColumn[] = ['status', 'explanation', 'doneDate'];

export const RETURN_COLUMN_HEADERS: Record<ReturnColumn, string> = {
  status: '完成情况',
  explanation: '进展说明',
  doneDate: '完成日期',
  unit: '填报单位',
  time: '填报时间',
};

export type ReturnColumnPositions = Record<ReturnColumn, number | null>;

/** Where the table already has each return column (absolute 0-based), from the layout and the header row. */
export function returnColumnsOf(grid: SheetGrid, layout: Layout): ReturnColumnPositions {
  const found: ReturnColumnPositions = {
    status: layout.columns.status,
    explanation: layout.columns.explanation ?? null,
    doneDate: layout.columns.doneDate ?? null,
    unit: null,
    time: null,
  };
  const header = layout.headerRow - 1;
  for (let c = grid.originCol; c <= layout.lastColumn; c++) {
    const key = headerKey(valueAt(grid, header, c));
    if (key === RETURN_COLUMN_HEADERS.unit && found.unit === null) found.unit = c;
    if (key === RETURN_COLUMN_HEADERS.time && found.time === null) found.time = c;
  }
  return found;
}

/** The task columns of the table, left to right: every table column that is not a return column. */
export function taskColumnsOf(grid: SheetGrid, layout: Layout, returnColumns: ReturnColumnPositions): number[] {
  const used = Object.values(layout.columns).filter((c): c is number => typeof c === 'number');
  const first = Math.min(...used, layout.lastColumn);
  const skip = new Set(Object.values(returnColumns).filter((c): c is number => c !== null));
  const out: number[] = [];
  for (let c = Math.max(first, grid.originCol); c <= layout.lastColumn; c++) if (!skip.has(c)) out.push(c);
  return out;
}
