/**
 * Whether a workbook is a department's return copy: it has the identity sheet (any letter case, as Excel
 * finds sheets) AND that sheet holds a return identity. A clerk's own sheet that merely has the name is not
 * one. One more read, only when a sheet of that name exists.
 */
import { identityFromGrid, RETURN_IDENTITY_SHEET, type ReturnIdentity } from '../domain/returns';
import type { WorkbookHost, WorkbookSnapshot } from '../ports/workbook-host';

export async function readReturnIdentity(host: WorkbookHost, snapshot: Pick<WorkbookSnapshot, 'sheets'>): Promise<ReturnIdentity | null> {
  const key = RETURN_IDENTITY_SHEET.toLowerCase();
  const sheet = snapshot.sheets.find((s) => s.name.toLowerCase() === key);
  if (!sheet) return null;
  return identityFromGrid((await host.read({ sheet: sheet.name })).grid);
}
