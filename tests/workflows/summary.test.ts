/**
 * The summary's "what must hold" through the xlsx host on the real returns sample: round trips, regenerating
 * replaces only the product's own sheet, a clerk's same-named sheet survives, the marker survives save and
 * reopen, formula-looking text stays text, and highlight + summary go in one batch.
 */
import * as path from 'path';
import ExcelJS from 'exceljs';
import { UserFacingError } from '../../src/domain/errors';
import { parseState } from '../../src/domain/workbook-state';
import { XlsxHost } from '../../src/hosts/xlsx';
import { runReport } from '../../src/workflows/report';
import { runSummary } from '../../src/workflows/summary';
import { countingHost } from '../support/highlight';
import { reopenHost, valuesHash } from '../support/workbook-files';

const RETURNS = path.resolve(__dirname, '../../samples/liangjiang-2022-returns.xlsx');
const SOURCE = '任务分工';
const AS_OF = '2022-12-31';
const OPTIONS = { asOf: AS_OF, generatedAt: '2023-01-05 09:00' };

function visibleSheets(host: XlsxHost): string[] {
  return host.workbook.worksheets.filter((ws) => ws.state === 'visible').map((ws) => ws.name);
}

function columnA(host: XlsxHost, sheet: string): unknown[] {
  const out: unknown[] = [];
  host.workbook.getWorksheet(sheet)!.eachRow({ includeEmpty: true }, (row) => out.push(row.getCell(1).value));
  return out;
}

describe('runSummary on the returns sample', () => {
  it('reads once, applies once, and writes the sample’s figures', async () => {
    const xlsx = await XlsxHost.open(RETURNS);
    const before = valuesHash(xlsx.workbook);
    const { host, calls } = countingHost(xlsx);
    const result = await runSummary(host, OPTIONS);
    expect([calls.read, calls.readStyles, calls.apply]).toEqual([1, 0, 1]);
    expect(result.sheetName).toBe('落实情况汇总');
    expect(result.replaced).toBeNull();

    expect(result.model.total).toBe(54);
    // The sample's figures as of 2022-12-31, pinned (not recounted with the code under test).
    expect(result.model.states).toEqual({ done: 13, done_late: 2, on_track: 0, behind: 2, due_soon: 2, overdue: 4, ongoing: 31, unknown: 0 });

    const a = columnA(xlsx, '落实情况汇总');
    expect(a).toContain(result.paragraph);
    expect(result.paragraph).toContain('全年共部署5个方面17类54项重点任务');
    // The clerk's sheets are untouched: without the new sheet, every value is as it was.
    xlsx.workbook.removeWorksheet(xlsx.workbook.getWorksheet('落实情况汇总')!.id);
    expect(valuesHash(xlsx.workbook)).toBe(before);
  });

  it('regenerating replaces its own sheet (even after save and reopen) and nothing else', async () => {
    const first = await XlsxHost.open(RETURNS);
    await runSummary(first, OPTIONS);
    const reopened = await reopenHost(first);
    const state = parseState((await reopened.read()).stateText).state;
    expect(state.productSheets).toEqual([{ name: '落实情况汇总', marker: 'summary', source: SOURCE, createdAt: OPTIONS.generatedAt, stamp: expect.stringMatching(/^[0-9A-Z]{8}$/), written: expect.any(String) }]);

    const again = await runSummary(reopened, { ...OPTIONS, asOf: '2022-09-15' });
    expect([again.sheetName, again.replaced]).toEqual(['落实情况汇总', '落实情况汇总']);
    expect(visibleSheets(reopened)).toEqual([SOURCE, '落实情况汇总']);
    expect(columnA(reopened, '落实情况汇总')).toContain(again.paragraph);
    expect(again.paragraph).toContain('截至2022年9月15日');
  });

  it('never replaces a sheet the clerk made: the summary takes the name (2), and regenerating replaces only that', async () => {
    const xlsx = await XlsxHost.open(RETURNS);
    xlsx.workbook.addWorksheet('落实情况汇总').getCell('A1').value = '我自己的汇总';
    const host = await reopenHost(xlsx);

    const first = await runSummary(host, OPTIONS);
    expect([first.sheetName, first.replaced]).toEqual(['落实情况汇总(2)', null]);
    const again = await reopenHost(host);
    const third = await runSummary(again, OPTIONS);
    expect([third.sheetName, third.replaced]).toEqual(['落实情况汇总(2)', '落实情况汇总(2)']);
    expect(again.workbook.getWorksheet('落实情况汇总')!.getCell('A1').value).toBe('我自己的汇总');
    expect(visibleSheets(again)).toEqual([SOURCE, '落实情况汇总', '落实情况汇总(2)']);
  });

  it('a product summary that the clerk deleted is not looked for: the next one gets the plain name again', async () => {
    const xlsx = await XlsxHost.open(RETURNS);
    await runSummary(xlsx, OPTIONS);
    xlsx.workbook.removeWorksheet(xlsx.workbook.getWorksheet('落实情况汇总')!.id);
    const host = await reopenHost(xlsx);
    const result = await runSummary(host, OPTIONS);
    expect([result.sheetName, result.replaced]).toEqual(['落实情况汇总', null]);
    expect(parseState((await host.read()).stateText).state.productSheets).toHaveLength(1);
  });

  it('writes measure text beginning with = + - @ as text, never as a formula, through save and reopen', async () => {
    const xlsx = await XlsxHost.open(RETURNS);
    const probe = await runSummary(await XlsxHost.open(RETURNS), OPTIONS);
    const overdue = probe.model.overdue.slice(0, 4);
    expect(overdue).toHaveLength(4);
    const measureCol = (probe.check.analysis.layout.columns.measure as number) + 1;
    const texts = ['=SUM(A1:A3)', '+86 023 6789', '-1 项指标', '@各部门 落实'];
    overdue.forEach((e, i) => {
      xlsx.workbook.getWorksheet(SOURCE)!.getCell(e.row, measureCol).value = `${e.no}.${texts[i]}`;
    });
    const host = await reopenHost(xlsx);
    const result = await runSummary(host, OPTIONS);
    expect(result.model.overdue.map((e) => e.measure)).toEqual(texts);

    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load(Buffer.from(await host.toBuffer()) as unknown as ExcelJS.Buffer);
    const ws = saved.getWorksheet('落实情况汇总')!;
    const found: string[] = [];
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        // Cells inside a merge report the master's value: look at the master only.
        if (cell.master.address === cell.address && texts.includes(cell.value as string)) {
          expect(cell.type).toBe(ExcelJS.ValueType.String);
          expect(cell.formula).toBeUndefined();
          found.push(cell.value as string);
        }
      }),
    );
    // Each appears in the ledger and again, as the short text, in the 催办清单.
    expect([...new Set(found)].sort()).toEqual([...texts].sort());
  });

  it('refuses a bad sheet name before changing anything', async () => {
    const { host, calls } = countingHost(await XlsxHost.open(RETURNS));
    await expect(runSummary(host, { ...OPTIONS, sheetName: '汇总/2022' })).rejects.toBeInstanceOf(UserFacingError);
    expect(calls.apply).toBe(0);
  });

  it('refuses to summarise its own summary sheet', async () => {
    const xlsx = await XlsxHost.open(RETURNS);
    await runSummary(xlsx, OPTIONS);
    await expect(runSummary(xlsx, { ...OPTIONS, sheet: '落实情况汇总' })).rejects.toMatchObject({ code: 'check.product_sheet' });
  });
});

