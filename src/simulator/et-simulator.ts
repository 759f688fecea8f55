/**
 * An in-memory imitation of WPS 表格's object model (ET: `window.Application` in a WPS 加载项), backed by the same
 * ExcelJS workbook model and cell semantics as the Excel simulator (cell-model.ts), so both hosts can be run on
 * one file and compared. It covers what WpsHost uses, with the behaviour ET documents or inherits from VBA:
 *  - synchronous: every property read answers at once, every write applies at once (no batches, no rollback);
 *  - names and constants of Kingsoft's npm `wps-jsapi` 1.0.5 (lib.et.d.ts): Sheets.Item/Count/Add, Worksheet.Visible
 *    with EtXlSheetVisibility (xlSheetVisible -1, xlSheetHidden 0, xlSheetVeryHidden 2), Range.Value2,
 *    NumberFormat, MergeCells, MergeArea, Interior.Color/Pattern/PatternColor (EtXlPattern: xlPatternNone -4142,
 *    xlPatternSolid 1, gradients 4000/4001), Font.Color, PageSetup, HPageBreaks; CreateTaskPane (index.d.ts);
 *  - VBA's range semantics, which ET follows (the object model mirrors Excel's): a format read over cells that
 *    differ answers null; colours are BGR integers (RGB(r, g, b) = r + 256·g + 65536·b); no fill reads white
 *    (16777215) with Pattern xlNone; the automatic font colour reads 0; `Value2` gives serial numbers for dates,
 *    a scalar for one cell and rows of values for several, Empty (undefined here) for blank cells;
 *  - a value written through Value2 is coerced as if typed (`=…` a formula, '001' the number 1) unless the cell
 *    is formatted "@" — the reason the host formats text cells first;
 *  - `Sheets.Add` makes the new sheet the active one; `Worksheet.Delete` asks the user unless the application's
 *    `DisplayAlerts` is false (counted in stats.alertsShown); a very hidden sheet is refused for
 *    deletion, as Excel does (not documented for ET; assumed, and the host shows the sheet first anyway);
 *  - a protected sheet refuses writes to locked cells.
 * Browser-safe: the preview runs it in the page.
 */
import type ExcelJS from 'exceljs';
import { cellAddress, columnLetter, rangeAddress } from '../domain/address';
import { rangeCellCount } from '../domain/cell-ranges';
import { headerFooterCode, parseHeaderFooterCode } from '../domain/sheet-spec';
import type { CellRange } from '../domain/types';
import {
  bgrToHex,
  hexToBgr,
  PATTERN_NAMES,
  patternNumber,
  XL_ALIGN,
  XL_LANDSCAPE,
  XL_PAPER_A4,
  XL_PATTERN_LINEAR_GRADIENT,
  XL_PATTERN_NONE,
  XL_PATTERN_RECTANGULAR_GRADIENT,
  XL_PATTERN_SOLID,
  XL_PORTRAIT,
  XL_SHEET_HIDDEN,
  XL_SHEET_VERY_HIDDEN,
  XL_SHEET_VISIBLE,
  type EtApplication,
  type EtBorder,
  type EtFont,
  type EtInterior,
  type EtPageSetup,
  type EtRange,
  type EtScalar,
  type EtSheets,
  type EtTaskPane,
  type EtWorkbook,
  type EtWorksheet,
} from '../hosts/wps/et-object-model';
import { coerceWrittenValue, excelJsPattern, isMergeFollower, numberFormatOf, officeValueOf } from './cell-model';
import { assertEditable, colours, forEveryCell, grid, mergedAreas, mergeReplacing, parseRangeAddress, uniform, updateStyle, usedRect } from './sheet-model';

/** What ET throws: a plain Error carrying WPS's message (the object model has no error codes to speak of). */
export class EtError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EtError';
  }
}

export interface EtSimulatorStats {
  /** Worksheet.Range calls: the object-model calls the host makes, roughly. */
  rangeCalls: number;
  /** Ranges whose format was written (one per Range object, however many properties were set). */
  formatOperations: number;
  /** Confirmation dialogs WPS would have shown (a Delete with DisplayAlerts on). */
  alertsShown: number;
  /** Cells whose values or formats were read or written: the work WPS does while the page waits. */
  cellsTouched: number;
}

const DEFAULT_COLUMN_WIDTH = 8.43;
const DEFAULT_ROW_HEIGHT = 15;

