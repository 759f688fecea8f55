import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RETURN_IDENTITY_SHEET } from '../../src/domain/returns';
import { XlsxHost } from '../../src/hosts/xlsx';
import { SAMPLE_DIRECTORY_FILE } from '../support/sample-directory';
import { runAllocation, type CliRun } from '../support/cli';

/** The sample's own directory, given as a clerk would (the product has none built in). */
const SAMPLE_UNITS = ['--units', SAMPLE_DIRECTORY_FILE];

const ROOT = path.resolve(__dirname, '../..');
const PLAIN = 'samples/liangjiang-2022.xlsx';
const RETURNS = 'samples/liangjiang-2022-returns.xlsx';
/** What split names a unit's copy of the sample. */
const copyName = (unit: string) => `两江新区2022年政务公开重点工作任务分工-${unit}-回收表.xlsx`;

function run(argv: string[]): Promise<CliRun> {
  return runAllocation(argv, { cwd: ROOT, today: '2022-09-01' });
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'allocation-split-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('allocation split', () => {
  it('writes one workbook per unit, named after it, and prints each with its measure count and a total', async () => {
    const dir = path.join(tmp, 'out');
    const r = await run(['split', RETURNS, '--out', dir, '--due', '2022年9月15日', ...SAMPLE_UNITS]);
    expect([r.code, r.err]).toEqual([0, '']);
    const files = fs.readdirSync(dir).sort();
    expect(files).toHaveLength(21);
    expect(files).toEqual(expect.arrayContaining([copyName('办公室'), copyName('各街道'), copyName('区疫情防控工作领导小组成员单位')]));
    expect(r.out).toMatch(/司法局-回收表\.xlsx\s+29 项/);
    expect(r.out).toMatch(/区疫情防控工作领导小组成员单位-回收表\.xlsx\s+3 项/);
    expect(r.out).toContain('合计：21 个单位，下发 54/54 项举措');

    // The copy keeps the master's column widths and body font; the master's 完成情况 column is not copied.
    const master = (await XlsxHost.open(path.join(ROOT, RETURNS))).workbook.getWorksheet('任务分工')!;
    const copy = (await XlsxHost.open(path.join(dir, copyName('司法局')))).workbook;
    const ws = copy.getWorksheet('任务分工')!;
    for (let c = 1; c <= 6; c++) expect(ws.getColumn(c).width).toBe(master.getColumn(c).width);
    expect(String(ws.getCell('A3').value)).toBe('报送时限：请于2022年9月15日前填报完成并报送');
    // The master's answers are pre-filled: 司法局 edits rather than re-types.
    expect(ws.getCell('G5').value).toBe(master.getCell('G3').value);
    expect(ws.getRow(4).values).toEqual([undefined, '工作任务', '工作任务', '贯    彻    举    措', '完成时限', '牵头单位', '责任单位', '完成情况', '进展说明', '完成日期']);
    expect(ws.getCell('C5').font?.name).toBe(master.getCell('C3').font?.name);
    expect(copy.getWorksheet(RETURN_IDENTITY_SHEET)!.state).toBe('veryHidden');
  });

  it('the dropdown offers the saved 完成情况选项 after the standard four; --status-choices replaces them for one run', async () => {
    const dropdown = async (dir: string) => {
      const ws = (await XlsxHost.open(path.join(dir, copyName('司法局')))).workbook.getWorksheet('任务分工')!;
      return ws.getCell('G5').dataValidation?.formulae?.[0];
    };
    const saved = path.join(tmp, 'with-choices.xlsx');
    const set = await run(['settings', PLAIN, '--set', '完成情况选项=已整改、部分整改', '-o', saved]);
    expect([set.code, set.err]).toEqual([0, '']);
    expect(set.out).toMatch(/完成情况选项 \(statusChoices\) +已整改、部分整改/);

    const fromSettings = path.join(tmp, 'choices-saved');
    expect((await run(['split', saved, '--out', fromSettings, ...SAMPLE_UNITS])).code).toBe(0);
    expect(await dropdown(fromSettings)).toBe('"已完成,序时推进,进度滞后,未启动,已整改,部分整改"');

    const given = path.join(tmp, 'choices-given');
    expect((await run(['split', saved, '--out', given, '--status-choices', '已落实，整改中', ...SAMPLE_UNITS])).code).toBe(0);
    expect(await dropdown(given)).toBe('"已完成,序时推进,进度滞后,未启动,已落实,整改中"');

    const refused = await run(['split', saved, '--out', path.join(tmp, 'choices-bad'), '--status-choices', '已整改、待定', ...SAMPLE_UNITS]);
    expect([refused.code, refused.out]).toEqual([2, '']);
    expect(refused.err).toContain('“待定”看不出是完成、推进、滞后还是未启动');
    expect(fs.existsSync(path.join(tmp, 'choices-bad'))).toBe(false);
  });

  it('--by lead sends only to lead units; --lang en-US prints English', async () => {
    const dir = path.join(tmp, 'lead');
    const r = await run(['split', PLAIN, '--out', dir, '--by', 'lead', '--lang', 'en-US', ...SAMPLE_UNITS]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Total: \d+ units, 54 of 54 measures sent/);
    expect(fs.readdirSync(dir)).not.toContain(copyName('各街道'));
  });

  it('refuses to overwrite existing files unless --force, writing nothing', async () => {
    const dir = path.join(tmp, 'again');
    expect((await run(['split', PLAIN, '--out', dir, ...SAMPLE_UNITS])).code).toBe(0);
    const office = path.join(dir, copyName('办公室'));
    fs.writeFileSync(office, 'mine');
    fs.rmSync(path.join(dir, copyName('司法局')));
    const refused = await run(['split', PLAIN, '--out', dir, ...SAMPLE_UNITS]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('已有同名文件');
    expect(refused.err).not.toContain('--force');
    expect(fs.readFileSync(office, 'utf8')).toBe('mine');
    expect(fs.existsSync(path.join(dir, copyName('司法局')))).toBe(false);
    expect((await run(['split', PLAIN, '--out', dir, '--force', ...SAMPLE_UNITS])).code).toBe(0);
    expect(fs.readFileSync(office).subarray(0, 2).toString()).toBe('PK');
  });

  it('never writes over its input, even with --force and even through a hard link', async () => {
    const dir = path.join(tmp, 'self');
    fs.mkdirSync(dir);
    const master = path.join(dir, copyName('办公室'));
    fs.copyFileSync(path.join(ROOT, PLAIN), master);
    const before = fs.readFileSync(master);
    const r = await run(['split', master, '--out', dir, '--force', ...SAMPLE_UNITS]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('就是输入的总表本身');
    expect(fs.readFileSync(master).equals(before)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual([copyName('办公室')]);

    const linked = path.join(tmp, 'self-link');
    fs.mkdirSync(linked);
    fs.linkSync(master, path.join(linked, copyName('司法局')));
    const viaLink = await run(['split', master, '--out', linked, '--force', ...SAMPLE_UNITS]);
    expect(viaLink.code).toBe(2);
    expect(fs.readFileSync(master).equals(before)).toBe(true);
  });

  it('writes the set through a staging folder it removes; a rerun after a stopped run needs no --force', async () => {
    const dir = path.join(tmp, 'partial');
    fs.mkdirSync(dir);
    // What a run killed while moving its set in leaves: one file moved, its staging folder with the manifest.
    const staging = path.join(dir, '.split-abc123');
    fs.mkdirSync(staging);
    fs.writeFileSync(path.join(staging, 'allocation-split.json'), JSON.stringify({ kind: 'allocation-split-set', files: [copyName('办公室'), copyName('司法局')] }));
    fs.writeFileSync(path.join(dir, copyName('办公室')), 'half a set');
    fs.writeFileSync(path.join(staging, '1.xlsx'), 'not moved yet');
    const r = await run(['split', PLAIN, '--out', dir, ...SAMPLE_UNITS]);
    expect([r.code, r.err]).toEqual([0, '']);
    const files = fs.readdirSync(dir);
    expect(files.filter((f) => f.startsWith('.'))).toEqual([]);
    expect(fs.readFileSync(path.join(dir, copyName('办公室'))).subarray(0, 2).toString()).toBe('PK');

    // A clerk's file of the same name, not listed by any manifest, is still refused.
    fs.writeFileSync(path.join(dir, copyName('司法局')), 'mine');
    const refused = await run(['split', PLAIN, '--out', dir, ...SAMPLE_UNITS]);
    expect(refused.code).toBe(2);
    expect(fs.readFileSync(path.join(dir, copyName('司法局')), 'utf8')).toBe('mine');
  });

  it('a long output name does not overflow the file-system name limit with its temporary file', async () => {
    const out = path.join(tmp, `${'长'.repeat(78)}.xlsx`); // 239 bytes
    expect(Buffer.byteLength(path.basename(out))).toBe(239);
    const r = await run(['highlight', PLAIN, '-o', out]);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(fs.existsSync(out)).toBe(true);
  });

  it('exits 2 with a clear message on bad arguments or input', async () => {
    for (const [argv, message] of [
      [['split', PLAIN], '--out'],
      [['split', PLAIN, '--out', path.join(tmp, 'x'), '--by', 'boss'], '--by'],
      [['split', 'no-such.xlsx', '--out', path.join(tmp, 'x')], 'no-such.xlsx'],
      [['split', PLAIN, '--out', path.join(tmp, 'missing-parent', 'x')], '不存在'],
    ] as [string[], string][]) {
      const r = await run(argv);
      expect([r.code, r.out]).toEqual([2, '']);
      expect(r.err).toContain(message);
    }
    expect(fs.existsSync(path.join(tmp, 'x'))).toBe(false);
  });

  it('documents itself in --help', async () => {
    const r = await run(['split', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('--by lead|responsible|both');
  });
});
