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
 */
import ExcelJS from 'exceljs';
import type { CellRange } from '../domain/types';
import { columnIndex, parseAddress, rangeAddress } from '../domain/address';
import { rangeCellCount, rangesIntersect } from '../domain/cell-ranges';
import {
  argb,
  cellColours,
  type CellColours,
  NO_FILL_COLOURS,
  coerceWrittenValue,
  excelJsPattern,
  hasFormat,
  hasValue,
  isMergeFollower,
  numberFormatOf,
  officeValueOf,
  type OfficeValue,
} from './cell-model';
import { headerFooterCode, parseHeaderFooterCode, type HeaderFooterSpec } from '../domain/sheet-spec';
import { SimulatorError } from './errors';
import { charsToPoints, exactPointsToChars } from '../hosts/excel/column-width';
import { jsonBytes, WEB_PAYLOAD_LIMIT_BYTES } from '../hosts/excel/payload';

export const LATEST_API_VERSION = '1.20';
export { WEB_PAYLOAD_LIMIT_BYTES };
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
/** Rough size of one queued action (object path + action JSON) in a real request. */
const ACTION_OVERHEAD_BYTES = 120;

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

export interface SimulatedChart {
  sheet: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string | null;
  position: { start: string; end: string } | null;
  seriesColors: Record<number, string>;
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

function officeVisibility(state: string | undefined): 'Visible' | 'Hidden' | 'VeryHidden' {
  return state === 'hidden' ? 'Hidden' : state === 'veryHidden' ? 'VeryHidden' : 'Visible';
}

/** Excel's A1 notation, also whole columns ('A:C') and whole rows ('2:5'), with an optional sheet prefix. */
export function parseRangeAddress(address: string): CellRange | null {
  const bare = (address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address).replace(/\$/g, '').trim();
  const cells = parseAddress(bare);
  if (cells) return cells.top >= 0 && cells.bottom < MAX_ROWS && cells.right < MAX_COLS ? cells : null;
  let m = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(bare);
  if (m) {
    const [c1, c2] = [columnIndex(m[1]), columnIndex(m[2])];
    return { top: 0, left: Math.min(c1, c2), bottom: MAX_ROWS - 1, right: Math.max(c1, c2) };
  }
  m = /^(\d+):(\d+)$/.exec(bare);
  if (m) {
    const [r1, r2] = [Number(m[1]) - 1, Number(m[2]) - 1];
    if (r1 < 0 || r2 < 0) return null;
    return { top: Math.min(r1, r2), left: 0, bottom: Math.max(r1, r2), right: MAX_COLS - 1 };
  }
  return null;
}

/** How Excel prefixes a sheet name in an address: quoted when it holds anything but letters, digits, '_' and '.'. */
function sheetPrefix(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}

function officeAddress(sheet: string, r: CellRange): string {
  return `${sheetPrefix(sheet)}${rangeAddress(r)}`;
}

interface Effect {
  responseBytes: number;
  /** Runs only when the whole sync succeeded: hands loaded values to the proxies. */
  deliver?: () => void;
}

/** What Excel's WorksheetActivatedEventArgs carries. */
export interface ActivationEvent {
  type: 'WorksheetActivated';
  worksheetId: string;
  source: 'Local' | 'Remote';
}

type ActivationHandler = (event: ActivationEvent) => Promise<unknown> | unknown;

interface QueuedOp {
  requestBytes: number;
  run: () => Effect | void;
  /** Loads and existence checks change nothing, so the sheet facts a sync keeps stay valid across them. */
  readOnly?: boolean;
}

/** The simulated Excel application: one workbook, a requirement-set level, counters. */
export class ExcelSimulator {
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

class SimRequestContext {
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

