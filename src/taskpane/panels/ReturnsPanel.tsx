/** 回收: split the tasks by unit and collect the returns (issue 6), when this build includes those workflows. */
import { Text } from '@fluentui/react-components';
import { useController } from '../controller';
import { NotAvailable, usePanelStyles } from './shared';

export function ReturnsPanel() {
  const styles = usePanelStyles();
  const { tr, workflows } = useController();
  return (
    <div className={styles.panel}>
      <Text className={styles.intro}>{tr.t('returns.intro')}</Text>
      {(!workflows?.split || !workflows.collect) && <NotAvailable />}
    </div>
  );
}
