/**
 * 回头看: last year's measures that were not finished by the end of their year (or by an as-of date), carried
 * into this year's workbook as the product sheet 上年未完成事项 — what the notice's own measure asks for
 * (对上一年度…开展“回头看”，逐项核查落实情况).
 *
 * Which measures are carried: those whose row state as of the date is overdue, behind, due soon or on track
 * (a date beyond the year: not finished either). Done measures are not carried; ongoing ones (长期开展, 及时公开)
 * continue by nature and are only counted; a measure with no readable deadline is carried only when its status
 * says it was not finished.
 *
 * Each carried measure is looked for in this year's sheet (renumbered, reworded a little): the same text, else
 * the most similar measure above a similarity threshold. Its progress is then this year's status; unmatched, it
 * is the clerk's 目前进展 cell, which survives when the sheet is made again (matched by the measure's text).
 */
import { chineseDate } from './dates';
import { countOf, pick } from './i18n';
import { comparableText, measureFingerprint } from './returns/identity';
import { rowState } from './row-state';
import type { SheetSpec, SpecCell, SpecStyle, SpecValue } from './sheet-spec';
import { parseStatus } from './status';
import { rowHeightFor, wrappedLines } from './text-metrics';
import { cellText } from './text';
import type { CellRange, CellValue, Lang, LocalText, RowState, SheetAnalysis, SheetGrid, Task } from './types';
import { workdaysBetween } from './workdays';

export const CARRY_OVER_SHEET_NAME = '上年未完成事项';

/** Character-bigram similarity (Dice) above which a reworded measure of this year is taken for last year's. */
export const MATCH_THRESHOLD = 0.6;

const CARRIED_STATES: ReadonlySet<RowState> = new Set<RowState>(['overdue', 'behind', 'due_soon', 'on_track']);

export interface CarriedMeasure {
  /** Last year's number as printed, and its row on last year's sheet. */
  no: string;
  row: number;
  measure: string;
  deadlineText: string;
  lead: string[];
  responsible: string[];
  /** Where it stood on the date. */
  state: RowState;
  /** Last year's 完成情况 as written ('' when blank). */
  statusText: string;
  /** Working days from its deadline to the date; null without a passed fixed date. */
  workdaysOverdue: number | null;
  /** This year's measure it continues as, or null. */
  thisYear: { row: number; no: string; similarity: number; done: boolean; statusText: string } | null;
  /** The clerk's 目前进展 from the earlier 上年未完成事项 sheet (for measures not in this year's sheet). */
  clerkProgress: string;
}

export interface CarryOverModel {
  /** Last year's sheet, its title and plan year. */
  lastSheet: string;
  lastTitle: string | null;
  lastYear: number;
  /** The date last year's measures were judged as of (its 12-31 unless given). */
  asOf: string;
  measures: CarriedMeasure[];
  /** Last year's measures that were done by the date, and the ongoing ones left out. */
  doneCount: number;
  ongoingCount: number;
  /** Carried measures finished since: done in this year's sheet, or the clerk's 目前进展 says done. */
  resolvedCount: number;
}

export interface CarryOverOptions {
  /** Default: 12-31 of last year's plan year. */
  asOf?: string;
  /** This year's checked sheet, to find each carried measure in; null when it holds no task table. */
  thisYear: SheetAnalysis | null;
  /** The clerk's 目前进展 on the earlier 上年未完成事项 sheet, by measure text (from `earlierProgress`). */
  earlier?: ReadonlyMap<string, string>;
  /** This year's plan year, to read dates in the clerk's progress text. */
  planYear: number;
}

/** The character bigrams of a comparable text (a one-character text is its own bigram). */
function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  const chars = Array.from(text);
  if (chars.length === 1) grams.set(chars[0], 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i] + chars[i + 1];
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/** Dice similarity of two texts' bigram multisets: 1 for the same text, 0 for nothing in common. */
export function textSimilarity(a: string, b: string): number {
  const ga = bigrams(comparableText(a));
  const gb = bigrams(comparableText(b));
  let total = 0;
  let shared = 0;
  for (const n of ga.values()) total += n;
  for (const n of gb.values()) total += n;
  for (const [g, n] of ga) shared += Math.min(n, gb.get(g) ?? 0);
  return total === 0 ? 0 : (2 * shared) / total;
}

function isCarried(task: Task, state: RowState): boolean {
  if (CARRIED_STATES.has(state)) return true;
  // No readable date: carried when its own status says it was not finished.
  return state === 'unknown' && (task.status?.state === 'not_started' || task.status?.state === 'in_progress');
}

