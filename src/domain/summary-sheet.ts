/**
 * The 落实情况汇总 sheet as a SheetSpec: the summary model laid out to be printed on A4 landscape, one page
 * wide, with the blocks of the summary one below another under numbered headings.
 *
 * Ten columns: A is a narrow 序号 column, B the wide label/text column, C–J the figures. Tables that need more
 * room for text (the ledger) merge columns rather than widen the sheet, so every block shares one grid and
 * the printout stays one page wide.
 */
import type { CellRange, Lang, LocalText, RowState } from './types';
import { ROW_STATES } from './types';
import { pick } from './i18n';
import type { ChartSpec, DataBarSpec, SheetSpec, SpecCell, SpecStyle, SpecValue } from './sheet-spec';
import { STATE_DESCRIPTIONS, STATE_NAMES } from './row-state';
import type { GroupFigures, LedgerEntry, SummaryModel, UnitSummary } from './summary';
import { NO_SECTION, NO_UNIT } from './summary';
import { chineseDate, reportParagraph } from './report-paragraph';
import { lineHeight, rowHeightFor, wrappedLines } from './text-metrics';

export const DEFAULT_SUMMARY_SHEET_NAME = '落实情况汇总';

const COLUMN_COUNT = 10;
const LAST_COL = COLUMN_COUNT - 1;
/** Characters (Excel's width unit). A CJK character is about two units wide. */
const COLUMN_WIDTHS = [6, 40, 10, 10, 10, 10, 10, 10, 10, 10];
const FONT = { name: '宋体', size: 10 };
/** Rows the native chart occupies below the last block (Excel only: the xlsx writer cannot draw charts). */
const CHART_ROWS = 20;

/**
 * Bar and chart colours per state. Stronger than the row fills of the colour-coding (a light #EDEDED bar
 * vanishes on paper) but the same hue for the same state, so the legend reads the same everywhere.
 */
export const STATE_CHART_COLOURS: Readonly<Record<RowState, string>> = {
  done: '#63BE7B',
  done_late: '#F4B183',
  on_track: '#9DC3E6',
  behind: '#FFD966',
  due_soon: '#FFC000',
  overdue: '#FF5B5B',
  ongoing: '#A5A5A5',
  unknown: '#D0CECE',
};

const STYLES: Record<string, SpecStyle> = {
  title: { bold: true, fontSize: 16, horizontal: 'center', vertical: 'middle' },
  info: { fontSize: 10, horizontal: 'center', vertical: 'middle', wrap: true, fontColor: '#404040' },
  heading: { bold: true, fontSize: 12, vertical: 'middle', fill: '#DDEBF7' },
  subheading: { bold: true, vertical: 'middle' },
  th: { bold: true, horizontal: 'center', vertical: 'middle', wrap: true, fill: '#F2F2F2', border: true },
  label: { vertical: 'middle', wrap: true, border: true },
  sectionLabel: { bold: true, vertical: 'middle', wrap: true, border: true },
  index: { horizontal: 'center', vertical: 'middle', border: true },
  text: { vertical: 'top', wrap: true, border: true },
  textCenter: { horizontal: 'center', vertical: 'top', wrap: true, border: true },
  count: { horizontal: 'right', vertical: 'middle', border: true, numberFormat: '0' },
  /** Ledger numbers sit at the top, level with the first line of the measure text beside them. */
  countTop: { horizontal: 'right', vertical: 'top', border: true, numberFormat: '0' },
  countBold: { bold: true, horizontal: 'right', vertical: 'middle', border: true, numberFormat: '0' },
  rate: { horizontal: 'right', vertical: 'middle', border: true, numberFormat: '0.0%' },
  rateBold: { bold: true, horizontal: 'right', vertical: 'middle', border: true, numberFormat: '0.0%' },
  none: { horizontal: 'center', vertical: 'middle', border: true, fontColor: '#808080' },
  totalLabel: { bold: true, vertical: 'middle', border: true, fill: '#F2F2F2' },
  note: { italic: true, fontSize: 9, wrap: true, vertical: 'top', fontColor: '#595959' },
  paragraph: { fontSize: 11, wrap: true, vertical: 'top', horizontal: 'left', border: true },
};

/** Two ideographic spaces between the facts of the info line, one to indent a subsection under its section. */
const GAP = '\u3000\u3000';
const INDENT = '\u3000';

