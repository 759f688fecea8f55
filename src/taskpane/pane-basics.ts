/**
 * The pane's React-free pieces, shared by the full pane (React + Fluent UI) and the lite pane (plain DOM, for
 * Office 2016/2019 in Internet Explorer 11 or EdgeHTML): the clerk's clock, the sheets to offer, how a finding
 * is grouped and worded, the state legend and how an outcome is told. Nothing here may import React, Fluent UI
 * or Office.js.
 */
import { resolveColours } from '../domain/colours';
import { localDate, localDateTime } from '../domain/dates';
import { isClerkTable } from '../domain/product-sheets';
import { STATE_DESCRIPTIONS, STATE_NAMES } from '../domain/state-words';
import { ROW_STATES, type Finding, type LocalText, type RowState, type Severity } from '../domain/types';
import type { ProductSettings, StateColours, WorkbookState } from '../domain/workbook-state';
import type { SheetInfo } from '../ports/workbook-host';
import type { MessageKey, Translator } from './i18n';

/** Local calendar date as ISO: the clerk's "today", not UTC's. */
export function localToday(now: Date = new Date()): string {
  return localDate(now);
}

/** 'YYYY-MM-DD HH:mm' on the clerk's clock, as the summary sheet prints it. */
export function localTimestamp(now: Date = new Date()): string {
  return localDateTime(now);
}

/** The sheets the picker offers: the clerk's own tables (not hidden, not the product's or bookkeeping sheets). */
export function clerkTables(sheets: SheetInfo[], state: WorkbookState, stateSheet?: string | null): SheetInfo[] {
  return sheets.filter((s) => isClerkTable(s, state, stateSheet));
}

/** The sheet to start with: the active one, unless it is hidden or one the product made. */
export function initialSheet(sheets: SheetInfo[], active: string, state: WorkbookState, stateSheet?: string | null): string | null {
  const usable = clerkTables(sheets, state, stateSheet);
  if (usable.some((s) => s.name === active)) return active;
  return usable[0]?.name ?? null;
}

/** Severities in the order the pane lists them. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export const SEVERITY_LABELS: Record<Severity, MessageKey> = {
  error: 'check.severity.error',
  warning: 'check.severity.warning',
  info: 'check.severity.info',
};

export function groupFindings(findings: Finding[]): Record<Severity, Finding[]> {
  const groups: Record<Severity, Finding[]> = { error: [], warning: [], info: [] };
  for (const finding of findings) groups[finding.severity].push(finding);
  return groups;
}

/** A finding in words: its message, prefixed by its cell when the message does not name it already. */
export function findingLabel(finding: Finding, tr: Translator): { label: string; suggestion: string | null } {
  const message = tr.local(finding.message);
  const label = !finding.cell
    ? tr.t('check.tableLevel', { message })
    : message.includes(finding.cell)
      ? message
      : tr.t('check.goTo', { cell: finding.cell, message });
  return { label, suggestion: finding.suggestion ? tr.t('check.suggestion', { value: finding.suggestion }) : null };
}

/** Tasks in all states together. */
export function taskTotal(counts: Record<RowState, number>): number {
  return ROW_STATES.reduce((sum, s) => sum + counts[s], 0);
}

export interface LegendEntry {
  state: RowState;
  /** The state's name, shown on a swatch in its colours. */
  name: string;
  /** What the state means, with its number of tasks once colouring has counted them. */
  text: string;
  /** The colours it is given (the clerk's settings over the defaults); null for states left uncoloured. */
  colour: StateColours | null;
}

/** The row-state legend, every state in words. */
export function legendEntries(settings: ProductSettings, counts: Record<RowState, number> | null, tr: Translator): LegendEntry[] {
  const colours = resolveColours(settings.colours);
  return ROW_STATES.map((state) => ({
    state,
    name: tr.local(STATE_NAMES[state]),
    text: tr.local(STATE_DESCRIPTIONS[state]) + (counts ? tr.t('highlight.count', { count: counts[state] }) : ''),
    colour: colours[state],
  }));
}

/** How an operation went, as one notice: success, or a warning when the workflow had warnings (told after it). */
export function outcomeNotice(text: string, warnings: LocalText[], tr: Translator): { intent: 'success' | 'warning'; text: string } {
  if (warnings.length === 0) return { intent: 'success', text };
  return { intent: 'warning', text: [text].concat(warnings.map((w) => tr.local(w))).join(' ') };
}
