import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { recipientsOf } from '../../src/domain/returns';
import { XlsxHost } from '../../src/hosts/xlsx';
import { runCheck } from '../../src/workflows/check';
import { readGrid } from '../../src/hosts/xlsx/read-grid';
import { columnsHash, fillAnswers } from '../support/returns';
import { SAMPLE_DIRECTORY_DATA, SAMPLE_DIRECTORY_FILE } from '../support/sample-directory';
import { UnitDirectory } from '../../src/domain/units';
import { byName, INJECTED, text, trickyWorkbook } from '../support/package-parts';
import { runAllocation, type CliRun } from '../support/cli';

/** The sample's own directory, given as a clerk would (the product has none built in). */
const SAMPLE_UNITS = ['--units', SAMPLE_DIRECTORY_FILE];

const ROOT = path.resolve(__dirname, '../..');
const PLAIN = 'samples/liangjiang-2022.xlsx';

function run(argv: string[]): Promise<CliRun> {
  return runAllocation(argv, { cwd: ROOT, today: '2022-09-15' });
}

let tmp: string;
let returns: string;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'allocation-collect-'));
  const all = path.join(tmp, 'all');
  expect((await run(['split', PLAIN, '--out', all, ...SAMPLE_UNITS])).code).toBe(0);
  // Two units answer: 办公室 every measure it was given, 经济运行局 too (measure 3 is its alone).
  returns = path.join(tmp, 'returns');
  fs.mkdirSync(returns);
  for (const unit of ['办公室', '经济运行局']) {
    const bytes = await fillAnswers(fs.readFileSync(path.join(all, `两江新区2022年政务公开重点工作任务分工-${unit}-回收表.xlsx`)), (no) => ({ status: '序时推进', explanation: `${unit}第${no}项` }));
    fs.writeFileSync(path.join(returns, `${unit}.xlsx`), bytes);
  }
}, 120_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('allocation collect', () => {
  it('a coloured master is coloured again with the new answers, with the --soon window given', async () => {
    const coloured = path.join(tmp, 'coloured.xlsx');
    expect((await run(['highlight', PLAIN, '-o', coloured, '--as-of', '2022-09-15', '--soon', '11', ...SAMPLE_UNITS])).code).toBe(0);
    const out = path.join(tmp, 'coloured-merged.xlsx');
    const text = await run(['collect', coloured, returns, '-o', out, '--soon', '11', ...SAMPLE_UNITS]);
    expect(text.out).toContain('总表原已标色：已按2022年9月15日和新的完成情况重新标色');
    const json = await run(['collect', coloured, returns, '-o', path.join(tmp, 'coloured-merged-2.xlsx'), '--soon', '11', '--format', 'json', ...SAMPLE_UNITS]);
    expect(JSON.parse(json.out).recoloured).toMatchObject({ asOf: '2022-09-15', soonDays: 11 });
    const plain = await run(['collect', PLAIN, returns, '-o', path.join(tmp, 'plain-merged.xlsx'), '--format', 'json', ...SAMPLE_UNITS]);
    expect(JSON.parse(plain.out).recoloured).toBeNull();
  });

  it('a copy sent back as issued is said to be blank and still to report, never “汇总 0 项” nor 未报', async () => {
    const folder = path.join(tmp, 'with-blank');
    fs.mkdirSync(folder);
    fs.copyFileSync(path.join(returns, '办公室.xlsx'), path.join(folder, '办公室.xlsx'));
    const blankCopy = '两江新区2022年政务公开重点工作任务分工-司法局-回收表.xlsx';
    fs.copyFileSync(path.join(tmp, 'all', blankCopy), path.join(folder, blankCopy));
    const out = path.join(tmp, 'with-blank.xlsx');
    const r = await run(['collect', PLAIN, folder, '-o', out, ...SAMPLE_UNITS]);
    expect([r.code, r.err]).toEqual([0, '']);
    const line = r.out.split('\n').find((l) => l.includes(blankCopy))!;
    expect(line).toContain('司法局  交回空表：未填写，仍须填报');
    expect(line).not.toContain('汇总');
    expect(line).not.toContain('已采用');
    const returnedLine = r.out.split('\n').find((l) => l.startsWith('已报'))!;
    expect(returnedLine).toMatch(/^已报 1\/21 个单位；交回空表、仍须填报：司法局；未报：/);
    expect(returnedLine.slice(returnedLine.indexOf('未报：'))).not.toContain('司法局');
    // The 回收情况 sheet counts the blank copy as received, not as taken.
    const log = (await XlsxHost.open(out)).workbook.getWorksheet('回收情况')!;
    expect(String(log.getCell('A2').value)).toMatch(/收到 2 份文件，采用 1 份.*生成时间：2022年9月15日 \d{2}:\d{2}（核对截至2022年9月15日）/);

    const json = JSON.parse((await run(['collect', PLAIN, folder, '-o', path.join(tmp, 'with-blank-2.xlsx'), '--format', 'json', ...SAMPLE_UNITS])).out);
    expect(json.returns.map((e: { unit: string; blank: boolean }) => [e.unit, e.blank])).toEqual([
      ['办公室', false],
      ['司法局', true],
    ]);
    expect(json.blankUnits).toEqual(['司法局']);
    expect(json.missingUnits).not.toContain('司法局');
  });

  it('--format json prints one entry per file in order, the merged count and the missing units', async () => {
    const out = path.join(tmp, 'merged.xlsx');
    const r = await run(['collect', PLAIN, returns, '-o', out, '--format', 'json', ...SAMPLE_UNITS]);
    expect([r.code, r.err]).toEqual([0, '']);
    const json = JSON.parse(r.out);
    expect(json.returns.map((e: { file: string; unit: string; accepted: boolean }) => [path.basename(e.file), e.unit, e.accepted])).toEqual([
      ['办公室.xlsx', '办公室', true],
      ['经济运行局.xlsx', '经济运行局', true],
    ]);
    for (const entry of json.returns) {
      for (const f of entry.findings) expect(Object.keys(f).sort()).toEqual(['cell', 'code', 'message', 'row', 'severity']);
    }
    // Every measure either unit was given is updated once, however many of the two answered it.
    const check = await runCheck(await XlsxHost.open(path.join(ROOT, PLAIN)), { directory: new UnitDirectory(SAMPLE_DIRECTORY_DATA) });
    const given = check.analysis.tasks.filter((t) => ['办公室', '经济运行局'].some((u) => recipientsOf(t, check.directory, 'both').includes(u)));
    expect(json.merged).toBe(given.length);
    expect(json.missingUnits).toHaveLength(19);
    expect(json.missingUnits).not.toContain('办公室');

    const master = (await XlsxHost.open(path.join(ROOT, PLAIN))).workbook;
    const written = (await XlsxHost.open(out)).workbook;
    expect(columnsHash(written, '任务分工', [1, 2, 3, 4, 5, 6])).toBe(columnsHash(master, '任务分工', [1, 2, 3, 4, 5, 6]));
    const grid = readGrid(written.getWorksheet('任务分工')!);
    expect(grid.values[1].slice(6)).toEqual(['完成情况', '进展说明', '完成日期', '填报单位', '填报时间']);
    expect([7, 8, 9, 10, 11].map((c) => written.getWorksheet('任务分工')!.getColumn(c).width)).toEqual([14, 36, 13, 18, 17]);
    expect(written.getWorksheet('回收情况')).toBeDefined();
  });

  it('prints a progress line per file, the returned/missing units, and reports a bad file without stopping (exit 1)', async () => {
    const corrupt = path.join(tmp, 'corrupt.xlsx');
    fs.writeFileSync(corrupt, 'PK\u0003\u0004 not really a workbook');
    const out = path.join(tmp, 'with-bad.xlsx');
    const r = await run(['collect', PLAIN, path.join(returns, '办公室.xlsx'), corrupt, '-o', out, ...SAMPLE_UNITS]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/\[1\/2\] .*办公室\.xlsx\s+办公室\s+已采用/);
    expect(r.out).toMatch(/\[2\/2\] .*corrupt\.xlsx\s+（单位不明）\s+未采用/);
    expect(r.out).toContain('已报 1/21 个单位；未报：');
    expect(r.out).toContain('已写入：');
    expect(fs.existsSync(out)).toBe(true);
  });

  it('a second collect of the same returns into the result updates nothing', async () => {
    const first = path.join(tmp, 'merged.xlsx');
    const second = path.join(tmp, 'merged-again.xlsx');
    const r = await run(['collect', first, returns, '-o', second, '--format', 'json', ...SAMPLE_UNITS]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect([json.merged, json.cellsWritten]).toEqual([0, 0]);
    const a = (await XlsxHost.open(first)).workbook;
    const b = (await XlsxHost.open(second)).workbook;
    const cols = Array.from({ length: 11 }, (_, i) => i + 1);
    expect(columnsHash(b, '任务分工', cols)).toBe(columnsHash(a, '任务分工', cols));
  });

  it('--in-place backs the master up first', async () => {
    const master = path.join(tmp, 'master.xlsx');
    fs.copyFileSync(path.join(ROOT, PLAIN), master);
    const r = await run(['collect', master, returns, '--in-place', ...SAMPLE_UNITS]);
    expect(r.code).toBe(0);
    expect(fs.existsSync(`${master}.bak`)).toBe(true);
    expect(readGrid((await XlsxHost.open(master)).workbook.getWorksheet('任务分工')!).values[1][6]).toBe('完成情况');
  });

  it('collects into a workbook holding what ExcelJS would drop (a table, a macrosheet, a webextension …) without --force, those parts kept', async () => {
    const master = path.join(tmp, 'tricky.xlsx');
    fs.writeFileSync(master, await trickyWorkbook());
    const out = path.join(tmp, 'tricky-merged.xlsx');
    const r = await run(['collect', master, returns, '-o', out, ...SAMPLE_UNITS]);
    expect([r.code, r.err]).toEqual([0, '']);
    const after = byName(new Uint8Array(fs.readFileSync(out)));
    for (const name of Object.keys(INJECTED)) expect(text(after.get(name))).toBe(INJECTED[name][1]);
  });

  it('exits 2 and writes nothing without -o, without returns, or with a bad date', async () => {
    const out = path.join(tmp, 'never.xlsx');
    for (const argv of [
      ['collect', PLAIN, returns],
      ['collect', PLAIN, '-o', out],
      ['collect', PLAIN, path.join(tmp, 'empty-dir-does-not-exist'), '-o', out, '--as-of', '2022-02-30'],
      ['collect', 'no-such.xlsx', returns, '-o', out],
    ]) {
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(r.err).not.toBe('');
    }
    expect(fs.existsSync(out)).toBe(false);
  });
});
