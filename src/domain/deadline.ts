/**
 * 完成时限 cells → {@link Deadline}.
 *
 * Kinds, and which wins when a cell says several things (the first that applies):
 *  1. `invalid` — a date that cannot exist (2月30日, 13月1日前, 2023年2月29日); `reason` says why.
 *  2. `date` — a fixed day. Several dates (6月底前完成初稿，9月底前印发) → the LAST one, the final deadline.
 *     A span resolves to its last day: 6月底 → 06-30, 第三季度 → 09-30, 上半年 → 06-30, 年底 → 12-31. A date
 *     without a year takes the year written earlier in the cell, else the plan year. `9月前` / `2023年前`
 *     (no 底) read literally, as in 公文: before that month / year begins. A date followed by 起/以后 is a
 *     start, not a deadline, and is ignored.
 *  3. `periodic` — a recurring deadline: 每月28日前, 每季度末, 按季度, 每年3月31日前, 定期. Its date words
 *     describe the cycle, so they are not read as a fixed date; another clause of the cell can still give
 *     one (每季度报送，年底前完成 → date 12-31). `due` is null: the next occurrence depends on the day asked.
 *  4. `timely` — 及时, 即时, 实时, 第一时间, 立行立改, 即知即改, 20个工作日内, 3个月内: 条例第二十六条 (within
 *     20 working days of the information being formed), or a span counted from a day the sheet does not
 *     give. `due` is null; `addWorkdays(formed, 20)` gives the day once it is known.
 *  5. `ongoing` — 长期开展/执行/坚持, 持续推进, 常态化公开, 全年, 动态更新.
 *  6. `unknown` — blank, or nothing recognisable. Never a guess.
 *
 * `text` is the cell as written (trimmed, invisible characters removed; a date cell or a bare date serial gives
 * its ISO date), so parsing `text` again gives the same result. `year` is the year written for the deadline,
 * when one is written, so the engine can flag a deadline outside the plan year.
 */
import { compactDateText, scanDates, type DateMention } from './date-text';
import { chineseDateIn, EXCEL_PHANTOM_LEAP_DAY, isExcelDateSerial, isoToSerial, isValidIsoDate, serialToIso } from './dates';
import { cellText } from './text';
import type { CellValue, Deadline } from './types';

/** A number in a deadline cell is read as a date serial when it falls in 1990 … 2100 (a date cell that lost its format). */
const PLAUSIBLE_SERIAL_MIN = isoToSerial('1990-01-01');
const PLAUSIBLE_SERIAL_MAX = isoToSerial('2100-12-31');
const EIGHT_DIGIT_DATE = /^(?:19|20)\d{6}$/;

/**
 * A recurring cycle word and the rest of its clause (每年3月31日前报送): the clause describes the cycle, so its
 * date words are masked before dates are looked for. 不定期 is irregular, not periodic.
 */
