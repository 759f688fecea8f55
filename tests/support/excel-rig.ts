/** Shared set-up for the ExcelHost tests: a simulator at a given API level with a host bound to it. */
import fs from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import type { CellRange, CellStyle } from '../../src/domain/types';
import { ExcelHost } from '../../src/hosts/excel';
import type { WorkbookHost } from '../../src/ports/workbook-host';
import { ExcelSimulator, type SimulatorOptions } from '../../src/simulator';
import { buildAllocationWorkbook, loadReturns, loadSeed, type SeedDocument } from '../../scripts/make-samples';

/** Office 2016's level and the newest: every behaviour is tested at both. */
export const API_LEVELS = ['1.1', '1.20'] as const;

/**
 * The workflow suite's hosts: both levels, and Office 2016 MSI as it answers — ExcelApi 1.1 behind the 16.00
 * host file's numeric version check, where "1.10" passes (see api-level.test.ts).
 */
export const HOST_CONFIGS: [label: string, options: SimulatorOptions & { apiVersion: string }][] = [
  ...API_LEVELS.map((v): [string, SimulatorOptions & { apiVersion: string }] => [`ExcelApi ${v}`, { apiVersion: v }]),
  ['ExcelApi 1.1 under the 16.00 requirement check', { apiVersion: '1.1', requirementCheck: '16.00' }],
];

export const SAMPLES = {
  allocation: path.resolve(__dirname, '../../samples/liangjiang-2022.xlsx'),
  returns: path.resolve(__dirname, '../../samples/liangjiang-2022-returns.xlsx'),
};

export interface Rig {
  sim: ExcelSimulator;
  host: ExcelHost;
  /** Syncs since the last call (and resets the counters). */
  syncs(): number;
}

export function rig(wb: ExcelJS.Workbook, options: SimulatorOptions): Rig {
  const sim = new ExcelSimulator(wb, options);
  // The host plans with the limit the simulated Excel enforces (the web's 5 MB unless switched off).
  const host = new ExcelHost(sim.run, sim.requirements, { payloadLimitBytes: sim.payloadLimitBytes });
  return {
    sim,
    host,
    syncs() {
      const n = sim.stats.syncs;
      sim.resetStats();
      return n;
    },
  };
}

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  return wb;
}

export async function sampleRig(file: string, options: SimulatorOptions): Promise<Rig> {
  return rig(await loadWorkbook(file), options);
}

/**
 * The 2022 sample's 54 measures repeated (renumbered, with their 完成情况 answers) until there are at least
 * `measures` of them: a realistic large 任务分工 sheet, merged sections and all.
 */
export function largeAllocationWorkbook(measures: number): ExcelJS.Workbook {
  const seed = loadSeed();
  const returns = loadReturns();
  const perCopy = seed.sections.reduce((n, s) => n + s.subsections.reduce((m, sub) => m + sub.measures.length, 0), 0);
  const sections: SeedDocument['sections'] = [];
  const statuses: Record<string, string> = {};
  let no = 0;
  for (let copy = 0; copy < Math.ceil(measures / perCopy); copy++) {
    for (const section of seed.sections) {
      sections.push({
        title: section.title,
        subsections: section.subsections.map((sub) => ({
          title: sub.title,
          measures: sub.measures.map((m) => {
            no++;
            const answer = returns.statuses[String(m.no)];
            if (answer !== undefined) statuses[String(no)] = answer;
            return { ...m, no };
          }),
        })),
      });
    }
  }
  return buildAllocationWorkbook({ ...seed, sections }, { ...returns, statuses });
}

/** Normalised colours of every cell of the main sheet's used area, as a host reports them. */
export async function colours(host: WorkbookHost, sheet: string, area: CellRange): Promise<string[]> {
  const styles: CellStyle[] = await host.readStyles(sheet, [area]);
  return styles.map((s) => `${s.row},${s.col}:${s.fill ?? '-'}/${s.font ?? '-'}`);
}

/** Every non-blank cell's value by address; the covered cells of merged areas are blank, as in Excel. */
export function sheetValues(wb: ExcelJS.Workbook, name: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  wb.getWorksheet(name)!.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const v = cell.value instanceof Date ? cell.value.toISOString().slice(0, 10) : cell.value;
      if (v !== null && v !== '') out[cell.address] = v;
    }),
  );
  return out;
}

