/**
 * 生成落实情况汇总: the summary sheet of a 任务分工 sheet as of a date — two round trips (one more when the
 * workbook carries its own 单位名录, when the earlier summary is under a name the first read did not probe, and
 * when an earlier summary is replaced: it is read so what the clerk typed on it is kept):
 *   1. read (inside runCheck): the sheet, its merges, the saved state and the stamp cell of the likely earlier
 *      summary (so a sheet the clerk made under its name after deleting it is never replaced);
 *   2. apply: the summary sheet (replacing the product's earlier summary of the same sheet, never a sheet
 *      the clerk made) and the state recording it.
 * The clerk's sheets and values are never touched.
 */
import type { CarryOverFigures } from '../domain/carry-over';
import { carriedNotice, carryClerkAdditions, parseWrittenCells } from '../domain/clerk-additions';
import { assertSheetName, isReservedSheetName, isValidSheetName, placeProductSheet, placeStampedSheet, recordedProductSheet } from '../domain/product-sheets';
import { reportParagraph } from '../domain/report-paragraph';
import type { SheetSpec } from '../domain/sheet-spec';
import { buildReminders, resolveReplyBy, type ReminderPlan } from '../domain/reminders';
import { buildSummary, type SummaryModel } from '../domain/summary';
import { DEFAULT_SUMMARY_SHEET_NAME, summarySheetSpec } from '../domain/summary-sheet';
import type { CellValue, ColumnMap, Lang, LocalText, SheetGrid } from '../domain/types';
import type { UnitDirectory } from '../domain/units';
import { serialiseState, type WorkbookState } from '../domain/workbook-state';
import type { WorkbookChange, WorkbookHost } from '../ports/workbook-host';
import { readCarryOverFigures } from './carry-over';
import { runCheck, type CheckResult } from './check';
import { resolveSoonDays, validateAsOf, validateSoonDays } from './highlight';
import { likelyStampProbes, stampAnswers } from './product-sheet-stamps';

export interface SummaryOptions {
  /** The 任务分工 sheet; default: the active sheet. */
  sheet?: string;
  asOf: string;
  /** Working days for due_soon; default: the workbook's saved setting, else 10. */
  soonDays?: number;
  /** Name for the summary sheet; default: the workbook's saved choice, else 落实情况汇总. */
  sheetName?: string;
  directory?: UnitDirectory;
  planYear?: number;
  columns?: Partial<ColumnMap>;
  /** When the summary was made, as the sheet shows it (e.g. '2026-11-26 19:30'): the caller's clock. */
  generatedAt: string;
  /** Language of the sheet's labels (the paragraph cell follows it); default zh-CN. */
  lang?: Lang;
  /** The date the 催办 asks units to report by; default: the saved reply days after the as-of date. */
  replyBy?: string;
}

export interface SummaryResult {
  /** The summarised sheet. */
  sheet: string;
  /** The summary sheet written. */
  sheetName: string;
  /** The product's earlier summary it replaced, or null. */
  replaced: string | null;
  model: SummaryModel;
  /** The 催办 per unit and the 通报 paragraph, as the sheet shows them. */
  reminders: ReminderPlan;
  /** The annual-report paragraph in zh-CN (what goes into the 年度报告). */
  paragraph: string;
  warnings: LocalText[];
  check: CheckResult;
}

export interface SummaryPlan {
  model: SummaryModel;
  reminders: ReminderPlan;
  spec: SheetSpec;
  sheetChange: WorkbookChange;
  /** `state` with the new summary recorded. */
  nextState: WorkbookState;
  replaced: string | null;
  /** Said when cells the clerk typed on the earlier summary were carried into the new one. */
  carried: LocalText | null;
}

/** The name the summary sheet is asked for under before the state is known (what the first read probes). */
export function likelySummaryName(options: Pick<SummaryOptions, 'sheetName'>): string {
  return (options.sheetName ?? DEFAULT_SUMMARY_SHEET_NAME).trim();
}

/** The stamp probes a read that precedes a summary asks for. */
export function summaryStampProbes(options: Pick<SummaryOptions, 'sheetName'>) {
  return likelyStampProbes(likelySummaryName(options));
}

/**
 * Everything but the round trips: the model, the sheet, where it goes and the state recording it. `state` is
 * the state to build on — the checked one, or the one a highlight in the same batch has just produced;
 * `stamps` the answers of the stamp probes (default: those of the check's read).
 */
