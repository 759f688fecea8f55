/**
 * The WorkbookHost port over the Excel JavaScript API — the only module in the product that speaks Excel.*.
 *
 * Round trips (context.sync calls) per port method:
 *  - read: 1 for a used range of up to FIRST_WINDOW_ROWS rows × FIRST_WINDOW_COLS columns (20 000 rows where
 *    there is no payload limit, desktop). Longer sheets add one per ~4 MB of values (web) or 500 000 cells, and
 *    merged areas past row 2 000 come with them (ExcelApi ≥ 1.13). A first window over the web's 5 MB response
 *    limit costs one more (the first sync again without it). A used range wider than the first window or over
 *    500 000 cells costs one probe for the table's own extent (content far from it is left out and reported).
 *    Sheets are asked for only when the sheet list remembered from the previous call says they exist, so
 *    below ExcelApi 1.4 (no *OrNullObject) the first read of a session that finds the state sheet costs
 *    one more; a stale list (a sheet removed meanwhile) costs two more (list, read again).
 *    A band of 60 rows with more than 512 merged areas makes getMergedAreas fail: one more, merges then
 *    inferred (mergesKnown false).
 *  - state on ExcelApi 1.1: hiding a sheet needs 1.2, so there the state sheet stays visible.
 *  - readStyles: 1 up to 30 000 cells (≥ 1.9, getCellProperties) or 8 000 cells (< 1.9, a colour load per
 *    cell). Larger areas: 1 for range-level colours, which settles every range of one colour; mixed ranges
 *    then cost one more per 30 000 cells (≥ 1.9), or two (< 1.9: per row, then per cell of mixed rows).
 *  - apply: 1, plus one more per ~4.5 MB of request on the web; +1 when called before any read (to learn
 *    sheet names), +1 more when that apply writes the state and the sheets under a state name are not read in
 *    it (ExcelApi < 1.4, or a clerk's own sheet holds the name: its content says whose). Colours go one RangeAreas per colour from ExcelApi 1.9, one range per run before.
 *  - select: 1.
 * Everything newer than ExcelApi 1.1 is feature-detected through the injected requirements.
 */
import { officePlatform } from './platform';
import { cellKey, cellsToRanges, forEachCell, rangeCellCount } from '../../domain/cell-ranges';
import { cellAddress, columnLetter, parseAddress, rangeAddress } from '../../domain/address';
import { isoToSerial, isValidIsoDate } from '../../domain/dates';
import { UserFacingError } from '../../domain/errors';
import { text } from '../../domain/i18n';
import type { PageHeaderFooter, SheetSpec, SpecStyle, SpecValue } from '../../domain/sheet-spec';
import type { CellRange, CellStyle, CellValue, SheetGrid } from '../../domain/types';
import { chunkStateText, holdsProductState, placeStateSheet, STATE_SHEET_NAME, stateSheetCandidates, type StateSheetPlace } from '../../domain/workbook-state';
import { probeKey } from '../../ports/workbook-host';
import type {
  CellProbe,
  CellWrite,
  HostCapabilities,
  ReadRequest,
  SheetInfo,
  WorkbookChange,
  WorkbookHost,
  WorkbookSnapshot,
} from '../../ports/workbook-host';
import { cellValueFromOffice } from './cell-values';
import { jsonBytes, WEB_PAYLOAD_LIMIT_BYTES } from './payload';
import { applyToken, cellStyle, FILL_PROPERTIES_1_9, parseToken, type ColourToken } from './fill-reading';
import { FIRST_WINDOW_COLS, FIRST_WINDOW_ROWS, FIRST_WINDOW_ROWS_UNLIMITED } from './read-plan';
import { queueFirstMergeBands, queueFirstWindow, readTableGrid } from './table-reader';
import { validateSpec } from '../../domain/sheet-spec-rules';
import { charsToPoints, pointsToChars } from './column-width';

export { FIRST_WINDOW_ROWS };
export { parseAreaList } from './table-reader';

export type ExcelBatchRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface RequirementChecker {
  isSetSupported(name: string, version?: string): boolean;
}

const NEWEST_MINOR = 20;
/** Rough size of one queued action (object path + action) in a request. */
const ACTION_BYTES = 150;
/** getCellProperties answers ~135 bytes a cell for fill (colour, pattern, pattern colour, tint) + font colour. */
const CELL_PROPERTIES_BYTES = 140;
/** A range-level colour probe: a range, its fill and font, two loads. */
const PROBE_BYTES = 450;
/** Excel refuses range address strings longer than 8192 characters (getRanges). */
const MAX_ADDRESS_CHARS = 8000;
/** Outside the web Excel sets no payload limit; batches still stay bounded so memory and pauses do too. */
const UNLIMITED_BUDGET_BYTES = 32 * 1024 * 1024;
const DEFAULT_DATE_FORMAT = 'yyyy-mm-dd';

export interface ExcelHostOptions {
  /**
   * The host's request/response limit: Excel on the web refuses payloads over 5 MB (the default); null
   * where there is none (desktop). Requests are cut at 90 % of it, responses planned at 80 %.
   */
  payloadLimitBytes?: number | null;
}

/** What one round trip may carry, derived from the payload limit: bytes each way, and what fits in them. */
interface RoundTripLimits {
  /** No payload limit: the used range is read whole in the first sync instead of a first window. */
  readWhole: boolean;
  requestBytes: number;
  responseBytes: number;
  /** Cells whose `getCellProperties` answer fits in one response. */
  cellPropertiesCells: number;
  /** Style probes (one per range) that fit in one request. */
  styleProbes: number;
}

function roundTripLimits(limit: number | null): RoundTripLimits {
  const requestBytes = limit === null ? UNLIMITED_BUDGET_BYTES : Math.floor(limit * 0.9);
  const responseBytes = limit === null ? UNLIMITED_BUDGET_BYTES : Math.floor(limit * 0.8);
  return {
    readWhole: limit === null,
    requestBytes,
    responseBytes,
    cellPropertiesCells: Math.floor(responseBytes / CELL_PROPERTIES_BYTES),
    styleProbes: Math.floor(requestBytes / PROBE_BYTES),
  };
}

type Ctx = Excel.RequestContext;
type Sheet = Excel.Worksheet;

const HEADER_FOOTER_SECTIONS = ['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter'];

