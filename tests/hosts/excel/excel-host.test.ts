/** ExcelHost against the simulator at Office 2016's ExcelApi 1.1 and at the newest level. */
import ExcelJS from 'exceljs';
import { isUserFacingError } from '../../../src/domain/errors';
import type { SheetSpec } from '../../../src/domain/sheet-spec';
import type { CellRange } from '../../../src/domain/types';
import { STATE_CHUNK_CHARS, STATE_SHEET_NAME } from '../../../src/domain/workbook-state';
import { isDateNumberFormat, parseAreaList } from '../../../src/hosts/excel';
import { XlsxHost } from '../../../src/hosts/xlsx';
import { API_LEVELS, SAMPLES, rig, sampleRig } from '../../support/excel-rig';

function handmade(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务分工');
  ws.getCell('B2').value = '措施';
  ws.getCell('C2').value = new Date(Date.UTC(2022, 8, 30));
  ws.getCell('C2').numFmt = 'yyyy"年"m"月"d"日"';
  ws.getCell('D2').value = { formula: 'A1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
  ws.getCell('B3').value = 44834; // a serial under the General format stays a number
  ws.getCell('C3').value = true;
  ws.getCell('D3').value = { richText: [{ text: '牵头' }, { text: '单位' }] };
  wb.addWorksheet('空表');
  return wb;
}

function palette(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表');
  for (let r = 1; r <= 3; r++) for (let c = 1; c <= 6; c++) ws.getCell(r, c).value = `${r},${c}`;
  ws.getCell('A1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  ws.getCell('B1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFFFF' } };
  ws.getCell('D1').font = { color: { argb: 'FFFF0000' }, bold: true };
  ws.getCell('E1').fill = { type: 'pattern', pattern: 'lightGrid', fgColor: { argb: 'FF0000FF' }, bgColor: { argb: 'FFDDEEFF' } };
  return wb;
}

async function rejected(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe.each(API_LEVELS)('ExcelHost at ExcelApi %s', (level) => {
  const latest = level !== '1.1';

  it('detects the API level and what it can do', async () => {
    const { host } = rig(handmade(), { apiVersion: level });
    expect(host.capabilities).toEqual({ host: 'excel', apiVersion: level, readsMerges: latest, charts: true, headerFooter: latest });
  });

  it.each(Object.entries(SAMPLES))('reads the %s sample exactly as the xlsx host does, in one sync', async (_name, file) => {
    const r = await sampleRig(file, { apiVersion: level });
    const snapshot = await r.host.read();
    expect(r.syncs()).toBe(1);
    const expected = (await XlsxHost.open(file)).read();
    const want = await expected;
    expect(snapshot.sheets).toEqual(want.sheets);
    expect(snapshot.activeSheet).toBe(want.activeSheet);
    expect(snapshot.stateText).toBeNull();
    const grid = snapshot.grid!;
    expect(grid.values).toEqual(want.grid!.values);
    expect([grid.originRow, grid.originCol]).toEqual([want.grid!.originRow, want.grid!.originCol]);
    if (latest) {
      expect(grid.merges).toEqual(want.grid!.merges);
      expect(grid.mergesKnown).toBe(true);
      expect(grid.hiddenRows).toEqual([]);
    } else {
      expect(grid.merges).toEqual([]);
      expect(grid.mergesKnown).toBe(false);
      expect(grid.hiddenRows).toBeUndefined();
    }
  });

  it('turns date-formatted serials into date cells and error strings into error cells', async () => {
    const r = rig(handmade(), { apiVersion: level });
    const { grid } = await r.host.read({ sheet: '任务分工' });
    expect(grid!.originRow).toBe(1);
    expect(grid!.originCol).toBe(1);
    expect(grid!.values).toEqual([
      ['措施', { kind: 'date', iso: '2022-09-30', serial: 44834 }, { kind: 'error', code: '#DIV/0!' }],
      [44834, true, '牵头单位'],
    ]);
  });

  it('reads an empty sheet as no values and a missing sheet as no grid', async () => {
    const r = rig(handmade(), { apiVersion: level });
    const empty = await r.host.read({ sheet: '空表' });
    expect(empty.grid).toEqual(expect.objectContaining({ sheet: '空表', values: [], originRow: 0, originCol: 0 }));
    r.syncs();
    const missing = await r.host.read({ sheet: '没有' });
    expect(missing.grid).toBeNull();
    // The sheet list is known from the first read, so even ExcelApi 1.1 needs no extra round trip.
    expect(r.syncs()).toBe(1);
    const cold = rig(handmade(), { apiVersion: level });
    expect((await cold.host.read({ sheet: '没有' })).grid).toBeNull();
    // Cold on 1.1: the optimistic getItem fails, the list is fetched, then the read is repeated.
    expect(cold.syncs()).toBe(latest ? 1 : 3);
    // A sheet removed behind the host's back: the remembered list is stale, the read notices and lists again.
    r.sim.workbook.removeWorksheet(r.sim.workbook.getWorksheet('空表')!.id);
    r.syncs();
    expect((await r.host.read({ sheet: '空表' })).grid).toBeNull();
    expect(r.syncs()).toBe(3);
  });

  it('reads a 6 000-row sheet in payload-sized chunks, every sync under the web limit', async () => {
    const longSheet = () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('长表');
      for (let r = 1; r <= 6000; r++) {
        ws.getCell(r, 1).value = `第${r}项`;
        ws.getCell(r, 2).value = '加强政务公开平台建设，推进政府信息主动公开'.repeat(4);
        ws.getCell(r, 3).value = r;
        if (r % 3 === 1 && r < 6000) {
          ws.getCell(r, 4).value = '办公室';
          ws.mergeCells(r, 4, r + 1, 4);
        }
      }
      return wb;
    };
    const xlsx = XlsxHost.fromWorkbook(longSheet());
    const r = rig(longSheet(), { apiVersion: level });
    const { grid } = await r.host.read();
    const want = (await xlsx.read()).grid!;
    expect(grid!.values).toEqual(want.values);
    if (latest) expect(grid!.merges).toEqual(want.merges);
    expect(r.sim.stats.maxPayloadBytes).toBeLessThan(5 * 1024 * 1024);
    expect(r.sim.stats.syncs).toBeGreaterThan(1);
    expect(r.sim.stats.syncs).toBeLessThanOrEqual(4);
  });

  it('round-trips the state through a hidden sheet in 30 000-character chunks', async () => {
    const r = rig(handmade(), { apiVersion: level });
    await r.host.read();
    r.syncs();
    const state = JSON.stringify({ version: 1, note: '标色'.repeat(STATE_CHUNK_CHARS) });
    await r.host.apply([{ kind: 'state', text: state }]);
    expect(r.syncs()).toBe(1);
    const stateSheet = r.sim.workbook.getWorksheet(STATE_SHEET_NAME)!;
    expect(stateSheet.state).toBe(latest ? 'veryHidden' : 'visible');
    expect(stateSheet.getCell('C1').value).toBeNull();
    expect((await r.host.read()).stateText).toBe(state);
    expect(r.syncs()).toBe(1);
    // A shorter state replaces the longer one completely.
    await r.host.apply([{ kind: 'state', text: '{"version":1}' }]);
    expect((await r.host.read()).stateText).toBe('{"version":1}');
    // A new session: on ExcelApi 1.1 the state sheet is found in the list first, then read.
    const fresh = rig(r.sim.workbook, { apiVersion: level });
    expect((await fresh.host.read()).stateText).toBe('{"version":1}');
    expect(fresh.syncs()).toBe(latest ? 1 : 2);
  });

  it('reads colours, colours ranges and restores the originals exactly', async () => {
    const r = rig(palette(), { apiVersion: level });
    await r.host.read({ sheet: '表' });
    r.syncs();
    const area: CellRange = { top: 0, left: 0, bottom: 2, right: 5 };
    const before = await r.host.readStyles('表', [area]);
    expect(r.syncs()).toBe(1);
    expect(before).toHaveLength(18);
    const byCell = (col: number) => before.find((s) => s.row === 0 && s.col === col)!;
    expect([byCell(0).fill, byCell(0).font]).toEqual(['#FFFF00', null]);
    // White fill: ExcelApi 1.9 tells it from no fill by its pattern; 1.1 cannot.
    expect(byCell(1).fill).toBe(latest ? '#FFFFFF' : null);
    expect([byCell(2).fill, byCell(3).font]).toEqual([null, '#FF0000']);

    await r.host.apply([{ kind: 'colour', sheet: '表', ranges: [{ top: 0, left: 0, bottom: 1, right: 5 }, { top: 2, left: 2, bottom: 2, right: 3 }], fill: '#FFC7CE', font: '#9C0006' }]);
    expect(r.syncs()).toBe(1);
    const coloured = await r.host.readStyles('表', [area]);
    expect(coloured.filter((s) => s.fill === '#FFC7CE' && s.font === '#9C0006')).toHaveLength(14);
    r.syncs();

    await r.host.apply([{ kind: 'restore', sheet: '表', styles: before }]);
    expect(r.syncs()).toBe(1);
    expect(await r.host.readStyles('表', [area])).toEqual(before);
    const ws = r.sim.workbook.getWorksheet('表')!;
    expect(ws.getCell('D1').font?.bold).toBe(true);
    expect(ws.getCell('B1').fill).toEqual(latest ? expect.objectContaining({ pattern: 'solid', fgColor: { argb: 'FFFFFFFF' } }) : { type: 'pattern', pattern: 'none' });
    if (latest) expect(ws.getCell('E1').fill).toEqual(expect.objectContaining({ pattern: 'lightGrid', fgColor: { argb: 'FF0000FF' }, bgColor: { argb: 'FFDDEEFF' } }));
  });

  it('counts one format operation per coloured range', async () => {
    const r = rig(palette(), { apiVersion: level });
    await r.host.read({ sheet: '表' });
    r.sim.resetStats();
    const ranges = [0, 1, 2].map((row) => ({ top: row, left: 0, bottom: row, right: 5 }));
    await r.host.apply([{ kind: 'colour', sheet: '表', ranges, fill: '#C6EFCE', font: '#006100' }]);
    // From ExcelApi 1.9 ranges of one colour are formatted together as one RangeAreas.
    expect(r.sim.stats.formatOperations).toBe(latest ? 1 : 3);
  });

  it('reads the colours of a large mixed area in a bounded number of syncs', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('大');
    for (let row = 1; row <= 7000; row++) {
      ws.getCell(row, 1).value = row;
      if (row % 500 === 0) ws.getCell(row, 3).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } };
    }
    const r = rig(wb, { apiVersion: level });
    await r.host.read();
    r.syncs();
    const styles = await r.host.readStyles('大', [{ top: 0, left: 0, bottom: 6999, right: 6 }]);
    expect(styles).toHaveLength(49_000);
    expect(styles.filter((s) => s.fill === '#FFEB9C').map((s) => [s.row, s.col])).toEqual(Array.from({ length: 14 }, (_, i) => [i * 500 + 499, 2]));
    // ≥ 1.9: range-level colours, then getCellProperties of the mixed range (49 000 cells: two responses);
    // 1.1: range-level colours, then per row, then the cells of the 14 mixed rows.
    expect(r.syncs()).toBe(3);
  });

  it('writes a product sheet from a SheetSpec, keeping every string as text, in one sync', async () => {
    const r = rig(handmade(), { apiVersion: level });
    await r.host.read();
    r.syncs();
    await r.host.apply([{ kind: 'sheet', spec: summarySpec() }]);
    expect(r.syncs()).toBe(1);
    const ws = r.sim.workbook.getWorksheet('汇总')!;
    expect(['A1', 'A2', 'B2', 'C2', 'D2', 'E2', 'F2'].map((a) => ws.getCell(a).value)).toEqual(['落实情况汇总', '=SUM(A1:A9)', '+86 23 6666', '-', '@所有人', '2022-09-15', '001']);
    expect(ws.getCell('A2').formula).toBeUndefined();
    expect(ws.getCell('A3').value).toBe(54);
    expect(ws.getCell('B3').value).toBe(44819);
    expect(ws.getCell('B3').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('C3').value).toBe(0.917);
    expect(ws.getCell('C3').numFmt).toBe('0.0%');
    expect(ws.getCell('A1').font).toEqual(expect.objectContaining({ bold: true, size: 16 }));
    expect(ws.getCell('A2').fill).toEqual(expect.objectContaining({ fgColor: { argb: 'FFDDEBF7' } }));
    expect(ws.getCell('A2').border?.top).toBeDefined();
    expect(r.sim.charts).toEqual([expect.objectContaining({ sheet: '汇总', type: 'BarStacked', source: 'A2:C3', title: '完成情况' })]);
    if (latest) {
      expect(ws.getCell('B1').isMerged).toBe(true);
      expect(ws.getColumn(1).width).toBeCloseTo(20, 5);
      expect(r.sim.sheetFrozen('汇总')).toEqual({ rows: 2, cols: 0 });
      expect(ws.getCell('A4').dataValidation).toEqual(expect.objectContaining({ type: 'list', formulae: ['"已完成,正在推进"'] }));
      expect(ws.getCell('A4').protection).toEqual({ locked: false });
      expect(ws.pageSetup.orientation).toBe('landscape');
    } else {
      // ExcelApi 1.1 has no merge, widths, freeze panes, validation or protection: the sheet is still complete in values.
      expect(ws.getCell('B1').isMerged).toBe(false);
    }
  });

  it('replaces its own sheet, refuses to overwrite another, and changes nothing when it refuses', async () => {
    const r = rig(handmade(), { apiVersion: level });
    await r.host.read();
    await r.host.apply([{ kind: 'sheet', spec: summarySpec() }]);
    await r.host.apply([{ kind: 'sheet', spec: { ...summarySpec(), rows: [[{ v: '新的' }]] }, replaces: '汇总' }]);
    expect(r.sim.workbook.getWorksheet('汇总')!.getCell('A1').value).toBe('新的');
    r.syncs();
    const error = await rejected(r.host.apply([{ kind: 'state', text: '{}' }, { kind: 'sheet', spec: { ...summarySpec(), name: '任务分工' } }]));
    expect(isUserFacingError(error) && error.code).toBe('excel.sheet_exists');
    expect(r.syncs()).toBe(0);
    expect(r.sim.workbook.getWorksheet(STATE_SHEET_NAME)).toBeUndefined();
  });

  it('notices sheets the clerk added or removed since the last read, and colours nothing when it must refuse', async () => {
    const r = rig(palette(), { apiVersion: level });
    await r.host.read({ sheet: '表' });
    await r.host.apply([{ kind: 'sheet', spec: summarySpec() }]);
    // Behind the host's back: the clerk deletes the product sheet and makes one of their own with its name.
    r.sim.workbook.removeWorksheet(r.sim.workbook.getWorksheet('汇总')!.id);
    await r.host.apply([{ kind: 'sheet', spec: summarySpec(), replaces: '汇总' }]);
    expect(r.sim.workbook.getWorksheet('汇总')!.getCell('A1').value).toBe('落实情况汇总');
    r.sim.workbook.addWorksheet('自建表');
    const colour = { kind: 'colour' as const, sheet: '表', ranges: [{ top: 0, left: 0, bottom: 0, right: 5 }], fill: '#FFC7CE', font: '#9C0006' };
    const error = await rejected(r.host.apply([colour, { kind: 'sheet', spec: { ...summarySpec(), name: '自建表' } }]));
    expect(isUserFacingError(error) && error.code).toBe('excel.sheet_exists');
    expect(r.sim.workbook.getWorksheet('表')!.getCell('C1').fill).toBeUndefined();
  });

  it('explains in words when the sheet is protected or Excel is editing a cell', async () => {
    const r = rig(palette(), { apiVersion: level });
    await r.host.read({ sheet: '表' });
    (r.sim.workbook.getWorksheet('表') as unknown as { sheetProtection: unknown }).sheetProtection = { sheet: true };
    const protectedError = await rejected(r.host.apply([{ kind: 'colour', sheet: '表', ranges: [{ top: 0, left: 0, bottom: 0, right: 0 }], fill: '#FFC7CE', font: '#9C0006' }]));
    expect(isUserFacingError(protectedError) && protectedError.code).toBe('excel.access_denied');
    r.sim.cellEditMode = true;
    const editing = await rejected(r.host.read());
    expect(isUserFacingError(editing) && [editing.code, editing.text.zh]).toEqual(['excel.cell_edit_mode', 'Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后再试。']);
  });

  it('writes cells as text-safe values and deletes sheets', async () => {
    const r = rig(handmade(), { apiVersion: level });
    await r.host.read();
    r.syncs();
    await r.host.apply([
      { kind: 'cells', sheet: '任务分工', writes: [{ row: 4, col: 1, value: '=已完成' }, { row: 5, col: 1, value: { date: '2022-07-20' } }, { row: 6, col: 1, value: 3 }, { row: 1, col: 1, value: null }] },
      { kind: 'deleteSheet', sheet: '空表' },
    ]);
    expect(r.syncs()).toBe(1);
    const ws = r.sim.workbook.getWorksheet('任务分工')!;
    expect([ws.getCell('B5').value, ws.getCell('B6').value, ws.getCell('B7').value, ws.getCell('B2').value]).toEqual(['=已完成', 44762, 3, null]);
    expect(ws.getCell('B6').numFmt).toBe('yyyy-mm-dd');
    expect(r.sim.workbook.getWorksheet('空表')).toBeUndefined();
  });

  it('splits an apply whose request would exceed the payload limit, and only then', async () => {
    const r = rig(palette(), { apiVersion: level });
    await r.host.read({ sheet: '表' });
    r.syncs();
    // 400 replies of 5 000 CJK characters: 6 MB of text, more than one request may carry on the web.
    const reply = '已按序时推进'.repeat(834).slice(0, 5000);
    const writes = Array.from({ length: 400 }, (_, i) => ({ row: 10 + i, col: 7, value: reply }));
    await r.host.apply([{ kind: 'cells', sheet: '表', writes }]);
    expect(r.sim.stats.syncs).toBe(2);
    expect(r.sim.stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    expect(r.sim.workbook.getWorksheet('表')!.getCell('H410').value).toBe(reply);
    r.syncs();
    // Thousands of separate runs of one colour: one RangeAreas per 8 000 address characters from 1.9.
    const ranges = Array.from({ length: 12_000 }, (_, i) => ({ top: i * 2, left: 0, bottom: i * 2, right: 0 }));
    await r.host.apply([{ kind: 'colour', sheet: '表', ranges, fill: '#C6EFCE', font: '#006100' }]);
    expect(r.sim.stats.syncs).toBe(latest ? 1 : 2);
    expect(r.sim.stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    expect(r.sim.workbook.getWorksheet('表')!.getCell('A23999').fill).toEqual(expect.objectContaining({ fgColor: { argb: 'FFC6EFCE' } }));
  });

  it('selects a cell on its sheet in one sync', async () => {
    const r = rig(handmade(), { apiVersion: level });
    await r.host.select('空表', 'C7');
    expect(r.syncs()).toBe(1);
    expect(r.sim.selection).toEqual({ sheet: '空表', address: 'C7' });
    expect(r.sim.activeSheet).toBe('空表');
    const error = await rejected(r.host.select('没有', 'A1'));
    expect(isUserFacingError(error) && error.code).toBe('excel.unknown_sheet');
  });
});

describe('number formats and addresses', () => {
  it('recognises date formats, including Chinese and locale-tagged ones', () => {
    for (const f of ['yyyy-mm-dd', 'm/d/yy', 'yyyy"年"m"月"d"日"', '[$-804]yyyy"年"m"月"', '[DBNum1]m"月"d"日"', 'd-mmm']) expect(isDateNumberFormat(f)).toBe(true);
    for (const f of ['General', '@', '0.0%', '#,##0', 'hh:mm', '[h]:mm:ss', '"day"0', '[Red]0']) expect(isDateNumberFormat(f)).toBe(false);
  });

  it('parses area lists, quoted sheet names included', () => {
    expect(parseAreaList("'A, B'!A1:B2,'A, B'!$C$3")).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 2, left: 2, bottom: 2, right: 2 },
    ]);
  });
});

