/** 汇总: create or refresh the summary sheet, show the state counts as a small chart and the report paragraph. */
import { useEffect, useRef, useState } from 'react';
import { Button, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { CopyRegular, OpenRegular } from '@fluentui/react-icons';
import { resolveColours } from '../../domain/colours';
import { STATE_NAMES } from '../../domain/state-words';
import { ROW_STATES, type RowState } from '../../domain/types';
import { useController } from '../controller';
import { outcomeNotice } from '../pane-basics';
import type { PaneSummaryResult } from '../workflows';
import { usePanelStyles } from './shared';

const useChartStyles = makeStyles({
  chart: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, margin: 0, padding: 0 },
  bar: {
    display: 'grid',
    gridTemplateColumns: '5.5em 1fr 2.5em',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
  },
  track: { height: '12px', backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusSmall },
  fill: { height: '100%', borderRadius: tokens.borderRadiusSmall, border: `1px solid ${tokens.colorNeutralStroke1}`, boxSizing: 'border-box' },
  count: { textAlign: 'right' },
});

/** One bar per state with its name and count in words and digits; the bars only repeat what the text says. */
export function StateChart({ counts, total }: { counts: Record<RowState, number>; total: number }) {
  const styles = useChartStyles();
  const { tr, settings } = useController();
  const colours = resolveColours(settings.colours);
  const max = Math.max(1, ...ROW_STATES.map((s) => counts[s]));
  return (
    <figure className={styles.chart} aria-label={tr.t('summary.chart')} data-testid="state-chart">
      <Text weight="semibold">
        {tr.t('summary.chart')} · {tr.t('summary.total', { total })}
      </Text>
      {ROW_STATES.filter((s) => counts[s] > 0).map((state) => (
        <div key={state} className={styles.bar}>
          <Text size={200}>{tr.local(STATE_NAMES[state])}</Text>
          <div className={styles.track} aria-hidden>
            <div
              className={styles.fill}
              style={{
                width: `${(100 * counts[state]) / max}%`,
                backgroundColor: colours[state]?.fill ?? tokens.colorNeutralBackground5,
              }}
            />
          </div>
          <Text size={200} className={styles.count}>
            {counts[state]}
          </Text>
        </div>
      ))}
    </figure>
  );
}

/** Copies the selection of `area` the old way (IE11, EdgeHTML and web views that block the Clipboard API). */
function execCopy(area: HTMLTextAreaElement): boolean {
  area.focus();
  area.select();
  try {
    return typeof document.execCommand === 'function' && document.execCommand('copy');
  } catch {
    return false;
  }
}

/**
 * The Clipboard API where the host allows it, else execCommand on the text's own box (or a transient one off
 * screen). False when both fail: the caller then shows the text selected for Ctrl+C.
 */
async function copyText(text: string, shown: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // blocked by the host's permissions policy: try the old way
  }
  if (shown) return execCopy(shown);
  const area = document.createElement('textarea');
  area.value = text;
  area.readOnly = true;
  area.style.position = 'fixed';
  area.style.left = '-9999px';
  document.body.appendChild(area);
  try {
    return execCopy(area);
  } finally {
    area.remove();
  }
}

export function SummaryPanel() {
  const styles = usePanelStyles();
  const { tr, env, workflows, sheet, busy, run, setNotice, refresh, judgement } = useController();
  const [result, setResult] = useState<PaneSummaryResult | null>(null);
  const paragraphBox = useRef<HTMLTextAreaElement>(null);
  /** The 催办 text, shown selected for Ctrl+C after copying it failed. */
  const [remindByHand, setRemindByHand] = useState(false);
  const remindBox = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (remindByHand) remindBox.current?.select();
  }, [remindByHand]);

  /** `withColours`: also colour the rows (标色并汇总), sent to Excel with the summary in one write. */
  const create = (withColours: boolean) =>
    run(withColours ? 'summary.report' : 'summary.run', async () => {
      const { asOf, soonDays } = judgement;
      if (!workflows || !sheet || soonDays === null) return;
      // The pane's one date and window, as 标色 uses them; the plan year and column corrections are the ones
      // saved in the workbook, which the workflow reads itself.
      const summary = await (withColours ? workflows.report : workflows.summary)(env.host, { sheet, asOf, soonDays, lang: env.lang });
      setResult(summary);
      setRemindByHand(false);
      setNotice(outcomeNotice(tr.t('summary.done', { sheet: summary.sheetName }), summary.warnings, tr));
      await refresh(); // the new sheet joins the sheet list
    });

  const copy = async () => {
    if (!result) return;
    const copied = await copyText(result.paragraph, paragraphBox.current);
    if (!copied) paragraphBox.current?.select();
    setNotice(copied ? { intent: 'success', text: tr.t('summary.copied') } : { intent: 'warning', text: tr.t('summary.copyFailed') });
  };

  const copyReminders = async () => {
    if (!result?.remindText) return;
    const copied = await copyText(result.remindText, remindBox.current);
    if (!copied) {
      setRemindByHand(true);
      remindBox.current?.select();
    }
    setNotice(copied ? { intent: 'success', text: tr.t('summary.remindCopied') } : { intent: 'warning', text: tr.t('summary.copyFailed') });
  };

  return (
    <div className={styles.panel}>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy !== null || !sheet || !judgement.valid} onClick={() => void create(false)}>
          {tr.t('summary.run')}
        </Button>
        <Button disabled={busy !== null || !sheet || !judgement.valid} onClick={() => void create(true)}>
          {tr.t('summary.report')}
        </Button>
      </div>
      <Text className={styles.intro}>{tr.t('summary.intro')}</Text>
      {result && (
        <div className={styles.panel} data-testid="summary-result">
          <div className={styles.row}>
            <Button
              appearance="secondary"
              icon={<OpenRegular />}
              disabled={busy !== null}
              onClick={() => void run('summary.goTo', () => env.host.select(result.sheetName, 'A1'))}
              data-testid="go-to-summary"
            >
              {tr.t('summary.goTo')}
            </Button>
          </div>
          <StateChart counts={result.counts} total={result.total} />
          <Field label={tr.t('summary.paragraph')}>
            <Textarea ref={paragraphBox} value={result.paragraph} readOnly resize="vertical" rows={6} data-testid="report-paragraph" />
          </Field>
          <div className={styles.row}>
            <Button icon={<CopyRegular />} onClick={() => void copy()}>
              {tr.t('summary.copy')}
            </Button>
            {result.remindText && (
              <Button icon={<CopyRegular />} onClick={() => void copyReminders()} data-testid="copy-reminders">
                {tr.t('summary.copyRemind')}
              </Button>
            )}
          </div>
          {remindByHand && result.remindText && (
            <Field label={tr.t('summary.copyRemind')}>
              <Textarea ref={remindBox} value={result.remindText} readOnly resize="vertical" rows={8} data-testid="remind-text" />
            </Field>
          )}
        </div>
      )}
    </div>
  );
}
