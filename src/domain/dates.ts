/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`) and Excel's 1900 date system.
 *
 * The domain passes dates around as ISO strings: they compare as strings, serialise to JSON as-is and carry
 * no time zone. Arithmetic goes through a day number (days since 1970-01-01, UTC), never through local time.
 *
 * Excel's 1900 system counts 1900-01-01 as serial 1 and, copying a Lotus 1-2-3 bug, believes 1900 was a leap
 * year: serial 60 is the non-existent 1900-02-29, so every serial from 61 on is one more than the true day
 * count. Serials are therefore converted with an offset that changes at 60, and 60 itself maps to the
 * fictitious `1900-02-29` (what Excel displays) and back.
 */

const ISO_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The fictitious day Excel shows for serial 60. */
export const EXCEL_PHANTOM_LEAP_DAY = '1900-02-29';
const PHANTOM_SERIAL = 60;
/** Day number (since 1970-01-01) of Excel serial 0, i.e. 1899-12-30 once the phantom day is accounted for. */
const EXCEL_EPOCH_DAY = -25569;
/** Largest serial Excel accepts: 9999-12-31. */
export const MAX_EXCEL_SERIAL = 2_958_465;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in `month` (1–12) of `year`; 0 for a month outside 1–12. */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) return 0;
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** ISO date from parts, or null when the day does not exist (2月30日, 13月, year outside 1–9999). */
export function isoFromParts(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** True for a real calendar date written as `YYYY-MM-DD` (2023-02-29 and 2022-13-01 are false). */
export function isValidIsoDate(iso: string): boolean {
  if (typeof iso !== 'string') return false;
  const m = ISO_SHAPE.exec(iso);
  if (!m) return false;
  return isoFromParts(Number(m[1]), Number(m[2]), Number(m[3])) !== null;
}

function requireIso(iso: string): void {
  if (!isValidIsoDate(iso)) throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date. Pure integer arithmetic (the "days from civil"
 * algorithm): no Date object, and no two-digit-year surprises from `Date.UTC(50, …)`.
 */
function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Days since 1970-01-01 of a valid ISO date (negative before 1970). */
export function isoToDayNumber(iso: string): number {
  requireIso(iso);
  return dayNumberOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/** ISO date of a day number (days since 1970-01-01); the inverse of {@link isoToDayNumber}. */
export function dayNumberToIso(dayNumber: number): string {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** True for a number Excel can display as a date (serial 1 = 1900-01-01 … 9999-12-31; time fraction ignored). */
export function isExcelDateSerial(serial: number): boolean {
  return Number.isFinite(serial) && serial >= 1 && serial < MAX_EXCEL_SERIAL + 1;
}

/**
 * Excel 1900-system serial → ISO date. A time of day (the fraction) is dropped. Serial 60 gives Excel's
 * fictitious `1900-02-29`. Throws RangeError outside 1 … 2 958 465 (9999-12-31): callers check with
 * {@link isExcelDateSerial} first.
 */
export function serialToIso(serial: number): string {
  if (!isExcelDateSerial(serial)) throw new RangeError(`Not an Excel date serial: ${serial}`);
  const whole = Math.floor(serial);
  if (whole === PHANTOM_SERIAL) return EXCEL_PHANTOM_LEAP_DAY;
  // Before the phantom day Excel's count is one smaller than the true day count from 1899-12-30.
  return dayNumberToIso(EXCEL_EPOCH_DAY + whole + (whole < PHANTOM_SERIAL ? 1 : 0));
}

/** ISO date → Excel 1900-system serial (`1900-02-29` → 60). Throws RangeError for other invalid dates and before 1900. */
export function isoToSerial(iso: string): number {
  if (iso === EXCEL_PHANTOM_LEAP_DAY) return PHANTOM_SERIAL;
  const days = isoToDayNumber(iso) - EXCEL_EPOCH_DAY;
  const serial = days <= PHANTOM_SERIAL ? days - 1 : days;
  if (serial < 1) throw new RangeError(`Excel's 1900 date system starts at 1900-01-01: ${iso}`);
  return serial;
}

/** Negative, zero or positive as `a` is before, on or after `b` (both ISO dates). */
export function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The ISO date `n` calendar days after `iso` (before it when `n` is negative). */
export function addDays(iso: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addDays needs a whole number of days: ${n}`);
  return dayNumberToIso(isoToDayNumber(iso) + n);
}

/** Calendar days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  return isoToDayNumber(b) - isoToDayNumber(a);
}

/** Last day of a month as ISO: `endOfMonth(2024, 2)` → `2024-02-29`. */
export function endOfMonth(year: number, month: number): string | null {
  return isoFromParts(year, month, daysInMonth(year, month));
}

/** Day of week of an ISO date: 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((isoToDayNumber(iso) + 4) % 7) + 7) % 7;
}

/** A moment as the clerk's calendar shows it, `YYYY-MM-DD` in local time (not UTC's date). */
export function localDate(moment: Date): string {
  return `${moment.getFullYear()}-${pad2(moment.getMonth() + 1)}-${pad2(moment.getDate())}`;
}

/** `YYYY-MM-DD HH:mm` in local time, as sheets print 生成时间 and 填报时间. */
export function localDateTime(moment: Date): string {
  return `${localDate(moment)} ${pad2(moment.getHours())}:${pad2(moment.getMinutes())}`;
}

/** Full-width digits and separators a Chinese IME types (２０２２．９．１５, ２０２２－０９－１５). */
function foldTypedDate(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\uFF0D\u2010-\u2015\u2212]/g, '-')
    .replace(/[\uFF0F]/g, '/')
    .replace(/[\uFF0E\u3002]/g, '.')
    .replace(/\s+/g, '');
}

const TYPED_DATE = /^(\d{4})(?:([-/.])(\d{1,2})\2(\d{1,2})|年(\d{1,2})月(\d{1,2})[日号]?)$/;

/**
 * A date the clerk typed, as ISO, or null when it is not one real day. Accepts 2022-09-15, 2022/9/15,
 * 2022.9.15 and 2022年9月15日, in half- or full-width digits, because each is what somebody's keyboard or IME
 * naturally produces.
 */
export function parseTypedDate(text: string): string | null {
  if (typeof text !== 'string') return null;
  const m = TYPED_DATE.exec(foldTypedDate(text));
  if (!m) return null;
  const month = Number(m[3] ?? m[5]);
  const day = Number(m[4] ?? m[6]);
  return isoFromParts(Number(m[1]), month, day);
}

/** 2022年9月15日: how Chinese prose writes a date (no leading zeros). */
export function chineseDate(iso: string): string {
  return `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

/** A date inside a zh-CN message (2022年9月15日); text that is not an ISO date stays as it is. */
export function chineseDateIn(text: string | null): string {
  return text !== null && isValidIsoDate(text) ? chineseDate(text) : (text ?? '');
}

/** 'YYYY-MM-DD HH:MM' (the caller's clock) → 2026年11月26日 19:30; anything else as given. */
export function chineseDateTime(stamp: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}:\d{2}))?/.exec(stamp);
  if (!m) return stamp;
  return m[2] ? `${chineseDate(m[1])} ${m[2]}` : chineseDate(m[1]);
}

/** An ISO date as a notice shows it: 2022年9月15日 in zh-CN, the ISO form in en-US. */
export function displayDate(iso: string, lang: 'zh-CN' | 'en-US'): string {
  return lang === 'zh-CN' ? chineseDate(iso) : iso;
}
