/**
 * Rules Excel enforces that the adapter must work with, each reproduced by the simulator from its source:
 * - a very hidden sheet cannot be deleted: "This behavior is by design… change its visibility to either hidden or
 *   visible and then delete it" (https://github.com/OfficeDev/office-js/issues/365; the note added to
 *   https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets by office-js-docs-pr #754);
 * - after suspendApiCalculationUntilNextSync "it is the developer's responsibility to re-calc the workbook"
 *   (https://learn.microsoft.com/javascript/api/excel/excel.application); calculate is ExcelApi 1.1.
 */
import ExcelJS from 'exceljs';
import { SimulatorError } from '../../../src/simulator/errors';
import { API_LEVELS, rig } from '../../support/excel-rig';

function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务分工');
  ws.getCell('A1').value = '措施';
  ws.getCell('B1').value = { formula: 'LEN(A1)', result: 2 } as ExcelJS.CellFormulaValue;
  wb.addWorksheet('旧汇总').state = 'veryHidden';
  return wb;
}

test('the simulator refuses to delete a very hidden sheet, as Excel does', async () => {
  const r = rig(workbook(), {});
  const attempt = r.sim.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('旧汇总').delete();
    await ctx.sync();
  });
  await expect(attempt).rejects.toBeInstanceOf(SimulatorError);
  await expect(attempt).rejects.toMatchObject({ code: 'InvalidOperation' });
  expect(r.sim.workbook.getWorksheet('旧汇总')).toBeDefined();
});

test('ExcelHost makes a very hidden sheet visible before deleting it', async () => {
  const r = rig(workbook(), { apiVersion: '1.20' });
  await r.host.read();
  await r.host.apply([{ kind: 'deleteSheet', sheet: '旧汇总' }]);
  expect(r.sim.workbook.getWorksheet('旧汇总')).toBeUndefined();
});

describe.each(API_LEVELS)('value writes at ExcelApi %s', (level) => {
  test(level === '1.1' ? 'calculation is never suspended, so nothing needs recalculating' : 'are followed by application.calculate, in the same sync', async () => {
    const r = rig(workbook(), { apiVersion: level });
    await r.host.read();
    r.syncs();
    await r.host.apply([{ kind: 'cells', sheet: '任务分工', writes: [{ row: 0, col: 0, value: '新的措施' }] }]);
    expect(r.syncs()).toBe(1);
    expect(r.sim.calculations).toEqual(level === '1.1' ? [] : ['Recalculate']);
    // Colour alone writes no values: no recalculation.
    await r.host.apply([{ kind: 'colour', sheet: '任务分工', ranges: [{ top: 0, left: 0, bottom: 0, right: 0 }], fill: '#FFC7CE', font: '#9C0006' }]);
    expect(r.sim.calculations.length).toBe(level === '1.1' ? 0 : 1);
  });
});