function sheetState(visible: number): 'visible' | 'hidden' | 'veryHidden' {
  if (visible === XL_SHEET_VERY_HIDDEN) return 'veryHidden';
  if (visible === XL_SHEET_HIDDEN || visible === 0) return 'hidden';
  return 'visible';
}

export class EtSimulator {
  readonly stats: EtSimulatorStats = { rangeCalls: 0, formatOperations: 0, alertsShown: 0, cellsTouched: 0 };
  activeSheet: string;
  selection: { sheet: string; address: string } | null = null;
  displayAlerts = true;
  screenUpdating = true;
  readonly taskPanes: { url: string; title?: string; pane: EtTaskPane }[] = [];
  /** `window.Application`, as a WPS 加载项 page sees it. */
  readonly Application: EtApplication;

  constructor(readonly workbook: ExcelJS.Workbook) {
    if (workbook.worksheets.length === 0) workbook.addWorksheet('Sheet1');
    const tab = (workbook.views?.[0] as { activeTab?: number } | undefined)?.activeTab ?? 0;
    const initial = workbook.worksheets[tab] ?? workbook.worksheets[0];
    this.activeSheet = (initial.state === 'visible' ? initial : (workbook.worksheets.find((w) => w.state === 'visible') ?? initial)).name;
    this.Application = applicationOf(this);
  }

  resetStats(): void {
    Object.assign(this.stats, { rangeCalls: 0, formatOperations: 0, alertsShown: 0, cellsTouched: 0 });
  }

  sheetByName(name: string): ExcelJS.Worksheet | undefined {
    const key = name.toLowerCase();
    return this.workbook.worksheets.find((w) => w.name.toLowerCase() === key);
  }
}

function applicationOf(sim: EtSimulator): EtApplication {
  const book = new SimWorkbook(sim);
  return {
    get ActiveWorkbook(): EtWorkbook {
      return book;
    },
    get DisplayAlerts() {
      return sim.displayAlerts;
    },
    set DisplayAlerts(v: boolean) {
      sim.displayAlerts = v;
    },
    get ScreenUpdating() {
      return sim.screenUpdating;
    },
    set ScreenUpdating(v: boolean) {
      sim.screenUpdating = v;
    },
    CreateTaskPane(url: string, title?: string): EtTaskPane {
      const pane = { Visible: false, DockPosition: 2 };
      sim.taskPanes.push({ url, title, pane });
      return pane;
    },
  };
}

class SimWorkbook implements EtWorkbook {
  readonly Sheets: EtSheets;
  constructor(private readonly sim: EtSimulator) {
    const wb = sim.workbook;
    this.Sheets = {
      get Count() {
        return wb.worksheets.length;
      },
      Item: (index: number | string) => {
        const ws = typeof index === 'number' ? wb.worksheets[index - 1] : sim.sheetByName(index);
        // VBA's "Subscript out of range" (运行时错误 9).
        if (!ws) throw new EtError(`下标越界：${String(index)}`);
        return new SimWorksheet(sim, ws);
      },
      Add: (before?: EtWorksheet, after?: EtWorksheet) => {
        const last = wb.worksheets[wb.worksheets.length - 1];
        if (before || !after || after.Name !== last.name) throw new EtError('The imitation adds sheets after the last one only.');
        let n = wb.worksheets.length + 1;
        while (sim.sheetByName(`Sheet${n}`)) n++;
        const ws = wb.addWorksheet(`Sheet${n}`);
        sim.activeSheet = ws.name;
        return new SimWorksheet(sim, ws);
      },
    };
  }

  get ActiveSheet(): EtWorksheet {
    return new SimWorksheet(this.sim, this.sim.sheetByName(this.sim.activeSheet)!);
  }
}

class SimWorksheet implements EtWorksheet {
  constructor(
    private readonly sim: EtSimulator,
    readonly ws: ExcelJS.Worksheet,
  ) {}

  private alive(): ExcelJS.Worksheet {
    if (!this.sim.workbook.worksheets.includes(this.ws)) throw new EtError('The sheet has been deleted.');
    return this.ws;
  }

  get Name(): string {
    return this.alive().name;
  }
  set Name(name: string) {
    const ws = this.alive();
    const clash = this.sim.sheetByName(name);
    if (clash && clash !== ws) throw new EtError(`工作表名称“${name}”已被占用`);
    if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new EtError(`工作表名称无效：${name}`);
    const wasActive = this.sim.activeSheet === ws.name;
    ws.name = name;
    if (wasActive) this.sim.activeSheet = name;
  }

