/**
 * Column widths between the product's unit (characters, as ExcelJS, WPS and a SheetSpec give them) and
 * Office.js's (points). Calibri/DengXian 11: 7 px a digit plus 5 px padding, at 0.75 pt a pixel.
 */

/** Characters → points, to two places (what Office.js sets). */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Points → characters, the inverse of charsToPoints before rounding. */
function charsIn(points: number): number {
  return (points / 0.75 - 5) / 7;
}

/** Points → characters, unrounded and never below 0 (the simulator stores it as ExcelJS's width). */
export function exactPointsToChars(points: number): number {
  return Math.max(0, charsIn(points));
}

/** Points → characters, to two places (what the host reports as a sheet's look). */
export function pointsToChars(points: number): number {
  return Math.round(charsIn(points) * 100) / 100;
}
