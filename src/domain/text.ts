/**
 * Shared text normalisation for cell contents.
 *
 * Clerks type on Chinese IMEs, paste from Word and WeChat, and receive sheets from many offices, so the
 * same word arrives as `（一）` or `(一)`, `２０２２` or `2022`, with stray double spaces, non-breaking
 * spaces or invisible zero-width characters. Parsers compare the normalised form; what is shown to the
 * clerk stays as written (only trimmed and cleaned of invisible characters).
 *
 * Every function here runs once per cell on sheets of 100 000 rows: regexes are compiled once, and each
 * function returns its input unchanged (no allocation) when there is nothing to do.
 */
import type { CellValue } from './types';

/**
 * Invisible characters that only ever get into a cell by accident: C0 controls except tab/newline/CR
 * (handled separately), DEL and C1 controls, soft hyphen, zero-width space/joiners, direction marks and
 * embeddings, word joiner and friends, and the byte-order mark.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
// eslint-disable-next-line no-control-regex
const NEEDS_CLEANING = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/;
const CARRIAGE_RETURN = /\r\n?/g;
const TAB = /\t/g;

/** Full-width ASCII variants (！ … ～) and the ideographic space. */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;
const FULL_WIDTH_G = /[\uFF01-\uFF5E\u3000]/g;
const FULL_WIDTH_OFFSET = 0xfee0;

/** Horizontal white space of every width (not newlines: line breaks in a cell separate items). */
const HORIZONTAL_SPACE = '[ \\t\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]';
const SPACE_RUN = new RegExp(`${HORIZONTAL_SPACE}+`, 'g');
const SPACES_AROUND_NEWLINE = new RegExp(`${HORIZONTAL_SPACE}*\\n[\\s\\u3000]*`, 'g');
const NEEDS_COLLAPSING = new RegExp(
  `${HORIZONTAL_SPACE}{2}|[\\t\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]|${HORIZONTAL_SPACE}\\n|\\n${HORIZONTAL_SPACE}|\\n\\n|^\\s|\\s$`,
);

/**
 * Removes invisible and control characters. Line breaks survive (Windows `\r\n` and old-Mac `\r` become
 * `\n`), and a tab becomes a space, because both separate words that would otherwise run together.
 */
export function stripInvisible(s: string): string {
  if (!NEEDS_CLEANING.test(s)) return s;
  return s.replace(CARRIAGE_RETURN, '\n').replace(TAB, ' ').replace(INVISIBLE, '');
}

/**
 * Full-width ASCII variants to their ASCII form: `２０２２` → `2022`, `：；，（）` → `:;,()`, `Ａ` → `A`,
 * and the ideographic space to a plain space. Chinese punctuation without an ASCII twin (、。《》「」)
 * is left alone: it carries meaning (、 separates units). Character for character: the result has the same
 * length, so a match on it cuts the original at the same positions (numbering.ts relies on this).
 */
export function toHalfWidth(s: string): string {
  if (!FULL_WIDTH.test(s)) return s;
  return s.replace(FULL_WIDTH_G, (ch) => {
    const code = ch.charCodeAt(0);
    return code === 0x3000 ? ' ' : String.fromCharCode(code - FULL_WIDTH_OFFSET);
  });
}

/**
 * Runs of horizontal white space (any width, including NBSP and the ideographic space) become one space;
 * spaces next to a line break and blank lines are dropped; the ends are trimmed. Line breaks are kept
 * because a multi-line cell lists one item per line.
 */
export function collapseSpaces(s: string): string {
  if (!NEEDS_COLLAPSING.test(s)) return s;
  return s.replace(SPACES_AROUND_NEWLINE, '\n').replace(SPACE_RUN, ' ').trim();
}

/** The form parsers compare: invisible characters removed, half-width, spaces collapsed. */
export function normaliseText(s: string): string {
  return collapseSpaces(toHalfWidth(stripInvisible(s)));
}

const ANY_SPACE = /\s+/g;
const HAS_SPACE = /\s/;

/**
 * The normalised form with no white space at all, for comparing words where spaces carry nothing: headers
 * spaced out to fill a cell (`贯  彻  举  措`), dates typed with spaces (`2022 年 9 月`), keys.
 */
export function compactText(s: string): string {
  const normal = normaliseText(s);
  return HAS_SPACE.test(normal) ? normal.replace(ANY_SPACE, '') : normal;
}

/**
 * A cell as display text. Strings are cleaned of invisible characters and trimmed (the clerk's wording is
 * otherwise kept: no width folding); date cells give their ISO date, error cells their code (`#N/A`),
 * numbers `String(n)`, booleans Excel's `TRUE`/`FALSE`, blank cells ''.
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  switch (typeof value) {
    case 'string':
      return stripInvisible(value).trim();
    case 'number':
      return Number.isFinite(value) ? String(value) : '';
    case 'boolean':
      return value ? 'TRUE' : 'FALSE';
    default:
      return value.kind === 'date' ? value.iso : value.code;
  }
}

/** True for a blank cell or one holding only white space / invisible characters. */
export function isBlankCell(value: CellValue): boolean {
  return cellText(value) === '';
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

const escapeControl = (ch: string): string => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * A name from outside (a file name, a sheet name) as it may be shown: control characters — a terminal escape,
 * a bell, a carriage return that overwrites the line, a direction override that reverses it — become visible
 * \uXXXX escapes, so what is shown is what is there and a terminal or a cell never acts on them.
 */
export function visibleName(s: string): string {
  return s.replace(CONTROL, escapeControl);
}

/** Output text: the same escapes, but newlines and tabs (the output's own layout) are kept. */
export function visibleOutput(s: string): string {
  return s.replace(CONTROL_EXCEPT_LINES, escapeControl);
}

/**
 * The UTF-8 bytes of a text (a CJK character is 3, one beyond the BMP 4; a lone surrogate 3, as its replacement
 * character). By char code, not by iterating code points: it measures whole request payloads.
 */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(s.charCodeAt(i + 1))) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function utf8Bytes(ch: string): number {
  const code = ch.codePointAt(0)!;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/** The text cut (by whole characters, never half a surrogate pair) to at most `bytes` UTF-8 bytes. */
export function cutToUtf8Bytes(s: string, bytes: number): string {
  let used = 0;
  let end = 0;
  for (const ch of s) {
    used += utf8Bytes(ch);
    if (used > bytes) break;
    end += ch.length;
  }
  return s.slice(0, end);
}
