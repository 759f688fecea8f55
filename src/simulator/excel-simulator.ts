/**
 * An in-memory fake of the part of the Excel JavaScript API that `ExcelHost` uses, backed by an ExcelJS
 * workbook. It keeps the semantics host code depends on:
 *  - proxy objects queue operations; `load()` + `context.sync()` fill properties; reading a property that
 *    was not loaded and synced throws PropertyNotLoaded; writes apply at `sync`, in order, and a failing
 *    operation rejects the sync after the earlier ones were applied (as in Excel: no rollback);
 *  - `getItem` of a missing sheet rejects the sync with ItemNotFound; `*OrNullObject` gives `isNullObject`;
 *  - `range.values` coerces strings as typing does (`=…` becomes a formula unless the cell is formatted '@');
 *    `null` inside a written array leaves that cell unchanged;
 *  - a requirement-set level: calling an API above it throws ApiNotFound;
 *  - counters: syncs, format operations (ranges whose format was written), request/response payload bytes
 *    (UTF-8 JSON, approximate), with the web's 5 MB limit enforced unless switched off.
 * Browser-safe (no Node imports): the preview runs it in the page.
 * The application is this file; each proxy of its object model (workbook, worksheets, worksheet, range, format,
 * fill, font, …) is a file of its own in excel/, and what they share of a worksheet is in sheet-model.ts.
 */
import ExcelJS from 'exceljs';
import { WEB_PAYLOAD_LIMIT_BYTES } from '../hosts/excel/payload';
import { SimulatorError } from './errors';
import type { ActivationEvent, ActivationHandler, SimulatedChart, SimulatedExcel } from './excel/batch';
import { SimRequestContext } from './excel/context';

export { parseRangeAddress } from './sheet-model';
export type { ActivationEvent, SimulatedChart };
export const LATEST_API_VERSION = '1.20';
export { WEB_PAYLOAD_LIMIT_BYTES };

export interface SimulatorOptions {
  /** Highest ExcelApi set supported, '1.1' … '1.20' (default the latest). */
  apiVersion?: string;
  /**
   * Request/response size limit; null = no limit (desktop). Default: the web's 5 MB ("Resource limits and
   * performance optimization for Office Add-ins", Excel add-ins), refused with RequestPayloadSizeLimitExceeded /
   * ResponsePayloadSizeLimitExceeded.
   */
  payloadLimitBytes?: number | null;
  /**
   * Answer `fill.pattern` null for no fill and for solid fills, as builds reported in office-js #4900 do ("They
   * both have null for format.fill.pattern, and they both have #FFFFFF"); default false (pattern as documented).
   */
  fillPatternReadsNull?: boolean;
  /**
   * How `requirements.isSetSupported` compares versions, as office.js's host files do (default '16.01'):
   * '16.01' (excel-win32-16.01.js, current builds) splits "1.10" into major 1, minor 10 and compares the parts;
   * '16.00' (excel-win32-16.00.js, Office 2016 MSI) compares `setMaxVersion >= minVersion` with the set's level a
   * number, so "1.10" means 1.1 and "1.20" means 1.2. Only the answer changes; the APIs stay those of `apiVersion`.
   */
  requirementCheck?: '16.00' | '16.01';
}

export interface SimulatorStats {
  syncs: number;
  /** Ranges whose format was written (one per range per sync, however many properties were set). */
  formatOperations: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** max(maxRequestBytes, maxResponseBytes). */
  maxPayloadBytes: number;
}

function versionParts(v: string): [number, number] {
  const m = /^(\d+)\.(\d+)$/.exec(v.trim());
  if (!m) throw new RangeError(`Not a requirement-set version: ${v}`);
  return [Number(m[1]), Number(m[2])];
}

function versionAtMost(v: string, max: string): boolean {
  const [a, b] = versionParts(v);
  const [c, d] = versionParts(max);
  return a < c || (a === c && b <= d);
}

/** The simulated Excel application: one workbook, a requirement-set level, counters. */
export class ExcelSimulator implements SimulatedExcel {
  readonly workbook: ExcelJS.Workbook;
  apiVersion: string;
  payloadLimitBytes: number | null;
  fillPatternReadsNull: boolean;
  requirementCheck: '16.00' | '16.01';
  readonly stats: SimulatorStats = { syncs: 0, formatOperations: 0, maxRequestBytes: 0, maxResponseBytes: 0, maxPayloadBytes: 0 };
  activeSheet: string;
  selection: { sheet: string; address: string } | null = null;
  /** The user is typing in a cell: Excel then refuses every batch (InvalidOperationInCellEditMode). */
  cellEditMode = false;
  readonly charts: SimulatedChart[] = [];
  /** Every application.calculate call's calculation type, in order. */
  readonly calculations: string[] = [];
  /** `Office.context.requirements`-shaped, for injecting into the host. */
  readonly requirements: { isSetSupported(name: string, version?: string): boolean };

