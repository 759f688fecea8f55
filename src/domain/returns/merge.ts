/**
 * 汇总: the cell writes that put the units' answers into the master's return columns (完成情况, 进展说明,
 * 完成日期, 填报单位, 填报时间), adding the columns after the table when it lacks them. Task columns are never
 * written. A value already in the cell is not written again, so merging the same returns twice writes nothing.
 *
 * When several units answer for one measure, the lead unit's answer decides (the first lead unit in the
 * order the master names them; without a lead answer, the first responsible unit's); the others are kept
 * in 进展说明 as 【单位】状态：说明. A decided 已完成 against another unit's 未启动/滞后 (or the reverse) is a
 * contradiction and becomes a finding on the other unit's return.
 */
import { chineseDateTime } from '../dates';
import { UserFacingError } from '../errors';
import { valueAt } from '../layout';
import { cellText } from '../text';
import { makeFinding } from '../findings';
import type { CellValue, CellWrite, Finding, ProgressState, SheetAnalysis, SheetGrid } from '../types';
import type { UnitDirectory } from '../units';
import { RETURN_COLUMN_HEADERS, RETURN_COLUMNS, returnColumnsOf, type ReturnColumnPositions, type ReturnColumn } from './columns';
import type { MeasureAnswer } from './validate';
import { recipientsOf } from './split-plan';
import { EXCEL_CELL_CHARS } from '../sheet-spec-rules';

export interface MergeInput {
  /** Answers of one accepted return, with when it was received ('YYYY-MM-DD HH:mm'). */
  answers: MeasureAnswer[];
  receivedAt: string;
  /** The returned file, as the clerk knows it (named in findings about this return). */
  file?: string;
}

export interface MergePlan {
  /** Header cells of added columns, then answer cells; only cells whose value changes. */
  writes: CellWrite[];
  /** The return columns of the master after the merge (absolute 0-based). */
  columns: Record<ReturnColumn, number>;
  /** Report columns that were added after the table's last column. */
  added: ReturnColumn[];
  /** Measures whose return cells changed. */
  updated: number;
  /** Measures at least one accepted return answered. */
  answered: number;
  /**
   * Findings per input index: contradictions (on the return whose answer contradicts the deciding one) and
   * 进展说明 cut at Excel's cell limit (on the return whose text was cut).
   */
  conflicts: { input: number; finding: Finding }[];
}

const OPPOSED: Record<ProgressState, ReadonlySet<ProgressState>> = {
  done: new Set(['not_started', 'behind']),
  not_started: new Set(['done']),
  behind: new Set(['done']),
  in_progress: new Set(),
  unknown: new Set(),
};

type Answer = MeasureAnswer & { input: number; receivedAt: string };

function sameValue(current: CellValue, next: CellWrite['value']): boolean {
  if (next !== null && typeof next === 'object') return typeof current === 'object' && current !== null && current.kind === 'date' && current.iso === next.date;
  return cellText(current) === (next === null ? '' : String(next));
}


/** Where merged text stops when the units' answers together exceed Excel's limit: visible in the cell itself. */
export const CUT_MARKER = '……【超出Excel单元格32767字上限，以下从略，详见回收表】';

/**
 * The parts joined by newlines, cut to fit one cell with CUT_MARKER at the end; `cutPart` is the index of
 * the first part that did not fit whole (null when nothing was cut). A surrogate pair is never split.
 */
export function fitToCell(parts: string[], limit = EXCEL_CELL_CHARS, marker = CUT_MARKER): { text: string; cutPart: number | null } {
  const whole = parts.join('\n');
  if (whole.length <= limit) return { text: whole, cutPart: null };
  let end = limit - marker.length;
  const code = whole.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  let start = 0;
  let cutPart = parts.length - 1;
  for (let i = 0; i < parts.length; i++) {
    if (start + parts[i].length > end) {
      cutPart = i;
      break;
    }
    start += parts[i].length + 1;
  }
  return { text: whole.slice(0, end) + marker, cutPart };
}

function latestStamp(stamps: string[]): string | null {
  const latest = stamps.slice().sort().at(-1);
  return latest === undefined ? null : chineseDateTime(latest);
}

/** Excel's last column (XFD), 0-based. */
const LAST_SHEET_COLUMN = 16_383;

/**
 * The last column (absolute 0-based) holding anything on the table's rows, header to last data row: a value,
 * or a merged area reaching into those rows. A clerk's notes beside the table, without a header of their own,
 * count — new columns go after them, never over them.
 */
export function lastOccupiedColumn(grid: SheetGrid, layout: SheetAnalysis['layout']): number {
  const top = Math.min(layout.headerRow, layout.firstDataRow) - 1;
  const bottom = Math.max(layout.lastDataRow, layout.headerRow) - 1;
  let last = layout.lastColumn;
  for (let r = Math.max(top, grid.originRow); r <= bottom && r - grid.originRow < grid.values.length; r++) {
    const values = grid.values[r - grid.originRow];
    for (let i = values.length - 1; i >= 0 && grid.originCol + i > last; i--) {
      if (cellText(values[i]) !== '') {
        last = grid.originCol + i;
        break;
      }
    }
  }
  for (const m of grid.merges) if (m.bottom >= top && m.top <= bottom && m.right > last) last = m.right;
  // Content the host did not read (far from the table) may lie on these rows too.
  const beyond = grid.usedRangeBeyondGrid;
  if (beyond && beyond.bottom >= top && beyond.top <= bottom && beyond.right > last) last = beyond.right;
  return last;
}

