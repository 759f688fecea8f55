/**
 * Which sheet the pane works on (default: the active one) and what was found on it. Once a sheet is read this
 * is one line — the sheet, its task count, 重新读取 and a 详情 toggle — so the tabs' work keeps the room; the
 * picker and the detected layout open below it on request, and stay open while no sheet could be read.
 */
import { useState } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular, ChevronDownRegular, ChevronUpRegular } from '@fluentui/react-icons';
import { columnLetter } from '../../domain/address';
import { useController } from '../controller';
import { COLUMN_LABELS, COLUMN_ROLES, usePanelStyles } from './shared';

const useStyles = makeStyles({
  line: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  lineText: { flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  details: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function SheetBar() {
  const styles = usePanelStyles();
  const local = useStyles();
  const { tr, sheets, sheet, check, busy, chooseSheet, run, refresh } = useController();
  const [open, setOpen] = useState(false);
  const layout = check?.analysis.layout;
  const read = Boolean(check && layout && sheet);
  const expanded = open || !read;
  const reload = () => void run('sheet.reload', () => refresh({ followActive: true }));
  const oneLine = read && check ? tr.t('sheet.oneLine', { sheet: check.analysis.sheet, tasks: check.analysis.tasks.length }) : '';

  return (
    <div className={local.details}>
      {read && (
        <div className={local.line} data-testid="sheet-line">
          <Text className={local.lineText} weight="semibold" title={oneLine}>
            {oneLine}
          </Text>
          <Button
            size="small"
            icon={<ArrowClockwiseRegular />}
            aria-label={tr.t('sheet.reload')}
            title={tr.t('sheet.reload')}
            disabled={busy !== null}
            onClick={reload}
          />
          <Button
            size="small"
            appearance="subtle"
            icon={open ? <ChevronUpRegular /> : <ChevronDownRegular />}
            iconPosition="after"
            aria-expanded={open}
            aria-controls="sheet-details"
            onClick={() => setOpen(!open)}
            data-testid="sheet-toggle"
          >
            {tr.t('sheet.details')}
          </Button>
        </div>
      )}
      {/* The class sets display, which would override `hidden`: a hidden block gets no class. */}
      <div id="sheet-details" className={expanded ? local.details : undefined} hidden={!expanded}>
        <div className={styles.row}>
          <Field label={tr.t('sheet.pick')} size="small" style={{ flexGrow: 1 }}>
            <Select size="small" value={sheet ?? ''} disabled={busy !== null || sheets.length === 0} onChange={(_, data) => void chooseSheet(data.value)}>
              {sheets.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.name}
                </option>
              ))}
            </Select>
          </Field>
          {!read && (
            <Button size="small" icon={<ArrowClockwiseRegular />} disabled={busy !== null || !sheet} onClick={reload}>
              {tr.t('sheet.reload')}
            </Button>
          )}
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
    </div>
  );
}