/** Every label on the sheet, zh-CN first. */
const L = {
  titleSuffix: { zh: '落实情况汇总', en: 'implementation summary' },
  info: (m: SummaryModel, lang: Lang): string =>
    lang === 'en-US'
      ? `Source sheet: ${m.sourceSheet}   Plan year: ${m.planYear}   As of: ${m.asOf}   Due soon: within ${m.soonDays} working days   Generated: ${m.generatedAt}`
      : `来源工作表：${m.sourceSheet}${GAP}计划年度：${m.planYear}年${GAP}统计截至：${chineseDate(m.asOf)}${GAP}临期标准：${m.soonDays}个工作日内${GAP}生成时间：${m.generatedAt}`,
  overview: { zh: '一、总体情况', en: '1. Overview' },
  state: { zh: '状态', en: 'State' },
  measures: { zh: '任务数', en: 'Tasks' },
  share: { zh: '占比', en: 'Share' },
  meaning: { zh: '含义', en: 'Meaning' },
  total: { zh: '合计', en: 'Total' },
  completed: { zh: '已完成（含逾期完成）', en: 'Completed (incl. late)' },
  completedMeaning: { zh: '完成率 = 已完成 ÷ 任务总数', en: 'Completion rate = completed ÷ all tasks' },
  dueMeasures: { zh: '已到完成时限的任务', en: 'Tasks past their deadline' },
  dueMeaning: {
    zh: '完成时限为具体日期、且不晚于统计截至日的任务（长期、定期任务不计）',
    en: 'Fixed due date on or before the as-of date (ongoing and periodic tasks excluded)',
  },
  dueCompleted: { zh: '其中已完成', en: 'of which completed' },
  dueCompletedMeaning: { zh: '到期完成率 = 其中已完成 ÷ 已到完成时限的任务', en: 'Due completion rate = completed ÷ tasks past their deadline' },
  bySection: { zh: '二、分方面落实情况', en: '2. By section' },
  section: { zh: '方面 / 类别', en: 'Section / subsection' },
  byLead: { zh: '三、牵头单位落实情况（按逾期未完成数排序）', en: '3. By lead unit (most overdue first)' },
  leadUnit: { zh: '牵头单位', en: 'Lead unit' },
  leadNote: {
    zh: '注：一项任务有多个牵头单位时，每个单位各计一次，故各单位之和可能大于任务总数。',
    en: 'Note: a task with several lead units counts once for each, so the rows may add up to more than the total.',
  },
  noLead: { zh: '“（未明确）”为未写牵头单位的任务。', en: ' "（未明确）" = tasks naming no lead unit.' },
  noResponsible: { zh: '“（未明确）”为未写责任单位的任务。', en: ' "（未明确）" = tasks naming no responsible unit.' },
  byResponsible: { zh: '四、责任单位任务数（“各部门”等按单位名录展开）', en: '4. By responsible unit (groups such as 各部门 expanded)' },
  responsibleUnit: { zh: '责任单位', en: 'Responsible unit' },
  responsibleNote: {
    zh: '注：“各部门”“各驻区机构”等按单位名录展开到成员单位，成员不明的（如“各街道”）按一个单位计；同一任务中同一单位只计一次。',
    en: 'Note: groups are expanded to their member units through the unit directory; a group with unknown members counts as one; a unit counts once per task.',
  },
  byMonth: { zh: '五、按完成时限月份', en: '5. By month of deadline' },
  month: { zh: '月份', en: 'Month' },
  dueInMonth: { zh: '到期任务数', en: 'Due' },
  doneOnTime: { zh: '按时完成', en: 'Done on time' },
  doneLate: { zh: '逾期完成', en: 'Done late' },
  overdue: { zh: '逾期未完成', en: 'Overdue' },
  open: { zh: '推进中', en: 'In progress' },
  onTimeRate: { zh: '按时完成率', en: 'On-time rate' },
  onTimeNote: {
    zh: '注：按时完成率 = 按时完成 ÷（按时完成 + 逾期完成 + 逾期未完成），尚在推进的任务不计。',
    en: 'Note: on-time rate = done on time ÷ (done on time + done late + overdue); tasks still in progress are left out.',
  },
  noMonths: { zh: '没有具体日期的完成时限。', en: 'No task has a fixed due date.' },
  ledger: { zh: '六、逾期事项台账', en: '6. Ledger of overdue tasks' },
  dueSoonList: (days: number): LocalText => ({
    zh: `临期事项（${days}个工作日内到期）`,
    en: `Tasks due soon (within ${days} working days)`,
  }),
  no: { zh: '序号', en: 'No.' },
  task: { zh: '工作任务（贯彻举措）', en: 'Task (measure)' },
  deadline: { zh: '完成时限', en: 'Deadline' },
  status: { zh: '完成情况（原文）', en: 'Status as written' },
  workdaysOverdue: { zh: '逾期工作日', en: 'Working days overdue' },
  workdaysLeft: { zh: '剩余工作日', en: 'Working days left' },
  noOverdue: { zh: '无逾期未完成事项。', en: 'No task is overdue.' },
  noDueSoon: { zh: '无临期事项。', en: 'No task is due soon.' },
  rowRef: (row: number): LocalText => ({ zh: `第${row}行`, en: `row ${row}` }),
  problems: { zh: '七、表格数据问题', en: '7. Data problems in the sheet' },
  severity: { zh: '严重程度', en: 'Severity' },
  findings: { zh: '条数', en: 'Findings' },
  error: { zh: '错误', en: 'Error' },
  warning: { zh: '警告', en: 'Warning' },
  info_: { zh: '提示', en: 'Info' },
  topCodes: { zh: '主要问题类型', en: 'Most frequent problems' },
  example: { zh: '示例', en: 'Example' },
  moreCodes: (n: number): LocalText => ({ zh: `另有${n}类问题未列出，详见检查结果。`, en: `${n} more kinds not listed; see the check results.` }),
  noProblems: { zh: '未发现数据问题。', en: 'No data problems found.' },
  matrix: { zh: '八、分方面状态分布', en: '8. States by section' },
  paragraph: { zh: '九、年度报告参考段落', en: '9. Paragraph for the annual report' },
  chartTitle: { zh: '各方面任务落实状态', en: 'Task states by section' },
  none: { zh: '—', en: '—' },
};

