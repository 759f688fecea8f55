/**
 * How a unit name is written down, reduced to one form.
 *
 * Unit cells arrive typed on Chinese IMEs, pasted from Word or WeChat and edited by many offices, so the
 * same unit shows up as `社会发展局 `, `社 会 发 展 局`, `社会发展局等`, `区社会发展局。` or with full-width
 * letters and a zero-width space inside. `normaliseUnitName` gives the form shown in findings and compared
 * by the engine; `unitMatchKey` is the looser form the directory matches on (it also drops place prefixes
 * such as 两江新区 / 区, which must never change what the clerk sees).
 */
import { normaliseText } from '../text';

/** Opening and closing brackets of every width and kind a unit cell may carry. Any opener pairs with any
 * closer, because clerks mix widths (`各县（市、区)`). ASCII `"` is left out: it cannot say which side it is. */
const OPENERS = new Set([...'(（[［【〔〖《〈「『“‘{｛']);
const CLOSERS = new Set([...')）]］】〕〗》〉」』”’}｝']);

/**
 * Marks the characters lying inside a matched bracket pair (the brackets included). A bracket that never
 * finds its partner protects nothing, so one stray `（` cannot glue the rest of a cell into a single unit.
 * Linear in the length of `s`.
 */
export function insideBrackets(s: string): Uint8Array {
  const n = s.length;
  const inside = new Uint8Array(n);
  let stack: number[] | null = null;
  // Coverage counts: +1 where a pair opens, -1 just after it closes; a running sum > 0 means inside.
  let delta: Int32Array | null = null;
  for (let i = 0; i < n; i++) {
    const ch = s[i];
    if (OPENERS.has(ch)) {
      (stack ??= []).push(i);
    } else if (CLOSERS.has(ch) && stack && stack.length > 0) {
      const open = stack.pop() as number;
      delta ??= new Int32Array(n + 1);
      delta[open] += 1;
      delta[i + 1] -= 1;
    }
  }
  if (delta) {
    let depth = 0;
    for (let i = 0; i < n; i++) {
      depth += delta[i];
      if (depth > 0) inside[i] = 1;
    }
  }
  return inside;
}

/** `X等`, `X等单位`, `X等有关部门`, `X等3个单位`: the 等 clause says "and others", it is not part of a name. */
/** Captures the character before 等 (the clause never starts a name) to put it back: no lookbehind in ES5. */
const TRAILING_DENG = /(.)等(?:[0-9一二三四五六七八九十百]+(?:个|家))?(?:相关|有关)?(?:单位|部门|机构)?$/;
/** A cell holding only such a clause (what is left of `…、等`): not a unit at all. */
export const ONLY_DENG = /^等(?:[0-9一二三四五六七八九十百]+(?:个|家))?(?:相关|有关)?(?:单位|部门|机构)?$/;
/** Separators and sentence punctuation left at either end after splitting or pasting. */
const LEADING_JUNK = /^[\s、，；：。.!！?？·•…]+/;
const TRAILING_JUNK = /[\s、，；：。.!！?？·•…]+$/;
const ANY_WHITE_SPACE = /\s+/g;
/** A space beside anything but printable ASCII (Chinese characters, CJK punctuation) is layout, not content. */
const SPACE_BEFORE_WIDE = / (?=[^ -~])/g;
/** Keeps the wide character ($1) and drops the space after it (no lookbehind in ES5; a space never precedes another match). */
const SPACE_AFTER_WIDE = /([^ -~]) /g;
/** After width folding: round brackets and the name-internal punctuation go back to the Chinese forms. */
const TO_CJK_PUNCTUATION: Record<string, string> = { '(': '（', ')': '）', ',': '，', ';': '；', ':': '：' };
const ASCII_CJK_PUNCTUATION = /[(),;:]/g;
/** CJK ideographs only, none of them 等 (U+7B49): nothing for normalisation to do. */
const PLAIN_NAME = /^[\u4E00-\u7B48\u7B4A-\u9FFF]+$/;

/**
 * The display form of one unit name: invisible characters gone, full-width letters and digits half-width,
 * round brackets as `（）` (the form of official documents), no spaces next to Chinese characters (names are
 * often space-justified, `社 会 发 展 局`), single spaces between Latin words, a name broken over lines
 * joined, and a trailing `等 / 等单位` and stray punctuation at either end dropped. Idempotent.
 */
export function normaliseUnitName(raw: string): string {
  // Most names are Chinese characters and nothing else: already in display form (the check calls this for
  // every unit of every row).
  if (PLAIN_NAME.test(raw)) return raw;
  let s = normaliseText(raw)
    .replace(ANY_WHITE_SPACE, ' ')
    .replace(ASCII_CJK_PUNCTUATION, (ch) => TO_CJK_PUNCTUATION[ch])
    .replace(SPACE_BEFORE_WIDE, '')
    .replace(SPACE_AFTER_WIDE, '$1');
  // Each strip can expose another (`X等。` → `X等` → `X`); every pass shortens the text, so this ends.
  for (;;) {
    const next = s.replace(LEADING_JUNK, '').replace(TRAILING_JUNK, '').replace(TRAILING_DENG, '$1');
    if (next === s) return s;
    s = next;
  }
}

/**
 * Place and office prefixes a clerk may or may not write in front of a unit's name (`区司法局`,
 * `两江新区经济运行局`, `管委会办公室`, `区级各部门`). Longest first, so `重庆两江新区` goes before `两江新区`
 * and `区级` before `区`.
 */
const MATCHING_PREFIXES = ['重庆市两江新区', '重庆两江新区', '两江新区', '党工委', '管委会', '新区', '区级', '区'];
/** A prefix is dropped only when a real name (two characters or more) remains. */
const MIN_NAME_AFTER_PREFIX = 2;

/**
 * The form the directory matches on: the display form without spaces, lower-cased, with the place and
 * office prefixes above removed (repeatedly: `两江新区管委会办公室` → `办公室`). A matching rule only —
 * never shown and never written back.
 */
export function unitMatchKey(name: string): string {
  const known = MATCH_KEY_OF.get(name);
  if (known !== undefined) return known;
  const key = matchKeyOf(name);
  if (MATCH_KEY_OF.size >= MATCH_KEY_CACHE_SIZE) MATCH_KEY_OF.clear();
  MATCH_KEY_OF.set(name, key);
  return key;
}

/**
 * Keys of names already seen: a sheet of 100 000 measures names its few hundred units hundreds of thousands of
 * times, and each check, directory lookup and spelling comparison asks for the key. Bounded: emptied when full.
 */
const MATCH_KEY_OF = new Map<string, string>();
const MATCH_KEY_CACHE_SIZE = 20_000;

function matchKeyOf(name: string): string {
  const compact = (s: string): string => normaliseUnitName(s).replace(ANY_WHITE_SPACE, '').toLowerCase();
  let key = compact(name);
  for (let stripped = true; stripped; ) {
    stripped = false;
    for (const prefix of MATCHING_PREFIXES) {
      if (!key.startsWith(prefix)) continue;
      // Re-normalised: dropping `区` from `区、X` must not leave the `、` in front.
      const rest = compact(key.slice(prefix.length));
      if (rest.length >= MIN_NAME_AFTER_PREFIX) {
        key = rest;
        stripped = true;
        break;
      }
    }
  }
  return key;
}
