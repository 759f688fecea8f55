/** 单位名录 from the pane, through the xlsx host: made, remembered, replaced, and never over the clerk's own. */
import * as path from 'path';
import { isUserFacingError } from '../../src/domain/errors';
import { UNIT_DIRECTORY_SHEET } from '../../src/domain/units';
import { parseState } from '../../src/domain/workbook-state';
import { XlsxHost } from '../../src/hosts/xlsx';
import { createDirectorySheet, unitNamesInSheet } from '../../src/taskpane/directory-workflow';
import { paneWorkflows } from '../../src/taskpane/workflows';
import { SAMPLE_DIRECTORY_DATA } from '../support/sample-directory';

const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'liangjiang-2022-returns.xlsx');
const SHEET = '任务分工';
const NOW = '2022-09-15T09:00:00.000Z';

async function checked(host: XlsxHost) {
  return paneWorkflows().check!(host, { sheet: SHEET });
}

describe('createDirectorySheet', () => {
  test('from the default directory: the sheet, recorded as the product’s, and the checker uses it', async () => {
    const host = await XlsxHost.open(SAMPLE);
    const made = await createDirectorySheet(host, { from: 'default', check: null, lang: 'zh-CN', now: NOW });
    expect(made).toEqual({ sheetName: UNIT_DIRECTORY_SHEET, units: SAMPLE_DIRECTORY_DATA.units.length });
    const snapshot = await host.read({ sheet: UNIT_DIRECTORY_SHEET });
    expect(snapshot.grid?.values[0][0]).toBe('单位名录');
    expect(parseState(snapshot.stateText).state.productSheets).toEqual([
      { name: UNIT_DIRECTORY_SHEET, marker: 'unit-directory', source: null, createdAt: NOW },
    ]);
    expect((await checked(host)).directorySheet).toBe(UNIT_DIRECTORY_SHEET);
  });

  test('from the units this sheet names, replacing the earlier one instead of adding 单位名录(2)', async () => {
    const host = await XlsxHost.open(SAMPLE);
    await createDirectorySheet(host, { from: 'default', check: null, lang: 'zh-CN', now: NOW });
    const check = await checked(host);
    expect(unitNamesInSheet(check)).toContain('办公室');
    const made = await createDirectorySheet(host, { from: 'sheet', check, lang: 'zh-CN', now: NOW });
    expect(made.units).toBeGreaterThan(0);
    expect(made.units).toBeLessThanOrEqual(new Set(unitNamesInSheet(check)).size + SAMPLE_DIRECTORY_DATA.units.length);
    const snapshot = await host.read({ sheet: SHEET });
    expect(snapshot.sheets.filter((s) => s.name.startsWith(UNIT_DIRECTORY_SHEET)).map((s) => s.name)).toEqual([UNIT_DIRECTORY_SHEET]);
    expect(parseState(snapshot.stateText).state.productSheets).toHaveLength(1);
  });

  test('from the sheet before any check: a clear message, nothing written', async () => {
    const host = await XlsxHost.open(SAMPLE);
    const apply = jest.spyOn(host, 'apply');
    await expect(createDirectorySheet(host, { from: 'sheet', check: null, lang: 'zh-CN' })).rejects.toThrow(/请先检查任务分工表/);
    expect(apply).not.toHaveBeenCalled();
  });

  test('never overwrites a 单位名录 the clerk made', async () => {
    const host = await XlsxHost.open(SAMPLE);
    host.workbook.addWorksheet(UNIT_DIRECTORY_SHEET).getCell('A1').value = '我自己的名录';
    const apply = jest.spyOn(host, 'apply');
    const error = await createDirectorySheet(host, { from: 'default', check: null, lang: 'zh-CN' }).catch((e: unknown) => e);
    expect(isUserFacingError(error)).toBe(true);
    expect((error as Error).message).toContain('助手不会覆盖');
    expect(apply).not.toHaveBeenCalled();
    expect(host.workbook.getWorksheet(UNIT_DIRECTORY_SHEET)!.getCell('A1').value).toBe('我自己的名录');
  });
});
