/**
 * The WorkbookHost port over WPS 表格's object model (ET, `window.Application` inside a WPS 加载项). The only module
 * that touches that object; the object model's shape is in et-object-model.ts.
 *
 * ET is synchronous: every property read is a call into WPS that blocks the page. So work goes in bounded blocks
 * (at most `blockCells` cells, or MAX_CALLS_PER_BLOCK calls) with a macrotask between blocks, letting WPS's
 * embedded Chromium paint and take input on a 20 000-row sheet, and a progress callback after each block.
 *
 * What ET answers and how it is read:
 *  - values: `Range.Value2` per block of rows (dates are serial numbers, made dates by the cell's number format,
 *    as the Excel host does); number formats per column slice, cell by cell only where a slice's formats differ;
 *  - merged areas: `MergeCells` is false for a block without any, so only blocks and then rows that have some are
 *    looked at cell by cell, each merged area taken once from `MergeArea`;
 *  - colours: `Interior.Color`, `Interior.PatternColor`, `Font.Color` are BGR integers; `Interior.Pattern` tells no
 *    fill (xlNone) from white paint. A range whose cells differ answers null and is looked at row by row, then
 *    cell by cell. Tokens are the Excel host's, so a file coloured in Excel is cleared in WPS and the other way.
 *  - writes: strings go under the text format "@" before Value2, so `= + - @` stay text; sheets are added after
 *    the last one (ET activates an added sheet, so the clerk's sheet is activated again); deleting asks no
 *    question (DisplayAlerts off) and a very hidden sheet is made visible first, as Excel requires.
 * Not done in WPS (the port lets a host skip them): charts, data bars, drop-downs, frozen panes, styleFrom.
 */
import { cellsToRanges, forEachCell, rangeCellCount } from '../../domain/cell-ranges';
import { columnLetter, parseAddress, rangeAddress } from '../../domain/address';
import { UserFacingError } from '../../domain/errors';
import { text } from '../../domain/i18n';
import type { PageHeaderFooter, SheetSpec, SpecStyle } from '../../domain/sheet-spec';
import { validateSpec } from '../../domain/sheet-spec-rules';
import type { CellRange, CellStyle, CellValue, SheetGrid } from '../../domain/types';
import { chunkStateText, placeStateSheet, type StateSheetPlace } from '../../domain/workbook-state';
import { probeKey } from '../../ports/workbook-host';
import type { CellWrite, HostCapabilities, ReadRequest, SheetInfo, WorkbookChange, WorkbookHost, WorkbookSnapshot } from '../../ports/workbook-host';
import { cellValueFromOffice } from '../excel/cell-values';
import { officeWrite } from '../excel/cell-values';
import { cellStyle, isGradientPattern, parseToken, type ColourToken } from '../excel/fill-reading';
import {
  bgrToHex,
  hexToBgr,
  PATTERN_NAMES,
  patternNumber,
  XL_ALIGN,
  XL_BORDER_EDGES,
  XL_CONTINUOUS,
  XL_LANDSCAPE,
  XL_PAPER_A4,
  XL_PATTERN_NONE,
  XL_PATTERN_SOLID,
  XL_PORTRAIT,
  XL_SHEET_HIDDEN,
  XL_SHEET_VERY_HIDDEN,
  XL_SHEET_VISIBLE,
  type EtApplication,
  type EtRange,
  type EtScalar,
  type EtWorkbook,
  type EtWorksheet,
} from './et-object-model';

export const DEFAULT_BLOCK_CELLS = 5000;
const MAX_CALLS_PER_BLOCK = 400;

export interface WpsProgress {
  phase: 'read' | 'styles' | 'apply';
  done: number;
  total: number;
}

export interface WpsHostOptions {
  /** Cells handled between two pauses (default 5 000). */
  blockCells?: number;
  /** Lets the page breathe between blocks; default: one macrotask. */
  pause?: () => Promise<void>;
  onProgress?: (progress: WpsProgress) => void;
}

function macrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function visibilityOf(v: number): SheetInfo['visibility'] {
  return v === XL_SHEET_VERY_HIDDEN ? 'veryHidden' : v === XL_SHEET_HIDDEN ? 'hidden' : 'visible';
}

function unknownSheet(name: string): UserFacingError {
  return new UserFacingError('wps.unknown_sheet', text(`工作簿中没有名为“${name}”的工作表`, `The workbook has no sheet named "${name}"`));
}

