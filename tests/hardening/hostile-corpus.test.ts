/**
 * Every CLI command on every workbook of the hostile corpus (scripts/make-hostile-corpus.ts, built here in a
 * temp folder): the exit code a clerk should get, a Chinese message and no stack trace when it refuses, the
 * input's bytes unchanged, an output that is either absent or complete, and every value of every sheet kept.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { HOSTILE_CASES, type HostileCase } from '../../scripts/make-hostile-corpus';
import { XlsxHost } from '../../src/hosts/xlsx';
import { bytesOf, MEASURES, tableWorkbook, valuesOfEverySheet } from '../support/hostile-kit';
import { AS_OF, leaksInternals, runCli } from '../support/hardening';
import { fileSha256 } from '../support/workbook-files';

const COMMANDS = ['check', 'highlight', 'clear', 'summary', 'report', 'remind', 'directory', 'settings', 'split', 'collect', 'carry', 'import'] as const;
type CommandName = (typeof COMMANDS)[number];
type Codes = Record<CommandName, 0 | 1 | 2>;

/** An ordinary table: checked clean, nothing written over, one unit overdue as of AS_OF (remind exits 1). */
const TABLE: Codes = { check: 0, highlight: 0, clear: 0, summary: 0, report: 0, remind: 1, directory: 0, settings: 0, split: 0, collect: 0, carry: 0, import: 2 };
/** Not a workbook at all: every command refuses with a message. */
const NOT_A_WORKBOOK: Codes = { check: 2, highlight: 2, clear: 2, summary: 2, report: 2, remind: 2, directory: 2, settings: 2, split: 2, collect: 2, carry: 2, import: 2 };
/** A workbook without a usable table: only clear and settings (which need no table) go ahead, changing no value. */
const NO_TABLE: Codes = { ...NOT_A_WORKBOOK, clear: 0, settings: 0 };

const EXPECTED: Record<string, Codes> = {
  'content-at-xfd.xlsx': { ...TABLE, collect: 2 },
  'negative-deadline.xlsx': { ...TABLE, remind: 0 },
  'full-width-and-text-dates.xlsx': { ...TABLE, remind: 0 },
  'second-table-below.xlsx': { ...TABLE, check: 1 },
  'formulas-and-errors.xlsx': { ...TABLE, check: 1 },
  'many-rows.xlsx': { ...TABLE, remind: 0 },
  // No measure names a unit: nothing to split; the plain table's copies are not returns of it.
  'header-only.xlsx': { ...TABLE, remind: 0, directory: 2, split: 2, collect: 1 },
  'hidden-task-sheet.xlsx': NO_TABLE,
  'title-only.xlsx': NO_TABLE,
  'empty-sheet.xlsx': NO_TABLE,
  'garbage-directory.xlsx': NO_TABLE,
  'csv-renamed.xlsx': NOT_A_WORKBOOK,
  'zero-bytes.xlsx': NOT_A_WORKBOOK,
  'truncated.xlsx': NOT_A_WORKBOOK,
  'docx-renamed.xlsx': NOT_A_WORKBOOK,
};

const sha = fileSha256;
const STATE_SHEET = /^_allocation_state$/i;

let root: string;
let lastYear: string;
let plainReturns: string;
beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'allocation-hostile-'));
  // Last year's ledger for carry: three of this year's measures, reworded, not finished.
  lastYear = path.join(root, '2021年台账.xlsx');
  const rows = MEASURES.slice(0, 3).map((r) => [r[0], `${String(r[1])}（2021年）`, '2021年12月31日前', r[3], r[4], '正在推进']);
  const wb = tableWorkbook({ header: ['序号', '贯彻举措', '完成时限', '牵头单位', '责任单位', '完成情况'], rows });
  wb.getWorksheet('任务分工')!.getCell(1, 1).value = '两江新区2021年政务公开重点工作任务分工';
  fs.writeFileSync(lastYear, await bytesOf(wb));
  const plain = path.join(root, 'plain-master.xlsx');
  fs.writeFileSync(plain, await bytesOf(tableWorkbook()));
  plainReturns = path.join(root, 'plain-returns');
  expect((await runCli(['split', plain, '--out', plainReturns], root)).code).toBe(0);
}, 60_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