  constructor(readonly sim: ExcelSimulator) {
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

type LoadOption = string | string[] | { select?: string | string[] } | undefined;

function loadNames(option: LoadOption): string[] | null {
  if (option === undefined) return null;
  const raw = typeof option === 'string' ? option : Array.isArray(option) ? option.join(',') : [option.select ?? []].flat().join(',');
  return raw
    .split(',')
    .map((s) => s.trim().replace(/^items\//, ''))
    .filter(Boolean);
}

/** Common behaviour of every proxy: loaded properties, `load`, null-object state. */
abstract class ClientObject {
  private readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(readonly ctx: SimRequestContext) {}

  protected get sim(): ExcelSimulator {
    return this.ctx.sim;
  }

  /** Properties a bare `load()` fetches. */
  protected abstract readonly scalarProperties: readonly string[];
  /** Reads the named properties from the workbook at sync time; null for a null object. */
  protected abstract snapshot(names: string[]): Record<string, unknown> | null;

  protected loadedValue<T>(name: string): T {
    if (!this.loaded.has(name)) {
      throw new SimulatorError(
        'PropertyNotLoaded',
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(name) as T;
  }

  load(option?: LoadOption): this {
    const names = loadNames(option) ?? [...this.scalarProperties];
    for (const n of names) {
      if (!this.scalarProperties.includes(n)) throw new SimulatorError('InvalidArgument', `Cannot load '${n}' here.`);
    }
    this.ctx.enqueue({
      requestBytes: jsonBytes(names),
      readOnly: true,
      run: () => {
        const values = this.snapshot(names);
        return {
          responseBytes: jsonBytes(values),
          deliver: () => {
            this.nullState = values === null;
            if (values) for (const [k, v] of Object.entries(values)) this.loaded.set(k, v);
          },
        };
      },
    });
    return this;
  }

  /** Collection items arrive loaded with the collection. */
  protected preload(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) this.loaded.set(k, v);
    this.nullState = false;
  }

  /** For objects from `*OrNullObject`: queue the existence check every request carries. */
  protected trackNullState(exists: () => boolean): void {
    this.ctx.enqueue({
      requestBytes: 0,
      readOnly: true,
      run: () => {
        const isNull = !exists();
        return { responseBytes: 0, deliver: () => (this.nullState = isNull) };
      },
    });
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) return this.loadedValue<boolean>('isNullObject');
    return this.nullState;
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  constructor(private readonly ctx: SimRequestContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
  }

  /**
   * The simulator neither calculates nor paints, so these only check the level (1.1, 1.6 and 1.9) and record
   * the calculate calls.
   */
  get application(): {
    calculate(calculationType: string): void;
    suspendApiCalculationUntilNextSync(): void;
    suspendScreenUpdatingUntilNextSync(): void;
  } {
    return {
      calculate: (calculationType) => {
        if (!['Recalculate', 'Full', 'FullRebuild'].includes(calculationType)) throw new SimulatorError('InvalidArgument', `Not a calculation type: ${calculationType}`);
        this.ctx.sim.calculations.push(calculationType);
      },
      suspendApiCalculationUntilNextSync: () => this.ctx.sim.requireApi('1.6', 'suspendApiCalculationUntilNextSync'),
      suspendScreenUpdatingUntilNextSync: () => this.ctx.sim.requireApi('1.9', 'suspendScreenUpdatingUntilNextSync'),
    };
  }
}

class WorksheetCollectionProxy extends ClientObject {
  protected readonly scalarProperties = ['name', 'visibility', 'position'] as const;
  private loadedItems: WorksheetProxy[] | undefined;

  get items(): WorksheetProxy[] {
    if (!this.loadedItems) return this.loadedValue<WorksheetProxy[]>('items');
    return this.loadedItems;
  }

  protected snapshot(names: string[]): Record<string, unknown> {
    const rows = this.sim.workbook.worksheets.map((ws) => {
      const row: Record<string, unknown> = {};
      for (const n of names) row[n] = sheetProperty(this.sim, ws, n);
      return row;
    });
    return { items: rows };
  }

  override load(option?: LoadOption): this {
    const names = loadNames(option) ?? [...this.scalarProperties];
    this.ctx.enqueue({
      requestBytes: jsonBytes(names),
      readOnly: true,
      run: () => {
        const sheets = this.sim.workbook.worksheets;
        const rows = this.snapshot(names).items as Record<string, unknown>[];
        return {
          responseBytes: jsonBytes(rows),
          deliver: () => {
            this.loadedItems = sheets.map((ws, i) => WorksheetProxy.loadedFrom(this.ctx, ws.name, rows[i]));
          },
        };
      },
    });
    return this;
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, { kind: 'name', name, nullable: false });
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    this.sim.requireApi('1.4', 'WorksheetCollection.getItemOrNullObject');
    return new WorksheetProxy(this.ctx, { kind: 'name', name, nullable: true });
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, { kind: 'active' });
  }

  /** ExcelApi 1.7. The handler is registered when the batch syncs, and removed the same way. */
  get onActivated(): { add(handler: ActivationHandler): { context: SimRequestContext; remove(): void } } {
    this.sim.requireApi('1.7', 'WorksheetCollection.onActivated');
    return {
      add: (handler) => {
        this.ctx.enqueue({ requestBytes: 64, run: () => this.sim.addActivationHandler(handler) });
        return { context: this.ctx, remove: () => this.ctx.enqueue({ requestBytes: 64, run: () => this.sim.removeActivationHandler(handler) }) };
      },
    };
  }

  add(name: string): WorksheetProxy {
    this.ctx.enqueue({
      requestBytes: jsonBytes(name),
      run: () => {
        if (this.sim.findSheet(name)) throw new SimulatorError('ItemAlreadyExists', `A sheet named '${name}' already exists.`);
        try {
          this.sim.workbook.addWorksheet(name);
        } catch (e) {
          throw new SimulatorError('InvalidArgument', `Not a valid sheet name: '${name}' (${(e as Error).message}).`);
        }
      },
    });
    return new WorksheetProxy(this.ctx, { kind: 'name', name, nullable: false });
  }
}

function sheetProperty(sim: ExcelSimulator, ws: ExcelJS.Worksheet, name: string): unknown {
  switch (name) {
    case 'name':
      return ws.name;
    case 'visibility':
      return officeVisibility(ws.state);
    case 'position':
      return sim.workbook.worksheets.indexOf(ws);
    default:
      throw new SimulatorError('InvalidArgument', `Cannot load '${name}' on a worksheet.`);
  }
}

type SheetLocator = { kind: 'name'; name: string; nullable: boolean } | { kind: 'active' };

class WorksheetProxy extends ClientObject {
  protected readonly scalarProperties = ['name', 'visibility', 'position'] as const;

  constructor(
    ctx: SimRequestContext,
    private readonly locator: SheetLocator,
  ) {
    super(ctx);
    if (locator.kind === 'name' && locator.nullable) this.trackNullState(() => this.resolve() !== null);
  }

  static loadedFrom(ctx: SimRequestContext, name: string, values: Record<string, unknown>): WorksheetProxy {
    const proxy = new WorksheetProxy(ctx, { kind: 'name', name, nullable: false });
    proxy.preload(values);
    return proxy;
  }

  /** The sheet at sync time; ItemNotFound for a missing sheet, null for a null object. */
  resolve(): ExcelJS.Worksheet | null {
    const name = this.locator.kind === 'active' ? this.sim.activeSheet : this.locator.name;
    const ws = this.sim.findSheet(name);
    if (ws) return ws;
    if (this.locator.kind === 'name' && this.locator.nullable) return null;
    throw new SimulatorError('ItemNotFound', `The requested resource doesn't exist: worksheet '${name}'.`);
  }

  protected snapshot(names: string[]): Record<string, unknown> | null {
    const ws = this.resolve();
    if (!ws) return null;
    return Object.fromEntries(names.map((n) => [n, sheetProperty(this.sim, ws, n)]));
  }

  get name(): string {
    return this.loadedValue('name');
  }

  get visibility(): string {
    return this.loadedValue('visibility');
  }

  set visibility(value: string) {
    this.sim.requireApi('1.2', 'Setting Worksheet.visibility');
    const state = value === 'Hidden' ? 'hidden' : value === 'VeryHidden' ? 'veryHidden' : value === 'Visible' ? 'visible' : null;
    if (!state) throw new SimulatorError('InvalidArgument', `Not a sheet visibility: ${value}`);
    this.write(jsonBytes(value), (ws) => {
      if (state !== 'visible' && this.sim.workbook.worksheets.filter((w) => w.state === 'visible' && w !== ws).length === 0) {
        throw new SimulatorError('InvalidOperation', 'A workbook must keep at least one visible sheet.');
      }
      ws.state = state;
      if (state !== 'visible' && this.sim.activeSheet === ws.name) {
        this.sim.activeSheet = this.sim.workbook.worksheets.find((w) => w.state === 'visible')!.name;
      }
    });
  }

  get position(): number {
    return this.loadedValue('position');
  }

  write(requestBytes: number, apply: (ws: ExcelJS.Worksheet) => void): void {
    this.ctx.enqueue({
      requestBytes,
      run: () => {
        const ws = this.resolve();
        if (!ws) throw new SimulatorError('ItemNotFound', 'The worksheet is a null object.');
        apply(ws);
      },
    });
  }

  getRange(address?: string): RangeProxy {
    if (address === undefined) return new RangeProxy(this.ctx, this, () => ({ top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 }), false);
    const rect = parseRangeAddress(address);
    if (!rect) throw new SimulatorError('InvalidArgument', `Not a range address: ${address}`);
    return new RangeProxy(this.ctx, this, () => rect, false, rect);
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    this.sim.requireApi('1.7', 'Worksheet.getRangeByIndexes');
    const rect = { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 };
    return new RangeProxy(this.ctx, this, () => rect, false, rect);
  }

  /** ExcelApi 1.9: several areas ('A1:B2, D4') formatted as one. */
  getRanges(address: string): AreasProxy {
    this.sim.requireApi('1.9', 'Worksheet.getRanges');
    if (address.length > 8192) throw new SimulatorError('InvalidArgument', 'A range address may not exceed 8192 characters.');
    const rects = address.split(',').map((part) => parseRangeAddress(part.trim()));
    if (rects.some((r) => r === null)) throw new SimulatorError('InvalidArgument', `Not a list of range addresses: ${address}`);
    return new AreasProxy(this.ctx, this, rects as CellRange[]);
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    if (valuesOnly !== undefined) this.sim.requireApi('1.2', 'Worksheet.getUsedRange(valuesOnly)');
    // Excel answers A1 for a sheet with nothing in it.
    return new RangeProxy(this.ctx, this, (ws) => this.ctx.usedRect(ws, valuesOnly === true) ?? { top: 0, left: 0, bottom: 0, right: 0 }, false);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    this.sim.requireApi('1.4', 'Worksheet.getUsedRangeOrNullObject');
    return new RangeProxy(this.ctx, this, (ws) => this.ctx.usedRect(ws, valuesOnly === true), true);
  }

  activate(): void {
    this.write(0, (ws) => {
      if (ws.state !== 'visible') throw new SimulatorError('InvalidOperation', 'A hidden sheet cannot be activated.');
      this.sim.makeActive(ws);
    });
  }

  delete(): void {
    this.write(0, (ws) => {
      const wb = this.sim.workbook;
      // As Excel: a very hidden sheet must be made visible or hidden before it can be deleted (office-js #365).
      if (ws.state === 'veryHidden') throw new SimulatorError('InvalidOperation', 'A very hidden sheet cannot be deleted.');
      if (wb.worksheets.filter((w) => w.state === 'visible' && w !== ws).length === 0) {
        throw new SimulatorError('InvalidOperation', 'A workbook must keep at least one visible sheet.');
      }
      const name = ws.name;
      wb.removeWorksheet(ws.id);
      for (let i = this.sim.charts.length - 1; i >= 0; i--) if (this.sim.charts[i].sheet === name) this.sim.charts.splice(i, 1);
      if (this.sim.activeSheet === name) this.sim.activeSheet = wb.worksheets.find((w) => w.state === 'visible')!.name;
      if (this.sim.selection?.sheet === name) this.sim.selection = null;
    });
  }

  get freezePanes(): {
    freezeRows(count: number): void;
    freezeColumns(count: number): void;
    freezeAt(range: RangeProxy | string): void;
    unfreeze(): void;
  } {
    this.sim.requireApi('1.7', 'Worksheet.freezePanes');
    const freeze = (rows: number, cols: number) =>
      this.write(16, (ws) => {
        ws.views = rows || cols ? [{ state: 'frozen', xSplit: cols, ySplit: rows }] : [{ state: 'normal' }];
      });
    return {
      freezeRows: (count) => freeze(count, 0),
      freezeColumns: (count) => freeze(0, count),
      freezeAt: (range) => {
        const rect = typeof range === 'string' ? parseRangeAddress(range) : range.fixedRect();
        if (!rect) throw new SimulatorError('InvalidArgument', 'freezeAt needs a range.');
        freeze(rect.bottom + 1, rect.right + 1);
      },
      unfreeze: () => freeze(0, 0),
    };
  }

  /**
   * Worksheet.horizontalPageBreaks (ExcelApi 1.9): `add(range)` "adds a page break before the top-left cell of
   * the range specified" (learn.microsoft.com, Excel.PageBreakCollection.add). Stored as ExcelJS row breaks,
   * which sit below the row before it.
   */
  get horizontalPageBreaks(): { add(range: RangeProxy | string): void } {
    this.sim.requireApi('1.9', 'Worksheet.horizontalPageBreaks');
    return {
      add: (range) => {
        const rect = typeof range === 'string' ? parseRangeAddress(range) : range.fixedRect();
        if (!rect) throw new SimulatorError('InvalidArgument', 'horizontalPageBreaks.add needs a range.');
        this.write(16, (ws) => {
          if (rect.top > 0) ws.getRow(rect.top).addPageBreak();
        });
      },
    };
  }

  /**
   * Worksheet.pageLayout (ExcelApi 1.9, learn.microsoft.com Excel.PageLayout): orientation, paper size, zoom,
   * centring, margins in points, print titles, and headersFooters.defaultForAllPages (Excel.HeaderFooter:
   * left/center/right header and footer strings in Excel's &-codes).
   */
  get pageLayout(): {
    orientation: string;
    paperSize: string;
    zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
    centerHorizontally: boolean;
    leftMargin: number;
    rightMargin: number;
    topMargin: number;
    bottomMargin: number;
    headerMargin: number;
    footerMargin: number;
    headersFooters: { defaultForAllPages: HeaderFooterProxy };
    setPrintTitleRows(address: string): void;
  } {
    this.sim.requireApi('1.9', 'Worksheet.pageLayout');
    const write = this.write.bind(this);
    const margin = (key: 'left' | 'right' | 'top' | 'bottom' | 'header' | 'footer', points: number) =>
      write(16, (ws) => {
        const margins = ws.pageSetup.margins ?? { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
        ws.pageSetup.margins = { ...margins, [key]: points / 72 };
      });
    const defaultForAllPages = new HeaderFooterProxy(this.ctx, this);
    return {
      headersFooters: { defaultForAllPages },
      set centerHorizontally(v: boolean) {
        write(16, (ws) => (ws.pageSetup.horizontalCentered = v));
      },
      set leftMargin(v: number) { margin('left', v); },
      set rightMargin(v: number) { margin('right', v); },
      set topMargin(v: number) { margin('top', v); },
      set bottomMargin(v: number) { margin('bottom', v); },
      set headerMargin(v: number) { margin('header', v); },
      set footerMargin(v: number) { margin('footer', v); },
      set orientation(v: string) {
        write(16, (ws) => (ws.pageSetup.orientation = v === 'Landscape' ? 'landscape' : 'portrait'));
      },
      set paperSize(v: string) {
        write(16, (ws) => (ws.pageSetup.paperSize = v === 'A4' ? 9 : undefined));
      },
      set zoom(z: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
        write(jsonBytes(z), (ws) => {
          if (z.horizontalFitToPages !== undefined || z.verticalFitToPages !== undefined) {
            Object.assign(ws.pageSetup, { fitToPage: true, fitToWidth: z.horizontalFitToPages ?? 0, fitToHeight: z.verticalFitToPages ?? 0 });
          } else if (z.scale !== undefined) Object.assign(ws.pageSetup, { fitToPage: false, scale: z.scale });
        });
      },
      setPrintTitleRows: (address: string) => write(jsonBytes(address), (ws) => (ws.pageSetup.printTitlesRow = address.replace(/\$/g, ''))),
    } as never;
  }

  get protection(): { protect(options?: Record<string, boolean>): void; unprotect(): void } {
    this.sim.requireApi('1.2', 'Worksheet.protection');
    return {
      protect: (options) =>
        this.write(jsonBytes(options ?? {}), (ws) => {
          (ws as unknown as { sheetProtection: unknown }).sheetProtection = { sheet: true, ...(options ?? {}) };
        }),
      unprotect: () => this.write(0, (ws) => ((ws as unknown as { sheetProtection: unknown }).sheetProtection = undefined)),
    };
  }

  get charts(): { add(type: string, source: RangeProxy, seriesBy?: string): ChartProxy } {
    return {
      add: (type, source, seriesBy = 'Auto') => {
        const chart: SimulatedChart = { sheet: '', type, source: '', seriesBy, title: null, position: null, seriesColors: {} };
        this.write(jsonBytes([type, seriesBy]), (ws) => {
          const rect = source.fixedRect();
          if (!rect) throw new SimulatorError('InvalidArgument', 'A chart needs a fixed source range.');
          chart.sheet = ws.name;
          chart.source = rangeAddress(rect);
          this.sim.charts.push(chart);
        });
        return new ChartProxy(this.ctx, chart);
      },
    };
  }
}

type HeaderFooterSection = 'leftHeader' | 'centerHeader' | 'rightHeader' | 'leftFooter' | 'centerFooter' | 'rightFooter';
const HEADER_FOOTER_SECTIONS: Record<HeaderFooterSection, ['oddHeader' | 'oddFooter', keyof HeaderFooterSpec]> = {
  leftHeader: ['oddHeader', 'left'],
  centerHeader: ['oddHeader', 'center'],
  rightHeader: ['oddHeader', 'right'],
  leftFooter: ['oddFooter', 'left'],
  centerFooter: ['oddFooter', 'center'],
  rightFooter: ['oddFooter', 'right'],
};

/**
 * PageLayout.headersFooters.defaultForAllPages (Excel.HeaderFooter, ExcelApi 1.9): the six sections as strings in
 * Excel's &-codes, loadable and settable. The file keeps them as one line each (&L…&C…&R…), so setting one
 * section keeps the other two.
 */
class HeaderFooterProxy extends ClientObject {
  protected readonly scalarProperties = Object.keys(HEADER_FOOTER_SECTIONS) as HeaderFooterSection[];

  constructor(
    ctx: SimRequestContext,
    private readonly sheet: WorksheetProxy,
  ) {
    super(ctx);
  }

  protected snapshot(names: string[]): Record<string, unknown> | null {
    const ws = this.sheet.resolve();
    if (!ws) return null;
    return Object.fromEntries(
      names.map((n) => {
        const [line, section] = HEADER_FOOTER_SECTIONS[n as HeaderFooterSection];
        return [n, parseHeaderFooterCode(ws.headerFooter?.[line] ?? '')[section]];
      }),
    );
  }

  private set(name: HeaderFooterSection, text: string): void {
    const [line, section] = HEADER_FOOTER_SECTIONS[name];
    this.sheet.write(jsonBytes(text), (ws) => {
      const joined = headerFooterCode({ ...parseHeaderFooterCode(ws.headerFooter?.[line] ?? ''), [section]: text });
      ws.headerFooter = { ...ws.headerFooter, [line]: joined || undefined };
    });
  }

  get leftHeader(): string { return this.loadedValue('leftHeader'); }
  set leftHeader(v: string) { this.set('leftHeader', v); }
  get centerHeader(): string { return this.loadedValue('centerHeader'); }
  set centerHeader(v: string) { this.set('centerHeader', v); }
  get rightHeader(): string { return this.loadedValue('rightHeader'); }
  set rightHeader(v: string) { this.set('rightHeader', v); }
  get leftFooter(): string { return this.loadedValue('leftFooter'); }
  set leftFooter(v: string) { this.set('leftFooter', v); }
  get centerFooter(): string { return this.loadedValue('centerFooter'); }
  set centerFooter(v: string) { this.set('centerFooter', v); }
  get rightFooter(): string { return this.loadedValue('rightFooter'); }
  set rightFooter(v: string) { this.set('rightFooter', v); }
}

class ChartProxy {
  constructor(
    private readonly ctx: SimRequestContext,
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

  setPosition(start: string | RangeProxy, end?: string | RangeProxy): void {
    const addr = (r: string | RangeProxy | undefined) => (r === undefined ? '' : typeof r === 'string' ? r : rangeAddress(r.fixedRect()!));
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

/** [row, col] (0-based) of every cell `getUsedRange` counts. */
function usedCells(ws: ExcelJS.Worksheet, valuesOnly: boolean): [number, number][] {
  const out: [number, number][] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      if (hasValue(cell) || (!valuesOnly && hasFormat(cell))) out.push([rowNumber - 1, colNumber - 1]);
    });
  });
  return out;
}

/** Bounds of what `getUsedRange` counts: cells with values, plus formatted cells unless `valuesOnly`. */
export function usedRect(ws: ExcelJS.Worksheet, valuesOnly: boolean): CellRange | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      if (hasValue(cell) || (!valuesOnly && hasFormat(cell))) {
        top = Math.min(top, rowNumber - 1);
        bottom = Math.max(bottom, rowNumber - 1);
        left = Math.min(left, colNumber - 1);
        right = Math.max(right, colNumber - 1);
      }
    });
  });
  return bottom < 0 ? null : { top, left, bottom, right };
}

