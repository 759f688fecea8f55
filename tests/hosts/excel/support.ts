/** Shared set-up for the ExcelHost tests: a simulator at a given API level with a host bound to it. */
import fs from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { ExcelHost } from '../../../src/hosts/excel';
import { ExcelSimulator, type SimulatorOptions } from '../../../src/simulator';

/** Office 2016's level and the newest: every behaviour is tested at both. */
export const API_LEVELS = ['1.1', '1.20'] as const;

export const SAMPLES = {
  allocation: path.resolve(__dirname, '../../../samples/liangjiang-2022.xlsx'),
  returns: path.resolve(__dirname, '../../../samples/liangjiang-2022-returns.xlsx'),
};

export interface Rig {
  sim: ExcelSimulator;
  host: ExcelHost;
  /** Syncs since the last call (and resets the counters). */
  syncs(): number;
}

export function rig(wb: ExcelJS.Workbook, options: SimulatorOptions): Rig {
  const sim = new ExcelSimulator(wb, options);
  const host = new ExcelHost(sim.run, sim.requirements);
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