function sheetExists(name: string): UserFacingError {
  return new UserFacingError('wps.sheet_exists', text(`已有名为“${name}”的工作表，未覆盖`, `A sheet named "${name}" already exists and was not overwritten`));
}

function noWorkbook(): UserFacingError {
  return new UserFacingError('wps.no_workbook', text('WPS 表格中没有打开的工作簿。请先打开任务分工表。', 'No workbook is open in WPS Spreadsheets. Open the 任务分工 workbook first.'));
}

/** Value2 of a block always as rows, whatever shape ET gave (a single cell answers a scalar). */
function asRows(value: EtScalar | EtScalar[][], rows: number, cols: number): EtScalar[][] {
  if (Array.isArray(value)) return value;
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => value));
}

const HEADER_SECTIONS = ['LeftHeader', 'CenterHeader', 'RightHeader', 'LeftFooter', 'CenterFooter', 'RightFooter'] as const;

function headerFooterOf(ws: EtWorksheet): PageHeaderFooter {
  const p = ws.PageSetup;
  return {
    header: { left: p.LeftHeader ?? '', center: p.CenterHeader ?? '', right: p.RightHeader ?? '' },
    footer: { left: p.LeftFooter ?? '', center: p.CenterFooter ?? '', right: p.RightFooter ?? '' },
  };
}

function setHeaderFooter(ws: EtWorksheet, value: PageHeaderFooter): void {
  const p = ws.PageSetup;
  const sections = [value.header.left, value.header.center, value.header.right, value.footer.left, value.footer.center, value.footer.right];
  HEADER_SECTIONS.forEach((key, i) => (p[key] = sections[i]));
}

/** The smallest rectangle holding every non-blank value; null when there is none. */
function valueExtent(values: CellValue[][]): { top: number; left: number; bottom: number; right: number } | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null) return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    }),
  );
  return bottom < 0 ? null : { top, left, bottom, right };
}

/** A range cut by rows into pieces of at most `limit` cells, so no single call makes WPS work longer than a block. */
function sliced(r: CellRange, limit: number): CellRange[] {
  const rowsPerPiece = Math.max(1, Math.floor(limit / (r.right - r.left + 1)));
  const out: CellRange[] = [];
  for (let top = r.top; top <= r.bottom; top += rowsPerPiece) out.push({ ...r, top, bottom: Math.min(r.bottom, top + rowsPerPiece - 1) });
  return out;
}

/**
 * A planned piece of work in ET with its cost: cells touched times the properties written over them (each property
 * set over a range is one call WPS carries out over every cell), for cutting work into blocks.
 */
interface Step {
  cells: number;
  run: () => void;
}

export class WpsHost implements WorkbookHost {
  readonly capabilities: HostCapabilities = { host: 'wps', apiVersion: null, readsMerges: true, charts: false, headerFooter: true };
  private readonly blockCells: number;
  private readonly pause: () => Promise<void>;
  private readonly onProgress: (progress: WpsProgress) => void;

  constructor(
    private readonly app: EtApplication,
    options: WpsHostOptions = {},
  ) {
    this.blockCells = Math.max(1, options.blockCells ?? DEFAULT_BLOCK_CELLS);
    this.pause = options.pause ?? macrotask;
    this.onProgress = options.onProgress ?? (() => undefined);
  }

  /** Inside WPS 表格: the page's own `window.Application`. */
  static forWps(options: WpsHostOptions = {}): WpsHost {
    return new WpsHost((globalThis as unknown as { Application: EtApplication }).Application, options);
  }

  private workbook(): EtWorkbook {
    const wb = this.app.ActiveWorkbook;
    if (!wb) throw noWorkbook();
    return wb;
  }

  private sheetList(wb: EtWorkbook): { info: SheetInfo; ws: EtWorksheet }[] {
    const out: { info: SheetInfo; ws: EtWorksheet }[] = [];
    for (let i = 1; i <= wb.Sheets.Count; i++) {
      const ws = wb.Sheets.Item(i);
      out.push({ info: { name: ws.Name, visibility: visibilityOf(ws.Visible) }, ws });
    }
    return out;
  }