  get Visible(): number {
    const state = this.alive().state;
    return state === 'veryHidden' ? XL_SHEET_VERY_HIDDEN : state === 'hidden' ? XL_SHEET_HIDDEN : XL_SHEET_VISIBLE;
  }
  set Visible(v: number) {
    const ws = this.alive();
    const state = sheetState(v);
    if (state !== 'visible' && this.sim.workbook.worksheets.filter((w) => w.state === 'visible' && w !== ws).length === 0) {
      throw new EtError('工作簿中至少要有一张可见的工作表');
    }
    ws.state = state;
    if (state !== 'visible' && this.sim.activeSheet === ws.name) this.sim.activeSheet = this.sim.workbook.worksheets.find((w) => w.state === 'visible')!.name;
  }

  /** Cells with values or formatting, as VBA's UsedRange; A1 on an empty sheet. */
  get UsedRange(): EtRange {
    return new SimRange(this.sim, this.alive(), usedRect(this.alive(), false) ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }

  Range(address: string): EtRange {
    this.sim.stats.rangeCalls++;
    const rect = parseRangeAddress(address);
    if (!rect) throw new EtError(`Range 地址无效：${address}`);
    return new SimRange(this.sim, this.alive(), rect);
  }

  get PageSetup(): EtPageSetup {
    return pageSetupOf(this.alive());
  }

  get HPageBreaks(): { Add(before: EtRange): unknown } {
    const ws = this.alive();
    return {
      Add: (before: EtRange) => {
        // A manual break above the range's first row; the file stores it below the row before.
        if (before.Row > 1) ws.getRow(before.Row - 1).addPageBreak();
        return {};
      },
    };
  }

  Activate(): void {
    const ws = this.alive();
    if (ws.state !== 'visible') throw new EtError('不能激活隐藏的工作表');
    this.sim.activeSheet = ws.name;
  }

  Delete(): void {
    const ws = this.alive();
    const wb = this.sim.workbook;
    if (this.sim.displayAlerts) this.sim.stats.alertsShown++;
    if (ws.state === 'veryHidden') throw new EtError('不能删除深度隐藏的工作表');
    if (wb.worksheets.filter((w) => w.state === 'visible' && w !== ws).length === 0) throw new EtError('工作簿中至少要有一张可见的工作表');
    const name = ws.name;
    wb.removeWorksheet(ws.id);
    if (this.sim.activeSheet === name) this.sim.activeSheet = wb.worksheets.find((w) => w.state === 'visible')!.name;
    if (this.sim.selection?.sheet === name) this.sim.selection = null;
  }

  Protect(): void {
    (this.alive() as unknown as { sheetProtection: unknown }).sheetProtection = { sheet: true };
  }
}

function pageSetupOf(ws: ExcelJS.Worksheet): EtPageSetup {
  const hf = () => {
    if (!ws.headerFooter) ws.headerFooter = {} as ExcelJS.HeaderFooter;
    return ws.headerFooter;
  };
  const section = (line: 'oddHeader' | 'oddFooter', part: 'left' | 'center' | 'right') => ({
    get: () => parseHeaderFooterCode(ws.headerFooter?.[line] ?? '')[part],
    set: (v: string) => {
      const parts = parseHeaderFooterCode(ws.headerFooter?.[line] ?? '');
      hf()[line] = headerFooterCode({ ...parts, [part]: v });
    },
  });
  const margin = (key: 'left' | 'right' | 'top' | 'bottom' | 'header' | 'footer') => ({
    get: () => (ws.pageSetup.margins?.[key] ?? 0.7) * 72,
    set: (points: number) => {
      const margins = ws.pageSetup.margins ?? { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
      ws.pageSetup.margins = { ...margins, [key]: points / 72 };
    },
  });
  const p = ws.pageSetup;
  const props: Record<keyof EtPageSetup, { get: () => unknown; set: (v: never) => void }> = {
    LeftHeader: section('oddHeader', 'left'),
    CenterHeader: section('oddHeader', 'center'),
    RightHeader: section('oddHeader', 'right'),
    LeftFooter: section('oddFooter', 'left'),
    CenterFooter: section('oddFooter', 'center'),
    RightFooter: section('oddFooter', 'right'),
    Orientation: { get: () => (p.orientation === 'landscape' ? XL_LANDSCAPE : XL_PORTRAIT), set: (v: number) => (p.orientation = v === XL_LANDSCAPE ? 'landscape' : 'portrait') },
    PaperSize: { get: () => p.paperSize ?? XL_PAPER_A4, set: (v: number) => (p.paperSize = v as ExcelJS.PaperSize) },
    Zoom: {
      get: () => (p.fitToPage ? false : (p.scale ?? 100)),
      set: (v: number | false) => {
        if (v === false) p.fitToPage = true;
        else Object.assign(p, { fitToPage: false, scale: v });
      },
    },
    FitToPagesWide: { get: () => p.fitToWidth ?? 1, set: (v: number | false) => (p.fitToWidth = v === false ? 0 : v) },
    FitToPagesTall: { get: () => p.fitToHeight ?? 1, set: (v: number | false) => (p.fitToHeight = v === false ? 0 : v) },
    LeftMargin: margin('left'),
    RightMargin: margin('right'),
    TopMargin: margin('top'),
    BottomMargin: margin('bottom'),
    HeaderMargin: margin('header'),
    FooterMargin: margin('footer'),
    CenterHorizontally: { get: () => Boolean(p.horizontalCentered), set: (v: boolean) => (p.horizontalCentered = v) },
    PrintTitleRows: { get: () => (p.printTitlesRow ? `$${p.printTitlesRow.replace(':', ':$')}` : ''), set: (v: string) => (p.printTitlesRow = v.replace(/\$/g, '')) },
  };
  const out = {} as EtPageSetup;
  for (const [key, { get, set }] of Object.entries(props)) Object.defineProperty(out, key, { get, set, enumerable: true });
  return out;
}

/**
 * The sheet's merged areas by row, built once and dropped when the imitation merges: ET answers MergeCells from
 * its own index, and looking through every area for each row made 20 000-row sheets quadratic here. (Merges made
 * on the ExcelJS workbook behind the imitation's back, after it first answered, are not seen.)
 */
const mergeIndexes = new WeakMap<ExcelJS.Worksheet, Map<number, CellRange[]>>();

function mergesByRow(ws: ExcelJS.Worksheet): Map<number, CellRange[]> {
  const known = mergeIndexes.get(ws);
  if (known) return known;
  const byRow = new Map<number, CellRange[]>();
  for (const m of mergedAreas(ws)) {
    for (let r = m.top; r <= m.bottom; r++) {
      const line = byRow.get(r);
      if (line) line.push(m);
      else byRow.set(r, [m]);
    }
  }
  mergeIndexes.set(ws, byRow);
  return byRow;
}

function mergesMeeting(ws: ExcelJS.Worksheet, rect: CellRange): Set<CellRange> {
  const byRow = mergesByRow(ws);
  const out = new Set<CellRange>();
  for (let r = rect.top; r <= rect.bottom; r++) for (const m of byRow.get(r) ?? []) if (m.left <= rect.right && m.right >= rect.left) out.add(m);
  return out;
}

/** A merged area's share of a rectangle. */
function overlap(a: CellRange, b: CellRange): number {
  const rows = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) + 1;
  const cols = Math.min(a.right, b.right) - Math.max(a.left, b.left) + 1;
  return rows > 0 && cols > 0 ? rows * cols : 0;
}

const HORIZONTAL: Record<number, 'left' | 'center' | 'right'> = { [XL_ALIGN.left]: 'left', [XL_ALIGN.center]: 'center', [XL_ALIGN.right]: 'right' };
const VERTICAL: Record<number, 'top' | 'middle' | 'bottom'> = { [XL_ALIGN.top]: 'top', [XL_ALIGN.center]: 'middle', [XL_ALIGN.bottom]: 'bottom' };

class SimRange implements EtRange {
  private formatted = false;

