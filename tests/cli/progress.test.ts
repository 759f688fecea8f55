/** Progress on stderr: drawn on a terminal for long work (a long sheet, many returns), nothing when piped. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { PROGRESS_MIN_ROWS, TerminalProgress, type ProgressStream } from '../../src/cli/progress';
import { runAllocation, type CliRun } from '../support/cli';

const ROOT = path.resolve(__dirname, '../..');
const SAMPLE = path.join(ROOT, 'samples/liangjiang-2022.xlsx');
/** The terminal's erase-line sequence (what readline.clearLine writes). */
const CLEAR_LINE = '\u001b[2K';

let tmp: string;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'allocation-progress-'));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务分工');
  ws.addRow(['序号', '工作任务', '完成时限', '责任单位', '完成情况']);
  for (let i = 1; i <= PROGRESS_MIN_ROWS; i++) ws.addRow([i, `第${i}项任务`, '2022年12月31日前', i % 2 ? '办公室' : '财政局', i % 3 ? '正在推进' : '已完成']);
  await wb.xlsx.writeFile(path.join(tmp, 'long.xlsx'));
  fs.copyFileSync(SAMPLE, path.join(tmp, 'short.xlsx'));
}, 60_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A stream that records what is written; `isTTY` says whether it stands for a terminal. */
function fakeStream(isTTY: boolean): ProgressStream & { text: () => string } {
  const chunks: string[] = [];
  return { isTTY, columns: 100, write: (chunk: string) => chunks.push(chunk), text: () => chunks.join('') };
}

function run(argv: string[], progress: ProgressStream | undefined): Promise<CliRun> {
  return runAllocation(argv, { cwd: tmp, today: '2022-09-15', progress });
}

describe('progress of long work', () => {
  it('piped (not a terminal): nothing is written to the stream, and the output is the same as on a terminal', async () => {
    const piped = fakeStream(false);
    const quiet = await run(['highlight', 'long.xlsx', '-o', 'piped.xlsx'], piped);
    expect(quiet.code).toBe(0);
    expect(piped.text()).toBe('');
    const tty = fakeStream(true);
    const shown = await run(['highlight', 'long.xlsx', '-o', 'tty.xlsx'], tty);
    expect(shown.out.replace('tty.xlsx', 'piped.xlsx')).toBe(quiet.out);
    expect(shown.err).toBe(quiet.err);
  }, 120_000);

  it('on a terminal, highlight of a long sheet shows each step and clears the bar at the end', async () => {
    const tty = fakeStream(true);
    const { code } = await run(['highlight', 'long.xlsx', '-o', 'out.xlsx'], tty);
    expect(code).toBe(0);
    const drawn = tty.text();
    expect(drawn).toContain(`1/4 正在检查 ${PROGRESS_MIN_ROWS + 1} 行`);
    expect(drawn).toContain('2/4 正在读取原有颜色');
    expect(drawn).toContain('3/4 正在写入更改');
    expect(drawn).toContain('4/4 正在保存文件');
    // The last thing written clears the line: no bar is left standing above the shell's prompt.
    expect(drawn.slice(drawn.lastIndexOf('正在保存文件'))).toContain(CLEAR_LINE);
  }, 120_000);

  it('on a terminal, a short sheet shows nothing', async () => {
    const tty = fakeStream(true);
    expect((await run(['check', 'short.xlsx'], tty)).code).toBe(0);
    expect(tty.text()).toBe('');
  }, 60_000);

  it('on a terminal, collect over many returns counts them, and each return line is printed clear of the bar', async () => {
    expect((await run(['split', 'short.xlsx', '--out', 'copies'], undefined)).code).toBe(0);
    const copies = fs.readdirSync(path.join(tmp, 'copies')).filter((f) => f.endsWith('.xlsx'));
    expect(copies.length).toBeGreaterThanOrEqual(10);
    const tty = fakeStream(true);
    const shown = await run(['collect', 'short.xlsx', 'copies', '-o', 'merged.xlsx'], tty);
    expect(shown.code).toBeLessThan(2);
    expect(tty.text()).toContain(`1/${copies.length} 份回收表已核对`);
    const piped = await run(['collect', 'short.xlsx', 'copies', '-o', 'merged-piped.xlsx'], fakeStream(false));
    expect(shown.out.replace('merged.xlsx', 'merged-piped.xlsx')).toBe(piped.out);
  }, 120_000);
});

describe('TerminalProgress', () => {
  it('clears its line before other output and draws the bar again after it', () => {
    const tty = fakeStream(true);
    const progress = new TerminalProgress(tty, 'en-US');
    progress.show(1, 3, { zh: '正在写入更改', en: 'writing the changes' });
    const before = tty.text().length;
    const order: string[] = [];
    progress.around(() => order.push(tty.text().slice(before)));
    expect(order[0]).toContain(CLEAR_LINE);
    expect(tty.text().slice(before)).toContain('1/3 writing the changes');
    progress.stop();
  });
});
