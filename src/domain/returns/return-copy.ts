/**
 * A unit's return copy as a SheetSpec: the master's title; who fills it in (填报单位, with cells for 填报人 and
 * 联系电话) and by when (报送时限); the master's header; the unit's measures under their section and
 * subsection headings laid out as in the master (merged heading cells over the unit's measures, or full-width
 * heading rows), then the three columns the unit fills in — 完成情况 (a dropdown of a short list of words;
 * other wording is still allowed), 进展说明 and 完成日期 (a date check that warns), pre-filled with the
 * master's current answers so a unit edits rather than re-types. The task columns are locked by sheet
 * protection (no password: it prevents slips, a clerk can lift it); the answer cells stay editable.
 * A second, very-hidden sheet carries the identity collect checks.
 */
import { cellKey } from '../cell-ranges';
import { MergeIndex, valueAt } from '../layout';
import type { SheetSpec, SpecCell, SpecStyle, SpecValue } from '../sheet-spec';
import { chineseDate, chineseDateTime } from '../dates';
import { statusChoicesFor } from '../status-choices';
import { displayWidth, rowHeightFor, wrappedLines } from '../text-metrics';
import { cellText } from '../text';
import type { CellRange, CellValue, SheetAnalysis, SheetGrid, Task } from '../types';
import { ANSWER_COLUMNS, RETURN_COLUMN_HEADERS, returnColumnsOf, taskColumnsOf, type ReturnColumn } from './columns';
import { answerFingerprint, identityFor, identitySheetSpec, type ReturnIdentity, type SplitRole } from './identity';
import type { SplitRecipient } from './split-plan';

/** What of the master's look the host could read (column widths, the body font); defaults otherwise. */
export interface MasterLook {
  /** Width in characters per absolute 0-based master column. */
  columnWidths?: (number | undefined)[];
  fontName?: string;
}

export const DEFAULT_RETURN_FONT = { name: '宋体', size: 11 };
const ANSWER_WIDTHS: Record<string, number> = { status: 14, explanation: 36, doneDate: 13 };
const ROW_PADDING = 6;
/** The unit fills in these cells: a pale fill says so at a glance. */
const ANSWER_FILL = '#FFF9E5';
/** Two ideographic spaces: the gap a clerk types between the items of a note line. */
const WIDE_GAP = '\u3000\u3000';

const STYLES: Record<string, SpecStyle> = {
  title: { bold: true, fontSize: 18, horizontal: 'center', vertical: 'middle', wrap: true },
  note: { horizontal: 'left', vertical: 'middle', wrap: true },
  label: { horizontal: 'right', vertical: 'middle' },
  contact: { horizontal: 'left', vertical: 'middle', border: true, fill: ANSWER_FILL },
  header: { bold: true, fontSize: 12, horizontal: 'center', vertical: 'middle', wrap: true, border: true },
  heading: { horizontal: 'center', vertical: 'middle', wrap: true, border: true },
  headingRow: { bold: true, horizontal: 'left', vertical: 'middle', wrap: true, border: true },
  text: { horizontal: 'left', vertical: 'middle', wrap: true, border: true },
  centred: { horizontal: 'center', vertical: 'middle', wrap: true, border: true },
  answer: { horizontal: 'left', vertical: 'middle', wrap: true, border: true, fill: ANSWER_FILL },
  answerDate: { horizontal: 'center', vertical: 'middle', border: true, fill: ANSWER_FILL, numberFormat: 'yyyy-mm-dd' },
};

function specValue(v: CellValue): SpecValue {
  if (v === null || typeof v === 'string' || typeof v === 'number') return typeof v === 'string' ? cellText(v) || null : v;
  if (typeof v === 'object' && v.kind === 'date') return { date: v.iso };
  return cellText(v);
}

