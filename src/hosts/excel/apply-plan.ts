/**
 * `apply`: the port's changes checked against the sheet names as the earlier changes leave them, planned into
 * queued pieces, and run in as few syncs as the request limit allows. Nothing is sent when a change is refused.
 */
import { columnLetter, rangeAddress } from '../../domain/address';
import { cellsToRanges } from '../../domain/cell-ranges';
import { validateSpec } from '../../domain/sheet-spec-rules';
import type { CellRange, CellStyle } from '../../domain/types';
import { chunkStateText, placeStateSheet } from '../../domain/workbook-state';
import type { WorkbookChange } from '../../ports/workbook-host';
import { cellsOps } from './cell-writes';
import { charsToPoints } from './column-width';
import { applyToken, parseToken, type ColourToken } from './fill-reading';
import { headerFooterOp } from './header-footer';
import { ACTION_BYTES, slicesByBytes } from './limits';
import { addToGroup, runPlan, type PlannedOp } from './planned-ops';
import { codeOf, sheetExists, unknownSheet } from './refusals';
import type { ExcelSession } from './session';
import { deleteSheetOp, sheetOps } from './sheet-ops';

/** Excel refuses range address strings longer than 8192 characters (getRanges). */
const MAX_ADDRESS_CHARS = 8000;

export async function applyChanges(session: ExcelSession, requested: WorkbookChange[]): Promise<void> {
  if (!requested.length) return;
  // The state's place is found by reading (a clerk's sheet may hold its name): look for it if nothing was read.
  const locateState = !session.statePlace && requested.some((c) => c.kind === 'state');
  if (!session.knownSheets || locateState) await session.listSheets(locateState);
  const changes = sheetsFirst(requested);
  // Refused before any round trip, as every host refuses it.
  for (const c of changes) if (c.kind === 'sheet') validateSpec(c.spec);
  let plan: PlannedOp[];
  let after: Set<string>;
  ({ plan, after } = planChanges(session, changes));
  try {
    await runPlan(session, plan);
  } catch (e) {
    const code = codeOf(e);
    if (code !== 'ItemAlreadyExists' && code !== 'ItemNotFound') throw e;
    // The workbook changed since we last looked (the clerk added or removed a sheet): look again and redo.
    // Every change is idempotent given the true sheet list, so redoing the whole plan is safe.
    await session.listSheets();
    ({ plan, after } = planChanges(session, changes));
    await runPlan(session, plan);
  }
  session.knownSheets = after;
  const place = session.statePlace;
  if (place && place.sheet === null && changes.some((c) => c.kind === 'state')) session.statePlace = { ...place, sheet: place.writeName };
}

/**
 * Sheet creation and deletion first, when no other change touches those sheets: if the workbook changed
 * since it was last listed (a sheet of that name appeared), the batch then fails before any colour is
 * applied, instead of after — Excel cannot roll a batch back.
 */
function sheetsFirst(changes: WorkbookChange[]): WorkbookChange[] {
  const structural = changes.filter((c) => c.kind === 'sheet' || c.kind === 'deleteSheet');
  if (!structural.length) return changes;
  const touched = new Set(structural.flatMap((c) => (c.kind === 'sheet' ? [c.spec.name, c.replaces ?? ''] : c.kind === 'deleteSheet' ? [c.sheet] : [])).map((n) => n.toLowerCase()));
  const others = changes.filter((c) => c.kind !== 'sheet' && c.kind !== 'deleteSheet');
  if (others.some((c) => 'sheet' in c && typeof c.sheet === 'string' && touched.has(c.sheet.toLowerCase()))) return changes;
  return [...structural, ...others];
}

