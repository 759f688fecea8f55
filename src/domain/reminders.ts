/**
 * 催办 and 通报: what the office sends the units that are late, built from the summary model's overdue and
 * due-soon lists — so the units chased are exactly those the summary sheet and the colours show, as of the
 * same date and with the same due-soon window.
 *
 * A 催办 goes to every unit a late measure names, lead (牵头) or responsible (责任); groups such as 各部门 are
 * expanded through the directory, so each department receives its own list, while a group whose members the
 * directory does not know (各街道) stays one recipient. The 通报 names the units answerable for the overdue
 * measures (the lead units, or the responsible units of a measure without a lead), as the summary counts them.
 */
import { chineseDate, isValidIsoDate } from './dates';
import { UserFacingError } from './errors';
import type { LedgerEntry, SummaryModel } from './summary';
import { compareNames, unitsOf } from './summary';
import type { UnitDirectory } from './units/directory';
import { addWorkdays } from './workdays';

export type ReminderRole = 'lead' | 'responsible';
export type ReminderKind = 'overdue' | 'due_soon';

export const ROLE_NAMES: Record<ReminderRole, { zh: string; en: string }> = {
  lead: { zh: '牵头', en: 'Lead' },
  responsible: { zh: '责任', en: 'Responsible' },
};

export interface ReminderItem {
  /** 1-based sheet row of the measure. */
  row: number;
  /** Measure number as printed ('' when the sheet has none). */
  no: string;
  measure: string;
  /** The measure cut to a line (SHORT_TEXT_CHARS characters), for the list and the message. */
  shortText: string;
  deadlineText: string;
  /** ISO due date. */
  due: string;
  kind: ReminderKind;
  /** Overdue: working days past the due date; due soon: working days left (0 = due on the as-of date). */
  workdays: number;
  /** How the unit is named on this measure (lead wins when it is named as both). */
  role: ReminderRole;
}

export interface UnitReminder {
  unit: string;
  /** Overdue items first, then due-soon items, each in sheet order. */
  items: ReminderItem[];
  overdue: number;
  dueSoon: number;
  /** The ready-to-send 催办 message (zh-CN: it is sent to a Chinese office). */
  text: string;
}

export interface NoticeUnit {
  unit: string;
  /** How the unit's overdue measures are referred to: 第11项, or 第12行所列任务 on a sheet without numbers. */
  items: string[];
  /** The same as one list: 第24、51项. */
  listed: string;
}

export interface ReminderPlan {
  asOf: string;
  soonDays: number;
  /** The date the units are asked to report by (ISO). */
  replyBy: string;
  units: UnitReminder[];
  /** Units answerable for overdue measures, most first, then by name. */
  noticeUnits: NoticeUnit[];
  /** The 通报 paragraph (zh-CN). */
  notice: string;
}

/** Working days the units get to answer a 催办 when the clerk has not chosen (a common 3-working-day limit). */
export const DEFAULT_REPLY_WORKDAYS = 3;
/** Characters of a measure kept in a 催办 line. */
export const SHORT_TEXT_CHARS = 22;

/** The measure's first clause when it is short enough, else its first SHORT_TEXT_CHARS characters and '…'. */
export function shortMeasureText(measure: string): string {
  const flat = measure.replace(/\s+/g, '');
  const clause = flat.split(/[，。；]/)[0];
  if (clause.length >= 8 && clause.length <= SHORT_TEXT_CHARS + 6) return clause;
  const chars = Array.from(flat);
  return chars.length <= SHORT_TEXT_CHARS ? flat : `${chars.slice(0, SHORT_TEXT_CHARS).join('')}…`;
}

/** 第11项, or 第12行所列任务 for a measure the sheet does not number. */
export function itemLabel(item: { no: string; row: number }): string {
  return item.no ? `第${item.no}项` : `第${item.row}行所列任务`;
}

/** Items a message describes one by one; the rest are named by number only (a cell holds at most 32 767 characters). */
export const DETAILED_ITEMS = 10;
/** Items a list names before it says 等N项. */
const LISTED_ITEMS = 30;

