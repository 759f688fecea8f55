/** ExcelJS-backed workbook files for the pane (loaded by excel-files.ts once ExcelJS is present). */
import { writeSpecsToWorkbook } from '../hosts/xlsx/sheet-writer';
import { ExcelHost } from '../hosts/excel';
import { ExcelSimulator } from '../simulator/excel-simulator';
import type { ExcelFiles } from './excel-files';

export const excelFiles: ExcelFiles = {
  async workbookBytes(specs) {
    return new Uint8Array(await writeSpecsToWorkbook(specs).xlsx.writeBuffer());
  },
  async openWorkbook(bytes) {
    // The in-memory Excel (ExcelJS behind the Excel JavaScript API) read through the same ExcelHost as the
    // live workbook, so a returned file is read exactly as it would be inside Excel. No size limit: it is local.
    const simulator = await ExcelSimulator.fromBytes(bytes, { payloadLimitBytes: null });
    return new ExcelHost(simulator.run, simulator.requirements);
  },
};
