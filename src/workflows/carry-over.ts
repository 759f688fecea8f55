/**
 * 回头看: last year's ledger is read (never changed), its measures not finished by its year end (or the date
 * given) are looked for in this year's sheet, and the product sheet 上年未完成事项 is written into this year's
 * workbook — replacing the product's earlier one of the same sheet, keeping what the clerk typed on it.
 *
 * Round trips: one read of last year's workbook; on this year's, the check's read (with the stamp probes), one
 * more when an earlier 上年未完成事项 is replaced (to keep the clerk's cells), and one write.
 */
import { carriedNotice, carryClerkAdditions, parseWrittenCells } from '../domain/clerk-additions';
import {
  CARRY_OVER_SHEET_NAME,
  carryOverSentence,
  carryOverSheetSpec,
  carryOverFigures,
  earlierProgress,
  planCarryOver,
  type CarryOverFigures,
  type CarryOverModel,
} from '../domain/carry-over';
import { UserFacingError } from '../domain/errors';
import { assertSheetName, carriesStamp, placeProductSheet, placeStampedSheet, recordedProductSheet, stampProbeAnswer, stampProbes } from '../domain/product-sheets';
import { masterFingerprint } from '../domain/returns/identity';
import type { ColumnMap, Lang, LocalText } from '../domain/types';
import type { UnitDirectory } from '../domain/units';
import { serialiseState, type WorkbookState } from '../domain/workbook-state';
import type { WorkbookHost } from '../ports/workbook-host';
import { runCheck, type CheckResult } from './check';
import { validateAsOf } from './highlight';
import { likelyStampProbes, stampAnswers } from './product-sheet-stamps';

export interface CarryOverRunOptions {
  /** This year's 任务分工 sheet; default: the active sheet. */
  sheet?: string;
  /** Last year's sheet in its workbook; default: its active sheet. */
  lastSheet?: string;
  /** The date last year's measures are judged as of; default: 12-31 of last year's plan year. */
  asOf?: string;
  /** Plan year of last year's sheet, when its title does not say. */
  lastPlanYear?: number;
  /** Default 上年未完成事项. */
  sheetName?: string;
  directory?: UnitDirectory;
  planYear?: number;
  columns?: Partial<ColumnMap>;
  /** The caller's clock, as the sheet's record keeps it. */
  createdAt: string;
  lang?: Lang;
}

export interface CarryOverResult {
  sheet: string;
  sheetName: string;
  replaced: string | null;
  model: CarryOverModel;
  /** 上年结转X项，已完成X项. */
  sentence: LocalText;
  warnings: LocalText[];
  check: CheckResult;
  last: CheckResult;
}

export async function runCarryOver(thisYear: WorkbookHost, lastYear: WorkbookHost, options: CarryOverRunOptions): Promise<CarryOverResult> {
  if (options.asOf !== undefined) validateAsOf(options.asOf);
  const requested = (options.sheetName ?? CARRY_OVER_SHEET_NAME).trim();
  assertSheetName(requested);

  const last = await runCheck(lastYear, { sheet: options.lastSheet, planYear: options.lastPlanYear, directory: options.directory });
  const check = await runCheck(thisYear, {
    sheet: options.sheet,
    planYear: options.planYear,
    directory: options.directory,
    columns: options.columns,
    probes: likelyStampProbes(requested),
  });
  if (masterFingerprint(last.analysis) === masterFingerprint(check.analysis)) {
    throw new UserFacingError('carry.same_table', {
      zh: '上年台账与今年的任务分工是同一张表（任务编号和内容完全相同）。请选择上一年度的台账文件。未作任何改动',
      en: 'Last year’s ledger and this year’s sheet are the same table (same numbers and measures). Choose last year’s ledger. Nothing was changed',
    });
  }
  const warnings: LocalText[] = [];
  if (last.analysis.planYear >= check.analysis.planYear) {
    warnings.push({
      zh: `上年台账的年度（${last.analysis.planYear}年）不早于今年任务分工的年度（${check.analysis.planYear}年），请确认选对了文件。`,
      en: `The ledger's year (${last.analysis.planYear}) is not before this sheet's (${check.analysis.planYear}); check that the right file was chosen.`,
    });
  }

  const source = check.analysis.sheet;
  const sheets = check.snapshot.sheets.map((s) => s.name);
  const stamps = await stampAnswers(thisYear, check.snapshot, check.state, 'carried-over', source);
  const placement = placeProductSheet({ requested, marker: 'carried-over', source, existingSheets: sheets, state: check.state, probes: stamps });
  const record = placement.replaces ? recordedProductSheet(check.state, 'carried-over', source, sheets) : null;
  const written = parseWrittenCells(record?.written);
  const earlierGrid = placement.replaces && written ? (await thisYear.read({ sheet: placement.replaces })).grid : null;
  const earlier = earlierProgress(earlierGrid?.sheet === placement.replaces ? earlierGrid : null);

  const model = planCarryOver(last.analysis, { asOf: options.asOf, thisYear: check.analysis, earlier: earlier.progress, planYear: check.analysis.planYear });
  const lang = options.lang ?? 'zh-CN';
  const { spec, nextState } = placeStampedSheet({
    requested,
    marker: 'carried-over',
    source,
    existingSheets: sheets,
    state: check.state,
    probes: stamps,
    createdAt: options.createdAt,
    lang,
    build: (name) => carryOverSheetSpec(model, lang, name),
  });
  const kept = carryClerkAdditions(spec, earlier.rest, written, lang);
  const notice = carriedNotice(kept, placement.replaces ?? spec.name);
  if (notice) warnings.push(notice);
  await thisYear.apply([
    { kind: 'sheet', spec: kept.spec, replaces: placement.replaces },
    { kind: 'state', text: serialiseState(nextState) },
  ]);
  return { sheet: source, sheetName: spec.name, replaced: placement.replaces, model, sentence: carryOverSentence(model), warnings, check, last };
}

/**
 * The figures of this year's 上年未完成事项 for the summary and the paragraph (上年结转X项，已完成X项): one more
 * read, only when the state records such a sheet for this source — and only a sheet still carrying its stamp.
 */
export async function readCarryOverFigures(host: WorkbookHost, check: CheckResult, state: WorkbookState, asOf: string): Promise<CarryOverFigures | null> {
  const record = recordedProductSheet(state, 'carried-over', check.analysis.sheet, check.snapshot.sheets.map((s) => s.name));
  if (!record?.stamp) return null;
  const read = await host.read({ sheet: record.name, probes: stampProbes([record.name]) });
  if (!read.grid || !carriesStamp(stampProbeAnswer(read.probes, record.name), record.stamp)) return null;
  return carryOverFigures(read.grid, check.analysis, asOf);
}