/** This year's measure that continues `task`: the same text, else the most similar one over the threshold. */
function matchThisYear(task: Task, thisYear: SheetAnalysis | null, taken: Set<number>, asOf: string): CarriedMeasure['thisYear'] {
  if (!thisYear) return null;
  const key = measureFingerprint(task.measure);
  let best: { task: Task; similarity: number } | null = null;
  for (const candidate of thisYear.tasks) {
    if (taken.has(candidate.row)) continue;
    const similarity = measureFingerprint(candidate.measure) === key ? 1 : textSimilarity(task.measure, candidate.measure);
    if (similarity >= MATCH_THRESHOLD && (!best || similarity > best.similarity)) best = { task: candidate, similarity };
    if (similarity === 1) break;
  }
  if (!best) return null;
  taken.add(best.task.row);
  const state = rowState(best.task, asOf);
  return {
    row: best.task.row,
    no: best.task.no,
    similarity: Math.round(best.similarity * 100) / 100,
    done: state === 'done' || state === 'done_late',
    statusText: best.task.status?.text ?? '',
  };
}

export function planCarryOver(last: SheetAnalysis, options: CarryOverOptions): CarryOverModel {
  const asOf = options.asOf ?? `${last.planYear}-12-31`;
  const measures: CarriedMeasure[] = [];
  const taken = new Set<number>();
  let doneCount = 0;
  let ongoingCount = 0;
  for (const task of last.tasks) {
    const state = rowState(task, asOf);
    if (state === 'done' || state === 'done_late') doneCount++;
    if (state === 'ongoing') ongoingCount++;
    if (!isCarried(task, state)) continue;
    const due = task.deadline.due;
    measures.push({
      no: task.no,
      row: task.row,
      measure: task.measure,
      deadlineText: task.deadline.text,
      lead: task.lead,
      responsible: task.responsible,
      state,
      statusText: task.status?.text ?? '',
      workdaysOverdue: state === 'overdue' && due ? workdaysBetween(due, asOf) : null,
      thisYear: matchThisYear(task, options.thisYear, taken, asOf),
      clerkProgress: options.earlier?.get(measureFingerprint(task.measure)) ?? '',
    });
  }
  const resolvedCount = measures.filter((m) =>
    m.thisYear ? m.thisYear.done : m.clerkProgress !== '' && parseStatus(m.clerkProgress, options.planYear).state === 'done',
  ).length;
  return { lastSheet: last.sheet, lastTitle: last.title, lastYear: last.planYear, asOf, measures, doneCount, ongoingCount, resolvedCount };
}

/** 上年结转X项，已完成X项 — the sentence the summary and the annual-report paragraph use. */
export function carryOverSentence(model: Pick<CarryOverModel, 'measures' | 'resolvedCount' | 'lastYear'>): LocalText {
  return carriedSentence({ lastYear: model.lastYear, carried: model.measures.length, resolved: model.resolvedCount });
}

export function carriedSentence(f: CarryOverFigures): LocalText {
  const last = f.lastYear === null ? { zh: '上年', en: 'last year' } : { zh: `${f.lastYear}年`, en: String(f.lastYear) };
  if (f.carried === 0) return { zh: `${last.zh}的任务已全部完成，无结转事项。`, en: `Every measure of ${last.en} was finished; nothing is carried over.` };
  return {
    zh: `上年结转${f.carried}项，已完成${f.resolved}项，尚有${f.carried - f.resolved}项未完成。`,
    en: `${countOf(f.carried, 'measure')} carried over from ${last.en}: ${f.resolved} finished since, ${f.carried - f.resolved} still open.`,
  };
}

// ------------------------------------------------------------------------------------------- the sheet

const HEADER: LocalText[] = [
  { zh: '序号', en: 'No.' },
  { zh: '上年编号', en: 'Last year' },
  { zh: '工作措施', en: 'Measure' },
  { zh: '完成时限', en: 'Deadline' },
  { zh: '牵头单位', en: 'Lead' },
  { zh: '责任单位', en: 'Responsible' },
  { zh: '截至时状态', en: 'State then' },
  { zh: '上年完成情况', en: 'Status last year' },
  { zh: '逾期工作日', en: 'Working days overdue' },
  { zh: '今年对应任务', en: 'This year' },
  { zh: '目前进展', en: 'Progress now' },
];
/** The 目前进展 column: the clerk's where the measure is not in this year's sheet. */
export const PROGRESS_COLUMN = 10;
const MEASURE_COLUMN = 2;
const THIS_YEAR_COLUMN = 9;
const NOT_LISTED: LocalText = { zh: '未列入', en: 'Not listed' };
const COLUMN_WIDTHS = [6, 8, 50, 14, 16, 22, 10, 24, 10, 14, 28];
const WIDTH = COLUMN_WIDTHS.length;

