/**
 * 汇总: check every returned copy against the master, then write the accepted answers into the master's
 * return columns and a 回收情况 sheet — in ONE apply, so the master is changed completely or not at all.
 * A file that cannot be opened, is not a return of this master, or names an unknown unit is reported and
 * skipped; the others still merge. The task columns are never written, and values already in place are not
 * written again (collecting the same returns twice changes no cell).
 *
 * A sheet the product had coloured is coloured again afterwards, with the same date and window, so the colours
 * follow the new answers (a measure now 已完成 turns green). That is a second step (the highlight workflow's
 * read, readStyles and apply): if it fails, the merge stands and the error says so.
 *
 * Round trips on the master: the read inside runCheck (two with a 单位名录 sheet) and one apply, plus the
 * highlight's three when the sheet was coloured. Each return costs up to three reads of its own workbook.
 */
import { analyseSheet } from '../domain/check';
import { isUserFacingError, UserFacingError } from '../domain/errors';
import { assertSheetName, placeStampedSheet } from '../domain/product-sheets';
import {
  claimMismatch,
  DEFAULT_RETURNS_LOG_NAME,
  planMerge,
  planSplit,
  returnsLogSpec,
  validateReturn,
  type ReturnColumn,
  type ReturnLogEntry,
  type ReturnsLogModel,
  type ReturnValidation,
  type SplitRole,
} from '../domain/returns';
import type { CellWrite } from '../ports/workbook-host';
import { makeFinding, type UnreadableReturn } from '../domain/findings';
import type { ColumnMap, Lang, LocalText, SheetAnalysis } from '../domain/types';
import type { UnitDirectory } from '../domain/units';
import type { CellStyle, SheetGrid } from '../domain/types';
import { serialiseState, type HighlightRecord } from '../domain/workbook-state';
import type { WorkbookChange, WorkbookHost } from '../ports/workbook-host';
import { runCheck, type CheckResult } from './check';
import { runHighlight, savedRecord, validateAsOf, validateSoonDays, type HighlightResult } from './highlight';
import { likelyStampProbes, stampAnswers } from './product-sheet-stamps';
import { readReturnIdentity } from './return-identity';

/** A returned file, opened only when its turn comes (a bad file fails on its own). */
export interface ReturnSource {
  /** As the clerk knows it (path or file name); reported back as is. */
  name: string;
  /** When it was received or last saved ('YYYY-MM-DD HH:mm'); null: the collect's own time is used. */
  receivedAt: string | null;
  open(): Promise<WorkbookHost>;
}

export interface CollectOptions {
  /** The master's 任务分工 sheet; default: the active sheet. */
  sheet?: string;
  planYear?: number;
  directory?: UnitDirectory;
  columns?: Partial<ColumnMap>;
  /** Judge overdue measures and future completion dates as of this ISO date (and re-colour as of it). */
  asOf: string;
  /** The 临期 window a coloured sheet is coloured again with; default: the workbook's saved setting, else 10. */
  soonDays?: number;
  /** Now, as the sheet and 填报时间 show it ('YYYY-MM-DD HH:mm'). */
  generatedAt: string;
  /** Which units were expected to answer (as the copies were split); default both. */
  by?: SplitRole;
  /** Name of the 回收情况 sheet; default 回收情况 (a clash with the clerk's own sheet gives 回收情况(2)). */
  logSheetName?: string;
  lang?: Lang;
  /** Called after each return is checked (for a progress line or bar). */
  onProgress?: (done: number, total: number, logEntry: ReturnLogEntry) => void;
}

export interface CollectResult {
  sheet: string;
  /** One per source, in the order given. */
  returns: ReturnLogEntry[];
  /** Measures whose return cells changed. */
  updated: number;
  /** Cells written in the master (0 on a repeated collect of the same returns). */
  cellsWritten: number;
  expectedUnits: string[];
  /** Units that sent nothing back. */
  missingUnits: string[];
  /** Units whose copy came back with nothing filled in (not among missingUnits): they have still to report. */
  blankUnits: string[];
  addedColumns: ReturnColumn[];
  /** Where each return column is (absolute 0-based), after the collect. */
  returnColumns: Record<ReturnColumn, number>;
  logSheet: string;
  replacedLog: string | null;
  check: CheckResult;
  /** The sheet was coloured before the merge: the highlight that coloured it again; null when it was not. */
  recoloured: HighlightResult | null;
  /** Why colouring again failed after the merge was written (the clerk colours again by hand); null otherwise. */
  recolourError: LocalText | null;
}

/**
 * A return column collect adds copies the formats of the table's last column; where that cell carries the
 * product's colours, the copy gets the cell's original colours instead, so no highlight fill is ever copied
 * into a new column (clear would not know it, and re-colouring would take it for the cell's own).
 */
