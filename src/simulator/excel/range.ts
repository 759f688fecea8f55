/**
 * A range: values and number formats (typed as Excel types them), its shape (cells, rows, the used part,
 * intersections), clearing, copying formats, merging, selection, cell properties, conditional formats and
 * drop-downs. Its format, merged areas and data bars are proxies of their own.
 */
import type ExcelJS from 'exceljs';
import { parseAddress, rangeAddress } from '../../domain/address';
import { rangesIntersect } from '../../domain/cell-ranges';
import type { CellRange } from '../../domain/types';
import { jsonBytes } from '../../hosts/excel/payload';
import { coerceWrittenValue, isMergeFollower, numberFormatOf, officeValueOf, type OfficeValue } from '../cell-model';
import { SimulatorError } from '../errors';
import {
  assertEditable,
  colours,
  forEveryCell,
  forExistingCells,
  grid,
  MAX_COLS,
  MAX_ROWS,
  mergedAreas,
  mergeReplacing,
  officeAddress,
  sheetPrefix,
  tooManyCells,
  uniform,
  updateStyle,
} from '../sheet-model';
import type { Batch, SimulatedExcel } from './batch';
import { ClientObject } from './client-object';
import { DataBarProxy } from './data-bar';
import { reportedPattern } from './fill';
import { RangeAreasProxy } from './range-areas';
import { RangeFormatProxy } from './range-format';
import type { SheetTarget } from './targets';

/** The worksheet a range hangs from (WorksheetProxy). */
interface RangeSheet extends SheetTarget {
  getRange(address: string): RangeProxy;
}

type RangeLocate = (ws: ExcelJS.Worksheet) => CellRange | null;

export class RangeProxy extends ClientObject {
  protected readonly scalarProperties = [
    'values',
    'numberFormat',
    'address',
    'rowIndex',
    'columnIndex',
    'rowCount',
    'columnCount',
    'rowHidden',
  ] as const;
  private formatProxy: RangeFormatProxy | undefined;

  constructor(
    ctx: Batch,
    readonly sheet: RangeSheet,
    private readonly locate: RangeLocate,
    nullable: boolean,
    private readonly fixed: CellRange | null = null,
  ) {
    super(ctx);
    if (nullable) this.trackNullState(() => this.resolve() !== null);
  }

  /** Sheet and rectangle at sync time; null for a null object (or a range of a null-object sheet). */
  resolve(): { ws: ExcelJS.Worksheet; rect: CellRange } | null {
    const ws = this.sheet.resolve();
    if (!ws) return null;
    const rect = this.locate(ws);
    return rect ? { ws, rect } : null;
  }

  /** The rectangle of a range made from an address (known without a sync). */
  fixedRect(): CellRange | null {
    return this.fixed;
  }

  protected snapshot(names: string[]): Record<string, unknown> | null {
    const target = this.resolve();
    if (!target) return null;
    const { ws, rect } = target;
    const out: Record<string, unknown> = {};
    for (const n of names) {
      switch (n) {
        case 'values':
          out.values = tooManyCells(rect) ? null : grid(ws, rect, (cell) => (cell ? officeValueOf(cell) : ''));
          break;
        case 'numberFormat':
          out.numberFormat = tooManyCells(rect) ? null : grid(ws, rect, (cell) => (cell ? numberFormatOf(cell) : 'General'));
          break;
        case 'address':
          out.address = officeAddress(ws.name, rect);
          break;
        case 'rowIndex':
          out.rowIndex = rect.top;
          break;
        case 'columnIndex':
          out.columnIndex = rect.left;
          break;
        case 'rowCount':
          out.rowCount = rect.bottom - rect.top + 1;
          break;
        case 'columnCount':
          out.columnCount = rect.right - rect.left + 1;
          break;
        case 'rowHidden': {
          this.sim.requireApi('1.2', 'Range.rowHidden');
          let hidden = 0;
          for (let r = rect.top; r <= rect.bottom; r++) if (ws.findRow(r + 1)?.hidden) hidden++;
          out.rowHidden = hidden === 0 ? false : hidden === rect.bottom - rect.top + 1 ? true : null;
          break;
        }
      }
    }
    return out;
  }

  get values(): OfficeValue[][] {
    return this.loadedValue('values');
  }

  /** Range.rowHidden (ExcelApi 1.2): setting it hides or shows every row of the range. */
  set rowHidden(hidden: boolean) {
    this.sim.requireApi('1.2', 'Range.rowHidden');
    this.later(16, (ws, rect) => {
      for (let r = rect.top; r <= rect.bottom; r++) ws.getRow(r + 1).hidden = hidden;
    });
  }