  private static statePlace(list: { info: SheetInfo; ws: EtWorksheet }[]): StateSheetPlace {
    return placeStateSheet(list.map((s) => s.info), (name) => stateTextOf(WpsHost.find(list, name)!));
  }

  private static find(list: { info: SheetInfo; ws: EtWorksheet }[], name: string): EtWorksheet | null {
    const key = name.toLowerCase();
    return list.find((s) => s.info.name.toLowerCase() === key)?.ws ?? null;
  }

  // ---------------------------------------------------------------- read

  async read(request: ReadRequest = {}): Promise<WorkbookSnapshot> {
    const wb = this.workbook();
    const list = this.sheetList(wb);
    const activeSheet = wb.ActiveSheet.Name;
    const target = request.sheet ? WpsHost.find(list, request.sheet) : wb.ActiveSheet;
    const grid = target ? await this.readGrid(target) : null;
    const state = WpsHost.statePlace(list);
    const snapshot: WorkbookSnapshot = { sheets: list.map((s) => s.info), activeSheet, grid, stateText: state.stateText, stateSheet: state.sheet };
    if (target) snapshot.headerFooter = headerFooterOf(target);
    if (target && grid && request.look) {
      // Widths only: a font read cell by cell over the used range would cost a call per cell.
      const lastCol = grid.originCol + (grid.values[0]?.length ?? 0) - 1;
      snapshot.look = { columnWidths: Array.from({ length: lastCol + 1 }, (_, c) => target.Range(`${columnLetter(c)}1`).ColumnWidth ?? undefined) };
    }
    if (request.probes) {
      const probes: Record<string, CellValue> = {};
      for (const probe of request.probes) {
        const ws = WpsHost.find(list, probe.sheet);
        const at = parseAddress(probe.address);
        if (!ws || !at || at.top !== at.bottom || at.left !== at.right) continue;
        const cell = ws.Range(probe.address);
        probes[probeKey(probe)] = cellValueFromOffice(cell.Value2 as EtScalar, cell.NumberFormat ?? undefined);
      }
      snapshot.probes = probes;
    }
    return snapshot;
  }

  /** The used range's values, merged areas and hidden rows, block by block; trimmed to the cells holding values. */
  private async readGrid(ws: EtWorksheet): Promise<SheetGrid> {
    const name = ws.Name;
    const used = ws.UsedRange;
    const top = used.Row - 1;
    const left = used.Column - 1;
    const rows = used.Rows.Count;
    const cols = used.Columns.Count;
    const blockRows = Math.max(1, Math.floor(this.blockCells / cols));
    const values: CellValue[][] = [];
    const merges: CellRange[] = [];
    const hiddenRows: number[] = [];
    const covered = new Set<number>();
    for (let first = 0; first < rows; first += blockRows) {
      const last = Math.min(rows, first + blockRows) - 1;
      const block: CellRange = { top: top + first, left, bottom: top + last, right: left + cols - 1 };
      const range = ws.Range(rangeAddress(block));
      const raw = asRows(range.Value2, last - first + 1, cols);
      const formats = this.blockFormats(ws, block, raw);
      raw.forEach((line, i) => values.push(line.map((v, j) => cellValueFromOffice(v, formats(i, j)))));
      if (range.MergeCells !== false) this.blockMerges(ws, block, merges, covered);
      const hidden = range.EntireRow.Hidden;
      if (hidden === true) for (let r = block.top; r <= block.bottom; r++) hiddenRows.push(r);
      else if (hidden === null) for (let r = block.top; r <= block.bottom; r++) if (ws.Range(`${r + 1}:${r + 1}`).EntireRow.Hidden) hiddenRows.push(r);
      this.onProgress({ phase: 'read', done: last + 1, total: rows });
      if (last + 1 < rows) await this.pause();
    }
    const extent = valueExtent(values);
    if (!extent) return { sheet: name, originRow: 0, originCol: 0, values: [], merges, mergesKnown: true, hiddenRows };
    const trimmed = values.slice(extent.top, extent.bottom + 1).map((line) => line.slice(extent.left, extent.right + 1));
    return { sheet: name, originRow: top + extent.top, originCol: left + extent.left, values: trimmed, merges, mergesKnown: true, hiddenRows };
  }

