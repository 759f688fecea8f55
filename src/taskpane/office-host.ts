/** The pane's host inside Excel: the ExcelHost over the real Office.js (the only place the pane meets Office). */
import { ExcelHost, openWorkbookInExcel } from '../hosts/excel';
import type { WorkbookHost } from '../ports/workbook-host';
import { apiMinorOf, deliveryModeFor, type FileDelivery } from './file-delivery';

export function createOfficeHost(): WorkbookHost {
  return ExcelHost.forOffice();
}

/** How 下发 copies reach the clerk on this Office: decided once from the platform and the host's true API level. */
export function createOfficeDelivery(host: WorkbookHost): FileDelivery {
  // office.js reports the platform as a string ("PC", "Mac", …); older hosts may not report it at all.
  const context = Office.context as unknown as { diagnostics?: { platform?: string }; platform?: string };
  const platform = context.diagnostics?.platform ?? context.platform ?? null;
  return {
    mode: deliveryModeFor(platform, apiMinorOf(host.capabilities.apiVersion)),
    openInExcel: (file) => openWorkbookInExcel(file.bytes),
  };
}
