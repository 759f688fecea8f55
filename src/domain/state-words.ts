/**
 * The row states in words and the due-soon window's limits: what the pane's legend, the summary and the CLI say.
 * Kept apart from row-state.ts (which needs the official calendar) so the pane can show them in its first load.
 */
import type { LocalText, RowState } from './types';

/** Due within N working days counts as 临期; 10 unless the clerk sets another window. */
export const DEFAULT_SOON_DAYS = 10;
/** The widest due-soon window accepted: about a working year; more would make every open task 临期. */
export const MAX_SOON_DAYS = 250;

/** A usable due-soon window: a whole number of working days from 0 to MAX_SOON_DAYS. */
export function isSoonDays(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_SOON_DAYS;
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

