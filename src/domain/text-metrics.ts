/**
 * How much room text takes in a spreadsheet cell, estimated without a font renderer. Hosts do not auto-fit
 * rows whose text wraps (ExcelJS never measures; Excel does not re-fit on open, LibreOffice only sometimes),
 * so every sheet the product writes — and every sample it ships — sets row heights from these estimates.
 *
 * Units follow Excel: column widths in characters (the width of a digit at 11 pt), heights in points.
 * A CJK or full-width character is about as wide as two digits.
 */

/** The font size column widths are measured in (Excel's default body font). */
export const BASE_FONT_SIZE = 11;
/** Excel refuses taller rows. */
export const MAX_ROW_HEIGHT = 409;
/** Space above and below the text inside a cell, in points. */
export const DEFAULT_ROW_PADDING = 4;
/**
 * Line pitch as a multiple of the font size. CJK fonts are tall: Noto Sans CJK (LibreOffice's usual stand-in
 * for 仿宋/宋体) spaces lines at about 1.45 em, the Windows CJK fonts at 1.2–1.35 em; the larger figure keeps
 * wrapped lines from running into the next row wherever the file is opened or printed.
 */
const LINE_PITCH_EM = 1.45;

/** U+20000–U+3FFFD (CJK Extensions B onward) spelt as surrogate pairs: the lite pane's ES5 engines lack the u flag. */
const WIDE_CHAR = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\uD840-\uD8BE][\uDC00-\uDFFF]|\uD8BF[\uDC00-\uDFFD]/;

/** Display width in character units: CJK and full-width characters count two, everything else one. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE_CHAR.test(ch) ? 2 : 1;
  return w;
}

/**
 * Printed lines of wrapped text in a cell `widthChars` wide, at least one per explicit line break. A font
 * larger than 11 pt fits proportionally fewer characters; one character of the width is kept for the cell's
 * inner margins and for words that do not break exactly at the edge.
 */
export function wrappedLines(s: string, widthChars: number, fontSize: number = BASE_FONT_SIZE): number {
  const usable = Math.max(1, (widthChars - 1) * (BASE_FONT_SIZE / fontSize));
  return s.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
}

/** Points from one line of text to the next at `fontSize`, rounded up to a quarter point. */
export function lineHeight(fontSize: number = BASE_FONT_SIZE): number {
  return Math.ceil(fontSize * LINE_PITCH_EM * 4) / 4;
}

/** The height in points of a row showing `lines` lines at `fontSize`, capped at Excel's maximum. */
export function rowHeightFor(lines: number, fontSize: number = BASE_FONT_SIZE, padding: number = DEFAULT_ROW_PADDING): number {
  return Math.min(MAX_ROW_HEIGHT, Math.max(1, lines) * lineHeight(fontSize) + padding);
}

/** The row height that shows `text` wrapped in a cell `widthChars` wide at `fontSize`. */
export function fittedRowHeight(text: string, widthChars: number, fontSize: number = BASE_FONT_SIZE, padding: number = DEFAULT_ROW_PADDING): number {
  return rowHeightFor(wrappedLines(text, widthChars, fontSize), fontSize, padding);
}
