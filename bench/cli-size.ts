/**
 * One size of the CLI benchmark, run in its own process so its peak memory is its own:
 * ExcelJS's bare load of the file, then `allocation check`, `highlight -o` and `summary -o` run in-process
 * through the CLI's main() exactly as a clerk's command line would, each timed to completion.
 * Prints one JSON line. Run by bench/run.ts: node --expose-gc -r ts-node/register/transpile-only bench/cli-size.ts FILE OUTDIR
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { CliIO } from '../src/cli/command';
import { main } from '../src/cli/main';
import { measure, peakRssMb } from './support';

export const BENCH_AS_OF = '2022-09-15';

export interface CliSizeResult {
  file: string;
  excelJsLoadMs: number;
  checkMs: number;
  highlightMs: number;
  summaryMs: number;
  checkCpuMs: number;
  excelJsLoadCpuMs: number;
  exitCodes: { check: number; highlight: number; summary: number };
  peakRssMb: number;
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
  const load = await measure(async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    return wb.worksheets.length;
  });
  settle();
  const check = await measure(() => cli(['check', file, '--as-of', BENCH_AS_OF], outDir));
  settle();
  const highlight = await measure(() => cli(['highlight', file, '-o', path.join(outDir, 'highlighted.xlsx'), '--as-of', BENCH_AS_OF], outDir));
  settle();
  const summary = await measure(() => cli(['summary', file, '-o', path.join(outDir, 'summary.xlsx'), '--as-of', BENCH_AS_OF], outDir));
  const exitCodes = { check: check.result, highlight: highlight.result, summary: summary.result };
  // Exit 2 means the command did not do its work: a time for that would be meaningless.
  if (Object.values(exitCodes).some((code) => code > 1)) throw new Error(`a command failed on ${file}: ${JSON.stringify(exitCodes)}`);
  return {
    file: path.basename(file),
    excelJsLoadMs: Math.round(load.wallMs),
    checkMs: Math.round(check.wallMs),
    highlightMs: Math.round(highlight.wallMs),
    summaryMs: Math.round(summary.wallMs),
    checkCpuMs: Math.round(check.cpuMs),
    excelJsLoadCpuMs: Math.round(load.cpuMs),
    exitCodes,
    peakRssMb: peakRssMb(),
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
