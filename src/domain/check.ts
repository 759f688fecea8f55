/**
 * Reads a 任务分工 table into tasks and checks it cell by cell.
 *
 * One pass over the rows. Each row is a spacer, a heading (section 一、 / subsection （一）, in its own column
 * or as a full-width row), the start of a measure, or the continuation of the measure above (its text runs
 * on, or its cells are merged down). Merged cells are read through an index built once, so a value merged
 * over several measures reaches each of them; findings about such a cell are reported once, at the cell.
 */
import { cellAddress, columnIndex, columnLetter, rangeAddress } from './address';
import { parseDeadline } from './deadline';
import { columnRoleName, detectLayout, headerRole, MergeIndex, valueAt } from './layout';
import { chineseMeasureNumberOf, headingOf, measureNumberOf, NumberingTracker, numberCellValue } from './numbering';
import type { NumberingProblem } from './numbering';
import { FindingList, SUSPICIOUS_CELL_CHARS, type GuessedPlanYearSource, type NumberingLevel, type UnitRole } from './findings';
import { parseStatus } from './status';
import { cellText, compactText, normaliseText } from './text';
import type { CellValue, ColumnMap, ColumnRole, Deadline, Layout, SheetAnalysis, SheetGrid, Status, Task } from './types';
import { isGroupByForm, looksLikeStrayText, nearDuplicateSpellings, splitLeadAndResponsible, unitMatchKey } from './units';
import type { LeadAndResponsible, UnitDirectory, UnitSpelling } from './units';
import { calendarCovers } from './workdays';

export interface AnalyseOptions {
  /** The clerk's plan year; when absent: the title's year, else the commonest year in the deadlines, else `currentYear`. */
  planYear?: number;
  /**
   * The clerk's directory (a 单位名录 sheet or a file). Absent: the units the sheet itself names are the
   * directory, and only what is suspicious inside the sheet is reported (near-duplicate spellings, text that
   * slipped into a unit cell).
   */
  directory?: UnitDirectory;
  /** Columns the clerk set by hand (absolute 0-based), over the detected ones. */
  columns?: Partial<ColumnMap>;
  /** The year it is now, for the last-resort plan year; default: the system clock's year. */
  currentYear?: number;
  /**
   * The sheet holds only some of a master's measures (a department's return copy), so its numbers skip by
   * design: gaps are not reported, repeats still are.
   */
  subsetOfMaster?: boolean;
}

export type PlanYearSource = 'option' | 'title' | GuessedPlanYearSource;

/** Text that ends its sentence: what follows on the next row is not its continuation. */
const ENDS_SENTENCE = /[。！？；!?;]\s*$/;

/** A document number above the table: 渝两江办发〔2017〕12号, 〔2017〕, [2017]. */
const DOCUMENT_NUMBER_YEAR = /[〔[【（(]((?:19|20)\d{2})[〕\]】）)]/;

/**
 * A rule the document prints for reading its unit lists: 主要责任单位第一个为牵头单位，其余为配合单位 /
 * 列第一位的为牵头单位，下同 / 排在首位的为牵头单位.
 */
const LEAD_RULE = /[^，。；,;:()]*(?:第一个|第一位|第1位|首位|第一家|排名第一|排序第一)[^，。；,;()]{0,8}(?:为|是)牵头(?:单位|部门)/;
/** A unit column blank in at least this many tasks, and this share of the table, is the table's way, not an omission. */
const BLANK_LEAD_MIN_TASKS = 3;
const BLANK_LEAD_MIN_SHARE = 1 / 3;

const NOTE_ROW = /^(注|备注|说明|附注)\s*\d*\s*[:：]/;
const YEAR_WORD = /((?:19|20)\d{2})\s*年/g;
const YEAR_NUMERIC_DATE = /^((?:19|20)\d{2})[-/.]\d{1,2}[-/.]\d{1,2}/;

interface CellRef {
  row: number;
  col: number;
}

/** A value as the table shows it at a cell: its own, or the one of the merged area covering it. */
interface Resolved {
  value: CellValue;
  text: string;
  source: CellRef;
  inherited: boolean;
}

interface TaskDraft {
  firstRow: number;
  lastRow: number;
  no: string;
  section: string | null;
  subsection: string | null;
  measureParts: string[];
  measureCell: CellRef;
  measureEmpty: boolean;
  /** Cells supplying each value, in row order (a continuation row can add units). */
  deadlineCells: Resolved[];
  leadCells: Resolved[];
  responsibleCells: Resolved[];
  statusCells: Resolved[];
}

function isErrorValue(v: CellValue): boolean {
  return typeof v === 'object' && v !== null && v.kind === 'error';
}

