/**
 * Fuzzing the whole domain pipeline, not one parser: random grids (header words, headings, measures, units,
 * deadlines, status words, error and date cells, huge strings, random and overlapping merges) go through
 * analyseSheet → buildHighlightPlan → buildSummary → summarySheetSpec → reportParagraph, and through returns
 * validation against a fixed master as if a department had sent the grid back. The only error allowed is a
 * UserFacingError; every finding is well-formed. Random unit and deadline strings go through the parsers.
 * CI runs a few hundred cases; `npm run fuzz` (FUZZ_RUNS, default there 100 000) runs many more.
 */
import fc from 'fast-check';
import { analyseSheet } from '../../src/domain/check';
import { parseDeadline } from '../../src/domain/deadline';
import { isUserFacingError } from '../../src/domain/errors';
import { buildHighlightPlan } from '../../src/domain/highlight-plan';
import { reportParagraph } from '../../src/domain/report-paragraph';
import { identityFor, validateReturn } from '../../src/domain/returns';
import { parseStatus } from '../../src/domain/status';
import { buildSummary } from '../../src/domain/summary';
import { summarySheetSpec } from '../../src/domain/summary-sheet';
import type { CellRange, CellValue, Finding, SheetAnalysis, SheetGrid } from '../../src/domain/types';
import { UnitDirectory, splitLeadAndResponsible, splitUnits } from '../../src/domain/units';
import { cellValueArb, textArb, wordingArb } from '../support/cell-arbitraries';
import { malformedFinding } from '../support/hardening';
import { SAMPLE_DIRECTORY_DATA } from '../support/sample-directory';

/** CI default; FUZZ_RUNS spreads over the properties below, the grid pipeline getting most of them. */
const RUNS = Number(process.env.FUZZ_RUNS) > 0 ? Number(process.env.FUZZ_RUNS) : 300;
const directory = new UnitDirectory(SAMPLE_DIRECTORY_DATA);
const AS_OF = '2022-09-15';

const HEADER_WORDS = ['工作任务', '贯彻举措', '具体措施', '完成时限', '时间节点', '牵头单位', '责任单位', '配合单位', '序号', '完成情况', '进展说明', '完成日期'];
const TABLE_WORDS = [
  '一、以公开助力经济', '（一）加强', '二、', '（二）', '1.切实做好', '2、公开', '（3）公开', '长期开展', '7月31日前', '2022年9月30日',
  '2月30日前', '每季度末', '及时公开', '办公室', '办公室、司法局', '各部门，各驻区机构', '财政局牵头，税务局配合', '经济运营局',
  '各县(市、区)', '已完成', '已于7月20日完成', '进度滞后', '未启动', '序时推进', '', '=SUM(A1)', '@所有人', '-减',
];
const UNIT_WORDS = ['办公室', '司法局', '各部门', '各街道', '各驻区机构', '区疫情防控工作领导小组成员单位', '经济运营局', '牵头', '配合', '：', '；', '、', '，', '（', '）', '等', '单位', '\n', ' ', '　'];

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<CellValue>(...TABLE_WORDS) },
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: cellValueArb },
);

const gridArb: fc.Arbitrary<SheetGrid> = fc
  .record({
    width: fc.integer({ min: 1, max: 9 }),
    rows: fc.array(fc.array(cellArb, { minLength: 9, maxLength: 9 }), { maxLength: 30 }),
    header: fc.option(fc.record({ at: fc.integer({ min: 0, max: 4 }), words: fc.shuffledSubarray(HEADER_WORDS, { minLength: 1, maxLength: 9 }) }), { freq: 4 }),
    originRow: fc.integer({ min: 0, max: 3 }),
    originCol: fc.integer({ min: 0, max: 2 }),
    mergesKnown: fc.boolean(),
    merges: fc.array(fc.record({ top: fc.integer({ min: -1, max: 34 }), left: fc.integer({ min: -1, max: 11 }), h: fc.integer({ min: 0, max: 8 }), w: fc.integer({ min: 0, max: 3 }) }), { maxLength: 10 }),
    hidden: fc.array(fc.integer({ min: 0, max: 34 }), { maxLength: 4 }),
  })
  .map(({ width, rows, header, originRow, originCol, mergesKnown, merges, hidden }) => {
    const values = rows.map((r) => r.slice(0, width));
    if (header && header.at < values.length) values[header.at] = Array.from({ length: width }, (_, i) => header.words[i] ?? null);
    const ranges: CellRange[] = merges.map((m) => ({ top: originRow + m.top, left: originCol + m.left, bottom: originRow + m.top + m.h, right: originCol + m.left + m.w }));
    return { sheet: '随机', originRow, originCol, values, merges: ranges, mergesKnown, hiddenRows: hidden };
  });

function expectWellFormed(findings: Finding[]): void {
  for (const f of findings) expect(malformedFinding(f)).toBeNull();
}

