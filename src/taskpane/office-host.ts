/** The pane's host inside Excel: the ExcelHost over the real Office.js (the only place the pane meets Office). */
import { ExcelHost, officePlatform, openWorkbookInExcel } from '../hosts/excel';
import type { WorkbookHost } from '../ports/workbook-host';
import { apiMinorOf, deliveryModeFor, type FileDelivery } from './file-delivery';

export function createOfficeHost(): WorkbookHost {
  return ExcelHost.forOffice();
}

/** How 下发 copies reach the clerk on this Office: decided once from the platform and the host's true API level. */
export function createOfficeDelivery(host: WorkbookHost): FileDelivery {
  return {
    mode: deliveryModeFor(officePlatform(), apiMinorOf(host.capabilities.apiVersion)),
    openInExcel: (file) => openWorkbookInExcel(file.bytes),
  };
}
