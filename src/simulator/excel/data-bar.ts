/** The data bar of a conditional format (ExcelApi 1.6): its colour is set at sync. */
import { argb } from '../cell-model';
import type { Batch } from './batch';

export class DataBarProxy {
  constructor(
    private readonly ctx: Batch,
    private readonly rule: { color: { argb: string } },
  ) {}
  get positiveFormat(): { fillColor: string } {
    const rule = this.rule;
    const ctx = this.ctx;
    return {
      set fillColor(v: string) {
        ctx.enqueue({
          requestBytes: 16,
          run: () => {
            rule.color = { argb: argb(v) };
          },
        });
      },
    } as { fillColor: string };
  }
}