/** The value a task shows in one master column: its cells over the task's rows, merged ones read once. */
function taskCellValue(grid: SheetGrid, merges: MergeIndex, task: Task, col: number): SpecValue {
  const seen = new Set<number>();
  const values: CellValue[] = [];
  for (let r = task.rows[0] - 1; r <= task.rows[1] - 1; r++) {
    const source = merges.ownerOf(r, col) ?? { row: r, col };
    const key = cellKey(source.row, source.col);
    if (seen.has(key)) continue;
    seen.add(key);
    const v = valueAt(grid, source.row, source.col);
    if (cellText(v) !== '') values.push(v);
  }
  if (values.length === 0) return null;
  if (values.length === 1) return specValue(values[0]);
  return values.map(cellText).join('\n');
}

/** A spec value as a host reads it back. */
function cellValueOf(v: SpecValue): CellValue {
  return v !== null && typeof v === 'object' ? { kind: 'date', iso: v.date, serial: 0 } : v;
}

function specText(v: SpecValue): string {
  if (v === null) return '';
  return typeof v === 'object' ? v.date : String(v);
}

export interface ReturnCopyOptions {
  by: SplitRole;
  generatedAt: string;
  look?: MasterLook;
  /** 报送时限: the ISO date the copy is due back, set at 下发; absent: the copy says to follow the notice. */
  due?: string | null;
  /** Status words the clerk's settings add to the dropdown, after the standard four and the master's own. */
  statusChoices?: readonly string[];
}

/** The labels of the lines above a copy's header that the unit fills in. */
const CONTACT_LABELS = { person: '填报人：', phone: '联系电话：' } as const;

/** 报送时限 as the copy states it. */
function dueLine(due: string | null | undefined): string {
  return due ? `报送时限：请于${chineseDate(due)}前填报完成并报送` : '报送时限：按通知要求报送';
}

export interface ReturnCopy {
  /** The visible sheet (named like the master's sheet) and the very-hidden identity sheet, in that order. */
  specs: SheetSpec[];
  identity: ReturnIdentity;
}

