/**
 * The pane's state and the one way to run an operation: `run` refuses to start a second operation while one
 * is in progress (a ref, not state, so two quick clicks cannot both get through before a re-render), shows
 * progress, and turns every failure into a MessageBar text.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { parseTypedDate } from '../domain/dates';
import { DEFAULT_SOON_DAYS, isSoonDays } from '../domain/state-words';
import { parseState, rememberedJudgement, withJudgement, type ProductSettings } from '../domain/workbook-state';
import type { SheetInfo } from '../ports/workbook-host';
// Imported, not loaded with the other workflows: it needs only the state's module, which the pane has already,
// and the 判断日期 is remembered before the workflows may have loaded.
import { saveSettings as saveWorkbookSettings } from '../workflows/settings';
import { isUserFacingError, UserFacingError } from '../domain/errors';
import { describeError } from './describe-error';
import type { PaneEnvironment } from './environment';
import { CATALOGUES, format, translator, type MessageKey, type Translator } from './i18n';
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
  const { asOf, soonDays } = rememberedJudgement(settings, today);
  return { asOfText: asOf, soonDays };
}

/** The table detector found no task table on the sheet (the sheet is empty or has no such header). */
function isNotATable(error: unknown): boolean {
  return isUserFacingError(error) && (error.code === 'layout.no_header' || error.code === 'layout.empty');
}

