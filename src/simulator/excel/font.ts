/** `format.font`: colour, bold, italic, size and name. */
import type ExcelJS from 'exceljs';
import { jsonBytes } from '../../hosts/excel/payload';
import { argb } from '../cell-model';
import { colours, updateStyle } from '../sheet-model';
import type { Batch } from './batch';
import { ClientObject } from './client-object';
import type { FormatTarget } from './targets';

export class FontProxy extends ClientObject {
  protected readonly scalarProperties = ['color', 'bold', 'italic', 'size', 'name'] as const;
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
      out[n] = this.range.readUniform((c) => {
        if (n === 'color') return colours(c).font;
        if (n === 'bold') return Boolean(c?.font?.bold);
        if (n === 'italic') return Boolean(c?.font?.italic);
        if (n === 'size') return c?.font?.size ?? 11;
        return c?.font?.name ?? 'Calibri';
      });
    }
    return out;
  }

  private set(key: keyof ExcelJS.Font, value: unknown): void {
    this.range.writeFormat(jsonBytes(value), (cell) => updateStyle(cell, { font: { ...cell.font, [key]: value } }));
  }

  get color(): string | null {
    return this.loadedValue('color');
  }
  set color(v: string) {
    this.set('color', { argb: argb(v) });
  }
  get bold(): boolean | null {
    return this.loadedValue('bold');
  }
  set bold(v: boolean) {
    this.set('bold', v);
  }
  get italic(): boolean | null {
    return this.loadedValue('italic');
  }
  set italic(v: boolean) {
    this.set('italic', v);
  }
  get size(): number | null {
    return this.loadedValue('size');
  }
  set size(v: number) {
    this.set('size', v);
  }
  get name(): string | null {
    return this.loadedValue('name');
  }
  set name(v: string) {
    this.set('name', v);
  }
}
