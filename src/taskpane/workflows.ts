/**
 * The pane's view of the shared workflows (src/workflows, written once against the WorkbookHost port and
 * shared with the CLI). Panels depend on these shapes only (type imports); this module adapts each workflow's
 * result and is itself loaded with a dynamic import (see index.tsx), so the domain code and its calendar data
 * stay out of the initial bundle.
 */
import type { ColumnMap, Lang, RowState, SheetAnalysis } from '../domain/types';
import type { WorkbookState } from '../domain/workbook-state';
import type { WorkbookHost, WorkbookSnapshot } from '../ports/workbook-host';
import type { LocalText } from '../domain/types';
import { UNIT_DIRECTORY_SHEET } from '../domain/units';
import { runCheck, type CheckResult, type DirectorySource } from '../workflows/check';
import { runClear } from '../workflows/clear';
import { runHighlight } from '../workflows/highlight';
import { runSummary, type SummaryResult } from '../workflows/summary';
import { runReport } from '../workflows/report';
import { runSplit } from '../workflows/split';
import { runCollect, type ReturnSource } from '../workflows/collect';
import { runCarryOver } from '../workflows/carry-over';
import { runImportNotice } from '../workflows/import-notice';
import { createDirectorySheet, directoryReview, type CreateDirectoryOptions, type DirectoryResult, type DirectoryReviewEntry } from '../workflows/directory';
import type { ReturnLogEntry, SplitRole } from '../domain/returns';
import { readStatusChoices, statusChoicesFor, type StatusChoicesReading } from '../domain/status-choices';
import { loadExcelFiles } from './excel-files';
import { localTimestamp } from './pane-basics';
import { zipSync } from 'fflate';

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
  /** Which directory the check used: a given one, this workbook's 单位名录, or the units found in the sheet. */
  directorySource: DirectorySource;
  /** The product's saved state could not be read and was treated as empty. */
  stateDamaged: boolean;
}

export interface PaneHighlightOptions extends PaneCheckOptions {
  asOf: string;
  /** Working days for due_soon; default: the workbook's saved setting, else 10 (as the workflows resolve it). */
  soonDays?: number;
}

export interface PaneClearResult {
  /** False when the sheet carried no colouring of the product's (nothing was changed). */
  hadRecord: boolean;
  restoredCells: number;
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
  /** The 通报 paragraph and the ready-to-send 催办 text of each unit with overdue or due-soon tasks ('' when none). */
  remindText: string;
  warnings: LocalText[];
}

export type PaneDirectoryResult = DirectoryResult;

export type { SplitRole, ReturnLogEntry, DirectoryReviewEntry, DirectorySource };

export interface PaneSplitResult {
  workbooks: { unit: string; fileName: string; measureCount: number; bytes: Uint8Array }[];
  /** Every copy in one zip, for 全部下载 where the web view saves downloads. */
  all: { fileName: string; bytes: Uint8Array };
  /** Measures no unit receives. */
  unassigned: number;
}

export interface PaneCollectOptions extends PaneCheckOptions {
  files: File[];
  asOf: string;
  /** The 临期 window the colours are re-judged with after the merge. */
  soonDays?: number;
  by: SplitRole;
  lang: Lang;
  onProgress?(done: number, total: number): void;
}

export interface PaneCollectResult {
  returns: ReturnLogEntry[];
  updated: number;
  cellsWritten: number;
  missingUnits: string[];
  /** Units whose copy came back with nothing filled in (still to report; not among missingUnits). */
  blankUnits: string[];
  logSheet: string;
  /** The sheet was coloured before the merge and has been coloured again with the new answers. */
  recoloured: boolean;
  warnings: LocalText[];
}

export interface PaneWorkflows {
  /** `sheet` undefined: the active sheet (a summary sheet stands for the table it summarises). */
  check: (host: WorkbookHost, options: Omit<PaneCheckOptions, 'sheet'> & { sheet?: string }) => Promise<PaneCheckResult>;
  highlight: (host: WorkbookHost, options: PaneHighlightOptions) => Promise<PaneHighlightResult>;
  clear: (host: WorkbookHost, options: { sheet: string }) => Promise<PaneClearResult>;
  summary: (host: WorkbookHost, options: PaneHighlightOptions & { lang: Lang }) => Promise<PaneSummaryResult>;
  /** 标色并汇总: highlight and summary in one go — one read and one write, the fewest round trips to Excel. */
  report: (host: WorkbookHost, options: PaneHighlightOptions & { lang: Lang }) => Promise<PaneSummaryResult>;
  /** The 单位名录 from the checked sheet's units, with the near-duplicates the clerk merged as aliases. */
  createDirectory: (host: WorkbookHost, options: CreateDirectoryOptions) => Promise<PaneDirectoryResult>;
  /** What that directory would hold, for the clerk to review first. */
  directoryReview: (check: PaneCheckResult) => DirectoryReviewEntry[];
  /** 下发: one workbook per unit, as files for the clerk to send. */
  /** `due`: the 报送时限 each copy states (ISO), or null. */
  split: (host: WorkbookHost, options: PaneCheckOptions & { by: SplitRole; due: string | null }) => Promise<PaneSplitResult>;
  /** 回收: the units' returned files merged into the master's report columns. */
  collect: (host: WorkbookHost, options: PaneCollectOptions) => Promise<PaneCollectResult>;
  /** The 下发 copies' 完成情况 choices as the clerk types them (已整改、部分整改), read and checked. */
  readStatusChoices: (text: string) => StatusChoicesReading;
  /** What a copy of the checked sheet offers in its dropdown, with the saved choices. */
  offeredStatusChoices: (check: PaneCheckResult, saved: readonly string[] | undefined) => string[];
  /** 导入通知: the notice's task table (.docx) into a new sheet of this workbook, then checked. */
  importNotice: (host: WorkbookHost, options: { file: File; lang: Lang }) => Promise<PaneImportResult>;
  /** 回头看: last year's unfinished measures (its ledger file) into this workbook as 上年未完成事项. */
  carryOver: (host: WorkbookHost, options: PaneCarryOverOptions) => Promise<PaneCarryOverResult>;
}