function headerFooterFrom(page: Excel.HeaderFooter): PageHeaderFooter {
  return {
    header: { left: page.leftHeader ?? '', center: page.centerHeader ?? '', right: page.rightHeader ?? '' },
    footer: { left: page.leftFooter ?? '', center: page.centerFooter ?? '', right: page.rightFooter ?? '' },
  };
}

/** Sets all six sections of the header and footer for all pages ('' clears a section). */
function headerFooterOp(sheet: string, value: PageHeaderFooter): PlannedOp {
  return {
    bytes: ACTION_BYTES * 6 + jsonBytes(value),
    queue: (_ctx, sheets) => {
      const page = sheets.get(sheet).pageLayout.headersFooters.defaultForAllPages;
      page.leftHeader = value.header.left;
      page.centerHeader = value.header.center;
      page.rightHeader = value.header.right;
      page.leftFooter = value.footer.left;
      page.centerFooter = value.footer.center;
      page.rightFooter = value.footer.right;
    },
  };
}

function codeOf(e: unknown): string | null {
  return e && typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : null;
}

function visibilityOf(v: string): SheetInfo['visibility'] {
  return v === 'Hidden' ? 'hidden' : v === 'VeryHidden' ? 'veryHidden' : 'visible';
}


/** One queued piece of an apply, with its request size, so big applies can be cut into syncs. */
interface PlannedOp {
  bytes: number;
  queue: (ctx: Ctx, sheets: SheetCache) => void;
  /** Writes cell values that formulas elsewhere may depend on. */
  writesValues?: boolean;
}

class SheetCache {
  private readonly byName = new Map<string, Sheet>();
  constructor(private readonly ctx: Ctx) {}
  get(name: string): Sheet {
    const key = name.toLowerCase();
    let ws = this.byName.get(key);
    if (!ws) {
      ws = this.ctx.workbook.worksheets.getItem(name);
      this.byName.set(key, ws);
    }
    return ws;
  }
  forget(name: string): void {
    this.byName.delete(name.toLowerCase());
  }
}

/** Excel's refusals that the clerk can resolve, in words; anything else passes through unchanged. */
function explainRefusal(e: unknown): unknown {
  switch (codeOf(e)) {
    case 'AccessDenied':
      return new UserFacingError(
        'excel.access_denied',
        text(
          '工作表受保护或工作簿为只读，无法修改。请先撤销工作表保护（审阅 → 撤销工作表保护），或另存一份后再试。',
          'The sheet is protected or the workbook is read-only, so it cannot be changed. Unprotect the sheet (Review → Unprotect Sheet) or save a copy, then try again.',
        ),
      );
    case 'InvalidOperationInCellEditMode':
      return new UserFacingError(
        'excel.cell_edit_mode',
        text('Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后再试。', 'Excel is editing a cell. Press Enter or Esc to finish editing, then try again.'),
      );
    default:
      return e;
  }
}

function sheetExists(spec: string): UserFacingError {
  return new UserFacingError('excel.sheet_exists', text(`已有名为“${spec}”的工作表，未覆盖`, `A sheet named "${spec}" already exists and was not overwritten`));
}

function unknownSheet(name: string): UserFacingError {
  return new UserFacingError('excel.unknown_sheet', text(`工作簿中没有名为“${name}”的工作表`, `The workbook has no sheet named "${name}"`));
}

interface QueuedProbe {
  probe: CellProbe;
  target: { sheet: Sheet; nullable: boolean } | null;
  range: Excel.Range | null;
}

/** Queues the load of one probed cell on `target` (null: its sheet is not to be asked for in this batch). */
function queueProbe(probe: CellProbe, target: { sheet: Sheet; nullable: boolean } | null): QueuedProbe {
  return { probe, target, range: target ? target.sheet.getRange(probe.address).load(['values', 'numberFormat']) : null };
}

function isSingleCell(address: string): boolean {
  const r = parseAddress(address);
  return r !== null && r.top === r.bottom && r.left === r.right;
}

/**
 * The highest ExcelApi 1.x the host really has, asked upwards and stopping at the first "no" (sets are
 * cumulative). office.js's excel-win32-16.00.js (Office 2016 MSI) answers `setMaxVersion >= minVersion` with the
 * level a number, so "1.10" reads as 1.1 and "1.20" as 1.2; excel-win32-16.01.js compares major and minor as
 * integers. Such a host says yes to "1.1000" (= 1.1), which no integer comparison can; there the level is known
 * only as a decimal: 1.2–1.9 are what they say (1.20 cannot be told from 1.2, so 1.2 it is), and at 1.1 the
 * hundredths 1.11–1.19 tell 1.11–1.19 from 1.1 (1.10 cannot be told from 1.1).
 */
export function probeExcelApiMinor(requirements: RequirementChecker): number {
  const says = (minor: number) => requirements.isSetSupported('ExcelApi', `1.${minor}`);
  const upwards = (from: number, to: number, known: number) => {
    let level = known;
    for (let m = from; m <= to && says(m); m++) level = m;
    return level;
  };
  if (!requirements.isSetSupported('ExcelApi', '1.1000')) return upwards(1, NEWEST_MINOR, 1);
  const tenths = upwards(2, 9, 1);
  return tenths > 1 ? tenths : upwards(11, Math.min(19, NEWEST_MINOR), 1);
}

/** The synced probes on sheets that exist (a null-object sheet, from ExcelApi ≥ 1.4, answers nothing). */
function probeAnswers(probes: QueuedProbe[]): Record<string, CellValue> {
  const answers: Record<string, CellValue> = {};
  for (const { probe, target, range } of probes) {
    if (!range || !target || (target.nullable && target.sheet.isNullObject)) continue;
    answers[probeKey(probe)] = cellValueFromOffice(range.values[0]?.[0], range.numberFormat[0]?.[0]);
  }
  return answers;
}

export class ExcelHost implements WorkbookHost {
  readonly capabilities: HostCapabilities;
  private readonly minor: number;
  /** Lower-cased sheet names as last seen (read or apply); null before the first call. */
  private knownSheets: Set<string> | null = null;
  /** Where the product's state was found at the last read, and the name it is written under. */
  private statePlace: StateSheetPlace | null = null;

  private readonly limits: RoundTripLimits;
  /** Runs a batch; the refusals a clerk can fix come back as UserFacingErrors saying how. */
  private readonly run: ExcelBatchRunner;

