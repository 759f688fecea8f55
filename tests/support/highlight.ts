/** Helpers for the highlight/clear tests: a workbook's colours, and a call-counting host. */
import type ExcelJS from 'exceljs';
import type { CellRange, CellStyle } from '../../src/domain/types';
import type { XlsxHost } from '../../src/hosts/xlsx';
import type { ReadRequest, WorkbookChange, WorkbookHost, WorkbookSnapshot } from '../../src/ports/workbook-host';

/** The used area of a sheet, 0-based. */
export function usedRange(wb: ExcelJS.Workbook, sheet: string): CellRange {
  const ws = wb.getWorksheet(sheet)!;
  return { top: 0, left: 0, bottom: Math.max(ws.rowCount, 1) - 1, right: Math.max(ws.columnCount, 1) - 1 };
}

/** Every cell's colour token on a sheet, by A1-style key. */
export async function styleTokens(host: XlsxHost, sheet: string): Promise<Map<string, string>> {
  const styles = await host.readStyles(sheet, [usedRange(host.workbook, sheet)]);
  return new Map(styles.map((s) => [`${s.row}:${s.col}`, s.token]));
}

export interface Calls {
  read: number;
  readStyles: number;
  apply: number;
  changes: WorkbookChange[][];
}

/** Wraps a host and counts its round trips (each port call is one). */
export function countingHost(inner: WorkbookHost): { host: WorkbookHost; calls: Calls } {
  const calls: Calls = { read: 0, readStyles: 0, apply: 0, changes: [] };
  const host: WorkbookHost = {
    capabilities: inner.capabilities,
    read(request?: ReadRequest): Promise<WorkbookSnapshot> {
      calls.read += 1;
      return inner.read(request);
    },
    readStyles(sheet: string, ranges: CellRange[]): Promise<CellStyle[]> {
      calls.readStyles += 1;
      return inner.readStyles(sheet, ranges);
    },
    apply(changes: WorkbookChange[]): Promise<void> {
      calls.apply += 1;
      calls.changes.push(changes);
      return inner.apply(changes);
    },
    select(sheet: string, address: string): Promise<void> {
      return inner.select(sheet, address);
    },
  };
  return { host, calls };
}
