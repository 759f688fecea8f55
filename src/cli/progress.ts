/**
 * Progress of long work on the terminal: a bar on stderr, drawn by cli-progress, only when stderr is a terminal
 * (piped or redirected, nothing is written) and only for work long enough to need it — a sheet of
 * PROGRESS_MIN_ROWS rows or more, or collect over PROGRESS_MIN_RETURNS returns or more. The bar is cleared
 * before anything else is printed and when the work ends, so what a command prints is the same with or without.
 */
import { SingleBar } from 'cli-progress';
import { pick } from '../domain/i18n';
import type { Lang, LocalText } from '../domain/types';
import type { WorkbookHost } from '../ports/workbook-host';

/** A sheet this long shows its progress (reading 10 000 rows and more takes seconds, not a blink). */
export const PROGRESS_MIN_ROWS = 10_000;
/** Collect over this many returns shows how many are done. */
export const PROGRESS_MIN_RETURNS = 10;

/** The stream progress is drawn on (process.stderr; tests pass one of their own). */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): unknown;
}

export class TerminalProgress {
  private bar: SingleBar | null = null;
  private shown = { value: 0, total: 1, label: '' };

  constructor(
    private readonly stream: ProgressStream | undefined,
    private readonly lang: Lang,
  ) {}

  /** Draws (or moves) the bar: `value` of `total` steps, with what is being done now. Nothing off a terminal. */
  show(value: number, total: number, label: LocalText): void {
    if (this.stream?.isTTY !== true) return;
    this.shown = { value, total: Math.max(total, value, 1), label: pick(label, this.lang) };
    if (!this.bar) {
      this.bar = new SingleBar({
        stream: this.stream as NodeJS.WritableStream,
        format: '{bar} {value}/{total} {label}',
        barsize: 24,
        clearOnComplete: true,
        hideCursor: false,
        linewrap: false,
      });
      this.bar.start(this.shown.total, this.shown.value, { label: this.shown.label });
      return;
    }
    this.bar.setTotal(this.shown.total);
    this.bar.update(this.shown.value, { label: this.shown.label });
    // cli-progress skips a redraw within its throttle time of the last; steps are few and each must show.
    this.bar.render();
  }

  /** Prints other output to the terminal: the bar's line is cleared first and the bar drawn again below it. */
  around(write: () => void): void {
    if (!this.bar) return write();
    this.stop();
    write();
    this.show(this.shown.value, this.shown.total, { zh: this.shown.label, en: this.shown.label });
  }

  /** Clears the bar (it leaves no line behind). */
  stop(): void {
    this.bar?.stop();
    this.bar = null;
  }
}

const STAGES: Record<'table' | 'styles' | 'apply' | 'save' | 'sheet', (rows: number) => LocalText> = {
  table: (rows) => ({ zh: `正在检查 ${rows} 行`, en: `checking ${rows} rows` }),
  sheet: () => ({ zh: '正在读取工作表', en: 'reading a sheet' }),
  styles: () => ({ zh: '正在读取原有颜色', en: 'reading the original colours' }),
  apply: () => ({ zh: '正在写入更改', en: 'writing the changes' }),
  save: () => ({ zh: '正在保存文件', en: 'saving the file' }),
};

/**
 * The host as a command's workflow uses it, with each round trip shown as a step once the sheet read turns out
 * to have PROGRESS_MIN_ROWS rows or more. `steps`: how many round trips (and the save) the command expects.
 */
export function withSheetProgress<H extends WorkbookHost & object>(host: H, progress: TerminalProgress, steps: number): H {
  let big = false;
  let step = 0;
  const next = (stage: keyof typeof STAGES, rows = 0) => {
    step++;
    if (big) progress.show(step, steps, STAGES[stage](rows));
  };
  return new Proxy(host, {
    get(target, name) {
      const member = Reflect.get(target, name, target) as unknown;
      if (typeof member !== 'function') return member;
      const call = (...args: unknown[]) => (member as (...a: unknown[]) => unknown).apply(target, args);
      if (name === 'read') {
        return async (...args: unknown[]) => {
          const snapshot = (await call(...args)) as Awaited<ReturnType<WorkbookHost['read']>>;
          const rows = snapshot.grid?.values.length ?? 0;
          // The first read tells how long the sheet is; a later one (an earlier summary) is a step of its own.
          if (step === 0) big = rows >= PROGRESS_MIN_ROWS;
          next(step === 0 ? 'table' : 'sheet', rows);
          return snapshot;
        };
      }
      if (name === 'readStyles' || name === 'apply' || name === 'save') {
        const stage = name === 'readStyles' ? 'styles' : name;
        return (...args: unknown[]) => {
          next(stage);
          return call(...args);
        };
      }
      return call;
    },
  });
}

/** Runs a command's long work with a progress bar at hand, and clears the bar however the work ends. */
export async function withProgress<T>(stream: ProgressStream | undefined, lang: Lang, work: (progress: TerminalProgress) => Promise<T>): Promise<T> {
  const progress = new TerminalProgress(stream, lang);
  try {
    return await work(progress);
  } finally {
    progress.stop();
  }
}
