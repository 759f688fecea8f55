import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseState } from '../../src/domain/workbook-state';
import { ROW_STATES } from '../../src/domain/types';
import { XlsxHost } from '../../src/hosts/xlsx';
import { runAllocation, type CliRun } from '../support/cli';
import { fileSha256 } from '../support/workbook-files';

const ROOT = path.resolve(__dirname, '../..');
const RETURNS = 'samples/liangjiang-2022-returns.xlsx';

function run(argv: string[]): Promise<CliRun> {
  return runAllocation(argv, { cwd: ROOT, today: '2023-01-05' });
}

const sha = (file: string) => fileSha256(path.join(ROOT, file));

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'allocation-summary-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('allocation summary', () => {
  it('writes the summary sheet into a new file, prints the figures and the paragraph, leaves the input alone', async () => {
    const before = sha(RETURNS);
    const out = path.join(tmp, 'summary.xlsx');
    const r = await run(['summary', RETURNS, '-o', out, '--as-of', '2022-12-31']);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toContain('共 54 项任务');
    expect(r.out).toContain('汇总表：“落实情况汇总”');
    expect(r.out).toMatch(/年度报告参考段落：\n对照《两江新区2022年政务公开重点工作任务分工》，全年共部署5个方面17类54项重点任务。截至2022年12月31日，/);
    expect(sha(RETURNS)).toBe(before);

    const host = await XlsxHost.open(out);
    expect(host.workbook.getWorksheet('落实情况汇总')).toBeDefined();
    const state = parseState((await host.read()).stateText).state;
    expect(state.productSheets.map((p) => p.marker)).toEqual(['summary']);
  });

  it('takes a sheet name with --name, and in en-US prints English', async () => {
    const out = path.join(tmp, 'named.xlsx');
    const r = await run(['summary', RETURNS, '-o', out, '--as-of', '2022-09-15', '--name', '2022年三季度汇总', '--lang', 'en-US']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Summary sheet: "2022年三季度汇总"');
    expect(r.out).toContain('Paragraph for the annual report (zh-CN):\n对照《');
    expect((await XlsxHost.open(out)).workbook.getWorksheet('2022年三季度汇总')).toBeDefined();
  });

  it('refuses a bad --name, a bad date, or a missing -o with exit 2 and writes nothing', async () => {
    const out = path.join(tmp, 'never.xlsx');
    for (const argv of [
      ['summary', RETURNS, '-o', out, '--name', '汇总[1]'],
      ['summary', RETURNS, '-o', out, '--as-of', '2022-02-30'],
      ['summary', RETURNS],
    ]) {
      const r = await run(argv);
      expect([argv.join(' '), r.code, r.out]).toEqual([argv.join(' '), 2, '']);
      expect(r.err).not.toMatch(/at .*\.ts/);
    }
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('allocation report', () => {
  it('colours the rows and writes the summary in one go, with the same counts', async () => {
    const out = path.join(tmp, 'report.xlsx');
    const r = await run(['report', RETURNS, '-o', out, '--as-of', '2022-12-31']);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toContain('已着色单元格');
    expect(r.out).toContain('汇总表：“落实情况汇总”');
    const state = parseState((await (await XlsxHost.open(out)).read()).stateText).state;
    expect(Object.keys(state.highlights)).toEqual(['任务分工']);
    expect(state.productSheets.map((p) => p.name)).toEqual(['落实情况汇总']);
  });
});

describe('allocation check --format json', () => {
  it('has a "summary" object whose figures agree with the per-task states', async () => {
    const r = await run(['check', RETURNS, '--format', 'json', '--as-of', '2022-12-31']);
    const json = JSON.parse(r.out);
    const s = json.summary;
    expect(s.total).toBe(json.tasks.length);
    expect(s.states).toEqual(json.states);
    for (const state of ROW_STATES) expect(s.states[state]).toBe(json.tasks.filter((t: { state: string }) => t.state === state).length);
    expect(s.sections.reduce((n: number, x: { measures: number }) => n + x.measures, 0)).toBe(s.total);
    expect(s.overdue).toHaveLength(s.states.overdue);
    expect(s.completed).toBe(s.states.done + s.states.done_late);

    const summary = await run(['summary', RETURNS, '-o', path.join(tmp, 'same.xlsx'), '--as-of', '2022-12-31']);
    expect(summary.out).toContain(s.paragraph);
  });
});