export function planMerge(master: SheetAnalysis, grid: SheetGrid, inputs: MergeInput[], directory: UnitDirectory): MergePlan {
  const found: ReturnColumnPositions = returnColumnsOf(grid, master.layout);
  const columns = {} as Record<ReturnColumn, number>;
  const added: ReturnColumn[] = [];
  let next = lastOccupiedColumn(grid, master.layout) + 1;
  for (const role of RETURN_COLUMNS) {
    const col = found[role];
    if (col !== null) columns[role] = col;
    else {
      columns[role] = next++;
      added.push(role);
    }
  }
  if (next - 1 > LAST_SHEET_COLUMN) {
    throw new UserFacingError('collect.no_room_for_columns', {
      zh: `表格右侧已到 Excel 最后一列（XFD），放不下要添加的${added.map((r) => RETURN_COLUMN_HEADERS[r]).join('、')}列；请先在表格中加上这些列，或删去右侧无用的内容`,
      en: `The table reaches Excel's last column (XFD): there is no room for the columns to add (${added.map((r) => RETURN_COLUMN_HEADERS[r]).join(', ')}); add them to the table yourself, or remove what is unused on its right`,
    });
  }

  const headerRow = master.layout.headerRow - 1;
  const writes: CellWrite[] = [];
  // New columns look like the table: header cells styled like its last header cell, body cells like its last column.
  const lastCol = master.layout.lastColumn;
  for (const role of added) {
    writes.push({ row: headerRow, col: columns[role], value: RETURN_COLUMN_HEADERS[role], styleFrom: { row: headerRow, col: lastCol } });
  }

  const byTask = new Map<number, Answer[]>();
  inputs.forEach((input, i) => {
    for (const a of input.answers) {
      const list = byTask.get(a.taskIndex) ?? [];
      // A unit that returned twice: its later file (in the order given) replaces the earlier answer.
      const same = list.findIndex((b) => b.unit === a.unit);
      const answer = { ...a, input: i, receivedAt: input.receivedAt };
      if (same >= 0) list[same] = answer;
      else list.push(answer);
      byTask.set(a.taskIndex, list);
    }
  });

  const conflicts: MergePlan['conflicts'] = [];
  let updated = 0;
  master.tasks.forEach((task, index) => {
    const row = task.row - 1;
    const answers = byTask.get(index);
    if (!answers?.length) {
      for (const role of added) {
        if (cellText(valueAt(grid, row, columns[role])) === '') writes.push({ row, col: columns[role], value: null, styleFrom: { row, col: lastCol } });
      }
      return;
    }
    // The order units decide in: its lead units (groups expanded) first, then the responsible ones.
    const leads = recipientsOf(task, directory, 'lead');
    const order = recipientsOf(task, directory, 'both');
    const rank = (unit: string) => {
      const i = order.indexOf(unit);
      return i < 0 ? order.length : i;
    };
    const sorted = answers.slice().sort((a, b) => rank(a.unit) - rank(b.unit) || a.input - b.input);
    const [decider, ...others] = sorted;

    for (const other of others) {
      if (!OPPOSED[decider.status.state].has(other.status.state)) continue;
      conflicts.push({
        input: other.input,
        finding: makeFinding('return.status_conflict', other.statusCell, other.row, {
          measure: String(task.no || task.row),
          status: other.status.text,
          decider: decider.unit,
          deciderStatus: decider.status.text,
          deciderLeads: leads.includes(decider.unit),
        }),
      });
    }

    const parts = [
      { answer: decider, text: decider.explanation },
      ...others.map((o) => ({ answer: o, text: `【${o.unit}】${o.status.text}${o.explanation ? `：${o.explanation}` : ''}` })),
    ].filter((p) => p.text !== '');
    const fitted = fitToCell(parts.map((p) => p.text));
    const explanation = fitted.text;
    if (fitted.cutPart !== null) {
      const cut = parts[fitted.cutPart].answer;
      conflicts.push({
        input: cut.input,
        finding: makeFinding('return.text_cut', null, cut.row, { measure: String(task.no || task.row), unit: cut.unit, file: inputs[cut.input].file ?? null, limit: EXCEL_CELL_CHARS }),
      });
    }
    const values: Record<ReturnColumn, CellWrite['value']> = {
      status: decider.status.text,
      explanation: explanation || null,
      doneDate: decider.doneDate ? { date: decider.doneDate } : null,
      unit: sorted.map((a) => a.unit).join('、'),
      // As people write it (2022年9月15日 10:30): a text, so no locale's date format shows it otherwise.
      time: latestStamp(sorted.map((a) => a.receivedAt)),
    };
    let changed = false;
    for (const role of RETURN_COLUMNS) {
      const value = values[role];
      const col = columns[role];
      const current = valueAt(grid, row, col);
      const isNew = added.includes(role);
      // Nothing to say: the cell keeps what it has (a clerk's note is never blanked).
      if (value === null || value === '') {
        if (isNew && cellText(current) === '') writes.push({ row, col, value: null, styleFrom: { row, col: lastCol } });
        continue;
      }
      // A 填报时间 an earlier version wrote as 2022-09-10 10:00 is the same moment: not written again.
      if (sameValue(current, value) || (role === 'time' && chineseDateTime(cellText(current)) === value)) continue;
      writes.push(isNew ? { row, col, value, styleFrom: { row, col: lastCol } } : { row, col, value });
      changed = true;
    }
    if (changed) updated++;
  });

  return { writes, columns, added, updated, answered: byTask.size, conflicts };
}