const STATE_WORDS: Partial<Record<RowState, LocalText>> = {
  overdue: { zh: '逾期未完成', en: 'Overdue' },
  behind: { zh: '进度滞后', en: 'Behind' },
  due_soon: { zh: '未完成（临期）', en: 'Open (due soon)' },
  on_track: { zh: '未完成（未到期）', en: 'Open (not yet due)' },
  unknown: { zh: '未完成（无时限）', en: 'Open (no deadline)' },
};

const STYLES: Record<string, SpecStyle> = {
  title: { bold: true, fontSize: 16, horizontal: 'center', vertical: 'middle' },
  note: { vertical: 'middle', wrap: true },
  header: { bold: true, horizontal: 'center', vertical: 'middle', wrap: true, border: true, fill: '#D9E1F2' },
  cell: { vertical: 'top', wrap: true, border: true },
  centre: { horizontal: 'center', vertical: 'top', wrap: true, border: true },
  late: { horizontal: 'center', vertical: 'top', border: true, fontColor: '#9C0006' },
  input: { vertical: 'top', wrap: true, border: true, fill: '#FFF2CC' },
};

export function carryOverSheetSpec(model: CarryOverModel, lang: Lang = 'zh-CN', name: string = CARRY_OVER_SHEET_NAME): SheetSpec {
  const t = (x: LocalText) => pick(x, lang);
  const rows: SpecCell[][] = [];
  const merges: CellRange[] = [];
  const rowHeights: Record<number, number> = {};
  const line = (v: SpecValue, s: string, height: number) => {
    const r = rows.length;
    rows.push(Array.from({ length: WIDTH }, (_, c) => ({ v: c === 0 ? v : null, s })));
    merges.push({ top: r, left: 0, bottom: r, right: WIDTH - 1 });
    rowHeights[r] = height;
  };
  const totalWidth = COLUMN_WIDTHS.reduce((a, b) => a + b, 0);
  const asOf = lang === 'zh-CN' ? chineseDate(model.asOf) : model.asOf;
  const source = model.lastTitle ? `《${model.lastTitle}》` : `“${model.lastSheet}”`;

  line(t({ zh: `${model.lastYear}年未完成事项（回头看）`, en: `${model.lastYear} measures not finished (carried over)` }), 'title', 30);
  // The product's stamp goes on a row of its own kept out of sight: no identifier among what the 主任 reads.
  const stampRow = rows.length;
  line('', 'note', 15);
  const overview = t({
    zh: `来源：${source}，按截至${asOf}的完成情况核查。共结转 ${model.measures.length} 项（已完成 ${model.doneCount} 项不结转，长期开展的 ${model.ongoingCount} 项照常推进、不结转）。${pick(carryOverSentence(model), 'zh-CN')}“目前进展”一栏：已列入今年任务分工的取今年表中的完成情况，未列入的请在黄色单元格填写。`,
    en: `From ${source}, judged as of ${asOf}. ${model.measures.length} measures carried over (${model.doneCount} finished and ${model.ongoingCount} ongoing ones are not). ${pick(carryOverSentence(model), 'en-US')} "Progress now": this year's status where the measure is in this year's sheet; fill in the yellow cells for the others.`,
  });
  line(overview, 'note', rowHeightFor(wrappedLines(overview, totalWidth), 11, 6));
  const headerRow = rows.length;
  rows.push(HEADER.map((h) => ({ v: t(h), s: 'header' })));
  const inputs: CellRange[] = [];
  model.measures.forEach((m, i) => {
    const r = rows.length;
    const thisYear = m.thisYear
      ? t({ zh: m.thisYear.no ? `第${m.thisYear.no}项（第${m.thisYear.row}行）` : `第${m.thisYear.row}行`, en: m.thisYear.no ? `No. ${m.thisYear.no} (row ${m.thisYear.row})` : `Row ${m.thisYear.row}` })
      : t(NOT_LISTED);
    const progress = m.thisYear ? m.thisYear.statusText : m.clerkProgress;
    rows.push([
      { v: i + 1, s: 'centre' },
      { v: m.no, s: 'centre' },
      { v: m.measure, s: 'cell' },
      { v: m.deadlineText, s: 'centre' },
      { v: m.lead.join('、'), s: 'cell' },
      { v: m.responsible.join('、'), s: 'cell' },
      { v: t(STATE_WORDS[m.state] ?? STATE_WORDS.unknown!), s: 'centre' },
      { v: m.statusText, s: 'cell' },
      { v: m.workdaysOverdue, s: m.workdaysOverdue ? 'late' : 'centre' },
      { v: thisYear, s: 'centre' },
      { v: progress, s: m.thisYear ? 'cell' : 'input' },
    ]);
    if (!m.thisYear) inputs.push({ top: r, left: PROGRESS_COLUMN, bottom: r, right: PROGRESS_COLUMN });
    rowHeights[r] = rowHeightFor(Math.max(wrappedLines(m.measure, COLUMN_WIDTHS[MEASURE_COLUMN]), wrappedLines(m.statusText, COLUMN_WIDTHS[7]), 1), 11, 6);
  });
  return {
    name,
    marker: 'carried-over',
    rows,
    merges,
    columnWidths: COLUMN_WIDTHS,
    styles: STYLES,
    freeze: { rows: headerRow + 1, cols: 0 },
    print: { landscape: true, fitToWidth: true, repeatRows: [headerRow, headerRow], paper: 'A4' },
    font: { name: '宋体', size: 11 },
    rowHeights,
    hiddenRows: [stampRow],
  };
}