function summarySpec(): SheetSpec {
  return {
    name: '汇总',
    marker: 'summary',
    rows: [
      [{ v: '落实情况汇总', s: 'title' }],
      [{ v: '=SUM(A1:A9)', s: 'head' }, { v: '+86 23 6666', s: 'head' }, { v: '-', s: 'head' }, { v: '@所有人' }, { v: '2022-09-15' }, { v: '001' }],
      [{ v: 54 }, { v: { date: '2022-09-15' } }, { v: 0.917, s: 'pct' }],
      [{ v: null }],
    ],
    merges: [{ top: 0, left: 0, bottom: 0, right: 3 }],
    columnWidths: [20, 12],
    styles: {
      title: { bold: true, fontSize: 16 },
      head: { fill: '#DDEBF7', border: true, horizontal: 'center', wrap: true },
      pct: { numberFormat: '0.0%' },
    },
    freeze: { rows: 2, cols: 0 },
    print: { landscape: true, fitToWidth: true, repeatRows: [0, 1], paper: 'A4' },
    dataBars: [{ range: { top: 2, left: 2, bottom: 2, right: 2 }, color: '#63BE7B' }],
    chart: { type: 'barStacked', title: '完成情况', data: { top: 1, left: 0, bottom: 2, right: 2 }, anchor: { row: 5, col: 0, rows: 10, cols: 6 } },
    dropdowns: [{ range: { top: 3, left: 0, bottom: 3, right: 0 }, options: ['已完成', '正在推进'] }],
    protection: { unlocked: [{ top: 3, left: 0, bottom: 3, right: 0 }] },
    font: { name: '等线', size: 11 },
  };
}