const FIGURE_HEADERS: LocalText[] = [
  L.measures,
  { zh: '已完成', en: 'Completed' },
  L.doneLate,
  L.overdue,
  STATE_NAMES.due_soon,
  STATE_NAMES.ongoing,
  { zh: '已到期', en: 'Past deadline' },
  { zh: '到期完成率', en: 'Due completion rate' },
];

function widthOf(left: number, right: number): number {
  let w = 0;
  for (let c = left; c <= right; c++) w += COLUMN_WIDTHS[c];
  return w;
}

/** Builds the rows, merges and extras of the sheet top to bottom. */
class SheetWriter {
  readonly rows: SpecCell[][] = [];
  readonly merges: CellRange[] = [];
  readonly dataBars: DataBarSpec[] = [];
  readonly rowHeights: Record<number, number> = {};

  constructor(readonly lang: Lang) {}

  get next(): number {
    return this.rows.length;
  }

  t(text: LocalText): string {
    return pick(text, this.lang);
  }

  /** Appends a row; `cells` maps a start column to [value, style, last column it spans]. */
  row(cells: [number, SpecValue, string, number?][], height?: number): number {
    const r = this.rows.length;
    const out: SpecCell[] = Array.from({ length: COLUMN_COUNT }, () => ({ v: null }));
    for (const [col, v, s, to] of cells) {
      const last = to ?? col;
      out[col] = { v, s };
      // Borders of a merged area come from every cell in it.
      for (let c = col + 1; c <= last; c++) out[c] = { v: null, s };
      if (last > col) this.merges.push({ top: r, left: col, bottom: r, right: last });
    }
    this.rows.push(out);
    if (height !== undefined) this.rowHeights[r] = height;
    return r;
  }

  blank(): void {
    this.rows.push(Array.from({ length: COLUMN_COUNT }, () => ({ v: null })));
  }

  heading(text: LocalText): void {
    if (this.rows.length) this.blank();
    this.row([[0, this.t(text), 'heading', LAST_COL]], 20);
  }

  note(text: LocalText): void {
    const s = this.t(text);
    const size = STYLES.note.fontSize;
    this.row([[0, s, 'note', LAST_COL]], rowHeightFor(wrappedLines(s, widthOf(0, LAST_COL), size), size, 2));
  }

  /** A header row; `cols` as in `row`, all in the header style. */
  header(cols: [number, LocalText, number?][]): void {
    this.row(
      cols.map(([c, text, to]) => [c, this.t(text), 'th', to]),
      this.heightFor(cols.map(([c, text, to]) => [this.t(text), c, to ?? c])),
    );
  }