/** Short, and saying how to pick another sheet (the detector's own message is a dozen lines of header words). */
function notATableError(sheet: string): UserFacingError {
  const say = (lang: 'zh-CN' | 'en-US') => format(CATALOGUES[lang]['sheet.notATable'], { sheet });
  return new UserFacingError('layout.no_header', { zh: say('zh-CN'), en: say('en-US') });
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
  /**
   * Reads the chosen sheet again (after the pane or the clerk changed the workbook). `followActive` (重新读取,
   * 检查本表): where Excel cannot report activations, take the sheet active in Excel if it holds a task table.
   */
  refresh(options?: { followActive?: boolean }): Promise<void>;
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
  /** The sheet being worked on, for handlers that outlive a render (Excel's activation events). */
  const sheetRef = useRef<string | null>(null);
  const onActivated = useRef<(name: string) => void>(() => undefined);
  /** Stops listening to sheet activation; null where the host cannot tell (then 重新读取 looks). */
  const stopWatching = useRef<(() => Promise<void>) | null>(null);
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

  /** Reads a sheet (the active one when `name` is undefined) through the check workflow, changing nothing shown. */
  const loadSheet = useCallback(
    async (name: string | undefined, columnsFor: string | undefined = name): Promise<PaneCheckResult | null> => {
      const loaded = workflowsRef.current;
      if (!loaded) return null; // still starting: the start-up reads the sheet once the workflows are there
      const saved = settingsRef.current;
      try {
        return await loaded.check(env.host, { sheet: name, columns: columnsFor ? saved.columns?.[columnsFor] : undefined, planYear: saved.planYear });
      } catch (error) {
        // The detector's own message lists every header word it looks for; in the pane, say how to choose instead.
        if (name && isNotATable(error)) throw notATableError(name);
        throw error;
      }
    },
    [env.host],
  );

  /** Shows what was read; keeps the sheet list and settings in step with the workbook. */
  const showSheet = useCallback(
    (result: PaneCheckResult) => {
      const name = result.analysis.sheet;
      sheetRef.current = name;
      setSheet(name);
      setSheets(clerkTables(result.snapshot.sheets, result.state, result.snapshot.stateSheet));
      setSettings(result.state.settings);
      settingsRef.current = result.state.settings;
      setCheck(result);
      if (result.stateDamaged) setNotice({ intent: 'warning', text: tr.t('sheet.stateDamaged') });
    },
    [tr],
  );

  const readSheet = useCallback(
    async (name: string) => {
      setCheck(null);
      const result = await loadSheet(name);
      if (result) showSheet(result);
    },
    [loadSheet, showSheet],
  );

  /**
   * The first sheet to work on: the active one when it holds a task table, else the first of the clerk's
   * sheets that does (a workbook saved on its 填表说明 sheet), saying so.
   */
  const openFirstTable = useCallback(
    async (first: string, candidates: string[]) => {
      let firstError: unknown = null;
      for (const name of [first, ...candidates.filter((c) => c !== first)]) {
        try {
          const result = await loadSheet(name);
          if (!result) return;
          showSheet(result);
          if (name !== first) setNotice({ intent: 'info', text: tr.t('sheet.pickedOther', { active: first, sheet: name }) });
          return;
        } catch (error) {
          if (!isNotATable(error)) throw error;
          firstError ??= error;
        }
      }
      sheetRef.current = first;
      setSheet(first);
      throw firstError;
    },
    [loadSheet, showSheet, tr],
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
      const tables = clerkTables(snapshot.sheets, state, snapshot.stateSheet);
      setSheets(tables);
      const first = initialSheet(snapshot.sheets, snapshot.activeSheet, state, snapshot.stateSheet);
      try {
        if (first) await openFirstTable(first, tables.map((t) => t.name));
      } finally {
        // Follow the sheet the clerk activates where Excel can say (ExcelApi 1.7); below, 重新读取 looks.
        const stop = env.host.watchActiveSheet ? await env.host.watchActiveSheet((name) => onActivated.current(name)).catch(() => null) : null;
        stopWatching.current = stop;
      }
    });
  }, [env, run, openFirstTable]);

  useEffect(
    () => () => {
      const stop = stopWatching.current;
      stopWatching.current = null;
      void stop?.().catch(() => undefined);
    },
    [],
  );

  /** Moves to a sheet the clerk activated in Excel, if it holds a task table; otherwise stays, saying so. */
  onActivated.current = (name: string) => {
    const current = sheetRef.current;
    if (name === current || busyRef.current || !sheets.some((s) => s.name === name)) return;
    void run('sheet.reload', async () => {
      try {
        const result = await loadSheet(name);
        if (result) showSheet(result);
      } catch (error) {
        if (!isNotATable(error) || !current) throw error;
        setNotice({ intent: 'info', text: tr.t('sheet.notFollowed', { sheet: name, current }) });
      }
    });
  };

  const chooseSheet = useCallback(
    async (name: string) => {
      sheetRef.current = name;
      setSheet(name);
      await run('sheet.reload', () => readSheet(name));
    },
    [run, readSheet],
  );

  const refresh = useCallback(
    async (options: { followActive?: boolean } = {}) => {
      const current = sheetRef.current;
      if (options.followActive && stopWatching.current === null) {
        // No activation events (below ExcelApi 1.7): the active sheet is read instead, and taken if it holds a
        // task table (a summary sheet stands for its table); otherwise the chosen sheet is read as before.
        try {
          const active = await loadSheet(undefined, current ?? undefined);
          if (active && sheets.some((s) => s.name === active.analysis.sheet)) {
            const name = active.analysis.sheet;
            const ownColumns = settingsRef.current.columns?.[name];
            showSheet(name !== current && ownColumns ? ((await loadSheet(name)) ?? active) : active);
            return;
          }
        } catch (error) {
          if (!isUserFacingError(error)) throw error;
        }
      }
      if (current) await readSheet(current);
    },
    [loadSheet, readSheet, showSheet, sheets],
  );

  const saveSettings = useCallback(
    async (update: (settings: ProductSettings) => ProductSettings) => {
      const saved = await saveWorkbookSettings(env.host, update, { sheet: sheet ?? undefined });
      settingsRef.current = saved;
      setSettings(saved);
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
    // After the current event: a spin button commits its typed value in its own blur handler, which may run
    // after this one, and React renders that value only then.
    setTimeout(() => void serially(async () => {
      const { valid, asOf: chosen, soonDays: days } = latestJudgement.current;
      if (!valid || days === null) return;
      if (!withJudgement(settingsRef.current, chosen, days, env.today())) return;
      try {
        await saveSettings((current) => withJudgement(current, chosen, days, env.today()) ?? current);
      } catch (error) {
        setNotice({ intent: 'error', text: describeError(error, tr) });
      }
    }), 0);
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