const PERIODIC_CLAUSE = /(?:每|按|逐)个?(?:年度?|半年|季度?|月度?|月份|周|星期|旬|日|天)[^,;，；。\n]*|(?:^|[^不])定期[^,;，；。\n]*/g;
const HAS_PERIODIC = /(?:每|按|逐)个?(?:年度?|半年|季度?|月度?|月份|周|星期|旬|日|天)|(?:^|[^不])定期/;
/** Month or quarter end with no number: every month / quarter. */
const BARE_CYCLE_END = /季度?(?:末|底)|月(?:末|底)/;
const TIMELY = /及时|即时|实时|随时|第一时间|立即|尽快|立行立改|即知即改|即查即改|同步|当日|当天|\d+个?工作日|\d+个?(?:自然)?(?:日|天)内|\d+个?小时内?|\d+个?(?:月|星期|周)内/;
/** A day range inside one month (3月22日-31日, 4月1日—20日): the deadline is its end. */
const DAY_RANGE = /(\d{1,2})月(\d{1,2})[日号]?[-—–~～至到](\d{1,2})[日号]/g;
/** 2016年开始，3年内完成: a span counted from a start year. */
const YEAR_SPAN = /((?:19|20)\d{2})年(?:起|开始|启动)[^\d]{0,4}?(\d{1,2})年(?:内|时间)?/;
/** Only a start is written (2016年起, 自2016年起): the work goes on from then. */
const START_ONLY = /^(?:自|从)?(?:19|20)\d{2}年(?:\d{1,2}月)?(?:\d{1,2}[日号])?(?:起|开始|以来)(?:长期|持续)?(?:开展|实施|执行|推进)?$/;
/** What may stand between the dates of a list (9月21日、12月9日前; 10月31日和11月30日前). */
const LIST_GLUE = /^(?:前)?[、和及与,，]$/;
/** 6月前 / 6月份前 with no 底/末: read literally, before the month begins. */
const MONTH_BEFORE = /(?:^|[^\d])(\d{1,2})月份?(?:之|以)?前/;
/** 2020年前 / 2020年以前 with no 底/末: read literally, before the year begins. */
const YEAR_BEFORE = /((?:19|20)\d{2})年(?:之|以)?前/;
/** 到2020年 / 至2020年 with no 底: read as the end of that year. */
const TO_YEAR = /(?:到|至)((?:19|20)\d{2})年(?!底|末|\d|[一二三四上下])/;
const ONGOING = /长期|持续|常态|常年|经常|日常|动态|全年|长效|不定期|一直|贯穿/;
/** What may follow a bare `M.D` for it to be read as a date: 前, 日, 号, 止, a clause end or the end of the cell. */
const LOOSE_DATE_FOLLOWER = /^(?:$|前|之前|以前|日|号|止|至|[,;，；。、)\]）-])/;
const MASK = '#';

function maskPeriodicClauses(compact: string): string {
  return compact.replace(PERIODIC_CLAUSE, (clause) => {
    // Keep a character that precedes 定期 (it was consumed only to rule out 不定期).
    const keep = clause.startsWith('定期') || /^[每按逐]/.test(clause) ? '' : clause[0];
    return keep + MASK.repeat(clause.length - keep.length);
  });
}

function deadlineMentions(masked: string, planYear: number): DateMention[] {
  return scanDates(masked, planYear).filter(
    (m) => !m.isStart && (!m.loose || LOOSE_DATE_FOLLOWER.test(masked.slice(m.end, m.end + 2))),
  );
}

function withYear(deadline: Deadline, year: number | null): Deadline {
  if (year !== null) deadline.year = year;
  return deadline;
}

/** Reads the text of a 完成时限 cell. `text` must already be the display text (see {@link cellText}). */
const BEFORE_1900_ISO = /^1[0-8]\d\d-\d\d-\d\d$/;

