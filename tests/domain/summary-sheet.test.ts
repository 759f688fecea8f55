/**
 * Every number on the 落实情况汇总 sheet, read back from the SheetSpec and checked against the hand-counted
 * task list it came from (tests/support/summary-fixtures.ts), plus the layout promises (print, merges, styles).
 */
import { buildSummary, NO_UNIT } from '../../src/domain/summary';
import { reportParagraph } from '../../src/domain/report-paragraph';
import { DEFAULT_SUMMARY_SHEET_NAME, STATE_CHART_COLOURS, summarySheetSpec } from '../../src/domain/summary-sheet';
import { STATE_NAMES, rowState } from '../../src/domain/row-state';
import type { SheetSpec, SpecValue } from '../../src/domain/sheet-spec';
import { ROW_STATES } from '../../src/domain/types';
import type { RowState } from '../../src/domain/types';
import { FIXTURE, FIXTURE_AS_OF, FIXTURE_SOON_DAYS, analysisOf, fixtureAnalysis, fixtureDirectory } from '../support/summary-fixtures';

const model = buildSummary(fixtureAnalysis, { asOf: FIXTURE_AS_OF, soonDays: FIXTURE_SOON_DAYS, directory: fixtureDirectory, generatedAt: '2022-09-15 10:00' });
const spec = summarySheetSpec(model, 'zh-CN');
const tasks = FIXTURE.map((f) => f.task);
const stateOf = (i: number): RowState => rowState(tasks[i], FIXTURE_AS_OF, FIXTURE_SOON_DAYS);
const count = (pred: (i: number) => boolean) => tasks.filter((_, i) => pred(i)).length;
const done = (s: RowState) => s === 'done' || s === 'done_late';

const v = (s: SheetSpec, r: number, c: number): SpecValue => s.rows[r]?.[c]?.v ?? null;
/** The first figure column (D): 任务数, then 已完成（含逾期完成）, 其中逾期完成, 逾期未完成, 临期, 长期/常态, 已到期, 到期完成率. */
const F = 3;
/** State names as the summary prints them: 已完成 means done on time or late, so on time is 按期完成. */
const printedName = (s: RowState) => (s === 'done' ? '按期完成' : s === 'overdue' ? '逾期未完成' : STATE_NAMES[s].zh);

/** Row index of the first row whose column A holds `text` (exactly, or starting with it when `prefix`). */
function rowOf(s: SheetSpec, text: string, from = 0, prefix = false): number {
  for (let r = from; r < s.rows.length; r++) {
    const a = v(s, r, 0);
    if (typeof a === 'string' && (prefix ? a.startsWith(text) : a === text)) return r;
  }
  throw new Error(`no row "${text}" after ${from}`);
}

/** The data rows of the table under a heading: from two rows below it (after the header) to the next blank row. */
function tableRows(s: SheetSpec, heading: string): number[] {
  const start = rowOf(s, heading, 0, true) + 2;
  const rows: number[] = [];
  // A table ends at a blank row or, where the next block starts on a new page, at the next heading; a header
  // row repeated at the top of a page the table continues on is not a data row.
  const styleOf = (r: number) => s.rows[r][0].s;
  for (let r = start; r < s.rows.length && s.rows[r].some((c) => c.v !== null) && styleOf(r) !== 'heading' && styleOf(r) !== 'subheading'; r++) {
    if (!String(v(s, r, 0)).startsWith('注') && styleOf(r) !== 'th') rows.push(r);
  }
  return rows;
}

