/**
 * Properties of the status parser over arbitrary cells: it never throws, its output is consistent, and it
 * is idempotent on its own `text`. FUZZ_RUNS raises the number of runs (default 500).
 */
import * as fc from 'fast-check';
import { isValidIsoDate } from '../../src/domain/dates';
import { parseStatus } from '../../src/domain/status';
import { cellValueArb, NUM_RUNS, planYearArb, toFullWidth, wordingArb } from '../support/cell-arbitraries';

const runs = { numRuns: NUM_RUNS };
const STATES = ['done', 'in_progress', 'behind', 'not_started', 'unknown'];

describe('parseStatus (properties)', () => {
  it('never throws and always returns a consistent Status', () => {
    fc.assert(
      fc.property(cellValueArb, planYearArb, (value, planYear) => {
        const s = parseStatus(value, planYear);
        expect(STATES).toContain(s.state);
        expect(s.recognised).toBe(s.state !== 'unknown' || s.text === '');
        if (s.doneOn !== null) {
          expect(s.state).toBe('done');
          expect(isValidIsoDate(s.doneOn)).toBe(true);
        }
      }),
      runs,
    );
  });

  it('is idempotent on text cells: parsing its own text gives the same status', () => {
    fc.assert(
      fc.property(cellValueArb.filter((v) => typeof v === 'string' || v === null), planYearArb, (value, planYear) => {
        const first = parseStatus(value, planYear);
        expect(parseStatus(first.text, planYear)).toEqual(first);
      }),
      runs,
    );
  });

  it('full-width typing does not change the reading', () => {
    fc.assert(
      fc.property(wordingArb, planYearArb, (text, planYear) => {
        const { state, doneOn } = parseStatus(text, planYear);
        expect(parseStatus(toFullWidth(text), planYear)).toMatchObject({ state, doneOn });
      }),
      runs,
    );
  });
});
