/**
 * Every workflow through WpsHost over the ET imitation, on both samples, compared with the xlsx host as the Excel
 * suite does: the same findings, the same colours, clear restores every colour, the clerk's values never change,
 * product sheets are recognised by their stamp. Plus what is WPS's own: text stays text when written, the state
 * sheet is very hidden, deleting asks no question, colours cross between Excel and WPS, and 20 000 rows are
 * handled in bounded blocks with progress.
 */
import ExcelJS from 'exceljs';
import type { CellRange } from '../../../src/domain/types';
import { parseState, STATE_SHEET_NAME } from '../../../src/domain/workbook-state';
import { WpsHost } from '../../../src/hosts/wps';
import { XlsxHost } from '../../../src/hosts/xlsx';
import { runCheck } from '../../../src/workflows/check';
import { runClear } from '../../../src/workflows/clear';
import { runHighlight } from '../../../src/workflows/highlight';
import { runReport } from '../../../src/workflows/report';
import { runSummary } from '../../../src/workflows/summary';
import { SAMPLES, colours, largeAllocationWorkbook, loadWorkbook, rig, sheetValues } from '../../support/excel-rig';
import { printSetup, valuesHash } from '../../support/workbook-files';
import { wpsRig, type WpsRig } from '../../support/wps-rig';

const AS_OF = '2022-09-15';
const GENERATED_AT = '2022-09-15 09:00';

async function pair(file: string): Promise<{ wps: WpsRig; xlsx: XlsxHost }> {
  return { wps: wpsRig(await loadWorkbook(file)), xlsx: XlsxHost.fromWorkbook(await loadWorkbook(file)) };
}

function tableArea(grid: { originRow: number; originCol: number; values: unknown[][] }): CellRange {
  return { top: grid.originRow, left: grid.originCol, bottom: grid.originRow + grid.values.length - 1, right: grid.originCol + grid.values[0].length - 1 };
}

