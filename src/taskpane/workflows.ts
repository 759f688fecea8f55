/**
 * The pane's view of the shared workflows (src/workflows, written once against the WorkbookHost port and
 * shared with the CLI). Panels depend on these shapes only (type imports); this module adapts each workflow's
 * result and is itself loaded with a dynamic import (see index.tsx), so the domain code and its calendar data
 * stay out of the initial bundle. A workflow that is not part of this build is `null`, and its tab says so.
 */
import type { ColumnMap, Lang, RowState, SheetAnalysis } from '../domain/types';
import type { WorkbookState } from '../domain/workbook-state';
import type { WorkbookHost, WorkbookSnapshot } from '../ports/workbook-host';
import type { LocalText } from '../domain/types';
import { UNIT_DIRECTORY_SHEET } from '../domain/units';
import { runCheck, type CheckResult } from '../workflows/check';
import { runClear } from '../workflows/clear';
import { runHighlight } from '../workflows/highlight';
import { runSummary } from '../workflows/summary';
import { createDirectorySheet } from './directory-workflow';

export interface PaneCheckOptions {
  sheet: string;
  planYear?: number;
  columns?: Partial<ColumnMap>;
}

export interface PaneCheckResult {
  snapshot: WorkbookSnapshot;
  analysis: SheetAnalysis;
  state: WorkbookState;
  /** Whether the workbook has a 单位名录 sheet the check used. */
  directorySheet: string | null;
  /** The product's saved state could not be read and was treated as empty. */
  stateDamaged: boolean;
}

export interface PaneHighlightOptions extends PaneCheckOptions {
  asOf: string;
  soonDays: number;
}

export interface PaneHighlightResult {
  /** Tasks per state. */
  counts: Record<RowState, number>;
  warnings: LocalText[];
}

export interface PaneSummaryResult {
  sheetName: string;
  counts: Record<RowState, number>;
  total: number;
  /** The annual-report paragraph (zh-CN: it goes into a Chinese report whatever the pane's language). */
  paragraph: string;
  warnings: LocalText[];
}

export interface PaneDirectoryResult {
  sheetName: string;
  units: number;
}

export interface PaneWorkflows {
  check: ((host: WorkbookHost, options: PaneCheckOptions) => Promise<PaneCheckResult>) | null;
  highlight: ((host: WorkbookHost, options: PaneHighlightOptions) => Promise<PaneHighlightResult>) | null;
  clear: ((host: WorkbookHost, options: { sheet: string }) => Promise<void>) | null;
  summary: ((host: WorkbookHost, options: PaneHighlightOptions & { lang: Lang }) => Promise<PaneSummaryResult>) | null;
  createDirectory:
    | ((host: WorkbookHost, options: { from: 'default' | 'sheet'; check: PaneCheckResult | null; lang: Lang }) => Promise<PaneDirectoryResult>)
    | null;
  /** Returns workflows (split to units / collect back) — issue 6. */
  split: null;
  collect: null;
}

export function paneWorkflows(): PaneWorkflows {
  const toPaneCheck = (result: CheckResult): PaneCheckResult => ({
    snapshot: result.snapshot,
    analysis: result.analysis,
    state: result.state,
    directorySheet: result.directorySource === 'workbook' ? UNIT_DIRECTORY_SHEET : null,
    stateDamaged: result.stateDamaged,
  });
  return {
    check: async (host, options) => toPaneCheck(await runCheck(host, options)),
    highlight: async (host, options) => {
      const result = await runHighlight(host, options);
      return { counts: result.counts, warnings: result.warnings };
    },
    clear: async (host, options) => {
      await runClear(host, options);
    },
    summary: async (host, options) => {
      const result = await runSummary(host, { ...options, generatedAt: localTimestamp() });
      return {
        sheetName: result.sheetName,
        counts: result.model.states,
        total: result.model.total,
        paragraph: result.paragraph,
        warnings: result.warnings,
      };
    },
    createDirectory: createDirectorySheet,
    split: null,
    collect: null,
  };
}

/** 'YYYY-MM-DD HH:mm' on the clerk's clock, as the summary sheet prints it. */
export function localTimestamp(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}`;
}
