/**
 * One `Excel.run` request context: operations queue until `sync`, which checks the payload limits, runs them in
 * order (a failure stops the rest, with no rollback, as in Excel) and then hands loaded values to the proxies.
 */
import type ExcelJS from 'exceljs';
import type { CellRange } from '../../domain/types';
import { SimulatorError } from '../errors';
import { mergedAreas, usedCells, usedRect } from '../sheet-model';
import type { Batch, QueuedOp, SimulatedExcel } from './batch';
import { WorkbookProxy } from './workbook';

/** Rough size of one queued action (object path + action JSON) in a real request. */
const ACTION_OVERHEAD_BYTES = 120;

export class SimRequestContext implements Batch {
  readonly workbook: WorkbookProxy;
  private queue: QueuedOp[] = [];
  /** Ranges whose format is written in the pending batch. */
  readonly formatTargets = new Set<object>();
  /**
   * What a sync works out about a whole sheet, kept until the next write: its used ranges (finding one scans
   * every cell) and its merged areas (listed from every merge, and asked for once per band of rows).
   */
  private readonly sheetFacts = new Map<string, unknown>();

  private sheetFact<T>(key: string, find: () => T): T {
    if (!this.sheetFacts.has(key)) this.sheetFacts.set(key, find());
    return this.sheetFacts.get(key) as T;
  }

  usedRect(ws: ExcelJS.Worksheet, valuesOnly: boolean): CellRange | null {
    return this.sheetFact(`${ws.id}:used:${valuesOnly}`, () => usedRect(ws, valuesOnly));
  }

  /** Bounds of the used cells inside `rect` (Range.getUsedRange), from one list of used cells per sync. */
  usedRectWithin(ws: ExcelJS.Worksheet, rect: CellRange, valuesOnly: boolean): CellRange | null {
    const cells = this.sheetFact(`${ws.id}:usedCells:${valuesOnly}`, () => usedCells(ws, valuesOnly));
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [row, col] of cells) {
      if (row < rect.top || row > rect.bottom || col < rect.left || col > rect.right) continue;
      top = Math.min(top, row);
      bottom = Math.max(bottom, row);
      left = Math.min(left, col);
      right = Math.max(right, col);
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  mergedAreas(ws: ExcelJS.Worksheet): CellRange[] {
    return this.sheetFact(`${ws.id}:merges`, () => mergedAreas(ws));
  }

  constructor(readonly sim: SimulatedExcel) {
    this.workbook = new WorkbookProxy(this);
  }

  get hasPendingOperations(): boolean {
    return this.queue.length > 0;
  }

  enqueue(op: QueuedOp): void {
    this.queue.push(op);
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    const formatTargets = this.formatTargets.size;
    this.queue = [];
    this.formatTargets.clear();
    this.sheetFacts.clear();
    await Promise.resolve();
    if (this.sim.cellEditMode) {
      this.sim.recordSync(0, 0, 0);
      throw new SimulatorError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.');
    }
    const requestBytes = ops.reduce((sum, op) => sum + ACTION_OVERHEAD_BYTES + op.requestBytes, 0);
    const limit = this.sim.payloadLimitBytes;
    if (limit !== null && requestBytes > limit) {
      this.sim.recordSync(requestBytes, 0, 0);
      throw new SimulatorError('RequestPayloadSizeLimitExceeded', `The request payload (${requestBytes} bytes) exceeds the limit.`);
    }
    let responseBytes = 0;
    const deliveries: (() => void)[] = [];
    try {
      for (const op of ops) {
        if (!op.readOnly) this.sheetFacts.clear();
        const effect = op.run();
        if (effect && typeof effect.responseBytes === 'number') {
          responseBytes += effect.responseBytes;
          if (effect.deliver) deliveries.push(effect.deliver);
        }
      }
    } finally {
      this.sim.recordSync(requestBytes, responseBytes, formatTargets);
    }
    if (limit !== null && responseBytes > limit) {
      throw new SimulatorError('ResponsePayloadSizeLimitExceeded', `The response payload (${responseBytes} bytes) exceeds the limit.`);
    }
    for (const deliver of deliveries) deliver();
  }
}