describe.each(Object.entries(SAMPLES))('workflows through WpsHost on the %s sample', (_name, file) => {
  it('reads what the xlsx host reads: sheets, values with dates, merged areas, hidden rows', async () => {
    const { wps, xlsx } = await pair(file);
    const viaWps = await wps.host.read();
    const viaXlsx = await xlsx.read();
    expect(viaWps.sheets).toEqual(viaXlsx.sheets);
    expect(viaWps.grid!.values).toEqual(viaXlsx.grid!.values);
    expect([viaWps.grid!.originRow, viaWps.grid!.originCol]).toEqual([viaXlsx.grid!.originRow, viaXlsx.grid!.originCol]);
    const sorted = (m: CellRange[]) => [...m].sort((a, b) => a.top - b.top || a.left - b.left);
    expect(sorted(viaWps.grid!.merges)).toEqual(sorted(viaXlsx.grid!.merges));
    expect(viaWps.grid!.merges.length).toBeGreaterThan(0);
    expect(viaWps.grid!.hiddenRows ?? []).toEqual(viaXlsx.grid!.hiddenRows ?? []);
  });

  it('reads the column widths of the look as the xlsx host does (where the file sets one)', async () => {
    const { wps, xlsx } = await pair(file);
    const viaWps = (await wps.host.read({ look: true })).look!.columnWidths!;
    const viaXlsx = (await xlsx.read({ look: true })).look!.columnWidths!;
    expect(viaWps).toHaveLength(viaXlsx.length);
    viaXlsx.forEach((w, c) => {
      if (w !== undefined) expect({ c, w: viaWps[c] }).toEqual({ c, w });
    });
    expect(viaXlsx.some((w) => w !== undefined)).toBe(true);
  });

  it('check finds what the xlsx host finds', async () => {
    const { wps, xlsx } = await pair(file);
    const viaWps = await runCheck(wps.host);
    const viaXlsx = await runCheck(xlsx);
    expect(viaWps.analysis).toEqual(viaXlsx.analysis);
  });

  it('highlight colours the same cells, clear restores every colour, and the values never change', async () => {
    const { wps, xlsx } = await pair(file);
    const grid = (await xlsx.read()).grid!;
    const area = tableArea(grid);
    const original = await colours(wps.host, grid.sheet, area);
    const valuesBefore = valuesHash(wps.sim.workbook);

    const viaWps = await runHighlight(wps.host, { asOf: AS_OF });
    const viaXlsx = await runHighlight(xlsx, { asOf: AS_OF });
    expect(viaWps.counts).toEqual(viaXlsx.counts);
    expect(viaWps.colouredCells).toBe(viaXlsx.colouredCells);
    const highlighted = await colours(wps.host, grid.sheet, area);
    expect(highlighted).toEqual(await colours(xlsx, grid.sheet, area));
    expect(highlighted).not.toEqual(original);
    // The saved originals live in the very hidden state sheet.
    expect(wps.sim.workbook.getWorksheet(STATE_SHEET_NAME)!.state).toBe('veryHidden');

    await runHighlight(wps.host, { asOf: AS_OF });
    expect(await colours(wps.host, grid.sheet, area)).toEqual(highlighted);

    const cleared = await runClear(wps.host);
    expect(cleared.hadRecord).toBe(true);
    expect(await colours(wps.host, grid.sheet, area)).toEqual(original);
    expect(valuesHash(wps.sim.workbook)).toBe(valuesBefore);
    expect((await wps.host.read()).grid!.values).toEqual(grid.values);
  });

  it('clear restores the exact fills: no fill stays no fill, white paint stays white, a pattern stays that pattern', async () => {
    // Three cells highlight colours (found on a copy), given the three fills no-fill reading could confuse.
    const probe = XlsxHost.fromWorkbook(await loadWorkbook(file));
    const area = tableArea((await probe.read()).grid!);
    const sheet = (await probe.read()).grid!.sheet;
    const before = await colours(probe, sheet, area);
    await runHighlight(probe, { asOf: AS_OF });
    const changed = (await colours(probe, sheet, area)).map((c, i) => (c === before[i] ? -1 : i)).filter((i) => i >= 0).slice(0, 3);
    expect(changed).toHaveLength(3);
    const wb = await loadWorkbook(file);
    const ws = wb.getWorksheet(sheet)!;
    const width = area.right - area.left + 1;
    const cells = changed.map((i) => ws.getCell(area.top + Math.floor(i / width) + 1, area.left + (i % width) + 1));
    const fills: ExcelJS.Fill[] = [
      { type: 'pattern', pattern: 'none' },
      { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFFFF' } },
      { type: 'pattern', pattern: 'darkGrid', fgColor: { argb: 'FF336699' }, bgColor: { argb: 'FFFFEEDD' } },
    ];
    // A style object may be shared between cells: each gets its own.
    cells.forEach((c, i) => (c.style = { ...c.style, fill: fills[i] }));
    const wps = wpsRig(wb);
    await runHighlight(wps.host, { asOf: AS_OF });
    expect(cells.map((c) => JSON.stringify(c.fill))).not.toEqual(fills.map((f) => JSON.stringify(f)));
    await runClear(wps.host);
    const after = cells.map((c) => c.fill as ExcelJS.FillPattern);
    expect(after[0].pattern ?? 'none').toBe('none');
    expect([after[1].pattern, after[1].fgColor?.argb]).toEqual(['solid', 'FFFFFFFF']);
    expect([after[2].pattern, after[2].fgColor?.argb, after[2].bgColor?.argb]).toEqual(['darkGrid', 'FF336699', 'FFFFEEDD']);
  });

  it('summary writes the same sheet as the xlsx host, prints the same way, and regenerating replaces only its own', async () => {
    const { wps, xlsx } = await pair(file);
    const valuesBefore = valuesHash(wps.sim.workbook);
    const viaWps = await runSummary(wps.host, { asOf: AS_OF, generatedAt: GENERATED_AT });
    const viaXlsx = await runSummary(xlsx, { asOf: AS_OF, generatedAt: GENERATED_AT });
    expect(viaWps.model).toEqual(viaXlsx.model);
    expect(viaWps.paragraph).toBe(viaXlsx.paragraph);
    expect(sheetValues(wps.sim.workbook, viaWps.sheetName)).toEqual(sheetValues(xlsx.workbook, viaXlsx.sheetName));
    const printOf = (ws: ExcelJS.Worksheet) => ({ ...printSetup(ws), merges: [...(ws.model.merges ?? [])].sort() });
    expect(printOf(wps.sim.workbook.getWorksheet(viaWps.sheetName)!)).toEqual(printOf(xlsx.workbook.getWorksheet(viaXlsx.sheetName)!));
    // The clerk stays on the sheet they were on, although ET activates every sheet it adds.
    expect(wps.sim.activeSheet).toBe('任务分工');

    const again = await runSummary(wps.host, { asOf: '2022-10-15', generatedAt: GENERATED_AT });
    expect(again.replaced).toBe(viaWps.sheetName);
    expect(wps.sim.stats.alertsShown).toBe(0);
    expect(wps.sim.workbook.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['任务分工', 'visible'],
      [STATE_SHEET_NAME, 'veryHidden'],
      [viaWps.sheetName, 'visible'],
    ]);
    const withoutProduct = (wb: ExcelJS.Workbook) => valuesHash(wb, [STATE_SHEET_NAME, viaWps.sheetName]);
    expect(withoutProduct(wps.sim.workbook)).toBe(withoutProduct(await loadWorkbook(file)));
    expect(valuesBefore).toBe(valuesHash(await loadWorkbook(file)));
  });

  it('a sheet the clerk made under the summary name, without the stamp, is never replaced', async () => {
    const wps = wpsRig(await loadWorkbook(file));
    const first = await runSummary(wps.host, { asOf: AS_OF, generatedAt: GENERATED_AT });
    // The clerk deletes the product's summary and makes a sheet of their own with that name.
    wps.sim.workbook.removeWorksheet(wps.sim.workbook.getWorksheet(first.sheetName)!.id);
    wps.sim.workbook.addWorksheet(first.sheetName).getCell('A1').value = '我自己的汇总';
    const next = await runSummary(wps.host, { asOf: AS_OF, generatedAt: GENERATED_AT });
    expect(next.replaced).toBeNull();
    expect(next.sheetName).not.toBe(first.sheetName);
    expect(wps.sim.workbook.getWorksheet(first.sheetName)!.getCell('A1').value).toBe('我自己的汇总');
    expect(parseState((await wps.host.read()).stateText).state.productSheets.map((p) => p.name)).toEqual([next.sheetName]);
  });

  it('report (check + highlight + summary) gives what the xlsx host gives', async () => {
    const { wps, xlsx } = await pair(file);
    const viaWps = await runReport(wps.host, { asOf: AS_OF, generatedAt: GENERATED_AT });
    const viaXlsx = await runReport(xlsx, { asOf: AS_OF, generatedAt: GENERATED_AT });
    expect(viaWps.summary.model).toEqual(viaXlsx.summary.model);
    expect(viaWps.highlight.counts).toEqual(viaXlsx.highlight.counts);
  });
});

