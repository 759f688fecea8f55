import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { XlsxHost } from '../../../src/hosts/xlsx';
import { isoToSerial } from '../../../src/domain/dates';
import { buildAllocationWorkbook, loadReturns, loadSeed } from '../../../scripts/make-samples';
import { reopen } from '../../support/workbook-files';

const ROOT = path.resolve(__dirname, '../../..');
const seed = loadSeed();
const measures = seed.sections.flatMap((s) => s.subsections.flatMap((ss) => ss.measures.map((m) => ({ ...m, section: s.title, subsection: ss.title }))));

describe('reading the bundled samples', () => {
  it('reads the 2022 任务分工 as a clerk receives it: title, two-column 工作任务, 54 measure rows, merged sections', async () => {
    const host = await XlsxHost.open(path.join(ROOT, 'samples/liangjiang-2022.xlsx'));
    const { sheets, activeSheet, grid, stateText } = await host.read();
    expect(sheets).toEqual([{ name: '任务分工', visibility: 'visible' }]);
    expect(activeSheet).toBe('任务分工');
    expect(stateText).toBeNull();
    expect(grid).not.toBeNull();
    const g = grid!;
    expect([g.originRow, g.originCol, g.values.length, g.values[0].length]).toEqual([0, 0, 56, 6]);
    expect(g.values.every((row) => row.length === 6)).toBe(true);
    expect(g.values[0][0]).toBe('两江新区2022年政务公开重点工作任务分工');
    expect(g.values[1]).toEqual(['工作任务', null, '贯    彻    举    措', '完成时限', '牵头单位', '责任单位']);
    // Every measure verbatim, one per row from row 3, with its number printed in front.
    measures.forEach((m, i) => {
      const row = g.values[2 + i];
      expect(row.slice(2)).toEqual([`${m.no}.${m.text}`, m.deadline, m.lead, m.responsible === '' ? null : m.responsible]);
    });
    expect(measures.map((m) => m.no)).toEqual(Array.from({ length: 54 }, (_, i) => i + 1));
    // Measure 2 really has no 责任单位.
    expect(g.values[3][5]).toBeNull();
    // Merged areas: covered cells read as blank, the areas themselves are reported.
    expect(g.values[3][0]).toBeNull();
    expect(g.values[3][1]).toBeNull();
    expect(g.mergesKnown).toBe(true);
    expect(g.merges).toEqual(expect.arrayContaining([
      { top: 0, left: 0, bottom: 0, right: 5 },
      { top: 1, left: 0, bottom: 1, right: 1 },
      { top: 2, left: 0, bottom: 12, right: 0 }, // 一、 over measures 1–11
      { top: 2, left: 1, bottom: 8, right: 1 }, // （一） over measures 1–7
    ]));
    // One vertical merge per section; subsections with a single measure (（十二）) are not merged.
    const sectionMerges = g.merges.filter((m) => m.left === 0 && m.right === 0);
    expect(sectionMerges).toHaveLength(seed.sections.length);
    const subsectionMerges = g.merges.filter((m) => m.left === 1 && m.right === 1);
    const multi = seed.sections.flatMap((s) => s.subsections).filter((ss) => ss.measures.length > 1);
    expect(subsectionMerges).toHaveLength(multi.length);
  });

  it('reads the returns sample with its 完成情况 column as documented in the data file', async () => {
    const host = await XlsxHost.open(path.join(ROOT, 'samples/liangjiang-2022-returns.xlsx'));
    const g = (await host.read()).grid!;
    expect(g.values[0]).toHaveLength(7);
    expect(g.values[1][6]).toBe('完成情况');
    const returns = loadReturns();
    measures.forEach((m, i) => {
      const status = returns.statuses[String(m.no)];
      expect(g.values[2 + i][6]).toBe(status === '' ? null : status);
    });
    const used = new Set(Object.values(returns.statuses));
    for (const word of ['已完成', '已办结', '已于7月20日完成', '序时推进', '正在推进', '持续推进', '进度滞后', '未启动', '']) {
      expect(used).toContain(word);
    }
  });

  it('the committed samples are what the generator produces from the committed data', async () => {
    for (const [file, returns] of [['liangjiang-2022.xlsx', null], ['liangjiang-2022-returns.xlsx', loadReturns()]] as const) {
      const committed = await (await XlsxHost.open(path.join(ROOT, 'samples', file))).read();
      const fresh = await (await reopen(buildAllocationWorkbook(seed, returns))).read();
      expect(committed.grid).toEqual(fresh.grid);
    }
  });

  it('reads every layout fixture without error and finds each expected task row', async () => {
    const dir = path.join(ROOT, 'tests/fixtures/layouts');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const expected = JSON.parse(fs.readFileSync(path.join(dir, file.replace('.xlsx', '.expected.json')), 'utf8')) as { row: number; measure: string }[];
      const g = (await (await XlsxHost.open(path.join(dir, file))).read()).grid!;
      for (const task of expected) {
        const row = g.values[task.row - 1 - g.originRow].map((v) => (typeof v === 'string' ? v : ''));
        expect(row.some((v) => v.endsWith(task.measure))).toBe(true);
      }
    }
  });
});