/** The plan year and where it came from. */
export function choosePlanYear(
  grid: SheetGrid,
  layout: Layout,
  options: Pick<AnalyseOptions, 'planYear' | 'currentYear'>,
): { year: number; source: PlanYearSource } {
  if (options.planYear !== undefined) return { year: options.planYear, source: 'option' };
  if (layout.titleYear !== null) return { year: layout.titleYear, source: 'title' };
  const width = grid.values[0]?.length ?? 0;
  for (let r = grid.originRow; r < layout.headerRow - 1; r++) {
    for (let c = grid.originCol; c < grid.originCol + width; c++) {
      const m = DOCUMENT_NUMBER_YEAR.exec(normaliseText(cellText(valueAt(grid, r, c))));
      if (m) return { year: Number(m[1]), source: 'document' };
    }
  }
  const fromDeadlines = commonestYear(grid, layout, layout.columns.deadline);
  if (fromDeadlines !== null) return { year: fromDeadlines, source: 'deadlines' };
  const fromMeasures = commonestYear(grid, layout, layout.columns.measure);
  if (fromMeasures !== null) return { year: fromMeasures, source: 'measures' };
  return { year: options.currentYear ?? new Date().getFullYear(), source: 'current' };
}

/** The year written most often in one column of the table (the earlier on a tie), or null. */
function commonestYear(grid: SheetGrid, layout: Layout, col: number | null): number | null {
  {
    if (col === null) return null;
    const counts = new Map<number, number>();
    const bump = (y: number) => counts.set(y, (counts.get(y) ?? 0) + 1);
    for (let r = layout.firstDataRow - 1; r <= layout.lastDataRow - 1; r++) {
      const v = valueAt(grid, r, col);
      if (typeof v === 'object' && v !== null && v.kind === 'date') {
        bump(Number(v.iso.slice(0, 4)));
        continue;
      }
      const t = normaliseText(cellText(v));
      if (!t) continue;
      const numeric = YEAR_NUMERIC_DATE.exec(t);
      if (numeric) bump(Number(numeric[1]));
      for (const m of t.matchAll(YEAR_WORD)) bump(Number(m[1]));
    }
    let best: number | null = null;
    for (const [y, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && y < best)) best = y;
    return best;
  }
}

/** Reads and checks one sheet. Throws only UserFacingError (no header, empty sheet, bad column override). */
export function analyseSheet(grid: SheetGrid, options: AnalyseOptions): SheetAnalysis {
  const merges = new MergeIndex(grid);
  const layout = detectLayout(grid, options.columns, merges);
  const { year: planYear, source: planYearSource } = choosePlanYear(grid, layout, options);
  return new SheetReader(grid, merges, layout, planYear, options.directory ?? null, options.subsetOfMaster).read(planYearSource);
}

class SheetReader {
  private readonly cols: ColumnMap;
  /** 序号 cells merged down over groups of measures: the measures' own printed numbers are their numbers. */
  private readonly numberNamesGroups: boolean;
  private readonly findings = new FindingList();
  private readonly tasks: Task[] = [];
  private readonly tableFirstCol: number;
  /**
   * Parses by cell text: the same text (长期开展, 办公室) recurs on most rows of a long sheet. Findings are
   * reported once per source cell, so a cell merged over several measures is reported once.
   */
  private readonly unitsByText = new Map<string, string[]>();
  private readonly leadSplitByText = new Map<string, LeadAndResponsible>();
  private readonly deadlineByText = new Map<string, Deadline>();
  private readonly statusByText = new Map<string, Status>();
  private readonly reportedCells = new Set<number>();
  private readonly cellKeyStride: number;
  private readonly singleUnitColumn: boolean;
  /** The columns whose own value makes a row a measure row of its own (not a run-on of the measure text). */
  private readonly valueColumns: ReadonlySet<number>;
  private anyCombinedLead = false;
  /** Distinct unit names the directory knows / does not know, in first-seen order (for directory.mismatch). */
  private readonly knownUnitNames = new Set<string>();
  private readonly unknownUnitNames = new Set<string>();
  /**
   * Names the directory does not know, each with the cells writing it, held back until it is known whether the
   * directory fits the sheet at all.
   */
  private readonly unknownNames = new Map<string, { stray: boolean; cells: CellRef[]; roles: Set<UnitRole>; suggestion: string | null }>();
  /** Every unit name the unit cells write, with the cells writing it, in first-seen order. */
  private readonly spellings = new Map<string, UnitSpelling & { role: UnitRole }>();
  /** Tasks whose 牵头单位 cell is blank: errors, unless the table leaves the column blank by design. */
  private readonly blankLeads: CellRef[] = [];
  /** Tasks whose 责任单位 cell is blank: warnings, unless the lead alone carries many tasks by design. */
  private readonly blankResponsibles: { at: CellRef; lead: string[] }[] = [];
  /** The document's printed rule that the first unit listed leads (its clause), and where it is printed. */
  private readonly leadRule: { at: CellRef; text: string } | null;

  private section: string | null = null;
  private subsection: string | null = null;
  private readonly sectionNumbers = new NumberingTracker();
  private readonly subsectionNumbers = new NumberingTracker();
  private readonly measureNumbers = new NumberingTracker();
  private current: TaskDraft | null = null;
  /** A heading began since the last measure row: a following unnumbered text starts a task, not a continuation. */
  private headingSinceMeasure = false;
  /** The section came from a full-width row: headings in the section column below it are one level down. */
  private sectionFromFullRow = false;
  private readonly measureHeaderKey: string;
  /** The row being read, and its cells' display texts by column (filled as they are asked for). */
  private textRow = -1;
  private readonly rowTexts: (string | undefined)[] = [];

