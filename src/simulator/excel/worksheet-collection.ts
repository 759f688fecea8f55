/** `workbook.worksheets`: listing, finding and adding sheets, and the activation event. */
import { jsonBytes } from '../../hosts/excel/payload';
import { SimulatorError } from '../errors';
import type { ActivationHandler, Batch } from './batch';
import { ClientObject, loadNames, type LoadOption } from './client-object';
import { sheetProperty, WorksheetProxy } from './worksheet';

export class WorksheetCollectionProxy extends ClientObject {
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
  get onActivated(): { add(handler: ActivationHandler): { context: Batch; remove(): void } } {
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
