/** 标色: colour the tasks by their state as of a date, with a legend that names every state in words. */
import { useState } from 'react';
import { Button, Field, SpinButton, Text, makeStyles, tokens } from '@fluentui/react-components';
import { displayDate, parseTypedDate } from '../../domain/dates';
import { DEFAULT_SOON_DAYS } from '../../domain/state-words';
import type { RowState } from '../../domain/types';
import { useController } from '../controller';
import { legendEntries, outcomeNotice, taskTotal } from '../pane-basics';
import { AsOfField, usePanelStyles } from './shared';

const useLegendStyles = makeStyles({
  item: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalS, alignItems: 'start' },
  swatch: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    textAlign: 'center',
    whiteSpace: 'nowrap',
    minWidth: '4.5em',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
  },
});

/** The row-state legend: a swatch in the state's colours carrying its name, then what the state means. */
export function Legend({ counts }: { counts?: Record<RowState, number> | null }) {
  const styles = usePanelStyles();
  const legend = useLegendStyles();
  const { tr, settings } = useController();
  return (
    <ul className={styles.list} aria-label={tr.t('highlight.legend')} data-testid="legend">
      {legendEntries(settings, counts ?? null, tr).map(({ state, name, text, colour }) => (
        <li key={state} className={legend.item}>
          <span className={legend.swatch} style={colour ? { backgroundColor: colour.fill, color: colour.font } : undefined}>
            {name}
          </span>
          <Text size={200}>{text}</Text>
        </li>
      ))}
    </ul>
  );
}

export function HighlightPanel() {
  const styles = usePanelStyles();
  const { tr, env, workflows, sheet, settings, busy, run, setNotice } = useController();
  const [asOfText, setAsOfText] = useState(env.today());
  const asOf = parseTypedDate(asOfText) ?? '';
  const [soonDays, setSoonDays] = useState<number | null>(settings.soonDays ?? DEFAULT_SOON_DAYS);
  const [counts, setCounts] = useState<Record<RowState, number> | null>(null);

  const inputsValid = asOf !== '' && soonDays !== null && Number.isInteger(soonDays) && soonDays >= 0;

  const apply = () =>
    run('highlight.apply', async () => {
      if (!workflows || !sheet || soonDays === null) return;
      // The workflow reads the plan year and column corrections saved in the workbook itself.
      const result = await workflows.highlight(env.host, { sheet, asOf, soonDays });
      setCounts(result.counts);
      setNotice(outcomeNotice(tr.t('highlight.applied', { asOf: displayDate(asOf, tr.lang), rows: taskTotal(result.counts) }), result.warnings, tr));
    });

  const clear = () =>
    run('highlight.clear', async () => {
      if (!workflows || !sheet) return;
      await workflows.clear(env.host, { sheet });
      setCounts(null);
      setNotice({ intent: 'success', text: tr.t('highlight.cleared') });
    });

  return (
    <div className={styles.panel}>
      <Text className={styles.intro}>{tr.t('highlight.intro')}</Text>
      <div className={styles.row}>
        <AsOfField value={asOfText} onChange={setAsOfText} testId="as-of" />
        <Field
          label={tr.t('highlight.soonDays')}
          validationState={soonDays !== null && soonDays >= 0 ? 'none' : 'error'}
          validationMessage={soonDays !== null && soonDays >= 0 ? undefined : tr.t('highlight.invalidDays')}
        >
          <SpinButton
            min={0}
            value={soonDays}
            onChange={(_, data) => {
              const next = data.value ?? (data.displayValue !== undefined ? Number.parseInt(data.displayValue, 10) : null);
              setSoonDays(next === null || Number.isNaN(next) ? null : next);
            }}
            data-testid="soon-days"
          />
        </Field>
      </div>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy !== null || !sheet || !inputsValid} onClick={() => void apply()}>
          {tr.t('highlight.apply')}
        </Button>
        <Button disabled={busy !== null || !sheet} onClick={() => void clear()}>
          {tr.t('highlight.clear')}
        </Button>
      </div>
      <Text weight="semibold">{tr.t('highlight.legend')}</Text>
      <Legend counts={counts} />
    </div>
  );
}
