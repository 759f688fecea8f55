/**
 * Regenerating replaces the summary the product made before and never a sheet the clerk made — even
 * one the clerk made under the same name after deleting the product's. The product recognises its own sheet
 * by the stamp written into it (A2) and recorded in the state, read in the same round trip as the table.
 */
import ExcelJS from 'exceljs';
import { STAMP_ADDRESS } from '../../src/domain/product-sheets';
import { parseState } from '../../src/domain/workbook-state';
import { XlsxHost } from '../../src/hosts/xlsx';
import type { WorkbookHost } from '../../src/ports/workbook-host';
import { runReport } from '../../src/workflows/report';
import { runSummary } from '../../src/workflows/summary';
import { API_LEVELS, SAMPLES, loadWorkbook, rig, type Rig } from '../support/excel-rig';

const SUMMARY = '落实情况汇总';
const options = { sheet: '任务分工', asOf: '2022-09-15', generatedAt: '2022-09-15 10:00' };

/** A host over a workbook, the workbook itself (to act as the clerk) and a save-and-reopen. */
interface Subject {
  host: WorkbookHost;
  workbook: ExcelJS.Workbook;
  syncs: () => number | null;
  reopen(): Promise<Subject>;
}

function xlsxSubject(host: XlsxHost): Subject {
  return {
    host,
    workbook: host.workbook,
    syncs: () => null,
    reopen: async () => xlsxSubject(await XlsxHost.open(await host.toBuffer())),
  };
}

function excelSubject(r: Rig, apiVersion: string): Subject {
  return {
    host: r.host,
    workbook: r.sim.workbook,
    syncs: () => r.syncs(),
    reopen: async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await r.sim.workbook.xlsx.writeBuffer()) as ArrayBuffer);
      return excelSubject(rig(wb, { apiVersion }), apiVersion);
    },
  };
}

const SUBJECTS: [string, () => Promise<Subject>][] = [
  ['XlsxHost', async () => xlsxSubject(XlsxHost.fromWorkbook(await loadWorkbook(SAMPLES.returns)))],
  ...API_LEVELS.map((v): [string, () => Promise<Subject>] => [`ExcelHost at ExcelApi ${v}`, async () => excelSubject(rig(await loadWorkbook(SAMPLES.returns), { apiVersion: v }), v)]),
];

/** The clerk deletes a sheet and makes their own with the same name. */
function clerkReplaces(wb: ExcelJS.Workbook, name: string): void {
  wb.removeWorksheet(wb.getWorksheet(name)!.id);
  const own = wb.addWorksheet(name);
  own.getCell('A1').value = '我自己的汇总';
  own.getCell(STAMP_ADDRESS).value = '手工整理，请勿覆盖';
}

function sheetNames(wb: ExcelJS.Workbook): string[] {
  return wb.worksheets.map((ws) => ws.name);
}