export function uncopiedHighlights(writes: CellWrite[], record: HighlightRecord | undefined): CellStyle[] {
  if (!record?.cells.length) return [];
  const originals = new Map<string, CellStyle>();
  for (const cell of record.cells) originals.set(`${cell.row},${cell.col}`, cell.original);
  const restore: CellStyle[] = [];
  for (const w of writes) {
    const original = w.styleFrom && originals.get(`${w.styleFrom.row},${w.styleFrom.col}`);
    if (original) restore.push({ ...original, row: w.row, col: w.col });
  }
  return restore;
}

/** Widths (characters) of the return columns collect adds: room for the standard words, a note, a date, a unit, a time. */
const ADDED_COLUMN_WIDTHS: Record<ReturnColumn, number> = { status: 14, explanation: 36, doneDate: 13, unit: 18, time: 17 };

function recordFor(check: CheckResult, grid: SheetGrid): HighlightRecord | undefined {
  return savedRecord(check.state.highlights[check.analysis.sheet], grid);
}

interface ReadReturn {
  validation: ReturnValidation;
  receivedAt: string;
}

function unreadable(why: UnreadableReturn): ReturnValidation {
  return { unit: null, accepted: false, blank: false, answers: [], findings: [makeFinding('return.unreadable', null, null, why)] };
}

/** Rows a return may have beyond the master's own: notes a unit added below, never a pasted sheet of its own. */
const RETURN_ROWS_BEYOND_MASTER = 1_000;

/** Opens, reads and validates one return; every failure becomes a finding on that return, never an exception. */
export async function readReturn(source: ReturnSource, master: SheetAnalysis, directory: UnitDirectory, asOf: string): Promise<ReturnValidation> {
  try {
    const host = await source.open();
    const first = await host.read();
    const identity = await readReturnIdentity(host, first);
    const wanted = identity && first.sheets.some((s) => s.name === identity.masterSheet) ? identity.masterSheet : first.activeSheet;
    const grid = wanted === first.grid?.sheet ? first.grid : (await host.read({ sheet: wanted })).grid;
    let returned: Parameters<typeof validateReturn>[0]['returned'] = null;
    if (grid && grid.values.length > master.layout.lastDataRow + RETURN_ROWS_BEYOND_MASTER) {
      // A copy holds some of the master's rows; one far longer would cost the whole collect its memory.
      return unreadable({ reason: 'too_long', rows: grid.values.length, masterRows: master.layout.lastDataRow });
    }
    if (grid && identity) {
      try {
        returned = { grid, analysis: analyseSheet(grid, { planYear: master.planYear, directory }) };
      } catch (e) {
        if (!isUserFacingError(e)) throw e;
        returned = { error: e.text };
      }
    }
    return validateReturn({ identity, returned, master, directory, asOf });
  } catch (e) {
    if (isUserFacingError(e)) return unreadable({ reason: 'cannot_open', why: e.text });
    return unreadable({ reason: 'cannot_read', detail: e instanceof Error ? e.message : String(e) });
  }
}

