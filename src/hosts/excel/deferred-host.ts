/**
 * The ExcelHost inside Excel with its code loaded on the first call, in a chunk of its own: drawing the pane
 * needs only the host's capabilities, which the requirement level gives at once, and the first read runs
 * alongside the workflows' own loading.
 */
import type { WorkbookHost } from '../../ports/workbook-host';
import { excelCapabilities, probeExcelApiMinor } from './api-level';

export function deferredOfficeHost(): WorkbookHost {
  let loading: Promise<WorkbookHost> | null = null;
  const host = (): Promise<WorkbookHost> => {
    loading ??= import(/* webpackChunkName: "excel-host" */ './excel-host').then(
      (m) => m.ExcelHost.forOffice(),
      (error: unknown) => {
        // A chunk that failed to arrive (network) is asked for again on the next call.
        loading = null;
        throw error;
      },
    );
    return loading;
  };
  return {
    capabilities: excelCapabilities(probeExcelApiMinor(Office.context.requirements)),
    read: (request) => host().then((h) => h.read(request)),
    readStyles: (sheet, ranges) => host().then((h) => h.readStyles(sheet, ranges)),
    apply: (changes) => host().then((h) => h.apply(changes)),
    select: (sheet, address) => host().then((h) => h.select(sheet, address)),
    watchActiveSheet: (listener) => host().then((h) => h.watchActiveSheet?.(listener) ?? null),
  };
}
