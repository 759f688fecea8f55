/**
 * `npm run bench` — the measured speed of the product at every size (a benchmark, never a timed test).
 *  1. generates allocation workbooks of 54, 1 000, 10 000, 20 000 and 100 000 measures into bench/tmp/ (cached);
 *  2. CLI path, each size in its own process (clean peak RSS): ExcelJS's bare load of the file beside
 *     `check`, `highlight -o`, `summary -o`; checkRatio = check / bare load; scaling10x = check(100k) / check(10k);
 *  3. Office.js path through the simulator: syncs, format operations, state runs and largest payload per workflow;
 *  4. the pane's initial JS gzip size (scripts/bundle-size.js over dist/, built when missing);
 * then prints a table, writes bench/results.json and the table in bench/README.md.
 * BENCH_SIZES=54,1000 limits the sizes (for a quick look).
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CliSizeResult } from './cli-size';
import { benchWorkbook } from './generate';
import type { OfficeCounts } from './office-counts';
import { BENCH_AS_OF } from './support';

const ROOT = path.resolve(__dirname, '..');
const TMP = path.join(__dirname, 'tmp');
const CLI_SIZES = [54, 1000, 10_000, 100_000];
/**
 * The Office.js targets are stated up to 20 000 rows. 100 000 is left out: the simulator (an ExcelJS-backed
 * fake, quadratic in merged areas) would take longer there than the whole rest of the bench.
 */
const OFFICE_SIZES = [54, 1000, 10_000, 20_000];
/** At 100 000 measures, against ExcelJS's bare load of the same file. */
const CHECK_RATIO_TARGET = 0.6;
const CHANGE_RATIO_TARGET = 1.0;
const PEAK_RSS_TARGET_MB = 600;
const SCALING_TARGET = 11;
const SYNC_TARGET = 4;
const SYNC_TARGET_MAX_ROWS = 20_000;
export const FORMAT_OPS_CONSTANT = 4;
const BUNDLE_BUDGET_BYTES = 200 * 1024;

/** Peak RSS of each command run alone through the built CLI (`bin/allocation`), in MB. */
interface OwnPeaks {
  check: number;
  highlight: number;
  clear: number;
  summary: number;
}

interface CliRow extends CliSizeResult {
  measures: number;
  ownPeakRssMb: OwnPeaks;
  checkRatio: number;
  checkCpuRatio: number;
  highlightRatio: number;
  clearRatio: number;
  summaryRatio: number;
}

function selectedSizes(all: number[]): number[] {
  const wanted = process.env.BENCH_SIZES?.split(',').map(Number).filter((n) => n > 0);
  return wanted?.length ? all.filter((n) => wanted.includes(n)) : all;
}

/** Heap for the child: ExcelJS holds a 100 000-row workbook (and its copy on save) in well over the default. */
function heapMb(measures: number): number {
  return measures >= 50_000 ? 6144 : 2048;
}

function runChild(script: string, args: string[], measures: number): string {
  const node = ['--expose-gc', `--max-old-space-size=${heapMb(measures)}`, '-r', 'ts-node/register/transpile-only', path.join(__dirname, script), ...args];
  const child = spawnSync(process.execPath, node, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, TS_NODE_TRANSPILE_ONLY: '1' } });
  if (child.status !== 0) throw new Error(`${script} ${args.join(' ')} failed (${child.status}):\n${child.stderr}`);
  return child.stdout.trim().split('\n').pop()!;
}

/**
 * Each command once more, alone in a fresh Node process of the built CLI with Node's default heap, exactly as a
 * clerk runs it: its peak RSS is the command's own, without the bench's TypeScript loader, the warm-up and the
 * other commands that share the in-process run's figure.
 */
