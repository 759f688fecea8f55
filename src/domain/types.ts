/**
 * The task model shared by every part of the product. Pure data: no Office, DOM or Node types.
 * Rows and columns inside the domain are 0-based absolute sheet coordinates unless a field says "1-based".
 */

export type Lang = 'zh-CN' | 'en-US';

/** Text in both product languages; zh-CN is the users' language and always present. */
export interface LocalText {
  zh: string;
  en: string;
}

/** A date cell as hosts hand it over: ISO calendar date plus the Excel serial it came from. */
export interface DateCell {
  kind: 'date';
  iso: string;
  serial: number;
}

/** An error value such as `#REF!` or `#N/A` (from a formula result). */
export interface ErrorCell {
  kind: 'error';
  code: string;
}

/** Every value a host can put into a grid. Formulas arrive as their cached result. */
export type CellValue = string | number | boolean | null | DateCell | ErrorCell;

/** The fill and font colour a row state is painted with (#RRGGBB each). */
export interface StateColours {
  fill: string;
  font: string;
}

/** One cell value a workflow writes (collect's answers): what the merge plan produces and every host applies. */
export interface CellWrite {
  row: number;
  col: number;
  /** Strings are written as text, never as formulas. null clears the cell. */
  value: string | number | null | { date: string };
  /**
   * Optional: give the cell the formatting of this cell (0-based) before writing — a column collect adds
   * after the table looks like the table. Hosts that cannot copy formats write the value only.
   */
  styleFrom?: { row: number; col: number };
}

/** A rectangle of cells, 0-based, inclusive on both ends. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The used part of one worksheet as the host read it. */
export interface SheetGrid {
  sheet: string;
  /** Absolute 0-based sheet row/column of values[0][0]. */
  originRow: number;
  originCol: number;
  /** Rectangular: every row has the same length. */
  values: CellValue[][];
  /** Merged areas in absolute coordinates. */
  merges: CellRange[];
  /** False when the host cannot read merged areas (ExcelApi < 1.13): layout infers them from blank continuation cells. */
  mergesKnown: boolean;
  /** Absolute 0-based rows the host reports as hidden or filtered out, if it knows. */
  hiddenRows?: number[];
  /**
   * The sheet's whole used range, when the host read only the table's own extent because content lies far
   * from it (a stray value at XFD1 or in row 1 048 576): what lies outside the grid was not read.
   */
  usedRangeBeyondGrid?: CellRange;
}

export type DeadlineKind = 'date' | 'ongoing' | 'timely' | 'periodic' | 'unknown' | 'invalid';

export interface Deadline {
  /** The cell text as written (trimmed); for date cells the ISO date. */
  text: string;
  kind: DeadlineKind;
  /** ISO date (YYYY-MM-DD) for kind 'date', else null. */
  due: string | null;
  /** The year written for the deadline (2022年…, 次年…, a date cell's year); absent when none is written. */
  year?: number | null;
  /** Why the date is impossible (kind 'invalid'). */
  reason?: LocalText;
  /** Which reading was taken where the wording allows more than one (a range, a span, several dates, 6月前). */
  reading?: LocalText;
}

export type ProgressState = 'done' | 'in_progress' | 'behind' | 'not_started' | 'unknown';

export interface Status {
  text: string;
  state: ProgressState;
  /** Completion date named in the status text (已于7月20日完成), ISO, else null. */
  doneOn: string | null;
  /** False when the text was not blank and matched no known status word. */
  recognised: boolean;
}

/** Columns found on the sheet: absolute 0-based column index, or null when the table does not have it. */
export interface ColumnMap {
  section: number | null;
  subsection: number | null;
  measure: number;
  deadline: number | null;
  lead: number | null;
  responsible: number | null;
  status: number | null;
  number: number | null;
  /** Extra columns the returns workflow adds or reads (进展说明, 完成日期). */
  explanation?: number | null;
  doneDate?: number | null;
}

export type ColumnRole = keyof ColumnMap;

export interface Task {
  /** 1-based sheet row where the task starts. */
  row: number;
  /** 1-based first and last sheet row of the task. */
  rows: [number, number];
  /** Measure number as printed (or from the 序号 column); '' when the sheet has none. */
  no: string;
  section: string | null;
  subsection: string | null;
  /** Measure text without its leading number. */
  measure: string;
  deadline: Deadline;
  /** Unit names as written, after splitting and normalising. */
  lead: string[];
  responsible: string[];
  status: Status | null;
}

