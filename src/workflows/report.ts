/**
 * 一键生成报告: colour-code the sheet AND write its summary, as one batch — the sheet is read once and the
 * workbook is changed in one apply:
 *   1. read (the check's, carrying the summary's stamp probes; plus the 单位名录 sheet when the workbook has one);
 *   2. readStyles (the highlight's originals; skipped when there is nothing to colour or restore);
 *   3. apply: restores, colours, the summary sheet and one state holding both.
 * At most four round trips (five when an earlier summary is replaced and read for the clerk's cells), against six for highlight then summary — and all or nothing where the host allows.
 */
import { serialiseState } from '../domain/workbook-state';
import type { WorkbookHost } from '../ports/workbook-host';
import { runCheck } from './check';
import { completeHighlight, prepareHighlight, validateAsOf, validateSoonDays, type HighlightOptions, type HighlightResult } from './highlight';
import { stampAnswers } from './product-sheet-stamps';
import { readCarryOverFigures } from './carry-over';
import { planSummary, readEarlierSummary, summaryResult, summaryStampProbes, type SummaryOptions, type SummaryResult } from './summary';

export type ReportOptions = HighlightOptions & Omit<SummaryOptions, keyof HighlightOptions>;

export interface ReportResult {
  highlight: HighlightResult;
  summary: SummaryResult;
}

export async function runReport(host: WorkbookHost, options: ReportOptions): Promise<ReportResult> {
  validateAsOf(options.asOf);
  if (options.soonDays !== undefined) validateSoonDays(options.soonDays);

  const check = await runCheck(host, {
    sheet: options.sheet,
    planYear: options.planYear,
    directory: options.directory,
    columns: options.columns,
    probes: summaryStampProbes(options),
  });
  const prep = prepareHighlight(check, options);
  const current = prep.readRanges.length ? await host.readStyles(prep.sheet, prep.readRanges) : [];
  // The summary builds on the state the highlight produced (its saved colours), not the one it read.
  const highlighted = completeHighlight(check, prep, current, check.state);
  const highlight = highlighted.result;
  const stamps = await stampAnswers(host, check.snapshot, highlighted.nextState, 'summary', check.analysis.sheet);
  const earlier = await readEarlierSummary(host, check, highlighted.nextState, options, stamps);
  const carried = await readCarryOverFigures(host, check, highlighted.nextState, options.asOf);
  const plan = planSummary(check, highlighted.nextState, options, stamps, earlier, carried);

  await host.apply([...highlighted.changes, plan.sheetChange, { kind: 'state', text: serialiseState(plan.nextState) }]);

  return { highlight, summary: summaryResult(check, plan, highlight.warnings) };
}
