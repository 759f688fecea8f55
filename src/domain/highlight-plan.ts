/**
 * The highlight plan: which cells get which colour as of a date, as few ranges as possible — consecutive
 * tasks in the same state form one run and each run is one range, so a host applies one format operation
 * per run, never one per row or cell.
 *
 * Then the reconciliation with what the workbook remembers (its saved HighlightRecord) and the cells' current
 * colours, which decides what to colour, what to put back and what to remember:
 *  - the ORIGINAL style of a cell is saved the first time the product colours it and never replaced while the
 *    cell stays coloured, so `clear` can restore it exactly however many times the sheet was re-highlighted;
 *  - a cell whose current colours differ from the colours the product last applied was recoloured by hand:
 *    the product never writes to it again (not on re-highlight, not on clear) and lists it in `userColoured`;
 *  - a previously coloured cell that no longer gets a colour (its task is now on track, or left the table) gets
 *    its original style back.
 */
import { cellKey, cellsToRanges, colOfKey, forEachCell, rangeContains, rangesIntersect, rowOfKey, strictlyAscending, subtractRanges } from './cell-ranges';
import { normaliseColour, resolveColours } from './colours';
import { countStates, DEFAULT_SOON_DAYS, rowState, type StateCounts } from './row-state';
import type { CellRange, CellStyle, ColumnMap, RowState, SheetAnalysis } from './types';
import type { HighlightedCell, HighlightRecord, StateColours } from './workbook-state';

export interface TaskState {
  /** 1-based first row and first/last rows of the task, as in Task. */
  row: number;
  rows: [number, number];
  no: string;
  state: RowState;
}

export interface ColourRun {
  state: RowState;
  fill: string;
  font: string;
  /** 0-based first and last sheet row of the run. */
  top: number;
  bottom: number;
  /**
   * Normally one rectangle. A merged cell that the run shares with rows outside it (a deadline merged over
   * tasks in different states) is cut out and left uncoloured, which splits the run into a few rectangles.
   */
  ranges: CellRange[];
}

export interface HighlightPlan {
  sheet: string;
  asOf: string;
  soonDays: number;
  /** 0-based first and last column coloured: the task's own cells, not the section/subsection columns. */
  columns: { left: number; right: number };
  tasks: TaskState[];
  counts: StateCounts;
  /** Coloured states only, top to bottom. */
  runs: ColourRun[];
}

export interface HighlightPlanOptions {
  soonDays?: number;
  /** Full colour table (null = leave untouched); default: the defaults with no overrides. */
  colours?: Record<RowState, StateColours | null>;
  /** The sheet's merged areas (SheetGrid.merges). */
  merges?: CellRange[];
}

/**
 * The task's own columns: from the measure column to the table's last column, widened to the 序号 column
 * when it stands left of the measure with no section/subsection column in between (then it numbers the
 * measures and belongs to them). Section and subsection cells are shared by several tasks and stay as they are.
 */
export function taskColumns(columns: ColumnMap, lastColumn: number): { left: number; right: number } {
  let left = columns.measure;
  const number = columns.number;
  if (number !== null && number < columns.measure) {
    const shared = [columns.section, columns.subsection].some((c) => c !== null && c > number && c < columns.measure);
    if (!shared) left = number;
  }
  return { left, right: Math.max(lastColumn, columns.measure) };
}

export function buildHighlightPlan(analysis: SheetAnalysis, asOf: string, options: HighlightPlanOptions = {}): HighlightPlan {
  const soonDays = options.soonDays ?? DEFAULT_SOON_DAYS;
  const colours = options.colours ?? resolveColours();
  const columns = taskColumns(analysis.layout.columns, analysis.layout.lastColumn);

  const tasks: TaskState[] = analysis.tasks
    .map((t) => ({ row: t.row, rows: [t.rows[0], t.rows[1]] as [number, number], no: t.no, state: rowState(t, asOf, soonDays) }))
    .sort((a, b) => a.rows[0] - b.rows[0]);

  const runs: ColourRun[] = [];
  for (const t of tasks) {
    const colour = colours[t.state];
    if (!colour) continue;
    const top = t.rows[0] - 1;
    const bottom = t.rows[1] - 1;
    const last = runs[runs.length - 1];
    if (last && last.state === t.state && last.bottom + 1 === top) {
      last.bottom = bottom;
      last.ranges[0].bottom = bottom;
    } else {
      runs.push({ state: t.state, fill: colour.fill, font: colour.font, top, bottom, ranges: [{ top, bottom, ...columns }] });
    }
  }
  cutSharedMerges(runs, options.merges ?? []);

  return { sheet: analysis.sheet, asOf, soonDays, columns, tasks, counts: countStates(tasks.map((t) => t.state)), runs };
}

