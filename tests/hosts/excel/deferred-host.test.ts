/**
 * The pane's ExcelHost with its code loaded on the first call: its capabilities are known before any call, and
 * every call answers as the ExcelHost itself does over the same Excel.
 */
import ExcelJS from 'exceljs';
import { deferredOfficeHost } from '../../../src/hosts/excel/deferred-host';
import { ExcelSimulator } from '../../../src/simulator';

const globals = globalThis as { Office?: unknown; Excel?: unknown };

function simulatedOffice(apiVersion: string): ExcelSimulator {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务分工');
  ws.addRow(['序号', '贯彻举措', '完成时限', '牵头单位']);
  ws.addRow([1, '推进政务公开。', '6月30日前', '办公室']);
  const sim = new ExcelSimulator(wb, { apiVersion, payloadLimitBytes: null });
  globals.Office = { context: { requirements: sim.requirements, diagnostics: { platform: 'PC' } } };
  globals.Excel = { run: sim.run };
  return sim;
}

afterEach(() => {
  delete globals.Office;
  delete globals.Excel;
});

describe('the deferred Office host', () => {
  it('knows its capabilities from the requirement level before any call, and reads and writes through ExcelHost', async () => {
    const sim = simulatedOffice('1.9');
    const host = deferredOfficeHost();
    expect(host.capabilities).toEqual({ host: 'excel', apiVersion: '1.9', readsMerges: false, charts: true, headerFooter: true });
    expect(sim.stats.syncs).toBe(0);
    const snapshot = await host.read();
    expect(snapshot.activeSheet).toBe('任务分工');
    expect(snapshot.grid?.values[1]).toEqual([1, '推进政务公开。', '6月30日前', '办公室']);
    await host.apply([{ kind: 'colour', sheet: '任务分工', ranges: [{ top: 1, left: 0, bottom: 1, right: 3 }], fill: '#FFC7CE', font: '#9C0006' }]);
    const [style] = await host.readStyles('任务分工', [{ top: 1, left: 0, bottom: 1, right: 0 }]);
    expect([style.fill, style.font]).toEqual(['#FFC7CE', '#9C0006']);
    await host.select('任务分工', 'B2');
    expect(sim.selection).toEqual({ sheet: '任务分工', address: 'B2' });
  });

  it('says where the sheet activation cannot be followed (below ExcelApi 1.7), as ExcelHost does', async () => {
    simulatedOffice('1.6');
    expect(await deferredOfficeHost().watchActiveSheet!(() => undefined)).toBeNull();
  });
});
