/**
 * Collect adds report columns after the table and asks each new cell to look like a neighbour (`styleFrom`):
 * from ExcelApi 1.9 the host copies that cell's formats, one copy per lined-up run; before 1.9 it writes the
 * value only, as the port allows.
 */
import ExcelJS from 'exceljs';
import { rig } from '../../support/excel-rig';

function table(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务分工');
  ws.getCell('A1').value = '牵头单位';
  ws.getCell('A1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  ws.getCell('A1').font = { bold: true, name: '宋体' };
  for (let r = 2; r <= 4; r++) {
    ws.getCell(r, 1).value = `单位${r}`;
    ws.getCell(r, 1).border = { left: { style: 'thin' }, right: { style: 'thin' } };
  }
  return wb;
}

// Header B1 styled like A1; B2:B4 like A2:A4.
const writes = [
  { row: 0, col: 1, value: '完成情况', styleFrom: { row: 0, col: 0 } },
  ...[1, 2, 3].map((row) => ({ row, col: 1, value: '已完成', styleFrom: { row, col: 0 } })),
];

describe('CellWrite.styleFrom through ExcelHost', () => {
  it('copies the neighbour’s formats at ExcelApi 1.9 and later, in one copy per run', async () => {
    const r = rig(table(), { apiVersion: '1.20' });
    r.sim.resetStats();
    await r.host.apply([{ kind: 'cells', sheet: '任务分工', writes }]);
    const ws = r.sim.workbook.getWorksheet('任务分工')!;
    expect(ws.getCell('B1').value).toBe('完成情况');
    expect(ws.getCell('B1').font).toEqual(expect.objectContaining({ bold: true, name: '宋体' }));
    expect(ws.getCell('B1').fill).toEqual(expect.objectContaining({ fgColor: { argb: 'FFD9E1F2' } }));
    expect(ws.getCell('B3').border).toEqual(expect.objectContaining({ left: { style: 'thin' } }));
    expect(ws.getCell('B3').value).toBe('已完成');
    // A1:A4 lines up beside B1:B4, so one copy covers the header and the data cells.
    expect(r.sim.stats.formatOperations).toBe(1);
    // The source cells are untouched.
    expect(ws.getCell('A1').value).toBe('牵头单位');
  });

  it('writes the values only at ExcelApi 1.1', async () => {
    const r = rig(table(), { apiVersion: '1.1' });
    await r.host.apply([{ kind: 'cells', sheet: '任务分工', writes }]);
    const ws = r.sim.workbook.getWorksheet('任务分工')!;
    expect(ws.getCell('B1').value).toBe('完成情况');
    expect(ws.getCell('B1').font?.bold).toBeFalsy();
    expect(ws.getCell('B4').value).toBe('已完成');
  });
});
