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

export interface DropdownSpec {
  range: CellRange;
  options: string[];
}

export interface SheetSpec {
  name: string;
  /** The product marks every sheet it makes; regenerating replaces only sheets carrying the same marker kind. */
  marker: 'summary' | 'returns-log' | 'unit-directory' | 'return-copy' | 'state';
  rows: SpecCell[][];
  merges: CellRange[];
  /** Column widths in characters (Excel's unit), index = column. */
  columnWidths: number[];
  styles: Record<string, SpecStyle>;
  /** Rows (count from the top) and columns (count from the left) kept visible when scrolling. */
  freeze?: { rows: number; cols: number };
  print?: { landscape: boolean; fitToWidth: boolean; repeatRows?: [number, number]; paper?: 'A4' };
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
