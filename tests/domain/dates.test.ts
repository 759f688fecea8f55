import * as fc from 'fast-check';
import {
  addDays,
  compareIso,
  dayNumberToIso,
  daysBetween,
  daysInMonth,
  endOfMonth,
  isExcelDateSerial,
  isoFromParts,
  isoToDayNumber,
  isoToSerial,
  isValidIsoDate,
  serialToIso,
  weekday,
} from '../../src/domain/dates';

describe('Excel 1900 date serials', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [60, '1900-02-29'], // Excel's fictitious leap day (the Lotus 1-2-3 bug)
    [61, '1900-03-01'],
    [367, '1901-01-01'],
    [25569, '1970-01-01'],
    [36526, '2000-01-01'],
    [44562, '2022-01-01'],
    [44834, '2022-09-30'],
    [45291, '2023-12-31'],
    [2958465, '9999-12-31'],
  ])('serial %i is %s and back', (serial, iso) => {
    expect(serialToIso(serial)).toBe(iso);
    expect(isoToSerial(iso)).toBe(serial);
  });

  it('drops the time of day of a date-time serial', () => {
    expect(serialToIso(44834.75)).toBe('2022-09-30');
  });

  it.each([0, -1, 2958466, NaN, Infinity])('rejects serial %p', (serial) => {
    expect(isExcelDateSerial(serial)).toBe(false);
    expect(() => serialToIso(serial)).toThrow(RangeError);
  });

  it('rejects dates before the 1900 system and non-dates', () => {
    expect(() => isoToSerial('1899-12-31')).toThrow(RangeError);
    expect(() => isoToSerial('2023-02-29')).toThrow(RangeError);
  });

  it('round-trips every serial (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2958465 }), (serial) => isoToSerial(serialToIso(serial)) === serial),
    );
  });
});

describe('ISO dates', () => {
  it.each([
    ['2022-09-30', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2023-02-29', false],
    ['1900-02-29', false], // not a real day, only an Excel one
    ['2022-13-01', false],
    ['2022-00-10', false],
    ['2022-04-31', false],
    ['2022-9-30', false],
    ['2022/09/30', false],
    [' 2022-09-30', false],
    ['', false],
  ])('%p valid: %p', (iso, valid) => {
    expect(isValidIsoDate(iso)).toBe(valid);
  });

  it('builds dates from parts, refusing impossible ones', () => {
    expect(isoFromParts(2022, 6, 30)).toBe('2022-06-30');
    expect(isoFromParts(2022, 2, 30)).toBeNull();
    expect(isoFromParts(2022, 13, 1)).toBeNull();
    expect(isoFromParts(2022, 0, 1)).toBeNull();
    expect(isoFromParts(0, 1, 1)).toBeNull();
    expect(isoFromParts(50, 1, 1)).toBe('0050-01-01');
  });

  it('knows month lengths and ends, leap aware', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2022, 13)).toBe(0);
    expect(endOfMonth(2023, 2)).toBe('2023-02-28');
    expect(endOfMonth(2024, 2)).toBe('2024-02-29');
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2022-09-30', 1)).toBe('2022-10-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2022-12-31', 1)).toBe('2023-01-01');
    expect(addDays('2022-01-01', -1)).toBe('2021-12-31');
    expect(addDays('2022-01-01', 0)).toBe('2022-01-01');
    expect(() => addDays('2022-01-01', 1.5)).toThrow(RangeError);
    expect(() => addDays('not a date', 1)).toThrow(RangeError);
  });

  it('compares and measures', () => {
    expect(compareIso('2022-09-30', '2022-10-01')).toBeLessThan(0);
    expect(compareIso('2022-10-01', '2022-09-30')).toBeGreaterThan(0);
    expect(compareIso('2022-10-01', '2022-10-01')).toBe(0);
    expect(daysBetween('2022-09-20', '2022-10-21')).toBe(31);
    expect(weekday('2022-10-08')).toBe(6); // a Saturday (and a 调休 workday)
    expect(weekday('1970-01-01')).toBe(4);
  });

  it('day numbers agree with the JavaScript Date in UTC (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719162, max: 2932896 }), (day) => {
        const iso = dayNumberToIso(day);
        return isoToDayNumber(iso) === day && new Date(day * 86_400_000).toISOString().slice(0, 10) === iso;
      }),
    );
  });

  it('orders like the calendar (property)', () => {
    const day = fc.integer({ min: -100000, max: 100000 });
    fc.assert(
      fc.property(day, day, (a, b) => Math.sign(compareIso(dayNumberToIso(a), dayNumberToIso(b))) === Math.sign(a - b)),
    );
  });
});
