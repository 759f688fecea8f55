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
import type { RowState, Task } from './types';
import { ROW_STATES } from './types';
import { workdaysBetween } from './workdays';
import { DEFAULT_SOON_DAYS } from './state-words';

// The words and limits live apart from the calendar, so the pane can show them without loading it.
export { DEFAULT_SOON_DAYS, isSoonDays, MAX_SOON_DAYS, STATE_DESCRIPTIONS, STATE_NAMES } from './state-words';

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

export type StateCounts = Record<RowState, number>;

/** Counts with every state present (0 when none), in {@link ROW_STATES} order, so JSON output is stable. */
export function countStates(states: Iterable<RowState>): StateCounts {
  const counts = Object.fromEntries(ROW_STATES.map((s) => [s, 0])) as StateCounts;
  for (const s of states) counts[s] += 1;
  return counts;
}