it('has at least 40 workbooks, each named once, each expectation for a case that exists', () => {
  expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(40);
  expect(new Set(HOSTILE_CASES.map((c) => c.file)).size).toBe(HOSTILE_CASES.length);
  for (const file of Object.keys(EXPECTED)) expect(HOSTILE_CASES.map((c) => c.file)).toContain(file);
});

/** Every non-empty value of every sheet of the input is in the output, in the same cell. */
async function expectValuesKept(input: Uint8Array, output: string, c: HostileCase): Promise<void> {
  const before = await valuesOfEverySheet(input);
  const after = await valuesOfEverySheet(fs.readFileSync(output));
  for (const [sheet, cells] of Object.entries(before)) {
    if (c.productState && STATE_SHEET.test(sheet)) continue;
    expect(Object.keys(after)).toContain(sheet);
    const kept = new Set(after[sheet].split(';'));
    for (const cell of cells ? cells.split(';') : []) if (!kept.has(cell)) throw new Error(`${sheet} ${cell.slice(0, 80)} changed`);
  }
}

describe.each(HOSTILE_CASES.map((c) => [c.file, c] as const))('%s', (file, c) => {
  const expected = EXPECTED[file] ?? TABLE;
  let dir: string;
  let input: string;
  let bytes: Uint8Array;
  let inputHash: string;
  let returns: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(root, 'case-'));
    input = path.join(dir, file);
    bytes = await c.build();
    fs.writeFileSync(input, bytes);
    inputHash = sha(input);
    // The case's own blank copies to collect (answering nothing, so no value may change); else the plain table's.
    returns = path.join(root, `${path.basename(dir)}-returns`);
    if ((await runCli(['split', input, '--out', returns], root)).code !== 0) returns = plainReturns;
  }, 60_000);

  const out = () => path.join(dir, 'out');
  const argvFor: Record<CommandName, () => string[]> = {
    check: () => ['check', input, '--format', 'json', '--as-of', AS_OF],
    highlight: () => ['highlight', input, '-o', `${out()}.xlsx`, '--as-of', AS_OF],
    clear: () => ['clear', input, '-o', `${out()}.xlsx`],
    summary: () => ['summary', input, '-o', `${out()}.xlsx`, '--as-of', AS_OF],
    report: () => ['report', input, '-o', `${out()}.xlsx`, '--as-of', AS_OF],
    remind: () => ['remind', input, '--as-of', AS_OF],
    directory: () => ['directory', input, '-o', `${out()}.xlsx`],
    settings: () => ['settings', input, '--set', 'soonDays=5', '-o', `${out()}.xlsx`],
    split: () => ['split', input, '--out', out()],
    collect: () => ['collect', input, returns, '-o', `${out()}.xlsx`, '--as-of', AS_OF],
    carry: () => ['carry', lastYear, input, '-o', `${out()}.xlsx`],
    import: () => ['import', input, '-o', `${out()}.xlsx`],
  };

  it.each(COMMANDS.map((n) => [n]))('%s', async (name) => {
    const lastYearHash = sha(lastYear);
    const run = await runCli(argvFor[name](), dir);
    const written = fs.existsSync(`${out()}.xlsx`) ? `${out()}.xlsx` : fs.existsSync(out()) ? out() : null;
    try {
      expect(leaksInternals(run.out + run.err)).toBe(false);
      expect([name, run.code, run.code === 2 ? run.err.slice(0, 200) : '']).toEqual([name, expected[name], expect.anything()]);
      expect(sha(input)).toBe(inputHash);
      expect(sha(lastYear)).toBe(lastYearHash);
      if (run.code === 2) {
        expect(run.err).toMatch(/[\u4e00-\u9fff]/);
        expect(written).toBeNull();
        return;
      }
      if (name === 'check') expect(() => JSON.parse(run.out)).not.toThrow();
      if (name === 'check' || name === 'remind') return expect(written).toBeNull();
      expect(written).not.toBeNull();
      if (name === 'split') {
        const files = fs.readdirSync(written!);
        expect(files.length).toBeGreaterThan(0);
        expect(files.every((f) => f.endsWith('.xlsx'))).toBe(true);
        for (const f of files.slice(0, 3)) await XlsxHost.open(path.join(written!, f));
        return;
      }
      await XlsxHost.open(written!);
      await expectValuesKept(bytes, written!, c);
    } finally {
      fs.rmSync(out(), { recursive: true, force: true });
      fs.rmSync(`${out()}.xlsx`, { force: true });
    }
  }, 30_000);
});
