/**
 * 设置: plan year, the report paragraph's closing, the 下发 copies' status choices, highlight colours and the
 * column mapping. Everything is saved in the workbook's own state,
 * so it travels with the file and every colleague who opens it sees the same settings.
 */
import { useMemo, useState } from 'react';
import { Button, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { columnLetter } from '../../domain/address';
import { DEFAULT_COLOURS, normaliseColour, resolveColours } from '../../domain/colours';
import { STATE_NAMES } from '../../domain/state-words';
import { cellText } from '../../domain/text';
import { ROW_STATES, type ColumnMap, type ColumnRole, type RowState } from '../../domain/types';
import { isPlanYearText, nameKeyed, ownEntry, PLAN_YEAR_RANGE, REPORT_CLOSING_MAX, withEntry, type StateColours } from '../../domain/workbook-state';
import { useController } from '../controller';
import type { PaneCheckResult } from '../workflows';
import { COLUMN_LABELS, COLUMN_ROLES, useErrorInSight, usePanelStyles } from './shared';

const useSettingsStyles = makeStyles({
  colours: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalS },
  swatch: { width: '100%', height: '28px', padding: 0, border: `1px solid ${tokens.colorNeutralStroke1}`, cursor: 'pointer' },
});

/** States the product colours (the others are left as the clerk made them). */
const COLOURED_STATES = ROW_STATES.filter((s) => DEFAULT_COLOURS[s] !== null);

/** "C — 工作任务": the column letter and its header text, so the clerk recognises it. */
function columnChoices(check: PaneCheckResult | null): { col: number; label: string }[] {
  const grid = check?.snapshot.grid;
  const layout = check?.analysis.layout;
  if (!grid || !layout) return [];
  const headerRow = grid.values[layout.headerRow - 1 - grid.originRow] ?? [];
  const choices: { col: number; label: string }[] = [];
  for (let col = grid.originCol; col <= layout.lastColumn; col++) {
    const header = cellText(headerRow[col - grid.originCol] ?? null);
    choices.push({ col, label: header ? `${columnLetter(col)} — ${header}` : columnLetter(col) });
  }
  return choices;
}

