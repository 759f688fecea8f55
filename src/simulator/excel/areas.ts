import type ExcelJS from 'exceljs';
import type { CellRange } from '../../domain/types';
import { SimulatorError } from '../errors';
import { assertEditable, forEveryCell, officeAddress, uniform } from '../sheet-model';
import type { Batch } from './batch';
import { ClientObject } from './client-object';
import { FillProxy } from './fill';
import { FontProxy } from './font';
import type { SheetTarget } from './targets';

/** The RangeAreas of `worksheet.getRanges`: loads and formats over every area at once. */
export class AreasProxy extends ClientObject {
  protected readonly scalarProperties = ['address', 'areaCount'] as const;
  private formatFacade: { fill: FillProxy; font: FontProxy } | undefined;

  constructor(
    ctx: Batch,
    private readonly sheet: SheetTarget,
    private readonly rects: CellRange[],
  ) {
    super(ctx);
  }

  resolve(): { ws: ExcelJS.Worksheet; rects: CellRange[] } | null {
    const ws = this.sheet.resolve();
    return ws ? { ws, rects: this.rects } : null;
  }

  protected snapshot(names: string[]): Record<string, unknown> | null {
    const target = this.resolve();
    if (!target) return null;
    const out: Record<string, unknown> = {};
    if (names.includes('address')) out.address = this.rects.map((r) => officeAddress(target.ws.name, r)).join(',');
    if (names.includes('areaCount')) out.areaCount = this.rects.length;
    return out;
  }

  writeFormat(requestBytes: number, apply: (cell: ExcelJS.Cell) => void): void {
    this.ctx.formatTargets.add(this);
    this.ctx.enqueue({
      requestBytes,
      run: () => {
        const target = this.resolve();
        if (!target) throw new SimulatorError('ItemNotFound', 'The worksheet is a null object.');
        for (const rect of target.rects) assertEditable(target.ws, rect, 'format');
        for (const rect of target.rects) forEveryCell(target.ws, rect, (cell) => apply(cell));
      },
    });
  }

  readUniform<T>(read: (cell: ExcelJS.Cell | undefined) => T): T | null {
    const target = this.resolve();
    if (!target) return null;
    const values = target.rects.map((r) => uniform(target.ws, r, read));
    return values.every((v) => v !== null && v === values[0]) ? values[0] : null;
  }

  get format(): { fill: FillProxy; font: FontProxy } {
    this.formatFacade ??= { fill: new FillProxy(this.ctx, this), font: new FontProxy(this.ctx, this) };
    return this.formatFacade;
  }

  get address(): string {
    return this.loadedValue('address');
  }
  get areaCount(): number {
    return this.loadedValue('areaCount');
  }
}
