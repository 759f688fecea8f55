/**
 * 单位名录: says which directory the check used, and makes the 单位名录 sheet from the units the checked sheet
 * names — after the clerk has reviewed near-duplicate spellings side by side (merge 经济运行处 into 经济运行局,
 * or keep both) and text that slipped into a unit cell. Then the clerk edits it in Excel.
 */
import { useMemo, useState } from 'react';
import { Button, Text } from '@fluentui/react-components';
import { useController } from '../controller';
import { DIRECTORY_SOURCE_TEXT, usePanelStyles } from './shared';

/** Flips one name in a set held in state (a new set, so React sees the change). */
function toggled(names: ReadonlySet<string>, name: string): Set<string> {
  const next = new Set(names);
  if (next.has(name)) next.delete(name);
  else next.add(name);
  return next;
}

/** A plain checkbox with its label: Fluent's Checkbox would push the initial bundle over its budget. */
function Choice({ checked, onToggle, label }: { checked: boolean; onToggle(): void; label: string }) {
  return (
    <label>
      <input type="checkbox" checked={checked} onChange={onToggle} /> {label}
    </label>
  );
}

export function DirectoryPanel() {
  const styles = usePanelStyles();
  const { tr, env, workflows, check, busy, run, setNotice, refresh } = useController();
  const review = useMemo(() => (workflows && check ? workflows.directoryReview(check) : []), [workflows, check]);
  // Variants the clerk chose not to merge, and stray names the clerk keeps: by default merge and leave out.
  const [keptApart, setKeptApart] = useState<ReadonlySet<string>>(new Set());
  const [keptStray, setKeptStray] = useState<ReadonlySet<string>>(new Set());
  const clusters = review.filter((e) => e.variants.length > 0);
  const strays = review.filter((e) => e.stray);
  const plain = review.length - clusters.length - strays.length;

  const create = () =>
    run('directory.fromSheet', async () => {
      if (!workflows) return;
      const merged = clusters.flatMap((e) => e.variants.map((v) => v.name)).filter((n) => !keptApart.has(n));
      const leftOut = strays.map((e) => e.name).filter((n) => !keptStray.has(n));
      const made = await workflows.createDirectory(env.host, { check, lang: env.lang, merged, leftOut });
      setNotice({ intent: 'success', text: tr.t('directory.done', { sheet: made.sheetName, units: made.units }) });
      await refresh();
    });

  return (
    <div className={styles.panel}>
      <Text className={styles.intro}>{tr.t('directory.intro')}</Text>
      {check && <Text data-testid="directory-source">{tr.t(DIRECTORY_SOURCE_TEXT[check.directorySource])}</Text>}
      {check?.directorySheet && <Text>{tr.t('directory.exists', { sheet: check.directorySheet })}</Text>}
      {clusters.length > 0 && (
        <>
          <Text weight="semibold">{tr.t('directory.variantsTitle')}</Text>
          <ul className={styles.list} data-testid="directory-variants">
            {clusters.flatMap((e) =>
              e.variants.map((v) => (
                <li key={v.name}>
                  <Choice
                    checked={!keptApart.has(v.name)}
                    onToggle={() => setKeptApart((s) => toggled(s, v.name))}
                    label={tr.t('directory.mergeVariant', { variant: v.name, variantTasks: v.tasks, name: e.name, tasks: e.tasks })}
                  />
                </li>
              )),
            )}
          </ul>
        </>
      )}
      {strays.length > 0 && (
        <>
          <Text weight="semibold">{tr.t('directory.strayTitle')}</Text>
          <ul className={styles.list} data-testid="directory-strays">
            {strays.map((e) => (
              <li key={e.name}>
                <Choice
                  checked={keptStray.has(e.name)}
                  onToggle={() => setKeptStray((s) => toggled(s, e.name))}
                  label={tr.t('directory.keepStray', { name: e.name, tasks: e.tasks })}
                />
              </li>
            ))}
          </ul>
        </>
      )}
      {check && <Text>{tr.t('directory.plainCount', { count: plain })}</Text>}
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy !== null || !check} onClick={() => void create()} data-testid="directory-create">
          {tr.t('directory.fromSheet')}
        </Button>
      </div>
    </div>
  );
}
