/**
 * The product's bookkeeping on hostile-but-ordinary workbooks: a clerk's sheet that merely has a reserved
 * name, a product-sheet record without a stamp, sheets named like Object.prototype's members, and a state
 * edited by hand (wrong types, a forged run of 300 million cells). Each workbook is built here.
 */
import ExcelJS from 'exceljs';
import { highlightOf, parseState, serialiseState, type WorkbookState } from '../../src/domain/workbook-state';
import { unpackRecord } from '../../src/domain/highlight-record';
import { XlsxHost } from '../../src/hosts/xlsx';
import { PackageHost } from '../../src/hosts/xlsx-package/package-host';
import { clerkTables } from '../../src/taskpane/pane-basics';
import { runClear } from '../../src/workflows/clear';
import { runCollect } from '../../src/workflows/collect';
import { runHighlight } from '../../src/workflows/highlight';
import { runReport } from '../../src/workflows/report';
import { runSplit } from '../../src/workflows/split';
import { runSummary } from '../../src/workflows/summary';
import { API_LEVELS, rig } from '../support/excel-rig';
import { bytesOf, returnSource, splitCopies, TASK_SHEET, tableBytes, tableWorkbook, valuesOfEverySheet } from '../support/hostile-kit';

const AS_OF = '2022-09-15';
const AT = '2022-09-16 08:30';

/** A workbook with the given state written as the product writes it (through the host). */
async function withState(wb: ExcelJS.Workbook, state: unknown): Promise<Uint8Array> {
  const host = XlsxHost.fromWorkbook(wb);
  await host.apply([{ kind: 'state', text: typeof state === 'string' ? state : JSON.stringify(state) }]);
  return host.toBuffer();
}

function clerkSheetNamed(name: string): Promise<Uint8Array> {
  return tableBytes({
    edit: (_ws, wb) => {
      const own = wb.addWorksheet(name);
      own.getCell('A1').value = '2021年台账';
      own.getCell('A2').value = '张三 13800000000';
    },
  });
}

/** Values, visibility and name of one sheet, as ExcelJS reads the saved bytes. */
async function sheetAsSaved(bytes: Uint8Array, name: string): Promise<{ name: string; state: string; values: string } | null> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = wb.worksheets.find((w) => w.name === name);
  return ws ? { name: ws.name, state: ws.state ?? 'visible', values: (await valuesOfEverySheet(bytes))[name] } : null;
}

/** The product's state as saved: which sheet holds it, and the sheets it has a highlight record for. */
async function savedState(bytes: Uint8Array): Promise<{ sheet: string | null; highlights: string[] }> {
  const snapshot = await (await XlsxHost.open(bytes)).read();
  return { sheet: snapshot.stateSheet ?? null, highlights: Object.keys(parseState(snapshot.stateText).state.highlights) };
}

