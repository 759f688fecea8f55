/** `format.fill`: colour, pattern, pattern colour and tint, read uniform-or-null as Office.js reads a range. */
import type ExcelJS from 'exceljs';
import { jsonBytes } from '../../hosts/excel/payload';
import { argb, excelJsPattern, type CellColours } from '../cell-model';
import { SimulatorError } from '../errors';
import { colours, updateStyle } from '../sheet-model';
import type { Batch, SimulatedExcel } from './batch';
import { ClientObject } from './client-object';
import type { FormatTarget } from './targets';

/** `fill.pattern` as this simulated build reports it (null for none and solid on builds like office-js #4900's). */
export function reportedPattern(sim: SimulatedExcel, c: CellColours): string | null {
  return sim.fillPatternReadsNull && (c.pattern === 'None' || c.pattern === 'Solid') ? null : c.pattern;
}

export class FillProxy extends ClientObject {
  protected readonly scalarProperties = ['color', 'pattern', 'patternColor', 'tintAndShade'] as const;
  constructor(
    ctx: Batch,
    private readonly range: FormatTarget,
  ) {
    super(ctx);
  }

  protected snapshot(names: string[]): Record<string, unknown> | null {
    if (!this.range.resolve()) return null;
    const out: Record<string, unknown> = {};
    for (const n of names) {
      if (n !== 'color') this.sim.requireApi('1.9', `RangeFill.${n}`);
      // A uniform answer or null; a uniform null (no tint: no fill) reads as null too.
      out[n] = this.range.readUniform((c) => {
        const x = colours(c);
        if (n === 'color') return x.fill;
        if (n === 'pattern') return reportedPattern(this.sim, x);
        if (n === 'tintAndShade') return x.tintAndShade;
        return x.patternColor ?? '#000000';
      });
    }
    return out;
  }

  get tintAndShade(): number | null {
    return this.loadedValue('tintAndShade');
  }

  get color(): string | null {
    return this.loadedValue('color');
  }
  set color(v: string) {
    const value = argb(v);
    this.range.writeFormat(jsonBytes(v), (cell) => {
      const current = cell.fill as ExcelJS.FillPattern | undefined;
      const patterned = current?.type === 'pattern' && current.pattern && current.pattern !== 'none' && current.pattern !== 'solid';
      updateStyle(cell, {
        fill: patterned ? { ...current, bgColor: { argb: value } } : { type: 'pattern', pattern: 'solid', fgColor: { argb: value }, bgColor: { indexed: 64 } as never },
      });
    });
  }
  get pattern(): string {
    return this.loadedValue('pattern');
  }
  set pattern(v: string) {
    this.sim.requireApi('1.9', 'RangeFill.pattern');
    // "LinearGradient and RectangularGradient are not supported" (Excel.RangeFill.pattern reference); Excel
    // refuses them with Excel.ErrorCodes.unsupportedFillType.
    if (v === 'LinearGradient' || v === 'RectangularGradient') {
      this.ctx.enqueue({
        requestBytes: jsonBytes(v),
        run: () => {
          throw new SimulatorError('UnsupportedFillType', `The fill type ${v} cannot be set.`);
        },
      });
      return;
    }
    this.range.writeFormat(jsonBytes(v), (cell) => {
      const current = (cell.fill as ExcelJS.FillPattern | undefined) ?? { type: 'pattern', pattern: 'none' };
      if (v === 'None') return updateStyle(cell, { fill: { type: 'pattern', pattern: 'none' } });
      if (v === 'Solid') {
        const colour = current.pattern === 'solid' ? current.fgColor : (current.bgColor ?? { argb: 'FFFFFFFF' });
        return updateStyle(cell, { fill: { type: 'pattern', pattern: 'solid', fgColor: colour } });
      }
      const background = current.pattern === 'solid' ? current.fgColor : current.bgColor;
      updateStyle(cell, {
        fill: { type: 'pattern', pattern: excelJsPattern(v) as ExcelJS.FillPatterns, fgColor: current.pattern === 'solid' ? { argb: 'FF000000' } : current.fgColor, bgColor: background },
      });
    });
  }
  get patternColor(): string {
    return this.loadedValue('patternColor');
  }
  set patternColor(v: string) {
    this.sim.requireApi('1.9', 'RangeFill.patternColor');
    const value = argb(v);
    this.range.writeFormat(jsonBytes(v), (cell) => {
      const current = cell.fill as ExcelJS.FillPattern | undefined;
      if (current?.type === 'pattern' && current.pattern !== 'none' && current.pattern !== 'solid') updateStyle(cell, { fill: { ...current, fgColor: { argb: value } } });
    });
  }

  clear(): void {
    this.range.writeFormat(0, (cell) => updateStyle(cell, { fill: { type: 'pattern', pattern: 'none' } }));
  }
}