  constructor(
    private readonly sim: EtSimulator,
    private readonly ws: ExcelJS.Worksheet,
    readonly rect: CellRange,
  ) {}

  private single(): boolean {
    return this.rect.top === this.rect.bottom && this.rect.left === this.rect.right;
  }

  touch(): void {
    this.sim.stats.cellsTouched += rangeCellCount(this.rect);
  }

  /** Every cell of the range, created, for a format write (counted once per Range object). */
  formatCells(visit: (cell: ExcelJS.Cell) => void): void {
    assertProtection(this.ws, this.rect, 'format');
    this.touch();
    if (!this.formatted) {
      this.formatted = true;
      this.sim.stats.formatOperations++;
    }
    forEveryCell(this.ws, this.rect, (cell) => visit(cell));
  }

  get Value2(): EtScalar | EtScalar[][] {
    const read = (cell: ExcelJS.Cell | undefined): EtScalar => {
      if (!cell || isMergeFollower(cell)) return undefined;
      const v = officeValueOf(cell);
      return v === '' ? undefined : v;
    };
    this.touch();
    const rows = grid(this.ws, this.rect, read);
    return this.single() ? rows[0][0] : rows;
  }
  set Value2(value: EtScalar | EtScalar[][]) {
    assertProtection(this.ws, this.rect, 'values');
    this.touch();
    const height = this.rect.bottom - this.rect.top + 1;
    const width = this.rect.right - this.rect.left + 1;
    if (Array.isArray(value) && (value.length !== height || value.some((line) => !Array.isArray(line) || line.length !== width))) {
      throw new EtError(`Value2 needs ${height} × ${width} values`);
    }
    forEveryCell(this.ws, this.rect, (cell, r, c) => {
      const v = Array.isArray(value) ? value[r][c] : value;
      cell.value = v === null || v === undefined ? null : coerceWrittenValue(v, numberFormatOf(cell));
    });
  }