  constructor(runBatch: ExcelBatchRunner, requirements: RequirementChecker, options: ExcelHostOptions = {}) {
    this.run = async (batch) => {
      try {
        return await runBatch(batch);
      } catch (e) {
        throw explainRefusal(e);
      }
    };
    this.limits = roundTripLimits(options.payloadLimitBytes === undefined ? WEB_PAYLOAD_LIMIT_BYTES : options.payloadLimitBytes);
    const minor = probeExcelApiMinor(requirements);
    this.minor = minor;
    this.capabilities = { host: 'excel', apiVersion: `1.${minor}`, readsMerges: minor >= 13, charts: true, headerFooter: minor >= 9 };
  }

  /** Inside Excel: the real Excel.run and requirement checks. */
  static forOffice(): ExcelHost {
    const onWeb = officePlatform() === 'OfficeOnline';
    return new ExcelHost((batch) => Excel.run(batch), Office.context.requirements, { payloadLimitBytes: onWeb ? WEB_PAYLOAD_LIMIT_BYTES : null });
  }

  private supports(minor: number): boolean {
    return this.minor >= minor;
  }

  // ---------------------------------------------------------------- read

  async read(request: ReadRequest = {}): Promise<WorkbookSnapshot> {
    let withMerges = this.supports(13);
    let firstWindow = true;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.readOnce(request, withMerges, firstWindow);
      } catch (e) {
        const code = codeOf(e);
        if (firstWindow && code === 'ResponsePayloadSizeLimitExceeded') {
          // The speculative first window was over the web's response limit (long CJK cells): ask again without
          // it, then read in windows planned from the used range's size.
          firstWindow = false;
        } else if (attempt === 0 && (code === 'ItemNotFound' || code === 'InvalidObjectPath')) {
          // A sheet asked for is not there (the remembered list was stale, or a guess on ExcelApi < 1.4):
          // list the sheets, then read asking only for those that exist.
          await this.listSheets();
        } else if (attempt < 2 && code === 'GeneralException' && withMerges) {
          // getMergedAreas refuses a band holding more than 512 merged areas: layout infers merges instead.
          withMerges = false;
        } else throw e;
      }
    }
  }

  /**
   * The sheet names; with `locateState`, also where the product's state is, its sheet asked for in the same
   * sync (ExcelApi ≥ 1.4) as a read asks for it.
   */
  private async listSheets(locateState = false): Promise<void> {
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
  private queueStatePlace(ctx: Ctx, sheets: SheetInfo[], stateRange: Excel.Range | null): { queued: boolean; place: () => StateSheetPlace } {
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
  private sheetToRead(ctx: Ctx, name: string, optimistic: boolean): { sheet: Sheet; nullable: boolean } | null {
    const known = this.knownSheets;
    if (known) return known.has(name.toLowerCase()) ? { sheet: ctx.workbook.worksheets.getItem(name), nullable: false } : null;
    if (this.supports(4)) return { sheet: ctx.workbook.worksheets.getItemOrNullObject(name), nullable: true };
    return optimistic ? { sheet: ctx.workbook.worksheets.getItem(name), nullable: false } : null;
  }

  private usedRange(ws: Sheet): Excel.Range {
    if (this.supports(4)) return ws.getUsedRangeOrNullObject(true);
    return this.supports(2) ? ws.getUsedRange(true) : ws.getUsedRange();
  }

  /**
   * The first sync asks for everything at once — sheet list, active sheet, saved state, the used range's
   * extent and the values of its first FIRST_WINDOW_ROWS rows (with their merged areas, in bands small enough
   * for getMergedAreas) — so a sheet of that size is read in one round trip. Longer sheets continue in row
   * chunks sized from the bytes the first window took, each below the web's 5 MB response limit.
   */
  private async readOnce(request: ReadRequest, withMerges: boolean, firstWindow: boolean): Promise<WorkbookSnapshot> {
    const windowRows = this.limits.readWhole ? FIRST_WINDOW_ROWS_UNLIMITED : FIRST_WINDOW_ROWS;
    return this.run(async (ctx) => {
      const worksheets = ctx.workbook.worksheets.load('items/name,items/visibility');
      const active = worksheets.getActiveWorksheet().load('name');
      const wantedSheet = request.sheet ? this.sheetToRead(ctx, request.sheet, true) : { sheet: active, nullable: false };
      const target = wantedSheet?.sheet ?? null;
      const used = target ? this.usedRange(target).load(['address', 'rowCount', 'columnCount']) : null;
      // The printed header and footer (Excel.HeaderFooter, ExcelApi 1.9), which 标色 saves before printing its legend.
      const printed = target && this.supports(9) ? target.pageLayout.headersFooters.defaultForAllPages.load(HEADER_FOOTER_SECTIONS) : null;
      if (used && this.supports(2)) used.load('rowHidden');
      const window = target && used && firstWindow ? queueFirstWindow(target, used, windowRows, FIRST_WINDOW_COLS) : null;
      const mergeRows = firstWindow ? FIRST_WINDOW_ROWS : 0;
      const mergeBands = target && used && withMerges ? queueFirstMergeBands(target, mergeRows) : null;
      const stateSheet = this.sheetToRead(ctx, STATE_SHEET_NAME, false);
      const stateRange = stateSheet ? this.usedRange(stateSheet.sheet).load('values') : null;
      const probes = (request.probes ?? []).filter((p) => isSingleCell(p.address)).map((probe) => queueProbe(probe, this.sheetToRead(ctx, probe.sheet, false)));
      // The look, in the same sync: the widths of the first window's columns (RangeFormat.columnWidth, ExcelApi 1.2).
      const widths = target && request.look && this.supports(2) ? Array.from({ length: FIRST_WINDOW_COLS }, (_, c) => target.getRange(`${columnLetter(c)}1`).format.load('columnWidth')) : null;
      await ctx.sync();

      const sheets: SheetInfo[] = worksheets.items.map((s) => ({ name: s.name, visibility: visibilityOf(s.visibility) }));
      this.knownSheets = new Set(sheets.map((s) => s.name.toLowerCase()));
      const wanted = request.sheet?.toLowerCase();
      const sheetName = wanted ? (sheets.find((s) => s.name.toLowerCase() === wanted)?.name ?? request.sheet!) : active.name;

      let grid: SheetGrid | null = null;
      // Only *OrNullObject proxies (ExcelApi ≥ 1.4) can be null; a getItem proxy that synced exists.
      const targetExists = wantedSheet !== null && !(wantedSheet.nullable && wantedSheet.sheet.isNullObject);
      if (target && targetExists && used) {
        grid = await readTableGrid(ctx, target, sheetName, { used, window, mergeBands, mergeRows }, {
          minor: this.minor,
          responseBytes: this.limits.responseBytes,
          firstWindowRows: windowRows,
          firstWindowCols: FIRST_WINDOW_COLS,
          firstWindowRefused: !firstWindow,
        });
      }

      // One more round trip only when needed: ExcelApi < 1.4 asks only for sheets it knows exist, so the state
      // sheet and probed sheets not known before this call come now (a first read only); and when a clerk's own
      // sheet holds the name _allocation_state, the product's state is looked for under _allocation_state_2 ….
      const state = this.queueStatePlace(ctx, sheets, stateRange);
      const answered = probes.map((p) =>
        p.range || !this.knownSheets?.has(p.probe.sheet.toLowerCase()) ? p : queueProbe(p.probe, { sheet: ctx.workbook.worksheets.getItem(p.probe.sheet), nullable: false }),
      );
      if (state.queued || answered.some((p, i) => p !== probes[i])) await ctx.sync();
      this.statePlace = state.place();
      const { stateText, sheet: stateSheetName } = this.statePlace;
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

  // ---------------------------------------------------------------- readStyles

  async readStyles(sheet: string, ranges: CellRange[]): Promise<CellStyle[]> {
    if (!ranges.length) return [];
    const patternsKnown = this.supports(9);
    const { cellPropertiesCells, styleProbes } = this.limits;
    const cells = ranges.reduce((n, r) => n + rangeCellCount(r), 0);
    return this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      const found = new Map<number, CellStyle>();
      const inBatches = async (items: CellRange[], size: number, each: (batch: CellRange[]) => Promise<CellRange[] | void>) => {
        const rest: CellRange[] = [];
        for (let i = 0; i < items.length; i += size) rest.push(...((await each(items.slice(i, i + size))) ?? []));
        return rest;
      };
      if (patternsKnown && cells <= cellPropertiesCells) {
        await this.cellProperties(ctx, ws, ranges, found);
      } else if (!patternsKnown && cells <= styleProbes) {
        await this.probeUniform(ctx, ws, ranges.flatMap(singleCells), found, false);
      } else {
        // Large areas: first ask each block of stacked ranges for its one colour — a sheet not coloured yet
        // answers in this single round trip — then look closer only where a block is mixed.
        const mixed = await inBatches(coalesce(ranges), styleProbes, (batch) => this.probeUniform(ctx, ws, batch, found, patternsKnown));
        if (mixed.length && patternsKnown) {
          for (const batch of sliceByCells(mixed, cellPropertiesCells)) await this.cellProperties(ctx, ws, batch, found);
        } else if (mixed.length) {
          const rows = mixed.flatMap((r) => Array.from({ length: r.bottom - r.top + 1 }, (_, i) => ({ ...r, top: r.top + i, bottom: r.top + i })));
          const mixedRows = await inBatches(rows, styleProbes, (batch) => this.probeUniform(ctx, ws, batch, found, false));
          await inBatches(mixedRows.flatMap(singleCells), styleProbes, (batch) => this.probeUniform(ctx, ws, batch, found, false));
        }
      }
      const out: CellStyle[] = [];
      forEachCell(ranges, (row, col) => out.push(found.get(cellKey(row, col))!));
      return out;
    });
  }

  /** One sync: range-level colours; fills `found` for ranges of one colour and returns the mixed ones. */
  private async probeUniform(ctx: Ctx, ws: Sheet, ranges: CellRange[], found: Map<number, CellStyle>, patternsKnown: boolean): Promise<CellRange[]> {
    const probes = ranges.map((r) => {
      const range = ws.getRange(rangeAddress(r));
      const fill = range.format.fill.load(patternsKnown ? FILL_PROPERTIES_1_9 : ['color']);
      const font = range.format.font.load('color');
      return { r, fill, font };
    });
    await ctx.sync();
    const mixed: CellRange[] = [];
    for (const { r, fill, font } of probes) {
      const single = r.top === r.bottom && r.left === r.right;
      // A range's null pattern means "not uniform" — or, on some builds, no pattern reported at all (office-js
      // #4900): a single cell then answers through its tint; a larger range is looked at cell by cell.
      if (fill.color === null || font.color === null || (patternsKnown && fill.pattern === null && !single)) {
        if (single) throw new Error(`Excel reported no single colour for the cell ${cellAddress(r.top, r.left)}`);
        mixed.push(r);
        continue;
      }
      const observed = patternsKnown
        ? { fill: fill.color, font: font.color, pattern: fill.pattern, patternColor: fill.patternColor, tintAndShade: fill.tintAndShade }
        : { fill: fill.color, font: font.color };
      // One style for the whole range, copied to each cell (a block can span 100 000 rows).
      const style = cellStyle(r.top, r.left, observed, patternsKnown);
      forEachCell([r], (row, col) => found.set(cellKey(row, col), { ...style, row, col }));
    }
    return mixed;
  }

  /** One sync: every cell's colours through getCellProperties (ExcelApi 1.9). */
  private async cellProperties(ctx: Ctx, ws: Sheet, ranges: CellRange[], found: Map<number, CellStyle>): Promise<void> {
    const results = ranges.map((r) => ({
      r,
      props: ws.getRange(rangeAddress(r)).getCellProperties({ format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true }, font: { color: true } } }),
    }));
    await ctx.sync();
    for (const { r, props } of results) {
      props.value.forEach((line, i) =>
        line.forEach((p, j) => {
          const row = r.top + i;
          const col = r.left + j;
          const f = p.format;
          const fill = f?.fill;
          const observed = { fill: fill?.color ?? null, font: f?.font?.color ?? null, pattern: fill?.pattern ?? null, patternColor: fill?.patternColor ?? null, tintAndShade: fill?.tintAndShade ?? null };
          found.set(cellKey(row, col), cellStyle(row, col, observed, true));
        }),
      );
    }
  }

  // ---------------------------------------------------------------- apply

  async apply(requested: WorkbookChange[]): Promise<void> {
    if (!requested.length) return;
    // The state's place is found by reading (a clerk's sheet may hold its name): look for it if nothing was read.
    const locateState = !this.statePlace && requested.some((c) => c.kind === 'state');
    if (!this.knownSheets || locateState) await this.listSheets(locateState);
    const changes = sheetsFirst(requested);
    // Refused before any round trip, as every host refuses it.
    for (const c of changes) if (c.kind === 'sheet') validateSpec(c.spec);
    let plan: PlannedOp[];
    let after: Set<string>;
    ({ plan, after } = this.plan(changes));
    try {
      await this.runPlan(plan);
    } catch (e) {
      const code = codeOf(e);
      if (code !== 'ItemAlreadyExists' && code !== 'ItemNotFound') throw e;
      // The workbook changed since we last looked (the clerk added or removed a sheet): look again and redo.
      // Every change is idempotent given the true sheet list, so redoing the whole plan is safe.
      await this.listSheets();
      ({ plan, after } = this.plan(changes));
      await this.runPlan(plan);
    }
    this.knownSheets = after;
    const place = this.statePlace;
    if (place && place.sheet === null && changes.some((c) => c.kind === 'state')) this.statePlace = { ...place, sheet: place.writeName };
  }

  private async runPlan(plan: PlannedOp[]): Promise<void> {
    const batches: PlannedOp[][] = [[]];
    let size = 0;
    for (const op of plan) {
      if (size + op.bytes > this.limits.requestBytes && batches[batches.length - 1].length) {
        batches.push([]);
        size = 0;
      }
      batches[batches.length - 1].push(op);
      size += op.bytes;
    }
    for (const batch of batches) {
      await this.run(async (ctx) => {
        // Many ranges change at once: let Excel recalculate and repaint once, where it can be asked to.
        if (this.supports(6)) ctx.workbook.application.suspendApiCalculationUntilNextSync();
        if (this.supports(9)) ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
        const sheets = new SheetCache(ctx);
        for (const op of batch) op.queue(ctx, sheets);
        // Under suspendApiCalculationUntilNextSync re-calculating is the add-in's job (Excel.Application
        // reference), or formulas on the clerk's values stay stale; calculate itself is ExcelApi 1.1.
        if (this.supports(6) && batch.some((op) => op.writesValues)) ctx.workbook.application.calculate('Recalculate');
        await ctx.sync();
      });
    }
  }

  /** Validates every change against the sheet names as the earlier changes leave them, then plans the calls. */
  private plan(changes: WorkbookChange[]): { plan: PlannedOp[]; after: Set<string> } {
    const names = new Set(this.knownSheets);
    const need = (sheet: string) => {
      if (!names.has(sheet.toLowerCase())) throw unknownSheet(sheet);
    };
    const plan: PlannedOp[] = [];
    for (const change of changes) {
      switch (change.kind) {
        case 'colour':
          need(change.sheet);
          plan.push(...this.formatOps(change.sheet, change.ranges, { fill: change.fill, font: change.font }));
          break;
        case 'restore': {
          need(change.sheet);
          const byToken = new Map<string, CellStyle[]>();
          for (const s of change.styles) addToGroup(byToken, s.token, s);
          for (const styles of byToken.values()) {
            const token = parseToken(styles[0]);
            plan.push(...this.formatOps(change.sheet, cellsToRanges(styles), token));
          }
          break;
        }
        case 'state': {
          const place = this.statePlace ?? placeStateSheet([], () => null);
          const key = place.writeName.toLowerCase();
          const exists = place.sheet !== null && names.has(key);
          if (!exists && names.has(key)) throw sheetExists(place.writeName);
          names.add(key);
          plan.push(...this.stateOps(change.text, place.writeName, exists));
          break;
        }
        case 'sheet': {
          const replaced = change.replaces && names.has(change.replaces.toLowerCase()) ? change.replaces : null;
          if (replaced) names.delete(replaced.toLowerCase());
          if (names.has(change.spec.name.toLowerCase())) throw sheetExists(change.spec.name);
          names.add(change.spec.name.toLowerCase());
          if (replaced) plan.push(deleteSheetOp(replaced, this.supports(2)));
          plan.push(...this.sheetOps(change.spec));
          break;
        }
        case 'cells':
          need(change.sheet);
          plan.push(...cellsOps(change.sheet, change.writes, this.limits.requestBytes, this.supports(9)));
          break;
        case 'deleteSheet':
          if (names.delete(change.sheet.toLowerCase())) plan.push(deleteSheetOp(change.sheet, this.supports(2)));
          break;
        case 'columnWidths':
          need(change.sheet);
          // RangeFormat.columnWidth is ExcelApi 1.2; below it the columns keep Excel's default width.
          if (this.supports(2)) {
            for (const w of change.widths) {
              const address = `${columnLetter(w.col)}:${columnLetter(w.col)}`;
              plan.push({ bytes: ACTION_BYTES, queue: (_ctx, sheets) => void (sheets.get(change.sheet).getRange(address).format.columnWidth = charsToPoints(w.width)) });
            }
          }
          break;
        case 'headerFooter':
          need(change.sheet);
          // Below ExcelApi 1.9 Excel has no page layout API: the sheet keeps the header and footer it has.
          if (this.supports(9)) plan.push(headerFooterOp(change.sheet, change.value));
          break;
      }
    }
    return { plan, after: names };
  }

  /**
   * The same colours on many ranges: from ExcelApi 1.9 one RangeAreas per ~8000 characters of addresses
   * (one format operation for hundreds of runs); before that one range at a time.
   */
  private formatOps(sheet: string, ranges: CellRange[], token: ColourToken): PlannedOp[] {
    const patterns = this.supports(9);
    if (!patterns) return ranges.map((r) => ({ bytes: ACTION_BYTES * 3, queue: (_ctx, sheets) => applyToken(sheets.get(sheet).getRange(rangeAddress(r)).format, token, false) }));
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

  private stateOps(stateText: string, sheetName: string, exists: boolean): PlannedOp[] {
    const chunks = chunkStateText(stateText);
    const ops: PlannedOp[] = [];
    ops.push({
      bytes: ACTION_BYTES * 3,
      queue: (ctx, sheets) => {
        if (!exists) {
          const ws = ctx.workbook.worksheets.add(sheetName);
          // Hiding needs ExcelApi 1.2; on 1.1 the sheet stays visible (and says what it is in its name).
          if (this.supports(2)) ws.visibility = 'VeryHidden';
        }
        sheets.get(sheetName).getRange('A:A').clear('Contents');
      },
    });
    // One chunk a row; several rows a request until the budget is reached.
    const sizes = chunks.map((c) => c.length * 3);
    for (const [first, last] of slicesByBytes(sizes, this.limits.requestBytes)) {
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

  private sheetOps(spec: SheetSpec): PlannedOp[] {
    const ops: PlannedOp[] = [];
    const name = spec.name;
    const width = Math.max(1, ...spec.rows.map((r) => r.length), ...spec.columnWidths.map((_, i) => i + 1));
    const height = spec.rows.length;
    ops.push({ bytes: ACTION_BYTES, queue: (ctx) => void ctx.workbook.worksheets.add(name) });
    const block = { top: 0, left: 0, bottom: Math.max(0, height - 1), right: width - 1 };
    if (spec.font) {
      const font = spec.font;
      ops.push({
        bytes: ACTION_BYTES * 2,
        queue: (_ctx, sheets) => {
          const f = sheets.get(name).getRange(rangeAddress(block)).format.font;
          f.name = font.name;
          f.size = font.size;
        },
      });
    }
    // Values: one 2D write per row slice (a slice only when the block exceeds the request budget).
    const styleOf = (key?: string): SpecStyle => (key ? (spec.styles[key] ?? {}) : {});
    const valueRows = spec.rows.map((row) => Array.from({ length: width }, (_, c) => officeWrite(row[c]?.v ?? null, styleOf(row[c]?.s))));
    for (const [first, last] of slicesByBytes(valueRows.map((r) => jsonBytes(r)), this.limits.requestBytes)) {
      const slice = valueRows.slice(first, last + 1);
      ops.push({
        bytes: slice.reduce((n, r) => n + jsonBytes(r), 0) + ACTION_BYTES * 2,
        queue: (_ctx, sheets) => {
          const range = sheets.get(name).getRange(rangeAddress({ top: first, left: 0, bottom: last, right: width - 1 }));
          range.numberFormat = slice.map((line) => line.map((w) => w.format));
          range.values = slice.map((line) => line.map((w) => w.value));
        },
      });
    }
    // Styles: one format operation per rectangle of cells sharing a style.
    const cellsByStyle = new Map<string, { row: number; col: number }[]>();
    spec.rows.forEach((row, r) => row.forEach((cell, c) => cell?.s && addToGroup(cellsByStyle, cell.s, { row: r, col: c })));
    for (const [key, cells] of cellsByStyle) {
      const style = spec.styles[key];
      if (!style) continue;
      for (const r of cellsToRanges(cells)) ops.push({ bytes: ACTION_BYTES * 8, queue: (_ctx, sheets) => applySpecStyle(sheets.get(name).getRange(rangeAddress(r)), style) });
    }
    if (this.supports(2)) {
      for (const m of spec.merges) ops.push({ bytes: ACTION_BYTES, queue: (_ctx, sheets) => sheets.get(name).getRange(rangeAddress(m)).merge(false) });
      spec.columnWidths.forEach((w, c) => {
        if (w > 0) ops.push({ bytes: ACTION_BYTES, queue: (_ctx, sheets) => void (sheets.get(name).getRange(`${columnLetter(c)}:${columnLetter(c)}`).format.columnWidth = charsToPoints(w)) });
      });
      // Consecutive rows of one height are set together.
      const heights = Object.entries(spec.rowHeights ?? {}).map(([row, h]) => [Number(row), h] as const).sort((a, b) => a[0] - b[0]);
      for (let i = 0; i < heights.length; ) {
        let j = i;
        while (j + 1 < heights.length && heights[j + 1][0] === heights[j][0] + 1 && heights[j + 1][1] === heights[i][1]) j++;
        const [first, h] = heights[i];
        const last = heights[j][0];
        ops.push({ bytes: ACTION_BYTES, queue: (_ctx, sheets) => void (sheets.get(name).getRange(`${first + 1}:${last + 1}`).format.rowHeight = h) });
        i = j + 1;
      }
    }
    const freeze = spec.freeze;
    if (freeze && (freeze.rows || freeze.cols) && this.supports(7)) {
      ops.push({
        bytes: ACTION_BYTES,
        queue: (_ctx, sheets) => {
          const panes = sheets.get(name).freezePanes;
          if (freeze.rows && freeze.cols) panes.freezeAt(rangeAddress({ top: 0, left: 0, bottom: freeze.rows - 1, right: freeze.cols - 1 }));
          else if (freeze.rows) panes.freezeRows(freeze.rows);
          else panes.freezeColumns(freeze.cols);
        },
      });
    }
    if (spec.hiddenRows?.length && this.supports(2)) {
      const hidden = spec.hiddenRows;
      ops.push({
        bytes: ACTION_BYTES * hidden.length,
        queue: (_ctx, sheets) => {
          for (const r of hidden) sheets.get(name).getRange(`${r + 1}:${r + 1}`).rowHidden = true;
        },
      });
    }
    const print = spec.print;
    // Page layout, headers/footers and page breaks are all ExcelApi 1.9; below it the sheet prints with Excel's defaults.
    if (print && this.supports(9)) {
      const breaks = (print.rowBreaks ?? []).filter((r) => r > 0);
      ops.push({
        bytes: ACTION_BYTES * (12 + breaks.length),
        queue: (_ctx, sheets) => {
          const ws = sheets.get(name);
          const layout = ws.pageLayout;
          layout.orientation = print.landscape ? 'Landscape' : 'Portrait';
          if (print.paper === 'A4') layout.paperSize = 'A4';
          if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
          else if (print.scale !== undefined) layout.zoom = { scale: print.scale };
          if (print.centerHorizontally) layout.centerHorizontally = true;
          const m = print.margins;
          if (m) {
            // Office.js takes margins in points; the spec gives inches, as Excel's page setup shows them.
            layout.leftMargin = m.left * 72;
            layout.rightMargin = m.right * 72;
            layout.topMargin = m.top * 72;
            layout.bottomMargin = m.bottom * 72;
            layout.headerMargin = m.header * 72;
            layout.footerMargin = m.footer * 72;
          }
          if (print.repeatRows) layout.setPrintTitleRows(`$${print.repeatRows[0] + 1}:$${print.repeatRows[1] + 1}`);
          const page = layout.headersFooters.defaultForAllPages;
          if (print.header?.left) page.leftHeader = print.header.left;
          if (print.header?.center) page.centerHeader = print.header.center;
          if (print.header?.right) page.rightHeader = print.header.right;
          if (print.footer?.left) page.leftFooter = print.footer.left;
          if (print.footer?.center) page.centerFooter = print.footer.center;
          if (print.footer?.right) page.rightFooter = print.footer.right;
          // A horizontal page break goes before the top row of the range it is given.
          for (const r of breaks) ws.horizontalPageBreaks.add(`A${r + 1}`);
        },
      });
    }
    if (this.supports(6)) {
      for (const bar of spec.dataBars ?? []) {
        ops.push({
          bytes: ACTION_BYTES * 2,
          queue: (_ctx, sheets) => {
            const cf = sheets.get(name).getRange(rangeAddress(bar.range)).conditionalFormats.add('DataBar');
            cf.dataBar.positiveFormat.fillColor = bar.color;
          },
        });
      }
    }
    const chart = spec.chart;
    if (chart) {
      ops.push({
        bytes: ACTION_BYTES * (4 + (chart.seriesColors?.length ?? 0)),
        queue: (_ctx, sheets) => {
          const ws = sheets.get(name);
          const type = ({ barStacked: 'BarStacked', columnStacked: 'ColumnStacked', pie: 'Pie', barClustered: 'BarClustered' } as const)[chart.type];
          const made = ws.charts.add(type, ws.getRange(rangeAddress(chart.data)), 'Columns');
          made.title.text = chart.title;
          const a = chart.anchor;
          made.setPosition(cellAddress(a.row, a.col), cellAddress(a.row + a.rows - 1, a.col + a.cols - 1));
          (chart.seriesColors ?? []).forEach((colour, i) => made.series.getItemAt(i).format.fill.setSolidColor(colour));
        },
      });
    }
    if (this.supports(8)) {
      for (const d of spec.dropdowns ?? []) {
        ops.push({
          bytes: ACTION_BYTES + jsonBytes(d.options),
          queue: (_ctx, sheets) => {
            sheets.get(name).getRange(rangeAddress(d.range)).dataValidation.rule = { list: { inCellDropDown: true, source: d.options.join(',') } };
          },
        });
      }
    }
    const protection = spec.protection;
    if (protection && this.supports(2)) {
      ops.push({
        bytes: ACTION_BYTES * (1 + protection.unlocked.length),
        queue: (_ctx, sheets) => {
          const ws = sheets.get(name);
          for (const r of protection.unlocked) ws.getRange(rangeAddress(r)).format.protection.locked = false;
          ws.protection.protect();
        },
      });
    }
    if (spec.hidden && spec.hidden !== 'visible' && this.supports(2)) {
      const hidden = spec.hidden;
      ops.push({ bytes: ACTION_BYTES, queue: (_ctx, sheets) => void (sheets.get(name).visibility = hidden === 'hidden' ? 'Hidden' : 'VeryHidden') });
    }
    return ops;
  }

  // ---------------------------------------------------------------- select

  /**
   * `worksheets.onActivated` from ExcelApi 1.7 (null below): the handler reads the active sheet's name in a batch
   * of its own, as Excel calls it outside any batch.
   */
  async watchActiveSheet(listener: (sheet: string) => void): Promise<(() => Promise<void>) | null> {
    if (!this.supports(7)) return null;
    const onActivated = async () => {
      try {
        const name = await this.run(async (ctx) => {
          const active = ctx.workbook.worksheets.getActiveWorksheet().load('name');
          await ctx.sync();
          return active.name;
        });
        listener(name);
      } catch {
        // Excel busy (a cell being edited): the clerk's next 重新读取 reads the sheet anyway.
      }
    };
    const registration = await this.run(async (ctx) => {
      const added = ctx.workbook.worksheets.onActivated.add(onActivated);
      await ctx.sync();
      return added;
    });
    return async () => {
      registration.remove();
      await registration.context.sync();
    };
  }

  async select(sheet: string, address: string): Promise<void> {
    if (!parseAddress(address)) {
      throw new UserFacingError('excel.bad_address', text(`单元格地址无效：${address}`, `Not a cell address: ${address}`));
    }
    try {
      await this.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(address).select();
        await ctx.sync();
      });
    } catch (e) {
      if (codeOf(e) === 'ItemNotFound') throw unknownSheet(sheet);
      throw e;
    }
  }
}

/** Appends `item` to the group under `key`, in place (copying the group per item made grouping 100 000 cells quadratic). */
function addToGroup<K, V>(groups: Map<K, V[]>, key: K, item: V): void {
  const group = groups.get(key);
  if (group) group.push(item);
  else groups.set(key, [item]);
}

function singleCells(r: CellRange): CellRange[] {
  const out: CellRange[] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push({ top: row, left: col, bottom: row, right: col });
  return out;
}

function stateTextFrom(range: Excel.Range, nullable: boolean): string | null {
  if (nullable && range.isNullObject) return null;
  const joined = range.values.map((line) => (typeof line[0] === 'string' ? line[0] : '')).join('');
  return joined || null;
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

/** Ranges stacked into blocks: same columns, touching or overlapping rows. Their union is unchanged. */
function coalesce(ranges: CellRange[]): CellRange[] {
  const sorted = [...ranges].sort((a, b) => a.left - b.left || a.right - b.right || a.top - b.top);
  const out: CellRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.left === r.left && last.right === r.right && r.top <= last.bottom + 1) last.bottom = Math.max(last.bottom, r.bottom);
    else out.push({ ...r });
  }
  return out;
}

