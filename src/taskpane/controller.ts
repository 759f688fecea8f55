/**
 * The pane's state and the one way to run an operation: `run` refuses to start a second operation while one
 * is in progress (a ref, not state, so two quick clicks cannot both get through before a re-render), shows
 * progress, and turns every failure into a MessageBar text.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { assertStateSheetFree, parseState, serialiseState, type ProductSettings, type WorkbookState } from '../domain/workbook-state';
import type { SheetInfo } from '../ports/workbook-host';
import { describeError } from './describe-error';
import type { PaneEnvironment } from './environment';
import { translator, type MessageKey, type Translator } from './i18n';
import { clerkTables, initialSheet } from './pane-basics';
import type { PaneCheckResult, PaneWorkflows } from './workflows';

export type NoticeIntent = 'success' | 'info' | 'warning' | 'error';

export interface Notice {
  intent: NoticeIntent;
  text: string;
}

export interface PaneController {
  env: PaneEnvironment;
  tr: Translator;
  workflows: PaneWorkflows | null;
  sheets: SheetInfo[];
  sheet: string | null;
  check: PaneCheckResult | null;
  /** Settings saved in the workbook (from the last read). */
  settings: ProductSettings;
  /** Label of the operation in progress, or null. */
  busy: MessageKey | null;
  notice: Notice | null;
  setNotice(notice: Notice | null): void;
  /** Runs one operation at a time; returns false when another was already running. */
  run(label: MessageKey, operation: () => Promise<void>): Promise<boolean>;
  chooseSheet(name: string): Promise<void>;
  /** Reads the chosen sheet again (after the pane or the clerk changed the workbook). */
  refresh(): Promise<void>;
  /** Writes settings into the workbook's saved state, keeping everything else in it. */
  saveSettings(update: (settings: ProductSettings) => ProductSettings): Promise<void>;
}

export const ControllerContext = createContext<PaneController | null>(null);

export function useController(): PaneController {
  const controller = useContext(ControllerContext);
  if (!controller) throw new Error('useController: rendered outside the task pane');
  return controller;
}

export function usePaneController(env: PaneEnvironment): PaneController {
  const tr = useMemo(() => translator(env.lang), [env.lang]);
  const [workflows, setWorkflows] = useState<PaneWorkflows | null>(null);
  const [sheets, setSheets] = useState<SheetInfo[]>([]);
  const [sheet, setSheet] = useState<string | null>(null);
  const [check, setCheck] = useState<PaneCheckResult | null>(null);
  const [settings, setSettings] = useState<ProductSettings>({});
  const [busy, setBusy] = useState<MessageKey | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const busyRef = useRef(false);
  const workflowsRef = useRef<PaneWorkflows | null>(null);
  const settingsRef = useRef<ProductSettings>({});
  const started = useRef(false);

  const run = useCallback(
    async (label: MessageKey, operation: () => Promise<void>): Promise<boolean> => {
      if (busyRef.current) return false;
      busyRef.current = true;
      setBusy(label);
      setNotice(null);
      try {
        await operation();
      } catch (error) {
        setNotice({ intent: 'error', text: describeError(error, tr) });
      } finally {
        busyRef.current = false;
        setBusy(null);
      }
      return true;
    },
    [tr],
  );

  /** Reads `name` through the check workflow; keeps the sheet list and settings in step with the workbook. */
  const readSheet = useCallback(
    async (name: string) => {
      const loaded = workflowsRef.current;
      if (!loaded) return; // still starting: the start-up reads the sheet once the workflows are there
      setCheck(null);
      const saved = settingsRef.current;
      const result = await loaded.check(env.host, { sheet: name, columns: saved.columns?.[name], planYear: saved.planYear });
      setSheets(clerkTables(result.snapshot.sheets, result.state));
      setSettings(result.state.settings);
      settingsRef.current = result.state.settings;
      setCheck(result);
      if (result.stateDamaged) setNotice({ intent: 'warning', text: tr.t('sheet.stateDamaged') });
    },
    [env.host, tr],
  );

  useEffect(() => {
    // Once per mount (StrictMode runs effects twice in development); a new environment — the preview opening
    // another file or switching language — mounts a new pane.
    if (started.current) return;
    started.current = true;
    void run('app.loading', async () => {
      const [loaded, snapshot] = await Promise.all([env.loadWorkflows(), env.host.read()]);
      workflowsRef.current = loaded;
      setWorkflows(loaded);
      const { state } = parseState(snapshot.stateText);
      settingsRef.current = state.settings;
      setSettings(state.settings);
      setSheets(clerkTables(snapshot.sheets, state));
      const first = initialSheet(snapshot.sheets, snapshot.activeSheet, state);
      setSheet(first);
      if (first) await readSheet(first);
    });
  }, [env, run, readSheet]);

  const chooseSheet = useCallback(
    async (name: string) => {
      setSheet(name);
      await run('sheet.reload', () => readSheet(name));
    },
    [run, readSheet],
  );

  const refresh = useCallback(
    async () => {
      if (sheet) await readSheet(sheet);
    },
    [sheet, readSheet],
  );

  const saveSettings = useCallback(
    async (update: (settings: ProductSettings) => ProductSettings) => {
      // Read the saved state fresh: a workflow may have written highlights since the pane last looked.
      const snapshot = await env.host.read(sheet ? { sheet } : undefined);
      assertStateSheetFree(snapshot.sheets, snapshot.stateText);
      const { state } = parseState(snapshot.stateText);
      const next: WorkbookState = { ...state, settings: update(state.settings) };
      await env.host.apply([{ kind: 'state', text: serialiseState(next) }]);
      settingsRef.current = next.settings;
      setSettings(next.settings);
    },
    [env.host, sheet],
  );

  return {
    env,
    tr,
    workflows,
    sheets,
    sheet,
    check,
    settings,
    busy,
    notice,
    setNotice,
    run,
    chooseSheet,
    refresh,
    saveSettings,
  };
}
