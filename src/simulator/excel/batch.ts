/**
 * What every proxy of the imitation sees: the application (one workbook, its level and counters) and the batch
 * it queues operations in. Interfaces only, so the proxies depend on no class above them.
 */
import type ExcelJS from 'exceljs';
import type { CellRange } from '../../domain/types';

export interface Effect {
  responseBytes: number;
  /** Runs only when the whole sync succeeded: hands loaded values to the proxies. */
  deliver?: () => void;
}

export interface QueuedOp {
  requestBytes: number;
  run: () => Effect | void;
  /** Loads and existence checks change nothing, so the sheet facts a sync keeps stay valid across them. */
  readOnly?: boolean;
}

/** What Excel's WorksheetActivatedEventArgs carries. */
export interface ActivationEvent {
  type: 'WorksheetActivated';
  worksheetId: string;
  source: 'Local' | 'Remote';
}

export type ActivationHandler = (event: ActivationEvent) => Promise<unknown> | unknown;

export interface SimulatedChart {
  sheet: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string | null;
  position: { start: string; end: string } | null;
  seriesColors: Record<number, string>;
}

/** The application as the proxies use it (ExcelSimulator). */
export interface SimulatedExcel {
  readonly workbook: ExcelJS.Workbook;
  activeSheet: string;
  selection: { sheet: string; address: string } | null;
  readonly cellEditMode: boolean;
  readonly payloadLimitBytes: number | null;
  readonly fillPatternReadsNull: boolean;
  readonly charts: SimulatedChart[];
  readonly calculations: string[];
  /** Throws ApiNotFound when `what` needs a higher ExcelApi than this Excel has. */
  requireApi(version: string, what: string): void;
  findSheet(name: string): ExcelJS.Worksheet | undefined;
  makeActive(ws: ExcelJS.Worksheet): void;
  addActivationHandler(handler: ActivationHandler): void;
  removeActivationHandler(handler: ActivationHandler): void;
  recordSync(requestBytes: number, responseBytes: number, formatTargets: number): void;
}

/** One request context (SimRequestContext) as the proxies use it. */
export interface Batch {
  readonly sim: SimulatedExcel;
  /** Ranges whose format is written in the pending batch. */
  readonly formatTargets: Set<object>;
  enqueue(op: QueuedOp): void;
  sync(): Promise<void>;
  usedRect(ws: ExcelJS.Worksheet, valuesOnly: boolean): CellRange | null;
  usedRectWithin(ws: ExcelJS.Worksheet, rect: CellRange, valuesOnly: boolean): CellRange | null;
  mergedAreas(ws: ExcelJS.Worksheet): CellRange[];
}
