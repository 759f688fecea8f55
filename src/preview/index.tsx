/**
 * The browser preview (`npm run preview`): the real task pane beside a drawing of the workbook, talking to the
 * Excel simulator (ExcelJS in the page) through the same ExcelHost it uses inside Excel. Nothing leaves the
 * page: the sample is served by the preview server, opened files are read locally.
 *
 * zh-CN unless asked otherwise (the users' language, whatever the demo machine's browser says).
 * URL parameters (handy for demos and the end-to-end test): ?lang=en-US, ?api=1.1, ?today=2022-09-15, ?theme=dark,
 * ?pane=lite (the lite pane Office 2016/2019 get, instead of the full one), ?paneSize=330x540 (the pane at the size
 * it has on a 1366 × 768 laptop, instead of the window's height), ?host=wps (the pane over WpsHost and the
 * imitation of WPS 表格's object model, on the same workbook, as in the WPS 加载项).
 */
import { StrictMode, useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { createRoot } from 'react-dom/client';
import { isValidIsoDate } from '../domain/dates';
import { normaliseLang } from '../domain/i18n';
import type { Lang } from '../domain/types';
import { ExcelSimulator, LATEST_API_VERSION } from '../simulator';
import { TaskPane } from '../taskpane/App';
import { mountLitePane } from '../taskpane-lite/lite-pane';
import type { PaneEnvironment } from '../taskpane/environment';
import { loadWorkflows } from '../taskpane/load-workflows';
import { OpenFileButton } from './OpenFileButton';
import { localToday } from '../taskpane/pane-basics';
import { observeHost, type HostEvents } from './observed-host';
import { previewText, type PreviewMessageKey } from './preview-i18n';
import { createSimulatedHost, createSimulatedWpsHost } from './simulated-host';
import { EtSimulator } from '../simulator/et-simulator';
import { WorkbookGrid } from './WorkbookGrid';

export const SAMPLE_URL = 'samples/liangjiang-2022-returns.xlsx';
const PANE_WIDTH = 380;

/** ?paneSize=WxH: the pane as a box of that size (as Excel gives it), scrolling inside. */
function paneSize(): CSSProperties {
  const match = /^(\d{3,4})x(\d{3,4})$/.exec(urlParam('paneSize') ?? '');
  if (!match) return {};
  return { width: Number(match[1]), height: Number(match[2]), alignSelf: 'flex-start', boxSizing: 'border-box', borderBottom: '1px solid #c8c8c8' };
}

const styles: Record<string, CSSProperties> = {
  page: { display: 'flex', flexDirection: 'column', height: '100vh', fontFamily: '"Noto Sans CJK SC", "Microsoft YaHei", "Segoe UI", sans-serif' },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12, padding: '6px 12px', background: '#217346', color: '#fff', fontSize: 13 },
  title: { fontWeight: 600, fontSize: 15, marginRight: 8 },
  note: { flexBasis: '100%', fontSize: 12, opacity: 0.9 },
  control: { font: 'inherit', fontSize: 13 },
  body: { flex: 1, display: 'flex', minHeight: 0 },
  grid: { flex: 1, minWidth: 0, borderRight: '1px solid #c8c8c8' },
  pane: { width: PANE_WIDTH, flexShrink: 0, overflowY: 'auto' },
  message: { padding: 16, fontSize: 14 },
};

