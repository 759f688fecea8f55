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

  test('beside a clerk’s own sheet called _allocation_state: saved under another name, that sheet left as it was', async () => {
    const host = await XlsxHost.open(SAMPLE);
    const own = host.workbook.addWorksheet('_allocation_state');
    own.getCell('A1').value = '我的记录';
    await saveSettings(host, (s) => ({ ...s, soonDays: 3 }));
    expect([own.getCell('A1').value, own.getCell('A2').value, own.state ?? 'visible']).toEqual(['我的记录', null, 'visible']);
    expect((await host.read()).stateSheet).toBe('_allocation_state_2');
    expect((await readSettings(host)).settings).toEqual({ soonDays: 3 });
  });
});
