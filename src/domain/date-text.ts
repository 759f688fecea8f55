/**
 * Finding the dates a clerk wrote in free Chinese text: 9月30日前, 2022年6月底前, 到2023年底, 2022.9.30,
 * 第三季度, 上半年, 年底前, 十二月底前 … Shared by the deadline parser (完成时限) and the status parser
 * (已于7月20日完成).
 *
 * The text is first put in a "compact" form: invisible characters removed, full-width folded, all white space
 * dropped (Chinese has no meaningful spaces: `2022 年 9 月 30 日`), and Chinese numerals that count months,
 * days, quarters or years turned into digits (十二月 → 12月, 二〇二二年 → 2022年, 第三季度 → 第3季度).
 * Then one precompiled regex walks it left to right and each match becomes a {@link DateMention}.
 */
import { endOfMonth, isoFromParts, isLeapYear } from './dates';
import { namedGroupPattern } from './named-groups';
import { compactText } from './text';
import type { LocalText } from './types';

/** How precisely a mention names its day; a deadline always resolves to the last day of the span named. */
export type MentionPrecision = 'day' | 'month' | 'quarter' | 'half' | 'year';

export interface DateMention {
  /** Position of the mention in the compact text, and just past it. */
  index: number;
  end: number;
  /** The latest day the mention allows (ISO), or null when it names an impossible date. */
  due: string | null;
  /** The year as written (or carried over from an earlier mention in the same text), else null. */
  year: number | null;
  precision: MentionPrecision;
  /** Why the date is impossible (2月30日, 13月), when `due` is null. */
  reason?: LocalText;
  /** Followed by 起/后/以后/之后/开始: a start, not a deadline. */
  isStart: boolean;
  /** Followed by 前/之前/以前: a limit ("by then"), not the day something happened. */
  before: boolean;
  /** A bare `M.D` / `M/D` with no year, month or day word: only trusted where the caller expects a date. */
  loose: boolean;
}

/** Chinese numeral runs that count something date-like (a month, a day, a quarter, a year, working days). */
const CHINESE_NUMERAL_RUN = /[零〇○一二两三四五六七八九十廿卅]+(?=月|日|号|季|个|天|年|周|半)/g;
const HAS_CHINESE_NUMERAL = /[零〇○一二两三四五六七八九十廿卅](?:月|日|号|季|个|天|年|周|半)/;
const DIGIT_OF: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
/**
 * A numeral run only counts when what precedes it is not part of a word: 统一月度 is 统一 + 月度, not January.
 * Allowed before it: the start, a non-CJK character, 年/月 (二〇二二年九月三十日), or one of these function characters.
 */
const NUMERAL_MAY_FOLLOW = new Set('第每到至于在年月前后及和或与、今本当次明翌约共计'.split(''));

function isCjkIdeograph(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 0x4e00 && c <= 0x9fff;
}

/** 十二 → 12, 三十一 → 31, 二十 → 20, 廿五 → 25, 二〇二二 → 2022; null when it is not a plain number. */
function chineseNumeralValue(run: string): number | null {
  if (/^[零〇○一二两三四五六七八九]+$/.test(run)) {
    let n = 0;
    for (const ch of run) n = n * 10 + DIGIT_OF[ch];
    return n;
  }
  const m = /^([一二两三四五六七八九])?(十|廿|卅)([一二三四五六七八九])?$/.exec(run);
  if (!m) return null;
  const tens = m[2] === '廿' ? 2 : m[2] === '卅' ? 3 : m[1] ? DIGIT_OF[m[1]] : 1;
  if ((m[2] === '廿' || m[2] === '卅') && m[1]) return null;
  return tens * 10 + (m[3] ? DIGIT_OF[m[3]] : 0);
}

function replaceChineseNumerals(s: string): string {
  if (!HAS_CHINESE_NUMERAL.test(s)) return s;
  return s.replace(CHINESE_NUMERAL_RUN, (run: string, offset: number) => {
    const before = offset > 0 ? s[offset - 1] : '';
    if (before && isCjkIdeograph(before) && !NUMERAL_MAY_FOLLOW.has(before)) return run;
    const value = chineseNumeralValue(run);
    return value === null ? run : String(value);
  });
}

/** The form {@link scanDates} reads: normalised, without white space, Chinese date numerals as digits. */
export function compactDateText(text: string): string {
  return replaceChineseNumerals(compactText(text));
}

/*
 * One alternation, most specific first: at a given position the regex engine tries the alternatives in
 * order, so `2022年9月30日` is read whole before `2022年9月` or `2022年` could match. Each alternative has its
 * own named groups. Every quantifier is bounded or over a single character class: no backtracking blow-up
 * on 30 000-character cells. Compiled without named-group syntax (see named-groups.ts) for the lite pane.
 */