  /**
   * The number format of each cell of a block that holds a number (only numbers can be dates): one read per column
   * slice, cell by cell where the slice's formats differ (ET answers null then).
   */
  private blockFormats(ws: EtWorksheet, block: CellRange, raw: EtScalar[][]): (i: number, j: number) => string | undefined {
    const byColumn = new Map<number, string | null>();
    const byCell = new Map<number, string>();
    for (let j = 0; j <= block.right - block.left; j++) {
      if (!raw.some((line) => typeof line[j] === 'number')) continue;
      const col = block.left + j;
      const slice = ws.Range(rangeAddress({ top: block.top, left: col, bottom: block.bottom, right: col })).NumberFormat;
      byColumn.set(j, slice);
      if (slice !== null) continue;
      raw.forEach((line, i) => {
        if (typeof line[j] === 'number') byCell.set(i * 16384 + j, ws.Range(rangeAddress({ top: block.top + i, left: col, bottom: block.top + i, right: col })).NumberFormat ?? 'General');
      });
    }
    return (i, j) => byColumn.get(j) ?? byCell.get(i * 16384 + j);
  }

  /** Merged areas meeting a block: rows with none are skipped, each area read once from its first cell met. */
  private blockMerges(ws: EtWorksheet, block: CellRange, merges: CellRange[], covered: Set<number>): void {
    for (let r = block.top; r <= block.bottom; r++) {
      const row = ws.Range(rangeAddress({ ...block, top: r, bottom: r }));
      if (row.MergeCells === false) continue;
      for (let c = block.left; c <= block.right; c++) {
        if (covered.has(r * 16384 + c)) continue;
        const cell = ws.Range(rangeAddress({ top: r, left: c, bottom: r, right: c }));
        if (!cell.MergeCells) continue;
        const area = parseAddress(cell.MergeArea.Address(false, false));
        if (!area) continue;
        merges.push(area);
        forEachCell([area], (ar, ac) => covered.add(ar * 16384 + ac));
      }
    }
  }

  // ---------------------------------------------------------------- readStyles

  async readStyles(sheet: string, ranges: CellRange[]): Promise<CellStyle[]> {
    if (!ranges.length) return [];
    const ws = WpsHost.find(this.sheetList(this.workbook()), sheet);
    if (!ws) throw unknownSheet(sheet);
    const total = ranges.reduce((n, r) => n + rangeCellCount(r), 0);
    const found = new Map<number, CellStyle>();
    let done = 0;
    let sinceBreak = 0;
    const breathe = async (cells: number) => {
      done += cells;
      sinceBreak += cells;
      if (sinceBreak >= this.blockCells) {
        sinceBreak = 0;
        this.onProgress({ phase: 'styles', done, total });
        await this.pause();
      }
    };
    // A whole range of one colour answers at once; otherwise its rows, then the cells of mixed rows.
    const visit = async (r: CellRange): Promise<void> => {
      const style = uniformStyle(ws.Range(rangeAddress(r)), r);
      if (style) {
        forEachCell([r], (row, col) => found.set(row * 16384 + col, { ...style, row, col }));
        return breathe(rangeCellCount(r));
      }
      if (r.top !== r.bottom) {
        for (let row = r.top; row <= r.bottom; row++) await visit({ ...r, top: row, bottom: row });
        return;
      }
      if (r.left === r.right) throw new Error(`WPS reported no single colour for the cell ${rangeAddress(r)}`);
      for (let col = r.left; col <= r.right; col++) await visit({ ...r, left: col, right: col });
    };
    for (const piece of ranges.flatMap((r) => sliced(r, this.blockCells))) await visit(piece);
    this.onProgress({ phase: 'styles', done: total, total });
    const out: CellStyle[] = [];
    forEachCell(ranges, (row, col) => out.push(found.get(row * 16384 + col)!));
    return out;
  }

  // ---------------------------------------------------------------- apply

