/**
 * The 落实情况汇总 model: every figure the summary sheet, the annual-report paragraph and
 * `check --format json` show, computed once from the analysed task list as of a date.
 *
 * Each task is classified once with the colour-coding's `rowState`, so the summary and the coloured rows can
 * never disagree. Everything else here is counting; nothing is rounded (shares are plain ratios) so every
 * table can be checked against the task list exactly, and rounding happens only where text is printed.
 */
import type { CarryOverFigures } from './carry-over';
import type { Finding, FindingCode, RowState, Severity, SheetAnalysis, Task } from './types';
import { ROW_STATES } from './types';
import { countStates, rowState } from './row-state';
import type { StateCounts } from './row-state';
import { workdaysBetween } from './workdays';
import type { UnitDirectory } from './units/directory';

export type { StateCounts };

/**
 * Completion of the measures whose fixed deadline has passed.
 *
 * Precisely: `due` counts the tasks whose deadline kind is 'date' and whose due date is on or before the
 * as-of date (due ≤ asOf); `completed` counts those among them whose row state is 'done' or 'done_late';
 * `rate` = completed / due, or null when no fixed deadline has passed yet (a rate of nothing is not 0 %).
 * Long-running (长期), timely (及时) and periodic measures never enter it: they have no date by which they
 * could be finished.
 */
export interface DueCompletion {
  due: number;
  completed: number;
  rate: number | null;
}

/** Counts for one group of measures (a section, a unit, a month). */
export interface GroupFigures {
  measures: number;
  states: StateCounts;
  /** done + done_late. */
  completed: number;
  dueCompletion: DueCompletion;
}

export interface SubsectionSummary extends GroupFigures {
  name: string;
}

export interface SectionSummary extends GroupFigures {
  /** The section heading as written (一、…); null for measures before the first section heading. */
  name: string | null;
  subsections: SubsectionSummary[];
}

export interface UnitSummary extends GroupFigures {
  /** Canonical directory name, or the name as written when the directory does not know it. */
  unit: string;
  /** Directory category (部门, 街道 …), null when the unit is not in the directory. */
  category: string | null;
}

export interface MonthSummary {
  /** 'YYYY-MM'. */
  month: string;
  /** Measures with a fixed deadline in this month. */
  due: number;
  /** Done by the deadline (state 'done'). */
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  /** Not done and not yet overdue (on track, behind, due soon). */
  open: number;
}

export interface LedgerEntry {
  /** 1-based sheet row, so the clerk can find the measure. */
  row: number;
  /** Measure number as printed ('' when the sheet has none). */
  no: string;
  section: string | null;
  measure: string;
  deadlineText: string;
  due: string;
  lead: string[];
  responsible: string[];
  /** The 完成情况 text exactly as the department wrote it ('' when blank or no status column). */
  statusText: string;
  /**
   * Overdue list: working days after the due date up to the as-of date (≥ 0: 0 when only a weekend or
   * holiday has passed since).
   * Due-soon list: working days left from the as-of date to the due date (≥ 0).
   */
  workdays: number;
}

export interface FindingCodeCount {
  code: FindingCode;
  severity: Severity;
  count: number;
  /** The first finding's message, as an example of what the code means. */
  example: Finding['message'];
}

export interface DataProblems {
  bySeverity: Record<Severity, number>;
  /** Most frequent codes first (ties: more severe, then code), at most TOP_FINDING_CODES. */
  topCodes: FindingCodeCount[];
  /** Distinct codes in total, so the sheet can say how many were left out. */
  distinctCodes: number;
}

/** The section × state matrix behind the chart: cells[i][j] = measures of sections[i] in states[j]. */
export interface StateMatrix {
  sections: string[];
  /** Only states that occur at least once, in ROW_STATES order, so the chart has no empty series. */
  states: RowState[];
  cells: number[][];
}