/** What the preview lets a test read: the simulated workbook, saved as .xlsx bytes (base64). */
interface PreviewProbe {
  workbookBase64(): Promise<string>;
  /** Types text into a cell as the clerk would in Excel while the pane stays open (then redraws the grid). */
  typeCell(sheet: string, address: string, text: string): void;
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

interface Loaded {
  simulator: ExcelSimulator;
  /** Changes whenever a new workbook or API level starts a new pane. */
  generation: number;
}

function urlParam(name: string): string | null {
  return new URLSearchParams(window.location.search).get(name);
}

/** The lite pane in the preview: drawn by its own DOM code into a div, with its own static stylesheet. */
function LitePane({ env }: { env: PaneEnvironment }) {
  const box = useRef<HTMLDivElement>(null);
  const mounted = useRef(false);
  useEffect(() => {
    // Once per mount (StrictMode runs effects twice in development); a new environment mounts a new one.
    if (!box.current || mounted.current) return;
    mounted.current = true;
    if (!document.querySelector('link[data-lite-css]')) {
      const css = document.createElement('link');
      css.rel = 'stylesheet';
      css.href = 'taskpane-lite.css';
      css.setAttribute('data-lite-css', '');
      document.head.appendChild(css);
    }
    mountLitePane(box.current, env);
  }, [env]);
  return <div ref={box} data-testid="lite-pane" />;
}

function PreviewPage() {
  const [lang, setLang] = useState<Lang>(normaliseLang(urlParam('lang')));
  const [api, setApi] = useState<string>(urlParam('api') === '1.1' ? '1.1' : LATEST_API_VERSION);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [gridSheet, setGridSheet] = useState('');
  const [selection, setSelection] = useState<{ sheet: string; address: string } | null>(null);
  const [version, setVersion] = useState(0);
  const generation = useRef(0);
  const t = useCallback((key: PreviewMessageKey, values?: Record<string, string | number>) => previewText(lang, key, values), [lang]);
  const today = useMemo(() => {
    const fixed = urlParam('today');
    return fixed && isValidIsoDate(fixed) ? fixed : localToday();
  }, []);

  const open = useCallback(
    async (bytes: ArrayBuffer) => {
      const simulator = await ExcelSimulator.fromBytes(bytes, { apiVersion: api });
      // For the end-to-end test, which checks what the workbook holds, not only what the grid draws.
      (window as { allocationPreview?: PreviewProbe }).allocationPreview = {
        workbookBase64: async () => bytesToBase64(new Uint8Array(await simulator.workbook.xlsx.writeBuffer())),
        typeCell: (sheet, address, text) => {
          simulator.workbook.getWorksheet(sheet)!.getCell(address).value = text;
          setVersion((v) => v + 1);
        },
      };
      generation.current += 1;
      setLoaded({ simulator, generation: generation.current });
      setGridSheet(simulator.activeSheet);
      setSelection(null);
      setFailure(null);
    },
    [api],
  );

  const loadSample = useCallback(async () => {
    try {
      const response = await fetch(SAMPLE_URL);
      if (!response.ok) throw new Error(String(response.status));
      await open(await response.arrayBuffer());
    } catch {
      setFailure(t('preview.sampleMissing'));
    }
  }, [open, t]);

  useEffect(() => {
    void loadSample();
    // The sample is loaded once at start; later loads are the clerk's choice.
  }, []);

  const openFile = async (file: File) => {
    try {
      await open(await file.arrayBuffer());
    } catch (error) {
      // The library's own message (zip internals) means nothing to a clerk; the console keeps it.
      console.error(error);
      setFailure(t('preview.openFailed', { file: file.name }));
    }
  };

  const changeApi = (next: string) => {
    setApi(next);
    if (!loaded) return;
    loaded.simulator.apiVersion = next;
    generation.current += 1;
    setLoaded({ simulator: loaded.simulator, generation: generation.current });
  };

  const wpsMode = urlParam('host') === 'wps';
  // WPS mode: the ET imitation over the very workbook the grid draws, starting on the sheet Excel's is on.
  const et = useMemo(() => {
    if (!loaded || !wpsMode) return null;
    const sim = new EtSimulator(loaded.simulator.workbook);
    sim.activeSheet = loaded.simulator.activeSheet;
    return sim;
  }, [loaded, wpsMode]);

  const env = useMemo<PaneEnvironment | null>(() => {
    if (!loaded) return null;
    const events: HostEvents = {
      changed: () => setVersion((v) => v + 1),
      selected: (sheet, address) => {
        setSelection({ sheet, address });
        setGridSheet(sheet);
      },
    };
    return {
      host: observeHost(et ? createSimulatedWpsHost(et) : createSimulatedHost(loaded.simulator), events),
      lang,
      dark: urlParam('theme') === 'dark',
      today: () => today,
      loadWorkflows,
    };
  }, [loaded, lang, today, et]);

  const showSheet = (name: string) => {
    setGridSheet(name);
    // As clicking a tab in Excel does: the sheet becomes active, and a pane listening for activations hears of it.
    if (loaded && loaded.simulator.findSheet(name)?.state === 'visible') loaded.simulator.activateSheet(name);
    if (et && loaded?.simulator.findSheet(name)?.state === 'visible') et.activeSheet = name;
  };

  return (
    <div style={styles.page} lang={lang}>
      <header style={styles.bar}>
        <span style={styles.title}>{t('preview.title')}</span>
        <OpenFileButton
          label={t('preview.open')}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          style={styles.control}
          onFile={(file) => void openFile(file)}
        />
        <button type="button" style={styles.control} onClick={() => void loadSample()}>
          {t('preview.sample')}
        </button>
        <label>
          {t('preview.language')}{' '}
          <select value={lang} style={styles.control} onChange={(e) => setLang(normaliseLang(e.target.value))} data-testid="language">
            <option value="zh-CN">中文</option>
            <option value="en-US">English</option>
          </select>
        </label>
        <label>
          {t('preview.api')}{' '}
          <select value={api} style={styles.control} onChange={(e) => changeApi(e.target.value)}>
            <option value="1.1">{t('preview.apiOld')}</option>
            <option value={LATEST_API_VERSION}>{t('preview.apiLatest')}</option>
          </select>
        </label>
        <span style={styles.note}>{t('preview.note')}</span>
        {wpsMode && (
          <span style={styles.note} data-testid="wps-mode">
            {t('preview.wpsNote')}
          </span>
        )}
      </header>
      {failure && (
        <p role="alert" style={{ ...styles.message, color: '#a4262c' }}>
          {failure}
        </p>
      )}
      <div style={styles.body}>
        <div style={styles.grid}>
          {loaded ? (
            <WorkbookGrid
              workbook={loaded.simulator.workbook}
              sheet={gridSheet}
              onSheet={showSheet}
              selection={selection}
              version={version}
              lang={lang}
              charts={loaded.simulator.charts}
            />
          ) : (
            !failure && <p style={styles.message}>{t('preview.loading')}</p>
          )}
        </div>
        <aside style={{ ...styles.pane, ...paneSize() }} aria-label={lang === 'en-US' ? 'Task pane' : '任务窗格'} data-testid="pane">
          {env && loaded && urlParam('pane') === 'lite' && <LitePane key={`${loaded.generation}-${lang}`} env={env} />}
          {env && loaded && urlParam('pane') !== 'lite' && <TaskPane key={`${loaded.generation}-${lang}`} env={env} />}
        </aside>
      </div>
    </div>
  );
}

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <PreviewPage />
    </StrictMode>,
  );
}