describe('runReport: highlight and summary in one batch', () => {
  it('takes at most four round trips and one apply, and leaves both the colours and the summary recorded', async () => {
    const xlsx = await XlsxHost.open(RETURNS);
    const { host, calls } = countingHost(xlsx);
    const result = await runReport(host, OPTIONS);
    expect(calls.apply).toBe(1);
    expect(calls.read + calls.readStyles + calls.apply).toBeLessThanOrEqual(4);
    expect(result.highlight.counts).toEqual(result.summary.model.states);

    const reopened = await reopenHost(xlsx);
    const state = parseState((await reopened.read()).stateText).state;
    expect(Object.keys(state.highlights)).toEqual([SOURCE]);
    expect(state.highlights[SOURCE].asOf).toBe(AS_OF);
    // The overdue rows the summary lists are the rows now coloured red.
    const measureCol = result.summary.check.analysis.layout.columns.measure;
    for (const e of result.summary.model.overdue) {
      const [style] = await reopened.readStyles(SOURCE, [{ top: e.row - 1, left: measureCol, bottom: e.row - 1, right: measureCol }]);
      expect([e.no, style.fill]).toEqual([e.no, '#FFC7CE']);
    }
    expect(state.productSheets.map((p) => [p.name, p.marker, p.source])).toEqual([['落实情况汇总', 'summary', SOURCE]]);

    // Again, a quarter later: still one summary, colours recorded once.
    const again = await runReport(reopened, { ...OPTIONS, asOf: '2023-03-31' });
    expect(again.summary.replaced).toBe('落实情况汇总');
    expect(visibleSheets(reopened)).toEqual([SOURCE, '落实情况汇总']);
    const after = parseState((await reopened.read()).stateText).state;
    expect(after.productSheets).toHaveLength(1);
    expect(after.highlights[SOURCE].asOf).toBe('2023-03-31');
  });
});
