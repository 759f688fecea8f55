/**
 * How 任务分工 documents number things: sections 一、二、…, subsections （一）（二）…, measures 1. 2、 3．（4）(5).
 * Recognising the numbers tells headings from measures; checking their sequence finds rows lost in copying.
 */
import { toHalfWidth } from './text';

const CHINESE_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 一 → 1, 十 → 10, 十七 → 17, 二十三 → 23, 一百零五 → 105; null when not a Chinese numeral. */
export function parseChineseNumeral(s: string): number | null {
  if (!s || !/^[零〇一二两三四五六七八九十百]+$/.test(s)) return null;
  let total = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch === '百' || ch === '十') {
      const unit = ch === '百' ? 100 : 10;
      if (digit === 0 || (ch === '百' && total >= 100) || (ch === '十' && total % 100 >= 10)) return null;
      total += (digit < 0 ? 1 : digit) * unit;
      digit = -1;
    } else {
      if (digit > 0) return null; // two digits in a row (一二) is not a numeral
      digit = CHINESE_DIGITS[ch];
    }
  }
  if (digit > 0) total += digit;
  return total > 0 ? total : null;
}

// Texts are matched in half-width form: （一） → (一), １． → 1. (toHalfWidth keeps the length, so a prefix
// length found on the half-width text cuts the original text at the same place).
const SECTION_HEADING = /^([零〇一二两三四五六七八九十百]+)\s*[、.,]/;
const SUBSECTION_HEADING = /^\(\s*([零〇一二两三四五六七八九十百]+)\s*\)/;
const BARE_CHINESE_NUMERAL = /^([零〇一二两三四五六七八九十百]+)$/;
// A digit after the point is a decimal (1.5倍), except a year that opens the measure (1.2017年10月底前…).
const MEASURE_NUMBER = /^\s*(\d{1,4})\s*(?:[.、](?!\d)|[.、](?=(?:19|20)\d{2}\s*年)|\)|）)\s*|^\s*\(\s*(\d{1,4})\s*\)\s*/;
const NUMBER_CELL = /^\s*(\d{1,4})\s*[.、]?\s*$/;

export type HeadingLevel = 'section' | 'subsection';

export interface Heading {
  level: HeadingLevel;
  /** The numeral's value, e.g. 17 for （十七）. */
  value: number;
}

/** `一、…` is a section heading, `（一）…` a subsection heading; anything else null. */
export function headingOf(text: string): Heading | null {
  const half = toHalfWidth(text.length > 24 ? text.slice(0, 24) : text);
  const sub = SUBSECTION_HEADING.exec(half);
  if (sub) {
    const value = parseChineseNumeral(sub[1]);
    return value === null ? null : { level: 'subsection', value };
  }
  const sec = SECTION_HEADING.exec(half) ?? (text.length <= 24 ? BARE_CHINESE_NUMERAL.exec(half.trim()) : null);
  if (sec) {
    const value = parseChineseNumeral(sec[1]);
    return value === null ? null : { level: 'section', value };
  }
  return null;
}

export interface MeasureNumber {
  /** The number as printed ('12'). */
  no: string;
  value: number;
  /** The text after the number. */
  rest: string;
}

/** `1.切实…`, `1、`, `1．`, `（1）`, `(1)`, `1）` → the number and the text after it; null when unnumbered. */
export function measureNumberOf(text: string): MeasureNumber | null {
  // Only the start can hold the number; toHalfWidth keeps lengths, so the match length cuts the original.
  const m = MEASURE_NUMBER.exec(toHalfWidth(text.slice(0, 16)));
  if (!m) return null;
  const digits = m[1] ?? m[2];
  return { no: String(Number(digits)), value: Number(digits), rest: text.slice(m[0].length).trim() };
}

/**
 * A measure printed with a heading's numeral (`一、加强…`, `（一）加强…`) on a row that also holds its units or
 * deadline: the numeral is its number, the rest its text.
 */
export function chineseMeasureNumberOf(text: string): MeasureNumber | null {
  const half = toHalfWidth(text.slice(0, 16));
  const m = SUBSECTION_HEADING.exec(half) ?? SECTION_HEADING.exec(half);
  const value = m ? parseChineseNumeral(m[1]) : null;
  if (!m || value === null) return null;
  return { no: String(value), value, rest: text.slice(m[0].length).trim() };
}

/** A 序号 cell: `12`, `12.`, `12、` → 12; anything else null. */
export function numberCellValue(text: string): number | null {
  const m = NUMBER_CELL.exec(toHalfWidth(text));
  return m ? Number(m[1]) : null;
}

export type NumberingProblem =
  | { kind: 'duplicate'; value: number }
  | { kind: 'gap'; expected: number; value: number };

/**
 * Checks one numbering sequence. Numbers must go up by one; a sequence may start again at 1 where the
 * caller says a new scope began (measures restart per section in some documents, subsections in others —
 * and run on across sections in others, as the 2022 两江新区 document does: both are normal).
 * The first number is not checked: an extract of a longer table legitimately starts mid-way.
 */
export class NumberingTracker {
  private last: number | null = null;
  private seen = new Set<number>();
  private newScope = false;

  /** A new section (or subsection) began: a restart at 1 is allowed once. */
  scopeChanged(): void {
    this.newScope = true;
  }

  next(value: number): NumberingProblem | null {
    const restart = value === 1 && this.newScope;
    this.newScope = false;
    if (this.last === null || restart) {
      this.seen = new Set([value]);
      this.last = value;
      return null;
    }
    const expected = this.last + 1;
    let problem: NumberingProblem | null = null;
    if (this.seen.has(value)) problem = { kind: 'duplicate', value };
    else if (value !== expected) problem = { kind: 'gap', expected, value };
    this.seen.add(value);
    this.last = value;
    return problem;
  }
}

const CHINESE_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 17 → 十七, 23 → 二十三 (for messages about section numerals; up to 99). */
export function chineseNumeral(n: number): string {
  if (n <= 0 || n >= 100 || !Number.isInteger(n)) return String(n);
  if (n < 10) return CHINESE_NUMERALS[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : CHINESE_NUMERALS[tens]}十${CHINESE_NUMERALS[n % 10]}`;
}
