/**
 * The part of WPS 表格's object model (ET, `window.Application` in a WPS 加载项) the host uses, typed here.
 *
 * Names, members and constants follow Kingsoft's own TypeScript description, npm `wps-jsapi` 1.0.5
 * (src/lib.et.d.ts: EtApplication, EtWorkbook, EtSheets, EtWorksheet, EtRange, EtInterior, EtFont, EtPageSetup;
 * the enums EtXlSheetVisibility, EtXlPattern). That package is generated from the COM type library, so most of
 * its members are `any` and its methods declare `void` where VBA returns an object (`Sheets.Item(…): void`); it is
 * therefore not a dependency, and this file says what the object model hands back, as VBA documents it:
 * a property read over a range whose cells disagree answers null (Interior.Color, Font.Color, NumberFormat,
 * MergeCells), `Value2` of one cell is a scalar and of several a 2-D array, dates come as serial numbers.
 */

/** EtXlSheetVisibility (wps-jsapi lib.et.d.ts). */
export const XL_SHEET_VISIBLE = -1;
export const XL_SHEET_HIDDEN = 0;
export const XL_SHEET_VERY_HIDDEN = 2;

/** EtXlPattern: xlPatternNone (= xlNone) is "no fill"; xlPatternSolid a plain fill. */
export const XL_PATTERN_NONE = -4142;
export const XL_PATTERN_SOLID = 1;
export const XL_PATTERN_AUTOMATIC = -4105;
export const XL_PATTERN_LINEAR_GRADIENT = 4000;
export const XL_PATTERN_RECTANGULAR_GRADIENT = 4001;

/** EtXlPageOrientation and xlPaperA4 (EtXlPaperSize). */
export const XL_PORTRAIT = 1;
export const XL_LANDSCAPE = 2;
export const XL_PAPER_A4 = 9;

/** EtXlHAlign / EtXlVAlign. */
export const XL_ALIGN = { left: -4131, center: -4108, right: -4152, top: -4160, bottom: -4107 } as const;

/** EtXlBordersIndex edges and insides, xlContinuous. */
export const XL_BORDER_EDGES = [8, 9, 7, 10, 11, 12] as const;
export const XL_CONTINUOUS = 1;

/** The EtXlPattern values and the Office.js FillPattern names of the same patterns, so tokens travel between hosts. */
export const PATTERN_NAMES: Record<number, string> = {
  [-4142]: 'None',
  1: 'Solid',
  9: 'Checker',
  16: 'CrissCross',
  [-4121]: 'Down',
  17: 'Gray16',
  [-4124]: 'Gray25',
  [-4125]: 'Gray50',
  [-4126]: 'Gray75',
  18: 'Gray8',
  15: 'Grid',
  [-4128]: 'Horizontal',
  13: 'LightDown',
  11: 'LightHorizontal',
  14: 'LightUp',
  12: 'LightVertical',
  10: 'SemiGray75',
  [-4162]: 'Up',
  [-4166]: 'Vertical',
  4000: 'LinearGradient',
  4001: 'RectangularGradient',
};

export function patternNumber(name: string): number {
  for (const [n, v] of Object.entries(PATTERN_NAMES)) if (v === name) return Number(n);
  return XL_PATTERN_SOLID;
}

export type EtScalar = string | number | boolean | null | undefined;

export interface EtInterior {
  /** BGR integer (VBA's RGB(): r + g·256 + b·65536); null over cells that differ. No fill reads white. */
  Color: number | null;
  Pattern: number | null;
  PatternColor: number | null;
}

export interface EtFont {
  /** BGR integer; the automatic colour reads 0 (black). */
  Color: number | null;
  Bold: boolean | null;
  Italic: boolean | null;
  Size: number | null;
  Name: string | null;
}

export interface EtBorder {
  LineStyle: number | null;
  Color: number | null;
}

export interface EtRange {
  /** One cell: a scalar; several: rows of values. Dates are serial numbers. Writing takes either shape. */
  Value2: EtScalar | EtScalar[][];
  /** One format for every cell, or null when they differ; writing sets every cell. */
  NumberFormat: string | null;
  /** true when every cell is in a merged area, false when none is, null when some are. */
  MergeCells: boolean | null;
  /** The merged area holding the range's first cell (the cell itself when unmerged). */
  readonly MergeArea: EtRange;
  readonly Interior: EtInterior;
  readonly Font: EtFont;
  /** 1-based. */
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  readonly EntireRow: { Hidden: boolean | null };
  /** Address(RowAbsolute, ColumnAbsolute): 'A1:C3' with both false. */
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  Borders(index: number): EtBorder;
  ColumnWidth: number | null;
  RowHeight: number | null;
  WrapText: boolean | null;
  HorizontalAlignment: number | null;
  VerticalAlignment: number | null;
  Locked: boolean | null;
  Merge(across?: boolean): void;
  Select(): void;
}

export interface EtPageSetup {
  LeftHeader: string;
  CenterHeader: string;
  RightHeader: string;
  LeftFooter: string;
  CenterFooter: string;
  RightFooter: string;
  Orientation: number;
  PaperSize: number;
  /** A percentage, or false to fit to FitToPagesWide × FitToPagesTall. */
  Zoom: number | false;
  FitToPagesWide: number | false;
  FitToPagesTall: number | false;
  /** Points. */
  LeftMargin: number;
  RightMargin: number;
  TopMargin: number;
  BottomMargin: number;
  HeaderMargin: number;
  FooterMargin: number;
  CenterHorizontally: boolean;
  /** '$1:$3'. */
  PrintTitleRows: string;
}

export interface EtWorksheet {
  Name: string;
  /** XL_SHEET_VISIBLE, XL_SHEET_HIDDEN or XL_SHEET_VERY_HIDDEN. */
  Visible: number;
  readonly UsedRange: EtRange;
  Range(address: string): EtRange;
  readonly PageSetup: EtPageSetup;
  readonly HPageBreaks: { Add(before: EtRange): unknown };
  Activate(): void;
  /** Asks the user to confirm unless Application.DisplayAlerts is false (as in Excel). */
  Delete(): void;
  Protect(): void;
}

export interface EtSheets {
  readonly Count: number;
  /** 1-based index or name; a missing sheet throws. */
  Item(index: number | string): EtWorksheet;
  /** Adds a worksheet after `after` (or before the active sheet) and makes it the active sheet. */
  Add(before?: EtWorksheet, after?: EtWorksheet): EtWorksheet;
}

export interface EtWorkbook {
  readonly Sheets: EtSheets;
  readonly ActiveSheet: EtWorksheet;
}

export interface EtTaskPane {
  Visible: boolean;
  DockPosition: number;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  DisplayAlerts: boolean;
  ScreenUpdating: boolean;
  /** WPS's own: a task pane showing `url` (wps-jsapi index.d.ts: "需要将Visible属性置为true"). */
  CreateTaskPane?(url: string, title?: string): EtTaskPane;
}

/** BGR integer → '#RRGGBB'. */
export function bgrToHex(bgr: number): string {
  const n = Math.max(0, Math.min(0xffffff, Math.round(bgr)));
  const r = n & 0xff;
  const g = (n >> 8) & 0xff;
  const b = (n >> 16) & 0xff;
  return `#${[r, g, b].map((x) => x.toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}

/** '#RRGGBB' → BGR integer, as VBA's RGB(r, g, b). */
export function hexToBgr(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) throw new RangeError(`Not a colour: ${hex}`);
  return parseInt(m[1], 16) + parseInt(m[2], 16) * 256 + parseInt(m[3], 16) * 65536;
}
