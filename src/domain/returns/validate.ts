/**
 * Checks one returned copy against the master it was cut from, and reads the unit's answers.
 *
 * Each returned row is matched to a master measure by its number AND its text. Findings carry the cell in
 * the returned file and a stable code. A file-level error (not a return of this master, an unknown unit, an
 * unreadable table) rejects the whole file; a row-level error (text edited, a row added or not given to the
 * unit) keeps only that row out of the merge.
 */
import { cellAddress } from '../address';
import { FindingList } from '../check';
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

function measureLabel(task: Task): LocalText {
  const text = clip(task.measure.replace(/\s+/g, ''), 24);
  return task.no ? { zh: `第${task.no}项“${text}”`, en: `measure ${task.no} "${text}"` } : { zh: `“${text}”`, en: `"${text}"` };
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

export function validateReturn(input: ValidateInput): ReturnValidation {
  const { identity, master, directory } = input;
  const findings = new FindingList();
  const reject = (code: string, message: LocalText): ReturnValidation => {
    findings.add('error', code, null, message);
    return { unit: identity?.unit ?? null, accepted: false, blank: false, findings: findings.sorted(), answers: [] };
  };
  const masterTitle = master.title ?? master.sheet;

  if (!identity) {
    return reject('return.wrong_master', {
      zh: `这不是从《${masterTitle}》下发的回收表（没有下发标识），未汇总`,
      en: `This is not a return copy issued from "${masterTitle}" (it carries no return identity); not merged`,
    });
  }
  const masterHashes = master.tasks.map((t) => measureFingerprint(t.measure));
  // Master tasks by number and by measure fingerprint, in master order: each return row looks itself up
  // instead of scanning the whole master.
  const byNo = indexBy(master.tasks.map((t) => t.no));
  const byHash = indexBy(masterHashes);
  if (identity.masterId !== masterFingerprint(master)) {
    const known = new Set(masterHashes);
    const matching = identity.measures.filter((m) => known.has(m.hash)).length;
    if (matching * 2 < identity.measures.length || identity.measures.length === 0) {
      return reject('return.wrong_master', {
        zh: `这是从另一份任务分工表（《${identity.masterTitle ?? identity.masterSheet}》）下发的回收表，与《${masterTitle}》不符，未汇总`,
        en: `This return copy was issued from another allocation table ("${identity.masterTitle ?? identity.masterSheet}"), not "${masterTitle}"; not merged`,
      });
    }
    findings.add('warning', 'return.master_changed', null, {
      zh: '下发之后任务分工表的举措有改动；以下按序号和举措内容逐项核对',
      en: 'The allocation table’s measures changed after this copy was issued; rows are checked one by one by number and text',
    });
  }
  const unit = identity.unit;
  const namedInMaster = master.tasks.some((t) => recipientsOf(t, directory, 'both').includes(unit));
  if (directory.resolve(unit).kind === 'unknown' && !namedInMaster) {
    return reject('return.unit_unknown', {
      zh: `回收表的填报单位“${unit}”既不在单位名录中，也不是本任务分工表中的单位，未汇总`,
      en: `The return's unit "${unit}" is neither in the unit directory nor named in this allocation table; not merged`,
    });
  }
  if (!input.returned || 'error' in input.returned) {
    const why = input.returned && 'error' in input.returned ? input.returned.error : { zh: '找不到任务表', en: 'no task table found' };
    return reject('return.unreadable', { zh: `无法读取回收表中的任务：${why.zh}`, en: `The return's tasks cannot be read: ${why.en}` });
  }

  const { grid, analysis } = input.returned;
  const cols = analysis.layout.columns;
  // The measures the unit was given: the identity's list, found in the master by number and text (or text alone).
  const given = new Map<number, IdentityMeasure>();
  for (const m of identity.measures) {
    let i = (byNo.get(m.no) ?? []).find((k) => masterHashes[k] === m.hash) ?? -1;
    if (i < 0) i = byHash.get(m.hash)?.[0] ?? -1;
    if (i < 0 && m.no) i = byNo.get(m.no)?.[0] ?? -1;
    if (i >= 0 && !given.has(i)) given.set(i, m);
  }
  // Findings about the answers themselves wait: a copy sent back with nothing filled in gets one finding instead.
  const answerFindings: Parameters<FindingList['add']>[] = [];
  let filledRows = 0;
  const assignedNow = new Set(master.tasks.flatMap((t, i) => (recipientsOf(t, directory, identity.by).includes(unit) ? [i] : [])));

  const matched = new Set<number>();
  const answers: MeasureAnswer[] = [];
  for (const rt of analysis.tasks) {
    const r0 = rt.row - 1;
    const measureAt = { row: r0, col: cols.number !== null && rt.no ? cols.number : cols.measure };
    const hash = measureFingerprint(rt.measure);
    const byNumber = rt.no ? (byNo.get(rt.no) ?? []).filter((i) => !matched.has(i)) : [];
    let index = byNumber.find((i) => masterHashes[i] === hash);
    if (index === undefined && !byNumber.length) index = (byHash.get(hash) ?? []).find((i) => !matched.has(i));
    if (index === undefined) {
      const numbered = byNumber.find((i) => given.has(i)) ?? byNumber[0];
      if (numbered !== undefined) {
        matched.add(numbered);
        const diff = compactDifference(comparableText(master.tasks[numbered].measure), comparableText(rt.measure));
        findings.add('error', 'return.measure_text_changed', { row: r0, col: cols.measure }, {
          zh: `${measureLabel(master.tasks[numbered]).zh}的举措内容被改动：${diff.zh}；此行未汇总`,
          en: `the text of ${measureLabel(master.tasks[numbered]).en} was edited: ${diff.en}; this row was not merged`,
        });
      } else {
        findings.add('error', 'return.measure_added', measureAt, {
          zh: `${measureLabel(rt).zh}不是任务分工表中的举措（新增的行），未汇总`,
          en: `${measureLabel(rt).en} is not a measure of the allocation table (an added row); not merged`,
        });
      }
      continue;
    }
    matched.add(index);
    const task = master.tasks[index];
    if (!given.has(index) && !assignedNow.has(index)) {
      findings.add('error', 'return.not_assigned', measureAt, {
        zh: `${measureLabel(task).zh}并未分配给“${unit}”，此行未汇总`,
        en: `${measureLabel(task).en} was not assigned to "${unit}"; this row was not merged`,
      });
      continue;
    }
    if (cols.deadline !== null && comparableText(rt.deadline.text) !== comparableText(task.deadline.text)) {
      findings.add('warning', 'return.deadline_changed', { row: r0, col: cols.deadline }, {
        zh: `完成时限被改为“${rt.deadline.text}”，任务分工表中为“${task.deadline.text}”（以任务分工表为准）`,
        en: `the deadline was changed to "${rt.deadline.text}"; the allocation table says "${task.deadline.text}" (the table stands)`,
      });
    }
    if (unitsText(rt) !== unitsText(task)) {
      const col = cols.lead !== null && rt.lead.join('、') !== task.lead.join('、') ? cols.lead : (cols.responsible ?? cols.lead ?? cols.measure);
      findings.add('warning', 'return.units_changed', { row: r0, col }, {
        zh: `牵头/责任单位被改动（任务分工表中为 牵头：${task.lead.join('、') || '无'}；责任：${task.responsible.join('、') || '无'}，以任务分工表为准）`,
        en: `the lead/responsible units were edited (the table says lead: ${task.lead.join(', ') || 'none'}; responsible: ${task.responsible.join(', ') || 'none'}; the table stands)`,
      });
    }

    const statusCol = cols.status;
    const status = rt.status ?? { text: '', state: 'unknown' as const, doneOn: null, recognised: true };
    const statusAt = { row: r0, col: statusCol ?? analysis.layout.lastColumn };
    const explanationCol = cols.explanation ?? null;
    const doneCol = cols.doneDate ?? null;
    const cellAt = (col: number | null): CellValue => (col === null ? null : valueAt(grid, r0, col));
    const issued = given.get(index)?.answer;
    const asIssued = issued !== undefined && answerFingerprint([cellAt(statusCol), cellAt(explanationCol), cellAt(doneCol)]) === issued;
    if (status.text !== '' && !asIssued) filledRows++;
    if (status.text === '') {
      answerFindings.push(['warning', 'return.status_blank', statusAt, {
        zh: `${measureLabel(task).zh}未填写完成情况`,
        en: `no status given for ${measureLabel(task).en}`,
      }]);
      continue;
    }
    if (!status.recognised) {
      answerFindings.push(['warning', 'return.status_unrecognised', statusAt, {
        zh: `完成情况“${clip(status.text, 20)}”不是可识别的状态用语（如 已完成、序时推进、进度滞后、未启动），已按原文汇总`,
        en: `the status "${clip(status.text, 20)}" is not a recognised status word (e.g. 已完成, 序时推进, 进度滞后, 未启动); merged as written`,
      }]);
    }
    const explanation = cellText(cellAt(explanationCol));
    const overdue = task.deadline.due !== null && compareIso(task.deadline.due, input.asOf) < 0 && status.state !== 'done';
    if (!explanation && (EXPLAIN_STATES.has(status.state) || overdue)) {
      answerFindings.push(['warning', 'return.explanation_missing', { row: r0, col: explanationCol ?? statusAt.col }, {
        zh: overdue && !EXPLAIN_STATES.has(status.state)
          ? `已过完成时限（${task.deadline.due}）仍未完成，请在“进展说明”中说明原因和计划`
          : `完成情况为“${status.text}”，请在“进展说明”中说明原因和计划`,
        en: overdue && !EXPLAIN_STATES.has(status.state)
          ? `past its deadline (${task.deadline.due}) and not done: explain why and the plan under 进展说明`
          : `the status is "${status.text}": explain why and the plan under 进展说明`,
      }]);
    }
    let doneDate: string | null = null;
    if (doneCol !== null) {
      const raw = cellAt(doneCol);
      const parsed = doneDateOf(raw, master.planYear);
      if (parsed === 'invalid') {
        answerFindings.push(['warning', 'return.done_date_invalid', { row: r0, col: doneCol }, {
          zh: `完成日期“${clip(cellText(raw), 20)}”不是日期，未汇总该日期`,
          en: `the completion date "${clip(cellText(raw), 20)}" is not a date; the date was not merged`,
        }]);
      } else if (parsed !== null && compareIso(parsed, input.asOf) > 0) {
        answerFindings.push(['warning', 'return.done_date_future', { row: r0, col: doneCol }, {
          zh: `完成日期 ${parsed} 晚于 ${input.asOf}，尚未到来，未汇总该日期`,
          en: `the completion date ${parsed} is after ${input.asOf}, still to come; the date was not merged`,
        }]);
      } else {
        doneDate = parsed;
      }
    }
    if (doneDate === null && status.doneOn && compareIso(status.doneOn, input.asOf) <= 0) doneDate = status.doneOn;
    answers.push({
      taskIndex: index,
      unit,
      status,
      explanation,
      doneDate,
      row: rt.row,
      statusCell: statusCol === null ? null : cellAddress(r0, statusCol),
    });
  }

  for (const i of given.keys()) {
    if (matched.has(i)) continue;
    findings.add('error', 'return.measure_missing', null, {
      zh: `回收表中缺少下发的${measureLabel(master.tasks[i]).zh}（行被删除）`,
      en: `${measureLabel(master.tasks[i]).en}, issued to this unit, is missing from the return (row deleted)`,
    });
  }
  if (filledRows === 0 && analysis.tasks.length > 0) {
    findings.add('warning', 'return.nothing_filled', null, {
      zh: `“${unit}”交回的回收表没有填写（完成情况均为空或与下发时预填的相同），未汇总；请该单位填报后重新报送`,
      en: `The return of "${unit}" was sent back without answers (every status blank or as the copy was pre-filled); not merged — the unit has still to report`,
    });
    return { unit, accepted: true, blank: true, findings: findings.sorted(), answers: [] };
  }
  for (const args of answerFindings) findings.add(...args);
  return { unit, accepted: true, blank: false, findings: findings.sorted(), answers };
}
