/**
 * Checks one returned copy against the master it was cut from, and reads the unit's answers.
 *
 * Each returned row is matched to a master measure by its number AND its text. Findings carry the cell in
 * the returned file and a stable code. A file-level error (not a return of this master, an unknown unit, an
 * unreadable table) rejects the whole file; a row-level error (text edited, a row added or not given to the
 * unit) keeps only that row out of the merge.
 */
import { cellAddress } from '../address';
import { FindingList, type MeasureLabel } from '../findings';
import { compareIso } from '../dates';
import { parseDeadline } from '../deadline';
import { valueAt } from '../layout';
import { cellText } from '../text';
import type { CellValue, Finding, LocalText, ProgressState, SheetAnalysis, SheetGrid, Status, Task } from '../types';
import type { UnitDirectory } from '../units';
import { answerFingerprint, comparableText, masterFingerprint, measureFingerprint, type IdentityMeasure, type ReturnIdentity } from './identity';
import { recipientsOf } from './split-plan';

/** One unit's answer for one master measure. */
export interface MeasureAnswer {
  /** Index into the master's tasks. */
  taskIndex: number;
  unit: string;
  status: Status;
  explanation: string;
  /** ISO completion date (written, or named in the status text), or null. */
  doneDate: string | null;
  /** 1-based row in the returned sheet. */
  row: number;
  /** Address of the returned 完成情况 cell (for findings raised when answers are merged). */
  statusCell: string | null;
}

export interface ReturnValidation {
  /** The unit the file answers for (from its identity), or null when it has none. */
  unit: string | null;
  /** False when the file as a whole cannot be merged (see file-level errors above). */
  accepted: boolean;
  /**
   * True when the file is a return of this master but the unit filled nothing in: every answer blank, or as
   * the copy was pre-filled. Nothing of it is merged; the unit has still to report.
   */
  blank: boolean;
  findings: Finding[];
  answers: MeasureAnswer[];
}

export interface ValidateInput {
  identity: ReturnIdentity | null;
  /** The returned sheet read as a task table; a UserFacingError message when it could not be read as one. */
  returned: { grid: SheetGrid; analysis: SheetAnalysis } | { error: LocalText } | null;
  master: SheetAnalysis;
  directory: UnitDirectory;
  /** For 完成日期 in the future and overdue measures lacking a 进展说明. */
  asOf: string;
}

const EXPLAIN_STATES: ReadonlySet<ProgressState> = new Set(['behind', 'not_started']);
const DIFF_CONTEXT = 6;
const DIFF_MAX = 40;

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** `…共同前文【原：旧文字 → 现：新文字】共同后文…`: where two texts differ, with a little context. */
export function compactDifference(before: string, after: string): LocalText {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  const lead = (start > DIFF_CONTEXT ? '…' : '') + before.slice(Math.max(0, start - DIFF_CONTEXT), start);
  const tail = after.slice(endAfter, endAfter + DIFF_CONTEXT) + (after.length - endAfter > DIFF_CONTEXT ? '…' : '');
  const was = clip(before.slice(start, endBefore), DIFF_MAX) || '（无）';
  const now = clip(after.slice(start, endAfter), DIFF_MAX) || '（无）';
  return {
    zh: `${lead}【原：${was} → 现：${now}】${tail}`,
    en: `${lead}[was: ${was === '（无）' ? '(nothing)' : was} → now: ${now === '（无）' ? '(nothing)' : now}]${tail}`,
  };
}

/** The positions of each key, ascending. */
function indexBy(keys: string[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  keys.forEach((key, i) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  });
  return map;
}

function measureLabel(task: Task): MeasureLabel {
  return { no: task.no, text: clip(task.measure.replace(/\s+/g, ''), 24) };
}

function unitsText(task: Task): string {
  return `${task.lead.join('、')}|${task.responsible.join('、')}`;
}

/** The completion date a cell holds: a date cell or a date written as text; 'invalid' for anything else. */
function doneDateOf(value: CellValue, planYear: number): string | null | 'invalid' {
  if (cellText(value) === '') return null;
  if (typeof value === 'object' && value !== null && value.kind === 'date') return value.iso;
  const parsed = parseDeadline(value, planYear);
  return parsed.kind === 'date' && parsed.due ? parsed.due : 'invalid';
}

/** The master's measures looked up by number and by text fingerprint, in master order. */
interface MasterIndex {
  master: SheetAnalysis;
  hashes: string[];
  byNo: Map<string, number[]>;
  byHash: Map<string, number[]>;
}

function indexMaster(master: SheetAnalysis): MasterIndex {
  const hashes = master.tasks.map((t) => measureFingerprint(t.measure));
  return { master, hashes, byNo: indexBy(master.tasks.map((t) => t.no)), byHash: indexBy(hashes) };
}

