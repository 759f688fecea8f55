/**
 * Office.js values → domain CellValues. Office.js hands over dates as serial numbers (the cell's number
 * format is what makes them dates), error results as their code strings, and blanks as ''.
 */
import { isExcelDateSerial, serialToIso } from '../../domain/dates';
import type { CellValue } from '../../domain/types';

/**
 * Excel's error values. Typing one of these into a cell makes it an error value too, so a string equal to
 * one of them is read as an error (only text entered with a leading apostrophe could be told apart, and
 * telling it apart would cost a `valueTypes` load of the whole sheet).
 */
const ERROR_CODES = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!']);

/**
 * True when a number format shows a date: after dropping quoted text, escaped characters and bracketed
 * parts (colours, locales, [DBNum1]), its first section still has a day or year code. Elapsed-time and
 * time-only formats ('[h]:mm', 'hh:mm') are not dates.
 */
export function isDateNumberFormat(format: string | null | undefined): boolean {
  if (!format || format === 'General' || format === '@') return false;
  const firstSection = format.split(';')[0];
  const bare = firstSection.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  return /[dy]/i.test(bare) || /^\[\$-F800\]/i.test(firstSection);
}

export function cellValueFromOffice(value: unknown, numberFormat: string | undefined): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'string') return ERROR_CODES.has(value) ? { kind: 'error', code: value } : value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    if (isDateNumberFormat(numberFormat) && isExcelDateSerial(value)) return { kind: 'date', iso: serialToIso(value), serial: value };
    return value;
  }
  if (typeof value === 'boolean') return value;
  return String(value);
}