/** Runs `work`; a UserFacingError (with both texts) is an allowed outcome, anything else fails the property. */
function onlyUserFacing(work: () => void): void {
  try {
    work();
  } catch (e) {
    if (!isUserFacingError(e)) throw e;
    expect(e.text.zh.trim()).not.toBe('');
    expect(e.text.en.trim()).not.toBe('');
    expect(e.code).toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
  }
}

/** A small, valid master: what a random returned grid is validated against. */
function masterAnalysis(): SheetAnalysis {
  const grid: SheetGrid = {
    sheet: '任务分工',
    originRow: 0,
    originCol: 0,
    mergesKnown: true,
    merges: [],
    values: [
      ['两江新区2022年政务公开重点工作任务分工', null, null, null, null, null],
      ['序号', '贯彻举措', '完成时限', '牵头单位', '责任单位', '完成情况'],
      [1, '切实做好政策解读', '长期开展', '办公室', '各部门', ''],
      [2, '及时公开涉企政策', '7月31日前', '经济运行局', '财政局、税务局', ''],
      [3, '做好行政许可信息公开', '9月30日前', '市场监管局', '司法局', ''],
    ],
  };
  return analyseSheet(grid, { directory });
}

describe('random grids through the whole pipeline', () => {
  const master = masterAnalysis();
  const identity = identityFor(master, '办公室', 'both', master.tasks, '2022-06-20 09:00');

  it('check, highlight plan, summary, summary sheet and report paragraph: only UserFacingError, findings well-formed', () => {
    fc.assert(
      fc.property(gridArb, fc.option(fc.integer({ min: 2019, max: 2026 }), { nil: undefined }), fc.integer({ min: 0, max: 40 }), (grid, planYear, soonDays) => {
        onlyUserFacing(() => {
          const analysis = analyseSheet(grid, { directory, planYear, currentYear: 2022 });
          expectWellFormed(analysis.findings);
          const plan = buildHighlightPlan(analysis, AS_OF, { soonDays, merges: grid.merges });
          for (const run of plan.runs) {
            expect(run.top).toBeLessThanOrEqual(run.bottom);
            for (const r of run.ranges) {
              expect(r.top).toBeLessThanOrEqual(r.bottom);
              expect(r.left).toBeLessThanOrEqual(r.right);
              expect(r.top >= run.top && r.bottom <= run.bottom).toBe(true);
            }
          }
          const model = buildSummary(analysis, { asOf: AS_OF, soonDays, directory, generatedAt: '2022-09-15 09:00' });
          expect(model.total).toBe(analysis.tasks.length);
          summarySheetSpec(model, 'zh-CN');
          summarySheetSpec(model, 'en-US');
          expect(reportParagraph(model).length).toBeGreaterThan(0);
        });
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('returns validation of a random grid sent back as a department return: only UserFacingError, findings well-formed', () => {
    fc.assert(
      fc.property(gridArb, fc.boolean(), (grid, withIdentity) => {
        onlyUserFacing(() => {
          let returned: { grid: SheetGrid; analysis: SheetAnalysis } | { error: { zh: string; en: string } };
          try {
            returned = { grid, analysis: analyseSheet(grid, { directory, planYear: 2022 }) };
          } catch (e) {
            if (!isUserFacingError(e)) throw e;
            returned = { error: e.text };
          }
          const result = validateReturn({ identity: withIdentity ? identity : null, returned, master, directory, asOf: AS_OF });
          expectWellFormed(result.findings);
          for (const a of result.answers) expect(a.taskIndex).toBeLessThan(master.tasks.length);
        });
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });
});

describe('random unit and deadline strings', () => {
  const unitText = fc.oneof(fc.array(fc.constantFrom(...UNIT_WORDS), { maxLength: 16 }).map((p) => p.join('')), textArb);

  it('unit cells split, resolve and expand without throwing; names are trimmed and non-empty', () => {
    fc.assert(
      fc.property(unitText, (s) => {
        for (const name of splitUnits(s)) {
          expect(name.trim()).toBe(name);
          expect(name.length).toBeGreaterThan(0);
          const resolved = directory.resolve(name);
          expect(['unit', 'group', 'unknown']).toContain(resolved.kind);
          expect(directory.expand(name).length).toBeGreaterThan(0);
        }
        const roles = splitLeadAndResponsible(s);
        expect(Array.isArray(roles.lead) && Array.isArray(roles.responsible)).toBe(true);
      }),
      { numRuns: Math.ceil(RUNS / 8) },
    );
  });

  it('deadline and status strings parse to a known kind with a valid due date', () => {
    fc.assert(
      fc.property(fc.oneof(wordingArb, textArb), fc.integer({ min: 1990, max: 2100 }), (s, year) => {
        const d = parseDeadline(s, year);
        expect(['date', 'ongoing', 'timely', 'periodic', 'unknown', 'invalid']).toContain(d.kind);
        if (d.kind === 'date') expect(d.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        else expect(d.due).toBeNull();
        const st = parseStatus(s, year);
        expect(['done', 'in_progress', 'behind', 'not_started', 'unknown']).toContain(st.state);
      }),
      { numRuns: Math.ceil(RUNS / 8) },
    );
  });
});