/** Cell text by absolute column on a 上年未完成事项 grid, and its header row found by its labels (-1: not one). */
function readCarriedSheet(grid: SheetGrid): { at: (row: readonly CellValue[], col: number) => string; headerRow: number } {
  const at = (row: readonly CellValue[], col: number) => cellText(row[col - grid.originCol] ?? null);
  return { at, headerRow: grid.values.findIndex((row) => HEADER.every((h, c) => [h.zh, h.en].includes(at(row, c)))) };
}

/**
 * What the clerk wrote under 目前进展 on an earlier 上年未完成事项 sheet, by the measure's text — so it follows
 * its measure when the sheet is made again in another order — and the earlier sheet without those cells (what is
 * left is kept as the clerk's other additions). The header row is found by its labels (either language).
 */
export function earlierProgress(grid: SheetGrid | null): { progress: Map<string, string>; rest: SheetGrid | null } {
  const progress = new Map<string, string>();
  if (!grid) return { progress, rest: null };
  const { at, headerRow } = readCarriedSheet(grid);
  if (headerRow < 0) return { progress, rest: grid };
  const values = grid.values.map((row, i) => {
    if (i <= headerRow) return row;
    const measure = at(row, MEASURE_COLUMN);
    const text = at(row, PROGRESS_COLUMN);
    // Only the clerk's cells: where the measure was in this year's sheet the product wrote this year's status.
    const unlisted = [NOT_LISTED.zh, NOT_LISTED.en].includes(at(row, THIS_YEAR_COLUMN));
    if (!measure || !text || !unlisted) return row;
    progress.set(measureFingerprint(measure), text);
    const copy = row.slice();
    copy[PROGRESS_COLUMN - grid.originCol] = null;
    return copy;
  });
  return { progress, rest: { ...grid, values } };
}

/** What the summary says of the carried measures: how many, how many finished since. */
export interface CarryOverFigures {
  lastYear: number | null;
  carried: number;
  resolved: number;
}

/**
 * The figures of a 上年未完成事项 sheet as things stand now: a measure listed in this year's sheet counts as
 * finished when its task there is done as of `asOf` (its row, found again by its text if rows moved); one not
 * listed, when the clerk's 目前进展 says done. Null when the grid is not such a sheet.
 */
export function carryOverFigures(grid: SheetGrid, thisYear: SheetAnalysis, asOf: string): CarryOverFigures | null {
  const { at, headerRow } = readCarriedSheet(grid);
  if (headerRow < 0) return null;
  const byText = new Map(thisYear.tasks.map((t) => [measureFingerprint(t.measure), t]));
  const byRow = new Map(thisYear.tasks.map((t) => [t.row, t]));
  let carried = 0;
  let resolved = 0;
  for (const row of grid.values.slice(headerRow + 1)) {
    if (!at(row, MEASURE_COLUMN)) continue;
    carried++;
    const listed = /第(\d+)行|[Rr]ow (\d+)/.exec(at(row, THIS_YEAR_COLUMN));
    if (listed) {
      const task = byRow.get(Number(listed[1] ?? listed[2])) ?? byText.get(measureFingerprint(at(row, MEASURE_COLUMN)));
      const state = task ? rowState(task, asOf) : null;
      if (state === 'done' || state === 'done_late') resolved++;
    } else if (at(row, PROGRESS_COLUMN) && parseStatus(at(row, PROGRESS_COLUMN), thisYear.planYear).state === 'done') {
      resolved++;
    }
  }
  const title = /^(\d{4})年/.exec(at(grid.values[0] ?? [], 0));
  return { lastYear: title ? Number(title[1]) : null, carried, resolved };
}
