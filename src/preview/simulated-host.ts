/** The preview's hosts: the real ExcelHost or WpsHost, running against a simulator instead of Office.js or WPS. */
import { ExcelHost } from '../hosts/excel';
import { WpsHost } from '../hosts/wps';
import type { EtSimulator } from '../simulator/et-simulator';
import type { ExcelSimulator } from '../simulator';
import type { WorkbookHost } from '../ports/workbook-host';

export function createSimulatedHost(simulator: ExcelSimulator): WorkbookHost {
  return new ExcelHost(simulator.run, simulator.requirements);
}

/** WPS mode (?host=wps): the WpsHost over the ET imitation of the same workbook. */
export function createSimulatedWpsHost(simulator: EtSimulator): WorkbookHost {
  return new WpsHost(simulator.Application);
}