/** The copy of the master for one recipient. `grid` is the master sheet `analysis` was read from. */
export function returnCopy(grid: SheetGrid, analysis: SheetAnalysis, recipient: SplitRecipient, options: ReturnCopyOptions): ReturnCopy {
  const { layout } = analysis;
  const cols = layout.columns;
  const merges = new MergeIndex(grid);
  const returnCols = returnColumnsOf(grid, layout);
  const taskCols = taskColumnsOf(grid, layout, returnCols);
  const width = taskCols.length + ANSWER_COLUMNS.length;
  const answerCol = (i: number) => taskCols.length + i;
  const tasks = recipient.taskIndexes.map((i) => analysis.tasks[i]);

  const columnWidths = [
    ...taskCols.map((c) => options.look?.columnWidths?.[c] ?? defaultWidth(c, analysis)),
    ...ANSWER_COLUMNS.map((role) => ANSWER_WIDTHS[role]),
  ];
  const rows: SpecCell[][] = [];
  const specMerges: CellRange[] = [];
  const rowHeights: Record<number, number> = {};
  const fullRow = (v: SpecValue, s: string, height?: number) => {
    const r = rows.length;
    rows.push(Array.from({ length: width }, (_, c) => ({ v: c === 0 ? v : null, s })));
    if (width > 1) specMerges.push({ top: r, left: 0, bottom: r, right: width - 1 });
    if (height) rowHeights[r] = height;
  };

  fullRow(analysis.title ?? analysis.sheet, 'title', 40);
  // Who answers and by when: a note over the task columns, the 填报人 and 联系电话 cells over the answer columns.
  const contactCells: CellRange[] = [];
  const noteRow = (note: string, label: string) => {
    const r = rows.length;
    const taskSpan = Math.max(1, taskCols.length);
    const cells: SpecCell[] = Array.from({ length: width }, (_, c) => ({ v: c === 0 ? note : null, s: 'note' }));
    cells[answerCol(0)] = { v: label, s: 'label' };
    cells[answerCol(1)] = { v: null, s: 'contact' };
    cells[answerCol(2)] = { v: null, s: 'contact' };
    rows.push(cells);
    if (taskSpan > 1) specMerges.push({ top: r, left: 0, bottom: r, right: taskSpan - 1 });
    specMerges.push({ top: r, left: answerCol(1), bottom: r, right: answerCol(2) });
    contactCells.push({ top: r, left: answerCol(1), bottom: r, right: answerCol(2) });
    rowHeights[r] = 24;
  };
  noteRow(`填报单位：${recipient.unit}${WIDE_GAP}共 ${tasks.length} 项${WIDE_GAP}下发时间：${chineseDateTime(options.generatedAt)}`, CONTACT_LABELS.person);
  noteRow(dueLine(options.due), CONTACT_LABELS.phone);

  // The header: each column's label as the master shows it on its (last) header row; labels merged across
  // columns in the master (工作任务 over section + subsection) are merged here too.
  const headerRow = rows.length;
  const headerSource = layout.headerRow - 1;
  rows.push([
    ...taskCols.map((c) => {
      const owner = merges.ownerOf(headerSource, c) ?? { row: headerSource, col: c };
      return { v: cellText(valueAt(grid, owner.row, owner.col)) || null, s: 'header' };
    }),
    ...ANSWER_COLUMNS.map((role) => ({ v: RETURN_COLUMN_HEADERS[role], s: 'header' })),
  ]);
  rowHeights[headerRow] = 30;
  for (let i = 0; i < taskCols.length; ) {
    const area = merges.areaOf(headerSource, taskCols[i]);
    let j = i;
    while (area && j + 1 < taskCols.length && taskCols[j + 1] === taskCols[j] + 1 && taskCols[j + 1] <= area.right) j++;
    if (j > i) specMerges.push({ top: headerRow, left: i, bottom: headerRow, right: j });
    i = j + 1;
  }

  // Headings: in their column (merged down over the unit's measures), or as full-width rows when the
  // master has no column for them.
  const headingCol = headingColumns(grid, merges, analysis);
  const runs: Record<'section' | 'subsection', { top: number } | null> = { section: null, subsection: null };
  const closeRun = (level: 'section' | 'subsection', end: number) => {
    const run = runs[level];
    const col = headingCol[level];
    if (run && col !== null && end > run.top) specMerges.push({ top: run.top, left: taskCols.indexOf(col), bottom: end, right: taskCols.indexOf(col) });
    runs[level] = null;
  };
  let lastSection: string | null | undefined;
  let lastSubsection: string | null | undefined;
  const answerRanges: CellRange[] = [];
  const prefills: string[] = [];
  const answerCell = (role: ReturnColumn, task: Task): SpecValue => {
    const col = returnCols[role];
    return col === null ? null : taskCellValue(grid, merges, task, col);
  };

  for (const task of tasks) {
    if (task.section !== lastSection) {
      closeRun('section', rows.length - 1);
      closeRun('subsection', rows.length - 1);
      if (headingCol.section === null && task.section) fullRow(task.section, 'headingRow', rowHeightFor(1, DEFAULT_RETURN_FONT.size, ROW_PADDING));
    }
    if (task.section !== lastSection || task.subsection !== lastSubsection) {
      closeRun('subsection', rows.length - 1);
      if (headingCol.subsection === null && task.subsection) fullRow(task.subsection, 'headingRow', rowHeightFor(1, DEFAULT_RETURN_FONT.size, ROW_PADDING));
    }
    lastSection = task.section;
    lastSubsection = task.subsection;

    const r = rows.length;
    const cells: SpecCell[] = taskCols.map((c) => {
      if (c === headingCol.section) return { v: runs.section ? null : task.section, s: 'heading' };
      if (c === headingCol.subsection) return { v: runs.subsection ? null : task.subsection, s: 'heading' };
      const v = taskCellValue(grid, merges, task, c);
      return { v, s: c === cols.measure ? 'text' : 'centred' };
    });
    if (headingCol.section !== null && !runs.section) runs.section = { top: r };
    if (headingCol.subsection !== null && !runs.subsection) runs.subsection = { top: r };
    // The master's current answer, so the unit edits it; its fingerprint tells collect what the unit changed.
    const answer = ANSWER_COLUMNS.map((role) => answerCell(role, task));
    prefills.push(answerFingerprint(answer.map(cellValueOf)));
    cells.push({ v: answer[0], s: 'answer' }, { v: answer[1], s: 'answer' }, { v: answer[2], s: 'answerDate' });
    rows.push(cells);
    const lines = Math.max(1, ...cells.map((cell, i) => wrappedLines(specText(cell.v), columnWidths[i] ?? 10)));
    rowHeights[r] = rowHeightFor(lines, DEFAULT_RETURN_FONT.size, ROW_PADDING);
    const previous = answerRanges[answerRanges.length - 1];
    if (previous && previous.bottom === r - 1) previous.bottom = r;
    else answerRanges.push({ top: r, left: answerCol(0), bottom: r, right: answerCol(ANSWER_COLUMNS.length - 1) });
  }
  closeRun('section', rows.length - 1);
  closeRun('subsection', rows.length - 1);

  const firstData = headerRow + 1;
  const lastData = Math.max(firstData, rows.length - 1);
  const identity = identityFor(analysis, recipient.unit, options.by, tasks, options.generatedAt, { due: options.due ?? null, prefills });
  const sheet: SheetSpec = {
    name: analysis.sheet,
    marker: 'return-copy',
    rows,
    merges: specMerges,
    columnWidths,
    styles: STYLES,
    freeze: { rows: headerRow + 1, cols: 0 },
    print: { landscape: true, fitToWidth: true, repeatRows: [headerRow, headerRow], paper: 'A4' },
    dropdowns: tasks.length
      ? [{ range: { top: firstData, left: answerCol(0), bottom: lastData, right: answerCol(0) }, options: statusChoicesFor(analysis, options.statusChoices) }]
      : [],
    dateInputs: tasks.length ? [{ top: firstData, left: answerCol(2), bottom: lastData, right: answerCol(2) }] : [],
    protection: { unlocked: [...contactCells, ...answerRanges] },
    font: { name: options.look?.fontName ?? DEFAULT_RETURN_FONT.name, size: DEFAULT_RETURN_FONT.size },
    rowHeights,
  };
  return { specs: [sheet, identitySheetSpec(identity)], identity };
}

/**
 * Which heading each heading column shows. Under full-width section rows the one heading column holds the
 * subsections (the layout calls it the section column, the reader takes its headings one level down).
 */
function headingColumns(grid: SheetGrid, merges: MergeIndex, analysis: SheetAnalysis): { section: number | null; subsection: number | null } {
  const { section, subsection } = analysis.layout.columns;
  if (section === null || subsection !== null) return { section, subsection };
  const sample = analysis.tasks.find((t) => t.subsection !== null);
  if (sample) {
    const owner = merges.ownerOf(sample.row - 1, section) ?? { row: sample.row - 1, col: section };
    if (cellText(valueAt(grid, owner.row, owner.col)) === sample.subsection) return { section: null, subsection: section };
  }
  return { section, subsection: null };
}

/** A width for a master column the host could not measure: by what the column holds. */
function defaultWidth(col: number, analysis: SheetAnalysis): number {
  const c = analysis.layout.columns;
  if (col === c.measure) return 60;
  if (col === c.section || col === c.subsection) return 16;
  if (col === c.number) return 6;
  if (col === c.deadline) return 14;
  if (col === c.lead || col === c.responsible) return 20;
  return Math.max(10, Math.min(30, displayWidth(analysis.title ?? '') / 4));
}
