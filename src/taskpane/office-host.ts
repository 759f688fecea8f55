/** The pane's host inside Excel: the ExcelHost over the real Office.js (the only place the pane meets Office). */
import { deferredOfficeHost } from '../hosts/excel/deferred-host';
import { openWorkbookInExcel } from '../hosts/excel/open-workbook';
import { officePlatform } from '../hosts/excel/platform';
import type { WorkbookHost } from '../ports/workbook-host';
import { apiMinorOf, deliveryModeFor, type FileDelivery } from './file-delivery';

/** Its code arrives in a chunk of its own, loaded by the first read (see deferred-host.ts). */
export function createOfficeHost(): WorkbookHost {
  return deferredOfficeHost();
}

/** How 下发 copies reach the clerk on this Office: decided once from the platform and the host's true API level. */
export function createOfficeDelivery(host: WorkbookHost): FileDelivery {
  return {
    mode: deliveryModeFor(officePlatform(), apiMinorOf(host.capabilities.apiVersion)),
    openInExcel: (file) => openWorkbookInExcel(file.bytes),
  };
}