  get NumberFormat(): string | null {
    this.touch();
    return uniform(this.ws, this.rect, (cell) => (cell ? numberFormatOf(cell) : 'General'));
  }
  set NumberFormat(format: string | null) {
    if (format === null) return;
    this.formatCells((cell) => (cell.numFmt = format));
  }

  get MergeCells(): boolean | null {
    this.touch();
    let covered = 0;
    for (const m of mergesMeeting(this.ws, this.rect)) covered += overlap(m, this.rect);
    return covered === 0 ? false : covered === rangeCellCount(this.rect) ? true : null;
  }
  set MergeCells(v: boolean | null) {
    if (v) this.Merge();
  }

  get MergeArea(): EtRange {
    const { top, left } = this.rect;
    const area = (mergesByRow(this.ws).get(top) ?? []).find((m) => left >= m.left && left <= m.right);
    return new SimRange(this.sim, this.ws, area ?? { top, left, bottom: top, right: left });
  }

  Merge(): void {
    mergeReplacing(this.ws, this.rect);
    mergeIndexes.delete(this.ws);
  }

  get Interior(): EtInterior {
    const range = { touch: () => this.touch(), formatCells: (visit: (cell: ExcelJS.Cell) => void) => this.formatCells(visit) };
    const ws = this.ws;
    const rect = this.rect;
    return {
      get Color() {
        range.touch();
        return uniform(ws, rect, (cell) => hexToBgr(colours(cell).fill));
      },
      set Color(bgr: number | null) {
        if (bgr === null) return;
        const argb = `FF${bgrToHex(bgr).slice(1)}`;
        range.formatCells((cell) => {
          const current = cell.fill as ExcelJS.FillPattern | undefined;
          const patterned = current?.type === 'pattern' && current.pattern && current.pattern !== 'none' && current.pattern !== 'solid';
          // As in Excel: a colour on a patterned fill is its background; on anything else it makes a solid fill.
          updateStyle(cell, { fill: patterned ? { ...current, bgColor: { argb } } : { type: 'pattern', pattern: 'solid', fgColor: { argb } } });
        });
      },
      get Pattern() {
        return uniform(ws, rect, (cell) => patternNumber(colours(cell).pattern));
      },
      set Pattern(n: number | null) {
        if (n === null) return;
        if (n === XL_PATTERN_LINEAR_GRADIENT || n === XL_PATTERN_RECTANGULAR_GRADIENT) throw new EtError('The imitation does not make gradient fills.');
        range.formatCells((cell) => {
          const current = (cell.fill as ExcelJS.FillPattern | undefined)?.type === 'pattern' ? (cell.fill as ExcelJS.FillPattern) : undefined;
          if (n === XL_PATTERN_NONE) return updateStyle(cell, { fill: { type: 'pattern', pattern: 'none' } });
          const background = current?.pattern === 'solid' ? current.fgColor : (current?.bgColor ?? { argb: 'FFFFFFFF' });
          if (n === XL_PATTERN_SOLID) return updateStyle(cell, { fill: { type: 'pattern', pattern: 'solid', fgColor: background } });
          const name = PATTERN_NAMES[n] ?? 'Solid';
          updateStyle(cell, {
            fill: { type: 'pattern', pattern: excelJsPattern(name) as ExcelJS.FillPatterns, fgColor: current?.pattern === 'solid' || !current ? { argb: 'FF000000' } : current.fgColor, bgColor: background },
          });
        });
      },
      get PatternColor() {
        return uniform(ws, rect, (cell) => hexToBgr(colours(cell).patternColor ?? '#000000'));
      },
      set PatternColor(bgr: number | null) {
        if (bgr === null) return;
        const argb = `FF${bgrToHex(bgr).slice(1)}`;
        range.formatCells((cell) => {
          const current = cell.fill as ExcelJS.FillPattern | undefined;
          if (current?.type === 'pattern' && current.pattern !== 'none' && current.pattern !== 'solid') updateStyle(cell, { fill: { ...current, fgColor: { argb } } });
        });
      },
    };
  }

