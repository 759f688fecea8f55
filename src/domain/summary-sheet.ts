/**
 * The 落实情况汇总 sheet as a SheetSpec: the summary model laid out to be printed on A4 landscape at 100 %,
 * with the blocks of the summary one below another under numbered headings.
 *
 * Eleven columns: A a narrow 序号 column, B 任务编号, C the wide label/text column, D–K the figures. Tables
 * that need more room for text (the ledger) merge columns rather than widen the sheet, so every block shares
 * one grid and the printout stays one page wide.
 *
 * Printing: every row has an explicit height, so the sheet lays out its own pages — a block starts on a new
 * page when its heading, table header and first rows would not fit, and a table that runs on to the next page
 * repeats its header row there (Excel's print titles can repeat only one band of rows per sheet, which is the
 * title here). The footer carries 第 X 页 共 Y 页 and the as-of date.
 */
import { CARRY_OVER_SHEET_NAME } from './carry-over';
import type { CellRange, Lang, LocalText, RowState } from './types';
import { ROW_STATES } from './types';
import { pick } from './i18n';
import type { ChartSpec, DataBarSpec, PrintSpec, SheetSpec, SpecCell, SpecStyle, SpecValue } from './sheet-spec';
import { headerFooterLiteral } from './sheet-spec';
import { STATE_DESCRIPTIONS, STATE_NAMES } from './row-state';
import type { GroupFigures, LedgerEntry, SummaryModel, UnitSummary } from './summary';
import { NO_SECTION, NO_UNIT } from './summary';
import { chineseDate, chineseDateTime } from './dates';
import { reportParagraph } from './report-paragraph';
import { findingKindName } from './findings';
import { reminderGroups, ROLE_NAMES, type ReminderPlan } from './reminders';
import { lineHeight, rowHeightFor, wrappedLines } from './text-metrics';

export const DEFAULT_SUMMARY_SHEET_NAME = '落实情况汇总';

const COLUMN_COUNT = 11;
const LAST_COL = COLUMN_COUNT - 1;
/** First column of the eight figure columns (D). */
const FIG = 3;
/**
 * Characters (Excel's width unit: a digit of the workbook's default font). A CJK character is about two units
 * wide. 105 units print within the 770 pt between the side margins even where the default font's digits are
 * about 30 % wider than Calibri's (LibreOffice without Calibri or Carlito falls back to DejaVu Sans), so no
 * renderer splits the sheet across two pages' width.
 */
const COLUMN_WIDTHS = [5, 7, 29, 8, 8, 8, 8, 8, 8, 8, 8];
const FONT = { name: '宋体', size: 10 };
/** Rows the native chart occupies below the last block (Excel only: the xlsx writer cannot draw charts). */
const CHART_ROWS = 20;
/** The line that holds the product's stamp (STAMP_ADDRESS, A2): kept, hidden, so the stamp is not printed. */
export const SUMMARY_STAMP_ROW = 1;

/**
 * The printed page, in points. A4 landscape is 842 × 595 pt; the margins (inches) leave room for the footer.
 * The sheet (COLUMN_WIDTHS) fits between the side margins at 100 %, so the row heights below are the printed
 * heights.
 */
const MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 };
const PAGE_HEIGHT_PT = 595.3;
const TITLE_HEIGHT = 28;
/**
 * Room for rows on a page below the repeated title, with 4 % kept back for renderers whose line metrics differ
 * slightly, so an automatic page break never cuts in just before a manual one.
 */
const PAGE_BODY_PT = Math.floor((PAGE_HEIGHT_PT - (MARGINS.top + MARGINS.bottom) * 72 - TITLE_HEIGHT) * 0.96);

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
  /** The stamp's line is hidden; where a host cannot hide rows (ExcelApi 1.1) it is at least small and pale. */
  stamp: { fontSize: 8, fontColor: '#BFBFBF' },
  heading: { bold: true, fontSize: 12, vertical: 'middle', fill: '#DDEBF7' },
  subheading: { bold: true, vertical: 'middle' },
  th: { bold: true, horizontal: 'center', vertical: 'middle', wrap: true, fill: '#F2F2F2', border: true },
  label: { vertical: 'middle', wrap: true, border: true },
  sectionLabel: { bold: true, vertical: 'middle', wrap: true, border: true },
  index: { horizontal: 'center', vertical: 'middle', border: true },
  indexTop: { horizontal: 'center', vertical: 'top', border: true },
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

/** State names as the summary prints them: 逾期 is 逾期未完成 beside 逾期完成. */
function stateName(state: RowState): LocalText {
  if (state === 'overdue') return { zh: '逾期未完成', en: 'Overdue' };
  return STATE_NAMES[state];
}

