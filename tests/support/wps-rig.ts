/** Shared set-up for the WpsHost tests: the ET imitation over a workbook, with a host bound to its Application. */
import type ExcelJS from 'exceljs';
import { WpsHost, type WpsHostOptions, type WpsProgress } from '../../src/hosts/wps';
import { EtSimulator } from '../../src/simulator';

export interface WpsRig {
  sim: EtSimulator;
  host: WpsHost;
  /** How often the host let the page breathe, and what it reported. */
  pauses: number;
  progress: WpsProgress[];
}

export function wpsRig(wb: ExcelJS.Workbook, options: WpsHostOptions = {}): WpsRig {
  const sim = new EtSimulator(wb);
  const rig: WpsRig = { sim, host: undefined as unknown as WpsHost, pauses: 0, progress: [] };
  rig.host = new WpsHost(sim.Application, {
    ...options,
    pause: async () => {
      rig.pauses++;
    },
    onProgress: (p) => rig.progress.push(p),
  });
  return rig;
}
