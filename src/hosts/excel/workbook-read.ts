/**
 * `read`: the sheet list, the active sheet, one sheet's table, the saved state and probed cells, in as few syncs
 * as the sheet's size allows (the round trips are counted in excel-host.ts).
 */
import { columnLetter } from '../../domain/address';
import type { SheetGrid } from '../../domain/types';
import { STATE_SHEET_NAME } from '../../domain/workbook-state';
import type { ReadRequest, SheetInfo, WorkbookSnapshot } from '../../ports/workbook-host';
import { pointsToChars } from './column-width';
import { HEADER_FOOTER_SECTIONS, headerFooterFrom } from './header-footer';
import { isSingleCell, probeAnswers, queueProbe } from './probes';
import { FIRST_WINDOW_COLS, FIRST_WINDOW_ROWS, FIRST_WINDOW_ROWS_UNLIMITED } from './read-plan';
import { codeOf } from './refusals';
import { visibilityOf, type ExcelSession } from './session';
import { queueFirstMergeBands, queueFirstWindow, readTableGrid } from './table-reader';

export async function readWorkbook(session: ExcelSession, request: ReadRequest): Promise<WorkbookSnapshot> {
  let withMerges = session.supports(13);
  let firstWindow = true;
  for (let attempt = 0; ; attempt++) {
    try {
      return await readOnce(session, request, withMerges, firstWindow);
    } catch (e) {
      const code = codeOf(e);
      if (firstWindow && code === 'ResponsePayloadSizeLimitExceeded') {
        // The speculative first window was over the web's response limit (long CJK cells): ask again without
        // it, then read in windows planned from the used range's size.
        firstWindow = false;
      } else if (attempt === 0 && (code === 'ItemNotFound' || code === 'InvalidObjectPath')) {
        // A sheet asked for is not there (the remembered list was stale, or a guess on ExcelApi < 1.4):
        // list the sheets, then read asking only for those that exist.
        await session.listSheets();
      } else if (attempt < 2 && code === 'GeneralException' && withMerges) {
        // getMergedAreas refuses a band holding more than 512 merged areas: layout infers merges instead.
        withMerges = false;
      } else throw e;
    }
  }
}

/**
 * The first sync asks for everything at once — sheet list, active sheet, saved state, the used range's
 * extent and the values of its first FIRST_WINDOW_ROWS rows (with their merged areas, in bands small enough
 * for getMergedAreas) — so a sheet of that size is read in one round trip. Longer sheets continue in row
 * chunks sized from the bytes the first window took, each below the web's 5 MB response limit.
 */
async function readOnce(session: ExcelSession, request: ReadRequest, withMerges: boolean, firstWindow: boolean): Promise<WorkbookSnapshot> {
  const windowRows = session.limits.readWhole ? FIRST_WINDOW_ROWS_UNLIMITED : FIRST_WINDOW_ROWS;
  return session.run(async (ctx) => {
    const worksheets = ctx.workbook.worksheets.load('items/name,items/visibility');
    const active = worksheets.getActiveWorksheet().load('name');
    const wantedSheet = request.sheet ? session.sheetToRead(ctx, request.sheet, true) : { sheet: active, nullable: false };
    const target = wantedSheet?.sheet ?? null;
    const used = target ? session.usedRange(target).load(['address', 'rowCount', 'columnCount']) : null;
    const printed = target && session.supports(9) ? target.pageLayout.headersFooters.defaultForAllPages.load(HEADER_FOOTER_SECTIONS) : null;
    if (used && session.supports(2)) used.load('rowHidden');
    const window = target && used && firstWindow ? queueFirstWindow(target, used, windowRows, FIRST_WINDOW_COLS) : null;
    const mergeRows = firstWindow ? FIRST_WINDOW_ROWS : 0;
    const mergeBands = target && used && withMerges ? queueFirstMergeBands(target, mergeRows) : null;
    const stateSheet = session.sheetToRead(ctx, STATE_SHEET_NAME, false);
    const stateRange = stateSheet ? session.usedRange(stateSheet.sheet).load('values') : null;
    const probes = (request.probes ?? []).filter((p) => isSingleCell(p.address)).map((probe) => queueProbe(probe, session.sheetToRead(ctx, probe.sheet, false)));
    // The look, in the same sync: the widths of the first window's columns (RangeFormat.columnWidth, ExcelApi 1.2).
    const widths =
      target && request.look && session.supports(2) ? Array.from({ length: FIRST_WINDOW_COLS }, (_, c) => target.getRange(`${columnLetter(c)}1`).format.load('columnWidth')) : null;
    await ctx.sync();

    const sheets: SheetInfo[] = worksheets.items.map((s) => ({ name: s.name, visibility: visibilityOf(s.visibility) }));
    session.knownSheets = new Set(sheets.map((s) => s.name.toLowerCase()));
    const wanted = request.sheet?.toLowerCase();
    const sheetName = wanted ? (sheets.find((s) => s.name.toLowerCase() === wanted)?.name ?? request.sheet!) : active.name;

    let grid: SheetGrid | null = null;
    // Only *OrNullObject proxies (ExcelApi ≥ 1.4) can be null; a getItem proxy that synced exists.
    const targetExists = wantedSheet !== null && !(wantedSheet.nullable && wantedSheet.sheet.isNullObject);
    if (target && targetExists && used) {
      grid = await readTableGrid(ctx, target, sheetName, { used, window, mergeBands, mergeRows }, {
        minor: session.minor,
        responseBytes: session.limits.responseBytes,
        firstWindowRows: windowRows,
        firstWindowCols: FIRST_WINDOW_COLS,
        firstWindowRefused: !firstWindow,
      });
    }

    // One more round trip only when needed: ExcelApi < 1.4 asks only for sheets it knows exist, so the state
    // sheet and probed sheets not known before this call come now (a first read only); and when a clerk's own
    // sheet holds the name _allocation_state, the product's state is looked for under _allocation_state_2 ….
    const state = session.queueStatePlace(ctx, sheets, stateRange);
    const answered = probes.map((p) =>
      p.range || !session.knownSheets?.has(p.probe.sheet.toLowerCase()) ? p : queueProbe(p.probe, { sheet: ctx.workbook.worksheets.getItem(p.probe.sheet), nullable: false }),
    );
    if (state.queued || answered.some((p, i) => p !== probes[i])) await ctx.sync();
    session.statePlace = state.place();
    const { stateText, sheet: stateSheetName } = session.statePlace;
    const snapshot: WorkbookSnapshot = { sheets, activeSheet: active.name, grid, stateText, stateSheet: stateSheetName };
    if (grid && printed) snapshot.headerFooter = headerFooterFrom(printed);
    if (grid && widths) {
      const lastCol = grid.originCol + (grid.values[0]?.length ?? 0) - 1;
      snapshot.look = { columnWidths: widths.slice(0, lastCol + 1).map((f) => pointsToChars(f.columnWidth)) };
    }
    if (request.probes) snapshot.probes = probeAnswers(answered);
    return snapshot;
  });
}