  constructor(workbook: ExcelJS.Workbook, options: SimulatorOptions = {}) {
    this.workbook = workbook;
    this.apiVersion = options.apiVersion ?? LATEST_API_VERSION;
    versionParts(this.apiVersion);
    this.payloadLimitBytes = options.payloadLimitBytes === undefined ? WEB_PAYLOAD_LIMIT_BYTES : options.payloadLimitBytes;
    this.fillPatternReadsNull = options.fillPatternReadsNull ?? false;
    this.requirementCheck = options.requirementCheck ?? '16.01';
    if (workbook.worksheets.length === 0) workbook.addWorksheet('Sheet1');
    const tab = (workbook.views?.[0] as { activeTab?: number } | undefined)?.activeTab ?? 0;
    const initial = workbook.worksheets[tab] ?? workbook.worksheets[0];
    this.activeSheet = (initial.state === 'visible' ? initial : (workbook.worksheets.find((w) => w.state === 'visible') ?? initial)).name;
    this.requirements = { isSetSupported: (name, version) => this.hostFileSaysSupported(name, version) };
  }

  /** What office.js's host file answers the add-in (see requirementCheck), which need not be the truth. */
  hostFileSaysSupported(name: string, minVersion?: string): boolean {
    if (name === undefined || name.toLowerCase() !== 'excelapi') return false;
    if (this.requirementCheck === '16.00') {
      const setMaxVersion = Number(this.apiVersion);
      // `setMaxVersion >= minVersion` with a string on the right: JavaScript compares it as a number.
      return setMaxVersion > 0 && setMaxVersion >= Number(minVersion ?? 0);
    }
    const parse = (v: string): [number, number] | null => {
      const parts = v.split('.');
      if (parts.length < 2 && isNaN(Number(v))) return null;
      const major = Number(parts[0]);
      const minor = parts.length >= 2 ? Number(parts[1]) : 0;
      return isNaN(major) || isNaN(minor) ? null : [major, minor];
    };
    const max = parse(this.apiVersion);
    const min = parse(String(minVersion ?? 0));
    if (!max || !min) return false;
    return max[0] > 0 && (max[0] > min[0] || (max[0] === min[0] && max[1] >= min[1]));
  }

  static async fromBytes(bytes: Uint8Array | ArrayBuffer, options?: SimulatorOptions): Promise<ExcelSimulator> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as ArrayBuffer);
    return new ExcelSimulator(wb, options);
  }

  isSetSupported(name: string, version = '1.1'): boolean {
    return name === 'ExcelApi' && versionAtMost(version, this.apiVersion);
  }

  /** `Excel.run`-shaped: runs the batch against a fresh request context, flushing what it left queued. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new SimRequestContext(this);
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.hasPendingOperations) await context.sync();
    return result;
  };

  resetStats(): void {
    Object.assign(this.stats, { syncs: 0, formatOperations: 0, maxRequestBytes: 0, maxResponseBytes: 0, maxPayloadBytes: 0 });
  }

  /** Handlers added with `worksheets.onActivated` (ExcelApi 1.7). */
  private readonly activationHandlers = new Set<ActivationHandler>();

  addActivationHandler(handler: ActivationHandler): void {
    this.activationHandlers.add(handler);
  }

  removeActivationHandler(handler: ActivationHandler): void {
    this.activationHandlers.delete(handler);
  }

  /** The user clicks a sheet's tab: it becomes the active sheet, and `onActivated` handlers hear of it. */
  activateSheet(name: string): void {
    const ws = this.findSheet(name);
    if (!ws || ws.state !== 'visible') throw new SimulatorError('InvalidOperation', `No visible sheet named '${name}' to activate.`);
    this.makeActive(ws);
  }

  /** As in Excel, handlers run after the change, outside the batch that caused it. */
  makeActive(ws: ExcelJS.Worksheet): void {
    if (this.activeSheet === ws.name) return;
    this.activeSheet = ws.name;
    const args: ActivationEvent = { type: 'WorksheetActivated', worksheetId: `{${ws.id}}`, source: 'Local' };
    for (const handler of [...this.activationHandlers]) {
      setTimeout(() => void Promise.resolve(handler(args)).catch(() => undefined), 0);
    }
  }

  requireApi(version: string, what: string): void {
    if (!this.isSetSupported('ExcelApi', version)) {
      throw new SimulatorError('ApiNotFound', `${what} needs ExcelApi ${version}; this Excel supports ${this.apiVersion}.`);
    }
  }

  /** Excel matches sheet names case-insensitively. */
  findSheet(name: string): ExcelJS.Worksheet | undefined {
    const wanted = name.toLowerCase();
    return this.workbook.worksheets.find((w) => w.name.toLowerCase() === wanted);
  }

  sheetFrozen(name: string): { rows: number; cols: number } | null {
    const view = this.findSheet(name)?.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
    return view?.state === 'frozen' ? { rows: view.ySplit ?? 0, cols: view.xSplit ?? 0 } : null;
  }

  recordSync(requestBytes: number, responseBytes: number, formatTargets: number): void {
    const s = this.stats;
    s.syncs++;
    s.formatOperations += formatTargets;
    s.maxRequestBytes = Math.max(s.maxRequestBytes, requestBytes);
    s.maxResponseBytes = Math.max(s.maxResponseBytes, responseBytes);
    s.maxPayloadBytes = Math.max(s.maxRequestBytes, s.maxResponseBytes);
  }
}