describe('a clerk’s own sheet named like the state sheet (any letter case)', () => {
  const NAMES = ['_allocation_state', '_Allocation_State', '_ALLOCATION_STATE'];

  it.each(NAMES)('%s: highlight, summary, report and collect keep the state in _allocation_state_2; the clerk’s sheet is untouched', async (name) => {
    const bytes = await clerkSheetNamed(name);
    const before = await sheetAsSaved(bytes, name);
    const copies = await splitCopies(await tableBytes());
    const runs: [string, (h: XlsxHost) => Promise<unknown>][] = [
      ['highlight', (h) => runHighlight(h, { sheet: TASK_SHEET, asOf: AS_OF })],
      ['summary', (h) => runSummary(h, { sheet: TASK_SHEET, asOf: AS_OF, generatedAt: AT })],
      ['report', (h) => runReport(h, { sheet: TASK_SHEET, asOf: AS_OF, generatedAt: AT })],
      ['collect', (h) => runCollect(h, [returnSource('办公室.xlsx', copies.get('办公室')!)], { sheet: TASK_SHEET, asOf: AS_OF, generatedAt: AT })],
    ];
    for (const [command, run] of runs) {
      const host = await XlsxHost.open(bytes);
      await run(host);
      const after = await host.toBuffer();
      expect({ command, sheet: await sheetAsSaved(after, name) }).toEqual({ command, sheet: before });
      expect({ command, state: (await sheetAsSaved(after, '_allocation_state_2'))?.state }).toEqual({ command, state: 'veryHidden' });
    }
  });

  it('the state is found again by its content: highlight, highlight again, then clear restores every colour', async () => {
    const bytes = await clerkSheetNamed('_Allocation_State');
    const host = await XlsxHost.open(bytes);
    await runHighlight(host, { sheet: TASK_SHEET, asOf: AS_OF });
    const reopened = await XlsxHost.open(await host.toBuffer());
    await runHighlight(reopened, { sheet: TASK_SHEET, asOf: AS_OF });
    const coloured = await reopened.toBuffer();
    expect(await savedState(coloured)).toEqual({ sheet: '_allocation_state_2', highlights: [TASK_SHEET] });
    const clearing = await XlsxHost.open(coloured);
    await expect(runClear(clearing, { sheet: TASK_SHEET })).resolves.toMatchObject({ hadRecord: true });
    const cleared = await clearing.toBuffer();
    expect(await sheetAsSaved(cleared, '_Allocation_State')).toEqual(await sheetAsSaved(bytes, '_Allocation_State'));
    expect((await (await XlsxHost.open(cleared)).read()).sheets.map((s) => s.name)).toEqual([TASK_SHEET, '_Allocation_State', '_allocation_state_2']);
  });

  it('with the clerk holding _allocation_state and _allocation_state_2 too, the product takes _allocation_state_3', async () => {
    const bytes = await tableBytes({
      edit: (_ws, wb) => {
        for (const name of ['_allocation_state', '_allocation_state_2']) wb.addWorksheet(name).getCell('A1').value = `${name} 是我的`;
      },
    });
    const host = await XlsxHost.open(bytes);
    await runHighlight(host, { sheet: TASK_SHEET, asOf: AS_OF });
    const after = await host.toBuffer();
    expect(await valuesOfEverySheet(after)).toMatchObject({ _allocation_state: '1,1="_allocation_state 是我的"', _allocation_state_2: '1,1="_allocation_state_2 是我的"' });
    expect(await savedState(after)).toEqual({ sheet: '_allocation_state_3', highlights: [TASK_SHEET] });
  });

  it('on the file’s own parts (the CLI’s PackageHost) too: the state goes to _allocation_state_2 and is found there again', async () => {
    const bytes = await clerkSheetNamed('_allocation_state');
    const first = PackageHost.open(bytes);
    await runHighlight(first, { sheet: TASK_SHEET, asOf: AS_OF });
    const coloured = first.toBytes();
    expect(await sheetAsSaved(coloured, '_allocation_state')).toEqual(await sheetAsSaved(bytes, '_allocation_state'));
    expect(await savedState(coloured)).toEqual({ sheet: '_allocation_state_2', highlights: [TASK_SHEET] });
    const second = PackageHost.open(coloured);
    expect((await second.read()).stateSheet).toBe('_allocation_state_2');
    await expect(runClear(second, { sheet: TASK_SHEET })).resolves.toMatchObject({ hadRecord: true });
    const cleared = second.toBytes();
    expect(await sheetAsSaved(cleared, '_allocation_state')).toEqual(await sheetAsSaved(bytes, '_allocation_state'));
    expect((await sheetAsSaved(cleared, TASK_SHEET))?.values).toEqual((await sheetAsSaved(bytes, TASK_SHEET))?.values);
  });

  it.each(API_LEVELS)('inside Excel (ExcelApi %s) too: highlight, again, then clear; the clerk’s sheet keeps its values and stays visible', async (apiVersion) => {
    const wb = tableWorkbook({
      edit: (_ws, book) => {
        const own = book.addWorksheet('_Allocation_State');
        own.getCell('A1').value = '2021年台账';
        own.getCell('A2').value = '张三 13800000000';
      },
    });
    const r = rig(wb, { apiVersion });
    await runHighlight(r.host, { sheet: TASK_SHEET, asOf: AS_OF });
    await runHighlight(r.host, { sheet: TASK_SHEET, asOf: AS_OF });
    const state = r.sim.workbook.getWorksheet('_allocation_state_2')!;
    expect(state.state ?? 'visible').toBe(apiVersion === '1.1' ? 'visible' : 'veryHidden');
    await expect(runClear(r.host, { sheet: TASK_SHEET })).resolves.toMatchObject({ hadRecord: true });
    const own = r.sim.workbook.getWorksheet('_Allocation_State')!;
    expect([own.getCell('A1').value, own.getCell('A2').value, own.state ?? 'visible']).toEqual(['2021年台账', '张三 13800000000', 'visible']);
    // A fresh host (the pane opened again) finds the state by content, not by name.
    const snapshot = await rig(r.sim.workbook, { apiVersion }).host.read();
    expect(snapshot.stateSheet).toBe('_allocation_state_2');
    expect(Object.keys(parseState(snapshot.stateText).state.highlights)).toEqual([]);
    // The clerk's sheet is a table the pane offers; the product's visible state sheet at ExcelApi 1.1 is not.
    expect(clerkTables(snapshot.sheets, parseState(snapshot.stateText).state, snapshot.stateSheet).map((s) => s.name)).toEqual([TASK_SHEET, '_Allocation_State']);
  });

  it('inside Excel at ExcelApi 1.1 the product’s own (visible) state sheet is still its own: highlight twice, then clear', async () => {
    const r = rig(tableWorkbook(), { apiVersion: '1.1' });
    await runHighlight(r.host, { sheet: TASK_SHEET, asOf: AS_OF });
    await runHighlight(r.host, { sheet: TASK_SHEET, asOf: AS_OF });
    await expect(runClear(r.host, { sheet: TASK_SHEET })).resolves.toMatchObject({ hadRecord: true });
    expect(r.sim.workbook.worksheets.map((w) => w.name)).toEqual([TASK_SHEET, '_allocation_state']);
  });

  it('the product’s own state, visible (written at ExcelApi 1.1), is still its own', async () => {
    const wb = tableWorkbook();
    const bytes = await withState(wb, { version: 1, highlights: {}, productSheets: [], settings: {} });
    const host = await XlsxHost.open(bytes);
    host.workbook.getWorksheet('_allocation_state')!.state = 'visible';
    await expect(runHighlight(host, { sheet: TASK_SHEET, asOf: AS_OF })).resolves.toBeDefined();
    expect(host.workbook.worksheets.map((w) => w.name)).toEqual([TASK_SHEET, '_allocation_state']);
  });
});

