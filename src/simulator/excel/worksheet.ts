/** A worksheet: its ranges, visibility, activation and deletion, frozen panes, page layout, protection, charts. */
import type ExcelJS from 'exceljs';
import { rangeAddress } from '../../domain/address';
import type { CellRange } from '../../domain/types';
import { jsonBytes } from '../../hosts/excel/payload';
import { SimulatorError } from '../errors';
import { MAX_COLS, MAX_ROWS, parseRangeAddress } from '../sheet-model';
import { AreasProxy } from './areas';
import type { Batch, SimulatedChart, SimulatedExcel } from './batch';
import { ChartProxy } from './chart';
import { ClientObject } from './client-object';
import { HeaderFooterProxy } from './header-footer';
import { RangeProxy } from './range';

function officeVisibility(state: string | undefined): 'Visible' | 'Hidden' | 'VeryHidden' {
  return state === 'hidden' ? 'Hidden' : state === 'veryHidden' ? 'VeryHidden' : 'Visible';
}

export function sheetProperty(sim: SimulatedExcel, ws: ExcelJS.Worksheet, name: string): unknown {
  switch (name) {
    case 'name':
      return ws.name;
    case 'visibility':
      return officeVisibility(ws.state);
    case 'position':
      return sim.workbook.worksheets.indexOf(ws);
    default:
      throw new SimulatorError('InvalidArgument', `Cannot load '${name}' on a worksheet.`);
  }
}

type SheetLocator = { kind: 'name'; name: string; nullable: boolean } | { kind: 'active' };

export class WorksheetProxy extends ClientObject {
  protected readonly scalarProperties = ['name', 'visibility', 'position'] as const;

  constructor(
    ctx: Batch,
    private readonly locator: SheetLocator,
  ) {
    super(ctx);
    if (locator.kind === 'name' && locator.nullable) this.trackNullState(() => this.resolve() !== null);
  }

  static loadedFrom(ctx: Batch, name: string, values: Record<string, unknown>): WorksheetProxy {
    const proxy = new WorksheetProxy(ctx, { kind: 'name', name, nullable: false });
    proxy.preload(values);
    return proxy;
  }

  /** The sheet at sync time; ItemNotFound for a missing sheet, null for a null object. */
  resolve(): ExcelJS.Worksheet | null {
    const name = this.locator.kind === 'active' ? this.sim.activeSheet : this.locator.name;
    const ws = this.sim.findSheet(name);
    if (ws) return ws;
    if (this.locator.kind === 'name' && this.locator.nullable) return null;
    throw new SimulatorError('ItemNotFound', `The requested resource doesn't exist: worksheet '${name}'.`);
  }

  protected snapshot(names: string[]): Record<string, unknown> | null {
    const ws = this.resolve();
    if (!ws) return null;
    return Object.fromEntries(names.map((n) => [n, sheetProperty(this.sim, ws, n)]));
  }

  get name(): string {
    return this.loadedValue('name');
  }

  get visibility(): string {
    return this.loadedValue('visibility');
  }

  set visibility(value: string) {
    this.sim.requireApi('1.2', 'Setting Worksheet.visibility');
    const state = value === 'Hidden' ? 'hidden' : value === 'VeryHidden' ? 'veryHidden' : value === 'Visible' ? 'visible' : null;
    if (!state) throw new SimulatorError('InvalidArgument', `Not a sheet visibility: ${value}`);
    this.write(jsonBytes(value), (ws) => {
      if (state !== 'visible' && this.sim.workbook.worksheets.filter((w) => w.state === 'visible' && w !== ws).length === 0) {
        throw new SimulatorError('InvalidOperation', 'A workbook must keep at least one visible sheet.');
      }
      ws.state = state;
      if (state !== 'visible' && this.sim.activeSheet === ws.name) {
        this.sim.activeSheet = this.sim.workbook.worksheets.find((w) => w.state === 'visible')!.name;
      }
    });
  }

  get position(): number {
    return this.loadedValue('position');
  }

  write(requestBytes: number, apply: (ws: ExcelJS.Worksheet) => void): void {
    this.ctx.enqueue({
      requestBytes,
      run: () => {
        const ws = this.resolve();
        if (!ws) throw new SimulatorError('ItemNotFound', 'The worksheet is a null object.');
        apply(ws);
      },
    });
  }

