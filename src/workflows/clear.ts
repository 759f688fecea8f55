/**
 * 清除标色: put back the original colours of every cell the product coloured on a sheet and the header and footer
 * the sheet printed with before its legend, and forget the sheet's record — three round trips: read (the saved state), readStyles (the recorded cells, to spot cells
 * the clerk recoloured by hand: those keep the clerk's colour), apply (restore + the state without the record).
 */
import { UserFacingError } from '../domain/errors';
import { clearReadRanges, reconcileClear } from '../domain/highlight-plan';
import { lastGridRow } from '../domain/highlight-record';
import { restorePrinted, validPrintedRecord } from '../domain/highlight-print';
import { highlightOf, parseState, serialiseState, withEntry, type WorkbookState } from '../domain/workbook-state';
import type { WorkbookChange, WorkbookHost } from '../ports/workbook-host';
import { savedRecord } from './highlight';

export interface ClearOptions {
  sheet?: string;
}

export interface ClearResult {
  sheet: string;
  /** False when the sheet had never been highlighted (nothing was changed). */
  hadRecord: boolean;
  restoredCells: number;
  /** Cells left with the colour the clerk gave them by hand. */
  keptUserColour: number;
  /** The printed header and footer were put back to what the clerk had before the legend. */
  restoredHeaderFooter: boolean;
}

export async function runClear(host: WorkbookHost, options: ClearOptions = {}): Promise<ClearResult> {
  const { changes, result } = await plannedClear(host, options);
  if (changes.length) await host.apply(changes);
  return result;
}

/**
 * The changes a clear makes, worked out in a frame of its own: the grid, the unpacked record and the styles read
 * (hundreds of thousands of objects on a large sheet) are garbage by the time the changes are applied.
 */
async function plannedClear(host: WorkbookHost, options: ClearOptions): Promise<{ changes: WorkbookChange[]; result: ClearResult }> {
  const snapshot = await host.read({ sheet: options.sheet });
  if (!snapshot.grid) {
    const name = options.sheet ?? snapshot.activeSheet;
    throw new UserFacingError('sheet.not_found', {
      zh: `找不到工作表“${name}”。工作簿中的工作表：${snapshot.sheets.map((s) => s.name).join('、')}`,
      en: `No sheet named "${name}". Sheets in this workbook: ${snapshot.sheets.map((s) => s.name).join(', ')}`,
    });
  }
  const sheet = snapshot.grid.sheet;
  const { state } = parseState(snapshot.stateText);
  const record = savedRecord(highlightOf(state, sheet), snapshot.grid);
  if (!record) return { changes: [], result: { sheet, hadRecord: false, restoredCells: 0, keptUserColour: 0, restoredHeaderFooter: false } };

  const readRanges = clearReadRanges(record, lastGridRow(snapshot.grid));
  const current = readRanges.length ? await host.readStyles(sheet, readRanges) : [];
  const { restore, keptUserColour } = reconcileClear(record, current);

  const nextState: WorkbookState = { ...state, highlights: withEntry(state.highlights, sheet, undefined) };
  const changes: WorkbookChange[] = [];
  if (restore.length) changes.push({ kind: 'restore', sheet, styles: restore });
  const printed = snapshot.headerFooter ? restorePrinted(snapshot.headerFooter, validPrintedRecord(record.printed)) : null;
  if (printed) changes.push({ kind: 'headerFooter', sheet, value: printed });
  changes.push({ kind: 'state', text: serialiseState(nextState) });
  return { changes, result: { sheet, hadRecord: true, restoredCells: restore.length, keptUserColour, restoredHeaderFooter: printed !== null } };
}
