/** The preview's host: the real ExcelHost, running against the simulator instead of Office.js. */
import { ExcelHost } from '../hosts/excel';
import type { ExcelSimulator } from '../simulator/excel-simulator';
import type { WorkbookHost } from '../ports/workbook-host';

export function createSimulatedHost(simulator: ExcelSimulator): WorkbookHost {
  return new ExcelHost(simulator.run, simulator.requirements);
}
