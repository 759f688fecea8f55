/**
 * What must hold for every fixture and every workflow, through both hosts (ExcelJS for the CLI; ExcelHost over
 * the Excel simulator at ExcelApi 1.1 and the newest level for the pane):
 *  - no cell value of any sheet the clerk made changes (check, highlight, clear, summary, report);
 *  - highlight then clear gives back every cell's style exactly;
 *  - no sheet the clerk made is overwritten or deleted (the sheet names before ⊆ after);
 *  - highlighting twice and summarising twice change nothing the second time;
 *  - a second collect of the same returns writes nothing.
 * Fixtures: both samples, every layout fixture, and every file of the bad corpus that yields a result.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { CellRange } from '../../src/domain/types';
import { ExcelHost } from '../../src/hosts/excel';
import { XlsxHost } from '../../src/hosts/xlsx';
import type { WorkbookHost } from '../../src/ports/workbook-host';
import { ExcelSimulator } from '../../src/simulator';
import { runCheck } from '../../src/workflows/check';
import { runClear } from '../../src/workflows/clear';
import { runCollect } from '../../src/workflows/collect';
import { runHighlight } from '../../src/workflows/highlight';
import { runReport } from '../../src/workflows/report';
import { runSummary } from '../../src/workflows/summary';
import { RETURNS_SAMPLE, fillAnswers, source, splitFile, statusFor } from '../support/returns';
import { AS_OF, BAD_DIR, ROOT, badCorpus } from '../support/hardening';

const GENERATED_AT = '2022-09-15 09:00';
const LATER = '2022-12-31';

const FIXTURES: [string, string][] = [
  ...['samples/liangjiang-2022.xlsx', 'samples/liangjiang-2022-returns.xlsx'].map((f) => [f, path.join(ROOT, f)] as [string, string]),
  ...fs
    .readdirSync(path.join(ROOT, 'tests/fixtures/layouts'))
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => [`layouts/${f}`, path.join(ROOT, 'tests/fixtures/layouts', f)] as [string, string]),
  ...badCorpus()
    .filter((c) => c.exitCode !== 2)
    .map((c) => [`bad/${c.file}`, path.join(BAD_DIR, c.file)] as [string, string]),
];

interface Subject {
  host: WorkbookHost;
  /** The workbook the host changes, to look at directly. */
  workbook: ExcelJS.Workbook;
}

type HostKind = 'xlsx' | 'excel 1.1' | 'excel 1.20';

async function open(kind: HostKind, file: string): Promise<Subject> {
  if (kind === 'xlsx') {
    const host = await XlsxHost.open(file);
    return { host, workbook: host.workbook };
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  const sim = new ExcelSimulator(workbook, { apiVersion: kind === 'excel 1.1' ? '1.1' : '1.20' });
  return { host: new ExcelHost(sim.run, sim.requirements), workbook };
}

/** Every value of the named sheets, keyed by sheet and address (covered cells of merged areas left out). */
function values(wb: ExcelJS.Workbook, sheets: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of sheets) {
    const ws = wb.getWorksheet(name);
    if (!ws) continue;
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const v = cell.value instanceof Date ? cell.value.toISOString() : cell.value;
        if (v !== null && v !== '') out[`${name}!${cell.address}`] = JSON.stringify(v);
      }),
    );
  }
  return out;
}

const sheetNames = (wb: ExcelJS.Workbook): string[] => wb.worksheets.map((ws) => ws.name);

/** The exact style token of every cell of the checked sheet's used area. */
async function styles(host: WorkbookHost, sheet: string, area: CellRange): Promise<string[]> {
  return (await host.readStyles(sheet, [area])).map((s) => `${s.row},${s.col}:${s.token}`);
}

describe.each<HostKind>(['xlsx', 'excel 1.1', 'excel 1.20'])('through %s', (kind) => {
  it.each(FIXTURES)('%s: values kept, styles restored exactly, the clerk’s sheets kept, repeats change nothing', async (_name, file) => {
    const { host, workbook } = await open(kind, file);
    const userSheets = sheetNames(workbook);
    const originalValues = values(workbook, userSheets);
    const expectUnchanged = () => {
      expect(values(workbook, userSheets)).toEqual(originalValues);
      expect(sheetNames(workbook)).toEqual(expect.arrayContaining(userSheets));
    };

    const { analysis } = await runCheck(host);
    expectUnchanged();
    const grid = (await host.read({ sheet: analysis.sheet })).grid!;
    const area: CellRange = {
      top: grid.originRow,
      left: grid.originCol,
      bottom: grid.originRow + Math.max(grid.values.length, 1) - 1,
      right: grid.originCol + Math.max(grid.values[0]?.length ?? 1, 1) - 1,
    };
    const originalStyles = await styles(host, analysis.sheet, area);

    await runHighlight(host, { asOf: AS_OF });
    expectUnchanged();
    const highlighted = await styles(host, analysis.sheet, area);
    await runHighlight(host, { asOf: AS_OF });
    expect(await styles(host, analysis.sheet, area)).toEqual(highlighted);
    await runHighlight(host, { asOf: LATER });
    expectUnchanged();
    await runClear(host);
    expectUnchanged();
    expect(await styles(host, analysis.sheet, area)).toEqual(originalStyles);

    const first = await runSummary(host, { asOf: AS_OF, generatedAt: GENERATED_AT });
    expectUnchanged();
    const afterFirst = sheetNames(workbook);
    const second = await runSummary(host, { asOf: AS_OF, generatedAt: GENERATED_AT });
    expect(second.sheetName).toBe(first.sheetName);
    expect(sheetNames(workbook).sort()).toEqual([...afterFirst].sort());
    expectUnchanged();

    await runReport(host, { asOf: LATER, generatedAt: GENERATED_AT });
    expectUnchanged();
    await runClear(host);
    expectUnchanged();
    expect(await styles(host, analysis.sheet, area)).toEqual(originalStyles);
  });
});

describe.each<HostKind>(['xlsx', 'excel 1.20'])('collect through %s', (kind) => {
  it('a second collect of the same returns writes nothing, and the clerk’s sheets survive both', async () => {
    const { copies } = await splitFile(RETURNS_SAMPLE);
    const sources = [];
    for (const [unit, bytes] of copies) {
      sources.push(source(`${unit}.xlsx`, await fillAnswers(bytes, statusFor)));
    }
    const { host, workbook } = await open(kind, RETURNS_SAMPLE);
    const userSheets = sheetNames(workbook);
    const options = { asOf: AS_OF, generatedAt: GENERATED_AT };
    const first = await runCollect(host, sources, options);
    expect(first.cellsWritten).toBeGreaterThan(0);
    const afterFirst = values(workbook, userSheets);
    const namesAfterFirst = sheetNames(workbook);
    expect(namesAfterFirst).toEqual(expect.arrayContaining(userSheets));

    const second = await runCollect(host, sources, options);
    expect(second.cellsWritten).toBe(0);
    expect(second.updated).toBe(0);
    expect(values(workbook, userSheets)).toEqual(afterFirst);
    expect(sheetNames(workbook).sort()).toEqual([...namesAfterFirst].sort());
  });
});
