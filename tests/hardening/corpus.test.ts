/**
 * The bad-file corpus (tests/fixtures/bad, built by scripts/make-bad-fixtures.ts) through the CLI as a clerk
 * would run it: each file gives its expected exit code and either a clear zh-CN message (exit 2) or the
 * correct result — never a stack trace, and never an output file when nothing could be done.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { ExcelHost } from '../../src/hosts/excel';
import { XlsxHost } from '../../src/hosts/xlsx';
import { ExcelSimulator } from '../../src/simulator';
import type { Finding } from '../../src/domain/types';
import { AS_OF, BAD_DIR, badCorpus, leaksInternals, malformedFinding, runCli } from '../support/hardening';
// The bad fixtures are the sample's table broken in many ways: checked with the sample's own directory.
import { SAMPLE_DIRECTORY_FILE } from '../support/sample-directory';

const corpus = badCorpus();
let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'allocation-bad-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

it('has at least 30 files, every one listed once and present', () => {
  expect(corpus.length).toBeGreaterThanOrEqual(30);
  const onDisk = fs.readdirSync(BAD_DIR).filter((f) => f !== 'manifest.json').sort();
  expect(corpus.map((c) => c.file).sort()).toEqual(onDisk);
});

describe.each(corpus.map((c) => [c.file, c] as const))('%s', (_file, fixture) => {
  const input = path.join(BAD_DIR, fixture.file);

  it(`check: exit ${fixture.exitCode}, ${fixture.message ? 'a zh-CN message' : 'the correct result'}, no stack trace`, async () => {
    const { code, out, err } = await runCli(['check', input, '--format', 'json', '--as-of', AS_OF, '--units', SAMPLE_DIRECTORY_FILE], tmp);
    expect(leaksInternals(out + err)).toBe(false);
    expect(code).toBe(fixture.exitCode);
    if (fixture.exitCode === 2) {
      expect(out).toBe('');
      expect(err).toContain(fixture.message!);
      expect(err).toMatch(/[\u4e00-\u9fff]/);
      return;
    }
    expect(err).toBe('');
    const json = JSON.parse(out) as { counts: { tasks: number }; findings: (Omit<Finding, 'message'> & { message: string })[] };
    expect(json.counts.tasks).toBe(fixture.tasks);
    const codes = new Set(json.findings.map((f) => f.code));
    for (const expected of fixture.findingCodes ?? []) expect(codes).toContain(expected);
    for (const f of json.findings) expect(malformedFinding({ ...f, message: { zh: f.message, en: f.message } })).toBeNull();
  });

  it('highlight -o: a complete output file on success, no file at all on failure', async () => {
    const output = path.join(tmp, 'out.xlsx');
    const { code, out, err } = await runCli(['highlight', input, '-o', output, '--as-of', AS_OF], tmp);
    expect(leaksInternals(out + err)).toBe(false);
    if (fixture.exitCode === 2) {
      expect(code).toBe(2);
      expect(fs.readdirSync(tmp)).toEqual([]);
    } else {
      expect(code).toBe(0);
      expect(fs.readdirSync(tmp)).toEqual(['out.xlsx']);
      const reopened = await XlsxHost.open(output);
      expect((await reopened.read()).grid).not.toBeNull();
    }
  });

  it('English messages too (--lang en-US), equally free of internals', async () => {
    const { code, err } = await runCli(['check', input, '--lang', 'en-US', '--as-of', AS_OF], tmp);
    expect(code).toBe(fixture.exitCode);
    expect(leaksInternals(err)).toBe(false);
    if (code === 2) expect(err.trim().length).toBeGreaterThan(10);
  });
});

describe('a sheet "used" to row 1 048 576 by formatting only', () => {
  it('reads as the few rows that hold values, not a million-row grid', async () => {
    const host = await XlsxHost.open(path.join(BAD_DIR, 'million-rows-formatting-only.xlsx'));
    const grid = (await host.read()).grid!;
    expect(grid.values.length).toBe(1);
    expect(grid.values[0].length).toBeLessThanOrEqual(6);
  });

  it('reads as one row through ExcelHost where the used range can be asked for values only (ExcelApi ≥ 1.2)', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(path.join(BAD_DIR, 'million-rows-formatting-only.xlsx')) as unknown as ArrayBuffer);
    const sim = new ExcelSimulator(workbook, { apiVersion: '1.20' });
    const grid = (await new ExcelHost(sim.run, sim.requirements).read()).grid!;
    expect(grid.values.length).toBe(1);
    expect(sim.stats.syncs).toBe(1);
  });
});