export interface SummaryModel {
  title: string | null;
  sourceSheet: string;
  planYear: number;
  asOf: string;
  soonDays: number;
  generatedAt: string;
  total: number;
  states: StateCounts;
  /** done + done_late. */
  completed: number;
  /** completed / total (the 完成率 of the annual report's "共X项，已完成X项，完成率X%"); null when total is 0. */
  completedShare: number | null;
  dueCompletion: DueCompletion;
  /** Distinct sections / subsections the sheet has (方面 / 类 in the report); 0 when it has none. */
  sectionCount: number;
  subsectionCount: number;
  sections: SectionSummary[];
  /** Overdue desc, then due soon desc, then name. Includes a row for measures without a lead unit. */
  leadUnits: UnitSummary[];
  /** Measures desc, then name. Groups expanded through the directory. */
  responsibleUnits: UnitSummary[];
  /** Months of fixed deadlines, in calendar order. */
  months: MonthSummary[];
  /**
   * The units answerable for the overdue measures, most overdue first, then by name: a measure's lead units,
   * or its responsible units when it names no lead. What the report's 涉及…等N个单位 lists.
   */
  overdueUnits: { unit: string; overdue: number }[];
  overdue: LedgerEntry[];
  dueSoon: LedgerEntry[];
  problems: DataProblems;
  matrix: StateMatrix;
  /**
   * The clerk's closing sentence for the annual-report paragraph (settings), e.g. 已建立工作台账，实行打表推进、
   * 销号管理 — what the office does about overdue tasks, which the data cannot tell; null: the paragraph ends
   * with the facts.
   */
  reportClosing: string | null;
  /** Last year's unfinished measures carried into this year (the 上年未完成事项 sheet), or null when there is none. */
  carryOver: CarryOverFigures | null;
}

export interface SummaryOptions {
  asOf: string;
  soonDays: number;
  directory: UnitDirectory;
  generatedAt: string;
  /** Defaults to the analysed sheet's name. */
  sourceSheet?: string;
  /** The clerk's closing sentence for the paragraph (ProductSettings.reportClosing). */
  reportClosing?: string;
  /** The figures of this year's 上年未完成事项 sheet, when there is one. */
  carryOver?: CarryOverFigures | null;
}

/** The unit row for measures that name no lead (or no responsible) unit at all. */
export const NO_UNIT = '（未明确）';
/** The section row for measures above the first section heading. */
export const NO_SECTION = '（未分组）';
export const TOP_FINDING_CODES = 5;

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function isCompleted(state: RowState): boolean {
  return state === 'done' || state === 'done_late';
}

function hasFixedDeadlinePassed(task: Task, asOf: string): boolean {
  return task.deadline.kind === 'date' && task.deadline.due !== null && task.deadline.due <= asOf;
}

/** Accumulates one group's figures; `add` is called once per measure in the group. */
class GroupCounter {
  measures = 0;
  readonly states = countStates([]);
  completed = 0;
  due = 0;
  dueCompleted = 0;

  add(task: Task, state: RowState, asOf: string): void {
    this.measures++;
    this.states[state]++;
    if (isCompleted(state)) this.completed++;
    if (hasFixedDeadlinePassed(task, asOf)) {
      this.due++;
      if (isCompleted(state)) this.dueCompleted++;
    }
  }

  figures(): GroupFigures {
    return {
      measures: this.measures,
      states: { ...this.states },
      completed: this.completed,
      dueCompletion: { due: this.due, completed: this.dueCompleted, rate: this.due ? this.dueCompleted / this.due : null },
    };
  }
}

interface Classified {
  task: Task;
  state: RowState;
}

/** Chinese collation for unit and section names, so lists read in the order clerks expect (pinyin). */
export function compareNames(a: string, b: string): number {
  return a.localeCompare(b, 'zh-CN');
}

/**
 * The units a list of names stands for, each once (a unit named twice, or directly and through a group,
 * counts once): canonical directory names; groups expanded to their members when `expandGroups`, else kept
 * as the group; names the directory does not know, as written.
 */