/** Leaves uncoloured every merged area a run shares with rows outside the run (linear in merges × runs they touch). */
function cutSharedMerges(runs: ColourRun[], merges: CellRange[]): void {
  const holes = new Map<ColourRun, CellRange[]>();
  for (const merge of merges) {
    // Runs are sorted and disjoint: binary-search the first run that ends at or below the merge's top.
    let lo = 0;
    let hi = runs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (runs[mid].bottom < merge.top) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < runs.length && runs[i].top <= merge.bottom; i++) {
      const rect = runs[i].ranges[0];
      if (rangesIntersect(rect, merge) && !rangeContains(rect, merge)) {
        const list = holes.get(runs[i]) ?? [];
        list.push(merge);
        holes.set(runs[i], list);
      }
    }
  }
  for (const [run, list] of holes) run.ranges = subtractRanges(run.ranges, list);
}

/**
 * The cells whose colours the highlight workflow must read: everything it will colour, everything it
 * remembers, and the cell under each remembered cell that is neither (where a row inserted below a coloured
 * row would have copied its colours — see {@link copiedOriginal}).
 */
export function highlightReadRanges(plan: HighlightPlan, previous: HighlightRecord | undefined, lastRow = Infinity): CellRange[] {
  const planned = plan.runs.flatMap((r) => r.ranges);
  // Nothing remembered (a first highlight): nothing outside the plan, and no cell under a remembered one, to read.
  if (!(previous?.cells ?? []).length) return planned;
  const plannedKeys = new Set<number>();
  forEachCell(planned, (row, col) => plannedKeys.add(cellKey(row, col)));
  const recordedOutside = (previous?.cells ?? []).filter((c) => !plannedKeys.has(cellKey(c.row, c.col)));
  return [...planned, ...cellsToRanges([...recordedOutside, ...copyCandidates(previous, plannedKeys, lastRow)])];
}

/** Remembered cells by position. */
interface RecordedCells {
  readonly size: number;
  get(row: number, col: number): HighlightedCell | undefined;
}

/**
 * The record's cells by position: found by binary search when they are listed row by row, left to right, each
 * once (as packed records unpack), so no map of 800 000 entries is built; in a map otherwise (the last of a
 * repeated cell winning, as a map's set does).
 */
function recordedCells(cells: HighlightedCell[]): RecordedCells {
  if (!strictlyAscending(cells)) {
    const byKey = new Map<number, HighlightedCell>();
    for (const cell of cells) byKey.set(cellKey(cell.row, cell.col), cell);
    return { size: byKey.size, get: (row, col) => byKey.get(cellKey(row, col)) };
  }
  return {
    size: cells.length,
    get(row, col) {
      let lo = 0;
      let hi = cells.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const c = cells[mid];
        if (c.row === row && c.col === col) return c;
        if (c.row < row || (c.row === row && c.col < col)) lo = mid + 1;
        else hi = mid - 1;
      }
      return undefined;
    },
  };
}

/**
 * Cells right under a remembered cell that are not remembered themselves (nor excluded), down to `lastRow`
 * (the sheet's last used row: reading below it would only find empty cells).
 */
function copyCandidates(record: HighlightRecord | undefined, exclude: Set<number>, lastRow: number): { row: number; col: number }[] {
  const recorded = recordedCells(record?.cells ?? []);
  const out: { row: number; col: number }[] = [];
  for (const c of record?.cells ?? []) {
    if (c.row + 1 <= lastRow && !recorded.get(c.row + 1, c.col) && !exclude.has(cellKey(c.row + 1, c.col))) out.push({ row: c.row + 1, col: c.col });
  }
  return out;
}

export interface ColourChange {
  fill: string;
  font: string;
  state: RowState;
  ranges: CellRange[];
}

