/**
 * 回收: 下发 — one workbook per unit with just its tasks, downloaded here and sent by the clerk; 回收 — the
 * returned files merged into this sheet's report columns, with a 回收情况 sheet listing what was taken.
 */
import { useEffect, useState } from 'react';
import { Button, Field, Input, Link, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { ArrowDownloadRegular, OpenRegular } from '@fluentui/react-icons';
import { parseTypedDate } from '../../domain/dates';
import { useController } from '../controller';
import type { MessageKey } from '../i18n';
import type { PaneCollectResult, PaneSplitResult, SplitRole } from '../workflows';
import { browserDelivery, type DeliveredFile, type DeliveryMode } from '../file-delivery';
import { FilePicker } from './FilePicker';
import { usePanelStyles } from './shared';

const ROLES: [SplitRole, MessageKey][] = [
  ['both', 'returns.byBoth'],
  ['lead', 'returns.byLead'],
  ['responsible', 'returns.byResponsible'],
];

/** Units named in the notice when some have not answered; more are counted, and listed on the 回收情况 sheet. */
const MISSING_SHOWN = 3;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ZIP_TYPE = 'application/zip';

/** Object URLs for the split workbooks and their zip (last), released when replaced or when the panel closes. */
function useDownloadUrls(split: PaneSplitResult | null, mode: DeliveryMode): string[] {
  const [urls, setUrls] = useState<string[]>([]);
  useEffect(() => {
    if (!split || mode !== 'download') return;
    const made = [...split.workbooks, split.all].map((w) =>
      URL.createObjectURL(new Blob([w.bytes as BlobPart], { type: w === split.all ? ZIP_TYPE : XLSX_TYPE })),
    );
    setUrls(made);
    return () => made.forEach((u) => URL.revokeObjectURL(u));
  }, [split, mode]);
  return urls;
}

export function ReturnsPanel() {
  const styles = usePanelStyles();
  const { tr, env, workflows, sheet, check, busy, run, setNotice, refresh, judgement, settings, saveSettings } = useController();
  const [by, setBy] = useState<SplitRole>('both');
  // 报送时限: typed as clerks type dates; blank leaves the copies saying to follow the notice.
  const [dueText, setDueText] = useState(settings.returnDue ?? '');
  const due = dueText.trim() === '' ? null : parseTypedDate(dueText);
  const dueValid = dueText.trim() === '' || due !== null;
  const [split, setSplit] = useState<PaneSplitResult | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [collected, setCollected] = useState<PaneCollectResult | null>(null);
  const delivery = env.delivery ?? browserDelivery;
  const urls = useDownloadUrls(split, delivery.mode);

  const doSplit = () =>
    run('returns.split', async () => {
      if (!workflows || !sheet || !dueValid) return;
      const result = await workflows.split(env.host, { sheet, by, due });
      setSplit(result);
      // Offered again next time (the copies of one round are often made in several goes).
      if ((due ?? undefined) !== settings.returnDue) {
        await saveSettings((current) => {
          const next = { ...current };
          if (due) next.returnDue = due;
          else delete next.returnDue;
          return next;
        });
      }
      const count = result.workbooks.length;
      if (delivery.mode === 'unavailable') {
        setNotice({ intent: 'warning', text: tr.t('returns.cannotDeliver', { count }) });
        return;
      }
      const made = tr.t(delivery.mode === 'download' ? 'returns.splitDone' : 'returns.splitDoneOpen', { count });
      setNotice({
        intent: result.unassigned ? 'warning' : 'success',
        text: result.unassigned ? `${made} ${tr.t('returns.unassigned', { count: result.unassigned })}` : made,
      });
    });

  const openCopy = (file: DeliveredFile) =>
    run('returns.opening', async () => {
      await delivery.openInExcel(file);
      setNotice({ intent: 'success', text: tr.t('returns.opened', { file: file.fileName }) });
    });

  const doCollect = () =>
    run('returns.collect', async () => {
      const { asOf, soonDays } = judgement;
      if (!workflows || !sheet || soonDays === null) return;
      if (files.length === 0) {
        setNotice({ intent: 'warning', text: tr.t('returns.noFiles') });
        return;
      }
      setProgress({ done: 0, total: files.length });
      try {
        const result = await workflows.collect(env.host, {
          sheet,
          files,
          asOf,
          soonDays,
          by,
          lang: env.lang,
          onProgress: (done, total) => setProgress({ done, total }),
        });
        setCollected(result);
        const done =
          result.cellsWritten === 0
            ? tr.t('returns.nothingChanged', { sheet: result.logSheet })
            : tr.t('returns.collectDone', { updated: result.updated, sheet: result.logSheet });
        // A long list would push the pane's work out of sight; the 回收情况 sheet lists every unit.
        const shownMissing = result.missingUnits.slice(0, MISSING_SHOWN).join(tr.t('app.listSeparator'));
        const missing =
          (!result.missingUnits.length
            ? ''
            : result.missingUnits.length <= MISSING_SHOWN
              ? ` ${tr.t('returns.missing', { units: shownMissing })}`
              : ` ${tr.t('returns.missingMany', { units: shownMissing, count: result.missingUnits.length, sheet: result.logSheet })}`) +
          (result.blankUnits.length ? ` ${tr.t('returns.blankUnits', { units: result.blankUnits.join(tr.t('app.listSeparator')) })}` : '');
        const recoloured = result.recoloured ? ` ${tr.t('returns.recoloured')}` : '';
        const warnings = result.warnings.map((w) => ` ${tr.local(w)}`).join('');
        const rejected = result.returns.some((r) => !r.accepted);
        setNotice({ intent: rejected || missing || warnings ? 'warning' : 'success', text: done + recoloured + missing + warnings });
        await refresh(); // the 回收情况 sheet joins the list, and the report columns changed
      } finally {
        setProgress(null);
      }
    });

  return (
    <div className={styles.panel}>
      <Text className={styles.intro}>{tr.t('returns.intro')}</Text>
      <Field label={tr.t('returns.by')}>
        <RadioGroup value={by} onChange={(_, data) => setBy(data.value as SplitRole)} layout="vertical">
          {ROLES.map(([role, label]) => (
            <Radio key={role} value={role} label={tr.t(label)} />
          ))}
        </RadioGroup>
      </Field>

      <Text weight="semibold">{tr.t('returns.splitTitle')}</Text>
      <Field
        label={tr.t('returns.due')}
        size="small"
        hint={dueValid ? tr.t('returns.dueHint') : undefined}
        validationState={dueValid ? 'none' : 'error'}
        validationMessage={dueValid ? undefined : tr.t('highlight.invalidDate')}
      >
        <Input size="small" value={dueText} placeholder="2022-09-15" disabled={busy !== null} onChange={(_, data) => setDueText(data.value)} data-testid="return-due" />
      </Field>
      {check && workflows && (
        <Text size={200} data-testid="status-choices-line">
          {tr.t('returns.choices', { choices: workflows.offeredStatusChoices(check, settings.statusChoices).join(tr.t('app.listSeparator')) })}
        </Text>
      )}
      {split && delivery.mode === 'download' && split.workbooks.length > 1 && (
        <Link href={urls[split.workbooks.length]} download={split.all.fileName} data-testid="download-all">
          <ArrowDownloadRegular aria-hidden /> {tr.t('returns.downloadAll', { count: split.workbooks.length })}
        </Link>
      )}
      {split && delivery.mode !== 'unavailable' && (
        <ul className={styles.list} data-testid="split-files">
          {split.workbooks.map((w, i) => (
            <li key={w.fileName}>
              {delivery.mode === 'download' ? (
                <Link href={urls[i]} download={w.fileName} aria-label={tr.t('returns.download', { file: w.fileName })}>
                  <ArrowDownloadRegular aria-hidden /> {tr.t('returns.fileItem', { file: w.fileName, count: w.measureCount })}
                </Link>
              ) : (
                <Button
                  appearance="subtle"
                  icon={<OpenRegular aria-hidden />}
                  disabled={busy !== null}
                  aria-label={tr.t('returns.openInExcel', { file: w.fileName })}
                  onClick={() => void openCopy(w)}
                >
                  {tr.t('returns.fileItem', { file: w.fileName, count: w.measureCount })}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}

      <Text weight="semibold">{tr.t('returns.collectTitle')}</Text>
      <FilePicker
        label={tr.t('returns.pickFiles')}
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple
        chosen={files}
        onChoose={setFiles}
        testId="returned-files"
      />
      {progress && <Text role="status">{tr.t('returns.progress', progress)}</Text>}
      {collected && (
        <ul className={styles.list} data-testid="collect-result">
          {collected.returns.map((r, i) => (
            <li key={`${r.file}-${i}`}>
              <Text size={200}>
                {r.blank
                  ? tr.t('returns.blank', { file: r.file, unit: r.unit ?? '' })
                  : r.accepted
                  ? tr.t('returns.accepted', { file: r.file, unit: r.unit ?? '', answered: r.answered })
                  : tr.t('returns.rejected', {
                      file: r.file,
                      reason: r.findings.filter((f) => f.severity === 'error').map((f) => tr.local(f.message)).join(' '),
                    })}
              </Text>
            </li>
          ))}
        </ul>
      )}
      <div className={styles.actionBar} data-testid="returns-actions">
        <Button appearance="primary" disabled={busy !== null || !sheet || !dueValid} onClick={() => void doSplit()}>
          {tr.t('returns.split')}
        </Button>
        <Button
          appearance="primary"
          disabled={busy !== null || !sheet || files.length === 0 || !judgement.valid}
          onClick={() => void doCollect()}
        >
          {tr.t('returns.collect')}
        </Button>
      </div>
    </div>
  );
}
