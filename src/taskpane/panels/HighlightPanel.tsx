/** 标色: colour the tasks by their state as of a date, with a legend that names every state in words. */
import { useState } from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { displayDate } from '../../domain/dates';
import type { RowState } from '../../domain/types';
import { useController } from '../controller';
import { legendEntries, outcomeNotice, taskTotal } from '../pane-basics';
import { usePanelStyles } from './shared';

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
  const { tr, env, workflows, sheet, busy, run, setNotice, judgement } = useController();
  const [counts, setCounts] = useState<Record<RowState, number> | null>(null);

  const apply = () =>
    run('highlight.apply', async () => {
      const { asOf, soonDays } = judgement;
      if (!workflows || !sheet || soonDays === null) return;
      // The workflow reads the plan year and column corrections saved in the workbook itself.
      const result = await workflows.highlight(env.host, { sheet, asOf, soonDays });
      setCounts(result.counts);
      setNotice(outcomeNotice(tr.t('highlight.applied', { asOf: displayDate(asOf, tr.lang), rows: taskTotal(result.counts) }), result.warnings, tr));
    });

  const clear = () =>
    run('highlight.clear', async () => {
      if (!workflows || !sheet) return;
      const cleared = await workflows.clear(env.host, { sheet });
      setCounts(null);
      setNotice(
        cleared.hadRecord
          ? { intent: 'success', text: tr.t('highlight.cleared', { cells: cleared.restoredCells }) }
          : { intent: 'info', text: tr.t('highlight.nothingToClear', { sheet }) },
      );
    });

  return (
    <div className={styles.panel}>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy !== null || !sheet || !judgement.valid} onClick={() => void apply()}>
          {tr.t('highlight.apply')}
        </Button>
        <Button disabled={busy !== null || !sheet} onClick={() => void clear()}>
          {tr.t('highlight.clear')}
        </Button>
      </div>
      <Text className={styles.intro}>{tr.t('highlight.intro')}</Text>
      <Text weight="semibold">{tr.t('highlight.legend')}</Text>
      <Legend counts={counts} />
    </div>
  );
}