export interface HighlightReconciliation {
  /** Original styles to put back: cells the product coloured before that get no colour now. */
  restore: CellStyle[];
  /** One entry per coloured state; each range is one format operation. */
  colour: ColourChange[];
  /** What the workbook remembers from now on; null when nothing is coloured or remembered any more. */
  record: HighlightRecord | null;
  /** Cells found recoloured by hand in this pass (now left alone for good). */
  newlyUserColoured: number;
  /** Planned cells left uncoloured because the host could not restore their fill (a gradient in Excel). */
  notRestorable: { row: number; col: number }[];
}

function sameColours(style: CellStyle, applied: { fill: string; font: string }): boolean {
  // Written as they were applied (the usual case): equal without normalising either side.
  if (style.fill === applied.fill && style.font === applied.font) return true;
  return normaliseColour(style.fill) === normaliseColour(applied.fill) && normaliseColour(style.font) === normaliseColour(applied.font);
}

type RunColours = { fill: string; font: string };

/** The planned cells: each with its run's colours (one object per run, shared by its cells and their records). */
interface PlannedCells {
  at(row: number, col: number): RunColours | undefined;
  /** Every planned cell, run by run, range by range, row by row. */
  forEach(visit: (row: number, col: number, colours: RunColours) => void): void;
}

/**
 * The plan's cells, looked up in its runs (sorted, and disjoint as a plan of disjoint tasks makes them) by binary
 * search instead of a map of every coloured cell. Runs that overlap are kept in a map, a later run's colours
 * winning as they always did.
 */
function plannedCells(runs: ColourRun[]): PlannedCells {
  const colours = runs.map((r) => ({ fill: r.fill, font: r.font }));
  const disjoint = runs.every((r, i) => (i === 0 || r.top > runs[i - 1].bottom) && r.ranges.every((g) => g.top >= r.top && g.bottom <= r.bottom));
  if (!disjoint) {
    const byKey = new Map<number, RunColours>();
    runs.forEach((run, i) => forEachCell(run.ranges, (row, col) => byKey.set(cellKey(row, col), colours[i])));
    return {
      at: (row, col) => byKey.get(cellKey(row, col)),
      forEach: (visit) => byKey.forEach((c, key) => visit(rowOfKey(key), colOfKey(key), c)),
    };
  }
  return {
    at(row, col) {
      let lo = 0;
      let hi = runs.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (runs[mid].bottom < row) lo = mid + 1;
        else hi = mid;
      }
      const run = runs[lo];
      if (!run || run.top > row) return undefined;
      return run.ranges.some((g) => g.top <= row && row <= g.bottom && g.left <= col && col <= g.right) ? colours[lo] : undefined;
    },
    forEach(visit) {
      runs.forEach((run, i) => forEachCell(run.ranges, (row, col) => visit(row, col, colours[i])));
    },
  };
}

/**
 * Decide the changes for a highlight. `current` holds the current styles of every cell in
 * {@link highlightReadRanges}; a cell the plan colours that is missing from it is a host bug and throws.
 */
