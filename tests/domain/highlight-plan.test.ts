import { cellsToRanges, subtractRange } from '../../src/domain/cell-ranges';
import {
  buildHighlightPlan,
  clearReadRanges,
  highlightReadRanges,
  reconcileClear,
  reconcileHighlight,
  taskColumns,
} from '../../src/domain/highlight-plan';
import type { CellStyle, ColumnMap, Deadline, ProgressState, SheetAnalysis, Task } from '../../src/domain/types';

const COLUMNS: ColumnMap = { section: 0, subsection: 1, measure: 2, deadline: 3, lead: 4, responsible: 5, status: 6, number: null };
const AS_OF = '2022-09-15';

function task(first: number, last: number, due: string | null, state: ProgressState): Task {
  const deadline: Deadline = due ? { text: due, kind: 'date', due } : { text: '长期开展', kind: 'ongoing', due: null };
  return {
    row: first,
    rows: [first, last],
    no: String(first),
    section: '一、',
    subsection: '（一）',
    measure: 'm',
    deadline,
    lead: [],
    responsible: [],
    status: { text: state, state, doneOn: null, recognised: true },
  };
}

function analysis(tasks: Task[], columns: ColumnMap = COLUMNS, lastColumn = 6): SheetAnalysis {
  return {
    sheet: 'S',
    title: null,
    planYear: 2022,
    layout: { headerRow: 2, firstDataRow: 3, lastDataRow: 40, columns, lastColumn, title: null, titleYear: null },
    tasks,
    findings: [],
  };
}

/** A plain cell style as a host would report it (token = the exact snapshot). */
function style(row: number, col: number, fill: string | null = null, font: string | null = null): CellStyle {
  return { row, col, fill, font, token: JSON.stringify({ fill, font, row, col }) };
}

function stylesOf(ranges: { top: number; left: number; bottom: number; right: number }[], paint?: Map<string, [string, string]>): CellStyle[] {
  const out: CellStyle[] = [];
  for (const r of ranges)
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) {
        const p = paint?.get(`${row}:${col}`);
        out.push(p ? style(row, col, p[0], p[1]) : style(row, col));
      }
  return out;
}

describe('the task columns', () => {
  it('start at the measure column, not the shared section/subsection cells, and end at the last table column', () => {
    expect(taskColumns(COLUMNS, 6)).toEqual({ left: 2, right: 6 });
  });
  it('include a 序号 column left of the measure unless a section column sits between them', () => {
    expect(taskColumns({ ...COLUMNS, section: null, subsection: null, number: 0, measure: 1 }, 5)).toEqual({ left: 0, right: 5 });
    expect(taskColumns({ ...COLUMNS, section: 1, subsection: null, number: 0, measure: 2 }, 5)).toEqual({ left: 2, right: 5 });
  });
});

