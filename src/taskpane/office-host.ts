/** The pane's host inside Excel: the ExcelHost over the real Office.js (the only place the pane meets Office). */
import { ExcelHost } from '../hosts/excel';
import type { WorkbookHost } from '../ports/workbook-host';

export function createOfficeHost(): WorkbookHost {
  return ExcelHost.forOffice();
}
