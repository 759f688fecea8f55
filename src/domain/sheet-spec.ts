/**
 * A product-made sheet (summary, 回收情况, 单位名录, a department's return copy) described as data,
 * so the domain builds it once and each host writes it in its own way.
 */
import type { CellRange } from './types';

export interface SpecStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string; // '#RRGGBB'
  fill?: string; // '#RRGGBB'
  wrap?: boolean;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle' | 'bottom';
  border?: boolean;
  /** Excel number format, e.g. '0.0%' or 'yyyy-mm-dd'. */
  numberFormat?: string;
}

/**
 * A cell to write. Strings are always written as text (never parsed as formulas, even when they begin
 * with = + - @); numbers as numbers; `date` is an ISO date written as a real date.
 */
export type SpecValue = string | number | null | { date: string };

export interface SpecCell {
  v: SpecValue;
  /** A key into SheetSpec.styles. */
  s?: string;
}

export interface DataBarSpec {
  range: CellRange;
  color: string;
}

export interface ChartSpec {
  type: 'barStacked' | 'columnStacked' | 'pie' | 'barClustered';
  title: string;
  /** The data block on this sheet: first row = series names, first column = categories. */
  data: CellRange;
  /** Where the chart is placed: top-left cell and size in cells. */
  anchor: { row: number; col: number; rows: number; cols: number };
  seriesColors?: string[];
}

/**
 * One line of a printed page's header or footer, in Excel's header/footer codes (the same in the file format and
 * in Office.js): &P is the page number, &N the number of pages, and a literal ampersand is written &&.
 */
export interface HeaderFooterSpec {
  left?: string;
  center?: string;
  right?: string;
}

export interface PrintSpec {
  landscape: boolean;
  /**
   * Scale the sheet to one page wide. Excel ignores manual page breaks under fit-to-page, so a sheet with
   * `rowBreaks` gives a `scale` instead.
   */
  fitToWidth: boolean;
  /** Percent (10–400) when not fitted to the page width. */
  scale?: number;
  /** The rows (first, last; 0-based) printed again at the top of every page: Excel's print titles. */
  repeatRows?: [number, number];
  paper?: 'A4';
  /** Centre the printed area between the side margins. */
  centerHorizontally?: boolean;
  /** Rows (0-based) that start a new printed page: manual page breaks. */
  rowBreaks?: number[];
  /** Margins in inches, as Excel's page setup shows them. */
  margins?: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  header?: HeaderFooterSpec;
  footer?: HeaderFooterSpec;
}

/** Text shown as itself in a header or footer: every & doubled, so it is not read as a code. */
export function headerFooterLiteral(text: string): string {
  return text.replace(/&/g, '&&');
}

/** The OOXML form of a header/footer line: &L…&C…&R… (sections left out when empty). */
export function headerFooterCode(line: HeaderFooterSpec): string {
  return `${line.left ? `&L${line.left}` : ''}${line.center ? `&C${line.center}` : ''}${line.right ? `&R${line.right}` : ''}`;
}

/**
 * The &L, &C and &R sections of an OOXML header/footer line, each '' when absent (text before any section code
 * is the centre's, as Excel reads it). Other codes (&P, &N, &&, &K…) stay in their section's text.
 */
export function parseHeaderFooterCode(line: string): Required<HeaderFooterSpec> {
  const parts = { L: '', C: '', R: '' };
  let current: 'L' | 'C' | 'R' = 'C';
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '&' && i + 1 < line.length) {
      const code = line[i + 1];
      if (code === 'L' || code === 'C' || code === 'R') current = code;
      else parts[current] += line.slice(i, i + 2);
      i++;
      continue;
    }
    parts[current] += line[i];
  }
  return { left: parts.L, center: parts.C, right: parts.R };
}

/**
 * A sheet's printed header and footer as they are, every section given ('' when empty): what 标色 saves before
 * it prints its legend there, and 清除标色 puts back.
 */
export interface PageHeaderFooter {
  header: Required<HeaderFooterSpec>;
  footer: Required<HeaderFooterSpec>;
}

export const EMPTY_HEADER_FOOTER: PageHeaderFooter = {
  header: { left: '', center: '', right: '' },
  footer: { left: '', center: '', right: '' },
};

export function sameHeaderFooter(a: PageHeaderFooter, b: PageHeaderFooter): boolean {
  const sections = ['left', 'center', 'right'] as const;
  return sections.every((k) => a.header[k] === b.header[k] && a.footer[k] === b.footer[k]);
}

export interface DropdownSpec {
  range: CellRange;
  options: string[];
}

/** Every kind of sheet the product makes (a state record naming another kind is not the product's). */
export const SHEET_MARKERS = ['summary', 'returns-log', 'unit-directory', 'return-copy', 'state', 'imported', 'carried-over'] as const;
export type SheetMarker = (typeof SHEET_MARKERS)[number];

export interface SheetSpec {
  name: string;
  /** The product marks every sheet it makes; regenerating replaces only sheets carrying the same marker kind. */
  /** 'imported': a task table brought in from a notice; once written it is the clerk's sheet, never regenerated. */
  /** 'carried-over': 上年未完成事项, last year's unfinished measures (回头看). */
  marker: SheetMarker;
  rows: SpecCell[][];
  merges: CellRange[];
  /** Column widths in characters (Excel's unit), index = column. */
  columnWidths: number[];
  styles: Record<string, SpecStyle>;
  /** Rows (count from the top) and columns (count from the left) kept visible when scrolling. */
  freeze?: { rows: number; cols: number };
  print?: PrintSpec;
  /** Rows (0-based) kept out of sight: the cells keep their values, the row is hidden where the host can hide rows. */
  hiddenRows?: number[];
  dataBars?: DataBarSpec[];
  chart?: ChartSpec;
  dropdowns?: DropdownSpec[];
  /** Cells meant for a date: hosts that can validate warn when something else is typed (blank stays allowed). */
  dateInputs?: CellRange[];
  /** Protect the sheet; cells in `unlocked` stay editable. */
  protection?: { unlocked: CellRange[] };
  hidden?: 'visible' | 'hidden' | 'veryHidden';
  /** Default font for the sheet (CJK-capable). */
  font?: { name: string; size: number };
  rowHeights?: Record<number, number>;
}
