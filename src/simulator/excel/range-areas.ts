/**
 * `range.getMergedAreasOrNullObject()` (ExcelApi 1.13): the merged areas meeting a range, a null object when
 * there are none; more than 512 fail the request, as in Excel.
 */
import { rangesIntersect } from '../../domain/cell-ranges';
import type { CellRange } from '../../domain/types';
import { SimulatorError } from '../errors';
import { officeAddress } from '../sheet-model';
import type { Batch } from './batch';
import { ClientObject } from './client-object';
import type { RangeTarget } from './targets';

export class RangeAreasProxy extends ClientObject {
  protected readonly scalarProperties = ['address', 'areaCount'] as const;
  constructor(
    ctx: Batch,
    private readonly range: RangeTarget,
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