describe.each(SUBJECTS)('product-sheet identity through %s', (_label, make) => {
  it('regenerating replaces the product’s own summary, also after save and reopen', async () => {
    let s = await make();
    const first = await runSummary(s.host, options);
    expect(first).toMatchObject({ sheetName: SUMMARY, replaced: null });
    const stamp = parseState((await s.host.read()).stateText).state.productSheets.find((p) => p.name === SUMMARY)?.stamp;
    expect(stamp).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(String(s.workbook.getWorksheet(SUMMARY)!.getCell(STAMP_ADDRESS).value)).toContain(stamp);

    expect(await runSummary(s.host, options)).toMatchObject({ sheetName: SUMMARY, replaced: SUMMARY });
    s = await s.reopen();
    s.syncs();
    expect(await runSummary(s.host, options)).toMatchObject({ sheetName: SUMMARY, replaced: SUMMARY });
    // A fresh host at ExcelApi 1.1 does not yet know the sheets: the stamp (like the state) costs one more sync;
    // replacing costs one more, to read the earlier summary for the cells the clerk typed on it.
    const syncs = s.syncs();
    if (syncs !== null) expect(syncs).toBeLessThanOrEqual(_label.endsWith('1.1') ? 4 : 3);
    expect(sheetNames(s.workbook).filter((n) => n.startsWith(SUMMARY))).toEqual([SUMMARY]);
  });

  it('keeps a sheet the clerk made under the summary’s name after deleting it, and writes 落实情况汇总(2)', async () => {
    let s = await make();
    await runSummary(s.host, options);
    clerkReplaces(s.workbook, SUMMARY);

    expect(await runSummary(s.host, options)).toMatchObject({ sheetName: `${SUMMARY}(2)`, replaced: null });
    const clerks = s.workbook.getWorksheet(SUMMARY)!;
    expect(clerks.getCell('A1').value).toBe('我自己的汇总');
    expect(clerks.getCell(STAMP_ADDRESS).value).toBe('手工整理，请勿覆盖');

    // From then on the numbered sheet is the product's: regenerating (after save and reopen too) replaces it.
    s = await s.reopen();
    expect(await runSummary(s.host, options)).toMatchObject({ sheetName: `${SUMMARY}(2)`, replaced: `${SUMMARY}(2)` });
    expect(await runReport(s.host, { ...options, soonDays: 10 })).toMatchObject({ summary: { sheetName: `${SUMMARY}(2)`, replaced: `${SUMMARY}(2)` } });
    expect(s.workbook.getWorksheet(SUMMARY)!.getCell('A1').value).toBe('我自己的汇总');
    expect(sheetNames(s.workbook).filter((n) => n.startsWith(SUMMARY)).sort()).toEqual([SUMMARY, `${SUMMARY}(2)`]);
  });

  it('the one-step report keeps the clerk’s same-named sheet too', async () => {
    const s = await make();
    await runReport(s.host, { ...options, soonDays: 10 });
    clerkReplaces(s.workbook, SUMMARY);
    expect(await runReport(s.host, { ...options, soonDays: 10 })).toMatchObject({ summary: { sheetName: `${SUMMARY}(2)`, replaced: null } });
    expect(s.workbook.getWorksheet(SUMMARY)!.getCell('A1').value).toBe('我自己的汇总');
  });

  it('leaves a summary the clerk renamed to the clerk (the state no longer names it) and writes a new one', async () => {
    const s = await make();
    await runSummary(s.host, options);
    s.workbook.getWorksheet(SUMMARY)!.name = '汇总（打印用）';
    expect(await runSummary(s.host, options)).toMatchObject({ sheetName: SUMMARY, replaced: null });
    expect(sheetNames(s.workbook)).toContain('汇总（打印用）');
  });
});

describe('a summary recorded under a name the first read did not probe', () => {
  async function counted(): Promise<{ host: XlsxHost; counting: WorkbookHost; reads: () => number }> {
    const host = XlsxHost.fromWorkbook(await loadWorkbook(SAMPLES.returns));
    let reads = 0;
    const counting: WorkbookHost = {
      capabilities: host.capabilities,
      read: (r) => (reads++, host.read(r)),
      readStyles: (sheet, ranges) => host.readStyles(sheet, ranges),
      apply: (changes) => host.apply(changes),
      select: () => host.select(),
    };
    return { host, counting, reads: () => reads };
  }

  it('is checked by one more read, then replaced', async () => {
    const { host, counting, reads } = await counted();
    await runSummary(host, { ...options, sheetName: '年中汇总' });
    // Without a sheet name the first read probes 落实情况汇总 and its numbered variants, not 年中汇总.
    expect(await runSummary(counting, options)).toMatchObject({ replaced: '年中汇总', sheetName: SUMMARY });
    // The stamp read, then the read of the earlier summary for the clerk's cells.
    expect(reads()).toBe(3);
    expect(sheetNames(host.workbook)).not.toContain('年中汇总');
  });

  it('is left alone when the clerk has made a sheet of that name since', async () => {
    const { host, counting } = await counted();
    await runSummary(host, { ...options, sheetName: '年中汇总' });
    clerkReplaces(host.workbook, '年中汇总');
    expect(await runSummary(counting, options)).toMatchObject({ replaced: null, sheetName: SUMMARY });
    expect(host.workbook.getWorksheet('年中汇总')!.getCell('A1').value).toBe('我自己的汇总');
  });

  it('probed under the name asked for costs no extra stamp read', async () => {
    const { host, counting, reads } = await counted();
    await runSummary(host, { ...options, sheetName: '年中汇总' });
    expect(await runSummary(counting, { ...options, sheetName: '年中汇总' })).toMatchObject({ replaced: '年中汇总' });
    // The check's read, and the read of the sheet being replaced (for the clerk's cells on it).
    expect(reads()).toBe(2);
  });
});