  /** Height for a row whose wrapped text cells are given as [text, first col, last col], at `fontSize`. */
  heightFor(texts: [string, number, number][], fontSize: number = FONT.size): number {
    return rowHeightFor(Math.max(1, ...texts.map(([s, l, r]) => wrappedLines(s, widthOf(l, r), fontSize))), fontSize);
  }

  bars(col: number, top: number, bottom: number, color: string): void {
    if (bottom >= top) this.dataBars.push({ range: { top, left: col, bottom, right: col }, color });
  }
}

function rateValue(rate: number | null, bold = false): [SpecValue, string] {
  return rate === null ? ['—', 'none'] : [rate, bold ? 'rateBold' : 'rate'];
}

/** The eight figure columns C–J shared by the section and unit tables. */
function figureCells(f: GroupFigures, bold = false): [number, SpecValue, string][] {
  const count = bold ? 'countBold' : 'count';
  return [
    [2, f.measures, count],
    [3, f.completed, count],
    [4, f.states.done_late, count],
    [5, f.states.overdue, count],
    [6, f.states.due_soon, count],
    [7, f.states.ongoing, count],
    [8, f.dueCompletion.due, count],
    [9, ...rateValue(f.dueCompletion.rate, bold)],
  ];
}

function figureHeader(w: SheetWriter, first: LocalText, withIndex: boolean): void {
  w.header([
    ...(withIndex ? ([[0, L.no], [1, first]] as [number, LocalText][]) : ([[0, first, 1]] as [number, LocalText, number][])),
    ...FIGURE_HEADERS.map((h, i) => [i + 2, h] as [number, LocalText]),
  ]);
}

function writeOverview(w: SheetWriter, m: SummaryModel): void {
  w.heading(L.overview);
  w.header([[0, L.state, 1], [2, L.measures], [3, L.share], [4, L.meaning, LAST_COL]]);
  const first = w.next;
  for (const state of ROW_STATES) {
    const count = m.states[state];
    w.row([
      [0, w.t(STATE_NAMES[state]), 'label', 1],
      [2, count, 'count'],
      [3, ...rateValue(m.total ? count / m.total : null)],
      [4, w.t(STATE_DESCRIPTIONS[state]), 'label', LAST_COL],
    ]);
  }
  w.bars(2, first, w.next - 1, '#5B9BD5');
  w.row([[0, w.t(L.total), 'totalLabel', 1], [2, m.total, 'countBold'], [3, ...rateValue(m.total ? 1 : null, true)], [4, '', 'totalLabel', LAST_COL]]);
  w.row([
    [0, w.t(L.completed), 'sectionLabel', 1],
    [2, m.completed, 'countBold'],
    [3, ...rateValue(m.completedShare)],
    [4, w.t(L.completedMeaning), 'label', LAST_COL],
  ]);
  w.row([[0, w.t(L.dueMeasures), 'label', 1], [2, m.dueCompletion.due, 'count'], [3, '', 'label'], [4, w.t(L.dueMeaning), 'label', LAST_COL]], w.heightFor([[w.t(L.dueMeaning), 4, LAST_COL]]));
  w.row([
    [0, w.t(L.dueCompleted), 'label', 1],
    [2, m.dueCompletion.completed, 'count'],
    [3, ...rateValue(m.dueCompletion.rate)],
    [4, w.t(L.dueCompletedMeaning), 'label', LAST_COL],
  ]);
}

function writeSections(w: SheetWriter, m: SummaryModel): void {
  w.heading(L.bySection);
  figureHeader(w, L.section, false);
  for (const section of m.sections) {
    const name = section.name ?? NO_SECTION;
    w.row([[0, name, 'sectionLabel', 1], ...figureCells(section, true)], w.heightFor([[name, 0, 1]]));
    for (const sub of section.subsections) {
      const label = `${INDENT}${sub.name}`;
      w.row([[0, label, 'label', 1], ...figureCells(sub)], w.heightFor([[label, 0, 1]]));
    }
  }
  w.row([[0, w.t(L.total), 'totalLabel', 1], ...figureCells(totalsOf(m), true)]);
}

function totalsOf(m: SummaryModel): GroupFigures {
  return { measures: m.total, states: m.states, completed: m.completed, dueCompletion: m.dueCompletion };
}