/** ExcelJS's private table of a sheet's merged areas, by the master cell's address (1-based bounds). */
type ExcelJsMerges = Record<string, { model: { top: number; left: number; bottom: number; right: number } }>;

function exceljsMergesOf(ws: ExcelJS.Worksheet): { _merges: ExcelJsMerges } {
  return ws as unknown as { _merges: ExcelJsMerges };
}

export function mergedAreas(ws: ExcelJS.Worksheet): CellRange[] {
  return Object.values(exceljsMergesOf(ws)._merges).map(({ model: m }) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
}

/**
 * Merges `r` in place of every merged area touching it, in time linear in its cells (a summary sheet merges
 * thousands of areas). ExcelJS's unMergeCells finds those areas from the cells of `r`, each of which knows its
 * master; its mergeCells would then compare `r` with every merge on the sheet, a check that can no longer
 * fail, so it runs against an empty index and the new area is added to the sheet's own afterwards.
 */
export function mergeReplacing(ws: ExcelJS.Worksheet, r: CellRange): void {
  ws.unMergeCells(r.top + 1, r.left + 1, r.bottom + 1, r.right + 1);
  if (r.bottom === r.top && r.right === r.left) return;
  const sheet = exceljsMergesOf(ws);
  const merges = sheet._merges;
  sheet._merges = {};
  try {
    ws.mergeCells(r.top + 1, r.left + 1, r.bottom + 1, r.right + 1);
  } finally {
    sheet._merges = Object.assign(merges, sheet._merges);
  }
}

/** Visits existing cells only (never creates rows), in row-major order. */
function forExistingCells(ws: ExcelJS.Worksheet, rect: CellRange, visit: (cell: ExcelJS.Cell) => void): void {
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber - 1 < rect.top || rowNumber - 1 > rect.bottom) return;
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      if (colNumber - 1 >= rect.left && colNumber - 1 <= rect.right) visit(cell);
    });
  });
}

