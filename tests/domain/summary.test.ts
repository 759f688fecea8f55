import fc from 'fast-check';
import { buildSummary, NO_UNIT } from '../../src/domain/summary';
import type { SummaryModel } from '../../src/domain/summary';
import { rowState } from '../../src/domain/row-state';
import { ROW_STATES } from '../../src/domain/types';
import { workdaysBetween } from '../../src/domain/workdays';
import type { RowState, Task } from '../../src/domain/types';
import {
  FIXTURE,
  FIXTURE_AS_OF,
  FIXTURE_SOON_DAYS,
  analysisOf,
  dateDeadline,
  fixtureAnalysis,
  fixtureDirectory,
  openDeadline,
  status,
  task,
} from '../support/summary-fixtures';

const GENERATED_AT = '2022-09-15 10:00';

function summarise(tasks = fixtureAnalysis): SummaryModel {
  return buildSummary(tasks, { asOf: FIXTURE_AS_OF, soonDays: FIXTURE_SOON_DAYS, directory: fixtureDirectory, generatedAt: GENERATED_AT });
}

const tasksIn = (state: RowState) => FIXTURE.filter((f) => f.expected === state).map((f) => f.task);

describe('buildSummary on a hand-counted task list', () => {
  const model = summarise();

  it('uses the fixture states the row-state rules give (the fixture itself is right)', () => {
    for (const { task: t, expected } of FIXTURE) expect([t.no, rowState(t, FIXTURE_AS_OF, FIXTURE_SOON_DAYS)]).toEqual([t.no, expected]);
  });

  it('counts every state and the counts add up to the total', () => {
    expect(model.total).toBe(12);
    for (const s of ROW_STATES) expect([s, model.states[s]]).toEqual([s, tasksIn(s).length]);
    expect(ROW_STATES.reduce((n, s) => n + model.states[s], 0)).toBe(model.total);
    expect(model.completed).toBe(3);
    expect(model.completedShare).toBeCloseTo(3 / 12);
  });

  it('completion of fixed deadlines that have passed: done or done_late among tasks due on or before the as-of date', () => {
    // Due ≤ 2022-09-15: tasks 1, 2 (6月底), 3 (8-31), 4 (9-01), 11 (7-31); done among them: 1 and 2.
    // Task 12 is done but due at year end: it counts as completed overall, not here.
    expect(model.dueCompletion).toEqual({ due: 5, completed: 2, rate: 0.4 });
  });

  it('a task due on the as-of date counts as due (due ≤ asOf)', () => {
    const onTheDay = task({ no: '1', deadline: dateDeadline(FIXTURE_AS_OF), lead: ['办公室'], status: status('已完成', 'done') });
    expect(summarise(analysisOf([onTheDay])).dueCompletion).toEqual({ due: 1, completed: 1, rate: 1 });
  });

  it('counts overdue working days by the official calendar: none over a holiday, one on a 调休 Saturday', () => {
    const late = task({ no: '1', deadline: dateDeadline('2022-09-30'), lead: ['办公室'], status: null });
    const on = (asOf: string) => buildSummary(analysisOf([late]), { asOf, soonDays: 10, directory: fixtureDirectory, generatedAt: GENERATED_AT });
    // 10-01 is National Day: the task is overdue, but no working day has passed yet.
    expect(on('2022-10-01').overdue.map((e) => e.workdays)).toEqual([0]);
    // 10-08 is a make-up working Saturday: the first working day after the deadline.
    expect(on('2022-10-08').overdue.map((e) => e.workdays)).toEqual([1]);
  });

  it('has no rate when nothing is due yet (not 0 %)', () => {
    const later = task({ no: '1', deadline: dateDeadline('2022-12-31'), lead: ['办公室'], status: null });
    expect(summarise(analysisOf([later])).dueCompletion).toEqual({ due: 0, completed: 0, rate: null });
  });

  it('groups by section and subsection in sheet order, and the groups add up', () => {
    expect(model.sections.map((s) => [s.name, s.measures])).toEqual([
      ['一、以公开助力经济平稳健康发展', 4],
      ['二、以公开助力保持社会和谐稳定', 4],
      ['三、提高政策公开质量', 4],
    ]);
    expect(model.sections[0].subsections.map((s) => [s.name, s.measures, s.states.overdue])).toEqual([
      ['（一）市场主体', 2, 0],
      ['（二）减税降费', 2, 2],
    ]);
    expect(model.sections[2].subsections).toEqual([]);
    expect(model.sectionCount).toBe(3);
    expect(model.subsectionCount).toBe(4);
    for (const s of ROW_STATES) expect(model.sections.reduce((n, sec) => n + sec.states[s], 0)).toBe(model.states[s]);
    expect(model.sections.reduce((n, s) => n + s.dueCompletion.due, 0)).toBe(model.dueCompletion.due);
    for (const sec of model.sections.slice(0, 2)) {
      expect(sec.subsections.reduce((n, s) => n + s.measures, 0)).toBe(sec.measures);
      expect(sec.subsections.reduce((n, s) => n + s.completed, 0)).toBe(sec.completed);
    }
  });

  it('ranks lead units by overdue, then due soon, then name; aliases resolve; no-lead tasks come last', () => {
    expect(model.leadUnits.map((u) => [u.unit, u.measures, u.states.overdue, u.states.due_soon])).toEqual([
      ['财政局', 3, 1, 1], // tasks 5, 6, 11
      ['经济运行局', 2, 1, 0], // 2, 3
      ['社会发展局', 3, 1, 0], // 7, 11, 12
      ['市场监管局', 1, 1, 0], // 4
      ['办公室', 3, 0, 0], // 1, 8, and 10 written as its alias 管委会办公室
      [NO_UNIT, 1, 0, 0], // 9
    ]);
    // Task 11 has two lead units: the lead table sums to more than the total by exactly the extra leads.
    const leadMentions = FIXTURE.reduce((n, f) => n + Math.max(1, f.task.lead.length), 0);
    expect(model.leadUnits.reduce((n, u) => n + u.measures, 0)).toBe(leadMentions);
    expect(model.leadUnits.find((u) => u.unit === '办公室')?.category).toBe('部门');
  });

  it('expands groups for responsible units and counts a unit once per task', () => {
    const byUnit = Object.fromEntries(model.responsibleUnits.map((u) => [u.unit, u.measures]));
    expect(byUnit).toEqual({
      // 各部门 on 1, 3, 8; directly on 9.
      办公室: 4,
      // 各部门 on 1, 3, 8; directly on 2.
      经济运行局: 4,
      // 各部门 on 1, 3, 8; directly on 2 and on 4 (named twice there, counted once).
      市场监管局: 5,
      // 各部门 on 1, 3 (also named directly: once), 8; directly on 5, 11.
      财政局: 5,
      社会发展局: 5, // 各部门 on 1, 3, 8; directly on 7, 11
      税务局: 2, // 各驻区机构 on 1, 10
      各街道: 1, // members unknown: stays one recipient (task 6)
      [NO_UNIT]: 1, // task 12 names none
    });
    expect(model.responsibleUnits.map((u) => u.unit).slice(-1)).toEqual([NO_UNIT]);
    const measures = model.responsibleUnits.map((u) => u.measures);
    expect(measures.slice(0, -1)).toEqual([...measures.slice(0, -1)].sort((a, b) => b - a));
  });

  it('counts deadlines per month: due, done on time, done late, overdue, still open', () => {
    expect(model.months).toEqual([
      { month: '2022-06', due: 2, doneOnTime: 1, doneLate: 1, overdue: 0, open: 0 },
      { month: '2022-07', due: 1, doneOnTime: 0, doneLate: 0, overdue: 1, open: 0 },
      { month: '2022-08', due: 1, doneOnTime: 0, doneLate: 0, overdue: 1, open: 0 },
      { month: '2022-09', due: 2, doneOnTime: 0, doneLate: 0, overdue: 1, open: 1 },
      { month: '2022-11', due: 1, doneOnTime: 0, doneLate: 0, overdue: 0, open: 1 },
      { month: '2022-12', due: 2, doneOnTime: 1, doneLate: 0, overdue: 0, open: 1 },
    ]);
    const dated = FIXTURE.filter((f) => f.task.deadline.kind === 'date').length;
    expect(model.months.reduce((n, m) => n + m.due, 0)).toBe(dated);
  });

  it('lists overdue tasks with working days overdue, and due-soon tasks with working days left', () => {
    expect(model.overdue.map((e) => [e.no, e.deadlineText, e.lead, e.statusText, e.workdays])).toEqual([
      // (08-31, 09-15]: 9/1, 9/2, 9/5–9/9, 9/13–9/15 — 9/12 is the 中秋 holiday.
      ['3', '8月31日前', ['经济运行局'], '正在推进', 10],
      ['4', '9月1日前', ['市场监管局'], '', 9],
      // (07-31, 09-15]: 23 working days in August, 10 in September.
      ['11', '7月31日前', ['社会发展局', '财政局'], '未启动', 33],
    ]);
    expect(model.overdue[1].measure).toBe('=SUM(A1:A9) 看起来像公式的措施');
    expect(model.dueSoon.map((e) => [e.no, e.workdays])).toEqual([['5', 3]]);
    expect(model.overdue).toHaveLength(model.states.overdue);
    expect(model.dueSoon).toHaveLength(model.states.due_soon);
  });

  it('names the units answerable for overdue tasks, most overdue first', () => {
    expect(model.overdueUnits).toEqual([
      { unit: '财政局', overdue: 1 },
      { unit: '经济运行局', overdue: 1 },
      { unit: '社会发展局', overdue: 1 },
      { unit: '市场监管局', overdue: 1 },
    ]);
  });

  it('falls back to responsible units for an overdue task without a lead unit', () => {
    const t = task({ no: '1', deadline: dateDeadline('2022-01-31'), responsible: ['税务局'], status: null });
    expect(summarise(analysisOf([t])).overdueUnits).toEqual([{ unit: '税务局', overdue: 1 }]);
  });

  it('counts data problems by severity with the most frequent codes first', () => {
    expect(model.problems.bySeverity).toEqual({ error: 1, warning: 2, info: 1 });
    expect(model.problems.topCodes.map((c) => [c.code, c.count])).toEqual([
      ['unit.unknown', 2],
      ['lead.missing', 1],
      ['deadline.reading', 1],
    ]);
    expect(model.problems.distinctCodes).toBe(3);
  });

  it('builds the section × state matrix from the states that occur', () => {
    expect(model.matrix.states).toEqual(ROW_STATES.filter((s) => tasksIn(s).length > 0));
    model.matrix.cells.forEach((row, i) => expect(row.reduce((a, b) => a + b, 0)).toBe(model.sections[i].measures));
  });

  it('keeps the header facts', () => {
    expect([model.title, model.sourceSheet, model.planYear, model.asOf, model.soonDays, model.generatedAt]).toEqual([
      '测试2022年任务分工', 'Sheet1', 2022, FIXTURE_AS_OF, FIXTURE_SOON_DAYS, GENERATED_AT,
    ]);
  });

  it('summarises an empty task list without dividing by zero', () => {
    const empty = summarise(analysisOf([]));
    expect([empty.total, empty.completedShare, empty.dueCompletion.rate, empty.sections, empty.matrix.states]).toEqual([0, null, null, [], []]);
  });
});