/** 第7、19项 when every item is numbered, else the labels one by one; a long list ends 等N项. */
function itemList(items: { no: string; row: number }[]): string {
  const shown = items.slice(0, LISTED_ITEMS);
  const more = items.length > shown.length ? `等${items.length}项` : '';
  if (shown.every((i) => i.no)) return `第${shown.map((i) => i.no).join('、')}项${more}`;
  return `${shown.map(itemLabel).join('、')}${more}`;
}

function itemClause(item: ReminderItem): string {
  const what = `${itemLabel(item)}（${item.shortText}，完成时限：${item.deadlineText}）`;
  if (item.kind === 'overdue') return item.workdays > 0 ? `${what}已逾期${item.workdays}个工作日` : `${what}已过完成时限`;
  return item.workdays > 0 ? `${what}距完成时限还有${item.workdays}个工作日` : `${what}今日到期`;
}

function unitText(unit: string, items: ReminderItem[], asOf: string, replyBy: string): string {
  const parts: string[] = [];
  const detailed = items.slice(0, DETAILED_ITEMS);
  for (const role of ['lead', 'responsible'] as ReminderRole[]) {
    const mine = detailed.filter((i) => i.role === role);
    if (mine.length) parts.push(`${role === 'lead' ? '牵头的' : '作为责任单位参与的'}${mine.map(itemClause).join('，')}`);
  }
  const rest = items.slice(DETAILED_ITEMS);
  if (rest.length) parts.push(`另有${itemList(rest)}逾期或临期任务，详见催办清单`);
  return (
    `请${unit}于${chineseDate(replyBy)}前报送${itemList(items)}任务进展情况。` +
    `截至${chineseDate(asOf)}，${parts.join('；')}。` +
    '已完成的请附佐证材料，未完成的请说明原因及下一步工作安排。'
  );
}

function noticeText(model: Pick<SummaryModel, 'asOf' | 'title' | 'total' | 'soonDays'>, units: NoticeUnit[], overdue: number, dueSoon: number, replyBy: string): string {
  const source = model.title ? `《${model.title.replace(/^《+|》+$/g, '').trim()}》` : '任务分工';
  const opening = `截至${chineseDate(model.asOf)}，${source}所列${model.total}项任务中，`;
  const soon = dueSoon ? `另有${dueSoon}项任务将在${model.soonDays}个工作日内到期，请相关单位抓紧办理。` : '';
  if (!overdue) return `${opening}无逾期未完成事项。${soon}`;
  const who = units.map((u) => `${u.unit}${u.items.length}项（${u.listed}）`).join('，');
  const involved = units.length ? `，涉及${units.length}个单位：${who}` : '';
  return (
    `${opening}逾期未完成${overdue}项${involved}。` +
    `请上述单位对照任务分工抓紧推进，于${chineseDate(replyBy)}前报送进展情况及整改措施。${soon}`
  );
}

function reminderItem(entry: LedgerEntry, kind: ReminderKind, role: ReminderRole): ReminderItem {
  return {
    row: entry.row,
    no: entry.no,
    measure: entry.measure,
    shortText: shortMeasureText(entry.measure),
    deadlineText: entry.deadlineText,
    due: entry.due,
    kind,
    workdays: entry.workdays,
    role,
  };
}

export interface ReminderOptions {
  directory: UnitDirectory;
  /** ISO date to report by; default: DEFAULT_REPLY_WORKDAYS working days after the as-of date. */
  replyBy?: string;
}

