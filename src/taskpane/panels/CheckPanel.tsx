/** 检查: run the check and list the findings grouped by severity; each one selects its cell in the sheet. */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  CounterBadge,
  Text,
} from '@fluentui/react-components';
import { CheckmarkCircleRegular, ErrorCircleRegular, InfoRegular, WarningRegular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { Finding, Severity } from '../../domain/types';
import { useController } from '../controller';
import { findingLabel, groupFindings, SEVERITIES, SEVERITY_LABELS } from '../pane-basics';
import { DIRECTORY_SOURCE_TEXT, usePanelStyles } from './shared';

const SEVERITY_ICONS: Record<Severity, ReactElement> = {
  error: <ErrorCircleRegular />,
  warning: <WarningRegular />,
  info: <InfoRegular />,
};

export function CheckPanel() {
  const styles = usePanelStyles();
  const { tr, env, sheet, check, busy, run, refresh } = useController();

  const groups = check ? groupFindings(check.analysis.findings) : null;

  const goTo = (finding: Finding) => {
    if (!sheet || !finding.cell) return;
    const cell = finding.cell;
    void run('check.run', () => env.host.select(sheet, cell));
  };

  return (
    <div className={styles.panel}>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy !== null || !sheet} onClick={() => void run('check.run', () => refresh({ followActive: true }))}>
          {tr.t('check.run')}
        </Button>
      </div>
      <Text className={styles.intro}>{tr.t('check.intro')}</Text>
      {!sheet && <Text>{tr.t('sheet.noSheet')}</Text>}
      {check && groups && (
        <div data-testid="check-result">
          <Text block weight="semibold">
            {tr.t('check.result', {
              tasks: check.analysis.tasks.length,
              errors: groups.error.length,
              warnings: groups.warning.length,
              infos: groups.info.length,
            })}
          </Text>
          <Text block data-testid="check-directory">{tr.t(DIRECTORY_SOURCE_TEXT[check.directorySource])}</Text>
          {check.analysis.findings.length === 0 ? (
            <Text block>
              <CheckmarkCircleRegular aria-hidden /> {tr.t('check.clean')}
            </Text>
          ) : (
            <Accordion multiple collapsible defaultOpenItems={SEVERITIES.filter((s) => groups[s].length > 0).slice(0, 1)}>
              {SEVERITIES.filter((s) => groups[s].length > 0).map((severity) => (
                <AccordionItem key={severity} value={severity} data-testid={`findings-${severity}`}>
                  <AccordionHeader icon={SEVERITY_ICONS[severity]}>
                    {tr.t('check.group', { severity: tr.t(SEVERITY_LABELS[severity]), count: groups[severity].length })}{' '}
                    <CounterBadge count={groups[severity].length} appearance="ghost" aria-hidden />
                  </AccordionHeader>
                  <AccordionPanel>
                    <ul className={styles.list}>
                      {groups[severity].map((finding, i) => (
                        <li key={`${finding.code}-${finding.cell ?? ''}-${i}`}>
                          <FindingItem finding={finding} onSelect={() => goTo(finding)} disabled={busy !== null} />
                        </li>
                      ))}
                    </ul>
                  </AccordionPanel>
                </AccordionItem>
              ))}
            </Accordion>
          )}
        </div>
      )}
    </div>
  );
}

function FindingItem({ finding, onSelect, disabled }: { finding: Finding; onSelect(): void; disabled: boolean }) {
  const { tr } = useController();
  const { label, suggestion } = findingLabel(finding, tr);
  if (!finding.cell) {
    return (
      <Text block>
        {label}
        {suggestion && <> {suggestion}</>}
      </Text>
    );
  }
  return (
    <Button
      appearance="subtle"
      size="small"
      disabled={disabled}
      onClick={onSelect}
      style={{ justifyContent: 'flex-start', textAlign: 'left', height: 'auto', fontWeight: 'normal' }}
      data-finding={finding.code}
      data-cell={finding.cell}
    >
      <span>
        {label}
        {suggestion && (
          <>
            <br />
            {suggestion}
          </>
        )}
      </span>
    </Button>
  );
}
