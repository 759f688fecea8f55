/** Small pieces the panels share. */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, type RefObject } from 'react';
import type { ColumnRole } from '../../domain/types';
import type { MessageKey } from '../i18n';
import type { DirectorySource } from '../workflows';

export const usePanelStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  intro: { color: tokens.colorNeutralForeground2 },
  /**
   * A long form's actions, kept in sight at the bottom of the pane while the clerk scrolls the fields (in a
   * short form it simply sits after them).
   */
  actionBar: {
    position: 'sticky',
    bottom: 0,
    zIndex: 1,
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  /** A field whose error is scrolled into sight: kept clear of the sticky action bar below it. */
  clearOfActionBar: { scrollMarginBottom: '64px' },
});

/**
 * A field's box, scrolled into sight when its error appears, so the message under it is never left behind
 * the sticky action bar (with the class clearOfActionBar on the box).
 */
export function useErrorInSight<T extends HTMLElement>(invalid: boolean): RefObject<T | null> {
  const box = useRef<T>(null);
  useEffect(() => {
    // jsdom has no scrollIntoView; a pane in a web view always has.
    if (invalid && typeof box.current?.scrollIntoView === 'function') box.current.scrollIntoView({ block: 'nearest' });
  }, [invalid]);
  return box;
}

/** Which directory the check used, as the check and directory panels say it (the CLI says the same). */
export const DIRECTORY_SOURCE_TEXT: Record<DirectorySource, MessageKey> = {
  option: 'directory.source.option',
  workbook: 'directory.source.workbook',
  sheet: 'directory.source.sheet',
};

/** The column roles in the order a clerk reads a 任务分工 header. */
export const COLUMN_ROLES: ColumnRole[] = [
  'section',
  'subsection',
  'number',
  'measure',
  'deadline',
  'lead',
  'responsible',
  'status',
  'explanation',
  'doneDate',
];

export const COLUMN_LABELS: Record<ColumnRole, MessageKey> = {
  section: 'column.section',
  subsection: 'column.subsection',
  number: 'column.number',
  measure: 'column.measure',
  deadline: 'column.deadline',
  lead: 'column.lead',
  responsible: 'column.responsible',
  status: 'column.status',
  explanation: 'column.explanation',
  doneDate: 'column.doneDate',
};
