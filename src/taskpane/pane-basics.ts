/**
 * The pane's React-free pieces, shared by the full pane (React + Fluent UI) and the lite pane (plain DOM, for
 * Office 2016/2019 in Internet Explorer 11 or EdgeHTML): the clerk's clock, the starting sheet and how a
 * finding is grouped and worded. Nothing here may import React, Fluent UI or Office.js.
 */
import { localDate, localDateTime } from '../domain/dates';
import { isClerkTable } from '../domain/product-sheets';
import type { Finding, Severity } from '../domain/types';
import type { WorkbookState } from '../domain/workbook-state';
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

/** The sheet to start with: the active one, unless it is hidden or one the product made. */
export function initialSheet(sheets: SheetInfo[], active: string, state: WorkbookState): string | null {
  const usable = sheets.filter((s) => isClerkTable(s, state));
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