  getRange(address?: string): RangeProxy {
    if (address === undefined) return new RangeProxy(this.ctx, this, () => ({ top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 }), false);
    const rect = parseRangeAddress(address);
    if (!rect) throw new SimulatorError('InvalidArgument', `Not a range address: ${address}`);
    return new RangeProxy(this.ctx, this, () => rect, false, rect);
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    this.sim.requireApi('1.7', 'Worksheet.getRangeByIndexes');
    const rect = { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 };
    return new RangeProxy(this.ctx, this, () => rect, false, rect);
  }

  /** ExcelApi 1.9: several areas ('A1:B2, D4') formatted as one. */
  getRanges(address: string): AreasProxy {
    this.sim.requireApi('1.9', 'Worksheet.getRanges');
    if (address.length > 8192) throw new SimulatorError('InvalidArgument', 'A range address may not exceed 8192 characters.');
    const rects = address.split(',').map((part) => parseRangeAddress(part.trim()));
    if (rects.some((r) => r === null)) throw new SimulatorError('InvalidArgument', `Not a list of range addresses: ${address}`);
    return new AreasProxy(this.ctx, this, rects as CellRange[]);
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    if (valuesOnly !== undefined) this.sim.requireApi('1.2', 'Worksheet.getUsedRange(valuesOnly)');
    // Excel answers A1 for a sheet with nothing in it.
    return new RangeProxy(this.ctx, this, (ws) => this.ctx.usedRect(ws, valuesOnly === true) ?? { top: 0, left: 0, bottom: 0, right: 0 }, false);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    this.sim.requireApi('1.4', 'Worksheet.getUsedRangeOrNullObject');
    return new RangeProxy(this.ctx, this, (ws) => this.ctx.usedRect(ws, valuesOnly === true), true);
  }

  activate(): void {
    this.write(0, (ws) => {
      if (ws.state !== 'visible') throw new SimulatorError('InvalidOperation', 'A hidden sheet cannot be activated.');
      this.sim.makeActive(ws);
    });
  }

  delete(): void {
    this.write(0, (ws) => {
      const wb = this.sim.workbook;
      // As Excel: a very hidden sheet must be made visible or hidden before it can be deleted (office-js #365).
      if (ws.state === 'veryHidden') throw new SimulatorError('InvalidOperation', 'A very hidden sheet cannot be deleted.');
      if (wb.worksheets.filter((w) => w.state === 'visible' && w !== ws).length === 0) {
        throw new SimulatorError('InvalidOperation', 'A workbook must keep at least one visible sheet.');
      }
      const name = ws.name;
      wb.removeWorksheet(ws.id);
      for (let i = this.sim.charts.length - 1; i >= 0; i--) if (this.sim.charts[i].sheet === name) this.sim.charts.splice(i, 1);
      if (this.sim.activeSheet === name) this.sim.activeSheet = wb.worksheets.find((w) => w.state === 'visible')!.name;
      if (this.sim.selection?.sheet === name) this.sim.selection = null;
    });
  }

  get freezePanes(): {
    freezeRows(count: number): void;
    freezeColumns(count: number): void;
    freezeAt(range: RangeProxy | string): void;
    unfreeze(): void;
  } {
    this.sim.requireApi('1.7', 'Worksheet.freezePanes');
    const freeze = (rows: number, cols: number) =>
      this.write(16, (ws) => {
        ws.views = rows || cols ? [{ state: 'frozen', xSplit: cols, ySplit: rows }] : [{ state: 'normal' }];
      });
    return {
      freezeRows: (count) => freeze(count, 0),
      freezeColumns: (count) => freeze(0, count),
      freezeAt: (range) => {
        const rect = typeof range === 'string' ? parseRangeAddress(range) : range.fixedRect();
        if (!rect) throw new SimulatorError('InvalidArgument', 'freezeAt needs a range.');
        freeze(rect.bottom + 1, rect.right + 1);
      },
      unfreeze: () => freeze(0, 0),
    };
  }

  /**
   * Worksheet.horizontalPageBreaks (ExcelApi 1.9): `add(range)` "adds a page break before the top-left cell of
   * the range specified" (learn.microsoft.com, Excel.PageBreakCollection.add). Stored as ExcelJS row breaks,
   * which sit below the row before it.
   */
  get horizontalPageBreaks(): { add(range: RangeProxy | string): void } {
    this.sim.requireApi('1.9', 'Worksheet.horizontalPageBreaks');
    return {
      add: (range) => {
        const rect = typeof range === 'string' ? parseRangeAddress(range) : range.fixedRect();
        if (!rect) throw new SimulatorError('InvalidArgument', 'horizontalPageBreaks.add needs a range.');
        this.write(16, (ws) => {
          if (rect.top > 0) ws.getRow(rect.top).addPageBreak();
        });
      },
    };
  }