describe('WpsHost writes', () => {
  it('writes strings as text, so = + - @ and leading zeros stay exactly what was given', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('任务分工');
    const wps = wpsRig(wb);
    const texts = ['=SUM(A1:A3)', '+8613800000000', '-', '@某单位', '001', '2022-09-15'];
    await wps.host.apply([{ kind: 'cells', sheet: '任务分工', writes: texts.map((value, row) => ({ row, col: 1, value })) }]);
    const ws = wb.getWorksheet('任务分工')!;
    expect(texts.map((_, row) => ws.getCell(row + 1, 2).value)).toEqual(texts);
    expect(texts.map((_, row) => ws.getCell(row + 1, 2).numFmt)).toEqual(texts.map(() => '@'));
    // Without the text format the imitation coerces as typing does: the reason the host sets it first.
    wps.sim.Application.ActiveWorkbook!.Sheets.Item('任务分工').Range('C1').Value2 = '=SUM(A1:A3)';
    expect(ws.getCell('C1').formula).toBe('SUM(A1:A3)');
  });

  it('dates go in as dates and come back as dates', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('任务分工');
    const wps = wpsRig(wb);
    await wps.host.apply([{ kind: 'cells', sheet: '任务分工', writes: [{ row: 0, col: 0, value: { date: '2022-09-15' } }, { row: 1, col: 0, value: 44819 }] }]);
    const grid = (await wps.host.read()).grid!;
    expect(grid.values).toEqual([[{ kind: 'date', iso: '2022-09-15', serial: 44819 }], [44819]]);
  });

  it('refuses a change on a missing sheet before writing anything', async () => {
    const wps = wpsRig(await loadWorkbook(SAMPLES.allocation));
    const before = valuesHash(wps.sim.workbook, []);
    await expect(
      wps.host.apply([
        { kind: 'cells', sheet: '任务分工', writes: [{ row: 0, col: 20, value: 'x' }] },
        { kind: 'cells', sheet: '没有这张表', writes: [{ row: 0, col: 0, value: 'x' }] },
      ]),
    ).rejects.toMatchObject({ code: 'wps.unknown_sheet' });
    expect(valuesHash(wps.sim.workbook, [])).toBe(before);
  });

  it('select activates the sheet and selects the range', async () => {
    const wps = wpsRig(await loadWorkbook(SAMPLES.allocation));
    await wps.host.select('任务分工', 'B5');
    expect(wps.sim.selection).toEqual({ sheet: '任务分工', address: 'B5' });
    await expect(wps.host.select('没有这张表', 'A1')).rejects.toMatchObject({ code: 'wps.unknown_sheet' });
  });
});

