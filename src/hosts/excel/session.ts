/**
 * What the host knows of the workbook between calls — the sheet names last seen and where the product's state
 * lives — and the requirement level every call plans by. Sheets are asked for by what is known, so a read or
 * an apply costs no round trip to learn the sheet list after the first.
 */
import { holdsProductState, placeStateSheet, STATE_SHEET_NAME, stateSheetCandidates, type StateSheetPlace } from '../../domain/workbook-state';
import type { SheetInfo } from '../../ports/workbook-host';
import type { RoundTripLimits } from './limits';

export type ExcelBatchRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
export type Ctx = Excel.RequestContext;
export type Sheet = Excel.Worksheet;

export function visibilityOf(v: string): SheetInfo['visibility'] {
  return v === 'Hidden' ? 'hidden' : v === 'VeryHidden' ? 'veryHidden' : 'visible';
}

/** The state text in column A of a synced used range (null: no such sheet, or empty). */
function stateTextFrom(range: Excel.Range, nullable: boolean): string | null {
  if (nullable && range.isNullObject) return null;
  const joined = range.values.map((line) => (typeof line[0] === 'string' ? line[0] : '')).join('');
  return joined || null;
}

export class ExcelSession {
  /** Lower-cased sheet names as last seen (read or apply); null before the first call. */
  knownSheets: Set<string> | null = null;
  /** Where the product's state was found at the last read, and the name it is written under. */
  statePlace: StateSheetPlace | null = null;

  constructor(
    /** Runs a batch; the refusals a clerk can fix come back as UserFacingErrors saying how. */
    readonly run: ExcelBatchRunner,
    /** The ExcelApi 1.x level (probeExcelApiMinor). */
    readonly minor: number,
    readonly limits: RoundTripLimits,
  ) {}

  supports(minor: number): boolean {
    return this.minor >= minor;
  }

  /**
   * The sheet names; with `locateState`, also where the product's state is, its sheet asked for in the same
   * sync (ExcelApi ≥ 1.4) as a read asks for it.
   */
  async listSheets(locateState = false): Promise<void> {
    await this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load(locateState ? 'items/name,items/visibility' : 'items/name');
      const stateRange = locateState && this.supports(4) ? this.usedRange(ctx.workbook.worksheets.getItemOrNullObject(STATE_SHEET_NAME)).load('values') : null;
      await ctx.sync();
      this.knownSheets = new Set(sheets.items.map((s) => s.name.toLowerCase()));
      if (!locateState) return;
      const state = this.queueStatePlace(ctx, sheets.items.map((s) => ({ name: s.name, visibility: visibilityOf(s.visibility) })), stateRange);
      if (state.queued) await ctx.sync();
      this.statePlace = state.place();
    });
  }

  /**
   * Where the product's state is (placeStateSheet), given the sheet list and column A of _allocation_state
   * where a sync brought it. Column A of the other sheets under a state name is queued for the next sync —
   * only when that sheet is missing from it (ExcelApi < 1.4 asks for known sheets only) or is a clerk's own
   * (the product's state then lives under _allocation_state_2 …); `place` answers after that sync.
   */
  queueStatePlace(ctx: Ctx, sheets: SheetInfo[], stateRange: Excel.Range | null): { queued: boolean; place: () => StateSheetPlace } {
    const candidates = stateSheetCandidates(sheets);
    const texts = new Map<string, string | null>();
    const first = candidates[0];
    if (stateRange && first?.name.toLowerCase() === STATE_SHEET_NAME.toLowerCase()) texts.set(first.name, stateTextFrom(stateRange, this.supports(4)));
    const firstIsProducts = first !== undefined && texts.has(first.name) && holdsProductState(first, texts.get(first.name)!);
    const late = firstIsProducts
      ? []
      : candidates.filter((c) => !texts.has(c.name)).map((c) => ({ name: c.name, range: this.usedRange(ctx.workbook.worksheets.getItem(c.name)).load('values') }));
    return {
      queued: late.length > 0,
      place: () => {
        for (const l of late) texts.set(l.name, stateTextFrom(l.range, this.supports(4)));
        return placeStateSheet(sheets, (name) => texts.get(name) ?? null);
      },
    };
  }

  /**
   * A sheet to ask for in this batch, or null when it is known not to exist. The sheet list remembered from
   * the last call decides; without one, ExcelApi ≥ 1.4 asks through getItemOrNullObject, older Excel asks
   * only when `optimistic` (a missing sheet then fails the batch, and the read lists the sheets and retries).
   */
  sheetToRead(ctx: Ctx, name: string, optimistic: boolean): { sheet: Sheet; nullable: boolean } | null {
    const known = this.knownSheets;
    if (known) return known.has(name.toLowerCase()) ? { sheet: ctx.workbook.worksheets.getItem(name), nullable: false } : null;
    if (this.supports(4)) return { sheet: ctx.workbook.worksheets.getItemOrNullObject(name), nullable: true };
    return optimistic ? { sheet: ctx.workbook.worksheets.getItem(name), nullable: false } : null;
  }

  usedRange(ws: Sheet): Excel.Range {
    if (this.supports(4)) return ws.getUsedRangeOrNullObject(true);
    return this.supports(2) ? ws.getUsedRange(true) : ws.getUsedRange();
  }
}