describe('buildHighlightPlan', () => {
  const tasks = [
    task(3, 3, '2022-07-31', 'in_progress'), // overdue
    task(4, 5, '2022-08-31', 'not_started'), // overdue, two rows
    task(6, 6, '2022-07-31', 'done'), // done
    task(8, 8, '2022-07-31', 'done'), // done, but row 7 (a section row) lies between
    task(9, 9, '2022-12-31', 'in_progress'), // on_track: not coloured
    task(10, 10, null, 'in_progress'), // ongoing
  ];

  it('groups consecutive same-state tasks into one range per run and breaks runs at gaps and uncoloured tasks', () => {
    const plan = buildHighlightPlan(analysis(tasks), AS_OF, { soonDays: 10 });
    expect(plan.tasks.map((t) => t.state)).toEqual(['overdue', 'overdue', 'done', 'done', 'on_track', 'ongoing']);
    expect(plan.runs.map((r) => [r.state, r.top, r.bottom])).toEqual([
      ['overdue', 2, 4],
      ['done', 5, 5],
      ['done', 7, 7],
      ['ongoing', 9, 9],
    ]);
    // The plan's number of colour ranges equals the number of runs.
    expect(plan.runs.flatMap((r) => r.ranges)).toHaveLength(plan.runs.length);
    expect(plan.runs[0].ranges[0]).toEqual({ top: 2, bottom: 4, left: 2, right: 6 });
    expect(plan.runs[0]).toMatchObject({ fill: '#FFC7CE', font: '#9C0006' });
    expect(plan.counts).toMatchObject({ overdue: 2, done: 2, on_track: 1, ongoing: 1, due_soon: 0 });
  });

  it('one range per run also holds for many rows', () => {
    const many = Array.from({ length: 5000 }, (_, i) => task(3 + i, 3 + i, i < 2500 ? '2022-07-31' : '2022-12-31', i % 1000 === 999 ? 'done' : 'in_progress'));
    const plan = buildHighlightPlan(analysis(many), AS_OF);
    // The first half is overdue except every 1000th task (done); in the on-track half only those done tasks are coloured.
    expect(plan.runs.map((r) => r.state)).toEqual(['overdue', 'done', 'overdue', 'done', 'overdue', 'done', 'done', 'done']);
    expect(plan.runs.flatMap((r) => r.ranges)).toHaveLength(8);
    expect(plan.runs[0]).toMatchObject({ top: 2, bottom: 1000 });
  });

  it('leaves uncoloured a merged cell shared with rows outside the run', () => {
    // D4:D6 merged over the end of the overdue run (rows 3–5) and the done task on row 6.
    const merges = [{ top: 3, bottom: 5, left: 3, right: 3 }];
    const plan = buildHighlightPlan(analysis(tasks), AS_OF, { merges });
    const overdue = plan.runs[0];
    expect(overdue.ranges).toEqual([
      { top: 2, left: 2, bottom: 2, right: 6 },
      { top: 3, left: 2, bottom: 4, right: 2 },
      { top: 3, left: 4, bottom: 4, right: 6 },
    ]);
    expect(plan.runs[1].ranges).toEqual([
      { top: 5, left: 2, bottom: 5, right: 2 },
      { top: 5, left: 4, bottom: 5, right: 6 },
    ]);
    // A merge inside one run (the two-row task's own merged cell) stays coloured with it.
    const inside = buildHighlightPlan(analysis(tasks), AS_OF, { merges: [{ top: 3, bottom: 4, left: 2, right: 2 }] });
    expect(inside.runs[0].ranges).toHaveLength(1);
  });

  it('follows configured colours and leaves a state set to null untouched', () => {
    const plan = buildHighlightPlan(analysis(tasks), AS_OF, {
      colours: {
        overdue: { fill: '#FF0000', font: '#FFFFFF' },
        due_soon: null,
        behind: null,
        done: null,
        done_late: null,
        on_track: null,
        ongoing: null,
        unknown: null,
      },
    });
    expect(plan.runs).toHaveLength(1);
    expect(plan.runs[0]).toMatchObject({ state: 'overdue', fill: '#FF0000', font: '#FFFFFF' });
  });
});