  get Font(): EtFont {
    const range = { touch: () => this.touch(), formatCells: (visit: (cell: ExcelJS.Cell) => void) => this.formatCells(visit) };
    const ws = this.ws;
    const rect = this.rect;
    const patch = (font: Partial<ExcelJS.Font>) => range.formatCells((cell) => updateStyle(cell, { font: { ...cell.font, ...font } }));
    return {
      get Color() {
        range.touch();
        return uniform(ws, rect, (cell) => hexToBgr(colours(cell).font));
      },
      set Color(bgr: number | null) {
        if (bgr !== null) patch({ color: { argb: `FF${bgrToHex(bgr).slice(1)}` } });
      },
      get Bold() {
        return uniform(ws, rect, (cell) => Boolean(cell?.font?.bold));
      },
      set Bold(v: boolean | null) {
        patch({ bold: Boolean(v) });
      },
      get Italic() {
        return uniform(ws, rect, (cell) => Boolean(cell?.font?.italic));
      },
      set Italic(v: boolean | null) {
        patch({ italic: Boolean(v) });
      },
      get Size() {
        return uniform(ws, rect, (cell) => cell?.font?.size ?? 11);
      },
      set Size(v: number | null) {
        if (v !== null) patch({ size: v });
      },
      get Name() {
        return uniform(ws, rect, (cell) => cell?.font?.name ?? '宋体');
      },
      set Name(v: string | null) {
        if (v !== null) patch({ name: v });
      },
    };
  }

  get Row(): number {
    return this.rect.top + 1;
  }
  get Column(): number {
    return this.rect.left + 1;
  }
  get Rows(): { Count: number } {
    return { Count: this.rect.bottom - this.rect.top + 1 };
  }
  get Columns(): { Count: number } {
    return { Count: this.rect.right - this.rect.left + 1 };
  }

  get EntireRow(): { Hidden: boolean | null } {
    const ws = this.ws;
    const { top, bottom } = this.rect;
    return {
      get Hidden() {
        let first: boolean | null = null;
        for (let r = top; r <= bottom; r++) {
          const hidden = Boolean(ws.findRow(r + 1)?.hidden);
          if (first === null) first = hidden;
          else if (hidden !== first) return null;
        }
        return first;
      },
      set Hidden(v: boolean | null) {
        for (let r = top; r <= bottom; r++) ws.getRow(r + 1).hidden = Boolean(v);
      },
    };
  }

  Address(rowAbsolute = true, columnAbsolute = true): string {
    const at = (row: number, col: number) => `${columnAbsolute ? '$' : ''}${columnLetter(col)}${rowAbsolute ? '$' : ''}${row + 1}`;
    const { top, left, bottom, right } = this.rect;
    if (!rowAbsolute && !columnAbsolute) return this.single() ? cellAddress(top, left) : rangeAddress(this.rect);
    return this.single() ? at(top, left) : `${at(top, left)}:${at(bottom, right)}`;
  }

