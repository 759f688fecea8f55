/** Saving settings through the port: the rest of the state is kept, a clerk's _allocation_state is never written. */
import * as path from 'path';
import { applySettingAssignments } from '../../src/domain/setting-keys';
import { parseState } from '../../src/domain/workbook-state';
import { XlsxHost } from '../../src/hosts/xlsx';
import { runHighlight } from '../../src/workflows/highlight';
import { readSettings, saveSettings } from '../../src/workflows/settings';

const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'liangjiang-2022-returns.xlsx');

describe('saveSettings', () => {
  test('changes the settings and keeps the highlight record and everything else the state holds', async () => {
    const host = await XlsxHost.open(SAMPLE);
    await runHighlight(host, { asOf: '2022-09-15' });
    const before = parseState((await host.read()).stateText).state;
    expect(Object.keys(before.highlights)).toEqual(['任务分工']);
    const saved = await saveSettings(host, (s) => applySettingAssignments(s, ['soonDays=3', '汇总表名称=年中汇总'], {}));
    expect(saved).toEqual({ soonDays: 3, summarySheetName: '年中汇总' });
    const after = parseState((await host.read()).stateText).state;
    expect(after).toEqual({ ...before, settings: saved });
    expect(await readSettings(host)).toEqual({ settings: saved, damaged: false, sheets: (await host.read()).sheets.map((s) => s.name) });
  });

  test('a value no setting takes changes nothing: the update throws before the state is written', async () => {
    const host = await XlsxHost.open(SAMPLE);
    const apply = jest.spyOn(host, 'apply');
    await expect(saveSettings(host, (s) => applySettingAssignments(s, ['fill.overdue=red'], {}))).rejects.toMatchObject({ code: 'settings.bad_value' });
    expect(apply).not.toHaveBeenCalled();
  });

  test('refuses where the clerk has a sheet of their own called _allocation_state, and leaves it as it was', async () => {
    const host = await XlsxHost.open(SAMPLE);
    host.workbook.addWorksheet('_allocation_state').getCell('A1').value = '我的记录';
    await expect(saveSettings(host, (s) => ({ ...s, soonDays: 3 }))).rejects.toMatchObject({ code: 'state.sheet_taken' });
    expect(host.workbook.getWorksheet('_allocation_state')!.getCell('A1').value).toBe('我的记录');
  });
});
