/**
 * Property tests: the unit readers never throw on anything a cell can hold, and are idempotent on their own
 * output. FUZZ_RUNS raises the number of runs (default 500).
 */
import fc from 'fast-check';
import {
  UnitDirectory,
  normaliseUnitName,
  splitLeadAndResponsible,
  splitUnits,
  unitMatchKey,
} from '../../src/domain/units';
import { SAMPLE_DIRECTORY_DATA } from '../support/sample-directory';

const numRuns = Number(process.env.FUZZ_RUNS) > 0 ? Number(process.env.FUZZ_RUNS) : 500;

/** The characters that matter to the rules, mixed with anything at all. */
const interesting = fc.constantFrom(
  ...'、，,；;\n\r\t （）()【】[]《》“”‘’{}等单位部门牵头配合负责：: 　\u200B\uFEFF\u00A0\u0000\u0007\u2028各县市区办公室司法局ＡＢ１２😀'.split(''),
  '等单位',
  '牵头单位：',
  '责任单位：',
  '（牵头）',
  '按职责分工负责',
  '\uD83D', // a lone surrogate
);
const cellText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.array(interesting, { maxLength: 40 }).map((parts) => parts.join('')),
  fc.fullUnicodeString({ maxLength: 40 }),
  fc.array(fc.oneof(interesting, fc.fullUnicodeString({ maxLength: 3 })), { maxLength: 60 }).map((p) => p.join('')),
);
const hugeCell = fc
  .tuple(fc.array(interesting, { minLength: 1, maxLength: 20 }), fc.integer({ min: 1000, max: 1500 }))
  .map(([parts, times]) => parts.join('').repeat(times).slice(0, 30000));

describe('unit readers on arbitrary text', () => {
  it('normaliseUnitName never throws and normalising twice is normalising once', () => {
    fc.assert(
      fc.property(cellText, (s) => {
        const once = normaliseUnitName(s);
        expect(normaliseUnitName(once)).toBe(once);
      }),
      { numRuns },
    );
  });

  it('splitUnits never throws, gives non-empty normalised names, and splitting a piece gives that piece', () => {
    fc.assert(
      fc.property(cellText, (s) => {
        for (const piece of splitUnits(s)) {
          expect(piece).not.toBe('');
          expect(normaliseUnitName(piece)).toBe(piece);
          expect(splitUnits(piece)).toEqual([piece]);
        }
      }),
      { numRuns },
    );
  });

  it('splitUnits of the pieces joined with 、 gives the pieces back', () => {
    fc.assert(
      fc.property(cellText, (s) => {
        const pieces = splitUnits(s);
        // Joining can only change the reading when a piece holds an unmatched bracket, which then pairs
        // with one in a neighbouring piece; the property is about well-formed pieces.
        fc.pre(pieces.every((p) => !/[(（[［【〔〖《〈「『“‘{｛)）\]］】〕〗》〉」』”’}｝]/.test(p)));
        expect(splitUnits(pieces.join('、'))).toEqual(pieces);
      }),
      { numRuns },
    );
  });

  it('splitLeadAndResponsible never throws and only ever returns names splitUnits would give', () => {
    fc.assert(
      fc.property(cellText, (s) => {
        const { lead, responsible, combined } = splitLeadAndResponsible(s);
        for (const name of [...lead, ...responsible]) {
          expect(name).not.toBe('');
          expect(normaliseUnitName(name)).toBe(name);
        }
        if (!combined) {
          expect(lead).toEqual([]);
          expect(responsible).toEqual(splitUnits(s));
        }
      }),
      { numRuns },
    );
  });

  it('resolve and expand never throw and answer consistently', () => {
    const directory = new UnitDirectory(SAMPLE_DIRECTORY_DATA);
    fc.assert(
      fc.property(cellText, (s) => {
        const r = directory.resolve(s);
        expect(directory.resolve(s)).toEqual(r);
        expect(directory.expand(s).length).toBeGreaterThan(0);
        if (r.kind === 'unknown' && r.suggestion) {
          for (const name of r.suggestion.split('、')) expect(directory.resolve(name).kind).not.toBe('unknown');
        }
        expect(unitMatchKey(unitMatchKey(s))).toBe(unitMatchKey(s));
      }),
      { numRuns },
    );
  });

  it('handles 30 000-character cells (emoji, control characters, unbalanced brackets) in one piece of work', () => {
    const directory = new UnitDirectory(SAMPLE_DIRECTORY_DATA);
    fc.assert(
      fc.property(hugeCell, (s) => {
        expect(normaliseUnitName(normaliseUnitName(s))).toBe(normaliseUnitName(s));
        for (const piece of splitUnits(s)) expect(splitUnits(piece)).toEqual([piece]);
        splitLeadAndResponsible(s);
        directory.resolve(s);
      }),
      { numRuns: Math.max(5, Math.round(numRuns / 50)) },
    );
  });
});
