/**
 * The pane's state and the one way to run an operation: `run` refuses to start a second operation while one
 * is in progress (a ref, not state, so two quick clicks cannot both get through before a re-render), shows
 * progress, and turns every failure into a MessageBar text.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { parseTypedDate } from '../domain/dates';
import { DEFAULT_SOON_DAYS, isSoonDays } from '../domain/row-state';
import { parseState, serialiseState, type ProductSettings, type WorkbookState } from '../domain/workbook-state';
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

/**
 * The 判断日期 and 临期 window every workflow uses (标色, 汇总, 标色并汇总, 回收), as the clerk is typing them.
 * `asOf` is the ISO date, '' while the text is not a date; `soonDays` null while the window is not a number.
 */
export interface Judgement {
  asOfText: string;
  asOf: string;
  soonDays: number | null;
  valid: boolean;
}

/** The judgement the workbook remembers, or today and the default window. */
function savedJudgement(settings: ProductSettings, today: string): { asOfText: string; soonDays: number } {
  const asOf = settings.asOf && parseTypedDate(settings.asOf) ? settings.asOf : today;
  return { asOfText: asOf, soonDays: isSoonDays(settings.soonDays) ? settings.soonDays : DEFAULT_SOON_DAYS };
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
  judgement: Judgement;
  setAsOfText(text: string): void;
  setSoonDays(days: number | null): void;
  /** Saves the judgement in the workbook's settings when it is valid and differs from the saved one. */
  rememberJudgement(): void;
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
  const [asOfText, setAsOfText] = useState(() => env.today());
  const [soonDays, setSoonDays] = useState<number | null>(DEFAULT_SOON_DAYS);
  /**
   * Workbook writes one after another: remembering the judgement reads and rewrites the saved state, so it must
   * never interleave with a workflow doing the same (the later write would drop the other's changes).
   */
  const writes = useRef<Promise<unknown>>(Promise.resolve());
  const serially = useCallback(<T,>(task: () => Promise<T>): Promise<T> => {
    const next = writes.current.then(task, task);
    writes.current = next.catch(() => undefined);
    return next;
  }, []);

  const run = useCallback(
    async (label: MessageKey, operation: () => Promise<void>): Promise<boolean> => {
      if (busyRef.current) return false;
      busyRef.current = true;
      setBusy(label);
      setNotice(null);
      try {
        await serially(operation);
      } catch (error) {
        setNotice({ intent: 'error', text: describeError(error, tr) });
      } finally {
        busyRef.current = false;
        setBusy(null);
      }
      return true;
    },
    [tr, serially],
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
      const judged = savedJudgement(state.settings, env.today());
      setAsOfText(judged.asOfText);
      setSoonDays(judged.soonDays);
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
      const { state } = parseState(snapshot.stateText);
      const next: WorkbookState = { ...state, settings: update(state.settings) };
      await env.host.apply([{ kind: 'state', text: serialiseState(next) }]);
      settingsRef.current = next.settings;
      setSettings(next.settings);
    },
    [env.host, sheet],
  );

  const asOf = parseTypedDate(asOfText) ?? '';
  const judgement: Judgement = { asOfText, asOf, soonDays, valid: asOf !== '' && isSoonDays(soonDays) };

  // Read by rememberJudgement when its turn comes: a field's last change (the spin button commits on blur) has
  // been rendered by then, whatever order the blur and change handlers ran in.
  const latestJudgement = useRef(judgement);
  latestJudgement.current = judgement;

  const rememberJudgement = useCallback(() => {
    void serially(async () => {
      const { valid, asOf: chosen, soonDays: days } = latestJudgement.current;
      if (!valid || days === null) return;
      // Today is not stored: an absent date means "today", so tomorrow the pane opens on tomorrow.
      const wanted = chosen === env.today() ? undefined : chosen;
      const saved = settingsRef.current;
      if (saved.asOf === wanted && saved.soonDays === days) return;
      try {
        await saveSettings((current) => {
          const next: ProductSettings = { ...current, soonDays: days };
          if (wanted) next.asOf = wanted;
          else delete next.asOf;
          return next;
        });
      } catch (error) {
        setNotice({ intent: 'error', text: describeError(error, tr) });
      }
    });
  }, [env, serially, saveSettings, tr]);

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
    judgement,
    setAsOfText,
    setSoonDays,
    rememberJudgement,
  };
}