/** Every label on the sheet, zh-CN first. */
const L = {
  titleSuffix: { zh: '落实情况汇总', en: 'implementation summary' },
  info: (m: SummaryModel, lang: Lang): string =>
    lang === 'en-US'
      ? `Counted as of: ${m.asOf}   Due soon: within ${m.soonDays} working days\nSource sheet: ${m.sourceSheet}   Plan year: ${m.planYear}   Sheet made: ${m.generatedAt}`
      : `统计截至：${chineseDate(m.asOf)}${GAP}临期标准：${m.soonDays}个工作日内\n来源工作表：${m.sourceSheet}${GAP}计划年度：${m.planYear}年${GAP}制表时间：${chineseDateTime(m.generatedAt)}`,
  overview: { zh: '一、总体情况', en: '1. Overview' },
  state: { zh: '状态', en: 'State' },
  measures: { zh: '任务数', en: 'Tasks' },
  share: { zh: '占比', en: 'Share' },
  meaning: { zh: '含义', en: 'Meaning' },
  total: { zh: '合计', en: 'Total' },
  completed: { zh: '已完成（含逾期完成）', en: 'Completed (incl. late)' },
  completedMeaning: { zh: '按期完成 + 逾期完成；完成率 = 已完成 ÷ 任务总数', en: 'Done on time + done late; completion rate = completed ÷ all tasks' },
  dueMeasures: { zh: '已到期', en: 'Past deadline' },
  dueMeaning: {
    zh: '完成时限为具体日期、且不晚于统计截至日的任务（长期、定期任务不计）',
    en: 'Fixed due date on or before the as-of date (ongoing and periodic tasks excluded)',
  },
  dueCompleted: { zh: '其中已完成（含逾期完成）', en: 'of which completed (incl. late)' },
  carried: { zh: '上年结转事项', en: 'Carried over from last year' },
  dueCompletedMeaning: { zh: '到期完成率 = 其中已完成 ÷ 已到期', en: 'Due completion rate = completed ÷ past deadline' },
  figureNote: {
    zh: '注：已完成含逾期完成；已到期 = 完成时限为具体日期且不晚于统计截至日的任务；到期完成率 = 已到期任务中已完成的 ÷ 已到期。',
    en: 'Note: completed includes done late; past deadline = fixed due date on or before the as-of date; due completion rate = completed among them ÷ past deadline.',
  },
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
  dueInMonth: { zh: '完成时限在本月', en: 'Due this month' },
  doneOnTime: { zh: '按期完成', en: 'Done on time' },
  doneLate: { zh: '逾期完成', en: 'Done late' },
  overdue: { zh: '逾期未完成', en: 'Overdue' },
  open: { zh: '推进中', en: 'In progress' },
  onTimeRate: { zh: '按时完成率', en: 'On-time rate' },
  onTimeNote: {
    zh: '注：按时完成率 = 按期完成 ÷（按期完成 + 逾期完成 + 逾期未完成），尚在推进的任务不计。',
    en: 'Note: on-time rate = done on time ÷ (done on time + done late + overdue); tasks still in progress are left out.',
  },
  noMonths: { zh: '没有具体日期的完成时限。', en: 'No task has a fixed due date.' },
  ledger: { zh: '六、逾期事项台账', en: '6. Ledger of overdue tasks' },
  dueSoonList: (days: number): LocalText => ({
    zh: `临期事项（${days}个工作日内到期）`,
    en: `Tasks due soon (within ${days} working days)`,
  }),
  no: { zh: '序号', en: 'No.' },
  taskNo: { zh: '任务编号', en: 'Task no.' },
  task: { zh: '工作任务（贯彻举措）', en: 'Task (measure)' },
  deadline: { zh: '完成时限', en: 'Deadline' },
  status: { zh: '完成情况', en: 'Status' },
  workdaysOverdue: { zh: '逾期（工作日）', en: 'Working days overdue' },
  workdaysLeft: { zh: '剩余（工作日）', en: 'Working days left' },
  ledgerNote: {
    zh: '注：逾期、剩余天数按工作日计（不含周末和法定节假日，含调休上班日）。',
    en: 'Note: days are working days (weekends and public holidays excluded, make-up working days included).',
  },
  noOverdue: { zh: '无逾期未完成事项。', en: 'No task is overdue.' },
  noDueSoon: { zh: '无临期事项。', en: 'No task is due soon.' },
  rowRef: (row: number): LocalText => ({ zh: `第${row}行`, en: `row ${row}` }),
  remindList: { zh: '七、催办清单（按单位）', en: '7. Reminder list by unit' },
  unit: { zh: '单位', en: 'Unit' },
  shortTask: { zh: '任务（摘要）', en: 'Task (short)' },
  role: { zh: '角色', en: 'Role' },
  kind: { zh: '情况', en: 'Situation' },
  days: { zh: '工作日', en: 'Working days' },
  remindNote: {
    zh: '注：“逾期”列逾期工作日，“临期”列距完成时限的剩余工作日；“各部门”等按单位名录展开到成员单位。',
    en: 'Note: working days overdue for overdue tasks, working days left for tasks due soon; Resp. = responsible unit; groups expanded through the unit directory.',
  },
  moreItems: (n: number, nos: string): LocalText => ({ zh: `另有${n}项：${nos}${n > 30 ? '等' : ''}（完整清单见 allocation remind 或任务窗格）`, en: `${n} more: ${nos}${n > 30 ? ' …' : ''} (full list: allocation remind or the task pane)` }),
  noReminders: { zh: '无需催办：没有逾期或临期事项。', en: 'Nothing to chase: no task is overdue or due soon.' },
  notices: { zh: '八、通报与催办参考文本', en: '8. Notice and reminder texts' },
  notice: { zh: '通报（参考段落）', en: 'Notice (draft paragraph)' },
  reminderTexts: (replyBy: string): LocalText => ({ zh: `催办通知（报送时限：${chineseDate(replyBy)}）`, en: `Reminders (reply by ${replyBy})` }),
  problems: { zh: '九、表格数据问题', en: '9. Data problems in the sheet' },
  severity: { zh: '严重程度', en: 'Severity' },
  findings: { zh: '条数', en: 'Findings' },
  error: { zh: '错误', en: 'Error' },
  warning: { zh: '警告', en: 'Warning' },
  info_: { zh: '提示', en: 'Info' },
  topCodes: { zh: '主要问题类型', en: 'Most frequent problems' },
  kindName: { zh: '问题类型', en: 'Kind' },
  example: { zh: '示例', en: 'Example' },
  moreCodes: (n: number): LocalText => ({ zh: `另有${n}类问题未列出，详见检查结果。`, en: `${n} more kinds not listed; see the check results.` }),
  noProblems: { zh: '未发现数据问题。', en: 'No data problems found.' },
  matrix: { zh: '十、分方面状态分布', en: '10. States by section' },
  paragraph: { zh: '十一、年度报告参考段落', en: '11. Paragraph for the annual report' },
  chartTitle: { zh: '各方面任务落实状态', en: 'Task states by section' },
  none: { zh: '—', en: '—' },
  footerAsOf: (asOf: string, lang: Lang): string => (lang === 'en-US' ? `As of ${asOf}` : `统计截至${chineseDate(asOf)}`),
  footerPage: { zh: '第 &P 页 共 &N 页', en: 'Page &P of &N' },
};