export interface PaneImportResult {
  sheet: string;
  title: string;
  rows: number;
  /** Tasks the check then read, and its errors. */
  tasks: number;
  errors: number;
}

export interface PaneCarryOverOptions {
  /** This year's sheet the carried measures are looked for in. */
  sheet: string;
  file: File;
  /** Default: 12-31 of last year's plan year. */
  asOf?: string;
  lang: Lang;
}

export interface PaneCarryOverResult {
  sheetName: string;
  lastYear: number;
  carried: number;
  /** Of them, found again in this year's sheet. */
  listed: number;
  /** 上年结转X项，已完成X项, in the pane's language. */
  sentence: LocalText;
  warnings: LocalText[];
}

function toPaneSummary(result: SummaryResult): PaneSummaryResult {
  return {
    sheetName: result.sheetName,
    counts: result.model.states,
    total: result.model.total,
    paragraph: result.paragraph,
    remindText: result.reminders.units.length ? [result.reminders.notice, ...result.reminders.units.map((u) => u.text)].join('\n\n') : '',
    warnings: result.warnings,
  };
}

export function paneWorkflows(): PaneWorkflows {
  const toPaneCheck = (result: CheckResult): PaneCheckResult => ({
    snapshot: result.snapshot,
    analysis: result.analysis,
    state: result.state,
    directorySheet: result.directorySource === 'workbook' ? UNIT_DIRECTORY_SHEET : null,
    directorySource: result.directorySource,
    stateDamaged: result.stateDamaged,
  });
  return {
    check: async (host, options) => toPaneCheck(await runCheck(host, options)),
    highlight: async (host, options) => {
      const result = await runHighlight(host, options);
      return { counts: result.counts, warnings: result.warnings };
    },
    clear: async (host, options) => {
      const { hadRecord, restoredCells } = await runClear(host, options);
      return { hadRecord, restoredCells };
    },
    summary: async (host, options) => toPaneSummary(await runSummary(host, { ...options, generatedAt: localTimestamp() })),
    report: async (host, options) => {
      const { highlight, summary } = await runReport(host, { ...options, generatedAt: localTimestamp() });
      return { ...toPaneSummary(summary), warnings: [...highlight.warnings, ...summary.warnings] };
    },
    createDirectory: createDirectorySheet,
    directoryReview,
    split: async (host, options) => {
      const result = await runSplit(host, { ...options, generatedAt: localTimestamp() });
      const files = await loadExcelFiles();
      const workbooks = [];
      for (const w of result.workbooks) {
        workbooks.push({ unit: w.unit, fileName: w.fileName, measureCount: w.measureCount, bytes: await files.workbookBytes(w.specs) });
      }
      return { workbooks, all: zipOfCopies(result.archiveName, workbooks), unassigned: result.unassigned.length };
    },
    collect: async (host, { files, ...options }) => {
      const excel = await loadExcelFiles();
      const sources: ReturnSource[] = files.map((file) => ({
        name: file.name,
        receivedAt: file.lastModified ? localTimestamp(new Date(file.lastModified)) : null,
        open: async () => excel.openWorkbook(new Uint8Array(await file.arrayBuffer()), file.name),
      }));
      const result = await runCollect(host, sources, { ...options, generatedAt: localTimestamp() });
      return {
        returns: result.returns,
        updated: result.updated,
        cellsWritten: result.cellsWritten,
        missingUnits: result.missingUnits,
        blankUnits: result.blankUnits,
        logSheet: result.logSheet,
        recoloured: result.recoloured !== null,
        warnings: result.recolourError ? [result.recolourError] : [],
      };
    },
    readStatusChoices,
    offeredStatusChoices: (check, saved) => statusChoicesFor(check.analysis, saved),
    importNotice: async (host, { file }) => {
      const result = await runImportNotice(host, new Uint8Array(await file.arrayBuffer()));
      const errors = result.check.analysis.findings.filter((f) => f.severity === 'error').length;
      return { sheet: result.sheet, title: result.title, rows: result.rows, tasks: result.check.analysis.tasks.length, errors };
    },
    carryOver: async (host, { file, ...options }) => {
      const excel = await loadExcelFiles();
      const last = await excel.openWorkbook(new Uint8Array(await file.arrayBuffer()), file.name);
      const result = await runCarryOver(host, last, { ...options, createdAt: localTimestamp() });
      return {
        sheetName: result.sheetName,
        lastYear: result.model.lastYear,
        carried: result.model.measures.length,
        listed: result.model.measures.filter((m) => m.thisYear).length,
        sentence: result.sentence,
        warnings: result.warnings,
      };
    },
  };
}

/** The copies in one zip, stored uncompressed (an .xlsx is already deflated); names in UTF-8, flagged as such. */
export function zipOfCopies(archiveName: string, copies: { fileName: string; bytes: Uint8Array }[]): { fileName: string; bytes: Uint8Array } {
  const entries: Record<string, Uint8Array> = Object.create(null) as Record<string, Uint8Array>;
  for (const copy of copies) entries[copy.fileName] = copy.bytes;
  return { fileName: archiveName, bytes: zipSync(entries, { level: 0 }) };
}
