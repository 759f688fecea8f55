/** Hand-built SheetGrids for domain tests: rows of values, merges as A1 ranges. */
import { parseAddress } from '../../src/domain/address';
import type { CellRange, CellValue, SheetGrid } from '../../src/domain/types';

export interface GridOptions {
  sheet?: string;
  merges?: string[];
  mergesKnown?: boolean;
  originRow?: number;
  originCol?: number;
}

export function makeGrid(rows: CellValue[][], options: GridOptions = {}): SheetGrid {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const values = rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]);
  const merges: CellRange[] = (options.merges ?? []).map((a) => {
    const range = parseAddress(a);
    if (!range) throw new Error(`bad range in test: ${a}`);
    return range;
  });
  return {
    sheet: options.sheet ?? 'Sheet1',
    originRow: options.originRow ?? 0,
    originCol: options.originCol ?? 0,
    values,
    merges,
    mergesKnown: options.mergesKnown ?? true,
  };
}
