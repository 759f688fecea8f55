/**
 * Where a task stands as of a date: the row state the colour-coding, the pane legend and the summary share.
 *
 * Rules (precedence from the top; the first rule that matches decides):
 *  1. `done` / `done_late` — the status says done. Done beats everything: a finished task is not chased,
 *     whatever its deadline says. It is `done_late` only when both a fixed due date and a completion date
 *     (`doneOn`, from 已于9月5日完成) are known and the completion came after the due date; a bare 已完成 on a
 *     task past its date is `done`, because nothing says it was late.
 *  2. `overdue` — a fixed due date has passed and the task is not done. The due date is the END of that day:
 *     a task due 2022-09-15 is not overdue on 2022-09-15. A blank, unrecognised or missing status (a sheet
 *     without a 完成情况 column) counts as "not done": nothing says it was finished.
 *  3. `behind` — the department says it is behind (欠进度, 进度滞后 …) and the task is not overdue. This beats
 *     `due_soon` (same colour; the department's own admission is the more specific signal), and it also beats
 *     `ongoing` and `unknown`: a 长期 task reported as lagging is exactly what a 督办 clerk must chase.
 *  4. `due_soon` — a fixed due date within `soonDays` WORKING days (official calendar with 调休, so the count
 *     matches what offices mean by 工作日): due today counts as 0 days left.
 *  5. `on_track` — a fixed due date further away. This includes 未启动 (not started): far from its date a task
 *     that has not started is not yet late, and no status word says it is behind.
 *  6. `ongoing` — no single due date: 长期/常态化 (ongoing), 及时公开 (timely, 条例第二十六条), periodic (每月, 每季度).
 *  7. `unknown` — the deadline is missing, unreadable or impossible (2月30日): no date to judge against.
 */
import { compareIso, isValidIsoDate } from './dates';
import type { LocalText, RowState, Task } from './types';
import { ROW_STATES } from './types';
import { workdaysBetween } from './workdays';

/** Issue default: "due within N working days, default 10". */
export const DEFAULT_SOON_DAYS = 10;
/** The widest due-soon window accepted: about a working year; more would make every open task 临期. */
export const MAX_SOON_DAYS = 250;

/** A usable due-soon window: a whole number of working days from 0 to MAX_SOON_DAYS. */
export function isSoonDays(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_SOON_DAYS;
}

export function rowState(task: Task, asOf: string, soonDays: number = DEFAULT_SOON_DAYS): RowState {
  if (!isValidIsoDate(asOf)) throw new RangeError(`rowState: asOf is not an ISO date: ${JSON.stringify(asOf)}`);
  if (!Number.isInteger(soonDays) || soonDays < 0) throw new RangeError(`rowState: soonDays must be a whole number ≥ 0, got ${soonDays}`);

  const progress = task.status?.state ?? 'unknown';
  const due = task.deadline.kind === 'date' && task.deadline.due && isValidIsoDate(task.deadline.due) ? task.deadline.due : null;

  if (progress === 'done') {
    const doneOn = task.status?.doneOn ?? null;
    return due && doneOn && compareIso(doneOn, due) > 0 ? 'done_late' : 'done';
  }
  if (due && compareIso(asOf, due) > 0) return 'overdue';
  if (progress === 'behind') return 'behind';
  if (due) return workdaysBetween(asOf, due) <= soonDays ? 'due_soon' : 'on_track';
  switch (task.deadline.kind) {
    case 'ongoing':
    case 'timely':
    case 'periodic':
      return 'ongoing';
    default:
      return 'unknown';
  }
}

/**
 * State names in words — colour is never the only signal (legend, summary, CLI output). 已完成 alone is kept for
 * done on time and done late together (the 完成率 of a report), so the on-time state is 按期完成 everywhere.
 */
export const STATE_NAMES: Record<RowState, LocalText> = {
  overdue: { zh: '逾期', en: 'Overdue' },
  due_soon: { zh: '临期', en: 'Due soon' },
  behind: { zh: '滞后', en: 'Behind' },
  done: { zh: '按期完成', en: 'Done on time' },
  done_late: { zh: '逾期完成', en: 'Done late' },
  on_track: { zh: '正常推进', en: 'On track' },
  ongoing: { zh: '长期/常态', en: 'Ongoing' },
  unknown: { zh: '无法判断', en: 'Cannot tell' },
};

/** One line per state saying what it means, for the pane legend and the CLI help. */
export const STATE_DESCRIPTIONS: Record<RowState, LocalText> = {
  overdue: { zh: '完成时限已过，尚未完成', en: 'Past its due date and not done' },
  due_soon: { zh: '距完成时限不超过设定的工作日数，尚未完成', en: 'Due within the set number of working days, not done' },
  behind: { zh: '责任单位报告进度滞后，尚未逾期', en: 'Reported behind schedule, not yet overdue' },
  done: { zh: '报告已完成，且未晚于完成时限（或未注明完成日期）', en: 'Reported done, not after its due date (or no completion date given)' },
  done_late: { zh: '报告已完成，但完成日期晚于完成时限', en: 'Reported done, but after its due date' },
  on_track: { zh: '完成时限未到，未报告滞后', en: 'Not yet due, not reported behind' },
  ongoing: { zh: '长期开展、及时公开或定期任务，没有单一完成时限', en: 'Ongoing, timely or periodic: no single due date' },
  unknown: { zh: '完成时限缺失或无法识别，无法判断', en: 'Deadline missing or unreadable: cannot tell' },
};

export type StateCounts = Record<RowState, number>;

/** Counts with every state present (0 when none), in {@link ROW_STATES} order, so JSON output is stable. */
export function countStates(states: Iterable<RowState>): StateCounts {
  const counts = Object.fromEntries(ROW_STATES.map((s) => [s, 0])) as StateCounts;
  for (const s of states) counts[s] += 1;
  return counts;
}