describe('between Excel and WPS', () => {
  it('colours put on in Excel are cleared in WPS exactly, and the other way round', async () => {
    const wb = await loadWorkbook(SAMPLES.allocation);
    const excel = rig(wb, { apiVersion: '1.20' });
    const wps = wpsRig(wb);
    const grid = (await wps.host.read()).grid!;
    const area = tableArea(grid);
    const original = await colours(wps.host, grid.sheet, area);
    await runHighlight(excel.host, { asOf: AS_OF });
    expect(await colours(wps.host, grid.sheet, area)).not.toEqual(original);
    await runClear(wps.host);
    expect(await colours(excel.host, grid.sheet, area)).toEqual(original);

    await runHighlight(wps.host, { asOf: AS_OF });
    await runClear(excel.host);
    expect(await colours(wps.host, grid.sheet, area)).toEqual(original);
  });
});

describe('a 20 000-measure sheet in WPS', () => {
  it('is read, coloured and summarised in bounded blocks, with a pause and progress between them', async () => {
    const blockCells = 5000;
    const wb = largeAllocationWorkbook(20_000);
    const wps = wpsRig(wb, { blockCells });
    let worst = 0;
    let since = 0;
    const pausing = new WpsHost(wps.sim.Application, {
      blockCells,
      pause: async () => {
        wps.pauses++;
        worst = Math.max(worst, wps.sim.stats.cellsTouched - since);
        since = wps.sim.stats.cellsTouched;
      },
      onProgress: (p) => wps.progress.push(p),
    });
    const result = await runReport(pausing, { asOf: AS_OF, generatedAt: GENERATED_AT });
    expect(result.highlight.check.analysis.tasks.length).toBeGreaterThanOrEqual(20_000);
    const grid = (await XlsxHost.fromWorkbook(wb).read()).grid!;
    const cells = grid.values.length * grid.values[0].length;
    // Reading alone needs a pause per block; every phase reports progress up to its total.
    expect(wps.pauses).toBeGreaterThan(cells / blockCells);
    for (const phase of ['read', 'styles', 'apply'] as const) {
      const last = wps.progress.filter((p) => p.phase === phase).pop()!;
      expect(last.done).toBe(last.total);
    }
    // Between two pauses WPS works on a bounded number of cells, whatever the sheet's length.
    expect(worst).toBeLessThanOrEqual(4 * blockCells);
  });
});
