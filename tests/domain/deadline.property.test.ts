/**
 * Properties of the deadline parser over arbitrary cells: it never throws, its output is well-formed, it is
 * idempotent on its own `text`, and the width, spacing and invisible characters of the input do not matter.
 * FUZZ_RUNS raises the number of runs (default 500).
 */
import * as fc from 'fast-check';
import { isValidIsoDate } from '../../src/domain/dates';
import { parseDeadline } from '../../src/domain/deadline';
import type { Deadline } from '../../src/domain/types';
import { cellValueArb, NUM_RUNS, planYearArb, toFullWidth, wordingArb } from '../support/cell-arbitraries';

const runs = { numRuns: NUM_RUNS };
/** What a reading means, independent of the text it came from. */
const reading = (d: Deadline) => ({ kind: d.kind, due: d.due, year: d.year ?? null });

describe('parseDeadline (properties)', () => {
  it('never throws and always returns a well-formed Deadline', () => {
    fc.assert(
      fc.property(cellValueArb, planYearArb, (value, planYear) => {
        const d = parseDeadline(value, planYear);
        expect(typeof d.text).toBe('string');
        if (d.kind === 'date') expect(isValidIsoDate(d.due ?? '')).toBe(true);
        else expect(d.due).toBeNull();
        if (d.kind === 'invalid') {
          expect(d.reason?.zh).toBeTruthy();
          expect(d.reason?.en).toBeTruthy();
        }
        if (d.year !== undefined) expect(Number.isInteger(d.year)).toBe(true);
      }),
      runs,
    );
  });

  it('is idempotent: parsing its own text gives the same kind, due date and year', () => {
    fc.assert(
      fc.property(cellValueArb, planYearArb, (value, planYear) => {
        const first = parseDeadline(value, planYear);
        const again = parseDeadline(first.text, planYear);
        expect(again).toEqual(first);
      }),
      runs,
    );
  });

  it('full-width typing does not change the reading', () => {
    fc.assert(
      fc.property(wordingArb, planYearArb, (text, planYear) => {
        expect(reading(parseDeadline(toFullWidth(text), planYear))).toEqual(reading(parseDeadline(text, planYear)));
      }),
      runs,
    );
  });

  it('zero-width characters and extra spaces do not change the reading', () => {
    fc.assert(
      fc.property(wordingArb, fc.array(fc.nat(), { maxLength: 4 }), planYearArb, (text, cuts, planYear) => {
        let noisy = text;
        for (const cut of cuts) {
          const at = cut % (noisy.length + 1);
          noisy = `${noisy.slice(0, at)}${cut % 2 ? '\u200B' : ' \u3000'}${noisy.slice(at)}`;
        }
        expect(reading(parseDeadline(noisy, planYear))).toEqual(reading(parseDeadline(text, planYear)));
      }),
      runs,
    );
  });
});