function boundedForWrite(rect: CellRange): CellRange {
  if (tooManyCells(rect)) {
    throw new SimulatorError('InvalidArgument', 'The range is too large for a cell-by-cell operation in the simulator.');
  }
  return rect;
}

/**
 * A protected sheet refuses value writes to locked cells (cells are locked unless unlocked explicitly) and
 * formatting unless its protection allows formatting cells.
 */
export function assertEditable(ws: ExcelJS.Worksheet, rect: CellRange, kind: 'values' | 'format'): void {
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean; formatCells?: boolean } }).sheetProtection;
  if (!protection?.sheet) return;
  if (kind === 'format' && protection.formatCells) return;
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      if (kind === 'format' || ws.findRow(r + 1)?.findCell(c + 1)?.protection?.locked !== false) {
        throw new SimulatorError('AccessDenied', 'The cell or chart you are trying to change is protected and therefore read-only.');
      }
    }
  }
}

/** Visits every cell of the rectangle, creating it (for writes). */
export function forEveryCell(ws: ExcelJS.Worksheet, rect: CellRange, visit: (cell: ExcelJS.Cell, r: number, c: number) => void): void {
  boundedForWrite(rect);
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row = ws.getRow(r + 1);
    for (let c = rect.left; c <= rect.right; c++) visit(row.getCell(c + 1), r - rect.top, c - rect.left);
  }
}

