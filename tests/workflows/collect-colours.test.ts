/**
 * Colours stay true after 回收: a coloured master is coloured again with the new answers (same date and window),
 * the report columns collect adds never carry a copied highlight fill, and 清除标色 afterwards puts back every
 * cell's original colours — through the xlsx host, the package host and ExcelHost on the simulator (ExcelApi 1.20).
 */
import * as fs from 'fs';
import { DEFAULT_COLOURS, normaliseColour } from '../../src/domain/colours';
import type { CellStyle } from '../../src/domain/types';
import { parseState } from '../../src/domain/workbook-state';
import { ExcelHost } from '../../src/hosts/excel';
import { XlsxHost } from '../../src/hosts/xlsx';
import type { WorkbookHost } from '../../src/ports/workbook-host';
import { ExcelSimulator } from '../../src/simulator';
import { PackageHost } from '../../src/hosts/xlsx-package/package-host';
import { runClear } from '../../src/workflows/clear';
import { runCollect } from '../../src/workflows/collect';
import { runHighlight } from '../../src/workflows/highlight';
import { fillAnswers, PLAIN, SHEET, source, splitFile } from '../support/returns';

const AS_OF = '2022-09-15';
const SOON_DAYS = 11;
const PRODUCT_FILLS = new Set(Object.values(DEFAULT_COLOURS).flatMap((c) => (c ? [normaliseColour(c.fill)] : [])));

/** Every measure is answered 已完成 with a date before the as-of date. */
const allDone = () => ({ status: '已完成', doneDate: new Date(Date.UTC(2022, 6, 1)) });

async function sheetStyles(host: WorkbookHost): Promise<CellStyle[]> {
  const grid = (await host.read({ sheet: SHEET })).grid!;
  const bottom = grid.originRow + grid.values.length - 1;
  const right = grid.originCol + (grid.values[0]?.length ?? 1) - 1;
  return host.readStyles(SHEET, [{ top: 0, left: 0, bottom, right }]);
}

const key = (s: { row: number; col: number }) => `${s.row}:${s.col}`;

/** A host on the bytes, and how wide it says a column is (characters). */
type Opened = { name: string; open(bytes: Uint8Array): Promise<{ host: WorkbookHost; width(col: number): Promise<number | undefined> }> };
const lookWidth = (host: WorkbookHost) => async (col: number) => (await host.read({ sheet: SHEET, look: true })).look?.columnWidths?.[col];
const HOSTS: Opened[] = [
  {
    name: 'xlsx host',
    open: async (bytes) => {
      const host = await XlsxHost.open(bytes);
      return { host, width: lookWidth(host) };
    },
  },
  {
    name: 'package host',
    open: async (bytes) => {
      const host = PackageHost.open(bytes);
      return { host, width: lookWidth(host) };
    },
  },
  {
    name: 'ExcelHost on the simulator',
    open: async (bytes) => {
      const sim = await ExcelSimulator.fromBytes(bytes, { apiVersion: '1.20' });
      const width = async (col: number) => {
        // The simulator keeps the width in characters, converted from the points Excel is given.
        const chars = sim.workbook.getWorksheet(SHEET)!.getColumn(col + 1).width;
        return chars === undefined ? undefined : Math.round(chars * 100) / 100;
      };
      return { host: new ExcelHost(sim.run, sim.requirements), width };
    },
  },
];

describe.each(HOSTS)('回收 into a coloured master ($name)', ({ open }) => {
  let before: Map<string, string>;
  let recolouredStates: Record<string, number> | undefined;
  let afterCollect: CellStyle[];
  let afterClear: CellStyle[];
  let addedColumns: number[];
  let clearRestored = 0;
  let widths: (number | undefined)[];

  beforeAll(async () => {
    const split = await splitFile(PLAIN);
    const sources = [];
    for (const [unit, bytes] of split.copies) sources.push(source(`${unit}.xlsx`, await fillAnswers(bytes, allDone)));
    const opened = await open(new Uint8Array(fs.readFileSync(PLAIN)));
    const master = opened.host;
    before = new Map((await sheetStyles(master)).map((s) => [key(s), s.token]));
    const coloured = await runHighlight(master, { sheet: SHEET, asOf: AS_OF, soonDays: SOON_DAYS });
    expect(coloured.counts.done).toBe(0);
    const result = await runCollect(master, sources, { sheet: SHEET, asOf: AS_OF, soonDays: SOON_DAYS, generatedAt: '2022-09-16 08:30' });
    recolouredStates = result.recoloured?.counts;
    expect(result.recolourError).toBeNull();
    addedColumns = result.addedColumns.map((role) => result.returnColumns[role]);
    afterCollect = await sheetStyles(master);
    widths = await Promise.all(addedColumns.map((c) => opened.width(c)));
    const cleared = await runClear(master, { sheet: SHEET });
    clearRestored = cleared.restoredCells;
    afterClear = await sheetStyles(master);
    expect(parseState((await master.read()).stateText).state.highlights[SHEET]).toBeUndefined();
  }, 180_000);

  it('colours the sheet again with the new answers: every measure is now 已完成, and green', () => {
    expect(recolouredStates?.done).toBe(54);
    const green = normaliseColour(DEFAULT_COLOURS.done!.fill);
    expect(afterCollect.filter((s) => normaliseColour(s.fill) === green).length).toBeGreaterThan(54);
    const red = normaliseColour(DEFAULT_COLOURS.overdue!.fill);
    expect(afterCollect.filter((s) => normaliseColour(s.fill) === red)).toEqual([]);
  });

  it('gives the columns it adds their widths', () => {
    expect(widths).toEqual([14, 36, 13, 18, 17]);
  });

  it('清除标色 leaves no product fill anywhere, in the added columns either, and puts every old cell back', () => {
    expect(addedColumns.length).toBeGreaterThan(0);
    expect(clearRestored).toBeGreaterThan(0);
    expect(afterClear.filter((s) => PRODUCT_FILLS.has(normaliseColour(s.fill)))).toEqual([]);
    for (const style of afterClear) {
      const was = before.get(key(style));
      if (was !== undefined && !addedColumns.includes(style.col)) expect({ cell: key(style), token: style.token }).toEqual({ cell: key(style), token: was });
    }
  });
});
