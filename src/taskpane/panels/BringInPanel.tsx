/**
 * 导入: bringing the tasks in — the notice's task table from its Word file (导入通知, into a new sheet, never over
 * one) and last year's unfinished measures from last year's ledger (回头看, into 上年未完成事项).
 */
import { useState } from 'react';
import { Button, Text } from '@fluentui/react-components';
import { pick } from '../../domain/i18n';
import { useController } from '../controller';
import type { PaneImportResult } from '../workflows';
import { FilePicker } from './FilePicker';
import { usePanelStyles } from './shared';

const DOCX = '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function BringInPanel() {
  const styles = usePanelStyles();
  const { tr, env, workflows, sheet, busy, run, setNotice, refresh, chooseSheet } = useController();
  const [notice, setNoticeFile] = useState<File | null>(null);
  const [ledger, setLedger] = useState<File | null>(null);

  const doImport = async () => {
    const made: { result: PaneImportResult | null } = { result: null };
    await run('bringIn.importing', async () => {
      if (!workflows || !notice) return;
      made.result = await workflows.importNotice(env.host, { file: notice, lang: env.lang });
    });
    const result = made.result;
    if (!result) return;
    // The pane then works on the new sheet (read after the import's own operation, which holds the pane).
    await chooseSheet(result.sheet);
    setNotice({
      intent: result.errors ? 'warning' : 'success',
      text: tr.t('bringIn.imported', { title: result.title, rows: result.rows, sheet: result.sheet, tasks: result.tasks, errors: result.errors }),
    });
  };

  const doCarry = () =>
    run('bringIn.carrying', async () => {
      if (!workflows || !sheet || !ledger) return;
      const result = await workflows.carryOver(env.host, { sheet, file: ledger, lang: env.lang });
      const warnings = result.warnings.map((w) => tr.local(w)).join(' ');
      setNotice({
        intent: result.warnings.length ? 'warning' : 'success',
        text: [tr.t('bringIn.carried', { sheet: result.sheetName, listed: result.listed }), pick(result.sentence, env.lang), warnings].filter(Boolean).join(' '),
      });
      await refresh();
    });

  return (
    <div className={styles.panel}>
      <Text weight="semibold">{tr.t('bringIn.noticeTitle')}</Text>
      <Text className={styles.intro}>{tr.t('bringIn.noticeIntro')}</Text>
      <FilePicker label={tr.t('bringIn.pickNotice')} accept={DOCX} chosen={notice ? [notice] : []} onChoose={(files) => setNoticeFile(files[0] ?? null)} testId="notice-file" />

      <Text weight="semibold">{tr.t('bringIn.carryTitle')}</Text>
      <Text className={styles.intro}>{tr.t('bringIn.carryIntro')}</Text>
      <FilePicker label={tr.t('bringIn.pickLedger')} accept={XLSX} chosen={ledger ? [ledger] : []} onChoose={(files) => setLedger(files[0] ?? null)} testId="ledger-file" />
      {/* Both actions in the bar that stays in view: a notice above the tab pushes the second below the fold otherwise. */}
      <div className={styles.actionBar} data-testid="bring-in-actions">
        <Button appearance="primary" disabled={busy !== null || !notice} onClick={() => void doImport()}>
          {tr.t('bringIn.import')}
        </Button>
        <Button appearance="primary" disabled={busy !== null || !sheet || !ledger} onClick={() => void doCarry()}>
          {tr.t('bringIn.carry')}
        </Button>
      </div>
    </div>
  );
}