  Borders(index: number): EtBorder {
    const range = { formatCells: (visit: (cell: ExcelJS.Cell) => void) => this.formatCells(visit) };
    const { top, left, bottom, right } = this.rect;
    const sides = (r: number, c: number): ('top' | 'bottom' | 'left' | 'right')[] => {
      // EtXlBordersIndex: 7 left, 8 top, 9 bottom, 10 right edges; 11 inside vertical, 12 inside horizontal.
      switch (index) {
        case 7: return c === left ? ['left'] : [];
        case 8: return r === top ? ['top'] : [];
        case 9: return r === bottom ? ['bottom'] : [];
        case 10: return c === right ? ['right'] : [];
        case 11: return [...(c > left ? (['left'] as const) : []), ...(c < right ? (['right'] as const) : [])];
        case 12: return [...(r > top ? (['top'] as const) : []), ...(r < bottom ? (['bottom'] as const) : [])];
        default: return [];
      }
    };
    let colour = 0;
    const draw = () =>
      range.formatCells((cell) => {
        const r = Number(cell.row) - 1;
        const c = Number(cell.col) - 1;
        const border = { ...(cell.border ?? {}) };
        for (const side of sides(r, c)) border[side] = { style: 'thin', color: { argb: `FF${bgrToHex(colour).slice(1)}` } };
        updateStyle(cell, { border });
      });
    return {
      get LineStyle() {
        return null;
      },
      set LineStyle(_v: number | null) {
        draw();
      },
      get Color() {
        return colour;
      },
      set Color(v: number | null) {
        colour = v ?? 0;
        draw();
      },
    };
  }

  get ColumnWidth(): number | null {
    const widths = new Set<number>();
    for (let c = this.rect.left; c <= this.rect.right; c++) widths.add(this.ws.getColumn(c + 1).width ?? DEFAULT_COLUMN_WIDTH);
    return widths.size === 1 ? [...widths][0] : null;
  }
  set ColumnWidth(v: number | null) {
    if (v === null) return;
    for (let c = this.rect.left; c <= this.rect.right; c++) this.ws.getColumn(c + 1).width = v;
  }

  get RowHeight(): number | null {
    return uniform(this.ws, { ...this.rect, right: this.rect.left }, (cell) => (cell ? (this.ws.getRow(Number(cell.row)).height ?? DEFAULT_ROW_HEIGHT) : DEFAULT_ROW_HEIGHT));
  }
  set RowHeight(v: number | null) {
    if (v === null) return;
    for (let r = this.rect.top; r <= this.rect.bottom; r++) this.ws.getRow(r + 1).height = v;
  }

  get WrapText(): boolean | null {
    return uniform(this.ws, this.rect, (cell) => Boolean(cell?.alignment?.wrapText));
  }
  set WrapText(v: boolean | null) {
    this.formatCells((cell) => updateStyle(cell, { alignment: { ...cell.alignment, wrapText: Boolean(v) } }));
  }

  get HorizontalAlignment(): number | null {
    return uniform(this.ws, this.rect, (cell) => {
      const h = cell?.alignment?.horizontal;
      return h === 'left' ? XL_ALIGN.left : h === 'center' ? XL_ALIGN.center : h === 'right' ? XL_ALIGN.right : 1;
    });
  }
  set HorizontalAlignment(v: number | null) {
    const horizontal = v === null ? undefined : HORIZONTAL[v];
    this.formatCells((cell) => updateStyle(cell, { alignment: { ...cell.alignment, horizontal } }));
  }

  get VerticalAlignment(): number | null {
    return uniform(this.ws, this.rect, (cell) => {
      const h = cell?.alignment?.vertical;
      return h === 'top' ? XL_ALIGN.top : h === 'middle' ? XL_ALIGN.center : XL_ALIGN.bottom;
    });
  }
  set VerticalAlignment(v: number | null) {
    const vertical = v === null ? undefined : VERTICAL[v];
    this.formatCells((cell) => updateStyle(cell, { alignment: { ...cell.alignment, vertical } }));
  }

  get Locked(): boolean | null {
    return uniform(this.ws, this.rect, (cell) => cell?.protection?.locked !== false);
  }
  set Locked(v: boolean | null) {
    forEveryCell(this.ws, this.rect, (cell) => updateStyle(cell, { protection: { ...cell.protection, locked: Boolean(v) } }));
  }

  Select(): void {
    if (this.sim.activeSheet !== this.ws.name) throw new EtError('Range 类的 Select 方法无效：工作表未激活');
    this.sim.selection = { sheet: this.ws.name, address: this.Address(false, false) };
  }
}

/** A protected sheet's refusal, as ET words it (the Excel simulator's check, in WPS's form). */
function assertProtection(ws: ExcelJS.Worksheet, rect: CellRange, kind: 'values' | 'format'): void {
  try {
    assertEditable(ws, rect, kind);
  } catch {
    throw new EtError('您试图更改的单元格或图表受保护，因而是只读的。');
  }
}