  async apply(changes: WorkbookChange[]): Promise<void> {
    if (!changes.length) return;
    for (const c of changes) if (c.kind === 'sheet') validateSpec(c.spec);
    const wb = this.workbook();
    const steps = this.plan(wb, changes);
    const total = steps.reduce((n, s) => n + s.cells, 0);
    const active = wb.ActiveSheet;
    const alerts = this.app.DisplayAlerts;
    const painting = this.app.ScreenUpdating;
    this.app.ScreenUpdating = false;
    let done = 0;
    let cells = 0;
    let calls = 0;
    try {
      for (const step of steps) {
        step.run();
        done += step.cells;
        cells += step.cells;
        if (++calls >= MAX_CALLS_PER_BLOCK || cells >= this.blockCells) {
          calls = 0;
          cells = 0;
          this.onProgress({ phase: 'apply', done, total });
          await this.pause();
        }
      }
    } finally {
      this.app.DisplayAlerts = alerts;
      this.app.ScreenUpdating = painting;
      // Adding a sheet makes it the active one in ET: the clerk stays on the sheet they were on.
      try {
        if (wb.ActiveSheet.Name !== active.Name && active.Visible === XL_SHEET_VISIBLE) active.Activate();
      } catch {
        // The sheet the clerk was on was the product's and is gone: nothing to go back to.
      }
    }
    this.onProgress({ phase: 'apply', done: total, total });
  }

  /** Checks every change against the sheet names as the earlier changes leave them, before anything is written. */
  private plan(wb: EtWorkbook, changes: WorkbookChange[]): Step[] {
    const names = new Set(this.sheetList(wb).map((s) => s.info.name.toLowerCase()));
    const need = (sheet: string) => {
      if (!names.has(sheet.toLowerCase())) throw unknownSheet(sheet);
    };
    const sheet = (name: string) => () => wb.Sheets.Item(name);
    const limit = this.blockCells;
    const steps: Step[] = [];
    for (const change of changes) {
      switch (change.kind) {
        case 'colour': {
          need(change.sheet);
          const token: ColourToken = { fill: change.fill, font: change.font };
          steps.push(...change.ranges.flatMap((r) => sliced(r, limit / PAINT_WRITES)).map((r) => paintStep(sheet(change.sheet), r, token)));
          break;
        }
        case 'restore': {
          need(change.sheet);
          const byToken = new Map<string, CellStyle[]>();
          for (const s of change.styles) {
            const group = byToken.get(s.token);
            if (group) group.push(s);
            else byToken.set(s.token, [s]);
          }
          for (const styles of byToken.values()) {
            const token = parseToken(styles[0]);
            steps.push(...cellsToRanges(styles).flatMap((r) => sliced(r, limit / PAINT_WRITES)).map((r) => paintStep(sheet(change.sheet), r, token)));
          }
          break;
        }
        case 'state': {
          const place = WpsHost.statePlace(this.sheetList(wb));
          names.add(place.writeName.toLowerCase());
          steps.push(...stateSteps(wb, change.text, place.writeName, place.sheet !== null));
          break;
        }
        case 'sheet': {
          const replaced = change.replaces && names.has(change.replaces.toLowerCase()) ? change.replaces : null;
          if (replaced) names.delete(replaced.toLowerCase());
          if (names.has(change.spec.name.toLowerCase())) throw sheetExists(change.spec.name);
          names.add(change.spec.name.toLowerCase());
          if (replaced) steps.push(this.deleteStep(wb, replaced));
          steps.push(...sheetSteps(wb, change.spec, limit));
          break;
        }
        case 'cells':
          need(change.sheet);
          steps.push(...cellSteps(sheet(change.sheet), change.writes));
          break;
        case 'deleteSheet':
          if (names.delete(change.sheet.toLowerCase())) steps.push(this.deleteStep(wb, change.sheet));
          break;
        case 'columnWidths':
          need(change.sheet);
          for (const w of change.widths) steps.push({ cells: 1, run: () => void (sheet(change.sheet)().Range(`${columnLetter(w.col)}:${columnLetter(w.col)}`).ColumnWidth = w.width) });
          break;
        case 'headerFooter':
          need(change.sheet);
          steps.push({ cells: 1, run: () => setHeaderFooter(wb.Sheets.Item(change.sheet), change.value) });
          break;
      }
    }
    return steps;
  }

  /** Deletes without WPS asking the clerk (DisplayAlerts off, put back by apply); a very hidden sheet is shown first. */
  private deleteStep(wb: EtWorkbook, name: string): Step {
    return {
      cells: 1,
      run: () => {
        const ws = wb.Sheets.Item(name);
        if (ws.Visible === XL_SHEET_VERY_HIDDEN) ws.Visible = XL_SHEET_HIDDEN;
        this.app.DisplayAlerts = false;
        ws.Delete();
      },
    };
  }

  // ---------------------------------------------------------------- select

