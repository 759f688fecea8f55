/**
 * The Office.js path's deterministic costs: every workflow through ExcelHost against the Excel simulator,
 * counting context.sync() round trips, format operations (ranges whose format was written) and the largest
 * request/response payload. Shared by the benchmark (every size) and tests/hardening/office-counts.test.ts.
 */
import ExcelJS from 'exceljs';
import { ExcelHost } from '../src/hosts/excel';
import { ExcelSimulator, LATEST_API_VERSION, WEB_PAYLOAD_LIMIT_BYTES } from '../src/simulator';
import { runCheck } from '../src/workflows/check';
import { runClear } from '../src/workflows/clear';
import { runHighlight } from '../src/workflows/highlight';
import { runReport } from '../src/workflows/report';
import { runSummary } from '../src/workflows/summary';

export type OfficeWorkflow = 'check' | 'highlight' | 'clear' | 'summary' | 'check+highlight+summary';

export interface OfficeCounts {
  measures: number;
  workflow: OfficeWorkflow;
  apiVersion: string;
  /** 'web': Excel on the web's 5 MB request/response limit; 'desktop': no limit. */
  payloadLimit: 'web' | 'desktop';
  syncs: number;
  formatOps: number;
  /** Runs of consecutive same-state rows in the highlight plan (0 for workflows that colour nothing). */
  stateRuns: number;
  maxPayloadBytes: number;
  wallMs: number;
}

const AS_OF = '2022-09-15';
const GENERATED_AT = '2022-09-15 09:00';

export interface OfficeCountOptions {
  apiVersion?: string;
  payloadLimit?: 'web' | 'desktop';
  /** Only the one-click report (the figure the sync target is about). */
  reportOnly?: boolean;
}

/**
 * Runs check, highlight, clear and summary one after another on one simulated workbook (as a clerk clicks
 * through the pane), then the one-click report (check + highlight + summary in one batch) on a fresh copy.
 * `load` returns a new copy of the workbook each time it is called.
 */
export async function officeCounts(measures: number, load: () => Promise<ExcelJS.Workbook>, options: OfficeCountOptions = {}): Promise<OfficeCounts[]> {
  const { apiVersion = LATEST_API_VERSION, payloadLimit = 'web', reportOnly = false } = options;
  const limit = payloadLimit === 'web' ? WEB_PAYLOAD_LIMIT_BYTES : null;
  const simulatorOptions = { apiVersion, payloadLimitBytes: limit };
  // The host is told the limit as the pane tells it (Excel on the web or not), and sizes its batches to it.
  const hostFor = (sim: ExcelSimulator) => new ExcelHost(sim.run, sim.requirements, { payloadLimitBytes: limit });
  const out: OfficeCounts[] = [];
  const record = async (workflow: OfficeWorkflow, s: ExcelSimulator, run: () => Promise<number>): Promise<void> => {
    s.resetStats();
    const started = performance.now();
    const stateRuns = await run();
    const { syncs, formatOperations, maxPayloadBytes } = s.stats;
    out.push({ measures, workflow, apiVersion, payloadLimit, syncs, formatOps: formatOperations, stateRuns, maxPayloadBytes, wallMs: Math.round(performance.now() - started) });
  };
  if (!reportOnly) {
    const sim = new ExcelSimulator(await load(), simulatorOptions);
    const host = hostFor(sim);
    await record('check', sim, async () => (await runCheck(host), 0));
    await record('highlight', sim, async () => (await runHighlight(host, { asOf: AS_OF })).plan.runs.length);
    await record('clear', sim, async () => (await runClear(host), 0));
    await record('summary', sim, async () => (await runSummary(host, { asOf: AS_OF, generatedAt: GENERATED_AT }), 0));
  }

  const fresh = new ExcelSimulator(await load(), simulatorOptions);
  const freshHost = hostFor(fresh);
  await record('check+highlight+summary', fresh, async () => (await runReport(freshHost, { asOf: AS_OF, generatedAt: GENERATED_AT })).highlight.plan.runs.length);
  return out;
}

/** A loader that parses the file's bytes afresh on every call (the simulator changes the workbook it holds). */
export function workbookLoader(bytes: Uint8Array): () => Promise<ExcelJS.Workbook> {
  return async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    return wb;
  };
}

if (require.main === module) {
  // node -r ts-node/register/transpile-only bench/office-counts.ts FILE MEASURES [web|desktop-report]
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('fs') as typeof import('fs');
  const [file, measures, mode] = process.argv.slice(2);
  const options: OfficeCountOptions = mode === 'desktop-report' ? { payloadLimit: 'desktop', reportOnly: true } : {};
  officeCounts(Number(measures), workbookLoader(fs.readFileSync(file)), options).then(
    (rows) => process.stdout.write(`${JSON.stringify(rows)}\n`),
    (e) => {
      process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