describe('reserved names for product sheets', () => {
  it.each(['_allocation_state', '_ALLOCATION_RETURN', ' _allocation_return ', '_Allocation_State_2'])('summary --name %p is refused before anything is read', async (name) => {
    const host = await XlsxHost.open(await tableBytes());
    await expect(runSummary(host, { sheet: TASK_SHEET, asOf: AS_OF, generatedAt: AT, sheetName: name })).rejects.toMatchObject({ code: 'sheet.reserved_name' });
    await expect(runCollect(host, [], { sheet: TASK_SHEET, asOf: AS_OF, generatedAt: AT, logSheetName: name })).rejects.toMatchObject({ code: 'sheet.reserved_name' });
  });

  it('a reserved name saved in the settings is ignored, the summary keeps its default name', async () => {
    const bytes = await withState(tableWorkbook(), { version: 1, highlights: {}, productSheets: [], settings: { summarySheetName: '_allocation_state' } });
    const result = await runSummary(await XlsxHost.open(bytes), { sheet: TASK_SHEET, asOf: AS_OF, generatedAt: AT });
    expect(result.sheetName).toBe('落实情况汇总');
  });

  it('a clerk’s sheet named _allocation_return in a master is not a return copy: split goes ahead', async () => {
    const bytes = await clerkSheetNamed('_allocation_return');
    const result = await runSplit(await XlsxHost.open(bytes), { generatedAt: AT });
    expect(result.workbooks.length).toBeGreaterThan(0);
  });
});

describe('a product-sheet record without a stamp', () => {
  it('never makes summary delete the clerk’s sheet it names', async () => {
    const wb = tableWorkbook({
      edit: (_ws, book) => {
        const own = book.addWorksheet('2021年台账');
        own.getCell('A1').value = '2021年台账';
        own.getCell('B5').value = 42;
      },
    });
    const bytes = await withState(wb, {
      version: 1,
      highlights: {},
      productSheets: [{ name: '2021年台账', marker: 'summary', source: TASK_SHEET, createdAt: '2021-12-01 10:00' }],
      settings: { summarySheetName: '2021年台账' },
    });
    const host = await XlsxHost.open(bytes);
    const result = await runSummary(host, { sheet: TASK_SHEET, asOf: AS_OF, generatedAt: AT });
    expect(result).toMatchObject({ sheetName: '2021年台账(2)', replaced: null });
    const after = await valuesOfEverySheet(await host.toBuffer());
    expect(after['2021年台账']).toBe((await valuesOfEverySheet(bytes))['2021年台账']);
  });
});

