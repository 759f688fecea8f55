/**
 * One size of the CLI benchmark, run in its own process so its peak memory is its own:
 * `allocation check`, `highlight -o`, `clear -o` (of the highlighted copy) and `summary -o` run in-process
 * through the CLI's main() exactly as a clerk's command line would, each timed to completion; the peak RSS is
 * taken then, and only afterwards ExcelJS's bare load of the same file (the yardstick, whose own memory is
 * reported apart).
 * Prints one JSON line. Run by bench/run.ts: node --expose-gc -r ts-node/register/transpile-only bench/cli-size.ts FILE OUTDIR
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { CliIO } from '../src/cli/command';
import { main } from '../src/cli/main';
import { BENCH_AS_OF, measure, peakRssMb } from './support';

export interface CliSizeResult {
  file: string;
  excelJsLoadMs: number;
  checkMs: number;
  highlightMs: number;
  clearMs: number;
  summaryMs: number;
  checkCpuMs: number;
  highlightCpuMs: number;
  clearCpuMs: number;
  summaryCpuMs: number;
  excelJsLoadCpuMs: number;
  exitCodes: { check: number; highlight: number; clear: number; summary: number };
  /** Peak RSS of the commands (before ExcelJS loads the file). */
  peakRssMb: number;
  /** Peak RSS once ExcelJS has loaded the file too. */
  excelJsPeakRssMb: number;
}

/** Collects garbage between steps when the process allows it, so one step's leftovers are not billed to the next. */
function settle(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function cli(argv: string[], cwd: string): Promise<number> {
  const io: CliIO = { out: () => undefined, err: (t) => void process.stderr.write(t), cwd, today: BENCH_AS_OF };
  return main(argv, io, {});
}

async function runSize(given: string, givenOut: string): Promise<CliSizeResult> {
  const outDir = path.resolve(givenOut);
  const file = path.resolve(given);
  fs.mkdirSync(outDir, { recursive: true });
  // Warm up (module loading, JIT) on the small sample first, so the first timed step is not billed for it.
  const warmUp = path.join(__dirname, '..', 'samples', 'liangjiang-2022-returns.xlsx');
  await new ExcelJS.Workbook().xlsx.load(fs.readFileSync(warmUp) as unknown as ArrayBuffer);
  await cli(['check', warmUp, '--as-of', BENCH_AS_OF], outDir);
  settle();
  const check = await measure(() => cli(['check', file, '--as-of', BENCH_AS_OF], outDir));
  settle();
  const highlighted = path.join(outDir, 'highlighted.xlsx');
  fs.rmSync(highlighted, { force: true });
  const highlight = await measure(() => cli(['highlight', file, '-o', highlighted, '--as-of', BENCH_AS_OF], outDir));
  settle();
  const clear = await measure(() => cli(['clear', highlighted, '-o', path.join(outDir, 'cleared.xlsx')], outDir));
  settle();
  const summary = await measure(() => cli(['summary', file, '-o', path.join(outDir, 'summary.xlsx'), '--as-of', BENCH_AS_OF], outDir));
  const commandsPeak = peakRssMb();
  settle();
  const load = await measure(async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    return wb.worksheets.length;
  });
  const exitCodes = { check: check.result, highlight: highlight.result, clear: clear.result, summary: summary.result };
  // Exit 2 means the command did not do its work: a time for that would be meaningless.
  if (Object.values(exitCodes).some((code) => code > 1)) throw new Error(`a command failed on ${file}: ${JSON.stringify(exitCodes)}`);
  return {
    file: path.basename(file),
    excelJsLoadMs: Math.round(load.wallMs),
    checkMs: Math.round(check.wallMs),
    highlightMs: Math.round(highlight.wallMs),
    clearMs: Math.round(clear.wallMs),
    summaryMs: Math.round(summary.wallMs),
    checkCpuMs: Math.round(check.cpuMs),
    highlightCpuMs: Math.round(highlight.cpuMs),
    clearCpuMs: Math.round(clear.cpuMs),
    summaryCpuMs: Math.round(summary.cpuMs),
    excelJsLoadCpuMs: Math.round(load.cpuMs),
    exitCodes,
    peakRssMb: commandsPeak,
    excelJsPeakRssMb: peakRssMb(),
  };
}

if (require.main === module) {
  const [file, outDir] = process.argv.slice(2);
  runSize(file, outDir).then(
    (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
    (e) => {
      process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