describe('summary sheet numbers against the task list', () => {
  it('overview: one row per state, counts and shares from the tasks, a total equal to the task count', () => {
    const rows = tableRows(spec, '一、总体情况');
    ROW_STATES.forEach((state, i) => {
      const r = rows[i];
      expect([v(spec, r, 0), v(spec, r, F)]).toEqual([printedName(state), count((j) => stateOf(j) === state)]);
      expect(v(spec, r, F + 1)).toBeCloseTo(count((j) => stateOf(j) === state) / tasks.length);
    });
    const totalRow = rows[ROW_STATES.length];
    expect([v(spec, totalRow, 0), v(spec, totalRow, F)]).toEqual(['合计', tasks.length]);
    expect(rows.slice(0, ROW_STATES.length).reduce((n, r) => n + (v(spec, r, F) as number), 0)).toBe(tasks.length);
    const [completedRow, dueRow, dueDoneRow] = rows.slice(ROW_STATES.length + 1);
    expect([v(spec, completedRow, 0), v(spec, completedRow, F)]).toEqual(['已完成（含逾期完成）', count((j) => done(stateOf(j)))]);
    // 已完成 is 按期完成 + 逾期完成, the rows above it.
    expect(v(spec, completedRow, F)).toBe((v(spec, rows[0], F) as number) + (v(spec, rows[1], F) as number));
    const passed = (j: number) => tasks[j].deadline.kind === 'date' && (tasks[j].deadline.due as string) <= FIXTURE_AS_OF;
    expect(v(spec, dueRow, F)).toBe(count(passed));
    expect(v(spec, dueDoneRow, F)).toBe(count((j) => passed(j) && done(stateOf(j))));
    expect(v(spec, dueDoneRow, F + 1)).toBeCloseTo(count((j) => passed(j) && done(stateOf(j))) / count(passed));
  });

  it('sections: section rows add up to the total row, subsection rows to their section', () => {
    const rows = tableRows(spec, '二、分方面落实情况');
    const sectionRows = rows.filter((r) => typeof v(spec, r, 0) === 'string' && /^[一二三]、/.test(v(spec, r, 0) as string));
    const total = rows[rows.length - 1];
    expect(v(spec, total, 0)).toBe('合计');
    for (let c = F; c <= F + 6; c++) {
      expect([c, sectionRows.reduce((n, r) => n + (v(spec, r, c) as number), 0)]).toEqual([c, v(spec, total, c)]);
    }
    for (const r of sectionRows) {
      const name = v(spec, r, 0) as string;
      const mine = (j: number) => tasks[j].section === name;
      expect([name, v(spec, r, F), v(spec, r, F + 1), v(spec, r, F + 3), v(spec, r, F + 5)]).toEqual([
        name,
        count(mine),
        count((j) => mine(j) && done(stateOf(j))),
        count((j) => mine(j) && stateOf(j) === 'overdue'),
        count((j) => mine(j) && stateOf(j) === 'ongoing'),
      ]);
    }
    // Subsections of section 一 (the two rows after it) add up to it.
    const first = rows.indexOf(sectionRows[0]);
    const subs = rows.slice(first + 1, first + 3);
    for (let c = F; c <= F + 6; c++) expect(subs.reduce((n, r) => n + (v(spec, r, c) as number), 0)).toBe(v(spec, sectionRows[0], c));
    expect(v(spec, total, F)).toBe(tasks.length);
    // One meaning of 已完成: the sections' 已完成 add up to the total's, which is the overview's 已完成（含逾期完成）.
    expect(v(spec, total, F + 1)).toBe(v(spec, rowOf(spec, '已完成（含逾期完成）'), F));
  });

  it('lead units: each row recounted from the tasks that name the unit as lead, most overdue first', () => {
    const rows = tableRows(spec, '三、牵头单位').filter((r) => !(v(spec, r, 0) as string | null)?.toString().startsWith('注'));
    const names = rows.map((r) => v(spec, r, 1));
    expect(names).toEqual(model.leadUnits.map((u) => u.unit));
    for (const r of rows) {
      const unit = v(spec, r, 1) as string;
      const mine = (j: number) =>
        unit === NO_UNIT ? tasks[j].lead.length === 0 : tasks[j].lead.some((l) => fixtureDirectory.canonicalKey(l) === unit);
      expect([unit, v(spec, r, F), v(spec, r, F + 1), v(spec, r, F + 3), v(spec, r, F + 4)]).toEqual([
        unit,
        count(mine),
        count((j) => mine(j) && done(stateOf(j))),
        count((j) => mine(j) && stateOf(j) === 'overdue'),
        count((j) => mine(j) && stateOf(j) === 'due_soon'),
      ]);
    }
    const overdue = rows.map((r) => v(spec, r, F + 3) as number);
    expect(overdue.slice(0, -1)).toEqual([...overdue.slice(0, -1)].sort((a, b) => b - a));
  });

  it('responsible units: groups expanded, each task counted once per unit', () => {
    const rows = tableRows(spec, '四、责任单位');
    const byUnit = Object.fromEntries(rows.filter((r) => v(spec, r, 1) !== null).map((r) => [v(spec, r, 1), v(spec, r, F)]));
    for (const [unit, n] of Object.entries(byUnit)) {
      const mine = (j: number) =>
        unit === NO_UNIT ? tasks[j].responsible.length === 0 : tasks[j].responsible.some((name) => fixtureDirectory.expand(name).includes(unit));
      expect([unit, n]).toEqual([unit, count(mine)]);
    }
    expect(Object.keys(byUnit)).toHaveLength(model.responsibleUnits.length);
  });

  it('months: per-month rows recounted, and the total row is their sum', () => {
    const rows = tableRows(spec, '五、按完成时限月份').filter((r) => !String(v(spec, r, 0)).startsWith('注'));
    const total = rows[rows.length - 1];
    expect(v(spec, total, 0)).toBe('合计');
    for (const r of rows.slice(0, -1)) {
      const [y, m] = (v(spec, r, 0) as string).match(/\d+/g)!.map(Number);
      const month = `${y}-${String(m).padStart(2, '0')}`;
      const mine = (j: number) => tasks[j].deadline.due?.startsWith(month) === true;
      expect([month, v(spec, r, F), v(spec, r, F + 1), v(spec, r, F + 2), v(spec, r, F + 3)]).toEqual([
        month,
        count(mine),
        count((j) => mine(j) && stateOf(j) === 'done'),
        count((j) => mine(j) && stateOf(j) === 'done_late'),
        count((j) => mine(j) && stateOf(j) === 'overdue'),
      ]);
    }
    for (let c = F; c <= F + 4; c++) expect(rows.slice(0, -1).reduce((n, r) => n + (v(spec, r, c) as number), 0)).toBe(v(spec, total, c));
    expect(v(spec, total, F)).toBe(count((j) => tasks[j].deadline.kind === 'date'));
    // On-time rate among tasks whose outcome is known: 2022-06 one on time, one late → 50 %;
    // 2022-11 has only an open task → no rate; total: 2 on time of 2 + 1 late + 3 overdue.
    const rateOf = (label: string) => v(spec, rows.find((r) => v(spec, r, 0) === label)!, F + 5);
    expect([rateOf('2022年6月'), rateOf('2022年11月'), rateOf('合计')]).toEqual([0.5, '—', 2 / 6]);
  });

  it('ledger: one row per overdue task with its text as written, then the due-soon list', () => {
    const rows = tableRows(spec, '六、逾期事项台账');
    const overdueTasks = tasks.filter((_, j) => stateOf(j) === 'overdue');
    const header = rowOf(spec, '六、逾期事项台账') + 1;
    expect(spec.rows[header].map((c) => c.v).filter((x) => x !== null)).toEqual(['序号', '任务编号', '工作任务（贯彻举措）', '完成时限', '牵头单位', '责任单位', '完成情况', '逾期（工作日）']);
    expect(
      rows.slice(0, overdueTasks.length).map((r) => [v(spec, r, 0), v(spec, r, 1), v(spec, r, 2), v(spec, r, 4), v(spec, r, 5), v(spec, r, 7), v(spec, r, 9)]),
    ).toEqual(overdueTasks.map((t, i) => [i + 1, t.no, t.measure, t.deadline.text, t.lead.join('、'), t.responsible.join('、'), t.status?.text ?? '']));
    expect(rows.slice(0, overdueTasks.length).map((r) => v(spec, r, 10))).toEqual([10, 9, 33]);
    const soon = tableRows(spec, '临期事项');
    expect(soon.map((r) => [v(spec, r, 0), v(spec, r, 1), v(spec, r, 10)])).toEqual([[1, '5', 3]]);
  });

  it('data problems: counts by severity and top codes', () => {
    const rows = tableRows(spec, '九、表格数据问题');
    expect(rows.slice(0, 3).map((r) => [v(spec, r, 0), v(spec, r, F)])).toEqual([['错误', 1], ['警告', 2], ['提示', 1]]);
    const codes = tableRows(spec, '主要问题类型');
    // Kinds in words, never the code.
    expect(codes.map((r) => [v(spec, r, 0), v(spec, r, F)])).toEqual([['单位不在单位名录中', 2], ['牵头单位未填写', 1], ['完成时限按某种读法理解', 1]]);
  });

  it('state matrix: the chart data block, rows summing to their section', () => {
    const rows = tableRows(spec, '十、分方面状态分布');
    const header = rowOf(spec, '十、分方面状态分布', 0, true) + 1;
    const states = model.matrix.states;
    expect(states.map((_, j) => v(spec, header, j + F))).toEqual(states.map(printedName));
    rows.forEach((r) => {
      const name = v(spec, r, 2) as string;
      states.forEach((s, j) => expect(v(spec, r, j + F)).toBe(count((i) => tasks[i].section === name && stateOf(i) === s)));
    });
    // Categories in C, series from D: one contiguous block with no empty column inside.
    expect(spec.chart).toMatchObject({ type: 'barStacked', data: { top: header, left: 2, bottom: rows[rows.length - 1], right: 2 + states.length } });
    expect(spec.chart?.seriesColors).toEqual(states.map((s) => STATE_CHART_COLOURS[s]));
    // The chart goes below everything, on rows left empty for it, so in a program without charts it leaves no gap inside the report.
    const paragraphRow = rowOf(spec, '十一、年度报告参考段落') + 1;
    expect(spec.chart!.anchor.row).toBeGreaterThan(paragraphRow);
    for (let r = spec.chart!.anchor.row; r < spec.rows.length; r++) expect(spec.rows[r].every((c) => c.v === null)).toBe(true);
  });

  it('paragraph: the last block is the annual-report paragraph in one merged, wrapped cell', () => {
    const r = rowOf(spec, '十一、年度报告参考段落') + 1;
    expect(v(spec, r, 0)).toBe(reportParagraph(model));
    expect(spec.merges).toContainEqual({ top: r, left: 0, bottom: r, right: 10 });
    expect(spec.styles[spec.rows[r][0].s!]).toMatchObject({ wrap: true });
    expect(spec.rowHeights![r]).toBeGreaterThanOrEqual(3 * 14);
  });
});

