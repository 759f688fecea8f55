/**
 * collect's values in the clerk's sheet: one write per column run of cells, strings under the text format so
 * they never become formulas. With ExcelApi 1.9, cells that ask to look like another cell (`styleFrom`: added
 * report columns styled like the header and the table) get its formats first; before 1.9 they get the value
 * only, as the port allows.
 */
import { rangeAddress } from '../../domain/address';
import type { CellWrite } from '../../domain/types';
import { officeWrite, type OfficeWrite } from './cell-values';
import { jsonBytes } from './payload';
import { ACTION_BYTES } from './limits';
import type { PlannedOp, SheetCache } from './planned-ops';
import type { Ctx } from './session';

export function cellsOps(sheet: string, writes: CellWrite[], requestBytes: number, copiesFormats: boolean): PlannedOp[] {
  // Later writes to the same cell win, as they would applied one by one.
  const byCell = new Map<string, CellWrite>();
  for (const w of writes) byCell.set(`${w.col},${w.row}`, w);
  const sorted = [...byCell.values()].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: { writes: CellWrite[]; cells: OfficeWrite[]; bytes: number }[] = [];
  for (const w of sorted) {
    const cell = officeWrite(w.value, {});
    const bytes = jsonBytes(cell) + 8;
    const run = runs[runs.length - 1];
    const last = run?.writes[run.writes.length - 1];
    if (run && last!.col === w.col && last!.row + 1 === w.row && run.bytes + bytes < requestBytes - ACTION_BYTES * 4) {
      run.writes.push(w);
      run.cells.push(cell);
      run.bytes += bytes;
    } else runs.push({ writes: [w], cells: [cell], bytes });
  }
  const formatOps = copiesFormats ? styleCopyOps(sheet, sorted) : [];
  return [
    ...formatOps,
    ...runs.map(({ writes: run, cells, bytes }) => ({
      bytes: bytes + ACTION_BYTES * 2,
      writesValues: true,
      queue: (_ctx: Ctx, sheets: SheetCache) => {
        const range = sheets.get(sheet).getRange(rangeAddress({ top: run[0].row, left: run[0].col, bottom: run[run.length - 1].row, right: run[0].col }));
        if (cells.some((c) => c.format !== null)) range.numberFormat = cells.map((c) => [c.format]) as string[][];
        range.values = cells.map((c) => [c.value]);
      },
    })),
  ];
}

/** One `copyFrom(…, Formats)` per run of target cells in a column whose sources run alongside in one column. */
function styleCopyOps(sheet: string, sorted: CellWrite[]): PlannedOp[] {
  const runs: { first: CellWrite; last: CellWrite }[] = [];
  for (const w of sorted) {
    if (!w.styleFrom) continue;
    const run = runs[runs.length - 1];
    const last = run?.last;
    const continues =
      last?.styleFrom && last.col === w.col && last.row + 1 === w.row && last.styleFrom.col === w.styleFrom.col && last.styleFrom.row + 1 === w.styleFrom.row;
    if (run && continues) run.last = w;
    else runs.push({ first: w, last: w });
  }
  return runs.map(({ first, last }) => {
    const source = rangeAddress({ top: first.styleFrom!.row, left: first.styleFrom!.col, bottom: last.styleFrom!.row, right: first.styleFrom!.col });
    return {
      bytes: ACTION_BYTES * 2 + source.length,
      queue: (_ctx: Ctx, sheets: SheetCache) =>
        sheets.get(sheet).getRange(rangeAddress({ top: first.row, left: first.col, bottom: last.row, right: first.col })).copyFrom(source, 'Formats'),
    };
  });
}
