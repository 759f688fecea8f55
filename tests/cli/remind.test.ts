/**
 * `allocation remind` on the bundled sample as of 2022-09-15. The expected units are worked out from the sample's
 * data, not from the code under test: samples/data/liangjiang-2022-returns.json says measures 11, 24 and 51 are
 * overdue on that date and that 36 (9月30日前, the 11th working day after) is due soon only with a window of at
 * least 11 working days. The seed table gives their units:
 *   11  lead 经济运行局            responsible 经济运行局
 *   24  lead 办公室                responsible 各街道
 *   51  lead 办公室                responsible 各街道，各部门，各驻区机构
 *   36  lead 办公室、宣传部        responsible 各街道，各部门，各驻区机构
 * and the sample's directory (samples/liangjiang-2022-units.json, given with --units) makes 各部门 + 各驻区机构 its 19 units, while
 * 各街道 has no listed members and stays one recipient.
 */
import * as path from 'path';
import { SAMPLE_DIRECTORY_DATA, SAMPLE_DIRECTORY_FILE } from '../support/sample-directory';
import { runAllocation, type CliRun } from '../support/cli';

/** The sample's own directory, given as a clerk would (the product has none built in). */
const SAMPLE_UNITS = ['--units', SAMPLE_DIRECTORY_FILE];

const ROOT = path.resolve(__dirname, '../..');
const RETURNS = 'samples/liangjiang-2022-returns.xlsx';

function run(argv: string[]): Promise<CliRun> {
  return runAllocation(argv, { cwd: ROOT, today: '2023-01-05' });
}

interface RemindJson {
  asOf: string;
  soonDays: number;
  replyBy: string;
  units: { unit: string; overdue: number; dueSoon: number; items: { no: string; role: string; kind: string; workdays: number }[]; text: string }[];
  notice: string;
}

const ALL_19 = SAMPLE_DIRECTORY_DATA.units.map((u) => u.name);

describe('allocation remind', () => {
  it('names exactly the units with overdue or due-soon measures, with their items and roles', async () => {
    const r = await run(['remind', RETURNS, '--as-of', '2022-09-15', '--format', 'json', ...SAMPLE_UNITS]);
    expect([r.code, r.err]).toEqual([1, '']);
    const json = JSON.parse(r.out) as RemindJson;
    expect([json.asOf, json.soonDays, json.replyBy]).toEqual(['2022-09-15', 10, '2022-09-20']);
    expect(json.units.map((u) => u.unit).sort()).toEqual([...ALL_19, '各街道'].sort());
    const items = (unit: string) => json.units.find((u) => u.unit === unit)!.items.map((i) => `${i.no}:${i.role}`);
    expect(items('经济运行局')).toEqual(['11:lead', '51:responsible']);
    expect(items('办公室')).toEqual(['24:lead', '51:lead']);
    expect(items('各街道')).toEqual(['24:responsible', '51:responsible']);
    expect(items('宣传部')).toEqual(['51:responsible']);
    for (const u of json.units) expect(u.items.every((i) => i.kind === 'overdue')).toBe(true);
    expect(json.units.find((u) => u.unit === '经济运行局')!.text).toMatch(/^请经济运行局于2022年9月20日前报送第11、51项任务进展情况。截至2022年9月15日，牵头的第11项（/);
    expect(json.notice).toContain('逾期未完成3项，涉及2个单位：办公室2项（第24、51项），经济运行局1项（第11项）');
  });

  it('with an 11-working-day window adds measure 36 as due soon for its units (宣传部 now as lead)', async () => {
    const r = await run(['remind', RETURNS, '--as-of', '2022-09-15', '--soon', '11', '--format', 'json', ...SAMPLE_UNITS]);
    const json = JSON.parse(r.out) as RemindJson;
    expect(json.units.map((u) => u.unit).sort()).toEqual([...ALL_19, '各街道'].sort());
    const propaganda = json.units.find((u) => u.unit === '宣传部')!;
    expect(propaganda.items.map((i) => `${i.no}:${i.role}:${i.kind}`)).toEqual(['51:responsible:overdue', '36:lead:due_soon']);
    expect(propaganda.items[1].workdays).toBe(11);
  });

  it('--unit picks one unit (aliases resolve through the directory); a unit with nothing late exits 0', async () => {
    const one = await run(['remind', RETURNS, '--as-of', '2022-09-15', '--unit', '经运局', ...SAMPLE_UNITS]);
    expect(one.code).toBe(1);
    expect(one.out).toContain('■ 经济运行局（逾期 2 项，临期 0 项）');
    expect(one.out).toContain('请经济运行局于2022年9月20日前报送第11、51项任务进展情况');
    expect(one.out).not.toContain('■ 办公室');
    const early = await run(['remind', RETURNS, '--as-of', '2022-07-01', '--unit', '经济运行局', ...SAMPLE_UNITS]);
    expect([early.code, early.out]).toEqual([0, expect.stringContaining('经济运行局没有逾期或临期的任务')]);
  });

  it.each([
    ['2022/9/15', '2022/9/20'],
    ['2022.9.15', '2022.9.20'],
    ['2022年9月15日', '2022年9月20日'],
  ])('--as-of %s and --reply-by %s are read as clerks type dates', async (asOf, replyBy) => {
    const r = await run(['remind', RETURNS, '--as-of', asOf, '--reply-by', replyBy, '--format', 'json', ...SAMPLE_UNITS]);
    // Exit 1: some units have reminders due (the sample has overdue measures on that date).
    expect([r.code, r.err]).toEqual([1, '']);
    expect(JSON.parse(r.out)).toMatchObject({ asOf: '2022-09-15', replyBy: '2022-09-20' });
  });

  it('a --reply-by that is not a date names the forms it takes', async () => {
    const r = await run(['remind', RETURNS, '--as-of', '2022-09-15', '--reply-by', '9月20日', ...SAMPLE_UNITS]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--reply-by 应为一个日期（如 2022-09-20、2022/9/20 或 2022年9月20日），而不是“9月20日”');
  });

  it('refuses bad input with a zh-CN message and exit 2', async () => {
    for (const argv of [
      ['remind', RETURNS, '--as-of', '2022-13-01'],
      ['remind', RETURNS, '--bogus'],
      ['remind', RETURNS, '--format', 'xml'],
      ['remind', RETURNS, '--as-of', '2022-09-15', '--reply-by', '2022-09-01'],
      ['remind', RETURNS, '--unit', '不存在的单位'],
      ['remind'],
    ]) {
      const r = await run(argv);
      expect([argv.join(' '), r.code]).toEqual([argv.join(' '), 2]);
      expect(r.err).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('in English, a count of one working day is singular', async () => {
    const one = await run(['remind', RETURNS, '--as-of', '2022-09-15', '--soon', '1', ...SAMPLE_UNITS, '--lang', 'en-US']);
    expect(one.code).toBeLessThan(2);
    expect(one.out.split('\n')[0]).toContain('due soon = within 1 working day;');
    const lines = one.out.split('\n').filter((l) => /\d+ working days? (overdue|left)/.test(l));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).not.toMatch(/(^|\s)1 working days/);
    const ten = await run(['remind', RETURNS, '--as-of', '2022-09-15', '--soon', '10', ...SAMPLE_UNITS, '--lang', 'en-US']);
    expect(ten.out.split('\n')[0]).toContain('due soon = within 10 working days;');
  });

  it('has zh-CN-first help', async () => {
    const r = await run(['remind', '--help']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toContain('allocation remind');
    expect(r.out).toContain('退出码');
    expect(r.out).toContain('--unit');
  });
});
