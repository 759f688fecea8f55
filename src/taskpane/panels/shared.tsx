/** Small pieces the panels share. */
import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { parseTypedDate } from '../../domain/dates';
import type { ColumnRole } from '../../domain/types';
import type { MessageKey } from '../i18n';
import { useController } from '../controller';
import type { DirectorySource } from '../workflows';

export const usePanelStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  intro: { color: tokens.colorNeutralForeground2 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

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

/** The as-of date the states are judged at (标色 and 汇总), with its validation message. */
export function AsOfField({ value, onChange, testId }: { value: string; onChange(value: string): void; testId: string }) {
  const { tr } = useController();
  // Typed, not a date picker: 2022/9/15 and 2022年9月15日 are what clerks type, and a picker hides the form.
  const valid = parseTypedDate(value) !== null;
  return (
    <Field
      label={tr.t('highlight.asOf')}
      validationState={valid ? 'none' : 'error'}
      validationMessage={valid ? undefined : tr.t('highlight.invalidDate')}
    >
      <Input value={value} placeholder="2022-09-15" size="small" onChange={(_, data) => onChange(data.value)} data-testid={testId} />
    </Field>
  );
}