const FIGURE_HEADERS: LocalText[] = [
  L.measures,
  L.completed,
  { zh: '其中逾期完成', en: 'of which late' },
  L.overdue,
  STATE_NAMES.due_soon,
  STATE_NAMES.ongoing,
  L.dueMeasures,
  { zh: '到期完成率', en: 'Due completion rate' },
];

function widthOf(left: number, right: number): number {
  let w = 0;
  for (let c = left; c <= right; c++) w += COLUMN_WIDTHS[c];
  return w;
}

type CellSpec = [number, SpecValue, string, number?];

/** A table's header row as written, to be written again at the top of a page the table continues on. */
interface RepeatedHeader {
  cells: CellSpec[];
  height: number;
}

/**
 * Builds the rows, merges and extras of the sheet top to bottom, and its pages: `row` starts a new page when
 * the row would not fit, repeating the current table's header there.
 */
class SheetWriter {
  readonly rows: SpecCell[][] = [];
  readonly merges: CellRange[] = [];
  readonly dataBars: DataBarSpec[] = [];
  readonly rowHeights: Record<number, number> = {};
  readonly rowBreaks: number[] = [];
  /** Points used on the current page below the repeated title. */
  private used = 0;
  private tableHeader: RepeatedHeader | null = null;

  constructor(readonly lang: Lang) {}

  get next(): number {
    return this.rows.length;
  }

  t(text: LocalText): string {
    return pick(text, this.lang);
  }

  private put(cells: CellSpec[], height: number, counted: boolean): number {
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
    this.rowHeights[r] = height;
    if (counted) this.used += height;
    return r;
  }

  private breakPage(): void {
    this.rowBreaks.push(this.rows.length);
    this.used = 0;
  }

  /** Starts a new page unless `points` more fit on this one (and this page has something on it). */
  keepTogether(points: number): void {
    if (this.used > 0 && this.used + points > PAGE_BODY_PT) this.breakPage();
  }

  /** The title row: printed as the print title on every page, so not counted against any page's body. */
  titleRow(cells: CellSpec[], height: number): number {
    return this.put(cells, height, false);
  }

  /** A row kept out of sight (hidden by the host): takes no room on the page. */
  hiddenRow(cells: CellSpec[]): number {
    return this.put(cells, rowHeightFor(1, FONT.size), false);
  }

  /** Appends a row; `cells` maps a start column to [value, style, last column it spans]. */
  row(cells: CellSpec[], height: number = this.heightFor([])): number {
    if (this.used > 0 && this.used + height > PAGE_BODY_PT) {
      this.breakPage();
      const header = this.tableHeader;
      if (header) this.put(header.cells, header.height, true);
    }
    return this.put(cells, height, true);
  }

  blank(): void {
    // A page that begins with a block needs no spacer above it.
    if (this.used === 0) return;
    this.row([], rowHeightFor(1, FONT.size) / 2);
  }

