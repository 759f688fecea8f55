/**
 * Returns a unit (or anyone) might send back that must not take the collect down or fool it: a return far
 * too big, one that inflates too far, a FIFO in the folder, control characters in a file name, 进展说明 that
 * together pass Excel's cell limit, a copy claiming another unit. Each is reported on its own; the rest merge.
 */
import { execFileSync } from 'child_process';
import { EventEmitter } from 'events';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { quietOnBrokenPipe } from '../../src/cli/main';
import { declaredInflatedBytes, MAX_RETURN_INFLATED_BYTES } from '../../src/cli/return-files';
import { CUT_MARKER, fitToCell } from '../../src/domain/returns';
import { EXCEL_CELL_CHARS } from '../../src/domain/sheet-spec-rules';
import { XlsxHost } from '../../src/hosts/xlsx';
import { runCollect } from '../../src/workflows/collect';
import { answerAll, editWorkbook, headerColumnOf, returnSource, splitCopies, TASK_SHEET, tableBytes } from '../support/hostile-kit';
import { leaksInternals, runCli } from '../support/hardening';

const AS_OF = '2022-09-15';
const OPTIONS = { asOf: AS_OF, generatedAt: '2022-09-16 08:30' };

let tmp: string;
let master: Uint8Array;
let copies: Map<string, Uint8Array>;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'allocation-hostile-returns-'));
  master = await tableBytes();
  copies = await splitCopies(master);
  fs.writeFileSync(path.join(tmp, 'master.xlsx'), master);
}, 60_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function folder(name: string, files: Record<string, Uint8Array>): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  for (const [file, bytes] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), bytes);
  return dir;
}

async function collectCli(dir: string, extra: string[] = []) {
  const out = path.join(tmp, `${path.basename(dir)}-out.xlsx`);
  const run = await runCli(['collect', path.join(tmp, 'master.xlsx'), dir, ...extra, '-o', out, '--as-of', AS_OF, '--format', 'json'], tmp);
  expect(leaksInternals(run.out + run.err)).toBe(false);
  return { ...run, json: run.out ? JSON.parse(run.out) : null, out };
}

describe('a return beyond what one return may cost', () => {
  it('the zip directory’s declared sizes are summed without inflating anything', () => {
    const zip = zipSync({ a: new Uint8Array(1000), b: strToU8('x'.repeat(5000)) });
    expect(declaredInflatedBytes(zip)).toBe(6000);
    expect(declaredInflatedBytes(strToU8('not a zip'))).toBeNull();
  });

  it('one that inflates past the budget is skipped with a finding; the others merge', async () => {
    const parts = unzipSync(copies.get('办公室')!);
    parts['xl/media/padding.bin'] = new Uint8Array(MAX_RETURN_INFLATED_BYTES + 1);
    const bomb = zipSync(parts, { level: 1 });
    expect(bomb.length).toBeLessThan(1_000_000);
    const dir = folder('bomb', { '办公室.xlsx': bomb, '财政局.xlsx': await answerAll(copies.get('财政局')!, '序时推进') });
    const { code, json } = await collectCli(dir);
    expect(code).toBe(1);
    const [office, finance] = json.returns;
    expect(office).toMatchObject({ accepted: false, answered: 0 });
    expect(office.findings[0].message).toContain('解压后过大');
    expect(finance).toMatchObject({ accepted: true, answered: 2 });
  });

  it('one far longer than the master (a sheet pasted in) is skipped with a finding', async () => {
    const long = await editWorkbook(copies.get('办公室')!, (wb) => {
      const ws = wb.getWorksheet(TASK_SHEET)!;
      for (let r = 0; r < 1_200; r++) ws.getCell(20 + r, 1).value = r;
    });
    const result = await runCollect(await XlsxHost.open(master), [returnSource('办公室.xlsx', long), returnSource('财政局.xlsx', await answerAll(copies.get('财政局')!, '已完成'))], OPTIONS);
    expect(result.returns[0].accepted).toBe(false);
    expect(result.returns[0].findings[0].message.zh).toContain('远多于总表');
    expect(result.returns[1].accepted).toBe(true);
  });
});

