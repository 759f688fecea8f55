/**
 * How the simulator sees an ExcelJS cell through the eyes of the Excel JavaScript API: the value Office.js
 * would return in `range.values`, the colours `range.format` reports, and the coercion Excel applies when an
 * add-in writes a value. Browser-safe: ExcelJS objects only, no Node imports.
 */
import type ExcelJS from 'exceljs';
import { normaliseColour } from '../domain/colours';
import { OFFICE_THEME, resolveColour } from '../hosts/xlsx/colour-token';

/** What `Range.values` holds for one cell. */
export type OfficeValue = string | number | boolean;

const MS_PER_DAY = 86_400_000;
/** ExcelJS hands date cells over as JS Dates at UTC midnight; Excel's serial 25569 is 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;

export function dateToSerial(d: Date): number {
  return d.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/** True for the cells Excel reports as blank inside a merged area (every cell but the top-left one). */
export function isMergeFollower(cell: ExcelJS.Cell): boolean {
  return cell.isMerged && cell.master.address !== cell.address;
}

/** `range.values` of one cell: formulas give their cached result, dates their serial, errors their code. */
export function officeValueOf(cell: ExcelJS.Cell): OfficeValue {
  if (isMergeFollower(cell)) return '';
  return plainValue(cell.value);
}

function plainValue(value: ExcelJS.CellValue | undefined): OfficeValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return dateToSerial(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((run) => run.text).join('');
    if ('error' in value) return value.error;
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null) return '';
      if (typeof result === 'object' && result !== null && 'error' in result) return (result as { error: string }).error;
      return plainValue(result as ExcelJS.CellValue);
    }
    if ('text' in value) {
      const t = (value as { text: unknown }).text;
      return typeof t === 'string' ? t : plainValue(t as ExcelJS.CellValue);
    }
  }
  return String(value);
}

/** True when the cell holds anything `getUsedRange(true)` counts as a value. */
export function hasValue(cell: ExcelJS.Cell): boolean {
  if (isMergeFollower(cell)) return false;
  const v = cell.value;
  return v !== null && v !== undefined && v !== '';
}

/** True when the cell carries formatting `getUsedRange()` (without valuesOnly) counts. */
export function hasFormat(cell: ExcelJS.Cell): boolean {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return Boolean((fill && fill.pattern && fill.pattern !== 'none') || cell.font || cell.border || cell.numFmt);
}

export function numberFormatOf(cell: ExcelJS.Cell): string {
  return cell.numFmt || 'General';
}

/**
 * Excel's coercion of a value written through `range.values` (as when typed): on a cell formatted as text
 * ('@') a string stays exactly as given; otherwise a leading `=`, or `+ - @` before something that is not a
 * plain number, makes a formula, and a plain number string becomes a number. '' clears the cell.
 */
export function coerceWrittenValue(value: OfficeValue, numberFormat: string): ExcelJS.CellValue {
  if (typeof value !== 'string') return value;
  if (value === '') return null;
  if (numberFormat === '@') return value;
  const trimmed = value.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return Number(trimmed);
  if (/^[=+\-@]/.test(value)) return { formula: value.replace(/^[=@]/, ''), result: undefined } as ExcelJS.CellFormulaValue;
  return value;
}

/** An ExcelJS colour as '#RRGGBB' (ARGB, theme + tint, or legacy index), or null for automatic/system. */
export function colourHex(colour: Partial<ExcelJS.Color> | undefined): string | null {
  return resolveColour(colour, OFFICE_THEME);
}

/** Office.js fill pattern names for ExcelJS pattern names. */
const PATTERN_NAMES: Record<string, string> = {
  none: 'None',
  solid: 'Solid',
  darkGray: 'Gray75',
  mediumGray: 'Gray50',
  lightGray: 'Gray25',
  gray125: 'Gray16',
  gray0625: 'Gray8',
  darkHorizontal: 'Horizontal',
  darkVertical: 'Vertical',
  darkDown: 'Down',
  darkUp: 'Up',
  darkGrid: 'Checker',
  darkTrellis: 'SemiGray75',
  lightHorizontal: 'LightHorizontal',
  lightVertical: 'LightVertical',
  lightDown: 'LightDown',
  lightUp: 'LightUp',
  lightGrid: 'Grid',
  lightTrellis: 'CrissCross',
};

export function officePattern(excelJsPattern: string): string {
  return PATTERN_NAMES[excelJsPattern] ?? 'Solid';
}

export function excelJsPattern(officePatternName: string): string {
  for (const [k, v] of Object.entries(PATTERN_NAMES)) if (v === officePatternName) return k;
  return 'solid';
}

export interface CellColours {
  /**
   * What `format.fill.color` reports: '#FFFFFF' for no fill, as real Excel does (office-js #4900, #6218); for a
   * gradient its first stop's colour (the reference says nothing here; the adapter does not rely on it).
   */
  fill: string;
  /** 'None', 'Solid', 'LinearGradient', 'RectangularGradient' or another Office.js FillPattern (ExcelApi 1.9). */
  pattern: string;
  /**
   * `format.fill.tintAndShade` (1.9): null for no fill, a number for any fill, white included — the signal
   * Microsoft gives for telling them apart (office-js #4900).
   */
  tintAndShade: number | null;
  /** Pattern colour, or null when there is none (ExcelApi 1.9). */
  patternColor: string | null;
  /** What `format.font.color` reports: '#000000' for the automatic colour. */
  font: string;
}

/** A theme colour's tint (ExcelJS keeps it beside the theme index); 0 for a plain RGB colour. */
function tintOf(colour: Partial<ExcelJS.Color> | undefined): number {
  const tint = (colour as { tint?: unknown } | undefined)?.tint;
  return typeof tint === 'number' ? tint : 0;
}

export const NO_FILL_COLOURS: CellColours = { fill: '#FFFFFF', pattern: 'None', tintAndShade: null, patternColor: null, font: '#000000' };

export function cellColours(cell: ExcelJS.Cell): CellColours {
  const font = colourHex(cell.font?.color) ?? '#000000';
  if (cell.fill?.type === 'gradient') {
    // Office.js names the two kinds of gradient fill in Excel.FillPattern: linear (an angle) and rectangular (a path).
    const gradient = cell.fill as ExcelJS.FillGradientAngle | ExcelJS.FillGradientPath;
    return {
      fill: colourHex(gradient.stops?.[0]?.color) ?? '#FFFFFF',
      pattern: gradient.gradient === 'path' ? 'RectangularGradient' : 'LinearGradient',
      tintAndShade: 0,
      patternColor: null,
      font,
    };
  }
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  if (!fill || fill.type !== 'pattern' || !fill.pattern || fill.pattern === 'none') return { ...NO_FILL_COLOURS, font };
  if (fill.pattern === 'solid') {
    return { fill: colourHex(fill.fgColor) ?? '#FFFFFF', pattern: 'Solid', tintAndShade: tintOf(fill.fgColor), patternColor: null, font };
  }
  // A patterned fill: the background shows through the pattern drawn in the foreground colour.
  return {
    fill: colourHex(fill.bgColor) ?? '#FFFFFF',
    pattern: officePattern(fill.pattern),
    tintAndShade: tintOf(fill.bgColor),
    patternColor: colourHex(fill.fgColor),
    font,
  };
}

export function argb(hex: string): string {
  const colour = normaliseColour(hex);
  if (!colour) throw new RangeError(`Not a colour: ${hex}`);
  return `FF${colour.slice(1)}`;
}
