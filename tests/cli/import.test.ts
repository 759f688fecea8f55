/** `allocation import` on generated notices: a new workbook, a copy of an existing one, and files it must refuse. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { XlsxHost } from '../../src/hosts/xlsx';
import { runCheck } from '../../src/workflows/check';
import { seedNoticeMerged, seedNoticeSplit } from '../support/docx';
import { runAllocation, type CliRun } from '../support/cli';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-cli-'));
  fs.writeFileSync(path.join(dir, 'notice.docx'), seedNoticeMerged());
  fs.writeFileSync(path.join(dir, 'split.docx'), seedNoticeSplit());
  // A .doc with its real magic, and one renamed to .docx: both told by content.
  const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
  fs.writeFileSync(path.join(dir, 'old.doc'), ole);
  fs.writeFileSync(path.join(dir, 'renamed.docx'), ole);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(argv: string[]): Promise<CliRun> {
  return runAllocation(argv, { cwd: dir, today: '2022-06-01' });
}

describe('allocation import', () => {
  it('writes the notice’s table to a new workbook and checks it: 54 measures, no errors', async () => {
    const { code, out, err } = await run(['import', 'notice.docx', '-o', 'ledger.xlsx']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('已导入 54 行到新工作表“任务分工”');
    expect(out).toContain('已写入：ledger.xlsx');
    const { analysis } = await runCheck(await XlsxHost.open(path.join(dir, 'ledger.xlsx')), { sheet: '任务分工' });
    expect(analysis.tasks).toHaveLength(54);
  });

  it('joins a table continued over pages', async () => {
    const { code, out } = await run(['import', 'split.docx', '-o', 'split.xlsx', '--lang', 'en-US']);
    expect(code).toBe(0);
    expect(out).toContain('Imported 54 rows to the new sheet "任务分工"');
    expect(out).toContain('2 parts');
  });

  it('never overwrites: an existing -o is refused; --into adds 任务分工(2) to a copy', async () => {
    const before = fs.readFileSync(path.join(dir, 'ledger.xlsx'));
    const refused = await run(['import', 'notice.docx', '-o', 'ledger.xlsx']);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('输出文件已存在');
    expect(fs.readFileSync(path.join(dir, 'ledger.xlsx')).equals(before)).toBe(true);

    const added = await run(['import', 'notice.docx', '--into', 'ledger.xlsx', '-o', 'ledger2.xlsx']);
    expect(added.code).toBe(0);
    const host = await XlsxHost.open(path.join(dir, 'ledger2.xlsx'));
    expect(host.workbook.worksheets.map((w) => w.name)).toEqual(['任务分工', '任务分工(2)']);
    expect(fs.readFileSync(path.join(dir, 'ledger.xlsx')).equals(before)).toBe(true);
  });

  it.each(['old.doc', 'renamed.docx'])('refuses %s with 另存为 .docx 后再导入, exit 2, nothing written', async (file) => {
    const { code, err } = await run(['import', file, '-o', `${file}.xlsx`]);
    expect(code).toBe(2);
    expect(err).toContain('另存为 .docx 后再导入');
    expect(fs.existsSync(path.join(dir, `${file}.xlsx`))).toBe(false);
  });

  it('bundles the sample notice as the generator makes it (npm run samples is byte-stable)', () => {
    const sample = fs.readFileSync(path.resolve(__dirname, '../../samples/liangjiang-2022-notice.docx'));
    expect(Buffer.from(seedNoticeMerged()).equals(sample)).toBe(true);
  });

  it('has bilingual help', async () => {
    const { code, out } = await run(['import', '--help']);
    expect(code).toBe(0);
    expect(out).toContain('从印发任务分工的 Word 通知');
    expect(out).toContain('Finds the task-allocation table');
  });
});