const DATE_MENTION = namedGroupPattern(
  [
    // 2022年9月30日 · 2022年9月30号 · 2022年9月30
    '(?<fy>\\d{4})年(?<fm>\\d{1,2})月(?<fd>\\d{1,2})(?:日|号)?',
    // 2022-09-30 · 2022/9/30 · 2022.9.30 (the same separator twice)
    '(?<sy>\\d{4})(?<sep>[-/.])(?<sm>\\d{1,2})\\k<sep>(?<sd>\\d{1,2})(?!\\d)',
    // 20220930
    '(?<cy>(?:19|20)\\d{2})(?<cm>[01]\\d)(?<cd>[0-3]\\d)(?!\\d)',
    // 2022年第3季度末 · 2022年3季度
    '(?<qy>\\d{4})年(?:第)?(?<qq>[1-4])(?:季度|季)(?<qyend>末|底)?',
    // 2022年上半年 · 2022年下半年
    '(?<hy>\\d{4})年(?<hh>[上下])半年',
    // 2022年6月底 · 2022年10月 · 2022年6月份 · 2022年6月中旬
    '(?<my>\\d{4})年(?<mm>\\d{1,2})月(?:份)?(?<mpart>底|末|中旬|上旬|下旬|初|中)?',
    // 2022-09 · 2022.9 (year and month only)
    '(?<ny>\\d{4})[-/.](?<nm>\\d{1,2})(?![\\d.\\-/])',
    // 2022年底 · 2020年年底 · 2023年末 · 2022年内 · 2022年度 · 2022年
    '(?<ey>\\d{4})年(?:年|度)?(?<epart>底|末|终|内)?',
    // 9月30日 · 9月30号 · 9月30
    '(?<dm>\\d{1,2})月(?<dd>\\d{1,2})(?:日|号)?',
    // 6月底 · 6月末 · 6月份 · 6月中旬 · 9月
    '(?<om>\\d{1,2})月(?:份)?(?<opart>底|末|中旬|上旬|下旬|初|中)?',
    // 9.30 · 9/30
    '(?<pm>\\d{1,2})[./](?<pd>\\d{1,2})(?![\\d.\\-/])',
    // 第3季度 · 1季度末 · 3季末
    '(?:第)?(?<q>[1-4])(?:季度|季)(?<qend>末|底)?',
    // 上半年 · 下半年 · 年中
    '(?<h>[上下])半年',
    '(?<mid>年中)',
    // 年底 · 年末 · 年内 · 年终 · 今年底 · 本年度内 · 当年底
    '(?<ye>(?:今|当|本)?年度?(?:底|末|终|内))',
  ].join('|'),
  'g',
);

const DIGIT = /\d/;
/** Without a digit, 年 (年底, 上半年) or 季 there is no date to find. */
const DATE_WORD = /[年季]/;
const START_SUFFIX = /^(?:起|后|以后|之后|开始|至今)/;
const BEFORE_SUFFIX = /^(?:前|之前|以前)/;
const NEXT_YEAR_PREFIX = /(?:次年|明年|翌年|下一年|下年度?)$/;

const invalidMonth = (month: number): LocalText => ({ zh: `没有${month}月`, en: `there is no month ${month}` });
function invalidDay(year: number, month: number, day: number): LocalText {
  if (month === 2 && day === 29 && !isLeapYear(year)) {
    return { zh: `${year}年不是闰年，2月没有29日`, en: `${year} is not a leap year: February has no 29th` };
  }
  return { zh: `${month}月没有${day}日`, en: `month ${month} has no day ${day}` };
}

function dayMention(year: number, month: number, day: number): Pick<DateMention, 'due' | 'reason'> {
  if (month < 1 || month > 12) return { due: null, reason: invalidMonth(month) };
  const due = isoFromParts(year, month, day);
  return due ? { due } : { due: null, reason: invalidDay(year, month, day) };
}

/** Last day of a month, or of the part of it named (上旬 → 10th, 中旬/月中 → 20th/15th). */
function monthMention(year: number, month: number, part: string | undefined, before: boolean): Pick<DateMention, 'due' | 'reason'> {
  if (month < 1 || month > 12) return { due: null, reason: invalidMonth(month) };
  // `9月前` (no 底/末) reads literally, as in 公文: before September begins, i.e. by 31 August.
  if (before && part === undefined) return { due: month === 1 ? isoFromParts(year - 1, 12, 31) : endOfMonth(year, month - 1) };
  switch (part) {
    case '上旬':
    case '初':
      return { due: isoFromParts(year, month, 10) };
    case '中':
      return { due: isoFromParts(year, month, 15) };
    case '中旬':
      return { due: isoFromParts(year, month, 20) };
    default:
      return { due: endOfMonth(year, month) };
  }
}

const quarterEnd = (year: number, quarter: number): string | null => endOfMonth(year, quarter * 3);