describe('cell values', () => {
  async function oneSheet(build: (ws: ExcelJS.Worksheet) => void): Promise<XlsxHost> {
    const wb = new ExcelJS.Workbook();
    build(wb.addWorksheet('数据'));
    return reopen(wb);
  }

  it('turns dates, rich text, formulas, errors, hyperlinks, numbers and booleans into plain cell values', async () => {
    const host = await oneSheet((ws) => {
      ws.getCell('A1').value = new Date(Date.UTC(2022, 8, 30));
      ws.getCell('A1').numFmt = 'yyyy"年"m"月"d"日"';
      ws.getCell('B1').value = { richText: [{ text: '7月31日', font: { bold: true } }, { text: '前' }] };
      ws.getCell('C1').value = { formula: 'D1*2', result: 42 };
      ws.getCell('D1').value = 21;
      ws.getCell('E1').value = { formula: 'VLOOKUP(1,Z1:Z2,2,0)', result: { error: '#N/A' } };
      ws.getCell('F1').value = { formula: '"办"&"公室"', result: '办公室' };
      ws.getCell('G1').value = { text: '门户网站', hyperlink: 'https://example.gov.cn' };
      ws.getCell('H1').value = true;
      ws.getCell('I1').value = { formula: 'TODAY()' } as ExcelJS.CellFormulaValue;
      ws.getCell('A2').value = { formula: 'DATE(2022,7,31)', result: new Date(Date.UTC(2022, 6, 31)) };
      ws.getCell('A2').numFmt = 'yyyy-mm-dd';
      ws.getCell('B2').value = { error: '#REF!' };
      ws.getCell('C2').value = 3.5;
    });
    const g = (await host.read()).grid!;
    expect(g.values[0].slice(0, 8)).toEqual([
      { kind: 'date', iso: '2022-09-30', serial: isoToSerial('2022-09-30') },
      '7月31日前',
      42,
      21,
      { kind: 'error', code: '#N/A' },
      '办公室',
      '门户网站',
      true,
    ]);
    // I1's formula was never calculated, so it has no cached result: blank, and the range ends at H.
    expect(g.values[0]).toHaveLength(8);
    expect(g.values[1].slice(0, 3)).toEqual([{ kind: 'date', iso: '2022-07-31', serial: isoToSerial('2022-07-31') }, { kind: 'error', code: '#REF!' }, 3.5]);
  });

  it('reads the used range from values only: formatting far away and blank strings do not stretch it', async () => {
    const host = await oneSheet((ws) => {
      ws.getCell('C3').value = '标题';
      ws.getCell('D5').value = 1;
      ws.getCell('Z900').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } };
      ws.getCell('E4').value = '';
      ws.getRow(4).hidden = true;
      ws.getCell('C4').value = '隐藏行';
    });
    const g = (await host.read()).grid!;
    expect([g.originRow, g.originCol, g.values.length, g.values[0].length]).toEqual([2, 2, 3, 2]);
    expect(g.values).toEqual([['标题', null], ['隐藏行', null], [null, 1]]);
    expect(g.hiddenRows).toEqual([3]);
  });

  it('widens the range to a merged area reaching past the last value, and reports an empty sheet as an empty grid', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    ws.getCell('A1').value = '标题';
    ws.mergeCells('A1:E1');
    ws.getCell('A2').value = 'x';
    wb.addWorksheet('空表');
    const host = await reopen(wb);
    expect((await host.read()).grid!.values[0]).toEqual(['标题', null, null, null, null]);
    const empty = (await host.read({ sheet: '空表' })).grid!;
    expect(empty.values).toEqual([]);
    expect((await host.read({ sheet: '没有' })).grid).toBeNull();
  });

  it('reads in one pass over the rows, never looking cells up one by one (so large sheets stay linear)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('任务分工');
    for (let r = 1; r <= 2000; r++) {
      ws.getCell(r, 3).value = `${r}.措施`;
      ws.getCell(r, 4).value = '7月31日前';
      if (r % 10 === 1) ws.getCell(r, 1).value = `第${r}部分`;
      if (r % 10 === 1) ws.mergeCells(r, 1, r + 9, 1);
    }
    const host = await reopen(wb);
    const sheet = host.workbook.getWorksheet('任务分工')!;
    const lookups = [jest.spyOn(sheet, 'getCell'), jest.spyOn(sheet, 'findCell'), jest.spyOn(sheet, 'getRow')];
    const g = (await host.read()).grid!;
    expect(lookups.map((spy) => spy.mock.calls.length)).toEqual([0, 0, 0]);
    expect([g.values.length, g.values[0].length, g.merges.length]).toEqual([2000, 4, 200]);
  });

  it('takes the active sheet from the workbook view, skipping hidden sheets', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('一');
    wb.addWorksheet('二');
    wb.addWorksheet('三', { state: 'hidden' });
    wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
    expect((await (await reopen(wb)).read()).activeSheet).toBe('二');
    wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 2, visibility: 'visible' }];
    const snapshot = await (await reopen(wb)).read();
    expect(snapshot.activeSheet).toBe('一');
    expect(snapshot.sheets.map((s) => s.visibility)).toEqual(['visible', 'visible', 'hidden']);
  });
});
