/**
 * The 判断日期 and 临期 window, once for the whole pane: 标色, 汇总, 标色并汇总 and 回收 all judge with them, so a
 * colouring and a summary can never disagree. Kept above the tabs (switching tabs changes nothing) and saved in
 * the workbook's settings when the clerk leaves a field.
 */
import { Field, Input, SpinButton, makeStyles, tokens } from '@fluentui/react-components';
import { MAX_SOON_DAYS, isSoonDays } from '../../domain/state-words';
import { useController } from '../controller';

const useStyles = makeStyles({
  bar: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', columnGap: tokens.spacingHorizontalS, alignItems: 'start' },
  field: { minWidth: 0 },
  input: { width: '100%', minWidth: 0 },
});

export function JudgementBar() {
  const styles = useStyles();
  const { tr, judgement, setAsOfText, setSoonDays, rememberJudgement, busy } = useController();
  const dateValid = judgement.asOf !== '';
  const daysValid = isSoonDays(judgement.soonDays);
  return (
    <div className={styles.bar} role="group" aria-label={tr.t('judgement.group')} data-testid="judgement">
      <Field
        className={styles.field}
        label={tr.t('highlight.asOf')}
        size="small"
        validationState={dateValid ? 'none' : 'error'}
        validationMessage={dateValid ? undefined : tr.t('highlight.invalidDate')}
      >
        {/* Typed, not a date picker: 2022/9/15 and 2022年9月15日 are what clerks type, and a picker hides the pane. */}
        <Input
          className={styles.input}
          size="small"
          value={judgement.asOfText}
          placeholder="2022-09-15"
          disabled={busy !== null}
          onChange={(_, data) => setAsOfText(data.value)}
          onBlur={rememberJudgement}
          onKeyDown={(e) => e.key === 'Enter' && rememberJudgement()}
          data-testid="as-of"
        />
      </Field>
      <Field
        className={styles.field}
        label={tr.t('highlight.soonDays')}
        size="small"
        validationState={daysValid ? 'none' : 'error'}
        validationMessage={daysValid ? undefined : tr.t('highlight.invalidDays', { max: MAX_SOON_DAYS })}
      >
        <SpinButton
          className={styles.input}
          size="small"
          min={0}
          max={MAX_SOON_DAYS}
          value={judgement.soonDays}
          disabled={busy !== null}
          onChange={(_, data) => {
            const next = data.value ?? (data.displayValue !== undefined ? Number.parseInt(data.displayValue, 10) : null);
            setSoonDays(next === null || Number.isNaN(next) ? null : next);
          }}
          onBlur={rememberJudgement}
          data-testid="soon-days"
        />
      </Field>
    </div>
  );
}