function ownPeaks(file: string, outDir: string): OwnPeaks {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const highlighted = path.join(outDir, 'highlighted.xlsx');
  const run = (args: string[]): number => {
    const child = spawnSync(process.execPath, ['--require', path.join(__dirname, 'own-peak.js'), path.join(ROOT, 'bin', 'allocation'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const kb = /ALLOCATION_BENCH_PEAK_RSS_KB=(\d+)/.exec(child.stderr)?.[1];
    if (child.status === null || child.status > 1 || !kb) throw new Error(`allocation ${args.join(' ')} failed (${child.status}):\n${child.stderr}`);
    return Math.round(Number(kb) / 1024);
  };
  return {
    check: run(['check', file, '--as-of', BENCH_AS_OF]),
    highlight: run(['highlight', file, '-o', highlighted, '--as-of', BENCH_AS_OF]),
    clear: run(['clear', highlighted, '-o', path.join(outDir, 'cleared.xlsx')]),
    summary: run(['summary', file, '-o', path.join(outDir, 'summary.xlsx'), '--as-of', BENCH_AS_OF]),
  };
}

const ownPeak = (r: CliRow): number => Math.max(r.ownPeakRssMb.check, r.ownPeakRssMb.highlight, r.ownPeakRssMb.clear, r.ownPeakRssMb.summary);

function machine(): string {
  const cpu = fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1] ?? os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

function bundleGzipBytes(): number | null {
  const dist = path.join(ROOT, 'dist');
  if (!fs.existsSync(path.join(dist, 'taskpane.html'))) {
    console.log('building the pane (dist/ is missing) …');
    execFileSync('npx', ['webpack', '--mode', 'production'], { cwd: ROOT, stdio: 'inherit' });
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { initialBundleSize } = require('../scripts/bundle-size.js') as { initialBundleSize(dir: string): { gzipBytes: number } };
  return initialBundleSize(dist).gzipBytes;
}

const fmt = (n: number): string => n.toLocaleString('en-US');

export function markdownTables(results: BenchResults): string {
  const lines = [
    `Machine: ${results.machine}. Date: ${results.date}. Load average at start: ${results.loadAverage.join(' / ')}.`,
    '',
    '| measures | ExcelJS load ms | check ms | highlight ms | clear ms | summary ms | check ÷ load | check ÷ load (CPU) | highlight ÷ load | clear ÷ load | summary ÷ load | peak RSS MB, one command alone | peak RSS MB, all in one bench process | with ExcelJS load MB |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.cli.map(
      (r) =>
        `| ${fmt(r.measures)} | ${fmt(r.excelJsLoadMs)} | ${fmt(r.checkMs)} | ${fmt(r.highlightMs)} | ${fmt(r.clearMs)} | ${fmt(r.summaryMs)} | ${r.checkRatio.toFixed(2)} | ${r.checkCpuRatio.toFixed(2)} | ` +
        `${r.highlightRatio.toFixed(2)} | ${r.clearRatio.toFixed(2)} | ${r.summaryRatio.toFixed(2)} | ${fmt(ownPeak(r))} | ${fmt(r.peakRssMb)} | ${fmt(r.excelJsPeakRssMb)} |`,
    ),
    '',
    ...results.cli.map(
      (r) =>
        `CPU ratios at ${fmt(r.measures)}: check ${r.checkCpuRatio.toFixed(2)}, highlight ${(r.highlightCpuMs / r.excelJsLoadCpuMs).toFixed(2)}, ` +
        `clear ${(r.clearCpuMs / r.excelJsLoadCpuMs).toFixed(2)}, summary ${(r.summaryCpuMs / r.excelJsLoadCpuMs).toFixed(2)} (ExcelJS load ${fmt(r.excelJsLoadCpuMs)} ms CPU).`,
    ),
    '',
    ...results.cli.map(
      (r) =>
        `Peak RSS at ${fmt(r.measures)}, each command alone in a fresh process of the built CLI: check ${fmt(r.ownPeakRssMb.check)} MB, ` +
        `highlight ${fmt(r.ownPeakRssMb.highlight)}, clear ${fmt(r.ownPeakRssMb.clear)}, summary ${fmt(r.ownPeakRssMb.summary)}.`,
    ),
    '',
    `scaling10x (check 100 000 ÷ check 10 000): ${results.scaling10x?.toFixed(1) ?? 'n/a'} (target ≤ ${SCALING_TARGET}); ` +
      `CPU: ${results.scaling10xCpu?.toFixed(1) ?? 'n/a'}. Targets at 100 000: check ÷ load ≤ ${CHECK_RATIO_TARGET}; highlight, clear and summary ÷ load ≤ ${CHANGE_RATIO_TARGET}; ` +
      `peak RSS ≤ ${PEAK_RSS_TARGET_MB} MB for each command alone, as a clerk runs it (the in-process figure adds the bench's TypeScript loader, ` +
      'its warm-up on the sample and the four commands one after another, before ExcelJS loads the file).',
    '',
    '| measures | workflow (Office.js via simulator, ExcelApi 1.20) | payload limit | syncs | format ops | state runs | max payload KB |',
    '|---:|---|---|---:|---:|---:|---:|',
    ...results.office.map((o) => `| ${fmt(o.measures)} | ${o.workflow} | ${o.payloadLimit === 'web' ? 'web 5 MB' : 'none (desktop)'} | ${o.syncs} | ${fmt(o.formatOps)} | ${fmt(o.stateRuns)} | ${fmt(Math.round(o.maxPayloadBytes / 1024))} |`),
    '',
    `Pane initial JS (gzip): ${results.bundleGzipBytes === null ? 'n/a' : `${(results.bundleGzipBytes / 1024).toFixed(1)} KB`} of the 200 KB budget.`,
  ];
  return lines.join('\n');
}

export interface BenchResults {
  date: string;
  machine: string;
  loadAverage: number[];
  cli: CliRow[];
  scaling10x: number | null;
  scaling10xCpu: number | null;
  office: OfficeCounts[];
  bundleGzipBytes: number | null;
  targets: Record<string, boolean | null>;
}

async function main(): Promise<void> {
  const started = performance.now();
  const cliSizes = selectedSizes(CLI_SIZES);
  // The commands run alone go through bin/allocation, so it must be this checkout's code.
  if (cliSizes.length) execFileSync('npm', ['run', '-s', 'build:cli'], { cwd: ROOT, stdio: 'inherit' });
  const officeSizes = selectedSizes(OFFICE_SIZES);
  const files = new Map<number, string>();
  for (const n of [...new Set([...cliSizes, ...officeSizes])].sort((a, b) => a - b)) {
    process.stdout.write(`generating ${fmt(n)} measures … `);
    files.set(n, await benchWorkbook(n, TMP));
    console.log(path.relative(ROOT, files.get(n)!));
  }

  const cli: CliRow[] = [];
  for (const n of cliSizes) {
    process.stdout.write(`CLI ${fmt(n)} … `);
    const r = JSON.parse(runChild('cli-size.ts', [files.get(n)!, path.join(TMP, `out-${n}`)], n)) as CliSizeResult;
    const ratio = (ms: number): number => ms / r.excelJsLoadMs;
    cli.push({
      measures: n,
      ...r,
      ownPeakRssMb: ownPeaks(files.get(n)!, path.join(TMP, `own-${n}`)),
      checkRatio: ratio(r.checkMs),
      checkCpuRatio: r.checkCpuMs / r.excelJsLoadCpuMs,
      highlightRatio: ratio(r.highlightMs),
      clearRatio: ratio(r.clearMs),
      summaryRatio: ratio(r.summaryMs),
    });
    console.log(`check ${fmt(r.checkMs)} ms, load ${fmt(r.excelJsLoadMs)} ms`);
  }
  const office: OfficeCounts[] = [];
  for (const n of officeSizes) {
    process.stdout.write(`Office.js ${fmt(n)} … `);
    office.push(...(JSON.parse(runChild('office-counts.ts', [files.get(n)!, String(n)], n)) as OfficeCounts[]));
    office.push(...(JSON.parse(runChild('office-counts.ts', [files.get(n)!, String(n), 'desktop-report'], n)) as OfficeCounts[]));
    console.log('done');
  }

  const at = (n: number) => cli.find((r) => r.measures === n);
  const big = at(100_000);
  const ten = at(10_000);
  const combined = office.filter((o) => o.workflow === 'check+highlight+summary' && o.measures <= SYNC_TARGET_MAX_ROWS);
  const combinedDesktop = combined.filter((o) => o.payloadLimit === 'desktop');
  const highlights = office.filter((o) => o.workflow === 'highlight');
  const bundle = bundleGzipBytes();
  const results: BenchResults = {
    date: new Date().toISOString(),
    machine: machine(),
    loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
    cli,
    scaling10x: big && ten ? big.checkMs / ten.checkMs : null,
    scaling10xCpu: big && ten ? big.checkCpuMs / ten.checkCpuMs : null,
    office,
    bundleGzipBytes: bundle,
    targets: {
      checkRatioAt100k: big ? big.checkRatio <= CHECK_RATIO_TARGET : null,
      changeRatiosAt100k: big ? Math.max(big.highlightRatio, big.clearRatio, big.summaryRatio) <= CHANGE_RATIO_TARGET : null,
      peakRssAt100k: big ? ownPeak(big) <= PEAK_RSS_TARGET_MB : null,
      peakRssAt100kInOneProcess: big ? big.peakRssMb <= PEAK_RSS_TARGET_MB : null,
      scaling10x: big && ten ? big.checkMs / ten.checkMs <= SCALING_TARGET : null,
      syncsUpTo20k: combined.length ? combined.every((o) => o.syncs <= SYNC_TARGET) : null,
      syncsUpTo20kDesktop: combinedDesktop.length ? combinedDesktop.every((o) => o.syncs <= SYNC_TARGET) : null,
      // The highlight's format operations: one per run at most, plus a constant few (the state sheet).
      formatOpsWithinRuns: highlights.length ? highlights.every((o) => o.formatOps <= o.stateRuns + FORMAT_OPS_CONSTANT) : null,
      bundle: bundle === null ? null : bundle <= BUNDLE_BUDGET_BYTES,
    },
  };

  fs.writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const tables = markdownTables(results);
  console.log(`\n${tables}\n\ntargets: ${JSON.stringify(results.targets)}\nwhole bench: ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const readme = path.join(__dirname, 'README.md');
  if (fs.existsSync(readme)) {
    const text = fs.readFileSync(readme, 'utf8');
    const replaced = text.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, `<!-- bench:start -->\n${tables}\n<!-- bench:end -->`);
    fs.writeFileSync(readme, replaced);
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
