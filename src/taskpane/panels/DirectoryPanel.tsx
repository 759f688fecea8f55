/** 单位名录: create the unit-directory sheet the checker uses, then the clerk edits it in Excel. */
import { Button, Text } from '@fluentui/react-components';
import { useController } from '../controller';
import { usePanelStyles } from './shared';

export function DirectoryPanel() {
  const styles = usePanelStyles();
  const { tr, env, workflows, check, busy, run, setNotice, refresh } = useController();

  const create = (from: 'default' | 'sheet') =>
    run(from === 'default' ? 'directory.fromDefault' : 'directory.fromSheet', async () => {
      if (!workflows) return;
      const made = await workflows.createDirectory(env.host, { from, check, lang: env.lang });
      setNotice({ intent: 'success', text: tr.t('directory.done', { sheet: made.sheetName, units: made.units }) });
      await refresh();
    });

  return (
    <div className={styles.panel}>
      <Text className={styles.intro}>{tr.t('directory.intro')}</Text>
      {check?.directorySheet && <Text>{tr.t('directory.exists', { sheet: check.directorySheet })}</Text>}
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy !== null} onClick={() => void create('default')}>
          {tr.t('directory.fromDefault')}
        </Button>
        <Button disabled={busy !== null || !check} onClick={() => void create('sheet')}>
          {tr.t('directory.fromSheet')}
        </Button>
      </div>
    </div>
  );
}