  async select(sheet: string, address: string): Promise<void> {
    if (!parseAddress(address)) throw new UserFacingError('wps.bad_address', text(`单元格地址无效：${address}`, `Not a cell address: ${address}`));
    const ws = WpsHost.find(this.sheetList(this.workbook()), sheet);
    if (!ws) throw unknownSheet(sheet);
    ws.Activate();
    ws.Range(address).Select();
  }
}

/** The range's colours when all its cells share them, as a style of its first cell; null when they differ. */
function uniformStyle(range: EtRange, r: CellRange): CellStyle | null {
  const interior = range.Interior;
  const fill = interior.Color;
  const pattern = interior.Pattern;
  const font = range.Font.Color;
  if (fill === null || pattern === null || font === null) return null;
  const name = PATTERN_NAMES[pattern] ?? 'Solid';
  const patterned = name !== 'None' && name !== 'Solid' && !isGradientPattern(name);
  const patternColor = patterned ? interior.PatternColor : null;
  if (patterned && patternColor === null) return null;
  return cellStyle(
    r.top,
    r.left,
    { fill: bgrToHex(fill), font: bgrToHex(font), pattern: name, patternColor: patternColor === null ? null : bgrToHex(patternColor), tintAndShade: 0 },
    true,
  );
}

/** Fill colour, pattern and font colour: the properties a paint writes. */
const PAINT_WRITES = 3;

/** One range painted with a token: no fill is xlNone (never white paint); a gradient keeps its fill. */
function paintStep(sheet: () => EtWorksheet, r: CellRange, token: ColourToken): Step {
  return {
    cells: rangeCellCount(r) * PAINT_WRITES,
    run: () => {
      const range = sheet().Range(rangeAddress(r));
      const interior = range.Interior;
      if (token.fill === 'none') interior.Pattern = XL_PATTERN_NONE;
      else if (token.fill !== 'gradient') {
        interior.Color = hexToBgr(token.fill);
        interior.Pattern = patternNumber(token.pattern ?? 'Solid');
        if (token.pattern && token.patternColor) interior.PatternColor = hexToBgr(token.patternColor);
      }
      range.Font.Color = hexToBgr(token.font);
    },
  };
}

function stateTextOf(ws: EtWorksheet): string | null {
  const used = ws.UsedRange;
  if (used.Row !== 1 || used.Column !== 1) return null;
  const rows = asRows(ws.Range(`A1:A${used.Rows.Count}`).Value2, used.Rows.Count, 1);
  const joined = rows.map((line) => (typeof line[0] === 'string' ? line[0] : '')).join('');
  return joined || null;
}

/** Adds a sheet after the last one and names it. */
function addSheet(wb: EtWorkbook, name: string): EtWorksheet {
  const ws = wb.Sheets.Add(undefined, wb.Sheets.Item(wb.Sheets.Count));
  ws.Name = name;
  return ws;
}

/** The state as text in column A of the very hidden state sheet, one chunk a cell, formatted "@" before writing. */
function stateSteps(wb: EtWorkbook, stateText: string, sheetName: string, exists: boolean): Step[] {
  const chunks = chunkStateText(stateText);
  return [
    {
      cells: chunks.length,
      run: () => {
        let ws: EtWorksheet;
        if (exists) {
          ws = wb.Sheets.Item(sheetName);
          const used = ws.UsedRange;
          ws.Range(`A1:A${used.Row + used.Rows.Count - 1}`).Value2 = null;
        } else {
          ws = addSheet(wb, sheetName);
          ws.Visible = XL_SHEET_VERY_HIDDEN;
        }
        const range = ws.Range(`A1:A${chunks.length}`);
        range.NumberFormat = '@';
        range.Value2 = chunks.map((c) => [c]);
      },
    },
  ];
}