export type Severity = 'error' | 'warning' | 'info';

/** What the check of one sheet finds; each has its name and message in `findings.ts`. */
export type SheetFindingCode =
  | 'calendar.beyond_data'
  | 'cell.error'
  | 'cell.too_long'
  | 'column.deadline_missing'
  | 'column.lead_missing'
  | 'column.responsible_missing'
  | 'column.units_missing'
  | 'deadline.invalid'
  | 'deadline.missing'
  | 'deadline.reading'
  | 'deadline.outside_plan_year'
  | 'deadline.unknown'
  | 'directory.mismatch'
  | 'layout.columns_by_content'
  | 'layout.header_repeated'
  | 'lead.blank_column'
  | 'lead.missing'
  | 'lead.rule'
  | 'measure.empty'
  | 'numbering.duplicate'
  | 'numbering.gap'
  | 'plan_year.guessed'
  | 'responsible.blank_column'
  | 'responsible.missing'
  | 'sheet.far_content_ignored'
  | 'status.unrecognised'
  | 'table.stopped'
  | 'table.no_tasks'
  | 'unit.duplicate'
  | 'unit.stray_text'
  | 'unit.unknown'
  | 'unit.variant'
  | 'units.missing';

/** What checking and merging departments' returns finds. */
export type ReturnFindingCode =
  | 'return.wrong_master'
  | 'return.master_changed'
  | 'return.unit_unknown'
  | 'return.unreadable'
  | 'return.measure_text_changed'
  | 'return.measure_added'
  | 'return.not_assigned'
  | 'return.deadline_changed'
  | 'return.units_changed'
  | 'return.nothing_filled'
  | 'return.status_blank'
  | 'return.status_unrecognised'
  | 'return.explanation_missing'
  | 'return.done_date_invalid'
  | 'return.done_date_future'
  | 'return.measure_missing'
  | 'return.claim_mismatch'
  | 'return.duplicate_unit'
  | 'return.status_conflict'
  | 'return.text_cut';

export type FindingCode = SheetFindingCode | ReturnFindingCode;


export interface Finding {
  severity: Severity;
  /** Stable, dotted, says what it means: `unit.unknown`, `deadline.invalid`, `numbering.gap` … */
  code: FindingCode;
  /** A1 address ('F4') or null for a table-level finding. */
  cell: string | null;
  /** 1-based row or null. */
  row: number | null;
  message: LocalText;
  /** A proposed replacement (a unit name, a date), or null. */
  suggestion: string | null;
}

/** The table found on a sheet. */
export interface Layout {
  /** 1-based header row (the last header row when the header spans two rows). */
  headerRow: number;
  /** 1-based first and last data row. */
  firstDataRow: number;
  lastDataRow: number;
  columns: ColumnMap;
  /** Absolute 0-based last column of the table. */
  lastColumn: number;
  title: string | null;
  /** From the title, or null when the title names no year. */
  titleYear: number | null;
  /** No header word matched: the columns were judged by what they hold (check says which is which). */
  columnsByContent?: true;
}

export interface SheetAnalysis {
  sheet: string;
  title: string | null;
  planYear: number;
  layout: Layout;
  tasks: Task[];
  findings: Finding[];
}

/** The product's progress-against-date classification of one task: what its colour, the legend and the summary say. */
export type RowState =
  | 'overdue'
  | 'due_soon'
  | 'behind'
  | 'done'
  | 'done_late'
  | 'on_track'
  | 'ongoing'
  | 'unknown';

export const ROW_STATES: readonly RowState[] = [
  'done',
  'done_late',
  'on_track',
  'behind',
  'due_soon',
  'overdue',
  'ongoing',
  'unknown',
];

/**
 * The colours of one cell. `fill`/`font` are normalised ('#RRGGBB', or null for no fill / automatic font)
 * and are what the domain compares; `token` is the host's exact snapshot that a restore puts back verbatim.
 */
export interface CellStyle {
  row: number;
  col: number;
  fill: string | null;
  font: string | null;
  token: string;
  /**
   * The host cannot write this cell's fill back once changed (a gradient fill in Excel: Office.js cannot set one).
   * Workflows leave such cells uncoloured and say so.
   */
  fillNotRestorable?: boolean;
  /**
   * The host read only the fill's colour, not its kind (Excel below ExcelApi 1.9 reports no pattern): a patterned
   * or gradient fill would be restored as a solid fill of that colour. Workflows say so when they colour one.
   */
  fillKindUnknown?: boolean;
}
