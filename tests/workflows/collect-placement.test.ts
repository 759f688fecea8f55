/**
 * Where collect puts the report columns it adds: after the last column holding anything on the table's rows
 * (a clerk's headerless notes beside the table, a number further right), never over it.
 */
import { XlsxHost } from '../../src/hosts/xlsx';
import { runCollect } from '../../src/workflows/collect';
import { answerAll, headerColumnOf, returnSource, splitCopies, tableBytes, TASK_SHEET, valuesOfEverySheet } from '../support/hostile-kit';

const OPTIONS = { asOf: '2022-09-15', generatedAt: '2022-09-16 08:30' };

it('adds 完成情况 … after a headerless notes column and a number further right, and changes neither', async () => {
  const master = await tableBytes({
    edit: (ws) => {
      ws.getCell(3, 6).value = '办公室张三：此项请重点跟踪'; // F3, beside the table, no header
      ws.getCell(5, 6).value = '已电话催办';
      ws.getCell(4, 10).value = 1234.5; // J4, further right
    },
  });
  const copies = await splitCopies(master);
  const office = await answerAll(copies.get('办公室')!, '已完成');
  const host = await XlsxHost.open(master);
  const result = await runCollect(host, [returnSource('办公室.xlsx', office)], OPTIONS);

  expect(result.returnColumns.status).toBe(10); // K, 0-based
  expect(result.addedColumns).toEqual(['status', 'explanation', 'doneDate', 'unit', 'time']);
  const ws = host.workbook.getWorksheet(TASK_SHEET)!;
  expect(ws.getCell(3, 6).value).toBe('办公室张三：此项请重点跟踪');
  expect(ws.getCell(5, 6).value).toBe('已电话催办');
  expect(ws.getCell(4, 10).value).toBe(1234.5);
  expect(headerColumnOf(ws, '完成情况')).toBe(11);
  expect(ws.getCell(3, 11).value).toBe('已完成');

  // Every value that was there before is there after, in the same cell.
  const before = (await valuesOfEverySheet(master))[TASK_SHEET].split(';');
  const after = new Set((await valuesOfEverySheet(await host.toBuffer()))[TASK_SHEET].split(';'));
  for (const cell of before) expect(after).toContain(cell);
});

it('a merged note reaching beyond the table counts as occupied', async () => {
  const master = await tableBytes({
    edit: (ws) => {
      ws.getCell(4, 7).value = '跨列备注';
      ws.mergeCells(4, 7, 4, 9); // G4:I4
    },
  });
  const copies = await splitCopies(master);
  const host = await XlsxHost.open(master);
  const result = await runCollect(host, [returnSource('办公室.xlsx', await answerAll(copies.get('办公室')!, '序时推进'))], OPTIONS);
  expect(result.returnColumns.status).toBe(9); // J
  expect(host.workbook.getWorksheet(TASK_SHEET)!.getCell(4, 7).value).toBe('跨列备注');
});

it('a table already reaching column XFD: a clear message, nothing written', async () => {
  const master = await tableBytes({ edit: (ws) => (ws.getCell(3, 16384).value = '最后一列的备注') });
  const copies = await splitCopies(master);
  const host = await XlsxHost.open(master);
  await expect(runCollect(host, [returnSource('办公室.xlsx', copies.get('办公室')!)], OPTIONS)).rejects.toMatchObject({
    code: 'collect.no_room_for_columns',
    text: { zh: expect.stringContaining('XFD') },
  });
  expect(await valuesOfEverySheet(await host.toBuffer())).toEqual(await valuesOfEverySheet(master));
});
