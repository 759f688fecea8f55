/** A chart added with `worksheet.charts.add`, recorded in the simulator's chart list (ExcelJS writes no charts). */
import { rangeAddress } from '../../domain/address';
import type { CellRange } from '../../domain/types';
import { jsonBytes } from '../../hosts/excel/payload';
import type { Batch, SimulatedChart } from './batch';

/** A range made from an address, as a chart's corners may be given. */
type FixedRange = { fixedRect(): CellRange | null };

export class ChartProxy {
  constructor(
    private readonly ctx: Batch,
    private readonly chart: SimulatedChart,
  ) {}

  private later(bytes: number, apply: () => void): void {
    this.ctx.enqueue({
      requestBytes: bytes,
      run: () => {
        apply();
      },
    });
  }

  get title(): { text: string } {
    const later = this.later.bind(this);
    const chart = this.chart;
    return {
      set text(v: string) {
        later(jsonBytes(v), () => (chart.title = v));
      },
    } as { text: string };
  }

  setPosition(start: string | FixedRange, end?: string | FixedRange): void {
    const addr = (r: string | FixedRange | undefined) => (r === undefined ? '' : typeof r === 'string' ? r : rangeAddress(r.fixedRect()!));
    this.later(64, () => (this.chart.position = { start: addr(start), end: addr(end) }));
  }

  get series(): { getItemAt(index: number): { format: { fill: { setSolidColor(color: string): void } } } } {
    return {
      getItemAt: (index) => ({
        format: { fill: { setSolidColor: (color: string) => this.later(32, () => (this.chart.seriesColors[index] = color)) } },
      }),
    };
  }
}
