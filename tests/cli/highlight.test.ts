import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { XlsxHost } from '../../src/hosts/xlsx';
import { styleTokens } from '../support/highlight';
import { runAllocation, type CliRun } from '../support/cli';
import { fileSha256 } from '../support/workbook-files';

const ROOT = path.resolve(__dirname, '../..');
const RETURNS = path.join(ROOT, 'samples/liangjiang-2022-returns.xlsx');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const JSZip = require('jszip') as {
  loadAsync(data: Uint8Array): Promise<{
    file(name: string, data?: string): { async(type: 'string'): Promise<string> } | null;
    generateAsync(o: { type: 'nodebuffer' }): Promise<Buffer>;
  }>;
};

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'allocation-highlight-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(argv: string[]): Promise<CliRun> {
  return runAllocation(argv, { cwd: tmp, today: '2022-09-15' });
}

const sha = fileSha256;

function copyReturns(name = 'returns.xlsx'): string {
  const file = path.join(tmp, name);
  fs.copyFileSync(RETURNS, file);
  return file;
}

describe('allocation highlight / clear', () => {
  it('writes a coloured copy, prints the counts per state, and leaves the input untouched', async () => {
    const input = copyReturns();
    const before = sha(input);
    const { code, out, err } = await run(['highlight', 'returns.xlsx', '-o', 'out.xlsx', '--as-of', '2022-09-15']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('截至2022年9月15日');
    expect(out).toMatch(/逾期\s+3\n/);
    expect(out).toMatch(/按期完成\s+13\n/);
    expect(out).toMatch(/逾期完成\s+2\n/);
    expect(out).toMatch(/滞后\s+2\n/);
    expect(out).toContain('已写入：out.xlsx');
    expect(sha(input)).toBe(before);
    const host = await XlsxHost.open(path.join(tmp, 'out.xlsx'));
    const [c13] = await host.readStyles('任务分工', [{ top: 12, left: 2, bottom: 12, right: 2 }]);
    expect(c13.fill).toBe('#FFC7CE');
  });

  it('prints English with --lang en-US and honours --soon', async () => {
    copyReturns();
    const { code, out } = await run(['highlight', 'returns.xlsx', '-o', 'out.xlsx', '--soon', '11', '--lang', 'en-US']);
    expect(code).toBe(0);
    expect(out).toMatch(/Due soon\s+1\n/);
    expect(out).toContain('Written: out.xlsx');
  });

  it('clear on the highlighted copy gives back every original colour', async () => {
    copyReturns();
    expect((await run(['highlight', 'returns.xlsx', '-o', 'hl.xlsx'])).code).toBe(0);
    const { code, out } = await run(['clear', 'hl.xlsx', '-o', 'cleared.xlsx']);
    expect(code).toBe(0);
    expect(out).toMatch(/已恢复 \d+ 个单元格的原始颜色/);
    const original = await styleTokens(await XlsxHost.open(RETURNS), '任务分工');
    expect(await styleTokens(await XlsxHost.open(path.join(tmp, 'cleared.xlsx')), '任务分工')).toEqual(original);
  });

  it('refuses to run without -o or --in-place, and refuses -o naming the input', async () => {
    const input = copyReturns();
    const before = sha(input);
    const none = await run(['highlight', 'returns.xlsx']);
    expect(none.code).toBe(2);
    expect(none.err).toContain('请用 -o 指定输出文件');
    const same = await run(['highlight', 'returns.xlsx', '-o', './returns.xlsx']);
    expect(same.code).toBe(2);
    expect(same.err).toContain('输出文件与输入文件相同');
    const both = await run(['clear', 'returns.xlsx', '-o', 'x.xlsx', '--in-place']);
    expect(both.code).toBe(2);
    expect(sha(input)).toBe(before);
    expect(fs.readdirSync(tmp)).toEqual(['returns.xlsx']);
  });

  it('--in-place backs the input up first, and never overwrites an older backup', async () => {
    const input = copyReturns();
    const original = sha(input);
    const first = await run(['highlight', 'returns.xlsx', '--in-place']);
    expect(first.code).toBe(0);
    expect(first.out).toContain('原文件已备份：returns.xlsx.bak');
    expect(sha(path.join(tmp, 'returns.xlsx.bak'))).toBe(original);
    expect(sha(input)).not.toBe(original);
    const highlighted = sha(input);
    const second = await run(['clear', 'returns.xlsx', '--in-place']);
    expect(second.code).toBe(0);
    expect(sha(path.join(tmp, 'returns.xlsx.bak'))).toBe(original);
    expect(sha(path.join(tmp, 'returns.xlsx.bak2'))).toBe(highlighted);
  });

  it('--in-place keeps the mode and owner, writes through a symlink to its target, and backs up with the same mode', async () => {
    const input = copyReturns();
    fs.chmodSync(input, 0o600);
    const owner = fs.statSync(input);
    const r = await run(['highlight', 'returns.xlsx', '--in-place']);
    expect(r.code).toBe(0);
    const after = fs.statSync(input);
    expect([after.mode & 0o777, after.uid, after.gid]).toEqual([0o600, owner.uid, owner.gid]);
    expect(fs.statSync(path.join(tmp, 'returns.xlsx.bak')).mode & 0o777).toBe(0o600);

    const real = copyReturns('real.xlsx');
    const original = sha(real);
    fs.chmodSync(real, 0o640);
    fs.symlinkSync(real, path.join(tmp, 'link.xlsx'));
    const viaLink = await run(['highlight', 'link.xlsx', '--in-place']);
    expect(viaLink.code).toBe(0);
    expect(fs.lstatSync(path.join(tmp, 'link.xlsx')).isSymbolicLink()).toBe(true);
    expect(sha(real)).not.toBe(original);
    expect(fs.statSync(real).mode & 0o777).toBe(0o640);
    expect(sha(path.join(tmp, 'link.xlsx.bak'))).toBe(original);
  });

  it('keeps content the ExcelJS host would drop (here a VBA part) byte for byte, without a refusal', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(RETURNS));
    zip.file('xl/vbaProject.bin', 'macro');
    fs.writeFileSync(path.join(tmp, 'macro.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    const { code } = await run(['highlight', 'macro.xlsx', '-o', 'out.xlsx']);
    expect(code).toBe(0);
    const out = await JSZip.loadAsync(fs.readFileSync(path.join(tmp, 'out.xlsx')));
    expect(await out.file('xl/vbaProject.bin')!.async('string')).toBe('macro');
  });

  it('refuses a workbook whose structure is protected (sheets cannot be added), naming it, unless --force', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(RETURNS));
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    zip.file('xl/workbook.xml', workbook.replace('<sheets>', '<workbookProtection lockStructure="1"/><sheets>'));
    fs.writeFileSync(path.join(tmp, 'locked.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    const refused = await run(['highlight', 'locked.xlsx', '-o', 'out.xlsx']);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('工作簿结构保护');
    expect(refused.err).toContain('--force');
    expect(fs.existsSync(path.join(tmp, 'out.xlsx'))).toBe(false);
    const forced = await run(['highlight', 'locked.xlsx', '-o', 'out.xlsx', '--force']);
    expect(forced.code).toBe(0);
    expect(fs.existsSync(path.join(tmp, 'out.xlsx'))).toBe(true);
  });

  it('rejects a bad --soon, --as-of or output name with a zh-CN message and writes nothing', async () => {
    copyReturns();
    for (const argv of [
      ['highlight', 'returns.xlsx', '-o', 'o.xlsx', '--soon', 'ten'],
      ['highlight', 'returns.xlsx', '-o', 'o.xlsx', '--as-of', '2022-02-30'],
      ['highlight', 'returns.xlsx', '-o', 'o.xls'],
      ['highlight', 'returns.xlsx', '-o', 'no-such-dir/o.xlsx'],
      ['highlight', 'missing.xlsx', '-o', 'o.xlsx'],
    ]) {
      const { code, err } = await run(argv);
      expect([argv.join(' '), code]).toEqual([argv.join(' '), 2]);
      expect(err).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(fs.readdirSync(tmp)).toEqual(['returns.xlsx']);
  });

  it('clear on a never-highlighted workbook says so', async () => {
    copyReturns();
    const { code, out } = await run(['clear', 'returns.xlsx', '-o', 'c.xlsx']);
    expect(code).toBe(0);
    expect(out).toContain('该工作簿没有本工具的标色记录');
    const named = await run(['clear', 'returns.xlsx', '-o', 'c.xlsx', '--sheet', '任务分工']);
    expect(named.out).toContain('工作表“任务分工”没有本工具的标色记录');
    const missing = await run(['clear', 'returns.xlsx', '-o', 'c.xlsx', '--sheet', '没有这张表']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('没有这张表');
  });

  it('clear without --sheet clears every sheet the tool coloured', async () => {
    const input = copyReturns();
    // A second copy of the table on another sheet, highlighted separately.
    const host = await XlsxHost.open(input);
    const copy = host.workbook.addWorksheet('第二张');
    host.workbook.getWorksheet('任务分工')!.eachRow((row, n) => {
      copy.getRow(n).values = row.values as never;
    });
    await host.save(input);
    const original = await styleTokens(await XlsxHost.open(input), '第二张');
    expect((await run(['highlight', 'returns.xlsx', '-o', 'a.xlsx'])).code).toBe(0);
    expect((await run(['highlight', 'a.xlsx', '-o', 'b.xlsx', '--sheet', '第二张'])).code).toBe(0);
    const { code, out } = await run(['clear', 'b.xlsx', '-o', 'c.xlsx']);
    expect(code).toBe(0);
    expect(out).toContain('工作表“任务分工”：已恢复');
    expect(out).toContain('工作表“第二张”：已恢复');
    expect(await styleTokens(await XlsxHost.open(path.join(tmp, 'c.xlsx')), '第二张')).toEqual(original);
  });
});