export function unitsOf(names: string[], directory: UnitDirectory, expandGroups: boolean): string[] {
  const seen = new Set<string>();
  for (const name of names) {
    if (expandGroups) {
      for (const unit of directory.expand(name)) seen.add(unit);
      continue;
    }
    const resolved = directory.resolve(name);
    seen.add(resolved.kind === 'unit' ? resolved.canonical : resolved.kind === 'group' ? resolved.group : name);
  }
  return [...seen];
}

function categoryOf(unit: string, directory: UnitDirectory): string | null {
  return directory.categoryOf(unit) || null;
}

function summariseUnits(
  classified: Classified[],
  namesOf: (task: Task) => string[],
  directory: UnitDirectory,
  expandGroups: boolean,
  asOf: string,
): Map<string, GroupCounter> {
  const counters = new Map<string, GroupCounter>();
  for (const { task, state } of classified) {
    const units = unitsOf(namesOf(task), directory, expandGroups);
    for (const unit of units.length ? units : [NO_UNIT]) {
      let counter = counters.get(unit);
      if (!counter) counters.set(unit, (counter = new GroupCounter()));
      counter.add(task, state, asOf);
    }
  }
  return counters;
}

function unitRows(counters: Map<string, GroupCounter>, directory: UnitDirectory): UnitSummary[] {
  return [...counters].map(([unit, counter]) => ({ unit, category: categoryOf(unit, directory), ...counter.figures() }));
}

/** The unnamed row sorts last: it is a data gap, not a unit to be 通报'd. */
function namedFirst(a: UnitSummary, b: UnitSummary): number {
  return Number(a.unit === NO_UNIT) - Number(b.unit === NO_UNIT);
}

function summariseSections(classified: Classified[], asOf: string): SectionSummary[] {
  const sections = new Map<string | null, { counter: GroupCounter; subsections: Map<string, GroupCounter> }>();
  for (const { task, state } of classified) {
    let section = sections.get(task.section);
    if (!section) sections.set(task.section, (section = { counter: new GroupCounter(), subsections: new Map() }));
    section.counter.add(task, state, asOf);
    if (task.subsection !== null) {
      let sub = section.subsections.get(task.subsection);
      if (!sub) section.subsections.set(task.subsection, (sub = new GroupCounter()));
      sub.add(task, state, asOf);
    }
  }
  // Sheet order (Map keeps first appearance), which is the document's 一、二、三 order.
  return [...sections].map(([name, { counter, subsections }]) => ({
    name,
    ...counter.figures(),
    subsections: [...subsections].map(([subName, sub]) => ({ name: subName, ...sub.figures() })),
  }));
}

function summariseMonths(classified: Classified[]): MonthSummary[] {
  const months = new Map<string, MonthSummary>();
  for (const { task, state } of classified) {
    if (task.deadline.kind !== 'date' || !task.deadline.due) continue;
    const month = task.deadline.due.slice(0, 7);
    let m = months.get(month);
    if (!m) months.set(month, (m = { month, due: 0, doneOnTime: 0, doneLate: 0, overdue: 0, open: 0 }));
    m.due++;
    if (state === 'done') m.doneOnTime++;
    else if (state === 'done_late') m.doneLate++;
    else if (state === 'overdue') m.overdue++;
    else m.open++;
  }
  return [...months.values()].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
}

function ledgerEntry(task: Task, workdays: number): LedgerEntry {
  return {
    row: task.row,
    no: task.no,
    section: task.section,
    measure: task.measure,
    deadlineText: task.deadline.text,
    due: task.deadline.due as string,
    lead: task.lead,
    responsible: task.responsible,
    statusText: task.status?.text ?? '',
    workdays,
  };
}

