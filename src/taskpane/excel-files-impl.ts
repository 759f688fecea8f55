/**
 * Workbook files for the pane (loaded by excel-files.ts once ExcelJS is present): new copies are written with
 * ExcelJS from their sheet specs; a file the clerk picks (a returned copy, last year's ledger) is read by the
 * package host straight from its zip parts — the same reader the command line uses, so the pane and the CLI
 * read a file alike. The Excel simulator stays out of the production bundle.
 */
import { writeSpecsToWorkbook } from '../hosts/xlsx/sheet-writer';
import { PackageHost } from '../hosts/xlsx-package/package-host';
import type { SheetSpec } from '../domain/sheet-spec';
import type { WorkbookHost } from '../ports/workbook-host';

export interface ExcelFiles {
  /** The .xlsx bytes of a workbook made of these sheets. */
  workbookBytes(specs: SheetSpec[]): Promise<Uint8Array>;
  /** A host over a file the clerk picked (in memory; `name` is how messages call it). */
  openWorkbook(bytes: Uint8Array, name?: string): Promise<WorkbookHost>;
}

export const excelFiles: ExcelFiles = {
  async workbookBytes(specs) {
    return new Uint8Array(await writeSpecsToWorkbook(specs).xlsx.writeBuffer());
  },
  async openWorkbook(bytes, name) {
    return PackageHost.open(bytes, name);
  },
};