  set values(values: (OfficeValue | null)[][]) {
    this.writeCells(values, 'values', (cell, v) => {
      cell.value = coerceWrittenValue(v as OfficeValue, numberFormatOf(cell));
    });
  }

  get numberFormat(): string[][] {
    return this.loadedValue('numberFormat');
  }

  set numberFormat(formats: (string | null)[][]) {
    this.writeCells(formats, 'numberFormat', (cell, v) => {
      updateStyle(cell, { numFmt: v === 'General' ? undefined : (v as string) });
    });
  }

  get address(): string {
    return this.loadedValue('address');
  }
  get rowIndex(): number {
    return this.loadedValue('rowIndex');
  }
  get columnIndex(): number {
    return this.loadedValue('columnIndex');
  }
  get rowCount(): number {
    return this.loadedValue('rowCount');
  }
  get columnCount(): number {
    return this.loadedValue('columnCount');
  }
  get rowHidden(): boolean | null {
    return this.loadedValue('rowHidden');
  }

  /** Writes a 2D array (or one value for the whole range); `null` entries leave their cell unchanged. */
  private writeCells(data: unknown, what: string, apply: (cell: ExcelJS.Cell, v: unknown) => void): void {
    this.ctx.enqueue({
      requestBytes: jsonBytes(data),
      run: () => {
        const { ws, rect } = this.requireTarget();
        assertEditable(ws, rect, what === 'values' ? 'values' : 'format');
        const rows = rect.bottom - rect.top + 1;
        const cols = rect.right - rect.left + 1;
        const single = !Array.isArray(data);
        if (!single) {
          const matrix = data as unknown[][];
          if (matrix.length !== rows || matrix.some((line) => !Array.isArray(line) || line.length !== cols)) {
            throw new SimulatorError(
              'InvalidArgument',
              `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`,
            );
          }
        }
        forEveryCell(ws, rect, (cell, r, c) => {
          const v = single ? data : (data as unknown[][])[r][c];
          if (v !== null && v !== undefined && !(what === 'values' && isMergeFollower(cell))) apply(cell, v);
        });
      },
    });
  }

  requireTarget(): { ws: ExcelJS.Worksheet; rect: CellRange } {
    const target = this.resolve();
    if (!target) throw new SimulatorError('ItemNotFound', 'The range is a null object.');
    return target;
  }

  /** Queues a formatting write; counts this range as one format operation of the batch. */
  writeFormat(requestBytes: number, apply: (cell: ExcelJS.Cell) => void): void {
    this.ctx.formatTargets.add(this);
    this.ctx.enqueue({
      requestBytes,
      run: () => {
        const { ws, rect } = this.requireTarget();
        assertEditable(ws, rect, 'format');
        forEveryCell(ws, rect, (cell) => apply(cell));
      },
    });
  }

  /** Queues a whole-range operation run at sync. */
  later(requestBytes: number, apply: (ws: ExcelJS.Worksheet, rect: CellRange) => void): void {
    this.ctx.enqueue({
      requestBytes,
      run: () => {
        const { ws, rect } = this.requireTarget();
        apply(ws, rect);
      },
    });
  }

  /** Reads uniform-or-null format values at sync (for RangeFormat/Fill/Font loads). */
  readUniform<T>(read: (cell: ExcelJS.Cell | undefined) => T): T | null {
    const { ws, rect } = this.requireTarget();
    return uniform(ws, rect, read);
  }

  /** The rectangle this range covers in `ws` (null for a null object); derived ranges build on it. */
  rectIn(ws: ExcelJS.Worksheet): CellRange | null {
    return this.locate(ws);
  }

  private derived(shape: (r: CellRange) => CellRange): RangeProxy {
    const fixed = this.fixed ? shape(this.fixed) : null;
    return new RangeProxy(
      this.ctx,
      this.sheet,
      (ws) => {
        const r = this.locate(ws);
        if (!r) return null;
        const out = shape(r);
        if (out.top < 0 || out.left < 0 || out.bottom >= MAX_ROWS || out.right >= MAX_COLS) {
          throw new SimulatorError('InvalidArgument', 'The range reaches outside the worksheet grid.');
        }
        return out;
      },
      false,
      fixed,
    );
  }

  /**
   * "The cell can be outside the bounds of its parent range, so long as it stays within the worksheet grid"
   * (Excel.Range.getCell reference).
   */
  getCell(row: number, column: number): RangeProxy {
    return this.derived((r) => ({ top: r.top + row, left: r.left + column, bottom: r.top + row, right: r.left + column }));
  }