describe('buildSummary invariants on random task lists', () => {
  const units = ['办公室', '经济运行局', '市场监管局', '财政局', '社会发展局', '税务局', '各部门', '各街道', '管委会办公室', '外单位'];
  const deadlineArb = fc.oneof(
    fc.date({ min: new Date('2022-01-01T00:00:00Z'), max: new Date('2022-12-31T00:00:00Z') }).map((d) => dateDeadline(d.toISOString().slice(0, 10))),
    fc.constantFrom(openDeadline('ongoing', '长期开展'), openDeadline('timely', '及时'), openDeadline('unknown', '')),
  );
  const statusArb = fc.oneof(
    fc.constant(null),
    fc.constantFrom(status('已完成', 'done'), status('序时推进', 'in_progress'), status('进度滞后', 'behind'), status('', 'unknown')),
    fc.date({ min: new Date('2022-01-01T00:00:00Z'), max: new Date('2022-12-31T00:00:00Z') }).map((d) => status('已于完成', 'done', d.toISOString().slice(0, 10))),
  );
  const taskArb = fc.record({
    section: fc.constantFrom(null, '一、甲', '二、乙'),
    subsection: fc.constantFrom(null, '（一）子', '（二）丑'),
    deadline: deadlineArb,
    lead: fc.subarray(units, { maxLength: 3 }),
    responsible: fc.array(fc.constantFrom(...units), { maxLength: 4 }),
    status: statusArb,
  });

  it('states, sections, months and ledgers always agree with the task list', () => {
    fc.assert(
      fc.property(fc.array(taskArb, { maxLength: 30 }), fc.date({ min: new Date('2022-01-01T00:00:00Z'), max: new Date('2023-02-01T00:00:00Z') }), (specs, asOfDate) => {
        const tasks: Task[] = specs.map((s, i) => task({ no: String(i + 1), ...s }));
        const asOf = asOfDate.toISOString().slice(0, 10);
        const m = buildSummary(analysisOf(tasks), { asOf, soonDays: 10, directory: fixtureDirectory, generatedAt: 'x' });
        const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
        expect(m.total).toBe(tasks.length);
        expect(sum(ROW_STATES.map((s) => m.states[s]))).toBe(m.total);
        expect(sum(m.sections.map((s) => s.measures))).toBe(m.total);
        for (const s of ROW_STATES) expect(sum(m.sections.map((sec) => sec.states[s]))).toBe(m.states[s]);
        expect(sum(m.sections.map((s) => sum(s.subsections.map((x) => x.measures))))).toBe(tasks.filter((t) => t.subsection !== null).length);
        expect(sum(m.months.map((x) => x.due))).toBe(tasks.filter((t) => t.deadline.kind === 'date').length);
        for (const mo of m.months) expect(mo.doneOnTime + mo.doneLate + mo.overdue + mo.open).toBe(mo.due);
        expect(m.overdue).toHaveLength(m.states.overdue);
        expect(m.dueSoon).toHaveLength(m.states.due_soon);
        // Overdue is by the calendar (past the due day); the ledger counts the working days since, which is 0
        // when only a weekend or holiday has passed (due Friday, viewed Saturday).
        for (const e of m.overdue) {
          expect(e.due < asOf).toBe(true);
          expect(e.workdays).toBe(workdaysBetween(e.due, asOf));
          expect(e.workdays).toBeGreaterThanOrEqual(0);
        }
        // Every task appears at least once in each unit table; no unit row is empty.
        expect(sum(m.leadUnits.map((u) => u.measures))).toBeGreaterThanOrEqual(m.total);
        expect(sum(m.responsibleUnits.map((u) => u.measures))).toBeGreaterThanOrEqual(m.total);
        for (const u of [...m.leadUnits, ...m.responsibleUnits]) expect(u.measures).toBeGreaterThan(0);
        expect(sum(m.leadUnits.map((u) => u.states.overdue))).toBeGreaterThanOrEqual(m.states.overdue);
        expect(m.dueCompletion.completed).toBeLessThanOrEqual(Math.min(m.dueCompletion.due, m.completed));
        expect(m.dueCompletion.due).toBe(m.dueCompletion.completed + m.states.overdue + tasks.filter((t) => t.deadline.due === asOf && !['done', 'done_late'].includes(rowState(t, asOf, 10))).length);
      }),
      { numRuns: 150 },
    );
  });
});