  constructor(
    private readonly grid: SheetGrid,
    private readonly merges: MergeIndex,
    private readonly layout: Layout,
    private readonly planYear: number,
    private readonly directory: UnitDirectory | null,
    private readonly subsetOfMaster = false,
  ) {
    this.cols = layout.columns;
    const numberCol = layout.columns.number;
    this.numberNamesGroups =
      numberCol !== null &&
      grid.merges.some((m) => m.left <= numberCol && m.right >= numberCol && m.bottom > m.top && m.top >= layout.firstDataRow - 1);
    const used = Object.values(this.cols).filter((c): c is number => typeof c === 'number');
    this.tableFirstCol = Math.min(...used, layout.lastColumn);
    this.singleUnitColumn = this.cols.lead === null && this.cols.responsible !== null;
    const c = this.cols;
    this.valueColumns = new Set([c.deadline, c.lead, c.responsible, c.status, c.number].filter((col): col is number => col !== null));
    this.cellKeyStride = layout.lastColumn + 2;
    this.measureHeaderKey = compactText(cellText(valueAt(grid, layout.headerRow - 1, this.cols.measure)));
    this.leadRule = this.singleUnitColumn ? findLeadRule(grid) : null;
  }

  read(planYearSource: PlanYearSource): SheetAnalysis {
    for (let r = this.layout.firstDataRow - 1; r <= this.layout.lastDataRow - 1; r++) {
      this.textRow = r;
      this.rowTexts.length = 0;
      const own = this.ownTexts(r);
      if (this.endsTable(r, own)) break;
      this.readRow(r, own);
    }
    this.finishTask();
    if (this.tasks.length === 0) {
      this.findings.add('table.no_tasks', { row: this.layout.headerRow - 1, col: this.cols.measure }, { headerRow: this.layout.headerRow });
    }
    this.tableFindings(planYearSource);
    return {
      sheet: this.grid.sheet,
      title: this.layout.title,
      planYear: this.planYear,
      layout: this.layout,
      tasks: this.tasks,
      findings: this.findings.sorted(),
    };
  }

  // ---- rows ---------------------------------------------------------------------------------------------

  /**
   * The display text of a cell, computed once for the row being read: the end-of-table test, the row reader,
   * the header test and the task's cells all look at the same cells, and cleaning a long measure text is not free.
   */
  private textAt(r: number, c: number): string {
    if (r !== this.textRow) return cellText(valueAt(this.grid, r, c));
    let text = this.rowTexts[c];
    if (text === undefined) {
      text = cellText(valueAt(this.grid, r, c));
      this.rowTexts[c] = text;
    }
    return text;
  }

  /** The cell supplying row r's value in column col: its own, or the top-left cell of the merge covering it. */
  private resolve(row: number, col: number): Resolved {
    const owner = this.merges.ownerOf(row, col);
    const source = owner ?? { row, col };
    return { value: valueAt(this.grid, source.row, source.col), text: this.textAt(source.row, source.col), source, inherited: owner !== null };
  }

  /** The row's own non-blank cells (not parts of a merge started elsewhere), left to right. */
  private ownTexts(r: number): { col: number; text: string }[] {
    const own: { col: number; text: string }[] = [];
    for (let c = this.tableFirstCol; c <= this.layout.lastColumn; c++) {
      if (this.merges.ownerOf(r, c)) continue;
      const text = this.textAt(r, c);
      if (text) own.push({ col: c, text });
    }
    return own;
  }

  private readRow(r: number, own: { col: number; text: string }[]): void {
    for (const { col, text } of own) {
      if (isErrorValue(valueAt(this.grid, r, col))) {
        this.findings.add('cell.error', { row: r, col }, { text });
      } else if (text.length > SUSPICIOUS_CELL_CHARS) {
        this.findings.add('cell.too_long', { row: r, col }, { length: text.length });
      }
    }
    if (own.length === 0) {
      this.readCoveredRow(r);
      return;
    }
    if (this.isRepeatedHeader(r)) {
      this.findings.add('layout.header_repeated', { row: r, col: this.cols.measure }, {});
      return;
    }
    if (this.readHeadingRow(r, own)) return;
    this.readHeadingCells(r);
    this.readMeasureRow(r, own);
  }

  /**
   * Where the table ends before the sheet does: a note block under it (注：…, 附：…, 备注：…) or the header of a
   * different table. The same header printed again (a page break) does not end it.
   */
  private endsTable(r: number, texts: { col: number; text: string }[]): boolean {
    if (texts.length === 0) return false;
    const note = texts.length <= 2 && /^(?:注|附|备注|说明|附件\s*\d*)\s*\d*\s*[:：]/.test(normaliseText(texts[0].text));
    let header = false;
    if (!note && !this.isRepeatedHeader(r)) {
      const roles = new Set(texts.map((t) => headerRole(t.text)).filter((x) => x !== null));
      header = roles.size >= 2 && (roles.has('measure') || roles.has('task'));
    }
    if (!note && !header) return false;
    this.findings.add('table.stopped', { row: r, col: texts[0].col }, { lastRow: r, note: note ? texts[0].text.slice(0, 12) : null });
    return true;
  }