/**
 * Excel refuses to delete a very hidden sheet (by design: office-js #365, and the note in "Work with worksheets
 * using the Excel JavaScript API"), so the sheet is made visible first, in the same batch. Setting visibility
 * needs ExcelApi 1.2; below it the product never hid a sheet.
 */
function deleteSheetOp(sheet: string, canSetVisibility: boolean): PlannedOp {
  return {
    bytes: canSetVisibility ? 2 * ACTION_BYTES : ACTION_BYTES,
    queue: (_ctx, sheets) => {
      const ws = sheets.get(sheet);
      if (canSetVisibility) ws.visibility = 'Visible';
      ws.delete();
      sheets.forget(sheet);
    },
  };
}

export interface OfficeWrite {
  value: string | number;
  /** null leaves the cell's number format as it is. */
  format: string | null;
}

/**
 * A value as Office.js must receive it to store exactly that value: strings under the text format '@', so
 * `=SUM(A1)`, `+86…`, `-`, `@x`, `2022-09-15` or `001` stay the very string; dates as serials under a date
 * format; blanks as '' (null in a values array would leave the old value in place).
 */
export function officeWrite(v: SpecValue, style: SpecStyle): OfficeWrite {
  if (v === null) return { value: '', format: style.numberFormat ?? null };
  if (typeof v === 'string') return { value: v, format: '@' };
  if (typeof v === 'number') return { value: v, format: style.numberFormat ?? 'General' };
  if (!isValidIsoDate(v.date)) throw new UserFacingError('excel.invalid_date', text(`日期无效：${v.date}`, `Invalid date: ${v.date}`));
  return { value: isoToSerial(v.date), format: style.numberFormat ?? DEFAULT_DATE_FORMAT };
}