  /**
   * Worksheet.pageLayout (ExcelApi 1.9, learn.microsoft.com Excel.PageLayout): orientation, paper size, zoom,
   * centring, margins in points, print titles, and headersFooters.defaultForAllPages (Excel.HeaderFooter:
   * left/center/right header and footer strings in Excel's &-codes).
   */
  get pageLayout(): {
    orientation: string;
    paperSize: string;
    zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
    centerHorizontally: boolean;
    leftMargin: number;
    rightMargin: number;
    topMargin: number;
    bottomMargin: number;
    headerMargin: number;
    footerMargin: number;
    headersFooters: { defaultForAllPages: HeaderFooterProxy };
    setPrintTitleRows(address: string): void;
  } {
    this.sim.requireApi('1.9', 'Worksheet.pageLayout');
    const write = this.write.bind(this);
    const margin = (key: 'left' | 'right' | 'top' | 'bottom' | 'header' | 'footer', points: number) =>
      write(16, (ws) => {
        const margins = ws.pageSetup.margins ?? { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
        ws.pageSetup.margins = { ...margins, [key]: points / 72 };
      });
    const defaultForAllPages = new HeaderFooterProxy(this.ctx, this);
    return {
      headersFooters: { defaultForAllPages },
      set centerHorizontally(v: boolean) {
        write(16, (ws) => (ws.pageSetup.horizontalCentered = v));
      },
      set leftMargin(v: number) { margin('left', v); },
      set rightMargin(v: number) { margin('right', v); },
      set topMargin(v: number) { margin('top', v); },
      set bottomMargin(v: number) { margin('bottom', v); },
      set headerMargin(v: number) { margin('header', v); },
      set footerMargin(v: number) { margin('footer', v); },
      set orientation(v: string) {
        write(16, (ws) => (ws.pageSetup.orientation = v === 'Landscape' ? 'landscape' : 'portrait'));
      },
      set paperSize(v: string) {
        write(16, (ws) => (ws.pageSetup.paperSize = v === 'A4' ? 9 : undefined));
      },
      set zoom(z: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
        write(jsonBytes(z), (ws) => {
          if (z.horizontalFitToPages !== undefined || z.verticalFitToPages !== undefined) {
            Object.assign(ws.pageSetup, { fitToPage: true, fitToWidth: z.horizontalFitToPages ?? 0, fitToHeight: z.verticalFitToPages ?? 0 });
          } else if (z.scale !== undefined) Object.assign(ws.pageSetup, { fitToPage: false, scale: z.scale });
        });
      },
      setPrintTitleRows: (address: string) => write(jsonBytes(address), (ws) => (ws.pageSetup.printTitlesRow = address.replace(/\$/g, ''))),
    } as never;
  }

  get protection(): { protect(options?: Record<string, boolean>): void; unprotect(): void } {
    this.sim.requireApi('1.2', 'Worksheet.protection');
    return {
      protect: (options) =>
        this.write(jsonBytes(options ?? {}), (ws) => {
          (ws as unknown as { sheetProtection: unknown }).sheetProtection = { sheet: true, ...(options ?? {}) };
        }),
      unprotect: () => this.write(0, (ws) => ((ws as unknown as { sheetProtection: unknown }).sheetProtection = undefined)),
    };
  }

  get charts(): { add(type: string, source: RangeProxy, seriesBy?: string): ChartProxy } {
    return {
      add: (type, source, seriesBy = 'Auto') => {
        const chart: SimulatedChart = { sheet: '', type, source: '', seriesBy, title: null, position: null, seriesColors: {} };
        this.write(jsonBytes([type, seriesBy]), (ws) => {
          const rect = source.fixedRect();
          if (!rect) throw new SimulatorError('InvalidArgument', 'A chart needs a fixed source range.');
          chart.sheet = ws.name;
          chart.source = rangeAddress(rect);
          this.sim.charts.push(chart);
        });
        return new ChartProxy(this.ctx, chart);
      },
    };
  }
}
