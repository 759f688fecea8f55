/**
 * Cell values as Office.js gives and takes them. It hands over dates as serial numbers (the cell's number
 * format is what makes them dates), error results as their code strings, and blanks as ''; it stores a string
 * as typed text only under the text format.
 */
import { isExcelDateSerial, isoToSerial, isValidIsoDate, serialToIso } from '../../domain/dates';
import type { SpecStyle, SpecValue } from '../../domain/sheet-spec';
import type { CellValue } from '../../domain/types';
import { invalidDate } from './refusals';

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

export interface OfficeWrite {
  value: string | number;
  /** null leaves the cell's number format as it is. */
  format: string | null;
}

const DEFAULT_DATE_FORMAT = 'yyyy-mm-dd';

/**
 * A value as Office.js must receive it to store exactly that value: strings under the text format '@', so
 * `=SUM(A1)`, `+86…`, `-`, `@x`, `2022-09-15` or `001` stay the very string; dates as serials under a date
 * format; blanks as '' (null in a values array would leave the old value in place).
 */
export function officeWrite(v: SpecValue, style: SpecStyle): OfficeWrite {
  if (v === null) return { value: '', format: style.numberFormat ?? null };
  if (typeof v === 'string') return { value: v, format: '@' };
  if (typeof v === 'number') return { value: v, format: style.numberFormat ?? 'General' };
  if (!isValidIsoDate(v.date)) throw invalidDate(v.date);
  return { value: isoToSerial(v.date), format: style.numberFormat ?? DEFAULT_DATE_FORMAT };
}