/**
 * Values in column runs (one write per run). With ExcelApi 1.9, cells that ask to look like another cell
 * (`styleFrom`: added report columns styled like the header and the table) get its formats first, one copy
 * per run whose sources line up in one column; before 1.9 they get the value only, as the port allows.
 */
function cellsOps(sheet: string, writes: CellWrite[], requestBytes: number, copiesFormats: boolean): PlannedOp[] {
  // Later writes to the same cell win, as they would applied one by one.
  const byCell = new Map<string, CellWrite>();
  for (const w of writes) byCell.set(`${w.col},${w.row}`, w);
  const sorted = [...byCell.values()].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: { writes: CellWrite[]; cells: OfficeWrite[]; bytes: number }[] = [];
  for (const w of sorted) {
    const cell = officeWrite(w.value, {});
    const bytes = jsonBytes(cell) + 8;
    const run = runs[runs.length - 1];
    const last = run?.writes[run.writes.length - 1];
    if (run && last!.col === w.col && last!.row + 1 === w.row && run.bytes + bytes < requestBytes - ACTION_BYTES * 4) {
      run.writes.push(w);
      run.cells.push(cell);
      run.bytes += bytes;
    } else runs.push({ writes: [w], cells: [cell], bytes });
  }
  const formatOps = copiesFormats ? styleCopyOps(sheet, sorted) : [];
  return [
    ...formatOps,
    ...runs.map(({ writes: run, cells, bytes }) => ({
      bytes: bytes + ACTION_BYTES * 2,
      writesValues: true,
      queue: (_ctx: Ctx, sheets: SheetCache) => {
        const range = sheets.get(sheet).getRange(rangeAddress({ top: run[0].row, left: run[0].col, bottom: run[run.length - 1].row, right: run[0].col }));
        if (cells.some((c) => c.format !== null)) range.numberFormat = cells.map((c) => [c.format]) as string[][];
        range.values = cells.map((c) => [c.value]);
      },
    })),
  ];
}

