/** `allocation settings`: shown without --set and nothing written; changed into a new file; bad values refused. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseState } from '../../src/domain/workbook-state';
import { XlsxHost } from '../../src/hosts/xlsx';
import { runAllocation, type CliRun } from '../support/cli';

const SAMPLE = path.resolve(__dirname, '../../samples/liangjiang-2022.xlsx');

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'allocation-settings-'));
  fs.copyFileSync(SAMPLE, path.join(tmp, 'table.xlsx'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(argv: string[], lang?: string): Promise<CliRun> {
  return runAllocation(argv, { cwd: tmp, today: '2022-09-15', env: lang ? { ALLOCATION_LANG: lang } : {} });
}

async function savedSettings(file: string) {
  const host = await XlsxHost.open(path.join(tmp, file));
  return parseState((await host.read()).stateText).state.settings;
}

describe('allocation settings', () => {
  it('shows every setting with its default when none is saved, and writes nothing', async () => {
    const { code, out, err } = await run(['settings', 'table.xlsx']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/判断日期 \(asOf\) +未设置（默认：当天）/);
    expect(out).toMatch(/临期天数 \(soonDays\) +未设置（默认：10 个工作日）/);
    expect(out).toMatch(/逾期填充色 \(fill\.overdue\) +未设置（默认：#FFC7CE）/);
    expect(out).not.toContain('column.');
    expect(fs.readdirSync(tmp)).toEqual(['table.xlsx']);
  });

  it('--set by key or Chinese label writes the change into a new file, keeping the input as it was', async () => {
    const { code, out, err } = await run(['settings', 'table.xlsx', '--set', '判断日期=2022年9月1日', '--set', 'soonDays=5', '--set', 'fill.overdue=#ff0000', '-o', 'set.xlsx']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/判断日期 \(asOf\) +2022-09-01/);
    expect(out).toContain('已写入：set.xlsx');
    expect(await savedSettings('set.xlsx')).toEqual({ asOf: '2022-09-01', soonDays: 5, colours: { overdue: { fill: '#FF0000', font: '#9C0006' } } });
    expect(await savedSettings('table.xlsx')).toEqual({});
    // What was saved is what highlight then uses.
    const highlight = await run(['highlight', 'set.xlsx', '-o', 'coloured.xlsx']);
    expect(highlight.out).toContain('临期：5 个工作日内到期');
  });

  it('an empty value removes a setting; column settings are kept per sheet and need --sheet', async () => {
    await run(['settings', 'table.xlsx', '--set', 'soonDays=5', '--set', 'planYear=2022', '-o', 'a.xlsx']);
    const removed = await run(['settings', 'a.xlsx', '--set', 'soonDays=', '-o', 'b.xlsx']);
    expect(removed.code).toBe(0);
    expect(await savedSettings('b.xlsx')).toEqual({ planYear: 2022 });
    const noSheet = await run(['settings', 'b.xlsx', '--set', 'column.status=H', '-o', 'c.xlsx']);
    expect(noSheet.code).toBe(2);
    expect(noSheet.err).toContain('请用 --sheet 指明');
    const withSheet = await run(['settings', 'b.xlsx', '--sheet', '任务分工', '--set', 'column.status=H', '--set', 'column.lead=none', '-o', 'c.xlsx']);
    expect(withSheet.code).toBe(0);
    expect((await savedSettings('c.xlsx')).columns).toEqual({ 任务分工: { status: 7, lead: null } });
    const shown = await run(['settings', 'c.xlsx']);
    expect(shown.out).toContain('工作表“任务分工”的列设置：column.lead=none，column.status=H');
    const json = await run(['settings', 'c.xlsx', '--format', 'json']);
    expect(JSON.parse(json.out)).toEqual({ settings: { planYear: 2022, columns: { 任务分工: { status: 7, lead: null } } }, written: null });
    const changed = await run(['settings', 'c.xlsx', '--set', 'planYear=', '--format', 'json', '-o', 'd.xlsx']);
    expect(JSON.parse(changed.out)).toEqual({ settings: { columns: { 任务分工: { status: 7, lead: null } } }, written: 'd.xlsx' });
  });

  it('a value a setting cannot take, an unknown key, or --set without -o: exit 2 and nothing written', async () => {
    const bad = await run(['settings', 'table.xlsx', '--set', 'soonDays=5', '--set', '临期天数=999', '-o', 'out.xlsx']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('设置项“临期天数”（soonDays）不能取值“999”：应为0 到 250 之间的工作日天数');
    const unknown = await run(['settings', 'table.xlsx', '--set', 'soondays2=5', '-o', 'out.xlsx']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('没有名为“soondays2”的设置项');
    const noOutput = await run(['settings', 'table.xlsx', '--set', 'soonDays=5']);
    expect(noOutput.code).toBe(2);
    expect(noOutput.err).toContain('请用 -o 指定输出文件');
    expect(fs.readdirSync(tmp)).toEqual(['table.xlsx']);
  });

  it('speaks en-US, rejects unknown options, and has bilingual help', async () => {
    const en = await run(['settings', 'table.xlsx'], 'en-US');
    expect(en.out).toMatch(/Due-soon window \(soonDays\) +not set \(default: 10 working days\)/);
    const bad = await run(['settings', 'table.xlsx', '--sett', 'soonDays=5']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('未知选项：--sett');
    const help = await run(['settings', '--help']);
    expect(help.out).toContain('--set KEY=VALUE');
    expect(help.out).toContain('Shows or changes the settings saved in the workbook');
  });
});
