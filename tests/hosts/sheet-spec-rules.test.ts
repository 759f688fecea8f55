/**
 * Every host refuses a sheet spec Excel could not take — overlapping merged areas, a drop-down list over 255
 * characters — with the same zh-CN words and before it changes anything.
 */
import ExcelJS from 'exceljs';
import type { SheetSpec } from '../../src/domain/sheet-spec';
import type { WorkbookHost } from '../../src/ports/workbook-host';
import { XlsxHost } from '../../src/hosts/xlsx';
import { PackageHost } from '../../src/hosts/xlsx-package/package-host';
import { rig } from '../support/excel-rig';
import { wpsRig } from '../support/wps-rig';

function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('任务分工').getCell('A1').value = '措施';
  return wb;
}

function spec(overrides: Partial<SheetSpec>): SheetSpec {
  return { name: '落实情况汇总', marker: 'summary', rows: [[{ v: '标题' }, { v: '' }]], merges: [], columnWidths: [10, 10], styles: {}, ...overrides };
}

const HOSTS: [string, () => Promise<{ host: WorkbookHost; sheets: () => string[] }>][] = [
  ['ExcelHost', async () => {
    const r = rig(workbook(), { apiVersion: '1.20' });
    return { host: r.host, sheets: () => r.sim.workbook.worksheets.map((w) => w.name) };
  }],
  ['WpsHost', async () => {
    const r = wpsRig(workbook());
    return { host: r.host, sheets: () => r.sim.workbook.worksheets.map((w) => w.name) };
  }],
  ['XlsxHost', async () => {
    const host = XlsxHost.fromWorkbook(workbook());
    return { host, sheets: () => host.workbook.worksheets.map((w) => w.name) };
  }],
  ['PackageHost', async () => {
    const host = PackageHost.open(new Uint8Array(await workbook().xlsx.writeBuffer()));
    return { host, sheets: () => [] };
  }],
];

describe.each(HOSTS)('%s', (_name, make) => {
  it.each([
    ['overlapping merged areas', spec({ merges: [{ top: 0, left: 0, bottom: 0, right: 1 }, { top: 0, left: 1, bottom: 1, right: 1 }] }), '合并区域重叠'],
    ['a drop-down list over 255 characters', spec({ dropdowns: [{ range: { top: 0, left: 1, bottom: 0, right: 1 }, options: Array.from({ length: 40 }, (_, i) => `选项${i}号较长的文字`) }] }), '总长度超过 255 个字符'],
  ])('refuses %s before writing anything', async (_what, bad, words) => {
    const { host, sheets } = await make();
    const before = sheets();
    await expect(host.apply([{ kind: 'sheet', spec: bad }])).rejects.toMatchObject({ code: 'xlsx.invalid_sheet_spec', text: { zh: expect.stringContaining(words) } });
    expect(sheets()).toEqual(before);
    expect((await host.read()).sheets.map((s) => s.name)).toEqual(['任务分工']);
  });
});