/** Values in column runs: each run's number formats first (strings "@", dates a date format), then its values. */
function cellSteps(sheet: () => EtWorksheet, writes: CellWrite[]): Step[] {
  const byCell = new Map<string, CellWrite>();
  for (const w of writes) byCell.set(`${w.col},${w.row}`, w);
  const sorted = [...byCell.values()].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: CellWrite[][] = [];
  for (const w of sorted) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last.col === w.col && last.row + 1 === w.row) run.push(w);
    else runs.push([w]);
  }
  return runs.map((run) => ({
    cells: run.length,
    run: () => {
      const ws = sheet();
      const cells = run.map((w) => officeWrite(w.value, {}));
      // One NumberFormat call per stretch of cells wanting the same format (null: the cell keeps its own).
      for (let i = 0; i < cells.length; ) {
        let j = i;
        while (j + 1 < cells.length && cells[j + 1].format === cells[i].format) j++;
        const format = cells[i].format;
        if (format !== null) ws.Range(rangeAddress({ top: run[i].row, left: run[i].col, bottom: run[j].row, right: run[i].col })).NumberFormat = format;
        i = j + 1;
      }
      ws.Range(rangeAddress({ top: run[0].row, left: run[0].col, bottom: run[run.length - 1].row, right: run[0].col })).Value2 = cells.map((c) => [c.value]);
    },
  }));
}

/** How many properties applySpecStyle writes for a style (a border is a line style and a colour on six edges). */
function styleWrites(style: SpecStyle): number {
  const plain = [style.bold, style.italic, style.fontSize, style.fontColor, style.wrap, style.horizontal, style.vertical].filter((v) => v !== undefined).length;
  return Math.max(1, plain + (style.fill ? 2 : 0) + (style.border ? XL_BORDER_EDGES.length * 2 : 0));
}

function applySpecStyle(range: EtRange, style: SpecStyle): void {
  if (style.bold !== undefined) range.Font.Bold = style.bold;
  if (style.italic !== undefined) range.Font.Italic = style.italic;
  if (style.fontSize !== undefined) range.Font.Size = style.fontSize;
  if (style.fontColor) range.Font.Color = hexToBgr(style.fontColor);
  if (style.fill) {
    range.Interior.Color = hexToBgr(style.fill);
    range.Interior.Pattern = XL_PATTERN_SOLID;
  }
  if (style.wrap !== undefined) range.WrapText = style.wrap;
  if (style.horizontal) range.HorizontalAlignment = XL_ALIGN[style.horizontal];
  if (style.vertical) range.VerticalAlignment = style.vertical === 'middle' ? XL_ALIGN.center : XL_ALIGN[style.vertical];
  if (style.border) {
    for (const edge of XL_BORDER_EDGES) {
      const border = range.Borders(edge);
      border.LineStyle = XL_CONTINUOUS;
      border.Color = 0;
    }
  }
}

