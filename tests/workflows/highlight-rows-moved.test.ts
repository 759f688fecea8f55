/**
 * The clerk inserts or deletes rows between a highlight and the next highlight or clear: the saved originals
 * follow their rows (by the measure text), and a row inserted with the format of a coloured row above does not
 * keep that colour after clear.
 */
import ExcelJS from 'exceljs';
import { XlsxHost } from '../../src/hosts/xlsx';
import { runClear } from '../../src/workflows/clear';
import { runHighlight } from '../../src/workflows/highlight';
import { styleTokens } from '../support/highlight';

const SHEET = '分工';
const TASKS: [string, string, string][] = [
  ['1.公开年度预算', '7月31日前', '已完成'],
  ['2.公开重大决策目录', '7月31日前', '正在推进'],
  ['3.更新政策文件库', '长期开展', '持续推进'],
  ['4.开展政务公开培训', '8月31日前', '未启动'],
  ['5.发布政策解读', '12月31日前', '进度滞后'],
  ['6.完善依申请公开流程', '12月31日前', '序时推进'],
  ['7.公开财政决算', '8月31日前', '已于8月20日完成'],
];

/** A small sheet whose cells have colours of their own, so "restored exactly" means something. */
async function workbook(): Promise<XlsxHost> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.addRow(['某区2022年政务公开工作任务分工']);
  ws.addRow(['具体措施', '完成时限', '牵头单位', '责任单位', '完成情况']);
  TASKS.forEach(([measure, deadline, status], i) => {
    const row = ws.addRow([measure, deadline, '办公室', '各部门', status]);
    row.getCell(2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: i % 2 ? 'FFDDEBF7' : 'FFFFF2CC' } };
    row.getCell(5).font = { name: '宋体', color: { argb: i % 3 ? 'FF1F4E79' : 'FF7030A0' } };
  });
  return XlsxHost.open(new Uint8Array(await wb.xlsx.writeBuffer()));
}

const rowOf = (no: number): number => no + 2; // 1-based sheet row of task n before any change

describe('rows inserted or deleted between highlight and clear', () => {
  it('a row inserted with the format of the row above: originals follow their rows, nothing stays coloured after clear', async () => {
    const host = await workbook();
    const ws = host.workbook.getWorksheet(SHEET)!;
    const original = await styleTokens(host, SHEET);
    await runHighlight(host, { asOf: '2022-09-15' });

    // Insert a new task under task 2 (overdue, red), inheriting its (red) format, as Excel does.
    ws.insertRow(rowOf(3), ['2.1新增：公开采购意向', '12月31日前', '办公室', '各部门', '序时推进'], 'i');
    await runHighlight(host, { asOf: '2022-09-15' });
    await runClear(host, {});

    const after = await styleTokens(host, SHEET);
    for (let no = 1; no <= TASKS.length; no++) {
      const before = rowOf(no) - 1;
      const now = no <= 2 ? before : before + 1; // tasks below the insertion moved down one row
      for (let col = 0; col <= 4; col++) expect([no, col, after.get(`${now}:${col}`)]).toEqual([no, col, original.get(`${before}:${col}`)]);
    }
    // The inserted row got the original format of the row it was copied from, not the red.
    for (let col = 0; col <= 4; col++) expect(after.get(`${rowOf(3) - 1}:${col}`)).toBe(original.get(`${rowOf(2) - 1}:${col}`));
  });

  it('a deleted row: clear restores every remaining row exactly and nothing lands on the wrong row', async () => {
    const host = await workbook();
    const ws = host.workbook.getWorksheet(SHEET)!;
    const original = await styleTokens(host, SHEET);
    await runHighlight(host, { asOf: '2022-09-15' });
    ws.spliceRows(rowOf(4), 1); // task 4 (overdue) deleted
    await runClear(host, {});
    const after = await styleTokens(host, SHEET);
    for (let no = 1; no <= TASKS.length; no++) {
      if (no === 4) continue;
      const before = rowOf(no) - 1;
      const now = no < 4 ? before : before - 1;
      for (let col = 0; col <= 4; col++) expect([no, col, after.get(`${now}:${col}`)]).toEqual([no, col, original.get(`${before}:${col}`)]);
    }
  });

  it('a measure edited in place keeps its record (its row did not move)', async () => {
    const host = await workbook();
    const ws = host.workbook.getWorksheet(SHEET)!;
    const original = await styleTokens(host, SHEET);
    await runHighlight(host, { asOf: '2022-09-15' });
    ws.getCell(rowOf(2), 1).value = '2.公开2022年度重大行政决策事项目录';
    await runClear(host, {});
    expect(await styleTokens(host, SHEET)).toEqual(original);
  });
});