export function buildReminders(
  model: Pick<SummaryModel, 'asOf' | 'soonDays' | 'title' | 'total' | 'overdue' | 'dueSoon'>,
  options: ReminderOptions,
): ReminderPlan {
  const { directory } = options;
  const replyBy = options.replyBy ?? addWorkdays(model.asOf, DEFAULT_REPLY_WORKDAYS);
  const byUnit = new Map<string, ReminderItem[]>();
  const add = (unit: string, item: ReminderItem) => {
    let list = byUnit.get(unit);
    if (!list) byUnit.set(unit, (list = []));
    list.push(item);
  };
  const late: [LedgerEntry, ReminderKind][] = [
    ...model.overdue.map((e): [LedgerEntry, ReminderKind] => [e, 'overdue']),
    ...model.dueSoon.map((e): [LedgerEntry, ReminderKind] => [e, 'due_soon']),
  ];
  for (const [entry, kind] of late) {
    const leads = unitsOf(entry.lead, directory, true);
    for (const unit of leads) add(unit, reminderItem(entry, kind, 'lead'));
    for (const unit of unitsOf(entry.responsible, directory, true)) {
      if (!leads.includes(unit)) add(unit, reminderItem(entry, kind, 'responsible'));
    }
  }

  const units: UnitReminder[] = [...byUnit].map(([unit, items]) => {
    const sorted = [...items].sort((a, b) => Number(a.kind !== 'overdue') - Number(b.kind !== 'overdue') || a.row - b.row);
    const overdue = sorted.filter((i) => i.kind === 'overdue').length;
    return { unit, items: sorted, overdue, dueSoon: sorted.length - overdue, text: unitText(unit, sorted, model.asOf, replyBy) };
  });
  units.sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon || compareNames(a.unit, b.unit));

  const answerable = new Map<string, { no: string; row: number }[]>();
  for (const entry of model.overdue) {
    for (const unit of unitsOf(entry.lead.length ? entry.lead : entry.responsible, directory, false)) {
      let list = answerable.get(unit);
      if (!list) answerable.set(unit, (list = []));
      list.push(entry);
    }
  }
  const noticeUnits: NoticeUnit[] = [...answerable]
    .map(([unit, items]) => ({ unit, items: items.map(itemLabel), listed: itemList(items) }))
    .sort((a, b) => b.items.length - a.items.length || compareNames(a.unit, b.unit));

  return {
    asOf: model.asOf,
    soonDays: model.soonDays,
    replyBy,
    units,
    noticeUnits,
    notice: noticeText(model, noticeUnits, model.overdue.length, model.dueSoon.length, replyBy),
  };
}

export interface ReminderGroup {
  /** Units asked about exactly the same items in the same roles, in the plan's order. */
  units: string[];
  items: ReminderItem[];
  /** One message for all of them (请A、B于…前报送…). */
  text: string;
}

/**
 * The plan's units grouped by identical lists (the same measures, roles and figures), for printing: sixteen
 * departments asked only about one measure they share read as one line, not sixteen.
 */
export function reminderGroups(plan: ReminderPlan): ReminderGroup[] {
  const groups = new Map<string, ReminderGroup>();
  for (const u of plan.units) {
    const key = JSON.stringify(u.items.map((i) => [i.row, i.role, i.kind]));
    const group = groups.get(key);
    if (group) group.units.push(u.unit);
    else groups.set(key, { units: [u.unit], items: u.items, text: '' });
  }
  return [...groups.values()].map((g) => ({ ...g, text: unitText(g.units.join('、'), g.items, plan.asOf, plan.replyBy) }));
}

/** The longest reply window a 催办 gives: more would no longer read as a reminder. */
export const MAX_REPLY_WORKDAYS = 60;

/** A usable reply window for a 催办: 1 to MAX_REPLY_WORKDAYS working days. */
export function isReplyWorkdays(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_REPLY_WORKDAYS;
}

/**
 * The date a 催办 asks units to report by: the one the clerk gives (an ISO date not before the as-of date), else
 * the saved number of working days after the as-of date, else DEFAULT_REPLY_WORKDAYS.
 */
export function resolveReplyBy(asOf: string, requested: string | undefined, savedWorkdays: number | undefined): string {
  if (requested !== undefined) {
    if (!isValidIsoDate(requested) || requested < asOf) {
      throw new UserFacingError('remind.bad_reply_by', {
        zh: `报送时限“${requested}”无效：请写成 YYYY-MM-DD，且不早于统计截至日 ${chineseDate(asOf)}`,
        en: `Reply-by date "${requested}" is not usable: write it as YYYY-MM-DD, not before the as-of date ${asOf}`,
      });
    }
    return requested;
  }
  const days = isReplyWorkdays(savedWorkdays) ? savedWorkdays : DEFAULT_REPLY_WORKDAYS;
  return addWorkdays(asOf, days);
}