describe('what lies in the returns folder', () => {
  const fifoOk = process.platform !== 'win32';
  (fifoOk ? it : it.skip)('a FIFO named *.xlsx is skipped, not opened (the collect would hang)', async () => {
    const dir = folder('fifo', { '财政局.xlsx': await answerAll(copies.get('财政局')!, '序时推进') });
    execFileSync('mkfifo', [path.join(dir, '办公室.xlsx')]);
    const { code, json } = await collectCli(dir);
    expect(code).toBe(0);
    expect(json.returns.map((r: { file: string }) => path.basename(r.file))).toEqual(['财政局.xlsx']);
    // Named on the command line, it is reported, not read.
    const named = await collectCli(path.join(dir, '办公室.xlsx'), [path.join(dir, '财政局.xlsx')]);
    expect(named.json.returns[0].findings[0].message).toContain('不是普通文件');
    expect(named.json.returns[1].accepted).toBe(true);
  }, 30_000);

  it('control characters in a file name are shown escaped, never raw, on the terminal and in 回收情况', async () => {
    const nasty = '办公室\u001b[31m\u0007\r.xlsx';
    const dir = folder('control', { [nasty]: await answerAll(copies.get('办公室')!, '序时推进') });
    const out = path.join(tmp, 'control-out.xlsx');
    const run = await runCli(['collect', path.join(tmp, 'master.xlsx'), dir, '-o', out, '--as-of', AS_OF], tmp);
    // eslint-disable-next-line no-control-regex
    expect(run.out + run.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(run.out).toContain('\\u001B[31m\\u0007\\u000D');
    const log = (await XlsxHost.open(out)).workbook.getWorksheet('回收情况')!;
    const texts: string[] = [];
    log.eachRow((row) => row.eachCell((c) => void texts.push(String(c.value))));
    // eslint-disable-next-line no-control-regex
    expect(texts.join('\n')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(texts.some((t) => t.includes('\\u001B'))).toBe(true);
  });
});

describe('进展说明 that together pass Excel’s 32 767-character limit', () => {
  it('fitToCell cuts with the marker and never splits a surrogate pair', () => {
    expect(fitToCell(['a', 'b'])).toEqual({ text: 'a\nb', cutPart: null });
    const cut = fitToCell(['x'.repeat(20), '𠀀'.repeat(20)], 40);
    expect(cut.text.length).toBeLessThanOrEqual(40);
    expect(cut.text.endsWith(CUT_MARKER)).toBe(true);
    expect(cut.cutPart).toBe(0);
  });

  it('the merged cell is cut with a visible marker, and the return whose text was cut is named with its unit', async () => {
    // Measure 1: 办公室 leads, 经济运行局 is responsible; both write a long (legal) 进展说明.
    const long = (unit: string) => `${unit}：${'情况说明'.repeat(5_000)}`;
    const office = await answerAll(copies.get('办公室')!, '序时推进', long('办公室'));
    const economy = await answerAll(copies.get('经济运行局')!, '序时推进', long('经济运行局'));
    const host = await XlsxHost.open(master);
    const result = await runCollect(host, [returnSource('办公室.xlsx', office), returnSource('经济运行局.xlsx', economy)], OPTIONS);
    const ws = host.workbook.getWorksheet(TASK_SHEET)!;
    const text = String(ws.getCell(3, headerColumnOf(ws, '进展说明')).value);
    expect(text.length).toBeLessThanOrEqual(EXCEL_CELL_CHARS);
    expect(text.endsWith(CUT_MARKER)).toBe(true);
    const cut = result.returns[1].findings.find((f) => f.code === 'return.text_cut')!;
    expect(cut.message.zh).toContain('经济运行局.xlsx');
    expect(cut.message.zh).toContain('“经济运行局”');
    expect(result.returns[0].findings.map((f) => f.code)).not.toContain('return.text_cut');
    await expect(host.toBuffer()).resolves.toBeDefined();
  });
});

describe('a forged _allocation_return', () => {
  it('a copy claiming another unit: 回收情况 shows the claim, and the copy is flagged', async () => {
    const forged = await editWorkbook(copies.get('司法局')!, (wb) => {
      const ws = wb.getWorksheet('_allocation_return')!;
      const identity = JSON.parse(String(ws.getCell(1, 1).value));
      identity.unit = '办公室';
      ws.getCell(1, 1).value = JSON.stringify(identity);
    });
    const host = await XlsxHost.open(master);
    const result = await runCollect(host, [returnSource('司法局.xlsx', await answerAll(forged, '已完成'))], OPTIONS);
    const report = result.returns[0];
    expect(report.unit).toBe('办公室');
    const mismatch = report.findings.find((f) => f.code === 'return.claim_mismatch')!;
    expect(mismatch.message.zh).toContain('文件名指向“司法局”');
    expect(mismatch.message.zh).toContain('自称“办公室”');
    const log = host.workbook.getWorksheet('回收情况')!;
    const texts: string[] = [];
    log.eachRow((row) => row.eachCell((c) => void texts.push(String(c.value))));
    expect(texts).toContain('回收表自称单位');
  });

  it('a file renamed without any unit in its name, or named for its own unit, is not flagged', async () => {
    const host = await XlsxHost.open(master);
    const own = await answerAll(copies.get('司法局')!, '已完成');
    const result = await runCollect(host, [returnSource('回收1.xlsx', own), returnSource('下发/司法局(1).xlsx', own)], OPTIONS);
    for (const r of result.returns) expect(r.findings.map((f) => f.code)).not.toContain('return.claim_mismatch');
  });
});

describe('stdout closed early (| head -c 10)', () => {
  it('EPIPE ends the process quietly with the exit code so far', () => {
    const stream = new EventEmitter();
    const exits: number[] = [];
    quietOnBrokenPipe(stream, (code) => exits.push(code));
    stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(exits).toEqual([0]);
    stream.emit('error', Object.assign(new Error('write EIO'), { code: 'EIO' }));
    expect(exits).toEqual([0, 2]);
  });
});