describe('summary sheet layout', () => {
  it('prints A4 landscape at 100 % with the title repeated, its own page breaks, a footer with page numbers and the as-of date', () => {
    expect(spec.name).toBe(DEFAULT_SUMMARY_SHEET_NAME);
    expect(spec.marker).toBe('summary');
    expect(spec.print).toMatchObject({ landscape: true, fitToWidth: false, scale: 100, repeatRows: [0, 0], paper: 'A4' });
    expect(spec.print?.footer).toEqual({ left: '统计截至2022年9月15日', center: '第 &P 页 共 &N 页', right: expect.stringContaining('落实情况汇总') });
    expect(spec.freeze).toEqual({ rows: 3, cols: 0 });
    expect(spec.hiddenRows).toEqual([1]);
    expect(spec.font?.name).toBe('宋体');
    expect(spec.columnWidths).toHaveLength(11);
    // Every row has its height, so the page breaks computed from them are where the printer breaks.
    spec.rows.forEach((_, r) => expect(spec.rowHeights![r]).toBeGreaterThan(0));
  });

  it('is a well-formed grid: eleven cells a row, merges inside it and not overlapping, every style defined', () => {
    for (const row of spec.rows) expect(row).toHaveLength(11);
    const covered = new Set<string>();
    for (const m of spec.merges) {
      expect(m.right).toBeLessThan(11);
      expect(m.bottom).toBeLessThan(spec.rows.length);
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          expect(covered.has(`${r}:${c}`)).toBe(false);
          covered.add(`${r}:${c}`);
          if (r !== m.top || c !== m.left) expect(spec.rows[r][c].v).toBeNull();
        }
      }
    }
    for (const row of spec.rows) for (const cell of row) if (cell.s) expect(spec.styles[cell.s]).toBeDefined();
  });

  it('puts data bars only over count cells', () => {
    expect(spec.dataBars!.length).toBeGreaterThanOrEqual(4);
    for (const bar of spec.dataBars!) {
      for (let r = bar.range.top; r <= bar.range.bottom; r++) expect(typeof v(spec, r, bar.range.left)).toBe('number');
    }
  });

  it('keeps text that looks like a formula as the string it is', () => {
    const r = rowOf(spec, '六、逾期事项台账') + 2 + tasks.filter((_, j) => stateOf(j) === 'overdue').findIndex((t) => t.no === '4');
    expect([v(spec, r, 1), v(spec, r, 2)]).toEqual(['4', '=SUM(A1:A9) 看起来像公式的措施']);
  });

  it('has English labels for en-US users', () => {
    const en = summarySheetSpec(model, 'en-US');
    expect(v(en, rowOf(en, '1. Overview'), 0)).toBe('1. Overview');
    expect(v(en, rowOf(en, '11. Paragraph for the annual report') + 1, 0)).toBe(reportParagraph(model, 'en-US'));
    // Short enough on the right not to run into the page number in the middle.
    expect(en.print?.footer).toEqual({ left: 'As of 2022-09-15', center: 'Page &P of &N', right: 'Implementation summary' });
  });

  it('explains the （未明确） row only when the table has one', () => {
    const noteAfter = (sheet: SheetSpec, heading: string) => {
      for (let r = rowOf(sheet, heading, 0, true); ; r++) if (String(v(sheet, r, 0)).startsWith('注')) return v(sheet, r, 0) as string;
    };
    expect(noteAfter(spec, '三、牵头单位')).toContain('未写牵头单位');
    const allLed = buildSummary(analysisOf(tasks.filter((t) => t.lead.length > 0 && t.responsible.length > 0)), {
      asOf: FIXTURE_AS_OF, soonDays: 10, directory: fixtureDirectory, generatedAt: 'x',
    });
    const s = summarySheetSpec(allLed);
    expect(noteAfter(s, '三、牵头单位')).not.toContain('未明确');
    expect(noteAfter(s, '四、责任单位')).not.toContain('未明确');
  });

  it('copes with an empty task list (no chart, no ledger rows) and a custom name', () => {
    const empty = buildSummary(analysisOf([]), { asOf: FIXTURE_AS_OF, soonDays: 10, directory: fixtureDirectory, generatedAt: 'x' });
    const s = summarySheetSpec(empty, 'zh-CN', { name: '汇总2022' });
    expect(s.name).toBe('汇总2022');
    expect(s.chart).toBeUndefined();
    expect(v(s, rowOf(s, '六、逾期事项台账') + 1, 0)).toBe('无逾期未完成事项。');
  });
});