  /** A numbered heading, kept on one page with `following` points after it (its header and first rows). */
  heading(text: LocalText, following: number = 0): void {
    this.endTable();
    const height = 20;
    this.keepTogether(rowHeightFor(1, FONT.size) / 2 + height + following);
    this.blank();
    this.row([[0, this.t(text), 'heading', LAST_COL]], height);
  }

  subheading(text: string, following: number = 0): void {
    this.endTable();
    this.keepTogether(this.heightFor([]) + following);
    this.row([[0, text, 'subheading', LAST_COL]]);
  }

  note(text: LocalText): void {
    this.endTable();
    const s = this.t(text);
    const size = STYLES.note.fontSize;
    this.row([[0, s, 'note', LAST_COL]], rowHeightFor(wrappedLines(s, widthOf(0, LAST_COL), size), size, 2));
  }

  /** A table's header row, all in the header style; it is repeated on every page the table continues to. */
  header(cols: [number, LocalText, number?][]): void {
    const cells: CellSpec[] = cols.map(([c, text, to]) => [c, this.t(text), 'th', to]);
    const height = this.heightFor(cols.map(([c, text, to]) => [this.t(text), c, to ?? c]));
    this.tableHeader = null;
    this.keepTogether(height + 2 * this.heightFor([]));
    this.row(cells, height);
    this.tableHeader = { cells, height };
  }

  /** Merges an area spanning several rows, replacing the one-row merges written inside it. */
  mergeDown(area: CellRange): void {
    const inside = (m: CellRange) => m.top >= area.top && m.bottom <= area.bottom && m.left >= area.left && m.right <= area.right;
    // Only the merges of the rows just written can lie inside: look back no further than the area's top row.
    let first = this.merges.length;
    while (first > 0 && this.merges[first - 1].top >= area.top) first--;
    const kept = this.merges.slice(first).filter((m) => !inside(m));
    this.merges.length = first;
    this.merges.push(...kept);
    this.merges.push(area);
  }