/**
 * Every date mentioned in a compact text ({@link compactDateText}), in order. A mention without a year takes
 * the year of the latest mention before it that has one (`2023年3月启动，6月底前完成` → 2023-06-30; with 次年
 * in front, the year after), else `planYear`.
 */
export function scanDates(compact: string, planYear: number): DateMention[] {
  const mentions: DateMention[] = [];
  if (!DIGIT.test(compact) && !DATE_WORD.test(compact)) return mentions;
  let contextYear: number | null = null;
  const mentionRegex = DATE_MENTION.regex;
  mentionRegex.lastIndex = 0;
  for (let m = mentionRegex.exec(compact); m !== null; m = mentionRegex.exec(compact)) {
    const index = m.index;
    const end = index + m[0].length;
    // Part of a longer number (a document number, 112月): not a date.
    if (index > 0 && DIGIT.test(compact[index - 1])) continue;
    const g = DATE_MENTION.groups(m);
    const after = compact.slice(end, end + 3);
    const before = BEFORE_SUFFIX.test(after);
    const isStart = START_SUFFIX.test(after);
    const explicitYear = Number(g.fy ?? g.sy ?? g.cy ?? g.qy ?? g.hy ?? g.my ?? g.ny ?? g.ey ?? NaN);
    let year: number | null = Number.isNaN(explicitYear) ? null : explicitYear;
    if (year === null && contextYear !== null) {
      year = NEXT_YEAR_PREFIX.test(compact.slice(Math.max(0, index - 3), index)) ? contextYear + 1 : contextYear;
    } else if (year === null && NEXT_YEAR_PREFIX.test(compact.slice(Math.max(0, index - 3), index))) {
      year = planYear + 1;
    }
    const y = year ?? planYear;
    let found: Pick<DateMention, 'due' | 'reason'>;
    let precision: MentionPrecision = 'day';
    let loose = false;
    if (g.fy !== undefined) found = dayMention(y, Number(g.fm), Number(g.fd));
    else if (g.sy !== undefined) found = dayMention(y, Number(g.sm), Number(g.sd));
    else if (g.cy !== undefined) {
      found = dayMention(y, Number(g.cm), Number(g.cd));
      if (!found.due) continue; // eight digits that are no date: a number, not a mistyped date
    } else if (g.qy !== undefined || g.q !== undefined) {
      precision = 'quarter';
      const quarter = Number(g.qq ?? g.q);
      // `三季度前` (no 末) reads literally, like `9月前`: before the quarter begins.
      const literalBefore = before && g.qyend === undefined && g.qend === undefined;
      found = { due: literalBefore ? (quarter === 1 ? isoFromParts(y - 1, 12, 31) : quarterEnd(y, quarter - 1)) : quarterEnd(y, quarter) };
    } else if (g.hy !== undefined || g.h !== undefined) {
      precision = 'half';
      found = { due: (g.hh ?? g.h) === '上' ? isoFromParts(y, 6, 30) : isoFromParts(y, 12, 31) };
    } else if (g.mid !== undefined) {
      precision = 'half';
      found = { due: isoFromParts(y, 6, 30) };
    } else if (g.my !== undefined) {
      precision = 'month';
      found = monthMention(y, Number(g.mm), g.mpart, before);
    } else if (g.ny !== undefined) {
      precision = 'month';
      const month = Number(g.nm);
      if (month < 1 || month > 12) continue; // 2022.13 is more likely a number than a month
      found = monthMention(y, month, undefined, before);
    } else if (g.ey !== undefined) {
      precision = 'year';
      // `2023年前` reads literally: before 2023 begins.
      found = { due: before && g.epart === undefined ? isoFromParts(y - 1, 12, 31) : isoFromParts(y, 12, 31) };
    } else if (g.dm !== undefined) {
      found = dayMention(y, Number(g.dm), Number(g.dd));
    } else if (g.om !== undefined) {
      precision = 'month';
      found = monthMention(y, Number(g.om), g.opart, before);
    } else if (g.pm !== undefined) {
      loose = true;
      const month = Number(g.pm);
      const day = Number(g.pd);
      // 0.5, 13.2 or 9.45 is a number; only a plausible month.day is read as a date at all.
      if (month < 1 || month > 12 || day < 1 || day > 31) continue;
      found = dayMention(y, month, day);
    } else {
      precision = 'year';
      found = { due: isoFromParts(y, 12, 31) };
    }
    if (found.due === null && found.reason === undefined) {
      found = { due: null, reason: { zh: `${y}年不是有效年份`, en: `${y} is not a valid year` } };
    }
    if (!Number.isNaN(explicitYear)) contextYear = explicitYear;
    mentions.push({ index, end, due: found.due, year, precision, reason: found.reason, isStart, before, loose });
  }
  return mentions;
}