function summariseProblems(findings: Finding[]): DataProblems {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byCode = new Map<string, FindingCodeCount>();
  for (const f of findings) {
    bySeverity[f.severity]++;
    const entry = byCode.get(f.code);
    if (entry) entry.count++;
    else byCode.set(f.code, { code: f.code, severity: f.severity, count: 1, example: f.message });
  }
  const ranked = [...byCode.values()].sort(
    (a, b) => b.count - a.count || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.code < b.code ? -1 : 1),
  );
  return { bySeverity, topCodes: ranked.slice(0, TOP_FINDING_CODES), distinctCodes: ranked.length };
}

function stateMatrix(sections: SectionSummary[], states: StateCounts): StateMatrix {
  const present = ROW_STATES.filter((s) => states[s] > 0);
  return {
    sections: sections.map((s) => s.name ?? NO_SECTION),
    states: present,
    cells: sections.map((s) => present.map((state) => s.states[state])),
  };
}

export function buildSummary(analysis: SheetAnalysis, options: SummaryOptions): SummaryModel {
  const { asOf, soonDays, directory } = options;
  const classified: Classified[] = analysis.tasks.map((task) => ({ task, state: rowState(task, asOf, soonDays) }));

  const overall = new GroupCounter();
  for (const { task, state } of classified) overall.add(task, state, asOf);
  const totals = overall.figures();

  const sections = summariseSections(classified, asOf);
  const namedSections = sections.filter((s) => s.name !== null);
  const subsectionCount = sections.reduce((n, s) => n + s.subsections.length, 0);

  const leadUnits = unitRows(summariseUnits(classified, (t) => t.lead, directory, false, asOf), directory).sort(
    (a, b) =>
      namedFirst(a, b) ||
      b.states.overdue - a.states.overdue ||
      b.states.due_soon - a.states.due_soon ||
      compareNames(a.unit, b.unit),
  );
  const responsibleUnits = unitRows(summariseUnits(classified, (t) => t.responsible, directory, true, asOf), directory).sort(
    (a, b) => namedFirst(a, b) || b.measures - a.measures || compareNames(a.unit, b.unit),
  );

  const overdue: LedgerEntry[] = [];
  const dueSoon: LedgerEntry[] = [];
  for (const { task, state } of classified) {
    const due = task.deadline.due;
    if (due === null) continue;
    if (state === 'overdue') overdue.push(ledgerEntry(task, workdaysBetween(due, asOf)));
    else if (state === 'due_soon') dueSoon.push(ledgerEntry(task, Math.max(0, workdaysBetween(asOf, due))));
  }

  return {
    title: analysis.title,
    sourceSheet: options.sourceSheet ?? analysis.sheet,
    planYear: analysis.planYear,
    asOf,
    soonDays,
    generatedAt: options.generatedAt,
    total: totals.measures,
    states: totals.states,
    completed: totals.completed,
    completedShare: totals.measures ? totals.completed / totals.measures : null,
    dueCompletion: totals.dueCompletion,
    sectionCount: namedSections.length,
    subsectionCount,
    sections,
    leadUnits,
    responsibleUnits,
    months: summariseMonths(classified),
    overdueUnits: answerableUnits(
      classified.filter((c) => c.state === 'overdue').map((c) => c.task),
      directory,
    ),
    overdue,
    dueSoon,
    problems: summariseProblems(analysis.findings),
    matrix: stateMatrix(sections, totals.states),
    reportClosing: options.reportClosing?.trim() || null,
    carryOver: options.carryOver ?? null,
  };
}

function answerableUnits(overdueTasks: Task[], directory: UnitDirectory): { unit: string; overdue: number }[] {
  const counts = new Map<string, number>();
  for (const task of overdueTasks) {
    const units = unitsOf(task.lead.length ? task.lead : task.responsible, directory, false);
    for (const unit of units) counts.set(unit, (counts.get(unit) ?? 0) + 1);
  }
  return [...counts]
    .map(([unit, overdue]) => ({ unit, overdue }))
    .sort((a, b) => b.overdue - a.overdue || compareNames(a.unit, b.unit));
}
