/** Which sheet the pane works on (default: the active one) and what was found on it. */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Select,
  Text,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { columnLetter } from '../../domain/address';
import { useController } from '../controller';
import { COLUMN_LABELS, COLUMN_ROLES, usePanelStyles } from './shared';

export function SheetBar() {
  const styles = usePanelStyles();
  const { tr, sheets, sheet, check, busy, chooseSheet, run, refresh } = useController();
  const layout = check?.analysis.layout;

  return (
    <div className={styles.panel}>
      <div className={styles.row}>
        <Field label={tr.t('sheet.pick')} style={{ flexGrow: 1 }}>
          <Select
            value={sheet ?? ''}
            disabled={busy !== null || sheets.length === 0}
            onChange={(_, data) => void chooseSheet(data.value)}
          >
            {sheets.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
        <Button
          icon={<ArrowClockwiseRegular />}
          disabled={busy !== null || !sheet}
          onClick={() => void run('sheet.reload', () => refresh({ followActive: true }))}
        >
          {tr.t('sheet.reload')}
        </Button>
      </div>
      {check && layout && (
        <div data-testid="sheet-summary">
          <Text block>
            {tr.t('sheet.detected', {
              header: layout.headerRow,
              first: layout.firstDataRow,
              last: layout.lastDataRow,
              tasks: check.analysis.tasks.length,
            })}
          </Text>
          {check.analysis.title && <Text block>{tr.t('sheet.title', { title: check.analysis.title })}</Text>}
          <Text block>{tr.t('sheet.planYear', { year: check.analysis.planYear })}</Text>
          <Accordion collapsible>
            <AccordionItem value="columns">
              <AccordionHeader size="small">{tr.t('sheet.columns')}</AccordionHeader>
              <AccordionPanel>
                <ul className={styles.list}>
                  {COLUMN_ROLES.map((role) => {
                    const col = layout.columns[role];
                    return (
                      <li key={role}>
                        <Text>
                          {tr.t('sheet.columnEntry', {
                            role: tr.t(COLUMN_LABELS[role]),
                            column: col === null || col === undefined ? tr.t('sheet.columnNone') : tr.t('sheet.columnLetter', { letter: columnLetter(col) }),
                          })}
                        </Text>
                      </li>
                    );
                  })}
                </ul>
                <Text size={200}>{tr.t('sheet.correctHint')}</Text>
              </AccordionPanel>
            </AccordionItem>
          </Accordion>
        </div>
      )}
    </div>
  );
}