export function reconcileHighlight(plan: HighlightPlan, previous: HighlightRecord | undefined, current: CellStyle[]): HighlightReconciliation {
  const currentByKey = new Map<number, CellStyle>();
  for (const s of current) currentByKey.set(cellKey(s.row, s.col), s);

  const planned = plannedCells(plan.runs);

  const userColoured = new Map<number, { row: number; col: number }>();
  for (const c of previous?.userColoured ?? []) userColoured.set(cellKey(c.row, c.col), { row: c.row, col: c.col });
  const before = userColoured.size;

  // A fill the host cannot write back (a gradient in Excel) is never painted over: clear could not undo it.
  const notRestorable = new Map<number, { row: number; col: number }>();
  for (const s of current) {
    const key = cellKey(s.row, s.col);
    if (s.fillNotRestorable && planned.at(s.row, s.col)) notRestorable.set(key, { row: s.row, col: s.col });
  }

  const cells: HighlightedCell[] = [];
  const restore: CellStyle[] = [];
  const remembered = new Set<number>();
  for (const cell of previous?.cells ?? []) {
    const key = cellKey(cell.row, cell.col);
    const now = currentByKey.get(key);
    // A cell the host did not report is treated as still ours: forgetting its original would lose it for good.
    if (now && !sameColours(now, cell.applied)) {
      userColoured.set(key, { row: cell.row, col: cell.col });
      continue;
    }
    const target = planned.at(cell.row, cell.col);
    if (target) {
      cells.push({ ...cell, applied: target });
      remembered.add(key);
    } else {
      restore.push(cell.original);
    }
  }
  const previousByKey = recordedCells(previous?.cells ?? []);
  planned.forEach((row, col, target) => {
    const key = cellKey(row, col);
    if (remembered.has(key) || userColoured.has(key) || notRestorable.has(key)) return;
    const now = currentByKey.get(key);
    if (!now) throw new Error(`reconcileHighlight: no current style for planned cell row ${row}, col ${col}`);
    const original = copiedOriginal(previousByKey, row, col, now) ?? now;
    cells.push({ row, col, original, applied: target });
  });
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  // A copy of a remembered cell's colours needs a remembered cell above it.
  for (const now of previousByKey.size ? current : []) {
    const key = cellKey(now.row, now.col);
    if (planned.at(now.row, now.col) || previousByKey.get(now.row, now.col) || userColoured.has(key)) continue;
    const copied = copiedOriginal(previousByKey, now.row, now.col, now);
    if (copied) restore.push(copied);
  }

  const skip = [...[...userColoured.values()].filter((c) => planned.at(c.row, c.col)), ...notRestorable.values()];
  const skipRanges = cellsToRanges(skip);
  const byColour = new Map<string, ColourChange>();
  for (const run of plan.runs) {
    const ranges = skipRanges.length ? subtractRanges(run.ranges, skipRanges) : run.ranges;
    if (!ranges.length) continue;
    const id = `${run.fill}|${run.font}|${run.state}`;
    const change = byColour.get(id) ?? { fill: run.fill, font: run.font, state: run.state, ranges: [] };
    change.ranges.push(...ranges);
    byColour.set(id, change);
  }

  const keptUserColoured = [...userColoured.values()].sort((a, b) => a.row - b.row || a.col - b.col);
  const record: HighlightRecord | null =
    cells.length || keptUserColoured.length
      ? { asOf: plan.asOf, cells, ...(keptUserColoured.length ? { userColoured: keptUserColoured } : {}) }
      : null;
  const kept = [...notRestorable.values()].sort((a, b) => a.row - b.row || a.col - b.col);
  return { restore, colour: [...byColour.values()], record, newlyUserColoured: userColoured.size - before, notRestorable: kept };
}

/**
 * A cell the product never coloured that shows exactly the colours it gave the cell above was almost certainly
 * copied from it — Excel gives an inserted row the format of the row above — so it shares that cell's original:
 * recorded as its original when the plan colours it, put back when it does not, and clear leaves no copied
 * colour behind. (A hand-made fill and font pair identical to the product's would be taken for a copy too.)
 */
function copiedOriginal(previous: RecordedCells, row: number, col: number, now: CellStyle): CellStyle | null {
  const above = previous.get(row - 1, col);
  return above && sameColours(now, above.applied) ? { ...above.original, row, col } : null;
}

export interface ClearReconciliation {
  restore: CellStyle[];
  /** Recorded cells left with the colour the user gave them by hand. */
  keptUserColour: number;
}

/**
 * Put back the originals of the cells that still carry the product's colours, and of cells that copied them
 * (a row inserted under a coloured row); leave hand-recoloured ones.
 */
export function reconcileClear(record: HighlightRecord | undefined, current: CellStyle[]): ClearReconciliation {
  const currentByKey = new Map<number, CellStyle>();
  for (const s of current) currentByKey.set(cellKey(s.row, s.col), s);
  const recorded = recordedCells(record?.cells ?? []);
  const restore: CellStyle[] = [];
  let keptUserColour = record?.userColoured?.length ?? 0;
  for (const cell of record?.cells ?? []) {
    const now = currentByKey.get(cellKey(cell.row, cell.col));
    if (now && !sameColours(now, cell.applied)) keptUserColour += 1;
    else restore.push(cell.original);
  }
  const userColoured = new Set((record?.userColoured ?? []).map((c) => cellKey(c.row, c.col)));
  for (const now of current) {
    const key = cellKey(now.row, now.col);
    if (recorded.get(now.row, now.col) || userColoured.has(key)) continue;
    const copied = copiedOriginal(recorded, now.row, now.col, now);
    if (copied) restore.push(copied);
  }
  return { restore, keptUserColour };
}

/** The ranges a clear must read: the cells the record says the product coloured, and the cell under each. */
export function clearReadRanges(record: HighlightRecord | undefined, lastRow = Infinity): CellRange[] {
  return cellsToRanges([...(record?.cells ?? []), ...copyCandidates(record, new Set(), lastRow)]);
}