export function validateReturn(input: ValidateInput): ReturnValidation {
  const findings = new FindingList();
  const index = indexMaster(input.master);
  const accepted = checkIdentity(input, index, findings);
  if (!accepted) return { unit: input.identity?.unit ?? null, accepted: false, blank: false, findings: findings.sorted(), answers: [] };
  const { identity, grid, analysis } = accepted;
  const unit = identity.unit;
  const given = givenMeasures(identity, index);
  const assignedNow = new Set(input.master.tasks.flatMap((t, i) => (recipientsOf(t, input.directory, identity.by).includes(unit) ? [i] : [])));
  const matched = new Set<number>();
  const answers: MeasureAnswer[] = [];
  // Findings about the answers wait: a copy sent back with nothing filled in gets one finding instead.
  const answerFindings = new FindingList();
  let filledRows = 0;
  for (const returned of analysis.tasks) {
    const taskIndex = matchRow(returned, analysis, index, given, matched, findings);
    if (taskIndex === null) continue;
    const task = input.master.tasks[taskIndex];
    const at = rowAt(returned, analysis);
    if (!given.has(taskIndex) && !assignedNow.has(taskIndex)) {
      findings.add('return.not_assigned', at.measure, { measure: measureLabel(task), unit });
      continue;
    }
    const answer = readAnswer(returned, task, { grid, analysis, planYear: input.master.planYear, asOf: input.asOf }, answerFindings);
    if (answer && !answeredAsIssued(returned, analysis, grid, given.get(taskIndex))) filledRows++;
    if (answer) answers.push({ ...answer, taskIndex, unit });
  }
  for (const i of given.keys()) {
    if (!matched.has(i)) findings.add('return.measure_missing', null, { measure: measureLabel(input.master.tasks[i]) });
  }
  if (filledRows === 0 && analysis.tasks.length > 0) {
    findings.add('return.nothing_filled', null, { unit });
    return { unit, accepted: true, blank: true, findings: findings.sorted(), answers: [] };
  }
  findings.addAll(answerFindings);
  return { unit, accepted: true, blank: false, findings: findings.sorted(), answers };
}

/** Whether a returned row's answer is the one its copy was pre-filled with (never, for copies made without one). */
function answeredAsIssued(returned: Task, analysis: SheetAnalysis, grid: SheetGrid, issued: IdentityMeasure | undefined): boolean {
  if (issued?.answer === undefined) return false;
  const cols = analysis.layout.columns;
  const cellAt = (col: number | null | undefined): CellValue => (col == null ? null : valueAt(grid, returned.row - 1, col));
  return answerFingerprint([cellAt(cols.status), cellAt(cols.explanation), cellAt(cols.doneDate)]) === issued.answer;
}

/**
 * Whether the file is a return of this master from a unit it knows, with a table that could be read; null (and
 * the reason as an error) when the file as a whole cannot be merged.
 */
function checkIdentity(
  input: ValidateInput,
  index: MasterIndex,
  findings: FindingList,
): { identity: ReturnIdentity; grid: SheetGrid; analysis: SheetAnalysis } | null {
  const { identity, master, directory } = input;
  const masterTitle = master.title ?? master.sheet;
  if (!identity) {
    findings.add('return.wrong_master', null, { masterTitle, issuedFrom: null });
    return null;
  }
  if (identity.masterId !== masterFingerprint(master)) {
    const known = new Set(index.hashes);
    const matching = identity.measures.filter((m) => known.has(m.hash)).length;
    if (matching * 2 < identity.measures.length || identity.measures.length === 0) {
      findings.add('return.wrong_master', null, { masterTitle, issuedFrom: identity.masterTitle ?? identity.masterSheet });
      return null;
    }
    findings.add('return.master_changed', null, {});
  }
  const unit = identity.unit;
  const namedInMaster = master.tasks.some((t) => recipientsOf(t, directory, 'both').includes(unit));
  if (directory.resolve(unit).kind === 'unknown' && !namedInMaster) {
    findings.add('return.unit_unknown', null, { unit });
    return null;
  }
  if (!input.returned || 'error' in input.returned) {
    findings.add('return.unreadable', null, input.returned ? { reason: 'tasks', why: input.returned.error } : { reason: 'no_table' });
    return null;
  }
  return { identity, ...input.returned };
}

/** The measures the unit was given: the identity's list, found in the master by number and text (or text alone). */
function givenMeasures(identity: ReturnIdentity, index: MasterIndex): Map<number, IdentityMeasure> {
  const given = new Map<number, IdentityMeasure>();
  for (const m of identity.measures) {
    let i = (index.byNo.get(m.no) ?? []).find((k) => index.hashes[k] === m.hash) ?? -1;
    if (i < 0) i = index.byHash.get(m.hash)?.[0] ?? -1;
    if (i < 0 && m.no) i = index.byNo.get(m.no)?.[0] ?? -1;
    if (i >= 0 && !given.has(i)) given.set(i, m);
  }
  return given;
}

function rowAt(returned: Task, analysis: SheetAnalysis): { row: number; measure: { row: number; col: number } } {
  const cols = analysis.layout.columns;
  const row = returned.row - 1;
  return { row, measure: { row, col: cols.number !== null && returned.no ? cols.number : cols.measure } };
}

