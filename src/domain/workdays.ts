/**
 * Working days on China's official calendar: public holidays off, and the 调休 make-up weekends on.
 *
 * The facts are the data of the `chinese-days` package (State Council holiday notices, 2004 onwards), read
 * from its published `dist/chinese-days.json` rather than through its functions: those build their tables and
 * weekdays from local-time dates, and west of UTC (checked: America/Los_Angeles, America/Santiago) their answers
 * are off by a day for many dates, even for the documented 'YYYY-MM-DD' input. The JSON has plain ISO keys,
 * is right in every time zone, and keeps the package's lunar and solar-term code out of the task-pane bundle.
 *
 * For a year past the data the package counts Monday–Friday; so does this module, and {@link calendarCovers}
 * lets callers warn the clerk that holidays of that year are not known.
 *
 * Counting is arithmetic, not a day-by-day walk: a Monday–Friday count in closed form plus a sorted list of
 * the official exceptions (weekday holidays −1, make-up weekend workdays +1). `workdaysBetween` is therefore
 * O(log n) and `addWorkdays` a binary search over it, whatever the distance — these run once per row on
 * sheets of 100 000 rows.
 */
import officialData from 'chinese-days/dist/chinese-days.json';
import { dayNumberToIso, isoToDayNumber, isValidIsoDate } from './dates';

