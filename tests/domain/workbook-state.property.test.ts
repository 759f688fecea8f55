/**
 * The state travels inside files anyone can edit: whatever JSON it holds, reading it never throws, every
 * entry kept has the shape the workflows rely on, and a recorded highlight unpacks to no more cells than the
 * sheet can hold. FUZZ_RUNS (npm run fuzz) runs more cases.
 */
import fc from 'fast-check';
import { EXCEL_LAST_COL, recordBoundsOf, unpackRecord } from '../../src/domain/highlight-record';
import { fitToCell } from '../../src/domain/returns';
import { SHEET_MARKERS } from '../../src/domain/sheet-spec';
import { highlightOf, parseState, type HighlightRecord } from '../../src/domain/workbook-state';

const RUNS = Number(process.env.FUZZ_RUNS) > 0 ? Math.ceil(Number(process.env.FUZZ_RUNS) / 10) : 300;
const NAMES = fc.constantFrom('任务分工', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '');
const ANY = fc.jsonValue({ maxDepth: 4 });

const stateArb = fc.record(
  {
    version: fc.oneof(fc.constant(1), ANY),
    highlights: fc.oneof(fc.dictionary(NAMES, fc.oneof(ANY, fc.record({ asOf: ANY, cells: ANY, packed: ANY, userColoured: ANY, rowKeys: ANY }, { requiredKeys: [] }))), ANY),
    productSheets: fc.oneof(fc.array(fc.oneof(ANY, fc.record({ name: ANY, marker: fc.oneof(fc.constantFrom(...SHEET_MARKERS), ANY), source: ANY, stamp: ANY }, { requiredKeys: [] }))), ANY),
    settings: fc.oneof(fc.record({ planYear: ANY, soonDays: ANY, columns: ANY, summarySheetName: ANY, colours: ANY }, { requiredKeys: [] }), ANY),
  },
  { requiredKeys: [] },
);

it('any JSON: parseState never throws, and what it keeps is well-formed', () => {
  fc.assert(
    fc.property(stateArb, NAMES, (raw, sheet) => {
      const { state } = parseState(JSON.stringify(raw));
      expect(Object.getPrototypeOf(state.highlights)).toBeNull();
      for (const p of state.productSheets) {
        expect(typeof p.name).toBe('string');
        expect(SHEET_MARKERS).toContain(p.marker);
      }
      const record = highlightOf(state, sheet);
      if (record) expect(Array.isArray(record.cells)).toBe(true);
      // A 10 × 10 sheet: at most its own cells plus the margin a record may name.
      const bounds = recordBoundsOf({ sheet, originRow: 0, originCol: 0, values: Array.from({ length: 10 }, () => Array(10).fill(null)), merges: [], mergesKnown: true });
      const unpacked = unpackRecord(record as HighlightRecord | undefined, bounds);
      for (const c of unpacked?.cells ?? []) expect(c.row <= bounds.lastRow && c.col <= Math.min(bounds.lastCol, EXCEL_LAST_COL)).toBe(true);
    }),
    { numRuns: RUNS },
  );
});

it('fitToCell: never longer than the limit, and unchanged when it fits', () => {
  fc.assert(
    fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 60 }), { maxLength: 8 }), fc.integer({ min: 30, max: 200 }), (parts, limit) => {
      const { text, cutPart } = fitToCell(parts, limit, '…截断');
      expect(text.length).toBeLessThanOrEqual(limit);
      if (parts.join('\n').length <= limit) expect([text, cutPart]).toEqual([parts.join('\n'), null]);
      else expect(text.endsWith('…截断')).toBe(true);
    }),
    { numRuns: RUNS },
  );
});