function writeUnits(
  w: SheetWriter,
  heading: LocalText,
  column: LocalText,
  units: UnitSummary[],
  notes: { always: LocalText; noUnit: LocalText },
  barColumn: number,
  barColour: string,
): void {
  w.heading(heading);
  figureHeader(w, column, true);
  const first = w.next;
  units.forEach((u, i) => {
    w.row([[0, u.unit === NO_UNIT ? '' : i + 1, 'index'], [1, u.unit, 'label'], ...figureCells(u)]);
  });
  w.bars(barColumn, first, w.next - 1, barColour);
  const { always, noUnit } = notes;
  w.note(units.some((u) => u.unit === NO_UNIT) ? { zh: always.zh + noUnit.zh, en: always.en + noUnit.en } : always);
}

/**
 * Done on time among the tasks whose outcome is known (done on time, done late, or overdue); tasks still in
 * progress are left out, so a month whose deadlines are still ahead has no rate rather than 0 %.
 */
function onTimeRate(m: { doneOnTime: number; doneLate: number; overdue: number }): number | null {
  const decided = m.doneOnTime + m.doneLate + m.overdue;
  return decided ? m.doneOnTime / decided : null;
}

function writeMonths(w: SheetWriter, m: SummaryModel): void {
  w.heading(L.byMonth);
  if (!m.months.length) {
    w.row([[0, w.t(L.noMonths), 'label', LAST_COL]]);
    return;
  }
  w.header([[0, L.month, 1], [2, L.dueInMonth], [3, L.doneOnTime], [4, L.doneLate], [5, L.overdue], [6, L.open], [7, L.onTimeRate]]);
  const first = w.next;
  const sum = { due: 0, doneOnTime: 0, doneLate: 0, overdue: 0, open: 0 };
  for (const month of m.months) {
    const [y, mo] = month.month.split('-').map(Number);
    const label = w.lang === 'en-US' ? month.month : `${y}年${mo}月`;
    w.row([
      [0, label, 'label', 1],
      [2, month.due, 'count'],
      [3, month.doneOnTime, 'count'],
      [4, month.doneLate, 'count'],
      [5, month.overdue, 'count'],
      [6, month.open, 'count'],
      [7, ...rateValue(onTimeRate(month))],
    ]);
    for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += month[k];
  }
  w.bars(2, first, w.next - 1, '#5B9BD5');
  w.row([
    [0, w.t(L.total), 'totalLabel', 1],
    [2, sum.due, 'countBold'],
    [3, sum.doneOnTime, 'countBold'],
    [4, sum.doneLate, 'countBold'],
    [5, sum.overdue, 'countBold'],
    [6, sum.open, 'countBold'],
    [7, ...rateValue(onTimeRate(sum), true)],
  ]);
  w.note(L.onTimeNote);
}

function writeLedger(w: SheetWriter, entries: LedgerEntry[], daysHeader: LocalText, empty: LocalText): void {
  if (!entries.length) {
    w.row([[0, w.t(empty), 'label', LAST_COL]]);
    return;
  }
  w.header([[0, L.no], [1, L.task, 3], [4, L.deadline], [5, L.leadUnit, 6], [7, L.status, 8], [9, daysHeader]]);
  for (const e of entries) {
    const no = e.no || w.t(L.rowRef(e.row));
    const lead = e.lead.join('、');
    const status = e.statusText;
    w.row(
      [
        [0, no, 'textCenter'],
        [1, e.measure, 'text', 3],
        [4, e.deadlineText, 'textCenter'],
        [5, lead, 'text', 6],
        [7, status, 'text', 8],
        [9, e.workdays, 'countTop'],
      ],
      w.heightFor([[no, 0, 0], [e.measure, 1, 3], [e.deadlineText, 4, 4], [lead, 5, 6], [status, 7, 8]]),
    );
  }
}

function writeProblems(w: SheetWriter, m: SummaryModel): void {
  w.heading(L.problems);
  const p = m.problems;
  if (!p.topCodes.length) {
    w.row([[0, w.t(L.noProblems), 'label', LAST_COL]]);
    return;
  }
  w.header([[0, L.severity, 1], [2, L.findings]]);
  const first = w.next;
  w.row([[0, w.t(L.error), 'label', 1], [2, p.bySeverity.error, 'count']]);
  w.row([[0, w.t(L.warning), 'label', 1], [2, p.bySeverity.warning, 'count']]);
  w.row([[0, w.t(L.info_), 'label', 1], [2, p.bySeverity.info, 'count']]);
  w.bars(2, first, w.next - 1, '#ED7D31');
  w.blank();
  w.row([[0, w.t(L.topCodes), 'subheading', LAST_COL]]);
  w.header([[0, { zh: '问题代码', en: 'Code' }, 1], [2, L.findings], [3, L.example, LAST_COL]]);
  for (const c of p.topCodes) {
    const example = w.t(c.example);
    w.row([[0, c.code, 'label', 1], [2, c.count, 'count'], [3, example, 'label', LAST_COL]], w.heightFor([[c.code, 0, 1], [example, 3, LAST_COL]]));
  }
  if (p.distinctCodes > p.topCodes.length) w.note(L.moreCodes(p.distinctCodes - p.topCodes.length));
}