/**
 * The master measure a returned row answers: by its number AND its text, else by its text when the master has
 * no such number. A row whose number matches but whose text was edited, or that matches nothing, is an error
 * and null; the measure it stands for counts as matched, so it is not also reported missing.
 */
function matchRow(
  returned: Task,
  analysis: SheetAnalysis,
  index: MasterIndex,
  given: ReadonlyMap<number, IdentityMeasure>,
  matched: Set<number>,
  findings: FindingList,
): number | null {
  const at = rowAt(returned, analysis);
  const hash = measureFingerprint(returned.measure);
  const byNumber = returned.no ? (index.byNo.get(returned.no) ?? []).filter((i) => !matched.has(i)) : [];
  let found = byNumber.find((i) => index.hashes[i] === hash);
  if (found === undefined && !byNumber.length) found = (index.byHash.get(hash) ?? []).find((i) => !matched.has(i));
  if (found !== undefined) {
    matched.add(found);
    return found;
  }
  const numbered = byNumber.find((i) => given.has(i)) ?? byNumber[0];
  if (numbered === undefined) {
    findings.add('return.measure_added', at.measure, { measure: measureLabel(returned) });
    return null;
  }
  matched.add(numbered);
  const task = index.master.tasks[numbered];
  const difference = compactDifference(comparableText(task.measure), comparableText(returned.measure));
  findings.add('return.measure_text_changed', { row: at.row, col: analysis.layout.columns.measure }, { measure: measureLabel(task), difference });
  return null;
}

interface ReturnedSheet {
  grid: SheetGrid;
  analysis: SheetAnalysis;
  planYear: number;
  asOf: string;
}

/**
 * The unit's answer on one matched row: its status, explanation and completion date, with what it changed
 * that the master decides (deadline, units) and what is missing or unreadable. Null when no status is given.
 */
function readAnswer(
  returned: Task,
  task: Task,
  sheet: ReturnedSheet,
  findings: FindingList,
): Omit<MeasureAnswer, 'taskIndex' | 'unit'> | null {
  const { grid, analysis, asOf } = sheet;
  const cols = analysis.layout.columns;
  const r0 = returned.row - 1;
  if (cols.deadline !== null && comparableText(returned.deadline.text) !== comparableText(task.deadline.text)) {
    findings.add('return.deadline_changed', { row: r0, col: cols.deadline }, { returned: returned.deadline.text, master: task.deadline.text });
  }
  if (unitsText(returned) !== unitsText(task)) {
    const col = cols.lead !== null && returned.lead.join('、') !== task.lead.join('、') ? cols.lead : (cols.responsible ?? cols.lead ?? cols.measure);
    findings.add('return.units_changed', { row: r0, col }, { lead: task.lead, responsible: task.responsible });
  }

  const statusCol = cols.status;
  const status = returned.status ?? { text: '', state: 'unknown' as const, doneOn: null, recognised: true };
  const statusAt = { row: r0, col: statusCol ?? analysis.layout.lastColumn };
  if (status.text === '') {
    findings.add('return.status_blank', statusAt, { measure: measureLabel(task) });
    return null;
  }
  if (!status.recognised) findings.add('return.status_unrecognised', statusAt, { text: clip(status.text, 20) });
  const explanationCol = cols.explanation ?? null;
  const explanation = explanationCol === null ? '' : cellText(valueAt(grid, r0, explanationCol));
  const overdue = task.deadline.due !== null && compareIso(task.deadline.due, asOf) < 0 && status.state !== 'done';
  if (!explanation && (EXPLAIN_STATES.has(status.state) || overdue)) {
    findings.add('return.explanation_missing', { row: r0, col: explanationCol ?? statusAt.col }, {
      overdueSince: overdue && !EXPLAIN_STATES.has(status.state) ? task.deadline.due : null,
      status: status.text,
    });
  }
  let doneDate = cols.doneDate == null ? null : readDoneDate(grid, r0, cols.doneDate, sheet, findings);
  if (doneDate === null && status.doneOn && compareIso(status.doneOn, asOf) <= 0) doneDate = status.doneOn;
  return { status, explanation, doneDate, row: returned.row, statusCell: statusCol === null ? null : cellAddress(r0, statusCol) };
}

/** The 完成日期 the unit wrote, when it is a date and not still to come. */
function readDoneDate(grid: SheetGrid, r0: number, col: number, sheet: ReturnedSheet, findings: FindingList): string | null {
  const raw = valueAt(grid, r0, col);
  const parsed = doneDateOf(raw, sheet.planYear);
  if (parsed === 'invalid') {
    findings.add('return.done_date_invalid', { row: r0, col }, { text: clip(cellText(raw), 20) });
    return null;
  }
  if (parsed !== null && compareIso(parsed, sheet.asOf) > 0) {
    findings.add('return.done_date_future', { row: r0, col }, { date: parsed, asOf: sheet.asOf });
    return null;
  }
  return parsed;
}