/** The part of the package's data this module reads: ISO date → "English name,中文名,length". */
interface OfficialDays {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** Monday = 0 … Sunday = 6 for a day number (1970-01-01, day 0, was a Thursday). */
function mondayIndex(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

function isWeekday(dayNumber: number): boolean {
  return mondayIndex(dayNumber) < 5;
}

/** Shifts day numbers (≥ −719 162 for year 1) to non-negative values that keep their Monday index. */
const NON_NEGATIVE_SHIFT = 3 + 7 * 200_000;

/** Monday–Friday days with day number ≤ `dayNumber`, counted from a fixed origin far in the past. */
function weekdaysUpTo(dayNumber: number): number {
  const t = dayNumber + NON_NEGATIVE_SHIFT + 1; // days in [origin, dayNumber], origin a Monday
  return Math.floor(t / 7) * 5 + Math.min(t % 7, 5);
}

interface OfficialCalendar {
  first: number;
  last: number;
  /** Sorted day numbers whose status differs from Monday–Friday. */
  exceptionDays: Int32Array;
  /** exceptionSum[i] = sum of the deltas of exceptionDays[0 … i−1]. */
  exceptionSum: Int32Array;
  /** day number → +1 (make-up workday) or −1 (holiday on a weekday). */
  delta: Map<number, number>;
}

function buildCalendar(data: OfficialDays): OfficialCalendar {
  const delta = new Map<number, number>();
  let first = Infinity;
  let last = -Infinity;
  const note = (iso: string, working: boolean): void => {
    if (!isValidIsoDate(iso)) return;
    const day = isoToDayNumber(iso);
    const year = Number(iso.slice(0, 4));
    if (year < first) first = year;
    if (year > last) last = year;
    if (working !== isWeekday(day)) delta.set(day, working ? 1 : -1);
  };
  for (const iso of Object.keys(data.holidays)) note(iso, false);
  for (const iso of Object.keys(data.workdays)) note(iso, true);
  const exceptionDays = Int32Array.from(delta.keys()).sort();
  const exceptionSum = new Int32Array(exceptionDays.length + 1);
  for (let i = 0; i < exceptionDays.length; i++) exceptionSum[i + 1] = exceptionSum[i] + (delta.get(exceptionDays[i]) ?? 0);
  return first <= last
    ? { first, last, exceptionDays, exceptionSum, delta }
    : { first: 0, last: -1, exceptionDays, exceptionSum, delta };
}

/** Built once at load: about 800 entries, well under a millisecond. */
const CALENDAR = buildCalendar(officialData as OfficialDays);

/** First and last year with official holiday data (2004 and 2026 in chinese-days 1.5.7). */
export const CALENDAR_FIRST_YEAR: number = CALENDAR.first;
export const CALENDAR_LAST_YEAR: number = CALENDAR.last;

/** Sum of exception deltas on days ≤ dayNumber (binary search). */
function exceptionsUpTo(dayNumber: number): number {
  let lo = 0;
  let hi = CALENDAR.exceptionDays.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (CALENDAR.exceptionDays[mid] <= dayNumber) lo = mid + 1;
    else hi = mid;
  }
  return CALENDAR.exceptionSum[lo];
}

/** Official working days with day number ≤ dayNumber, from the same fixed origin as {@link weekdaysUpTo}. */
function workdaysUpTo(dayNumber: number): number {
  return weekdaysUpTo(dayNumber) + exceptionsUpTo(dayNumber);
}

/**
 * True when the official holidays of that year are known. Accepts a year or an ISO date; anything else
 * (including an invalid date) is false. Callers warn when it is false: counting then assumes Monday–Friday.
 */
export function calendarCovers(isoOrYear: string | number): boolean {
  const year =
    typeof isoOrYear === 'number' ? isoOrYear : isValidIsoDate(isoOrYear) ? Number(isoOrYear.slice(0, 4)) : NaN;
  return Number.isInteger(year) && year >= CALENDAR_FIRST_YEAR && year <= CALENDAR_LAST_YEAR;
}

/** True on an official working day (a weekday that is not a holiday, or a 调休 make-up weekend). */
export function isWorkday(iso: string): boolean {
  const day = isoToDayNumber(iso);
  const d = CALENDAR.delta.get(day);
  return d === undefined ? isWeekday(day) : d > 0;
}

/**
 * Working days in (fromIso, toIso]: the day after `fromIso` up to and including `toIso`. Negative when
 * `toIso` is earlier (−(working days in (toIso, fromIso]])), zero when equal. So
 * `workdaysBetween(a, addWorkdays(a, n)) === n` for every n ≥ 1.
 */
export function workdaysBetween(fromIso: string, toIso: string): number {
  return workdaysUpTo(isoToDayNumber(toIso)) - workdaysUpTo(isoToDayNumber(fromIso));
}

/**
 * The n-th working day after `iso` (n ≥ 1) or before it (n ≤ −1): `addWorkdays('2022-09-20', 20)` is
 * 2022-10-21, the 条例第二十六条 answer for information formed on 20 September (the 国庆 week is not counted).
 * n = 0 gives `iso` itself when it is a working day, else the next working day.
 */
export function addWorkdays(iso: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addWorkdays needs a whole number of days: ${n}`);
  const start = isoToDayNumber(iso);
  if (n === 0) return isWorkday(iso) ? iso : addWorkdays(iso, 1);
  const base = workdaysUpTo(start);
  if (n > 0) {
    // Smallest day d > start with workdaysUpTo(d) − base ≥ n; that day is necessarily a working day.
    let lo = start + 1;
    let hi = start + Math.ceil((n * 7) / 5) + 32;
    while (workdaysUpTo(hi) - base < n) hi += hi - start;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (workdaysUpTo(mid) - base >= n) hi = mid;
      else lo = mid + 1;
    }
    return dayNumberToIso(lo);
  }
  // Largest day d < start with (working days in [d, start)) ≥ |n|, i.e. base' − workdaysUpTo(d − 1) ≥ |n|.
  const want = -n;
  const before = workdaysUpTo(start - 1);
  let lo = start - Math.ceil((want * 7) / 5) - 32;
  let hi = start - 1;
  while (before - workdaysUpTo(lo - 1) < want) lo -= start - lo;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (before - workdaysUpTo(mid - 1) >= want) lo = mid;
    else hi = mid - 1;
  }
  return dayNumberToIso(lo);
}