export async function runCollect(host: WorkbookHost, sources: ReturnSource[], options: CollectOptions): Promise<CollectResult> {
  validateAsOf(options.asOf);
  if (options.soonDays !== undefined) validateSoonDays(options.soonDays);
  const logName = (options.logSheetName ?? DEFAULT_RETURNS_LOG_NAME).trim();
  assertSheetName(logName);
  if (!sources.length) {
    throw new UserFacingError('collect.no_returns', { zh: '没有指定要汇总的回收表', en: 'No returned files were given to collect' });
  }
  const check = await runCheck(host, {
    sheet: options.sheet,
    planYear: options.planYear,
    directory: options.directory,
    columns: options.columns,
    probes: likelyStampProbes(logName),
  });
  if (await readReturnIdentity(host, check.snapshot)) {
    throw new UserFacingError('collect.master_is_return', {
      zh: '要汇总到的工作簿是一份回收表，不是任务分工总表；请指定总表',
      en: 'The workbook to collect into is a return copy, not the master allocation table; give the master',
    });
  }
  const { analysis, directory } = check;
  const grid = check.snapshot.grid!;

  const reads: ReadReturn[] = [];
  const logEntries: ReturnLogEntry[] = [];
  for (const source of sources) {
    const validation = await readReturn(source, analysis, directory, options.asOf);
    const mismatch = validation.unit ? claimMismatch(source.name, validation.unit, directory) : null;
    if (mismatch) validation.findings = [...validation.findings, mismatch];
    const receivedAt = source.receivedAt ?? options.generatedAt;
    const earlier = logEntries.find((r) => r.accepted && validation.accepted && r.unit === validation.unit);
    if (earlier) {
      // Merging keeps one answer per unit and measure: the later file's (see planMerge).
      validation.findings = [...validation.findings, makeFinding('return.duplicate_unit', null, null, { unit: validation.unit!, earlierFile: earlier.file })];
    }
    reads.push({ validation, receivedAt });
    const logEntry: ReturnLogEntry = {
      file: source.name,
      unit: validation.unit,
      accepted: validation.accepted,
      blank: validation.blank,
      answered: validation.answers.length,
      receivedAt,
      findings: validation.findings,
    };
    logEntries.push(logEntry);
    options.onProgress?.(logEntries.length, sources.length, logEntry);
  }

  const acceptedIndexes = reads.flatMap((r, i) => (r.validation.accepted ? [i] : []));
  const plan = planMerge(
    analysis,
    grid,
    acceptedIndexes.map((i) => ({ answers: reads[i].validation.answers, receivedAt: reads[i].receivedAt, file: logEntries[i].file })),
    directory,
  );
  for (const conflict of plan.conflicts) {
    const logEntry = logEntries[acceptedIndexes[conflict.input]];
    logEntry.findings = [...logEntry.findings, conflict.finding];
  }

  const expectedUnits = planSplit(analysis, directory, options.by ?? 'both').recipients.map((r) => r.unit);
  // Each unit is in one state: answered, sent its copy back blank (still to report), or not returned at all.
  const unitsWhere = (test: (r: ReturnLogEntry) => boolean) => new Set(logEntries.filter((r) => r.accepted && r.unit && test(r)).map((r) => r.unit as string));
  const answeredUnits = unitsWhere((r) => !r.blank);
  const blankReturned = unitsWhere((r) => r.blank === true);
  const blankUnits = expectedUnits.filter((u) => !answeredUnits.has(u) && blankReturned.has(u));
  const missingUnits = expectedUnits.filter((u) => !answeredUnits.has(u) && !blankReturned.has(u));

  const model: ReturnsLogModel = {
    masterTitle: analysis.title ?? analysis.sheet,
    generatedAt: options.generatedAt,
    asOf: options.asOf,
    expectedUnits,
    missingUnits,
    blankUnits,
    returns: logEntries,
    updated: plan.updated,
  };
  const lang = options.lang ?? 'zh-CN';
  const stamps = await stampAnswers(host, check.snapshot, check.state, 'returns-log', analysis.sheet);
  const { spec, placement, nextState } = placeStampedSheet({
    requested: logName,
    marker: 'returns-log',
    source: analysis.sheet,
    existingSheets: check.snapshot.sheets.map((s) => s.name),
    state: check.state,
    probes: stamps,
    createdAt: options.generatedAt,
    lang,
    build: (name) => returnsLogSpec(model, lang, name),
  });

  const record = recordFor(check, grid);
  const changes: WorkbookChange[] = [];
  if (plan.writes.length) changes.push({ kind: 'cells', sheet: analysis.sheet, writes: plan.writes });
  const uncopied = uncopiedHighlights(plan.writes, record);
  if (uncopied.length) changes.push({ kind: 'restore', sheet: analysis.sheet, styles: uncopied });
  if (plan.added.length) {
    changes.push({ kind: 'columnWidths', sheet: analysis.sheet, widths: plan.added.map((role) => ({ col: plan.columns[role], width: ADDED_COLUMN_WIDTHS[role] })) });
  }
  changes.push({ kind: 'sheet', spec, replaces: placement.replaces }, { kind: 'state', text: serialiseState(nextState) });
  await host.apply(changes);

  const { recoloured, recolourError } =
    record?.cells.length && plan.writes.length ? await recolour(host, options, analysis.sheet) : { recoloured: null, recolourError: null };

  return {
    sheet: analysis.sheet,
    returns: logEntries,
    updated: plan.updated,
    cellsWritten: plan.writes.length,
    expectedUnits,
    missingUnits,
    blankUnits,
    addedColumns: plan.added,
    returnColumns: plan.columns,
    logSheet: placement.name,
    replacedLog: placement.replaces,
    check,
    recoloured,
    recolourError,
  };
}

/** The merged sheet coloured again as it was (same date, window and the workbook's saved colours). */
async function recolour(
  host: WorkbookHost,
  options: CollectOptions,
  sheet: string,
): Promise<{ recoloured: HighlightResult | null; recolourError: LocalText | null }> {
  try {
    const recoloured = await runHighlight(host, {
      sheet,
      asOf: options.asOf,
      soonDays: options.soonDays,
      planYear: options.planYear,
      directory: options.directory,
      columns: options.columns,
    });
    return { recoloured, recolourError: null };
  } catch (e) {
    const detail = isUserFacingError(e) ? e.text : { zh: e instanceof Error ? e.message : String(e), en: e instanceof Error ? e.message : String(e) };
    return {
      recoloured: null,
      recolourError: {
        zh: `回收的完成情况已写入本表，但重新标色没有完成（${detail.zh}），颜色仍是回收前的。请再标色一次。`,
        en: `The returned answers were written into the sheet, but colouring it again did not finish (${detail.en}); the colours are still those from before. Colour it again.`,
      },
    };
  }
}