export function planSummary(
  check: CheckResult,
  state: WorkbookState,
  options: Omit<SummaryOptions, 'sheet' | 'planYear' | 'columns' | 'directory'>,
  stamps: Record<string, CellValue> | undefined = check.snapshot.probes,
  earlier: SheetGrid | null = null,
  carryOver: CarryOverFigures | null = null,
): SummaryPlan {
  validateAsOf(options.asOf);
  const soonDays = resolveSoonDays(options.soonDays, state);
  const requested = requestedSummaryName(state, options);

  const source = check.analysis.sheet;
  const model = buildSummary(check.analysis, {
    asOf: options.asOf,
    soonDays,
    directory: check.directory,
    generatedAt: options.generatedAt,
    sourceSheet: source,
    reportClosing: state.settings.reportClosing,
    carryOver,
  });
  const reminders = buildReminders(model, { directory: check.directory, replyBy: resolveReplyBy(options.asOf, options.replyBy, state.settings.remindReplyDays) });
  const lang = options.lang ?? 'zh-CN';
  const { spec, placement, nextState } = placeStampedSheet({
    requested,
    marker: 'summary',
    source,
    existingSheets: check.snapshot.sheets.map((s) => s.name),
    state,
    probes: stamps,
    createdAt: options.generatedAt,
    lang,
    build: (name) => summarySheetSpec(model, lang, { name, reminders }),
  });
  // What the clerk typed on the summary being replaced (a 主任批示 line, a 备注 column) goes into the new one.
  const earlierRecord = placement.replaces ? recordedProductSheet(state, 'summary', source, check.snapshot.sheets.map((s) => s.name)) : null;
  const kept = carryClerkAdditions(spec, earlier?.sheet === placement.replaces ? earlier : null, parseWrittenCells(earlierRecord?.written), lang);
  return {
    model,
    reminders,
    spec: kept.spec,
    sheetChange: { kind: 'sheet', spec: kept.spec, replaces: placement.replaces },
    nextState,
    replaced: placement.replaces,
    carried: carriedNotice(kept, placement.replaces ?? spec.name),
  };
}

function requestedSummaryName(state: WorkbookState, options: Pick<SummaryOptions, 'sheetName'>): string {
  // A saved name travels inside the file and may have been edited by hand: one that cannot be used is ignored.
  const saved = state.settings.summarySheetName;
  const usableSaved = typeof saved === 'string' && isValidSheetName(saved.trim()) && !isReservedSheetName(saved) ? saved : undefined;
  const requested = (options.sheetName ?? usableSaved ?? DEFAULT_SUMMARY_SHEET_NAME).trim();
  assertSheetName(requested);
  return requested;
}

/**
 * The product's earlier summary that a new one will replace, read whole so the clerk's own cells on it can be
 * kept (one more round trip, only when there is such a sheet); null when there is none.
 */
export async function readEarlierSummary(
  host: WorkbookHost,
  check: CheckResult,
  state: WorkbookState,
  options: Pick<SummaryOptions, 'sheetName'>,
  stamps: Record<string, CellValue> | undefined,
): Promise<SheetGrid | null> {
  const placement = placeProductSheet({
    requested: requestedSummaryName(state, options),
    marker: 'summary',
    source: check.analysis.sheet,
    existingSheets: check.snapshot.sheets.map((s) => s.name),
    state,
    probes: stamps,
  });
  if (!placement.replaces) return null;
  const record = recordedProductSheet(state, 'summary', check.analysis.sheet, check.snapshot.sheets.map((s) => s.name));
  if (!parseWrittenCells(record?.written)) return null;
  return (await host.read({ sheet: placement.replaces })).grid;
}

const DAMAGED_STATE_WARNING: LocalText = {
  zh: '工作簿中保存的本工具记录无法读取（可能已损坏），无法识别此前生成的汇总表；如有旧汇总表，请手工删除。',
  en: 'The tool’s saved record in this workbook could not be read (it may be damaged), so an earlier summary sheet cannot be recognised; delete an old one by hand if there is one.',
};

export async function runSummary(host: WorkbookHost, options: SummaryOptions): Promise<SummaryResult> {
  validateAsOf(options.asOf);
  if (options.soonDays !== undefined) validateSoonDays(options.soonDays);
  if (options.sheetName !== undefined) assertSheetName(options.sheetName);

  const check = await runCheck(host, {
    sheet: options.sheet,
    planYear: options.planYear,
    directory: options.directory,
    columns: options.columns,
    probes: summaryStampProbes(options),
  });
  const stamps = await stampAnswers(host, check.snapshot, check.state, 'summary', check.analysis.sheet);
  const earlier = await readEarlierSummary(host, check, check.state, options, stamps);
  const carried = await readCarryOverFigures(host, check, check.state, options.asOf);
  const plan = planSummary(check, check.state, options, stamps, earlier, carried);
  await host.apply([plan.sheetChange, { kind: 'state', text: serialiseState(plan.nextState) }]);
  return summaryResult(check, plan, check.stateDamaged ? [DAMAGED_STATE_WARNING] : []);
}

/** What a summary run reports, once its plan is applied. */
export function summaryResult(check: CheckResult, plan: SummaryPlan, warnings: LocalText[]): SummaryResult {
  return {
    sheet: check.analysis.sheet,
    sheetName: plan.spec.name,
    replaced: plan.replaced,
    model: plan.model,
    reminders: plan.reminders,
    paragraph: reportParagraph(plan.model),
    warnings: plan.carried ? [...warnings, plan.carried] : warnings,
    check,
  };
}