/** Validates every change against the sheet names as the earlier changes leave them, then plans the calls. */
function planChanges(session: ExcelSession, changes: WorkbookChange[]): { plan: PlannedOp[]; after: Set<string> } {
  const names = new Set(session.knownSheets);
  const need = (sheet: string) => {
    if (!names.has(sheet.toLowerCase())) throw unknownSheet(sheet);
  };
  const plan: PlannedOp[] = [];
  for (const change of changes) {
    switch (change.kind) {
      case 'colour':
        need(change.sheet);
        plan.push(...formatOps(session, change.sheet, change.ranges, { fill: change.fill, font: change.font }));
        break;
      case 'restore': {
        need(change.sheet);
        const byToken = new Map<string, CellStyle[]>();
        for (const s of change.styles) addToGroup(byToken, s.token, s);
        for (const styles of byToken.values()) plan.push(...formatOps(session, change.sheet, cellsToRanges(styles), parseToken(styles[0])));
        break;
      }
      case 'state': {
        const place = session.statePlace ?? placeStateSheet([], () => null);
        const key = place.writeName.toLowerCase();
        const exists = place.sheet !== null && names.has(key);
        if (!exists && names.has(key)) throw sheetExists(place.writeName);
        names.add(key);
        plan.push(...stateOps(session, change.text, place.writeName, exists));
        break;
      }
      case 'sheet': {
        const replaced = change.replaces && names.has(change.replaces.toLowerCase()) ? change.replaces : null;
        if (replaced) names.delete(replaced.toLowerCase());
        if (names.has(change.spec.name.toLowerCase())) throw sheetExists(change.spec.name);
        names.add(change.spec.name.toLowerCase());
        if (replaced) plan.push(deleteSheetOp(replaced, session.supports(2)));
        plan.push(...sheetOps(change.spec, session));
        break;
      }
      case 'cells':
        need(change.sheet);
        plan.push(...cellsOps(change.sheet, change.writes, session.limits.requestBytes, session.supports(9)));
        break;
      case 'deleteSheet':
        if (names.delete(change.sheet.toLowerCase())) plan.push(deleteSheetOp(change.sheet, session.supports(2)));
        break;
      case 'columnWidths':
        need(change.sheet);
        // RangeFormat.columnWidth is ExcelApi 1.2; below it the columns keep Excel's default width.
        if (session.supports(2)) {
          for (const w of change.widths) {
            const address = `${columnLetter(w.col)}:${columnLetter(w.col)}`;
            plan.push({ bytes: ACTION_BYTES, queue: (_ctx, sheets) => void (sheets.get(change.sheet).getRange(address).format.columnWidth = charsToPoints(w.width)) });
          }
        }
        break;
      case 'headerFooter':
        need(change.sheet);
        // Below ExcelApi 1.9 Excel has no page layout API: the sheet keeps the header and footer it has.
        if (session.supports(9)) plan.push(headerFooterOp(change.sheet, change.value));
        break;
    }
  }
  return { plan, after: names };
}

/**
 * The same colours on many ranges: from ExcelApi 1.9 one RangeAreas per ~8000 characters of addresses
 * (one format operation for hundreds of runs); before that one range at a time.
 */
function formatOps(session: ExcelSession, sheet: string, ranges: CellRange[], token: ColourToken): PlannedOp[] {
  if (!session.supports(9)) {
    return ranges.map((r) => ({ bytes: ACTION_BYTES * 3, queue: (_ctx, sheets) => applyToken(sheets.get(sheet).getRange(rangeAddress(r)).format, token, false) }));
  }
  const ops: PlannedOp[] = [];
  let addresses: string[] = [];
  let length = 0;
  const flush = () => {
    if (!addresses.length) return;
    const list = addresses.join(',');
    ops.push({ bytes: ACTION_BYTES * 4 + list.length, queue: (_ctx, sheets) => applyToken(sheets.get(sheet).getRanges(list).format, token, true) });
    addresses = [];
    length = 0;
  };
  for (const r of ranges) {
    const address = rangeAddress(r);
    if (length + address.length + 1 > MAX_ADDRESS_CHARS) flush();
    addresses.push(address);
    length += address.length + 1;
  }
  flush();
  return ops;
}

/** The state as text in column A of its very hidden sheet, one chunk a row, several rows a request. */
function stateOps(session: ExcelSession, stateText: string, sheetName: string, exists: boolean): PlannedOp[] {
  const chunks = chunkStateText(stateText);
  const ops: PlannedOp[] = [];
  ops.push({
    bytes: ACTION_BYTES * 3,
    queue: (ctx, sheets) => {
      if (!exists) {
        const ws = ctx.workbook.worksheets.add(sheetName);
        // Hiding needs ExcelApi 1.2; on 1.1 the sheet stays visible (and says what it is in its name).
        if (session.supports(2)) ws.visibility = 'VeryHidden';
      }
      sheets.get(sheetName).getRange('A:A').clear('Contents');
    },
  });
  const sizes = chunks.map((c) => c.length * 3);
  for (const [first, last] of slicesByBytes(sizes, session.limits.requestBytes)) {
    const slice = chunks.slice(first, last + 1);
    ops.push({
      bytes: sizes.slice(first, last + 1).reduce((n, b) => n + b, 0) + ACTION_BYTES * 2,
      queue: (_ctx, sheets) => {
        const range = sheets.get(sheetName).getRange(`A${first + 1}:A${last + 1}`);
        range.numberFormat = slice.map(() => ['@']);
        range.values = slice.map((c) => [c]);
      },
    });
  }
  return ops;
}
