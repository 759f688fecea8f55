/**
 * The task pane: the sheet being worked on at the top, then one tab per step a clerk takes
 * (检查 → 标色 → 汇总, plus 单位名录, 设置 and 回收), a progress bar while something runs and one MessageBar
 * for the outcome. Every string comes from the catalogue; state is always given in words.
 */
import { useRef, useState } from 'react';
import {
  Button,
  FluentProvider,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Overflow,
  OverflowItem,
  ProgressBar,
  Select,
  Tab,
  TabList,
  Text,
  useIsOverflowItemVisible,
  useOverflowMenu,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { ControllerContext, useController as useControllerFromContext, usePaneController, type Notice } from './controller';
import type { PaneEnvironment } from './environment';
import type { MessageKey } from './i18n';
import { CheckPanel } from './panels/CheckPanel';
import { JudgementBar } from './panels/JudgementBar';
import { SheetBar } from './panels/SheetBar';
import { useStepPanels, type StepPanels } from './use-step-panels';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    minHeight: '100%',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  // One row whatever the width: tabs that do not fit go into the … menu (never a second row of tabs).
  tabRow: { display: 'flex', flexWrap: 'nowrap', alignItems: 'center', minWidth: 0, overflow: 'hidden' },
  tabs: { flexWrap: 'nowrap', minWidth: 0 },
  more: { flexShrink: 0, maxWidth: '8em' },
  progress: { minHeight: '2px' },
  footer: { marginTop: 'auto', paddingTop: tokens.spacingVerticalS, fontSize: tokens.fontSizeBase200 },
});

const TABS = ['check', 'highlight', 'summary', 'directory', 'settings', 'returns', 'bringIn'] as const;
type TabName = (typeof TABS)[number];

const TAB_LABELS: Record<TabName, MessageKey> = {
  check: 'tab.check',
  highlight: 'tab.highlight',
  summary: 'tab.summary',
  directory: 'tab.directory',
  settings: 'tab.settings',
  returns: 'tab.returns',
  bringIn: 'tab.bringIn',
};

export function TaskPane({ env }: { env: PaneEnvironment }) {
  return (
    <FluentProvider theme={env.dark ? webDarkTheme : webLightTheme} lang={env.lang} style={{ minHeight: '100%' }}>
      <PaneBody env={env} />
    </FluentProvider>
  );
}

/**
 * The tabs that did not fit on the row, offered in a small list at its end (shown only when some did not fit).
 * A native select, not a Fluent Menu: it is keyboard- and screen-reader-friendly as it is, and keeps the menu
 * and positioning code out of the pane's first bundle.
 */
function MoreTabs({ onSelect }: { onSelect(tab: TabName): void }) {
  const { tr } = useControllerFromContext();
  const styles = useStyles();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLDivElement>();
  return (
    <div ref={ref} className={styles.more} hidden={!isOverflowing}>
      {isOverflowing && (
        <Select
          size="small"
          appearance="underline"
          value=""
          aria-label={tr.t('app.moreTabs', { count: overflowCount })}
          onChange={(_, data) => data.value && onSelect(data.value as TabName)}
          data-testid="more-tabs"
        >
          <option value="">…</option>
          {TABS.map((name) => (
            <HiddenTabOption key={name} name={name} />
          ))}
        </Select>
      )}
    </div>
  );
}

function HiddenTabOption({ name }: { name: TabName }) {
  const { tr } = useControllerFromContext();
  const visible = useIsOverflowItemVisible(name);
  if (visible) return null;
  return <option value={name}>{tr.t(TAB_LABELS[name])}</option>;
}

/** The panel of a tab after 检查, from the chunk that holds them; in words while it loads or when it could not. */
function StepPanel({ tab, panels }: { tab: Exclude<TabName, 'check'>; panels: StepPanels | 'failed' | null }) {
  const { tr } = useControllerFromContext();
  if (panels === null) return <Text size={200}>{tr.t('app.panelLoading')}</Text>;
  if (panels === 'failed') {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{tr.t('app.panelFailed')}</MessageBarBody>
      </MessageBar>
    );
  }
  const { BringInPanel, DirectoryPanel, HighlightPanel, ReturnsPanel, SettingsPanel, SummaryPanel } = panels;
  switch (tab) {
    case 'highlight':
      return <HighlightPanel />;
    case 'summary':
      return <SummaryPanel />;
    case 'directory':
      return <DirectoryPanel />;
    case 'settings':
      return <SettingsPanel />;
    case 'returns':
      return <ReturnsPanel />;
    case 'bringIn':
      return <BringInPanel />;
  }
}

function PaneBody({ env }: { env: PaneEnvironment }) {
  const styles = useStyles();
  const controller = usePaneController(env);
  const stepPanels = useStepPanels();
  const { tr, busy, notice, setNotice } = controller;
  const [tab, setTab] = useState<TabName>('check');
  // A result (info, success) belongs to the tab whose action gave it, so it is not shown on another tab as if it
  // were that tab's; going back shows it again. Errors and warnings stay on every tab until dismissed.
  const raisedOn = useRef<{ notice: Notice | null; tab: TabName }>({ notice: null, tab });
  if (raisedOn.current.notice !== notice) raisedOn.current = { notice, tab };
  const shownNotice = notice && (notice.intent === 'error' || notice.intent === 'warning' || raisedOn.current.tab === tab) ? notice : null;

  return (
    <ControllerContext.Provider value={controller}>
      <main className={styles.root} aria-busy={busy !== null}>
        <SheetBar />
        <JudgementBar />
        <Overflow minimumVisible={2}>
          {/* The … button sits beside the tab list, not in it: a tablist may hold only tabs. */}
          <div className={styles.tabRow}>
          <TabList
            className={styles.tabs}
            size="small"
            selectedValue={tab}
            onTabSelect={(_, data) => setTab(data.value as TabName)}
            aria-label={tr.t('app.sections')}
          >
            {TABS.map((name) => (
              // The chosen tab outranks the others, so it is never the one moved into the menu.
              <OverflowItem key={name} id={name} priority={name === tab ? 2 : 1}>
                <Tab value={name} id={`tab-${name}`} aria-controls={`panel-${name}`}>
                  {tr.t(TAB_LABELS[name])}
                </Tab>
              </OverflowItem>
            ))}
          </TabList>
          <MoreTabs onSelect={setTab} />
          </div>
        </Overflow>
        <div className={styles.progress} role="status" aria-live="polite">
          {busy && (
            <>
              <ProgressBar aria-label={tr.t('app.busy')} thickness="medium" />
              <Text size={200}>{tr.t('app.busy')}</Text>
            </>
          )}
        </div>
        {shownNotice && (
          <MessageBar intent={shownNotice.intent} data-testid="notice">
            <MessageBarBody>{shownNotice.text}</MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button
                  appearance="transparent"
                  aria-label={tr.t('app.dismiss')}
                  icon={<DismissRegular />}
                  onClick={() => setNotice(null)}
                />
              }
            />
          </MessageBar>
        )}
        <section id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
          {tab === 'check' ? <CheckPanel /> : <StepPanel tab={tab} panels={stepPanels} />}
        </section>
        <footer className={styles.footer}>
          <Link href="help.html" target="_blank" rel="noopener" data-testid="help-link">
            {tr.t('app.help')}
          </Link>
        </footer>
      </main>
    </ControllerContext.Provider>
  );
}