export function updateStyle(cell: ExcelJS.Cell, patch: Partial<ExcelJS.Style>): void {
  // ExcelJS may share one style object between cells: replace it rather than mutate it.
  cell.style = { ...cell.style, ...patch };
}

/**
 * Excel handles at most five million cells in one range ("A range is limited to 5,000,000 cells for read
 * operations": "Resource limits and performance optimization for Office Add-ins", Excel add-ins; Office Scripts
 * platform limits say the same; the add-in docs' "Read or write to a large range" warns of it). Cell-level properties of a larger range then come back
 * null, as they do for an unbounded range ("Read or write to an unbounded range": values, numberFormat… null).
 */
export const MAX_CELLS_PER_RANGE = 5_000_000;

function tooManyCells(rect: CellRange): boolean {
  return rangeCellCount(rect) > MAX_CELLS_PER_RANGE;
}

export function grid<T>(ws: ExcelJS.Worksheet, rect: CellRange, read: (cell: ExcelJS.Cell | undefined) => T): T[][] {
  if (tooManyCells(rect)) {
    throw new SimulatorError('GeneralException', 'Excel reads at most 5 000 000 cells at a time.');
  }
  const out: T[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row = ws.findRow(r + 1);
    const line: T[] = [];
    for (let c = rect.left; c <= rect.right; c++) line.push(read(row?.findCell(c + 1)));
    out.push(line);
  }
  return out;
}

/** Same value for every cell, or null when they differ (Office.js range-level format semantics). */
export function uniform<T>(ws: ExcelJS.Worksheet, rect: CellRange, read: (cell: ExcelJS.Cell | undefined) => T): T | null {
  let first: T | undefined;
  let seen = false;
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row = ws.findRow(r + 1);
    for (let c = rect.left; c <= rect.right; c++) {
      const v = read(row?.findCell(c + 1));
      if (!seen) {
        first = v;
        seen = true;
      } else if (v !== first) return null;
    }
  }
  return first ?? null;
}

export function colours(cell: ExcelJS.Cell | undefined): CellColours {
  return cell ? cellColours(cell) : NO_FILL_COLOURS;
}

/** `fill.pattern` as this simulated build reports it (null for none and solid on builds like office-js #4900's). */
function reportedPattern(sim: ExcelSimulator, c: CellColours): string | null {
  return sim.fillPatternReadsNull && (c.pattern === 'None' || c.pattern === 'Solid') ? null : c.pattern;
}

type RangeLocate = (ws: ExcelJS.Worksheet) => CellRange | null;

class RangeProxy extends ClientObject {
  protected readonly scalarProperties = [
    'values',
    'numberFormat',
    'address',
    'rowIndex',
    'columnIndex',
    'rowCount',
    'columnCount',
    'rowHidden',
  ] as const;
  private formatProxy: RangeFormatProxy | undefined;

