/**
 * Cell values and options a clerk really types that used to be misread: a negative number under a date format
 * in 完成时限, and --soon values outside what is allowed.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { errnoText } from '../../src/cli/errno-text';
import { parseDeadline } from '../../src/domain/deadline';
import { MAX_SOON_DAYS } from '../../src/domain/row-state';
import { XlsxHost } from '../../src/hosts/xlsx';
import { runCheck } from '../../src/workflows/check';
import { parseSoonDays } from '../../src/workflows/highlight';
import { tableBytes, TASK_SHEET } from '../support/hostile-kit';
import { leaksInternals, runCli } from '../support/hardening';

describe('a negative number in 完成时限', () => {
  it.each([-5, -1, 0, 0.5])('%p under a date format is not a date (never 1899-12-25)', async (n) => {
    const bytes = await tableBytes({
      edit: (ws) => {
        ws.getCell(3, 3).value = n;
        ws.getCell(3, 3).numFmt = 'yyyy-mm-dd';
      },
    });
    const check = await runCheck(await XlsxHost.open(bytes), { sheet: TASK_SHEET });
    const task = check.analysis.tasks[0];
    expect(task.deadline.kind).not.toBe('date');
    expect(task.deadline.due).toBeNull();
    expect(JSON.stringify(task.deadline)).not.toContain('1899');
  });

  it('through the CLI (the package reader gives the day before 1900 as text): no date, no 1899', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'allocation-negative-date-'));
    try {
      const bytes = await tableBytes({
        edit: (ws) => {
          ws.getCell(3, 3).value = -5;
          ws.getCell(3, 3).numFmt = 'yyyy-mm-dd';
        },
      });
      fs.writeFileSync(path.join(dir, 'master.xlsx'), bytes);
      const run = await runCli(['check', 'master.xlsx', '--format', 'json', '--as-of', '2022-09-15'], dir);
      const json = JSON.parse(run.out) as { findings: { code: string; cell: string | null }[] };
      expect(json.findings).toContainEqual(expect.objectContaining({ code: 'deadline.unknown', cell: 'C3' }));
      const highlighted = await runCli(['highlight', 'master.xlsx', '-o', 'out.xlsx', '--as-of', '2022-09-15'], dir);
      expect(highlighted.code).toBe(0);
      expect(highlighted.out + highlighted.err).not.toContain('1899');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(['1899-12-25', '1800-01-01'])('the text %p a reader gives for such a cell is not a date', (iso) => {
    expect(parseDeadline(iso, 2022)).toMatchObject({ kind: 'unknown', due: null });
  });

  it('a plain negative number is not a date either', () => {
    expect(parseDeadline(-5, 2022)).toMatchObject({ kind: 'unknown', due: null });
  });
});

describe('--soon', () => {
  it.each(['-1', '1e9', 'abc', '', '2.5', `${MAX_SOON_DAYS + 1}`, '99999999999'])('%p: says what is allowed and quotes what was typed', (raw) => {
    expect(() => parseSoonDays(raw)).toThrow(expect.objectContaining({ code: 'highlight.bad_soon_days' }));
    try {
      parseSoonDays(raw);
    } catch (e) {
      const zh = (e as { text: { zh: string } }).text.zh;
      expect(zh).toContain(`“${raw}”`);
      expect(zh).toContain(`0 到 ${MAX_SOON_DAYS}`);
      expect(zh).not.toContain('NaN');
    }
  });

  it.each([['0', 0], [' 10 ', 10], [`${MAX_SOON_DAYS}`, MAX_SOON_DAYS]])('%p is %p', (raw, n) => {
    expect(parseSoonDays(raw)).toBe(n);
  });
});

describe('file-system errors in words', () => {
  it.each([
    ['ENOSPC', '磁盘空间不足'],
    ['EROFS', '只读'],
    ['ENAMETOOLONG', '文件名过长'],
  ])('%s is explained, the code kept for a report', (code, words) => {
    const e = Object.assign(new Error(`${code}: raw`), { code });
    expect(errnoText(e).zh).toBe(`${errnoText(e).zh.split('，')[0]}，${code}`);
    expect(errnoText(e).zh).toContain(words);
  });

  it('split --out below a file: a clear message naming why, nothing written, no internal error', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'allocation-split-notdir-'));
    try {
      fs.writeFileSync(path.join(dir, 'master.xlsx'), await tableBytes());
      const run = await runCli(['split', 'master.xlsx', '--out', 'master.xlsx/下发'], dir);
      expect(run.code).toBe(2);
      expect(leaksInternals(run.out + run.err)).toBe(false);
      expect(run.err).toMatch(/路径中有一段不是文件夹|文件夹不存在/);
      expect(fs.readdirSync(dir)).toEqual(['master.xlsx']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