export function SettingsPanel() {
  const styles = usePanelStyles();
  const local = useSettingsStyles();
  const { tr, sheet, check, settings, busy, run, setNotice, saveSettings, refresh, workflows } = useController();
  const [planYear, setPlanYear] = useState(settings.planYear ? String(settings.planYear) : '');
  const [reportClosing, setReportClosing] = useState(settings.reportClosing ?? '');
  const [statusChoices, setStatusChoices] = useState((settings.statusChoices ?? []).join(tr.t('app.listSeparator')));
  // Read by the lazily loaded domain code (the status reader is not part of the pane's first load).
  const choicesReading = workflows?.readStatusChoices(statusChoices) ?? null;
  const choicesValid = choicesReading?.ok ?? false;
  const [colours, setColours] = useState<Record<RowState, StateColours | null>>(() => resolveColours(settings.colours));
  const detected = check?.analysis.layout.columns ?? null;
  const [columns, setColumns] = useState<Partial<ColumnMap>>(() => ({ ...(detected ?? {}) }));
  const choices = useMemo(() => columnChoices(check), [check]);

  const yearValid = planYear === '' || isPlanYearText(planYear);
  const yearBox = useErrorInSight<HTMLDivElement>(!yearValid);
  const choicesBox = useErrorInSight<HTMLDivElement>(choicesReading?.ok === false);
  const coloursValid = COLOURED_STATES.every((s) => colours[s] && normaliseColour(colours[s]!.fill) && normaliseColour(colours[s]!.font));

  const setColour = (state: RowState, part: keyof StateColours, value: string) =>
    setColours((prev) => ({ ...prev, [state]: { ...(prev[state] ?? { fill: '#FFFFFF', font: '#000000' }), [part]: value } }));

  const save = () =>
    run('settings.save', async () => {
      const chosenColours = Object.fromEntries(
        COLOURED_STATES.map((s) => [s, { fill: normaliseColour(colours[s]!.fill)!, font: normaliseColour(colours[s]!.font)! }]),
      ) as Partial<Record<RowState, StateColours>>;
      // Only columns that differ from what was detected are saved: detection keeps working for the rest.
      const corrected: Partial<ColumnMap> = {};
      if (detected) {
        for (const role of COLUMN_ROLES) {
          if ((columns[role] ?? null) !== (detected[role] ?? null)) (corrected as Record<ColumnRole, number | null>)[role] = columns[role] ?? null;
        }
      }
      await saveSettings((current) => {
        const next = { ...current, colours: chosenColours };
        if (planYear) next.planYear = Number(planYear);
        else delete next.planYear;
        // What the office does about late tasks is the clerk's statement; blank leaves the paragraph to the facts.
        if (reportClosing.trim()) next.reportClosing = reportClosing.trim();
        else delete next.reportClosing;
        if (choicesReading?.ok && choicesReading.words.length) next.statusChoices = choicesReading.words;
        else delete next.statusChoices;
        if (sheet && detected) {
          // Keyed by sheet name without a prototype: a sheet called __proto__ keeps its correction.
          const perSheet = nameKeyed(Object.entries(current.columns ?? {}));
          next.columns = Object.keys(corrected).length > 0 ? withEntry(perSheet, sheet, { ...ownEntry(perSheet, sheet), ...corrected }) : perSheet;
        }
        return next;
      });
      // saveSettings updated the saved columns, so the re-read applies the correction.
      if (sheet && detected) await refresh();
      setNotice({ intent: 'success', text: tr.t('settings.saved') });
    });

  return (
    <div className={styles.panel}>
      <Field
        ref={yearBox}
        className={styles.clearOfActionBar}
        label={tr.t('settings.planYear')}
        hint={tr.t('settings.planYearHint')}
        validationState={yearValid ? 'none' : 'error'}
        validationMessage={yearValid ? undefined : tr.t('settings.invalidYear', { min: PLAN_YEAR_RANGE.min, max: PLAN_YEAR_RANGE.max })}
      >
        <Input value={planYear} inputMode="numeric" maxLength={4} onChange={(_, data) => setPlanYear(data.value.trim())} />
      </Field>
      <Field label={tr.t('settings.reportClosing')} hint={tr.t('settings.reportClosingHint')}>
        <Input value={reportClosing} maxLength={REPORT_CLOSING_MAX} onChange={(_, data) => setReportClosing(data.value)} data-testid="report-closing" />
      </Field>
      <Field
        ref={choicesBox}
        className={styles.clearOfActionBar}
        label={tr.t('settings.statusChoices')}
        hint={choicesReading?.ok === false ? undefined : tr.t('settings.statusChoicesHint')}
        validationState={choicesReading?.ok === false ? 'error' : 'none'}
        validationMessage={choicesReading?.ok === false ? tr.local(choicesReading.problem) : undefined}
      >
        <Input value={statusChoices} onChange={(_, data) => setStatusChoices(data.value)} data-testid="status-choices" />
      </Field>

      <Text weight="semibold">{tr.t('settings.colours')}</Text>
      {!coloursValid && <Text role="alert">{tr.t('settings.invalidColour')}</Text>}
      <div className={local.colours}>
        {COLOURED_STATES.map((state) => {
          const name = tr.local(STATE_NAMES[state]);
          const pair = colours[state] ?? { fill: '#FFFFFF', font: '#000000' };
          return [
            <Field key={`${state}-fill`} label={tr.t('settings.fill', { state: name })}>
              {(fieldProps) => (
                <input {...fieldProps} type="color" className={local.swatch} value={pair.fill} onChange={(e) => setColour(state, 'fill', e.target.value)} />
              )}
            </Field>,
            <Field key={`${state}-font`} label={tr.t('settings.font', { state: name })}>
              {(fieldProps) => (
                <input {...fieldProps} type="color" className={local.swatch} value={pair.font} onChange={(e) => setColour(state, 'font', e.target.value)} />
              )}
            </Field>,
          ];
        })}
      </div>
      <div className={styles.row}>
        <Button onClick={() => setColours(resolveColours(null))}>{tr.t('settings.reset')}</Button>
      </div>

      {detected && (
        <>
          <Text weight="semibold">{tr.t('sheet.columns')}</Text>
          {COLUMN_ROLES.map((role) => {
            const value = columns[role];
            return (
              <Field key={role} label={tr.t(COLUMN_LABELS[role])}>
                <Select
                  value={value === null || value === undefined ? '' : String(value)}
                  onChange={(_, data) => setColumns((prev) => ({ ...prev, [role]: data.value === '' ? null : Number(data.value) }))}
                  data-role={role}
                >
                  {/* The measure column is what makes a row a task: it cannot be "none". */}
                  {role !== 'measure' && <option value="">{tr.t('sheet.columnNone')}</option>}
                  {choices.map((choice) => (
                    <option key={choice.col} value={String(choice.col)}>
                      {choice.label}
                    </option>
                  ))}
                </Select>
              </Field>
            );
          })}
        </>
      )}

      <div className={styles.actionBar}>
        <Button appearance="primary" disabled={busy !== null || !yearValid || !coloursValid || !choicesValid} onClick={() => void save()}>
          {tr.t('settings.save')}
        </Button>
      </div>
    </div>
  );
}