/** One `copyFrom(…, Formats)` per run of target cells in a column whose sources run alongside in one column. */
function styleCopyOps(sheet: string, sorted: CellWrite[]): PlannedOp[] {
  const runs: { first: CellWrite; last: CellWrite }[] = [];
  for (const w of sorted) {
    if (!w.styleFrom) continue;
    const run = runs[runs.length - 1];
    const last = run?.last;
    const continues =
      last?.styleFrom && last.col === w.col && last.row + 1 === w.row && last.styleFrom.col === w.styleFrom.col && last.styleFrom.row + 1 === w.styleFrom.row;
    if (run && continues) run.last = w;
    else runs.push({ first: w, last: w });
  }
  return runs.map(({ first, last }) => {
    const source = rangeAddress({ top: first.styleFrom!.row, left: first.styleFrom!.col, bottom: last.styleFrom!.row, right: first.styleFrom!.col });
    return {
      bytes: ACTION_BYTES * 2 + source.length,
      queue: (_ctx: Ctx, sheets: SheetCache) =>
        sheets.get(sheet).getRange(rangeAddress({ top: first.row, left: first.col, bottom: last.row, right: first.col })).copyFrom(source, 'Formats'),
    };
  });
}

function applySpecStyle(range: Excel.Range, style: SpecStyle): void {
  const f = range.format;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.italic !== undefined) f.font.italic = style.italic;
  if (style.fontSize !== undefined) f.font.size = style.fontSize;
  if (style.fontColor) f.font.color = style.fontColor;
  if (style.fill) f.fill.color = style.fill;
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.horizontal) f.horizontalAlignment = style.horizontal === 'left' ? 'Left' : style.horizontal === 'center' ? 'Center' : 'Right';
  if (style.vertical) f.verticalAlignment = style.vertical === 'top' ? 'Top' : style.vertical === 'middle' ? 'Center' : 'Bottom';
  if (style.border) {
    for (const side of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const) {
      const border = f.borders.getItem(side);
      border.color = '#000000';
      border.style = 'Continuous';
    }
  }
}