describe('reconcileHighlight and reconcileClear', () => {
  const tasks = [task(3, 3, '2022-07-31', 'in_progress'), task(4, 4, '2022-12-31', 'in_progress')];

  it('first highlight: remembers every coloured cell with its original style and colours run by run', () => {
    const plan = buildHighlightPlan(analysis(tasks), AS_OF);
    const read = highlightReadRanges(plan, undefined);
    const result = reconcileHighlight(plan, undefined, stylesOf(read));
    expect(result.restore).toEqual([]);
    expect(result.colour).toEqual([{ state: 'overdue', fill: '#FFC7CE', font: '#9C0006', ranges: [{ top: 2, bottom: 2, left: 2, right: 6 }] }]);
    expect(result.record?.cells).toHaveLength(5);
    expect(result.record?.cells[0]).toEqual({ row: 2, col: 2, original: style(2, 2), applied: { fill: '#FFC7CE', font: '#9C0006' } });
  });

  it('re-highlight keeps the first originals, recolours, and restores cells that no longer get a colour', () => {
    const first = buildHighlightPlan(analysis(tasks), AS_OF);
    const r1 = reconcileHighlight(first, undefined, stylesOf(highlightReadRanges(first, undefined)));
    const painted = new Map<string, [string, string]>();
    for (const c of r1.record!.cells) painted.set(`${c.row}:${c.col}`, [c.applied.fill, c.applied.font]);

    // Later: task 1 became done, task 2 passed its date.
    const later = [task(3, 3, '2022-07-31', 'done'), task(4, 4, '2022-12-31', 'in_progress')];
    const second = buildHighlightPlan(analysis(later), '2023-01-05');
    const r2 = reconcileHighlight(second, r1.record!, stylesOf(highlightReadRanges(second, r1.record!), painted));
    expect(r2.colour.map((c) => c.state)).toEqual(['done', 'overdue']);
    expect(r2.record!.cells.filter((c) => c.row === 2).every((c) => c.original.token === style(c.row, c.col).token)).toBe(true);
    expect(r2.record!.cells.filter((c) => c.row === 2).every((c) => c.applied.fill === '#C6EFCE')).toBe(true);

    // Even later with an on-track-only view (nothing coloured): everything goes back.
    const none = buildHighlightPlan(analysis([task(3, 3, '2023-12-31', 'in_progress')]), '2022-09-15');
    const painted2 = new Map<string, [string, string]>();
    for (const c of r2.record!.cells) painted2.set(`${c.row}:${c.col}`, [c.applied.fill, c.applied.font]);
    const r3 = reconcileHighlight(none, r2.record!, stylesOf(highlightReadRanges(none, r2.record!), painted2));
    expect(r3.colour).toEqual([]);
    expect(r3.restore.map((s) => s.token).sort()).toEqual(r2.record!.cells.map((c) => c.original.token).sort());
    expect(r3.record).toBeNull();
  });

  it('a cell recoloured by hand is never written again, on re-highlight or on clear', () => {
    const plan = buildHighlightPlan(analysis(tasks), AS_OF);
    const r1 = reconcileHighlight(plan, undefined, stylesOf(highlightReadRanges(plan, undefined)));
    const painted = new Map<string, [string, string]>();
    for (const c of r1.record!.cells) painted.set(`${c.row}:${c.col}`, [c.applied.fill, c.applied.font]);
    painted.set('2:4', ['#00B0F0', '#000000']); // the clerk made E3 blue

    const r2 = reconcileHighlight(plan, r1.record!, stylesOf(highlightReadRanges(plan, r1.record!), painted));
    expect(r2.newlyUserColoured).toBe(1);
    expect(r2.record!.userColoured).toEqual([{ row: 2, col: 4 }]);
    expect(r2.record!.cells.some((c) => c.row === 2 && c.col === 4)).toBe(false);
    const coloured = r2.colour.flatMap((c) => c.ranges);
    expect(coloured.some((r) => r.top <= 2 && r.bottom >= 2 && r.left <= 4 && r.right >= 4)).toBe(false);
    expect(r2.restore).toEqual([]);

    // A third highlight still leaves it alone (it is remembered, not forgotten).
    const r3 = reconcileHighlight(plan, r2.record!, stylesOf(highlightReadRanges(plan, r2.record!), painted));
    expect(r3.colour.flatMap((c) => c.ranges).some((r) => r.top <= 2 && r.bottom >= 2 && r.left <= 4 && r.right >= 4)).toBe(false);
    expect(r3.newlyUserColoured).toBe(0);

    const clear = reconcileClear(r3.record!, stylesOf(clearReadRanges(r3.record!), painted));
    expect(clear.keptUserColour).toBe(1);
    expect(clear.restore).toHaveLength(4);
    expect(clear.restore.some((s) => s.row === 2 && s.col === 4)).toBe(false);
  });

  it('an unchanged re-highlight is a fixed point', () => {
    const plan = buildHighlightPlan(analysis(tasks), AS_OF);
    const r1 = reconcileHighlight(plan, undefined, stylesOf(highlightReadRanges(plan, undefined)));
    const painted = new Map<string, [string, string]>();
    for (const c of r1.record!.cells) painted.set(`${c.row}:${c.col}`, [c.applied.fill, c.applied.font]);
    const r2 = reconcileHighlight(plan, r1.record!, stylesOf(highlightReadRanges(plan, r1.record!), painted));
    expect(r2.record).toEqual(r1.record);
    expect(r2.colour).toEqual(r1.colour);
    expect(r2.restore).toEqual([]);
  });

  it('reads only what it colours plus what it remembers', () => {
    const plan = buildHighlightPlan(analysis(tasks), AS_OF);
    expect(highlightReadRanges(plan, undefined)).toEqual([{ top: 2, bottom: 2, left: 2, right: 6 }]);
    const record = { asOf: AS_OF, cells: [{ row: 20, col: 2, original: style(20, 2), applied: { fill: '#C6EFCE', font: '#006100' } }] };
    // …and the cell under a remembered one (where an inserted row would have copied its colours), within the sheet.
    expect(highlightReadRanges(plan, record, 30)).toEqual([
      { top: 2, bottom: 2, left: 2, right: 6 },
      { top: 20, bottom: 21, left: 2, right: 2 },
    ]);
    expect(highlightReadRanges(plan, record, 20)).toEqual([
      { top: 2, bottom: 2, left: 2, right: 6 },
      { top: 20, bottom: 20, left: 2, right: 2 },
    ]);
  });

  it('a cell showing exactly the colours given to the cell above was copied from it: it shares that original', () => {
    const plan = buildHighlightPlan(analysis(tasks), AS_OF); // row 2 red, row 3 on track
    const r1 = reconcileHighlight(plan, undefined, stylesOf(highlightReadRanges(plan, undefined)));
    const painted = new Map<string, [string, string]>();
    for (const c of r1.record!.cells) painted.set(`${c.row}:${c.col}`, [c.applied.fill, c.applied.font]);
    // Row 3 (on track, never coloured) now shows row 2's red: an inserted row that copied the format above.
    for (let col = 2; col <= 6; col++) painted.set(`3:${col}`, ['#FFC7CE', '#9C0006']);
    const read = highlightReadRanges(plan, r1.record!, 10);
    const r2 = reconcileHighlight(plan, r1.record!, stylesOf(read, painted));
    expect(r2.restore.map((s) => [s.row, s.col, s.token])).toEqual([2, 3, 4, 5, 6].map((col) => [3, col, style(2, col).token]));
    const clear = reconcileClear(r1.record!, stylesOf(clearReadRanges(r1.record!, 10), painted));
    expect(clear.restore.filter((s) => s.row === 3)).toHaveLength(5);
  });
});

describe('cell range helpers', () => {
  it('turns a rectangle of cells back into that rectangle', () => {
    const cells = [];
    for (let row = 4; row <= 9; row++) for (let col = 2; col <= 6; col++) cells.push({ row, col });
    expect(cellsToRanges(cells)).toEqual([{ top: 4, left: 2, bottom: 9, right: 6 }]);
  });
  it('cuts a hole into at most four pieces covering exactly the rest', () => {
    const range = { top: 0, left: 0, bottom: 4, right: 4 };
    const pieces = subtractRange(range, { top: 1, left: 1, bottom: 2, right: 2 });
    expect(pieces).toHaveLength(4);
    expect(pieces.reduce((n, r) => n + (r.bottom - r.top + 1) * (r.right - r.left + 1), 0)).toBe(25 - 4);
    expect(subtractRange(range, { top: 7, left: 7, bottom: 8, right: 8 })).toEqual([range]);
  });
});
