/**
 * 回头看: last year's unfinished measures carried into this year's workbook as 上年未完成事项 — which are carried,
 * how each is found again in this year's renumbered and reworded sheet, that last year's file is never changed,
 * and that the clerk's 目前进展 follows its measure when the sheet is made again.
 */
import ExcelJS from 'exceljs';
import { earlierProgress, planCarryOver, textSimilarity } from '../../src/domain/carry-over';
import { analyseSheet } from '../../src/domain/check';
import { UnitDirectory } from '../../src/domain/units';
import { parseState } from '../../src/domain/workbook-state';
import { XlsxHost } from '../../src/hosts/xlsx';
import { runCarryOver } from '../../src/workflows/carry-over';
import { runSummary } from '../../src/workflows/summary';
import { makeGrid } from '../support/sheet-grid';

const HEADER = ['序号', '工作措施', '完成时限', '牵头单位', '责任单位', '完成情况'];
const LAST_ROWS: (string | number | null)[][] = [
  ['2022年政务公开重点工作任务分工'],
  HEADER,
  [1, '编制并公开本级政府权责清单。', '6月30日前', '司法局', '各部门', '已完成'],
  [2, '建设政府信息公开专栏，统一栏目设置和发布标准。', '9月30日前', '办公室', '各部门', '正在推进'],
  [3, '及时公开政策文件并同步解读。', '长期开展', '办公室', '各部门', ''],
  [4, '完成政务服务中心综合窗口改造，实现一窗通办。', '2023年6月底前', '政务服务中心', '各部门', '按计划推进'],
  [5, '开展政务公开培训。', '', '办公室', '各部门', '尚未启动'],
];
const THIS_ROWS: (string | number | null)[][] = [
  ['2023年政务公开重点工作任务分工'],
  HEADER,
  [1, '开展政府网站集约化建设。', '8月31日前', '办公室', '各部门', ''],
  [2, '完成政务服务中心综合窗口改造，全面实现一窗通办。', '6月30日前', '政务服务中心', '各部门', '已完成'],
  [3, '建设政府信息公开专栏，统一栏目设置和发布标准。', '3月31日前', '办公室', '各部门', '正在推进'],
];