/** Consecutive index ranges [first, last] whose summed sizes stay within the request's bytes. */
function slicesByBytes(sizes: number[], requestBytes: number): [number, number][] {
  const out: [number, number][] = [];
  let first = 0;
  let bytes = 0;
  sizes.forEach((s, i) => {
    if (i > first && bytes + s > requestBytes - ACTION_BYTES * 4) {
      out.push([first, i - 1]);
      first = i;
      bytes = 0;
    }
    bytes += s;
  });
  if (sizes.length) out.push([first, sizes.length - 1]);
  return out;
}

/** Ranges cut into groups of at most `limit` cells (long ranges split by rows). */
function sliceByCells(ranges: CellRange[], limit: number): CellRange[][] {
  const groups: CellRange[][] = [[]];
  let count = 0;
  for (const r of ranges) {
    const width = r.right - r.left + 1;
    const rowsPerPiece = Math.max(1, Math.floor(limit / width));
    for (let top = r.top; top <= r.bottom; top += rowsPerPiece) {
      const piece = { ...r, top, bottom: Math.min(r.bottom, top + rowsPerPiece - 1) };
      const n = (piece.bottom - piece.top + 1) * width;
      if (count + n > limit && groups[groups.length - 1].length) {
        groups.push([]);
        count = 0;
      }
      groups[groups.length - 1].push(piece);
      count += n;
    }
  }
  return groups;
}