  constructor(
    ctx: SimRequestContext,
    readonly sheet: WorksheetProxy,
    private readonly locate: RangeLocate,
    nullable: boolean,
    private readonly fixed: CellRange | null = null,
  ) {
    super(ctx);
    if (nullable) this.trackNullState(() => this.resolve() !== null);
  }

  /** Sheet and rectangle at sync time; null for a null object (or a range of a null-object sheet). */
  resolve(): { ws: ExcelJS.Worksheet; rect: CellRange } | null {
    const ws = this.sheet.resolve();
    if (!ws) return null;
    const rect = this.locate(ws);
    return rect ? { ws, rect } : null;
  }

  /** The rectangle of a range made from an address (known without a sync). */
  fixedRect(): CellRange | null {
    return this.fixed;
  }

  protected snapshot(names: string[]): Record<string, unknown> | null {
    const target = this.resolve();
    if (!target) return null;
    const { ws, rect } = target;
    const out: Record<string, unknown> = {};
    for (const n of names) {
      switch (n) {
        case 'values':
          out.values = tooManyCells(rect) ? null : grid(ws, rect, (cell) => (cell ? officeValueOf(cell) : ''));
          break;
        case 'numberFormat':
          out.numberFormat = tooManyCells(rect) ? null : grid(ws, rect, (cell) => (cell ? numberFormatOf(cell) : 'General'));
          break;
        case 'address':
          out.address = officeAddress(ws.name, rect);
          break;
        case 'rowIndex':
          out.rowIndex = rect.top;
          break;
        case 'columnIndex':
          out.columnIndex = rect.left;
          break;
        case 'rowCount':
          out.rowCount = rect.bottom - rect.top + 1;
          break;
        case 'columnCount':
          out.columnCount = rect.right - rect.left + 1;
          break;
        case 'rowHidden': {
          this.sim.requireApi('1.2', 'Range.rowHidden');
          let hidden = 0;
          for (let r = rect.top; r <= rect.bottom; r++) if (ws.findRow(r + 1)?.hidden) hidden++;
          out.rowHidden = hidden === 0 ? false : hidden === rect.bottom - rect.top + 1 ? true : null;
          break;
        }
      }
    }
    return out;
  }

  get values(): OfficeValue[][] {
    return this.loadedValue('values');
  }

  /** Range.rowHidden (ExcelApi 1.2): setting it hides or shows every row of the range. */
  set rowHidden(hidden: boolean) {
    this.sim.requireApi('1.2', 'Range.rowHidden');
    this.later(16, (ws, rect) => {
      for (let r = rect.top; r <= rect.bottom; r++) ws.getRow(r + 1).hidden = hidden;
    });
  }

  set values(values: (OfficeValue | null)[][]) {
    this.writeCells(values, 'values', (cell, v) => {
      cell.value = coerceWrittenValue(v as OfficeValue, numberFormatOf(cell));
    });
  }

  get numberFormat(): string[][] {
    return this.loadedValue('numberFormat');
  }

  set numberFormat(formats: (string | null)[][]) {
    this.writeCells(formats, 'numberFormat', (cell, v) => {
      updateStyle(cell, { numFmt: v === 'General' ? undefined : (v as string) });
    });
  }

  get address(): string {
    return this.loadedValue('address');
  }
  get rowIndex(): number {
    return this.loadedValue('rowIndex');
  }
  get columnIndex(): number {
    return this.loadedValue('columnIndex');
  }
  get rowCount(): number {
    return this.loadedValue('rowCount');
  }
  get columnCount(): number {
    return this.loadedValue('columnCount');
  }
  get rowHidden(): boolean | null {
    return this.loadedValue('rowHidden');
  }

  /** Writes a 2D array (or one value for the whole range); `null` entries leave their cell unchanged. */
  private writeCells(data: unknown, what: string, apply: (cell: ExcelJS.Cell, v: unknown) => void): void {
    this.ctx.enqueue({
      requestBytes: jsonBytes(data),
      run: () => {
        const { ws, rect } = this.requireTarget();
        assertEditable(ws, rect, what === 'values' ? 'values' : 'format');
        const rows = rect.bottom - rect.top + 1;
        const cols = rect.right - rect.left + 1;
        const single = !Array.isArray(data);
        if (!single) {
          const matrix = data as unknown[][];
          if (matrix.length !== rows || matrix.some((line) => !Array.isArray(line) || line.length !== cols)) {
            throw new SimulatorError(
              'InvalidArgument',
              `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`,
            );
          }
        }
        forEveryCell(ws, rect, (cell, r, c) => {
          const v = single ? data : (data as unknown[][])[r][c];
          if (v !== null && v !== undefined && !(what === 'values' && isMergeFollower(cell))) apply(cell, v);
        });
      },
    });
  }

  requireTarget(): { ws: ExcelJS.Worksheet; rect: CellRange } {
    const target = this.resolve();
    if (!target) throw new SimulatorError('ItemNotFound', 'The range is a null object.');
    return target;
  }

  /** Queues a formatting write; counts this range as one format operation of the batch. */
  writeFormat(requestBytes: number, apply: (cell: ExcelJS.Cell) => void): void {
    this.ctx.formatTargets.add(this);
    this.ctx.enqueue({
      requestBytes,
      run: () => {
        const { ws, rect } = this.requireTarget();
        assertEditable(ws, rect, 'format');
        forEveryCell(ws, rect, (cell) => apply(cell));
      },
    });
  }

  /** Queues a whole-range operation run at sync. */
  later(requestBytes: number, apply: (ws: ExcelJS.Worksheet, rect: CellRange) => void): void {
    this.ctx.enqueue({
      requestBytes,
      run: () => {
        const { ws, rect } = this.requireTarget();
        apply(ws, rect);
      },
    });
  }

  /** Reads uniform-or-null format values at sync (for RangeFormat/Fill/Font loads). */
  readUniform<T>(read: (cell: ExcelJS.Cell | undefined) => T): T | null {
    const { ws, rect } = this.requireTarget();
    return uniform(ws, rect, read);
  }

  /** The rectangle this range covers in `ws` (null for a null object); derived ranges build on it. */
  rectIn(ws: ExcelJS.Worksheet): CellRange | null {
    return this.locate(ws);
  }

