/** `allocation carry` on the bundled 2022 ledger and a 2023 sheet that takes some of its measures up again. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { XlsxHost } from '../../src/hosts/xlsx';
import { byName, INJECTED, text, trickyWorkbook } from '../support/package-parts';
import { runCheck } from '../../src/workflows/check';
import { runAllocation, type CliRun } from '../support/cli';

const LEDGER = path.resolve(__dirname, '../../samples/liangjiang-2022-returns.xlsx');
let dir: string;
let unfinished: { no: string; measure: string }[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carry-cli-'));
  fs.copyFileSync(LEDGER, path.join(dir, '2022.xlsx'));
  const { analysis } = await runCheck(await XlsxHost.open(LEDGER));
  // Measures the 2022 ledger leaves unfinished at the year end: no done word in their status.
  unfinished = analysis.tasks.filter((t) => !/已完成|完成/.test(t.status?.text ?? '') && t.deadline.kind === 'date').map((t) => ({ no: t.no, measure: t.measure }));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2023年任务分工');
  ws.addRow(['2023年政务公开重点工作任务分工']);
  ws.addRow(['序号', '贯彻举措', '完成时限', '牵头单位', '责任单位', '完成情况']);
  ws.addRow([1, '推进政府网站集约化建设。', '6月30日前', '办公室', '各部门', '']);
  ws.addRow([2, unfinished[0].measure, '3月31日前', '办公室', '各部门', '已完成']);
  ws.addRow([3, '开展政务公开专题培训。', '9月30日前', '办公室', '各部门', '']);
  ws.mergeCells('A1:F1');
  await wb.xlsx.writeFile(path.join(dir, '2023.xlsx'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(argv: string[]): Promise<CliRun> {
  return runAllocation(argv, { cwd: dir, today: '2023-01-10' });
}

describe('allocation carry', () => {
  it('lists last year’s unfinished measures in this year’s workbook, finds the one taken up again, and touches neither input', async () => {
    const before = { last: fs.readFileSync(path.join(dir, '2022.xlsx')), now: fs.readFileSync(path.join(dir, '2023.xlsx')) };
    const { code, out, err } = await run(['carry', '2022.xlsx', '2023.xlsx', '-o', 'out.xlsx']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('上年（2022年）');
    expect(out).toContain('今年已列入 1 项');
    expect(out).toMatch(/上年结转\d+项，已完成1项/);
    expect(out).toContain('已写入：out.xlsx');
    expect(fs.readFileSync(path.join(dir, '2022.xlsx')).equals(before.last)).toBe(true);
    expect(fs.readFileSync(path.join(dir, '2023.xlsx')).equals(before.now)).toBe(true);

    const written = await XlsxHost.open(path.join(dir, 'out.xlsx'));
    const ws = written.workbook.getWorksheet('上年未完成事项')!;
    const texts: string[] = [];
    ws.eachRow((r) => r.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain(unfinished[0].measure);
    expect(texts).toContain('第2项（第4行）');
    // This year's sheet is still the one the clerk works on.
    expect((await runCheck(written)).analysis.sheet).toBe('2023年任务分工');
  });

  it('carries into a workbook holding what ExcelJS would drop (a table, a macrosheet, a webextension …) without --force, those parts kept', async () => {
    fs.writeFileSync(path.join(dir, 'tricky.xlsx'), await trickyWorkbook());
    fs.copyFileSync(path.resolve(__dirname, '../fixtures/layouts/a-xuhao-cooperating.xlsx'), path.join(dir, 'other-2021.xlsx'));
    const { code, err } = await run(['carry', 'other-2021.xlsx', 'tricky.xlsx', '-o', 'tricky-carried.xlsx']);
    expect([code, err]).toEqual([0, '']);
    const after = byName(new Uint8Array(fs.readFileSync(path.join(dir, 'tricky-carried.xlsx'))));
    for (const name of Object.keys(INJECTED)) expect(text(after.get(name))).toBe(INJECTED[name][1]);
  });

  it('refuses one file twice, an output over last year’s ledger, and a missing file — writing nothing', async () => {
    for (const argv of [
      ['carry', '2023.xlsx', '2023.xlsx', '-o', 'x.xlsx'],
      ['carry', '2022.xlsx', '2023.xlsx', '-o', '2022.xlsx'],
      ['carry', 'none.xlsx', '2023.xlsx', '-o', 'x.xlsx'],
      ['carry', '2022.xlsx', '-o', 'x.xlsx'],
    ]) {
      const { code, err } = await run(argv);
      expect(code).toBe(2);
      expect(err).toMatch(/[\u4e00-\u9fff]/);
      expect(err).not.toMatch(/at .*\.ts:\d+/);
    }
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  });
});
