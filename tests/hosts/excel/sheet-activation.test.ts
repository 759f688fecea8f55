/**
 * Following the sheet the clerk activates: `worksheets.onActivated` exists from ExcelApi 1.7 ("Work with
 * worksheets": Detect worksheet activation; Excel.WorksheetCollection.onActivated, ExcelApi 1.7). Below it the
 * host says it cannot tell (null), and the simulator refuses the event as Excel would.
 */
import ExcelJS from 'exceljs';
import { ExcelHost } from '../../../src/hosts/excel';
import { ExcelSimulator } from '../../../src/simulator';

function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('填表说明').getCell('A1').value = '请按要求填写';
  wb.addWorksheet('任务分工').getCell('A1').value = '序号';
  return wb;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('ExcelHost.watchActiveSheet', () => {
  test('at ExcelApi 1.7 it reports each sheet the user activates, by name, until stopped', async () => {
    const sim = new ExcelSimulator(workbook(), { apiVersion: '1.7' });
    const host = new ExcelHost(sim.run, sim.requirements);
    const seen: string[] = [];
    const stop = await host.watchActiveSheet((name) => seen.push(name));
    expect(stop).not.toBeNull();
    sim.activateSheet('任务分工');
    await tick();
    sim.activateSheet('任务分工'); // already active: no event
    await tick();
    sim.activateSheet('填表说明');
    await tick();
    expect(seen).toEqual(['任务分工', '填表说明']);
    await stop!();
    sim.activateSheet('任务分工');
    await tick();
    expect(seen).toEqual(['任务分工', '填表说明']);
  });

  test('below ExcelApi 1.7 it cannot tell, and says so with null instead of failing', async () => {
    const sim = new ExcelSimulator(workbook(), { apiVersion: '1.6' });
    const host = new ExcelHost(sim.run, sim.requirements);
    expect(await host.watchActiveSheet(() => undefined)).toBeNull();
    await expect(
      sim.run(async (ctx) => {
        ctx.workbook.worksheets.onActivated.add(async () => undefined);
        await ctx.sync();
      }),
    ).rejects.toThrow(/1\.7/);
  });
});