  /**
   * "Gets a row contained in the range" (Excel.Range.getRow reference): nothing is promised for a row past the
   * range, so the simulator refuses one — an adapter relying on it would fail here first.
   */
  getRow(row: number): RangeProxy {
    return this.derived((r) => {
      if (row < 0 || r.top + row > r.bottom) throw new SimulatorError('InvalidArgument', `Row ${row} is not contained in the range.`);
      return { top: r.top + row, left: r.left, bottom: r.top + row, right: r.right };
    });
  }

  /**
   * The used range within this range (ExcelApi 1.1; valuesOnly 1.2). "If there are no used cells within the
   * range, this function will throw an ItemNotFound error" (Excel.Range.getUsedRange reference).
   */
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    if (valuesOnly !== undefined) this.sim.requireApi('1.2', 'Range.getUsedRange(valuesOnly)');
    return new RangeProxy(
      this.ctx,
      this.sheet,
      (ws) => {
        const r = this.locate(ws);
        const used = r ? this.ctx.usedRectWithin(ws, r, valuesOnly === true) : null;
        if (!used) throw new SimulatorError('ItemNotFound', 'There are no used cells within the range.');
        return used;
      },
      false,
    );
  }

  /** The rectangular intersection (ExcelApi 1.1); ranges that do not meet are refused. */
  getIntersection(other: RangeProxy | string): RangeProxy {
    const otherRange = typeof other === 'string' ? this.sheet.getRange(other) : other;
    return new RangeProxy(
      this.ctx,
      this.sheet,
      (ws) => {
        const a = this.locate(ws);
        const b = otherRange.rectIn(ws);
        if (!a || !b) return null;
        const r = { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
        if (r.top > r.bottom || r.left > r.right) throw new SimulatorError('InvalidArgument', 'The ranges do not intersect.');
        return r;
      },
      false,
    );
  }

  getBoundingRect(other: RangeProxy | string): RangeProxy {
    const otherRange = typeof other === 'string' ? this.sheet.getRange(other) : other;
    const bounding = new RangeProxy(
      this.ctx,
      this.sheet,
      (ws) => {
        const a = this.locate(ws);
        const b = otherRange.rectIn(ws);
        if (!a || !b) return null;
        return { top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) };
      },
      false,
    );
    return bounding;
  }

  get format(): RangeFormatProxy {
    this.formatProxy ??= new RangeFormatProxy(this.ctx, this);
    return this.formatProxy;
  }

  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    if (applyTo !== 'Contents') this.ctx.formatTargets.add(this);
    this.later(16, (ws, rect) => {
      forExistingCells(ws, rect, (cell) => {
        if (applyTo !== 'Formats' && !isMergeFollower(cell)) cell.value = null;
        if (applyTo !== 'Contents') cell.style = {};
      });
    });
  }

  /**
   * Only `copyType: 'Formats'` from a range on the same sheet (what the host uses): each target cell takes
   * the style of the source cell at the same offset, the source tiled when it is smaller, as Excel does.
   */
  copyFrom(source: string, copyType: 'Formats' | 'All' | 'Values' | 'Formulas' = 'All'): void {
    this.sim.requireApi('1.9', 'Range.copyFrom');
    if (copyType !== 'Formats') throw new SimulatorError('InvalidArgument', `The simulator copies only formats, not ${copyType}.`);
    const from = parseAddress(source);
    if (!from || source.includes('!')) throw new SimulatorError('InvalidArgument', `The simulator copies only from an address on the same sheet: ${source}`);
    this.ctx.formatTargets.add(this);
    this.later(jsonBytes(source) + 16, (ws, rect) => {
      const rows = from.bottom - from.top + 1;
      const cols = from.right - from.left + 1;
      for (let r = rect.top; r <= rect.bottom; r++) {
        for (let c = rect.left; c <= rect.right; c++) {
          const style = ws.getCell(from.top + ((r - rect.top) % rows) + 1, from.left + ((c - rect.left) % cols) + 1).style;
          ws.getCell(r + 1, c + 1).style = JSON.parse(JSON.stringify(style ?? {}));
        }
      }
    });
  }

  merge(across = false): void {
    this.sim.requireApi('1.2', 'Range.merge');
    this.later(8, (ws, rect) => {
      const rows = across ? Array.from({ length: rect.bottom - rect.top + 1 }, (_, i) => rect.top + i) : [rect.top];
      for (const top of rows) mergeReplacing(ws, { ...rect, top, bottom: across ? top : rect.bottom });
    });
  }

  unmerge(): void {
    this.sim.requireApi('1.2', 'Range.unmerge');
    this.later(0, (ws, rect) => {
      for (const m of mergedAreas(ws)) if (rangesIntersect(m, rect)) ws.unMergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    });
  }

  select(): void {
    this.later(0, (ws, rect) => {
      if (this.sim.activeSheet !== ws.name) throw new SimulatorError('InvalidSelection', 'Only a range on the active sheet can be selected.');
      this.sim.selection = { sheet: ws.name, address: rangeAddress(rect) };
    });
  }

  getCellProperties(options: CellPropertyRequest): { value: Record<string, unknown>[][] } {
    this.sim.requireApi('1.9', 'Range.getCellProperties');
    const result: { loaded?: Record<string, unknown>[][] } = {};
    this.ctx.enqueue({
      requestBytes: jsonBytes(options),
      readOnly: true,
      run: () => {
        const { ws, rect } = this.requireTarget();
        const cells = grid(ws, rect, (cell) => pickRequested(options, cellDescription(this.sim, ws, cell)));
        return { responseBytes: jsonBytes(cells), deliver: () => (result.loaded = cells) };
      },
    });
    return {
      get value(): Record<string, unknown>[][] {
        if (!result.loaded) throw new SimulatorError('PropertyNotLoaded', 'The value of the result object has not been loaded yet. Call "context.sync()" first.');
        return result.loaded;
      },
    };
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    this.sim.requireApi('1.13', 'Range.getMergedAreasOrNullObject');
    return new RangeAreasProxy(this.ctx, this);
  }

  get conditionalFormats(): { add(type: string): { dataBar: DataBarProxy } } {
    this.sim.requireApi('1.6', 'Range.conditionalFormats');
    return {
      add: (type) => {
        if (type !== 'DataBar') throw new SimulatorError('InvalidArgument', `The simulator supports only DataBar conditional formats, not ${type}.`);
        const rule = { type: 'dataBar', cfvo: [{ type: 'min' }, { type: 'max' }], gradient: true, color: { argb: 'FF638EC6' } };
        this.later(16, (ws, rect) => ws.addConditionalFormatting({ ref: rangeAddress(rect), rules: [rule as never] }));
        return { dataBar: new DataBarProxy(this.ctx, rule) };
      },
    };
  }

  get dataValidation(): { rule: { list?: { inCellDropDown: boolean; source: string } }; clear(): void } {
    this.sim.requireApi('1.8', 'Range.dataValidation');
    const later = this.later.bind(this);
    return {
      set rule(rule: { list?: { inCellDropDown: boolean; source: string } }) {
        if (!rule.list) throw new SimulatorError('InvalidArgument', 'The simulator supports only list validation.');
        const formula = `"${rule.list.source}"`;
        later(jsonBytes(rule), (ws, rect) =>
          forEveryCell(ws, rect, (cell) => {
            cell.dataValidation = { type: 'list', allowBlank: true, showErrorMessage: true, formulae: [formula] };
          }),
        );
      },
      clear: () => later(0, (ws, rect) => forExistingCells(ws, rect, (cell) => (cell.dataValidation = undefined as never))),
    } as never;
  }
}

type CellPropertyRequest = Record<string, unknown>;

function cellDescription(sim: SimulatedExcel, ws: ExcelJS.Worksheet, cell: ExcelJS.Cell | undefined): Record<string, unknown> {
  const c = colours(cell);
  return {
    address: cell ? `${sheetPrefix(ws.name)}${cell.address}` : '',
    format: {
      fill: { color: c.fill, pattern: reportedPattern(sim, c), tintAndShade: c.tintAndShade, patternColor: c.patternColor ?? '#000000' },
      font: {
        color: c.font,
        bold: Boolean(cell?.font?.bold),
        italic: Boolean(cell?.font?.italic),
        size: cell?.font?.size ?? 11,
        name: cell?.font?.name ?? 'Calibri',
      },
      wrapText: Boolean(cell?.alignment?.wrapText),
    },
  };
}

/** Keeps only the keys the request set to true (getCellProperties returns exactly what was asked for). */
function pickRequested(request: CellPropertyRequest, full: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, wanted] of Object.entries(request)) {
    if (!(key in full) || !wanted) continue;
    const value = full[key];
    out[key] = wanted === true || typeof value !== 'object' || value === null ? value : pickRequested(wanted as CellPropertyRequest, value as Record<string, unknown>);
  }
  return out;
}
