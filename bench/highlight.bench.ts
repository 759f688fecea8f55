/**
 * How the colour-coding scales: the plan (row states, runs, merged cells cut out), the reconciliation with
 * the saved record and the current styles, and packing the record, on a generated sheet of N task rows with
 * a merged deadline cell every few rows, highlighted twice (first time, then again as of a later date).
 * Run: `npx ts-node --transpile-only bench/highlight.bench.ts [rows]`. Watch for linear growth.
 */
import { buildHighlightPlan, highlightReadRanges, reconcileHighlight } from '../src/domain/highlight-plan';
import { packRecord, unpackRecord } from '../src/domain/highlight-record';
import type { CellRange, CellStyle, ProgressState, SheetAnalysis, Task } from '../src/domain/types';
import { time } from './support';

const rows = Number(process.argv[2]) || 100_000;
const PROGRESS: ProgressState[] = ['done', 'in_progress', 'in_progress', 'behind', 'unknown', 'not_started'];


const tasks: Task[] = Array.from({ length: rows }, (_, i) => {
  const due = `2022-${String(1 + (Math.floor(i / 7) % 12)).padStart(2, '0')}-28`;
  const state = PROGRESS[Math.floor(i / 3) % PROGRESS.length];
  return {
    row: i + 3,
    rows: [i + 3, i + 3],
    no: String(i + 1),
    section: null,
    subsection: null,
    measure: 'm',
    deadline: i % 5 === 0 ? { text: '长期开展', kind: 'ongoing', due: null } : { text: due, kind: 'date', due },
    lead: [],
    responsible: [],
    status: { text: state, state, doneOn: null, recognised: true },
  };
});
const analysis: SheetAnalysis = {
  sheet: 'S',
  title: null,
  planYear: 2022,
  layout: {
    headerRow: 2,
    firstDataRow: 3,
    lastDataRow: rows + 2,
    columns: { section: 0, subsection: 1, measure: 2, deadline: 3, lead: 4, responsible: 5, status: 6, number: null },
    lastColumn: 6,
    title: null,
    titleYear: null,
  },
  tasks,
  findings: [],
};
const merges: CellRange[] = [];
for (let r = 2; r + 1 < rows + 2; r += 10) merges.push({ top: r, left: 3, bottom: r + 1, right: 3 });

/** Styles as a host would report them: plain cells, or the colours of the previous pass. */
function stylesFor(ranges: CellRange[], painted: Map<number, { fill: string; font: string }>): CellStyle[] {
  const out: CellStyle[] = [];
  for (const r of ranges)
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) {
        const p = painted.get(row * 16384 + col);
        out.push({ row, col, fill: p?.fill ?? null, font: p?.font ?? null, token: p ? 'ours' : 'plain' });
      }
  return out;
}

console.log(`${rows} rows, ${merges.length} merged cells`);
const first = time('buildHighlightPlan (first pass)', () => buildHighlightPlan(analysis, '2022-06-15', { merges }));
console.log(`  runs: ${first.runs.length}`);
const r1 = time('reconcileHighlight (first pass)', () => reconcileHighlight(first, undefined, stylesFor(highlightReadRanges(first, undefined), new Map())));
const stored = time('packRecord', () => packRecord(r1.record!));
console.log(`  state JSON: ${(JSON.stringify(stored).length / 1e6).toFixed(2)} MB packed, ${(JSON.stringify(r1.record).length / 1e6).toFixed(2)} MB unpacked`);
const previous = time('unpackRecord', () => unpackRecord(stored)!);
const painted = new Map(previous.cells.map((c) => [c.row * 16384 + c.col, c.applied]));
const second = time('buildHighlightPlan (later date)', () => buildHighlightPlan(analysis, '2022-11-15', { merges }));
time('reconcileHighlight (later date)', () => reconcileHighlight(second, previous, stylesFor(highlightReadRanges(second, previous), painted)));