  endTable(): void {
    this.tableHeader = null;
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

/** The eight figure columns D–K shared by the section and unit tables. */
function figureCells(f: GroupFigures, bold = false): CellSpec[] {
  const count = bold ? 'countBold' : 'count';
  return [
    [FIG, f.measures, count],
    [FIG + 1, f.completed, count],
    [FIG + 2, f.states.done_late, count],
    [FIG + 3, f.states.overdue, count],
    [FIG + 4, f.states.due_soon, count],
    [FIG + 5, f.states.ongoing, count],
    [FIG + 6, f.dueCompletion.due, count],
    [FIG + 7, ...rateValue(f.dueCompletion.rate, bold)],
  ];
}

function figureHeader(w: SheetWriter, first: LocalText, withIndex: boolean): void {
  w.header([
    ...(withIndex ? ([[0, L.no], [1, first, FIG - 1]] as [number, LocalText, number?][]) : ([[0, first, FIG - 1]] as [number, LocalText, number][])),
    ...FIGURE_HEADERS.map((h, i) => [i + FIG, h] as [number, LocalText]),
  ]);
}

/** Room a figure table's header takes, for keeping a heading with it. */
function figureHeaderHeight(w: SheetWriter): number {
  return w.heightFor(FIGURE_HEADERS.map((h, i) => [w.t(h), i + FIG, i + FIG] as [string, number, number]));
}

function writeOverview(w: SheetWriter, m: SummaryModel): void {
  w.heading(L.overview, 12 * w.heightFor([]));
  w.header([[0, L.state, FIG - 1], [FIG, L.measures], [FIG + 1, L.share], [FIG + 2, L.meaning, LAST_COL]]);
  const first = w.next;
  const meaningWidth: [number, number] = [FIG + 2, LAST_COL];
  for (const state of ROW_STATES) {
    const count = m.states[state];
    const meaning = w.t(STATE_DESCRIPTIONS[state]);
    w.row(
      [
        [0, w.t(stateName(state)), 'label', FIG - 1],
        [FIG, count, 'count'],
        [FIG + 1, ...rateValue(m.total ? count / m.total : null)],
        [FIG + 2, meaning, 'label', LAST_COL],
      ],
      w.heightFor([[meaning, ...meaningWidth]]),
    );
  }
  w.bars(FIG, first, w.next - 1, '#5B9BD5');
  w.row([[0, w.t(L.total), 'totalLabel', FIG - 1], [FIG, m.total, 'countBold'], [FIG + 1, ...rateValue(m.total ? 1 : null, true)], [FIG + 2, '', 'totalLabel', LAST_COL]]);
  const explained: [LocalText, number, [SpecValue, string], LocalText][] = [
    [L.completed, m.completed, rateValue(m.completedShare), L.completedMeaning],
    [L.dueMeasures, m.dueCompletion.due, ['', 'label'], L.dueMeaning],
    [L.dueCompleted, m.dueCompletion.completed, rateValue(m.dueCompletion.rate), L.dueCompletedMeaning],
  ];
  if (m.carryOver && m.carryOver.carried > 0) {
    const c = m.carryOver;
    explained.push([
      L.carried,
      c.carried,
      rateValue(c.resolved / c.carried),
      { zh: `其中已完成 ${c.resolved} 项（完成比例），逐项见“${CARRY_OVER_SHEET_NAME}”工作表`, en: `${c.resolved} finished since (the share); each is listed on the ${CARRY_OVER_SHEET_NAME} sheet` },
    ]);
  }
  explained.forEach(([label, n, rate, meaning], i) => {
    const text = w.t(meaning);
    w.row(
      [[0, w.t(label), i === 0 ? 'sectionLabel' : 'label', FIG - 1], [FIG, n, i === 0 ? 'countBold' : 'count'], [FIG + 1, ...rate], [FIG + 2, text, 'label', LAST_COL]],
      w.heightFor([[text, ...meaningWidth], [w.t(label), 0, FIG - 1]]),
    );
  });
}

function writeSections(w: SheetWriter, m: SummaryModel): void {
  w.heading(L.bySection, figureHeaderHeight(w) + 2 * w.heightFor([]));
  figureHeader(w, L.section, false);
  for (const section of m.sections) {
    const name = section.name ?? NO_SECTION;
    w.row([[0, name, 'sectionLabel', FIG - 1], ...figureCells(section, true)], w.heightFor([[name, 0, FIG - 1]]));
    for (const sub of section.subsections) {
      const label = `${INDENT}${sub.name}`;
      w.row([[0, label, 'label', FIG - 1], ...figureCells(sub)], w.heightFor([[label, 0, FIG - 1]]));
    }
  }
  w.row([[0, w.t(L.total), 'totalLabel', FIG - 1], ...figureCells(totalsOf(m), true)]);
  w.note(L.figureNote);
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
  w.heading(heading, figureHeaderHeight(w) + 2 * w.heightFor([]));
  figureHeader(w, column, true);
  const first = w.next;
  units.forEach((u, i) => {
    w.row([[0, u.unit === NO_UNIT ? '' : i + 1, 'index'], [1, u.unit, 'label', FIG - 1], ...figureCells(u)], w.heightFor([[u.unit, 1, FIG - 1]]));
  });
  // A data bar is drawn against the largest value in its range: a continued header row inside it would not
  // count (it holds text), so one range still covers the whole table.
  w.bars(barColumn, first, w.next - 1, barColour);
  const { always, noUnit } = notes;
  const first_ = units.some((u) => u.unit === NO_UNIT) ? { zh: always.zh + noUnit.zh, en: always.en + noUnit.en } : always;
  w.note({ zh: `${first_.zh}${L.figureNote.zh.replace(/^注：/, '')}`, en: `${first_.en} ${L.figureNote.en.replace(/^Note: /, '')}` });
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
  w.heading(L.byMonth, 4 * w.heightFor([]));
  if (!m.months.length) {
    w.row([[0, w.t(L.noMonths), 'label', LAST_COL]]);
    return;
  }
  const headers: LocalText[] = [L.dueInMonth, L.doneOnTime, L.doneLate, L.overdue, L.open, L.onTimeRate];
  w.header([[0, L.month, FIG - 1], ...headers.map((h, i) => [FIG + i, h] as [number, LocalText])]);
  const first = w.next;
  const sum = { due: 0, doneOnTime: 0, doneLate: 0, overdue: 0, open: 0 };
  for (const month of m.months) {
    const [y, mo] = month.month.split('-').map(Number);
    const label = w.lang === 'en-US' ? month.month : `${y}年${mo}月`;
    w.row([
      [0, label, 'label', FIG - 1],
      [FIG, month.due, 'count'],
      [FIG + 1, month.doneOnTime, 'count'],
      [FIG + 2, month.doneLate, 'count'],
      [FIG + 3, month.overdue, 'count'],
      [FIG + 4, month.open, 'count'],
      [FIG + 5, ...rateValue(onTimeRate(month))],
    ]);
    for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += month[k];
  }
  w.bars(FIG, first, w.next - 1, '#5B9BD5');
  w.row([
    [0, w.t(L.total), 'totalLabel', FIG - 1],
    [FIG, sum.due, 'countBold'],
    [FIG + 1, sum.doneOnTime, 'countBold'],
    [FIG + 2, sum.doneLate, 'countBold'],
    [FIG + 3, sum.overdue, 'countBold'],
    [FIG + 4, sum.open, 'countBold'],
    [FIG + 5, ...rateValue(onTimeRate(sum), true)],
  ]);
  w.note(L.onTimeNote);
}

/** The ledger's columns: 序号, 任务编号, measure, 完成时限, 牵头单位, 责任单位, 完成情况, working days. */
const LEDGER = { index: 0, no: 1, measure: [2, 3], deadline: 4, lead: [5, 6], responsible: [7, 8], status: 9, days: 10 } as const;

function writeLedger(w: SheetWriter, entries: LedgerEntry[], daysHeader: LocalText, empty: LocalText): void {
  if (!entries.length) {
    w.row([[0, w.t(empty), 'label', LAST_COL]]);
    return;
  }
  w.header([
    [LEDGER.index, L.no],
    [LEDGER.no, L.taskNo],
    [LEDGER.measure[0], L.task, LEDGER.measure[1]],
    [LEDGER.deadline, L.deadline],
    [LEDGER.lead[0], L.leadUnit, LEDGER.lead[1]],
    [LEDGER.responsible[0], L.responsibleUnit, LEDGER.responsible[1]],
    [LEDGER.status, L.status],
    [LEDGER.days, daysHeader],
  ]);
  entries.forEach((e, i) => {
    const no = e.no || w.t(L.rowRef(e.row));
    const lead = e.lead.join('、');
    const responsible = e.responsible.join('、');
    w.row(
      [
        [LEDGER.index, i + 1, 'indexTop'],
        [LEDGER.no, no, 'textCenter'],
        [LEDGER.measure[0], e.measure, 'text', LEDGER.measure[1]],
        [LEDGER.deadline, e.deadlineText, 'textCenter'],
        [LEDGER.lead[0], lead, 'text', LEDGER.lead[1]],
        [LEDGER.responsible[0], responsible, 'text', LEDGER.responsible[1]],
        [LEDGER.status, e.statusText, 'text'],
        [LEDGER.days, e.workdays, 'countTop'],
      ],
      w.heightFor([
        [no, LEDGER.no, LEDGER.no],
        [e.measure, ...LEDGER.measure],
        [e.deadlineText, LEDGER.deadline, LEDGER.deadline],
        [lead, ...LEDGER.lead],
        [responsible, ...LEDGER.responsible],
        [e.statusText, LEDGER.status, LEDGER.status],
      ]),
    );
  });
  w.endTable();
}

function ledgerHeaderHeight(w: SheetWriter): number {
  return w.heightFor([[w.t(L.workdaysOverdue), LEDGER.days, LEDGER.days]]);
}

function writeLedgers(w: SheetWriter, m: SummaryModel): void {
  w.heading(L.ledger, ledgerHeaderHeight(w) + 3 * w.heightFor([]));
  writeLedger(w, m.overdue, L.workdaysOverdue, L.noOverdue);
  w.blank();
  w.subheading(w.t(L.dueSoonList(m.soonDays)), ledgerHeaderHeight(w) + w.heightFor([]));
  writeLedger(w, m.dueSoon, L.workdaysLeft, L.noDueSoon);
  if (m.overdue.length || m.dueSoon.length) w.note(L.ledgerNote);
}

/** The 催办清单's columns: 序号, 单位 (B–C), 任务编号, task (E–G), 完成时限, 角色, 情况, working days. */
/** Item rows a group prints in the 催办清单 before one line names the rest. */
const MAX_REMIND_ROWS = 10;
const REMIND = { index: 0, unit: [1, 2], no: 3, task: [4, 6], deadline: 7, role: 8, kind: 9, days: 10 } as const;
/** The role as its narrow column prints it: "Responsible" would break inside the word. */
const ROLE_CELLS = { lead: ROLE_NAMES.lead, responsible: { zh: ROLE_NAMES.responsible.zh, en: 'Resp.' } };

function writeReminderList(w: SheetWriter, plan: ReminderPlan): void {
  w.heading(L.remindList, 4 * w.heightFor([]));
  if (!plan.units.length) {
    w.row([[0, w.t(L.noReminders), 'label', LAST_COL]]);
    return;
  }
  w.header([
    [REMIND.index, L.no],
    [REMIND.unit[0], L.unit, REMIND.unit[1]],
    [REMIND.no, L.taskNo],
    [REMIND.task[0], L.shortTask, REMIND.task[1]],
    [REMIND.deadline, L.deadline],
    [REMIND.role, L.role],
    [REMIND.kind, L.kind],
    [REMIND.days, L.days],
  ]);
  reminderGroups(plan).forEach((g, i) => {
    // A long list prints its first rows and one line for the rest (the CLI and the pane list every item).
    const u = { unit: g.units.join('、'), items: g.items.slice(0, MAX_REMIND_ROWS) };
    const rest = g.items.slice(MAX_REMIND_ROWS);
    const unitLines = wrappedLines(u.unit, widthOf(...REMIND.unit), FONT.size);
    const heights = u.items.map((item) => w.heightFor([[item.shortText, ...REMIND.task], [item.deadlineText, REMIND.deadline, REMIND.deadline]]));
    // The units' names are written on the group's first row; the rows together must be tall enough for them.
    const shortBy = rowHeightFor(unitLines, FONT.size) - heights.reduce((a, b) => a + b, 0);
    if (shortBy > 0) heights[0] += shortBy;
    // A unit's rows stay on one page, so its name (written on its first row) is never separated from them.
    w.keepTogether(heights.reduce((a, b) => a + b, 0) + (rest.length ? 2 * w.heightFor([]) : 0));
    const top = w.next;
    u.items.forEach((item, j) => {
      const first = j === 0;
      w.row(
        [
          [REMIND.index, first ? i + 1 : null, 'indexTop'],
          [REMIND.unit[0], first ? u.unit : null, 'text', REMIND.unit[1]],
          [REMIND.no, item.no || w.t(L.rowRef(item.row)), 'textCenter'],
          [REMIND.task[0], item.shortText, 'text', REMIND.task[1]],
          [REMIND.deadline, item.deadlineText, 'textCenter'],
          [REMIND.role, w.t(ROLE_CELLS[item.role]), 'textCenter'],
          [REMIND.kind, w.t(STATE_NAMES[item.kind]), 'textCenter'],
          [REMIND.days, item.workdays, 'countTop'],
        ],
        heights[j],
      );
    });
    if (rest.length) {
      const line = w.t(L.moreItems(rest.length, rest.map((r) => r.no || w.t(L.rowRef(r.row))).slice(0, 30).join('、')));
      w.row([[REMIND.index, null, 'indexTop'], [REMIND.unit[0], null, 'text', REMIND.unit[1]], [REMIND.no, line, 'text', LAST_COL]], w.heightFor([[line, REMIND.no, LAST_COL]]));
    }
    // 序号 and the units span the group's rows (the rows stay on one page, so the merged cells never split).
    if (w.next - 1 > top) {
      w.mergeDown({ top, left: REMIND.index, bottom: w.next - 1, right: REMIND.index });
      w.mergeDown({ top, left: REMIND.unit[0], bottom: w.next - 1, right: REMIND.unit[1] });
    }
  });
  w.note(L.remindNote);
}

function writeNotices(w: SheetWriter, plan: ReminderPlan): void {
  const notice = plan.notice;
  const noticeHeight = w.heightFor([[notice, 0, LAST_COL]], STYLES.paragraph.fontSize) + lineHeight(STYLES.paragraph.fontSize);
  w.heading(L.notices, 2 * w.heightFor([]) + noticeHeight);
  w.subheading(w.t(L.notice), noticeHeight);
  w.row([[0, notice, 'paragraph', LAST_COL]], noticeHeight);
  if (!plan.units.length) return;
  w.blank();
  // Units asked for the same items get one text between them, as one 通知 is sent to several units.
  const texts = reminderGroups(plan).map((g) => {
    const unit = g.units.join('、');
    return [unit, g.text, w.heightFor([[g.text, REMIND.no, LAST_COL], [unit, ...REMIND.unit]]) + lineHeight(FONT.size)] as const;
  });
  w.subheading(w.t(L.reminderTexts(plan.replyBy)), w.heightFor([]) + texts[0][2]);
  w.header([[REMIND.index, L.no], [REMIND.unit[0], L.unit, REMIND.unit[1]], [REMIND.no, { zh: '催办通知内容', en: 'Reminder text' }, LAST_COL]]);
  texts.forEach(([unit, text, height], i) => {
    w.row([[REMIND.index, i + 1, 'indexTop'], [REMIND.unit[0], unit, 'text', REMIND.unit[1]], [REMIND.no, text, 'text', LAST_COL]], height);
  });
  w.endTable();
}

function writeProblems(w: SheetWriter, m: SummaryModel): void {
  w.heading(L.problems, 5 * w.heightFor([]));
  const p = m.problems;
  if (!p.topCodes.length) {
    w.row([[0, w.t(L.noProblems), 'label', LAST_COL]]);
    return;
  }
  w.header([[0, L.severity, FIG - 1], [FIG, L.findings]]);
  const first = w.next;
  w.row([[0, w.t(L.error), 'label', FIG - 1], [FIG, p.bySeverity.error, 'count']]);
  w.row([[0, w.t(L.warning), 'label', FIG - 1], [FIG, p.bySeverity.warning, 'count']]);
  w.row([[0, w.t(L.info_), 'label', FIG - 1], [FIG, p.bySeverity.info, 'count']]);
  w.bars(FIG, first, w.next - 1, '#ED7D31');
  w.blank();
  w.subheading(w.t(L.topCodes), 2 * w.heightFor([]));
  w.header([[0, L.kindName, FIG - 1], [FIG, L.findings], [FIG + 1, L.example, LAST_COL]]);
  for (const c of p.topCodes) {
    const example = w.t(c.example);
    const kind = w.t(findingKindName(c.code));
    w.row([[0, kind, 'label', FIG - 1], [FIG, c.count, 'count'], [FIG + 1, example, 'label', LAST_COL]], w.heightFor([[kind, 0, FIG - 1], [example, FIG + 1, LAST_COL]]));
  }
  if (p.distinctCodes > p.topCodes.length) w.note(L.moreCodes(p.distinctCodes - p.topCodes.length));
  w.endTable();
}

/** The matrix block; returns the chart's data range (header row + category column included). */
function writeMatrix(w: SheetWriter, m: SummaryModel): CellRange | null {
  const { sections, states, cells } = m.matrix;
  // The chart reads one contiguous block, so the whole table stays on one page.
  const rowHeights = sections.map((name) => w.heightFor([[name, FIG - 1, FIG - 1]]));
  const headerHeight = w.heightFor(states.map((s, j) => [w.t(stateName(s)), j + FIG, j + FIG] as [string, number, number]));
  w.heading(L.matrix, headerHeight + rowHeights.reduce((a, b) => a + b, 0));
  if (!states.length) {
    w.row([[0, w.t(L.none), 'label', LAST_COL]]);
    return null;
  }
  // Categories in column C, one state per column from D: the contiguous block a stacked bar chart reads
  // (序号 takes A–B merged, so no empty column lies inside the chart's data).
  const top = w.next;
  const category = FIG - 1;
  w.header([[0, L.no, category - 1], [category, L.section], ...states.map((s, j) => [j + FIG, stateName(s)] as [number, LocalText])]);
  sections.forEach((name, i) => {
    w.row([[0, i + 1, 'index', category - 1], [category, name, 'label'], ...states.map((_, j) => [j + FIG, cells[i][j], 'count'] as CellSpec)], rowHeights[i]);
  });
  w.endTable();
  const bottom = w.next - 1;
  states.forEach((s, j) => w.bars(j + FIG, top + 1, bottom, STATE_CHART_COLOURS[s]));
  return { top, left: category, bottom, right: category + states.length };
}

export interface SummarySheetOptions {
  /** Sheet name; default 落实情况汇总. */
  name?: string;
  /** The 催办 and 通报 of the same model; the sheet has those blocks only when given. */
  reminders?: ReminderPlan;
}

function printSetup(w: SheetWriter, model: SummaryModel): PrintSpec {
  return {
    landscape: true,
    fitToWidth: false,
    centerHorizontally: true,
    scale: 100,
    repeatRows: [0, 0],
    paper: 'A4',
    rowBreaks: [...w.rowBreaks],
    margins: { ...MARGINS },
    footer: {
      left: headerFooterLiteral(L.footerAsOf(model.asOf, w.lang)),
      center: w.t(L.footerPage),
      // The English suffix alone: with the Chinese title before it the line runs into the page number.
      right: headerFooterLiteral(w.lang === 'en-US' ? 'Implementation summary' : `${model.title ?? model.sourceSheet}${w.t(L.titleSuffix)}`),
    },
  };
}

export function summarySheetSpec(model: SummaryModel, lang: Lang = 'zh-CN', options: SummarySheetOptions = {}): SheetSpec {
  const w = new SheetWriter(lang);
  const title = `${model.title ?? model.sourceSheet}${lang === 'en-US' ? ' — ' : ''}${w.t(L.titleSuffix)}`;
  w.titleRow([[0, title, 'title', LAST_COL]], TITLE_HEIGHT);
  // The product's stamp goes on this row (stampSheet), out of sight.
  w.hiddenRow([[0, '', 'stamp', LAST_COL]]);
  const info = L.info(model, lang);
  w.row([[0, info, 'info', LAST_COL]], w.heightFor([[info, 0, LAST_COL]]));

  writeOverview(w, model);
  writeSections(w, model);
  writeUnits(w, L.byLead, L.leadUnit, model.leadUnits, { always: L.leadNote, noUnit: L.noLead }, FIG + 3, STATE_CHART_COLOURS.overdue);
  writeUnits(w, L.byResponsible, L.responsibleUnit, model.responsibleUnits, { always: L.responsibleNote, noUnit: L.noResponsible }, FIG, '#5B9BD5');
  writeMonths(w, model);
  writeLedgers(w, model);
  if (options.reminders) {
    writeReminderList(w, options.reminders);
    writeNotices(w, options.reminders);
  }
  writeProblems(w, model);
  const chartData = writeMatrix(w, model);

  const paragraph = reportParagraph(model, lang);
  // One spare line: the paragraph is meant to be copied out and edited in place.
  const paragraphSize = STYLES.paragraph.fontSize;
  const paragraphHeight = w.heightFor([[paragraph, 0, LAST_COL]], paragraphSize) + lineHeight(paragraphSize);
  w.heading(L.paragraph, paragraphHeight);
  w.row([[0, paragraph, 'paragraph', LAST_COL]], paragraphHeight);

  let chart: ChartSpec | undefined;
  if (chartData) {
    const chartRowHeight = w.heightFor([]);
    w.keepTogether(chartRowHeight * (CHART_ROWS + 1));
    w.blank();
    const top = w.next;
    // Rows under the chart get heights too, so the page it prints on is the one laid out here.
    for (let i = 0; i < CHART_ROWS; i++) w.row([], chartRowHeight);
    chart = {
      type: 'barStacked',
      title: w.t(L.chartTitle),
      data: chartData,
      anchor: { row: top, col: 0, rows: CHART_ROWS, cols: COLUMN_COUNT },
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
    freeze: { rows: 3, cols: 0 },
    print: printSetup(w, model),
    hiddenRows: [SUMMARY_STAMP_ROW],
    dataBars: w.dataBars,
    chart,
    font: { ...FONT },
    rowHeights: w.rowHeights,
  };
}
