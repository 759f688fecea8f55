/** `range.format`: fill, font, borders, column width and row height, wrapping, alignment, cell protection. */
import type ExcelJS from 'exceljs';
import { charsToPoints, exactPointsToChars } from '../../hosts/excel/column-width';
import { argb } from '../cell-model';
import { SimulatorError } from '../errors';
import { forEveryCell, uniform, updateStyle } from '../sheet-model';
import type { Batch } from './batch';
import { ClientObject } from './client-object';
import { FillProxy } from './fill';
import { FontProxy } from './font';
import type { RangeTarget } from './targets';

const BORDER_SIDES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;

export class RangeFormatProxy extends ClientObject {
  protected readonly scalarProperties = ['columnWidth', 'rowHeight', 'wrapText', 'horizontalAlignment', 'verticalAlignment'] as const;
  readonly fill: FillProxy;
  readonly font: FontProxy;
  readonly borders: { getItem(side: string): { style: string; color: string } };

  constructor(
    ctx: Batch,
    readonly range: RangeTarget,
  ) {
    super(ctx);
    this.fill = new FillProxy(ctx, range);
    this.font = new FontProxy(ctx, range);
    this.borders = {
      getItem: (side: string) => {
        if (!(BORDER_SIDES as readonly string[]).includes(side)) throw new SimulatorError('InvalidArgument', `Not a border: ${side}`);
        let colour = '#000000';
        return {
          set color(v: string) {
            colour = v;
          },
          set style(v: string) {
            range.ctx.formatTargets.add(range);
            range.later(32, (ws, rect) => {
              const border = v === 'None' ? undefined : { style: 'thin' as const, color: { argb: argb(colour) } };
              forEveryCell(ws, rect, (cell, r, c) => {
                const last = { r: rect.bottom - rect.top, c: rect.right - rect.left };
                const b = { ...(cell.border ?? {}) } as Partial<ExcelJS.Borders>;
                if (side === 'EdgeTop' && r === 0) b.top = border;
                if (side === 'EdgeBottom' && r === last.r) b.bottom = border;
                if (side === 'EdgeLeft' && c === 0) b.left = border;
                if (side === 'EdgeRight' && c === last.c) b.right = border;
                if (side === 'InsideHorizontal') {
                  if (r > 0) b.top = border;
                  if (r < last.r) b.bottom = border;
                }
                if (side === 'InsideVertical') {
                  if (c > 0) b.left = border;
                  if (c < last.c) b.right = border;
                }
                updateStyle(cell, { border: b });
              });
            });
          },
        } as { style: string; color: string };
      },
    };
  }

  protected snapshot(names: string[]): Record<string, unknown> | null {
    const target = this.range.resolve();
    if (!target) return null;
    const { ws, rect } = target;
    const out: Record<string, unknown> = {};
    for (const n of names) {
      if (n === 'columnWidth') {
        this.sim.requireApi('1.2', 'RangeFormat.columnWidth');
        out.columnWidth = uniform(ws, { ...rect, top: 0, bottom: 0 }, () => 0) === null ? null : charsToPoints(ws.getColumn(rect.left + 1).width ?? 8.43);
      } else if (n === 'rowHeight') {
        this.sim.requireApi('1.2', 'RangeFormat.rowHeight');
        out.rowHeight = ws.findRow(rect.top + 1)?.height ?? 15;
      } else if (n === 'wrapText') out.wrapText = uniform(ws, rect, (c) => Boolean(c?.alignment?.wrapText));
      else if (n === 'horizontalAlignment') out.horizontalAlignment = uniform(ws, rect, (c) => horizontalName(c?.alignment?.horizontal));
      else if (n === 'verticalAlignment') out.verticalAlignment = uniform(ws, rect, (c) => verticalName(c?.alignment?.vertical));
    }
    return out;
  }

  get columnWidth(): number {
    return this.loadedValue('columnWidth');
  }
  set columnWidth(pointsWidth: number) {
    this.sim.requireApi('1.2', 'RangeFormat.columnWidth');
    this.range.ctx.formatTargets.add(this.range);
    this.range.later(16, (ws, rect) => {
      for (let c = rect.left; c <= rect.right; c++) ws.getColumn(c + 1).width = exactPointsToChars(pointsWidth);
    });
  }
  get rowHeight(): number {
    return this.loadedValue('rowHeight');
  }
  set rowHeight(pointsHeight: number) {
    this.sim.requireApi('1.2', 'RangeFormat.rowHeight');
    this.range.ctx.formatTargets.add(this.range);
    this.range.later(16, (ws, rect) => {
      for (let r = rect.top; r <= rect.bottom; r++) ws.getRow(r + 1).height = pointsHeight;
    });
  }
  get wrapText(): boolean {
    return this.loadedValue('wrapText');
  }
  set wrapText(wrap: boolean) {
    this.range.writeFormat(16, (cell) => updateStyle(cell, { alignment: { ...cell.alignment, wrapText: wrap } }));
  }
  get horizontalAlignment(): string {
    return this.loadedValue('horizontalAlignment');
  }
  set horizontalAlignment(v: string) {
    const h = ({ Left: 'left', Center: 'center', Right: 'right', General: undefined } as Record<string, ExcelJS.Alignment['horizontal'] | undefined>)[v];
    this.range.writeFormat(16, (cell) => updateStyle(cell, { alignment: { ...cell.alignment, horizontal: h } }));
  }
  get verticalAlignment(): string {
    return this.loadedValue('verticalAlignment');
  }
  set verticalAlignment(v: string) {
    const m = ({ Top: 'top', Center: 'middle', Bottom: 'bottom' } as Record<string, ExcelJS.Alignment['vertical']>)[v];
    this.range.writeFormat(16, (cell) => updateStyle(cell, { alignment: { ...cell.alignment, vertical: m } }));
  }

  get protection(): { locked: boolean } {
    this.sim.requireApi('1.2', 'RangeFormat.protection');
    const range = this.range;
    return {
      set locked(v: boolean) {
        range.writeFormat(8, (cell) => updateStyle(cell, { protection: { locked: v } }));
      },
    } as { locked: boolean };
  }
}

function horizontalName(h: string | undefined): string {
  return h === 'left' ? 'Left' : h === 'center' ? 'Center' : h === 'right' ? 'Right' : 'General';
}

function verticalName(v: string | undefined): string {
  return v === 'top' ? 'Top' : v === 'middle' ? 'Center' : 'Bottom';
}
