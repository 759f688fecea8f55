/**
 * Property: on any grid — random text, heading- and measure-like strings, header words, dates, error values,
 * random (even overlapping or out-of-range) merges — analyseSheet returns a well-formed analysis or throws a
 * UserFacingError, never anything else. FUZZ_RUNS raises the number of runs (default 300).
 */
import fc from 'fast-check';
import { analyseSheet } from '../../src/domain/check';
import { isUserFacingError } from '../../src/domain/errors';
import type { CellRange, CellValue, SheetAnalysis, SheetGrid } from '../../src/domain/types';
import { UnitDirectory } from '../../src/domain/units';
import { SAMPLE_DIRECTORY_DATA } from '../support/sample-directory';

const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const directory = new UnitDirectory(SAMPLE_DIRECTORY_DATA);

const HEADER_WORDS = ['工作任务', '贯    彻    举    措', '具体措施', '完成时限', '时间节点', '牵头单位', '责任单位', '配合单位', '序号', '完成情况', null];
const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.fullUnicodeString({ maxLength: 8 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '一、以公开助力经济', '（一）加强', '(十七)落实', '二十三、', '十', '1.切实做好', '2、公开', '（3）公开', '(4)', '5．',
      '及时公开', '长期开展', '7月31日前', '2022年2月30日', '13月1日前', '每季度末', '等通知', '办公室、司法局', '各部门，各驻区机构',
      '财政局牵头，税务局配合', '牵头单位：办公室；责任单位：各部门', '经济运营局', '已完成', '进度滞后', '还行', '注：说明',
      '贯彻举措', '完成时限', '', '   ', '\n', '序号',
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 60 }) },
  { weight: 1, arbitrary: fc.constant<CellValue>({ kind: 'date', iso: '2022-09-30', serial: 44834 }) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>({ kind: 'error', code: '#REF!' }, { kind: 'error', code: '#N/A' }) },
  { weight: 1, arbitrary: fc.boolean() },
);

const gridArbitrary: fc.Arbitrary<SheetGrid> = fc
  .record({
    width: fc.integer({ min: 1, max: 8 }),
    height: fc.integer({ min: 0, max: 25 }),
    originRow: fc.integer({ min: 0, max: 3 }),
    originCol: fc.integer({ min: 0, max: 2 }),
    mergesKnown: fc.boolean(),
    headerAt: fc.option(fc.integer({ min: 0, max: 5 })),
    seed: fc.array(fc.array(cellValue, { minLength: 8, maxLength: 8 }), { minLength: 25, maxLength: 25 }),
    header: fc.array(fc.constantFrom(...HEADER_WORDS), { minLength: 8, maxLength: 8 }),
    merges: fc.array(
      fc.record({ top: fc.integer({ min: -2, max: 30 }), left: fc.integer({ min: -2, max: 10 }), h: fc.integer({ min: 0, max: 6 }), w: fc.integer({ min: 0, max: 4 }) }),
      { maxLength: 8 },
    ),
  })
  .map(({ width, height, originRow, originCol, mergesKnown, headerAt, seed, header, merges }) => {
    const values = seed.slice(0, height).map((row) => row.slice(0, width));
    if (headerAt !== null && headerAt < height) values[headerAt] = header.slice(0, width);
    const ranges: CellRange[] = merges.map((m) => ({ top: m.top, left: m.left, bottom: m.top + m.h, right: m.left + m.w }));
    return { sheet: '随机', originRow, originCol, values, merges: ranges, mergesKnown };
  });

const CODE = /^[a-z_]+(\.[a-z_]+)+$/;
const ADDRESS = /^([A-Z]+)(\d+)$/;

function assertWellFormed(a: SheetAnalysis, grid: SheetGrid): void {
  const lastRow = grid.originRow + grid.values.length;
  for (const f of a.findings) {
    expect(['error', 'warning', 'info']).toContain(f.severity);
    expect(f.code).toMatch(CODE);
    expect(f.message.zh.length).toBeGreaterThan(0);
    expect(f.message.en.length).toBeGreaterThan(0);
    if (f.cell === null) {
      expect(f.row).toBeNull();
    } else {
      const m = ADDRESS.exec(f.cell);
      expect(m).not.toBeNull();
      expect(f.row).toBe(Number(m![2]));
      expect(f.row!).toBeGreaterThan(grid.originRow);
      expect(f.row!).toBeLessThanOrEqual(lastRow);
      expect(f.message.zh.startsWith(`${f.cell}：`)).toBe(true);
    }
    if (f.suggestion !== null) expect(typeof f.suggestion).toBe('string');
  }
  // Sorted: table-level first, then by row.
  const rows = a.findings.map((f) => f.row ?? 0);
  expect(rows).toEqual([...rows].sort((x, y) => x - y));
  let previous = 0;
  for (const t of a.tasks) {
    expect(t.row).toBe(t.rows[0]);
    expect(t.rows[1]).toBeGreaterThanOrEqual(t.rows[0]);
    expect(t.row).toBeGreaterThan(previous);
    expect(t.rows[1]).toBeLessThanOrEqual(lastRow);
    previous = t.rows[1];
    expect(typeof t.measure).toBe('string');
    expect(['date', 'ongoing', 'timely', 'periodic', 'unknown', 'invalid']).toContain(t.deadline.kind);
  }
}

describe('analyseSheet on random grids', () => {
  it('returns a well-formed, deterministic analysis or throws a UserFacingError', () => {
    let analysed = 0;
    fc.assert(
      fc.property(gridArbitrary, (grid) => {
        let a: SheetAnalysis;
        try {
          a = analyseSheet(grid, { directory, currentYear: 2026 });
        } catch (e) {
          if (!isUserFacingError(e)) throw e;
          expect(['layout.empty', 'layout.no_header']).toContain(e.code);
          return;
        }
        analysed++;
        assertWellFormed(a, grid);
        expect(analyseSheet(grid, { directory, currentYear: 2026 })).toEqual(a);
      }),
      { numRuns: NUM_RUNS },
    );
    // The generator must reach the analysis, not only the header check.
    expect(analysed).toBeGreaterThan(NUM_RUNS / 10);
  });
});
