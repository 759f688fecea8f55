/**
 * 一键生成报告: colour-code the sheet AND write its summary, as one batch — the sheet is read once and the
 * workbook is changed in one apply:
 *   1. read (inside the highlight's check; plus the 单位名录 sheet when the workbook has one);
 *   2. readStyles (the highlight's originals; skipped when there is nothing to colour or restore);
 *   3. apply: restores, colours, the summary sheet and one state holding both.
 * At most four round trips, against six for highlight then summary — and all or nothing where the host allows.
 */
import { parseState, serialiseState } from '../domain/workbook-state';
import type { CellRange, CellStyle } from '../domain/types';
import type { CellProbe, WorkbookChange, WorkbookHost } from '../ports/workbook-host';
import { runHighlight, type HighlightOptions, type HighlightResult } from './highlight';
import { stampAnswers } from './product-sheet-stamps';
import { planSummary, summaryStampProbes, type SummaryOptions, type SummaryResult } from './summary';
import { reportParagraph } from '../domain/report-paragraph';

export type ReportOptions = HighlightOptions & Omit<SummaryOptions, keyof HighlightOptions>;

export interface ReportResult {
  highlight: HighlightResult;
  summary: SummaryResult;
}

/**
 * Passes reads through and holds back the changes, so the highlight's changes can be sent together with the
 * summary's in a single apply instead of their own.
 */
class DeferredApplyHost implements WorkbookHost {
  readonly held: WorkbookChange[] = [];

  constructor(
    private readonly inner: WorkbookHost,
    private readonly probes: CellProbe[] = [],
  ) {}

  get capabilities() {
    return this.inner.capabilities;
  }

  read(request?: Parameters<WorkbookHost['read']>[0]) {
    // The summary's stamp probes ride along with the highlight's read.
    return this.inner.read({ ...request, probes: [...(request?.probes ?? []), ...this.probes] });
  }

  readStyles(sheet: string, ranges: CellRange[]): Promise<CellStyle[]> {
    return this.inner.readStyles(sheet, ranges);
  }

  async apply(changes: WorkbookChange[]): Promise<void> {
    this.held.push(...changes);
  }

  select(sheet: string, address: string): Promise<void> {
    return this.inner.select(sheet, address);
  }
}

export async function runReport(host: WorkbookHost, options: ReportOptions): Promise<ReportResult> {
  const deferred = new DeferredApplyHost(host, summaryStampProbes(options));
  const highlight = await runHighlight(deferred, options);
  const check = highlight.check;

  // The summary builds on the state the highlight produced (its saved colours), not the one it read.
  const stateChanges = deferred.held.filter((c): c is Extract<WorkbookChange, { kind: 'state' }> => c.kind === 'state');
  const highlighted = stateChanges.length ? parseState(stateChanges[stateChanges.length - 1].text).state : check.state;
  const soonDays = options.soonDays ?? highlight.plan.soonDays;
  const stamps = await stampAnswers(host, check.snapshot, highlighted, 'summary', check.analysis.sheet);
  const plan = planSummary(check, highlighted, { ...options, soonDays }, stamps);

  await host.apply([
    ...deferred.held.filter((c) => c.kind !== 'state'),
    plan.sheetChange,
    { kind: 'state', text: serialiseState(plan.nextState) },
  ]);

  return {
    highlight,
    summary: {
      sheet: check.analysis.sheet,
      sheetName: plan.spec.name,
      replaced: plan.replaced,
      model: plan.model,
      paragraph: reportParagraph(plan.model),
      warnings: highlight.warnings,
      check,
    },
  };
}