async function workbook(sheet: string, rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  rows.forEach((r) => ws.addRow(r));
  ws.mergeCells(1, 1, 1, HEADER.length);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const analyse = (rows: (string | number | null)[][], sheet: string) =>
  analyseSheet(makeGrid(rows, { sheet, merges: ['A1:F1'] }), { directory: new UnitDirectory({ units: [], groups: [] }), currentYear: 2023 });

describe('which of last year’s measures are carried', () => {
  const last = analyse(LAST_ROWS, '2022年');
  const model = planCarryOver(last, { thisYear: analyse(THIS_ROWS, '2023年'), planYear: 2023 });

  it('carries the overdue one, the one due next year and the one without a date that says it has not started', () => {
    expect(model.asOf).toBe('2022-12-31');
    expect(model.measures.map((m) => m.no)).toEqual(['2', '4', '5']);
    expect(model.measures.map((m) => m.state)).toEqual(['overdue', 'on_track', 'unknown']);
    expect(model.doneCount).toBe(1);
    expect(model.ongoingCount).toBe(1);
  });

  it('counts working days overdue from the deadline to the date', () => {
    // 2022-09-30 to 2022-12-31: October's 国庆 holidays are not working days.
    const overdue = model.measures[0];
    expect(overdue.workdaysOverdue).toBeGreaterThan(50);
    expect(overdue.workdaysOverdue).toBeLessThan(66);
  });

  it('finds each again in this year’s sheet: the same text renumbered, a reworded one by similarity, and says which are not there', () => {
    expect(model.measures[0].thisYear).toMatchObject({ no: '3', row: 5, similarity: 1, done: false });
    expect(model.measures[1].thisYear).toMatchObject({ no: '2', row: 4, done: true });
    expect(model.measures[1].thisYear!.similarity).toBeGreaterThanOrEqual(0.6);
    expect(model.measures[2].thisYear).toBeNull();
    expect(model.resolvedCount).toBe(1);
  });

  it('judges as of an earlier date when asked', () => {
    const early = planCarryOver(last, { asOf: '2022-09-01', thisYear: null, planYear: 2023 });
    expect(early.measures.map((m) => m.no)).toEqual(['2', '4', '5']);
    expect(early.measures[0].state).not.toBe('overdue');
  });

  it('tells texts apart: unrelated measures are far below the threshold', () => {
    expect(textSimilarity('开展政府网站集约化建设。', '建设政府信息公开专栏，统一栏目设置和发布标准。')).toBeLessThan(0.3);
    expect(textSimilarity('同一句话', '同一句话')).toBe(1);
  });
});

describe('allocation’s 回头看 on two workbooks', () => {
  it('writes 上年未完成事项 into this year’s workbook, leaves last year’s bytes and this year’s sheet alone', async () => {
    const lastBytes = await workbook('2022年', LAST_ROWS);
    const lastCopy = Buffer.from(lastBytes);
    const thisYear = await XlsxHost.open(await workbook('2023年', THIS_ROWS));
    const result = await runCarryOver(thisYear, await XlsxHost.open(lastBytes), { createdAt: '2023-01-10 09:00' });

    expect(lastBytes.equals(lastCopy)).toBe(true);
    expect(result.sheetName).toBe('上年未完成事项');
    expect(result.sentence.zh).toBe('上年结转3项，已完成1项，尚有2项未完成。');
    const ws = thisYear.workbook.getWorksheet('上年未完成事项')!;
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain('2022年未完成事项（回头看）');
    expect(texts).toContain('第3项（第5行）');
    expect(texts).toContain('未列入');
    expect(texts).toContain('建设政府信息公开专栏，统一栏目设置和发布标准。');
    // The clerk's sheet is unchanged.
    const task = thisYear.workbook.getWorksheet('2023年')!;
    THIS_ROWS.forEach((r, i) => r.forEach((v, j) => expect(task.getCell(i + 1, j + 1).value ?? '').toEqual(v ?? '')));
    const state = parseState(((await thisYear.read()).stateText)).state;
    expect(state.productSheets.map((p) => p.marker)).toContain('carried-over');
  });

  it('keeps the clerk’s 目前进展 with its measure when made again, and counts it as done when it says so', async () => {
    const thisYear = await XlsxHost.open(await workbook('2023年', THIS_ROWS));
    const lastBytes = await workbook('2022年', LAST_ROWS);
    await runCarryOver(thisYear, await XlsxHost.open(lastBytes), { createdAt: '2023-01-10 09:00' });
    const ws = thisYear.workbook.getWorksheet('上年未完成事项')!;
    let row = 0;
    ws.eachRow((r, n) => {
      if (r.getCell(10).value === '未列入') row = n;
    });
    expect(row).toBeGreaterThan(0);
    ws.getCell(row, 11).value = '已于3月完成';
    ws.getCell(row + 3, 1).value = '主任批示：逐项销号。';
    const reopened = await XlsxHost.open(await thisYear.toBuffer());

    const again = await runCarryOver(reopened, await XlsxHost.open(lastBytes), { createdAt: '2023-04-01 09:00' });
    expect(again.replaced).toBe('上年未完成事项');
    expect(again.sentence.zh).toBe('上年结转3项，已完成2项，尚有1项未完成。');
    const ws2 = reopened.workbook.getWorksheet('上年未完成事项')!;
    const texts: string[] = [];
    ws2.eachRow((r) => r.eachCell((c) => texts.push(String(c.value))));
    expect(texts.filter((t) => t === '已于3月完成')).toHaveLength(1);
    expect(texts).toContain('主任批示：逐项销号。');
  });

  it('the summary and its paragraph then say 上年结转X项，已完成X项, counted from this year’s sheet as it stands', async () => {
    const thisYear = await XlsxHost.open(await workbook('2023年', THIS_ROWS));
    await runCarryOver(thisYear, await XlsxHost.open(await workbook('2022年', LAST_ROWS)), { createdAt: '2023-01-10 09:00' });
    // Since then the measure taken up again as No. 3 was finished.
    thisYear.workbook.getWorksheet('2023年')!.getCell(5, 6).value = '已完成';
    const summary = await runSummary(thisYear, { asOf: '2023-04-01', generatedAt: '2023-04-01 09:00' });
    expect(summary.model.carryOver).toEqual({ lastYear: 2022, carried: 3, resolved: 2 });
    expect(summary.paragraph).toContain('上年结转3项，已完成2项，尚有1项未完成。');
    const texts: string[] = [];
    thisYear.workbook.getWorksheet(summary.sheetName)!.eachRow((r) => r.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain('上年结转事项');
    // Without a 上年未完成事项 sheet nothing is said of it.
    const plain = await runSummary(await XlsxHost.open(await workbook('2023年', THIS_ROWS)), { asOf: '2023-04-01', generatedAt: '2023-04-01 09:00' });
    expect(plain.model.carryOver).toBeNull();
    expect(plain.paragraph).not.toContain('结转');
  });

  it('refuses the same table twice with a sentence, and changes nothing', async () => {
    const bytes = await workbook('2023年', THIS_ROWS);
    const thisYear = await XlsxHost.open(bytes);
    await expect(runCarryOver(thisYear, await XlsxHost.open(bytes), { createdAt: '2023-01-10 09:00' })).rejects.toMatchObject({
      text: { zh: expect.stringContaining('是同一张表') },
    });
    expect(thisYear.workbook.getWorksheet('上年未完成事项')).toBeUndefined();
  });

  it('reads its own earlier sheet by its header labels, not by position', () => {
    const grid = makeGrid([
      ['2022年未完成事项（回头看）'],
      ['说明'],
      ['序号', '上年编号', '工作措施', '完成时限', '牵头单位', '责任单位', '截至时状态', '上年完成情况', '逾期工作日', '今年对应任务', '目前进展'],
      [1, '5', '开展政务公开培训。', '', '办公室', '各部门', '未完成（无时限）', '尚未启动', null, '未列入', '已办两期'],
      [2, '2', '建设专栏。', '9月30日前', '办公室', '各部门', '逾期未完成', '正在推进', 60, '第3项（第5行）', '正在推进'],
    ]);
    const { progress, rest } = earlierProgress(grid);
    expect([...progress.values()]).toEqual(['已办两期']);
    expect(rest!.values[3][10]).toBeNull();
    expect(rest!.values[4][10]).toBe('正在推进');
  });
});
