/** What every proxy shares: properties that must be loaded and synced before they are read, and null objects. */
import { jsonBytes } from '../../hosts/excel/payload';
import { SimulatorError } from '../errors';
import type { Batch, SimulatedExcel } from './batch';

export type LoadOption = string | string[] | { select?: string | string[] } | undefined;

export function loadNames(option: LoadOption): string[] | null {
  if (option === undefined) return null;
  const raw = typeof option === 'string' ? option : Array.isArray(option) ? option.join(',') : [option.select ?? []].flat().join(',');
  return raw
    .split(',')
    .map((s) => s.trim().replace(/^items\//, ''))
    .filter(Boolean);
}

/** Common behaviour of every proxy: loaded properties, `load`, null-object state. */
export abstract class ClientObject {
  private readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(readonly ctx: Batch) {}

  protected get sim(): SimulatedExcel {
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