/** The matrix block; returns the chart's data range (header row + category column included). */
function writeMatrix(w: SheetWriter, m: SummaryModel): CellRange | null {
  w.heading(L.matrix);
  const { sections, states, cells } = m.matrix;
  if (!states.length) {
    w.row([[0, w.t(L.none), 'label', LAST_COL]]);
    return null;
  }
  // Categories in column B, one state per column from C: the layout a stacked bar chart reads directly.
  const top = w.next;
  w.header([[0, L.no], [1, L.section], ...states.map((s, j) => [j + 2, STATE_NAMES[s]] as [number, LocalText])]);
  sections.forEach((name, i) => {
    w.row([[0, i + 1, 'index'], [1, name, 'label'], ...states.map((_, j) => [j + 2, cells[i][j], 'count'] as [number, SpecValue, string])], w.heightFor([[name, 1, 1]]));
  });
  const bottom = w.next - 1;
  states.forEach((s, j) => w.bars(j + 2, top + 1, bottom, STATE_CHART_COLOURS[s]));
  return { top, left: 1, bottom, right: 1 + states.length };
}

export interface SummarySheetOptions {
  /** Sheet name; default 落实情况汇总. */
  name?: string;
}

export function summarySheetSpec(model: SummaryModel, lang: Lang = 'zh-CN', options: SummarySheetOptions = {}): SheetSpec {
  const w = new SheetWriter(lang);
  const title = `${model.title ?? model.sourceSheet}${lang === 'en-US' ? ' — ' : ''}${w.t(L.titleSuffix)}`;
  w.row([[0, title, 'title', LAST_COL]], 28);
  const info = L.info(model, lang);
  w.row([[0, info, 'info', LAST_COL]], w.heightFor([[info, 0, LAST_COL]]));

  writeOverview(w, model);
  writeSections(w, model);
  writeUnits(w, L.byLead, L.leadUnit, model.leadUnits, { always: L.leadNote, noUnit: L.noLead }, 5, STATE_CHART_COLOURS.overdue);
  writeUnits(w, L.byResponsible, L.responsibleUnit, model.responsibleUnits, { always: L.responsibleNote, noUnit: L.noResponsible }, 2, '#5B9BD5');
  writeMonths(w, model);
  w.heading(L.ledger);
  writeLedger(w, model.overdue, L.workdaysOverdue, L.noOverdue);
  w.blank();
  w.row([[0, w.t(L.dueSoonList(model.soonDays)), 'subheading', LAST_COL]]);
  writeLedger(w, model.dueSoon, L.workdaysLeft, L.noDueSoon);
  writeProblems(w, model);
  const chartData = writeMatrix(w, model);

  w.heading(L.paragraph);
  const paragraph = reportParagraph(model, lang);
  // One spare line: the paragraph is meant to be copied out and edited in place.
  const paragraphSize = STYLES.paragraph.fontSize;
  w.row([[0, paragraph, 'paragraph', LAST_COL]], w.heightFor([[paragraph, 0, LAST_COL]], paragraphSize) + lineHeight(paragraphSize));

  let chart: ChartSpec | undefined;
  if (chartData) {
    w.blank();
    chart = {
      type: 'barStacked',
      title: w.t(L.chartTitle),
      data: chartData,
      anchor: { row: w.next, col: 0, rows: CHART_ROWS, cols: COLUMN_COUNT },
      seriesColors: model.matrix.states.map((s) => STATE_CHART_COLOURS[s]),
    };
  }

  return {
    name: options.name ?? DEFAULT_SUMMARY_SHEET_NAME,
    marker: 'summary',
    rows: w.rows,
    merges: w.merges,
    columnWidths: [...COLUMN_WIDTHS],
    styles: STYLES,
    freeze: { rows: 2, cols: 0 },
    print: { landscape: true, fitToWidth: true, repeatRows: [0, 0], paper: 'A4' },
    dataBars: w.dataBars,
    chart,
    font: { ...FONT },
    rowHeights: w.rowHeights,
  };
}
