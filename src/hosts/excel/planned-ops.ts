/**
 * An apply as a list of queued pieces with their request sizes, cut into as few syncs as the request limit
 * allows. Each piece finds its sheet through one cache per batch, so a sheet proxy is made once a batch.
 */
import type { Ctx, ExcelSession, Sheet } from './session';

/** One queued piece of an apply, with its request size, so big applies can be cut into syncs. */
export interface PlannedOp {
  bytes: number;
  queue: (ctx: Ctx, sheets: SheetCache) => void;
  /** Writes cell values that formulas elsewhere may depend on. */
  writesValues?: boolean;
}

export class SheetCache {
  private readonly byName = new Map<string, Sheet>();
  constructor(private readonly ctx: Ctx) {}
  get(name: string): Sheet {
    const key = name.toLowerCase();
    let ws = this.byName.get(key);
    if (!ws) {
      ws = this.ctx.workbook.worksheets.getItem(name);
      this.byName.set(key, ws);
    }
    return ws;
  }
  forget(name: string): void {
    this.byName.delete(name.toLowerCase());
  }
}

/** The plan in batches under the request limit, one sync each. */
export async function runPlan(session: ExcelSession, plan: PlannedOp[]): Promise<void> {
  const batches: PlannedOp[][] = [[]];
  let size = 0;
  for (const op of plan) {
    if (size + op.bytes > session.limits.requestBytes && batches[batches.length - 1].length) {
      batches.push([]);
      size = 0;
    }
    batches[batches.length - 1].push(op);
    size += op.bytes;
  }
  for (const batch of batches) {
    await session.run(async (ctx) => {
      // Many ranges change at once: let Excel recalculate and repaint once, where it can be asked to.
      if (session.supports(6)) ctx.workbook.application.suspendApiCalculationUntilNextSync();
      if (session.supports(9)) ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
      const sheets = new SheetCache(ctx);
      for (const op of batch) op.queue(ctx, sheets);
      // Under suspendApiCalculationUntilNextSync re-calculating is the add-in's job (Excel.Application
      // reference), or formulas on the clerk's values stay stale; calculate itself is ExcelApi 1.1.
      if (session.supports(6) && batch.some((op) => op.writesValues)) ctx.workbook.application.calculate('Recalculate');
      await ctx.sync();
    });
  }
}

/** Appends `item` to the group under `key`, in place (copying the group per item made grouping 100 000 cells quadratic). */
export function addToGroup<K, V>(groups: Map<K, V[]>, key: K, item: V): void {
  const group = groups.get(key);
  if (group) group.push(item);
  else groups.set(key, [item]);
}