  /** A row with no value of its own: a spacer, or a row of a measure whose cells are merged down. */
  private readCoveredRow(r: number): void {
    const owner = this.merges.ownerOf(r, this.cols.measure);
    if (owner && this.current && owner.row >= this.current.firstRow && owner.row <= this.current.lastRow) {
      this.current.lastRow = r;
    }
  }

  /** A header repeated further down (tables pasted together, or a printed header copied in). */
  private isRepeatedHeader(r: number): boolean {
    const raw = this.textAt(r, this.cols.measure);
    // A header label is short: measures (the other 99.9 % of rows) are not normalised for this comparison.
    if (raw === '' || raw.length > this.measureHeaderKey.length * 4 + 8) return false;
    return compactText(raw) === this.measureHeaderKey;
  }

  /**
   * A full-width heading row: one value (maybe merged across the table), either outside the measure column,
   * or numbered like a heading, or merged across past the measure column. Also 序号 一 + its heading text.
   */
  private readHeadingRow(r: number, own: { col: number; text: string }[]): boolean {
    const first = own[0];
    const area = this.merges.mergeAt(r, first.col);
    const spansMeasure = area !== null && area.left <= this.cols.measure && area.right > this.cols.measure;
    if (own.length === 1) {
      // The measure cell merged down from above: this row continues a measure, whatever else it holds.
      const measureOwner = this.merges.ownerOf(r, this.cols.measure);
      if (measureOwner && measureOwner.row < r) return false;
      const heading = headingOf(first.text);
      const c = this.cols;
      const headingColumn = first.col < c.measure || first.col === c.section || first.col === c.subsection || first.col === c.number;
      if (headingColumn && NOTE_ROW.test(normaliseText(first.text))) return true;
      // A number alone in 序号 is a measure row with its text missing; other text there is a caption row.
      if (first.col === c.number && !heading && numberCellValue(first.text) !== null) return false;
      if (spansMeasure || (headingColumn && first.col !== c.measure) || (heading && first.col === c.measure)) {
        this.heading(r, first.col, first.text, undefined, true);
        return true;
      }
      return false;
    }
    // 序号 holds the numeral (一 / （一）) and the measure column the heading text, nothing else on the row.
    if (own.length === 2 && this.cols.number !== null && own[0].col === this.cols.number && own[1].col === this.cols.measure) {
      const numeral = headingOf(own[0].text);
      if (numeral && numberCellValue(own[0].text) === null) {
        const joiner = /[、.,，．)）]$/.test(own[0].text) ? '' : numeral.level === 'section' ? '、' : '';
        this.heading(r, own[0].col, `${own[0].text}${joiner}${own[1].text}`, undefined, true);
        return true;
      }
    }
    return false;
  }

  /** Section and subsection cells on a measure row (their own values: merged-down parts repeat nothing). */
  private readHeadingCells(r: number): void {
    for (const col of [this.cols.section, this.cols.subsection]) {
      if (col === null || col === this.cols.measure) continue;
      if (this.merges.ownerOf(r, col)) continue;
      const text = this.textAt(r, col);
      if (!text) continue;
      const numberedSection = headingOf(text)?.level === 'section';
      const level = col === this.cols.subsection || (this.sectionFromFullRow && !numberedSection) ? 'subsection' : 'section';
      this.heading(r, col, text, level);
    }
  }

  private heading(r: number, col: number, text: string, columnLevel?: 'section' | 'subsection', fullRow = false): void {
    this.finishTask();
    this.headingSinceMeasure = true;
    const numbered = headingOf(text);
    // A numbered heading says its own level; an unnumbered one takes its column's (or is a section row).
    const level = numbered?.level ?? columnLevel ?? 'section';
    const at = { row: r, col };
    // The same section heading printed again above its continuation (a page break): the section goes on.
    if (level === 'section' && text === this.section) return;
    if (level === 'section') {
      this.section = text;
      this.subsection = null;
      this.sectionFromFullRow = fullRow;
      this.subsectionNumbers.scopeChanged();
      this.measureNumbers.scopeChanged();
      if (numbered) this.numbering(this.sectionNumbers.next(numbered.value), at, 'section');
    } else {
      this.subsection = text;
      this.measureNumbers.scopeChanged();
      // Subsections under full-width sections are often numbered （1）（2）: check those too.
      const value = numbered?.value ?? measureNumberOf(text)?.value;
      if (value !== undefined) this.numbering(this.subsectionNumbers.next(value), at, 'subsection', !numbered);
    }
  }

  private readMeasureRow(r: number, own: { col: number; text: string }[]): void {
    const c = this.cols;
    const measureOwner = this.merges.ownerOf(r, c.measure);
    const ownAt = (col: number | null) => (col === null ? '' : (own.find((o) => o.col === col)?.text ?? ''));
    const measureText = ownAt(c.measure);
    const otherOwn = own.some((o) => this.valueColumns.has(o.col));

    // The measure cell merged down from the current task: this row is part of it (extra units, a second line).
    if (measureOwner && this.current && measureOwner.row >= this.current.firstRow && measureOwner.row <= this.current.lastRow) {
      this.extendTask(r);
      return;
    }
    // A row that holds its units or deadline is a measure even when it starts like a heading (一、 / （一）).
    const printed = measureText ? (measureNumberOf(measureText) ?? (otherOwn ? chineseMeasureNumberOf(measureText) : null)) : null;
    const numberCell = ownAt(c.number);
    if (
      measureText &&
      !printed &&
      !numberCell &&
      !otherOwn &&
      this.current?.no &&
      !this.headingSinceMeasure &&
      !ENDS_SENTENCE.test(this.current.measureParts[this.current.measureParts.length - 1] ?? '')
    ) {
      // In a numbered table, unnumbered text with nothing else on the row runs on from the measure above (a long
      // measure split over rows) — unless the text above ends its sentence: then it is the next measure of the
      // same item (序号 and units merged over several measures). In an unnumbered table every measure cell is a
      // measure of its own.
      this.current.measureParts.push(measureText);
      this.extendTask(r);
      return;
    }
    if (!measureText && !otherOwn) return; // only heading cells on this row (already read)
    if (!measureText && !measureOwner && !this.grid.mergesKnown && this.current && !this.headingSinceMeasure) {
      // The host cannot report merged cells: a measure cell blank under a measure is taken as merged down.
      this.extendTask(r);
      return;
    }
    this.startTask(r, measureText, printed?.rest ?? measureText, printed?.no ?? null, numberCell);
  }

  // ---- tasks --------------------------------------------------------------------------------------------

  private startTask(r: number, measureText: string, measure: string, printedNo: string | null, numberCell: string): void {
    this.finishTask();
    this.headingSinceMeasure = false;
    const c = this.cols;
    const ownNumber = this.numberNamesGroups && printedNo !== null;
    const fromColumn = numberCell && !ownNumber ? numberCellValue(numberCell) : null;
    const no = numberCell && !ownNumber ? (fromColumn !== null ? String(fromColumn) : numberCell) : (printedNo ?? this.groupNumber(r));
    const value = fromColumn ?? (printedNo !== null ? Number(printedNo) : null);
    const numberAt = numberCell && !ownNumber && c.number !== null ? { row: r, col: c.number } : { row: r, col: c.measure };
    if (value !== null) this.numbering(this.measureNumbers.next(value), numberAt, 'measure');
    const cell = (col: number | null) => (col === null ? [] : [this.resolve(r, col)]);
    this.current = {
      firstRow: r,
      lastRow: r,
      no,
      section: this.section,
      subsection: this.subsection,
      measureParts: measure ? [measure] : [],
      measureCell: { row: r, col: c.measure },
      measureEmpty: measureText === '',
      deadlineCells: cell(c.deadline),
      leadCells: cell(c.lead),
      responsibleCells: cell(c.responsible),
      statusCells: cell(c.status),
    };
  }

  /**
   * The 序号 merged down over row r from a row above, when the measure prints no number of its own: the measures
   * of one item share its number (checked once, on the item's first row).
   */
  private groupNumber(r: number): string {
    const col = this.cols.number;
    const owner = col === null ? null : this.merges.ownerOf(r, col);
    if (!owner || owner.row >= r) return '';
    const value = numberCellValue(cellText(valueAt(this.grid, owner.row, owner.col)));
    return value === null ? '' : String(value);
  }

  /** Row r belongs to the current task: its own unit, deadline and status cells add to the task's. */
  private extendTask(r: number): void {
    const t = this.current!;
    t.lastRow = r;
    const add = (list: Resolved[], col: number | null) => {
      if (col === null || this.merges.ownerOf(r, col)) return;
      const cell = this.resolve(r, col);
      if (cell.text) list.push(cell);
    };
    add(t.deadlineCells, this.cols.deadline);
    add(t.leadCells, this.cols.lead);
    add(t.responsibleCells, this.cols.responsible);
    add(t.statusCells, this.cols.status);
  }

  private finishTask(): void {
    const t = this.current;
    if (!t) return;
    this.current = null;
    const measure = t.measureParts.join('\n');
    if (t.measureEmpty && measure === '') {
      this.findings.add('measure.empty', t.measureCell, {});
    }
    const units = this.taskUnits(t);
    this.tasks.push({
      row: t.firstRow + 1,
      rows: [t.firstRow + 1, t.lastRow + 1],
      no: t.no,
      section: t.section,
      subsection: t.subsection,
      measure,
      deadline: this.taskDeadline(t),
      lead: units.lead,
      responsible: units.responsible,
      status: this.cols.status === null ? null : this.taskStatus(t),
    });
  }

  // ---- values -------------------------------------------------------------------------------------------

  /**
   * True the first time a source cell is looked at: its findings are reported then, and only then. Only a
   * merged cell can be seen by several tasks; every other cell belongs to one row of one task.
   */
  private firstReport(cell: Resolved): boolean {
    if (!cell.inherited && !this.merges.mergeAt(cell.source.row, cell.source.col)) return true;
    const key = cell.source.row * this.cellKeyStride + cell.source.col;
    if (this.reportedCells.has(key)) return false;
    this.reportedCells.add(key);
    return true;
  }

  private firstFilled(cells: Resolved[]): Resolved | null {
    return cells.find((c) => c.text !== '') ?? null;
  }

  private taskDeadline(t: TaskDraft): Deadline {
    const cell = this.firstFilled(t.deadlineCells);
    if (this.cols.deadline === null) return { text: '', kind: 'unknown', due: null };
    if (!cell) {
      this.findings.add('deadline.missing', { row: t.firstRow, col: this.cols.deadline }, { mergesKnown: this.grid.mergesKnown });
      return { text: '', kind: 'unknown', due: null };
    }
    const deadline = cachedParse(this.deadlineByText, cell, (v) => parseDeadline(v, this.planYear));
    // Reported once per cell; an error value is already reported as cell.error.
    if (!this.firstReport(cell) || isErrorValue(cell.value)) return deadline;
    const text = cell.text;
    if (deadline.kind === 'invalid') this.findings.add('deadline.invalid', cell.source, { text, why: deadline.reason ?? null });
    else if (deadline.kind === 'unknown') this.findings.add('deadline.unknown', cell.source, { text });
    else if (deadline.reading) this.findings.add('deadline.reading', cell.source, { text, reading: deadline.reading });
    if (deadline.kind === 'date' && deadline.due && Number(deadline.due.slice(0, 4)) !== this.planYear) {
      this.findings.add('deadline.outside_plan_year', cell.source, { text, due: deadline.due, planYear: this.planYear });
    }
    return deadline;
  }

  private taskStatus(t: TaskDraft): Status {
    const cell = this.firstFilled(t.statusCells);
    if (!cell) return parseStatus(null, this.planYear);
    const status = cachedParse(this.statusByText, cell, (v) => parseStatus(v, this.planYear));
    if (!status.recognised && !isErrorValue(cell.value) && this.firstReport(cell)) {
      this.findings.add('status.unrecognised', cell.source, { text: cell.text });
    }
    return status;
  }

  private taskUnits(t: TaskDraft): { lead: string[]; responsible: string[] } {
    if (this.singleUnitColumn) return this.singleColumnUnits(t);
    const lead = this.unitList(t.leadCells, 'lead');
    const responsible = this.unitList(t.responsibleCells, 'responsible');
    const leadFilled = this.firstFilled(t.leadCells);
    const responsibleFilled = this.firstFilled(t.responsibleCells);
    if (this.cols.lead !== null && !leadFilled) this.blankLeads.push({ row: t.firstRow, col: this.cols.lead });
    if (this.cols.responsible !== null && !responsibleFilled) {
      this.blankResponsibles.push({ at: { row: t.firstRow, col: this.cols.responsible }, lead });
    }
    return { lead, responsible };
  }

  /** One unit column, written as `X牵头，Y配合` / `牵头单位：X；责任单位：Y`, or a plain list (all responsible). */
  private singleColumnUnits(t: TaskDraft): { lead: string[]; responsible: string[] } {
    const lead: string[] = [];
    const responsible: string[] = [];
    for (const cell of t.responsibleCells) {
      if (!cell.text || isErrorValue(cell.value)) continue;
      // Names come back in display form (normaliseUnitName, non-empty) from the splitters.
      let split = this.leadSplitByText.get(cell.text);
      if (!split) {
        split = splitLeadAndResponsible(cell.text);
        // The document's rule: in a plain list, the unit listed first leads.
        if (this.leadRule && !split.combined && split.responsible.length > 0) {
          split = { lead: split.responsible.slice(0, 1), responsible: split.responsible.slice(1), combined: true };
        }
        this.leadSplitByText.set(cell.text, split);
      }
      if (split.lead.length) this.anyCombinedLead = true;
      if (this.firstReport(cell)) {
        this.checkUnits(cell, split.lead, 'lead');
        this.checkUnits(cell, split.responsible, 'responsible');
      }
      lead.push(...split.lead);
      responsible.push(...split.responsible);
    }
    if (!lead.length && !responsible.length && this.cols.responsible !== null && !this.firstFilled(t.responsibleCells)) {
      this.findings.add('units.missing', { row: t.firstRow, col: this.cols.responsible }, { mergesKnown: this.grid.mergesKnown });
    }
    return { lead: dedupe(lead), responsible: dedupe(responsible) };
  }

  private unitList(cells: Resolved[], role: UnitRole): string[] {
    const names: string[] = [];
    for (const cell of cells) {
      if (!cell.text || isErrorValue(cell.value)) continue;
      let list = this.unitsByText.get(cell.text);
      if (!list) {
        // Role words are not names, whichever column they are written in (`市政府办公室负责`, `X会同Y`).
        const split = splitLeadAndResponsible(cell.text);
        list = [...split.lead, ...split.responsible];
        this.unitsByText.set(cell.text, list);
      }
      if (this.firstReport(cell)) this.checkUnits(cell, list, role);
      names.push(...list);
    }
    return dedupe(names);
  }

  /** Unknown names (with the closest directory name) and names listed twice in one cell. */
  private checkUnits(cell: Resolved, names: string[], role: UnitRole): void {
    const seen = new Set<string>();
    for (const name of names) {
      this.noteSpelling(name, cell.source, role);
      const resolved = this.directory?.resolve(name) ?? null;
      const canonical = !resolved
        ? unitMatchKey(name)
        : resolved.kind === 'unit' ? resolved.canonical : resolved.kind === 'group' ? resolved.group : name;
      if (seen.has(canonical)) {
        this.findings.add('unit.duplicate', cell.source, { role, name });
      }
      seen.add(canonical);
      // A group by its form (各有关单位, 市直有关部门) the directory does not list is one recipient, not a typo.
      if (!resolved || (resolved.kind === 'unknown' && isGroupByForm(name))) continue;
      // A number or a sentence in a unit cell says nothing about whose directory this is.
      const stray = resolved.kind === 'unknown' && looksLikeStrayText(name);
      if (!stray) (resolved.kind === 'unknown' ? this.unknownUnitNames : this.knownUnitNames).add(name);
      if (resolved.kind === 'unknown') {
        const known = this.unknownNames.get(name);
        if (!known) this.unknownNames.set(name, { stray, cells: [cell.source], roles: new Set([role]), suggestion: resolved.suggestion });
        else {
          known.roles.add(role);
          const last = known.cells[known.cells.length - 1];
          if (last.row !== cell.source.row || last.col !== cell.source.col) known.cells.push(cell.source);
        }
      }
    }
  }

  private noteSpelling(name: string, at: CellRef, role: UnitRole): void {
    const address = cellAddress(at.row, at.col);
    const known = this.spellings.get(name);
    if (!known) this.spellings.set(name, { name, cells: [address], role });
    else if (known.cells[known.cells.length - 1] !== address) known.cells.push(address);
  }

  /**
   * No directory given: the sheet's own units are the directory, so only what is suspicious inside it is said,
   * once per distinct name with its cells — text that slipped into a unit cell, and near-duplicate spellings
   * of one unit (the commonest spelling suggested).
   */
  private sheetUnitFindings(): void {
    const names: UnitSpelling[] = [];
    for (const spelling of this.spellings.values()) {
      if (isGroupByForm(spelling.name)) continue;
      if (!looksLikeStrayText(spelling.name)) {
        names.push(spelling);
        continue;
      }
      this.findings.add('unit.stray_text', firstCell(spelling), { role: spelling.role, name: spelling.name, cells: spelling.cells });
    }
    for (const cluster of nearDuplicateSpellings(names)) {
      const keep = cluster.preferred;
      for (const variant of cluster.variants) {
        const params = { name: variant.name, cells: variant.cells, preferred: keep.name, preferredCells: keep.cells.length };
        this.findings.add('unit.variant', firstCell(variant), params, keep.name);
      }
    }
  }

  /**
   * A directory is given: the unknown names; or, when the directory hardly fits the sheet, one notice instead
   * (a number or a sentence in a unit cell is still said where it is).
   */
  private directoryFindings(): void {
    const mismatch = this.directoryMismatch();
    for (const [name, f] of this.unknownNames) {
      if (mismatch && !f.stray) continue;
      const role = f.roles.size === 1 ? [...f.roles][0] : null;
      const cells = f.cells.map((at) => cellAddress(at.row, at.col));
      this.findings.add('unit.unknown', f.cells[0], { role, name, cells, suggestion: f.suggestion }, f.suggestion);
    }
  }

  /**
   * Blank 牵头单位: an error where the sheet otherwise fills it; where it is left blank for many tasks (the
   * listed 责任单位 share the task), one notice for the table.
   */
  private blankLeadFindings(): void {
    const blanks = this.blankLeads;
    if (this.blankByDesign(blanks.length)) {
      this.findings.add('lead.blank_column', null, { column: columnLetter(blanks[0].col), blanks: blanks.length, tasks: this.tasks.length });
      return;
    }
    for (const at of blanks) {
      this.findings.add('lead.missing', at, { mergesKnown: this.grid.mergesKnown });
    }
  }

  /**
   * Blank 责任单位 beside a filled 牵头单位: a warning each, unless the table does so for many tasks (the lead
   * carries them alone), then one notice. A task with no unit at all is always said at its cell.
   */
  private blankResponsibleFindings(): void {
    const alone = this.blankResponsibles.filter((b) => b.lead.length > 0);
    const byDesign = this.blankByDesign(alone.length);
    if (byDesign) {
      this.findings.add('responsible.blank_column', null, { column: columnLetter(alone[0].at.col), blanks: alone.length, tasks: this.tasks.length });
    }
    for (const b of this.blankResponsibles) {
      if (!byDesign || b.lead.length === 0) this.findings.add('responsible.missing', b.at, { lead: b.lead, mergesKnown: this.grid.mergesKnown });
    }
  }

  /** Blank in this many tasks, and this share of the table, is how the table is made, not an omission. */
  private blankByDesign(blanks: number): boolean {
    return blanks >= BLANK_LEAD_MIN_TASKS && blanks >= this.tasks.length * BLANK_LEAD_MIN_SHARE;
  }

  // ---- numbering and table-level ------------------------------------------------------------------------

  /** `arabic`: subsections numbered （1）（2） rather than （一）（二）. */
  private numbering(problem: NumberingProblem | null, at: CellRef, level: NumberingLevel, arabic = false): void {
    if (!problem) return;
    if (problem.kind === 'duplicate') this.findings.add('numbering.duplicate', at, { level, value: problem.value, arabic });
    else if (!this.subsetOfMaster) this.findings.add('numbering.gap', at, { level, value: problem.value, expected: problem.expected, arabic });
  }

  /**
   * Most unit names unknown: the directory is another body's. One notice for the table says so and what to do,
   * instead of a warning in every unit cell.
   */
  private directoryMismatch(): boolean {
    const unknown = [...this.unknownUnitNames];
    if (unknown.length < MISMATCH_MIN_UNKNOWN || unknown.length <= this.knownUnitNames.size) return false;
    this.findings.add('directory.mismatch', null, { unknown, total: unknown.length + this.knownUnitNames.size });
    return true;
  }

  private tableFindings(planYearSource: PlanYearSource): void {
    const c = this.cols;
    const used = this.grid.usedRangeBeyondGrid;
    if (used) {
      const bottom = this.grid.originRow + Math.max(0, this.grid.values.length - 1);
      const right = this.grid.originCol + Math.max(0, (this.grid.values[0]?.length ?? 1) - 1);
      this.findings.add('sheet.far_content_ignored', null, {
        used,
        read: rangeAddress({ top: this.grid.originRow, left: this.grid.originCol, bottom, right }),
        farRow: used.bottom > bottom ? used.bottom + 1 : null,
        farColumn: used.right > right ? columnLetter(used.right) : null,
      });
    }
    if (this.layout.columnsByContent) {
      const columns = (Object.entries(c) as [ColumnRole, number | null | undefined][])
        .filter((e): e is [ColumnRole, number] => typeof e[1] === 'number')
        .sort((a, b) => a[1] - b[1])
        .map(([role, col]) => ({ column: columnLetter(col), role: columnRoleName(role) }));
      this.findings.add('layout.columns_by_content', null, { headerRow: this.layout.headerRow, columns });
    }
    if (c.deadline === null) this.findings.add('column.deadline_missing', null, {});
    if (c.lead === null && c.responsible === null) this.findings.add('column.units_missing', null, {});
    else if (c.lead === null && !this.anyCombinedLead) this.findings.add('column.lead_missing', null, { responsibleColumn: columnLetter(c.responsible!) });
    else if (c.responsible === null) this.findings.add('column.responsible_missing', null, {});
    if (planYearSource !== 'option' && planYearSource !== 'title') {
      this.findings.add('plan_year.guessed', null, { source: planYearSource, year: this.planYear });
    }
    if (this.directory) this.directoryFindings();
    else this.sheetUnitFindings();
    this.blankLeadFindings();
    this.blankResponsibleFindings();
    if (this.leadRule) this.findings.add('lead.rule', this.leadRule.at, { rule: this.leadRule.text });
    if (!calendarCovers(this.planYear)) this.findings.add('calendar.beyond_data', null, { year: this.planYear });
  }
}