/** A product sheet: added, named, values under their formats, styles, merges, sizes, print set-up, protection. */
function sheetSteps(wb: EtWorkbook, spec: SheetSpec, limit: number): Step[] {
  const name = spec.name;
  const ws = () => wb.Sheets.Item(name);
  const width = Math.max(1, ...spec.rows.map((r) => r.length), ...spec.columnWidths.map((_, i) => i + 1));
  const height = Math.max(1, spec.rows.length);
  const block: CellRange = { top: 0, left: 0, bottom: height - 1, right: width - 1 };
  const steps: Step[] = [{ cells: 1, run: () => void addSheet(wb, name) }];
  if (spec.font) {
    const font = spec.font;
    for (const piece of sliced(block, limit / 2)) {
      steps.push({
        cells: rangeCellCount(piece) * 2,
        run: () => {
          const f = ws().Range(rangeAddress(piece)).Font;
          f.Name = font.name;
          f.Size = font.size;
        },
      });
    }
  }
  const styleOf = (key?: string): SpecStyle => (key ? (spec.styles[key] ?? {}) : {});
  const written = spec.rows.map((row) => Array.from({ length: width }, (_, c) => officeWrite(row[c]?.v ?? null, styleOf(row[c]?.s))));
  // Number formats first, one call per rectangle of cells sharing a format.
  const byFormat = new Map<string, { row: number; col: number }[]>();
  written.forEach((line, r) =>
    line.forEach((w, c) => {
      if (w.format === null) return;
      const group = byFormat.get(w.format);
      if (group) group.push({ row: r, col: c });
      else byFormat.set(w.format, [{ row: r, col: c }]);
    }),
  );
  for (const [format, cells] of byFormat) {
    for (const r of cellsToRanges(cells).flatMap((c) => sliced(c, limit))) steps.push({ cells: rangeCellCount(r), run: () => void (ws().Range(rangeAddress(r)).NumberFormat = format) });
  }
  const rowsPerBlock = Math.max(1, Math.floor(limit / width));
  for (let first = 0; first < written.length; first += rowsPerBlock) {
    const slice = written.slice(first, first + rowsPerBlock);
    const r = { top: first, left: 0, bottom: first + slice.length - 1, right: width - 1 };
    steps.push({ cells: rangeCellCount(r), run: () => void (ws().Range(rangeAddress(r)).Value2 = slice.map((line) => line.map((w) => w.value))) });
  }
  const byStyle = new Map<string, { row: number; col: number }[]>();
  spec.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell?.s || !spec.styles[cell.s]) return;
      const group = byStyle.get(cell.s);
      if (group) group.push({ row: r, col: c });
      else byStyle.set(cell.s, [{ row: r, col: c }]);
    }),
  );
  for (const [key, cells] of byStyle) {
    const writes = styleWrites(spec.styles[key]);
    for (const r of cellsToRanges(cells).flatMap((c) => sliced(c, limit / writes))) {
      steps.push({ cells: rangeCellCount(r) * writes, run: () => applySpecStyle(ws().Range(rangeAddress(r)), spec.styles[key]) });
    }
  }
  for (const m of spec.merges) steps.push({ cells: rangeCellCount(m), run: () => ws().Range(rangeAddress(m)).Merge(false) });
  spec.columnWidths.forEach((w, c) => {
    // ColumnWidth is in characters in ET as in VBA (Office.js takes points).
    if (w > 0) steps.push({ cells: 1, run: () => void (ws().Range(`${columnLetter(c)}:${columnLetter(c)}`).ColumnWidth = w) });
  });
  for (const [row, h] of Object.entries(spec.rowHeights ?? {})) {
    steps.push({ cells: 1, run: () => void (ws().Range(`${Number(row) + 1}:${Number(row) + 1}`).RowHeight = h) });
  }
  for (const r of spec.hiddenRows ?? []) steps.push({ cells: 1, run: () => void (ws().Range(`${r + 1}:${r + 1}`).EntireRow.Hidden = true) });
  const print = spec.print;
  if (print) {
    steps.push({
      cells: 1,
      run: () => {
        const sheet = ws();
        const p = sheet.PageSetup;
        p.Orientation = print.landscape ? XL_LANDSCAPE : XL_PORTRAIT;
        if (print.paper === 'A4') p.PaperSize = XL_PAPER_A4;
        if (print.fitToWidth) {
          p.Zoom = false;
          p.FitToPagesWide = 1;
          p.FitToPagesTall = false;
        } else if (print.scale !== undefined) p.Zoom = print.scale;
        if (print.centerHorizontally) p.CenterHorizontally = true;
        const m = print.margins;
        if (m) {
          // Points, as in VBA (Application.InchesToPoints is × 72); the spec gives inches.
          p.LeftMargin = m.left * 72;
          p.RightMargin = m.right * 72;
          p.TopMargin = m.top * 72;
          p.BottomMargin = m.bottom * 72;
          p.HeaderMargin = m.header * 72;
          p.FooterMargin = m.footer * 72;
        }
        if (print.repeatRows) p.PrintTitleRows = `$${print.repeatRows[0] + 1}:$${print.repeatRows[1] + 1}`;
        if (print.header?.left) p.LeftHeader = print.header.left;
        if (print.header?.center) p.CenterHeader = print.header.center;
        if (print.header?.right) p.RightHeader = print.header.right;
        if (print.footer?.left) p.LeftFooter = print.footer.left;
        if (print.footer?.center) p.CenterFooter = print.footer.center;
        if (print.footer?.right) p.RightFooter = print.footer.right;
        for (const r of (print.rowBreaks ?? []).filter((b) => b > 0)) sheet.HPageBreaks.Add(sheet.Range(`A${r + 1}`));
      },
    });
  }
  const protection = spec.protection;
  if (protection) {
    steps.push({
      cells: 1,
      run: () => {
        const sheet = ws();
        for (const r of protection.unlocked) sheet.Range(rangeAddress(r)).Locked = false;
        sheet.Protect();
      },
    });
  }
  if (spec.hidden && spec.hidden !== 'visible') {
    const hidden = spec.hidden;
    steps.push({ cells: 1, run: () => void (ws().Visible = hidden === 'hidden' ? XL_SHEET_HIDDEN : XL_SHEET_VERY_HIDDEN) });
  }
  return steps;
}