  private derived(shape: (r: CellRange) => CellRange): RangeProxy {
    const fixed = this.fixed ? shape(this.fixed) : null;
    return new RangeProxy(
      this.ctx,
      this.sheet,
      (ws) => {
        const r = this.locate(ws);
        if (!r) return null;
        const out = shape(r);
        if (out.top < 0 || out.left < 0 || out.bottom >= MAX_ROWS || out.right >= MAX_COLS) {
          throw new SimulatorError('InvalidArgument', 'The range reaches outside the worksheet grid.');
        }
        return out;
      },
      false,
      fixed,
    );
  }

  /**
   * "The cell can be outside the bounds of its parent range, so long as it stays within the worksheet grid"
   * (Excel.Range.getCell reference).
   */
  getCell(row: number, column: number): RangeProxy {
    return this.derived((r) => ({ top: r.top + row, left: r.left + column, bottom: r.top + row, right: r.left + column }));
  }

  /**
   * "Gets a row contained in the range" (Excel.Range.getRow reference): nothing is promised for a row past the
   * range, so the simulator refuses one — an adapter relying on it would fail here first.
   */
  getRow(row: number): RangeProxy {
    return this.derived((r) => {
      if (row < 0 || r.top + row > r.bottom) throw new SimulatorError('InvalidArgument', `Row ${row} is not contained in the range.`);
      return { top: r.top + row, left: r.left, bottom: r.top + row, right: r.right };
    });
  }

  /**
   * The used range within this range (ExcelApi 1.1; valuesOnly 1.2). "If there are no used cells within the
   * range, this function will throw an ItemNotFound error" (Excel.Range.getUsedRange reference).
   */
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    if (valuesOnly !== undefined) this.sim.requireApi('1.2', 'Range.getUsedRange(valuesOnly)');
    return new RangeProxy(
      this.ctx,
      this.sheet,
      (ws) => {
        const r = this.locate(ws);
        const used = r ? this.ctx.usedRectWithin(ws, r, valuesOnly === true) : null;
        if (!used) throw new SimulatorError('ItemNotFound', 'There are no used cells within the range.');
        return used;
      },
      false,
    );
  }

  /** The rectangular intersection (ExcelApi 1.1); ranges that do not meet are refused. */
  getIntersection(other: RangeProxy | string): RangeProxy {
    const otherRange = typeof other === 'string' ? this.sheet.getRange(other) : other;
    return new RangeProxy(
      this.ctx,
      this.sheet,
      (ws) => {
        const a = this.locate(ws);
        const b = otherRange.rectIn(ws);
        if (!a || !b) return null;
        const r = { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
        if (r.top > r.bottom || r.left > r.right) throw new SimulatorError('InvalidArgument', 'The ranges do not intersect.');
        return r;
      },
      false,
    );
  }

  getBoundingRect(other: RangeProxy | string): RangeProxy {
    const otherRange = typeof other === 'string' ? this.sheet.getRange(other) : other;
    const bounding = new RangeProxy(
      this.ctx,
      this.sheet,
      (ws) => {
        const a = this.locate(ws);
        const b = otherRange.rectIn(ws);
        if (!a || !b) return null;
        return { top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) };
      },
      false,
    );
    return bounding;
  }

  get format(): RangeFormatProxy {
    this.formatProxy ??= new RangeFormatProxy(this.ctx, this);
    return this.formatProxy;
  }

  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    if (applyTo !== 'Contents') this.ctx.formatTargets.add(this);
    this.later(16, (ws, rect) => {
      forExistingCells(ws, rect, (cell) => {
        if (applyTo !== 'Formats' && !isMergeFollower(cell)) cell.value = null;
        if (applyTo !== 'Contents') cell.style = {};
      });
    });
  }

  /**
   * Only `copyType: 'Formats'` from a range on the same sheet (what the host uses): each target cell takes
   * the style of the source cell at the same offset, the source tiled when it is smaller, as Excel does.
   */
  copyFrom(source: string, copyType: 'Formats' | 'All' | 'Values' | 'Formulas' = 'All'): void {
    this.sim.requireApi('1.9', 'Range.copyFrom');
    if (copyType !== 'Formats') throw new SimulatorError('InvalidArgument', `The simulator copies only formats, not ${copyType}.`);
    const from = parseAddress(source);
    if (!from || source.includes('!')) throw new SimulatorError('InvalidArgument', `The simulator copies only from an address on the same sheet: ${source}`);
    this.ctx.formatTargets.add(this);
    this.later(jsonBytes(source) + 16, (ws, rect) => {
      const rows = from.bottom - from.top + 1;
      const cols = from.right - from.left + 1;
      for (let r = rect.top; r <= rect.bottom; r++) {
        for (let c = rect.left; c <= rect.right; c++) {
          const style = ws.getCell(from.top + ((r - rect.top) % rows) + 1, from.left + ((c - rect.left) % cols) + 1).style;
          ws.getCell(r + 1, c + 1).style = JSON.parse(JSON.stringify(style ?? {}));
        }
      }
    });
  }

  merge(across = false): void {
    this.sim.requireApi('1.2', 'Range.merge');
    this.later(8, (ws, rect) => {
      const rows = across ? Array.from({ length: rect.bottom - rect.top + 1 }, (_, i) => rect.top + i) : [rect.top];
      for (const top of rows) mergeReplacing(ws, { ...rect, top, bottom: across ? top : rect.bottom });
    });
  }

  unmerge(): void {
    this.sim.requireApi('1.2', 'Range.unmerge');
    this.later(0, (ws, rect) => {
      for (const m of mergedAreas(ws)) if (rangesIntersect(m, rect)) ws.unMergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    });
  }

  select(): void {
    this.later(0, (ws, rect) => {
      if (this.sim.activeSheet !== ws.name) throw new SimulatorError('InvalidSelection', 'Only a range on the active sheet can be selected.');
      this.sim.selection = { sheet: ws.name, address: rangeAddress(rect) };
    });
  }

  getCellProperties(options: CellPropertyRequest): { value: Record<string, unknown>[][] } {
    this.sim.requireApi('1.9', 'Range.getCellProperties');
    const result: { loaded?: Record<string, unknown>[][] } = {};
    this.ctx.enqueue({
      requestBytes: jsonBytes(options),
      readOnly: true,
      run: () => {
        const { ws, rect } = this.requireTarget();
        const cells = grid(ws, rect, (cell) => pickRequested(options, cellDescription(this.sim, ws, cell)));
        return { responseBytes: jsonBytes(cells), deliver: () => (result.loaded = cells) };
      },
    });
    return {
      get value(): Record<string, unknown>[][] {
        if (!result.loaded) throw new SimulatorError('PropertyNotLoaded', 'The value of the result object has not been loaded yet. Call "context.sync()" first.');
        return result.loaded;
      },
    };
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    this.sim.requireApi('1.13', 'Range.getMergedAreasOrNullObject');
    return new RangeAreasProxy(this.ctx, this);
  }

  get conditionalFormats(): { add(type: string): { dataBar: DataBarProxy } } {
    this.sim.requireApi('1.6', 'Range.conditionalFormats');
    return {
      add: (type) => {
        if (type !== 'DataBar') throw new SimulatorError('InvalidArgument', `The simulator supports only DataBar conditional formats, not ${type}.`);
        const rule = { type: 'dataBar', cfvo: [{ type: 'min' }, { type: 'max' }], gradient: true, color: { argb: 'FF638EC6' } };
        this.later(16, (ws, rect) => ws.addConditionalFormatting({ ref: rangeAddress(rect), rules: [rule as never] }));
        return { dataBar: new DataBarProxy(this.ctx, rule) };
      },
    };
  }

  get dataValidation(): { rule: { list?: { inCellDropDown: boolean; source: string } }; clear(): void } {
    this.sim.requireApi('1.8', 'Range.dataValidation');
    const later = this.later.bind(this);
    return {
      set rule(rule: { list?: { inCellDropDown: boolean; source: string } }) {
        if (!rule.list) throw new SimulatorError('InvalidArgument', 'The simulator supports only list validation.');
        const formula = `"${rule.list.source}"`;
        later(jsonBytes(rule), (ws, rect) =>
          forEveryCell(ws, rect, (cell) => {
            cell.dataValidation = { type: 'list', allowBlank: true, showErrorMessage: true, formulae: [formula] };
          }),
        );
      },
      clear: () => later(0, (ws, rect) => forExistingCells(ws, rect, (cell) => (cell.dataValidation = undefined as never))),
    } as never;
  }
}