/** Parses a cell through a cache keyed by its text (strings only: a number or date cell is parsed as itself). */
function cachedParse<T>(cache: Map<string, T>, cell: Resolved, parse: (value: CellValue) => T): T {
  if (typeof cell.value !== 'string') return parse(cell.value);
  let parsed = cache.get(cell.text);
  if (parsed === undefined) {
    parsed = parse(cell.value);
    cache.set(cell.text, parsed);
  }
  return parsed;
}

/** Fewer than this many unknown names is a typo or two, not a directory that belongs to another place. */
const MISMATCH_MIN_UNKNOWN = 3;
function firstCell(spelling: UnitSpelling): CellRef {
  const address = spelling.cells[0];
  const letters = /^[A-Z]+/.exec(address)![0];
  return { row: Number(address.slice(letters.length)) - 1, col: columnIndex(letters) };
}

/** The document's printed lead rule anywhere on the sheet (title, header, a task, a note under the table). */
function findLeadRule(grid: SheetGrid): { at: CellRef; text: string } | null {
  for (let r = 0; r < grid.values.length; r++) {
    const row = grid.values[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== 'string' || v.indexOf('牵头') < 0) continue;
      const rule = LEAD_RULE.exec(normaliseText(v));
      if (rule) return { at: { row: grid.originRow + r, col: grid.originCol + c }, text: rule[0].trim() };
    }
  }
  return null;
}

function dedupe(names: string[]): string[] {
  if (names.length < 2) return names;
  return [...new Set(names)];
}