describe.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('a task sheet named %s', (name) => {
  it('keeps its saved colours through save, reopen and clear', async () => {
    const wb = tableWorkbook({ sheet: name });
    wb.getWorksheet(name)!.getCell('B3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00FF00' } };
    let host = await XlsxHost.open(await bytesOf(wb));
    const highlighted = await runHighlight(host, { sheet: name, asOf: AS_OF });
    expect(highlighted.colouredCells).toBeGreaterThan(0);
    host = await XlsxHost.open(await host.toBuffer());
    const { state } = parseState((await host.read()).stateText);
    expect(Object.keys(state.highlights)).toEqual([name]);
    expect(unpackRecord(highlightOf(state, name))!.cells.length).toBe(highlighted.colouredCells);

    const cleared = await runClear(host, { sheet: name });
    expect(cleared).toMatchObject({ hadRecord: true, restoredCells: highlighted.colouredCells });
    const fill = host.workbook.getWorksheet(name)!.getCell('B3').fill as ExcelJS.FillPattern;
    expect(fill.fgColor?.argb).toBe('FF00FF00');
    expect(Object.keys(parseState((await host.read()).stateText).state.highlights)).toEqual([]);
  });

  it('an untouched sheet of that name has no record (nothing inherited)', async () => {
    const host = await XlsxHost.open(await tableBytes({ sheet: name }));
    expect(await runClear(host, { sheet: name })).toMatchObject({ hadRecord: false });
  });
});

describe('a state edited by hand', () => {
  const base = (highlights: unknown, productSheets: unknown = []): unknown => ({ version: 1, highlights: { [TASK_SHEET]: highlights }, productSheets, settings: {} });

  it('a forged run of 300 million cells costs no more than the sheet: highlight and clear finish', async () => {
    const forged = { asOf: AS_OF, cells: [], packed: { styles: [{ fill: null, font: null, token: '' }], colours: [{ fill: 'FFC7CE', font: '9C0006' }], runs: [[3, 0, 300_000_000, 0, 0]] } };
    const bytes = await withState(tableWorkbook(), base(forged));
    const cleared = await runClear(await XlsxHost.open(bytes), { sheet: TASK_SHEET });
    expect(cleared.restoredCells).toBeLessThan(100);
    const highlighted = await runHighlight(await XlsxHost.open(bytes), { sheet: TASK_SHEET, asOf: AS_OF });
    expect(highlighted.colouredCells).toBeLessThan(100);
  });

  // Whether the state as a whole is called damaged; single malformed cells are only forgotten.
  it.each<[string, unknown, boolean]>([
    ['cells a string', base({ asOf: AS_OF, cells: 'abc' }), true],
    ['cells of the wrong shape', base({ asOf: AS_OF, cells: [{ row: 'x' }, null, 5] }), false],
    ['userColoured a number', base({ asOf: AS_OF, cells: [], userColoured: 7 }), true],
    ['a record that is an array', base([1, 2, 3]), true],
    ['highlights a string', { version: 1, highlights: 'x', productSheets: [], settings: {} }, true],
    ['a product sheet without a name', { version: 1, highlights: {}, productSheets: [{ marker: 'summary', source: TASK_SHEET }], settings: {} }, true],
    ['product sheets an object', { version: 1, highlights: {}, productSheets: { a: 1 }, settings: {} }, true],
    ['settings.columns a number', { version: 1, highlights: {}, productSheets: [], settings: { columns: 3, summarySheetName: 7 } }, true],
  ])('%s: highlight, clear and summary run without an internal error', async (_label, state, damaged) => {
    const bytes = await withState(tableWorkbook(), state);
    expect(parseState(JSON.stringify(state)).damaged).toBe(damaged);
    await expect(runClear(await XlsxHost.open(bytes), { sheet: TASK_SHEET })).resolves.toBeDefined();
    await expect(runHighlight(await XlsxHost.open(bytes), { sheet: TASK_SHEET, asOf: AS_OF })).resolves.toBeDefined();
    await expect(runSummary(await XlsxHost.open(bytes), { sheet: TASK_SHEET, asOf: AS_OF, generatedAt: AT })).resolves.toBeDefined();
  });

  it('a well-formed state round-trips unchanged', () => {
    const state: WorkbookState = parseState(serialiseState({ version: 1, highlights: {}, productSheets: [{ name: 'S', marker: 'summary', source: 'T', createdAt: 'x', stamp: 'ABCDEFGH' }], settings: { soonDays: 5 } })).state;
    expect(parseState(serialiseState(state))).toEqual({ state, damaged: false });
  });
});
