/** `context.workbook`: its worksheets and the application's calculation and repaint switches. */
import { SimulatorError } from '../errors';
import type { Batch } from './batch';
import { WorksheetCollectionProxy } from './worksheet-collection';

export class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  constructor(private readonly ctx: Batch) {
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