function parseDeadlineText(text: string, planYear: number): Deadline {
  const written = compactDateText(text);
  if (written === '') return { text, kind: 'unknown', due: null };
  const span = YEAR_SPAN.exec(written);
  if (span && Number(span[2]) >= 1) {
    const end = Number(span[1]) + Number(span[2]) - 1;
    return withYear({
      text, kind: 'date', due: `${end}-12-31`,
      reading: {
        zh: `按“${span[1]}年开始、${span[2]}年内完成”读作 ${end} 年底（${end}-12-31）`,
        en: `read as a span from ${span[1]} over ${span[2]} years, ending ${end}-12-31`,
      },
    }, end);
  }
  if (START_ONLY.test(written)) return { text, kind: 'ongoing', due: null };
  const ranged = written.replace(DAY_RANGE, '$1月$3日');
  const compact = ranged;
  const periodic = HAS_PERIODIC.test(compact);
  const mentions = deadlineMentions(periodic ? maskPeriodicClauses(compact) : compact, planYear);
  const impossible = mentions.find((m) => m.due === null);
  if (impossible) {
    return withYear({ text, kind: 'invalid', due: null, reason: impossible.reason }, impossible.year);
  }
  if (mentions.length > 0) {
    const last = mentions[mentions.length - 1];
    const isList =
      mentions.length > 1 && mentions.every((m, i) => i === 0 || LIST_GLUE.test(compact.slice(mentions[i - 1].end, m.index)));
    if (isList) {
      // Several deadlines side by side: the first one due is the one to watch; all are named.
      const earliest = mentions.reduce((a, b) => ((b.due as string) < (a.due as string) ? b : a));
      const all = mentions.map((m) => m.due as string).join('、');
      return withYear({
        text, kind: 'date', due: earliest.due,
        reading: { zh: `一格写有多个时限（${all}），按最早的${chineseDateIn(earliest.due)}计`, en: `several deadlines in one cell (${all}); the earliest, ${earliest.due}, is used` },
      }, earliest.year);
    }
    const deadline = withYear({ text, kind: 'date', due: last.due }, last.year);
    if (ranged !== written) {
      deadline.reading = { zh: `按时间段的结束日${chineseDateIn(last.due)}计`, en: `a date range: its end, ${last.due}, is used` };
    } else if (MONTH_BEFORE.test(written) && !/底|末/.test(written) && last.precision === 'month') {
      const m = MONTH_BEFORE.exec(written) as RegExpExecArray;
      deadline.reading = {
        zh: `“${m[1]}月前”按${m[1]}月1日之前读作${chineseDateIn(last.due)}；如指${m[1]}月底前，请写“${m[1]}月底前”`,
        en: `“${m[1]}月前” is read as before ${m[1]}/1, i.e. ${last.due}; write ${m[1]}月底前 if the end of the month is meant`,
      };
    } else if (YEAR_BEFORE.test(written) && !/底|末/.test(written) && last.precision === 'year') {
      const [phrase, y] = YEAR_BEFORE.exec(written) as RegExpExecArray;
      deadline.reading = {
        zh: `“${phrase}”按${y}年1月1日之前读作${chineseDateIn(last.due)}；如指${y}年底前，请写“${y}年底前”`,
        en: `“${phrase}” is read as before 1/1/${y}, i.e. ${last.due}; write ${y}年底前 if the end of that year is meant`,
      };
    } else if (TO_YEAR.test(written)) {
      deadline.reading = { zh: `“到某年”读作该年年底${chineseDateIn(last.due)}`, en: `“到 <year>” is read as the end of that year, ${last.due}` };
    }
    return deadline;
  }
  if (periodic) return { text, kind: 'periodic', due: null };
  if (TIMELY.test(compact)) return { text, kind: 'timely', due: null };
  if (ONGOING.test(compact)) return { text, kind: 'ongoing', due: null };
  if (BARE_CYCLE_END.test(compact)) return { text, kind: 'periodic', due: null };
  return { text, kind: 'unknown', due: null };
}

function dateDeadline(iso: string): Deadline {
  return { text: iso, kind: 'date', due: iso, year: Number(iso.slice(0, 4)) };
}

/**
 * Parses one 完成时限 cell. Never throws: anything it cannot read is `unknown`, and an impossible date is
 * `invalid` with a zh-CN/en-US reason.
 */
export function parseDeadline(value: CellValue, planYear: number): Deadline {
  if (value === null || value === undefined) return { text: '', kind: 'unknown', due: null };
  if (typeof value === 'number') {
    if (Number.isInteger(value) && EIGHT_DIGIT_DATE.test(String(value))) return parseDeadlineText(String(value), planYear);
    if (value >= PLAUSIBLE_SERIAL_MIN && value < PLAUSIBLE_SERIAL_MAX + 1) return dateDeadline(serialToIso(value));
    return { text: cellText(value), kind: 'unknown', due: null };
  }
  if (typeof value === 'object' && value.kind === 'date') {
    // Serial 0 or less under a date format (an empty formula shows 1900/1/0) is no day Excel has: not a deadline,
    // the same answer as for its text.
    if (BEFORE_1900_ISO.test(value.iso)) return { text: value.iso, kind: 'unknown', due: null };
    if (isValidIsoDate(value.iso)) return dateDeadline(value.iso);
    if (isExcelDateSerial(value.serial)) {
      const iso = serialToIso(value.serial);
      if (iso !== EXCEL_PHANTOM_LEAP_DAY) return dateDeadline(iso);
    }
    return { text: '', kind: 'unknown', due: null };
  }
  const text = cellText(value);
  if (typeof value !== 'string' || text === '') return { text, kind: 'unknown', due: null };
  // A number below 1 under a date format (a negative number typed into a date column) reaches us as the day
  // before 1900 it counts from; Excel shows no date there (####), and neither is it a deadline.
  if (BEFORE_1900_ISO.test(text)) return { text, kind: 'unknown', due: null };
  return parseDeadlineText(text, planYear);
}