type CellPropertyRequest = Record<string, unknown>;

function cellDescription(sim: ExcelSimulator, ws: ExcelJS.Worksheet, cell: ExcelJS.Cell | undefined): Record<string, unknown> {
  const c = colours(cell);
  return {
    address: cell ? `${sheetPrefix(ws.name)}${cell.address}` : '',
    format: {
      fill: { color: c.fill, pattern: reportedPattern(sim, c), tintAndShade: c.tintAndShade, patternColor: c.patternColor ?? '#000000' },
      font: {
        color: c.font,
        bold: Boolean(cell?.font?.bold),
        italic: Boolean(cell?.font?.italic),
        size: cell?.font?.size ?? 11,
        name: cell?.font?.name ?? 'Calibri',
      },
      wrapText: Boolean(cell?.alignment?.wrapText),
    },
  };
}

/** Keeps only the keys the request set to true (getCellProperties returns exactly what was asked for). */
function pickRequested(request: CellPropertyRequest, full: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, wanted] of Object.entries(request)) {
    if (!(key in full) || !wanted) continue;
    const value = full[key];
    out[key] = wanted === true || typeof value !== 'object' || value === null ? value : pickRequested(wanted as CellPropertyRequest, value as Record<string, unknown>);
  }
  return out;
}

class DataBarProxy {
  constructor(
    private readonly ctx: SimRequestContext,
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

class RangeAreasProxy extends ClientObject {
  protected readonly scalarProperties = ['address', 'areaCount'] as const;
  constructor(
    ctx: SimRequestContext,
    private readonly range: RangeProxy,
  ) {
    super(ctx);
    this.trackNullState(() => this.areas() !== null);
  }

  private areas(): CellRange[] | null {
    const target = this.range.resolve();
    if (!target) return null;
    const found = this.ctx.mergedAreas(target.ws).filter((m) => rangesIntersect(m, target.rect));
    if (found.length > 512) throw new SimulatorError('GeneralException', 'getMergedAreas fails when the range holds more than 512 merged areas.');
    return found.length ? found.sort((a, b) => a.top - b.top || a.left - b.left) : null;
  }

  protected snapshot(names: string[]): Record<string, unknown> | null {
    const areas = this.areas();
    if (!areas) return null;
    const sheet = this.range.resolve()!.ws.name;
    const out: Record<string, unknown> = {};
    if (names.includes('address')) out.address = areas.map((a) => officeAddress(sheet, a)).join(',');
    if (names.includes('areaCount')) out.areaCount = areas.length;
    return out;
  }

  get address(): string {
    return this.loadedValue('address');
  }
  get areaCount(): number {
    return this.loadedValue('areaCount');
  }
}

/** The RangeAreas of `worksheet.getRanges`: loads and formats over every area at once. */
class AreasProxy extends ClientObject {
  protected readonly scalarProperties = ['address', 'areaCount'] as const;
  private formatFacade: { fill: FillProxy; font: FontProxy } | undefined;

  constructor(
    ctx: SimRequestContext,
    private readonly sheet: WorksheetProxy,
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

const BORDER_SIDES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;

class RangeFormatProxy extends ClientObject {
  protected readonly scalarProperties = ['columnWidth', 'rowHeight', 'wrapText', 'horizontalAlignment', 'verticalAlignment'] as const;
  readonly fill: FillProxy;
  readonly font: FontProxy;
  readonly borders: { getItem(side: string): { style: string; color: string } };

  constructor(
    ctx: SimRequestContext,
    readonly range: RangeProxy,
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

/** What fill and font proxies format: one range, or the areas of `getRanges` (one format operation either way). */
interface FormatTarget {
  resolve(): unknown;
  writeFormat(requestBytes: number, apply: (cell: ExcelJS.Cell) => void): void;
  readUniform<T>(read: (cell: ExcelJS.Cell | undefined) => T): T | null;
}

class FillProxy extends ClientObject {
  protected readonly scalarProperties = ['color', 'pattern', 'patternColor', 'tintAndShade'] as const;
  constructor(
    ctx: SimRequestContext,
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

class FontProxy extends ClientObject {
  protected readonly scalarProperties = ['color', 'bold', 'italic', 'size', 'name'] as const;
  constructor(
    ctx: SimRequestContext,
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

