/**
 * The coloured 任务分工 sheet on paper: 标色 prints the legend in the header and the as-of date with page numbers in
 * the footer — checked in the written file's raw <headerFooter> (ECMA-376 §18.3.1.46) — and 清除标色 puts back the
 * header and footer the clerk had, through the xlsx host and through ExcelHost on the simulator.
 */
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { legendLine, reconcilePrinted, restorePrinted, validPrintedRecord, MAX_HEADER_FOOTER_CHARS } from '../../src/domain/highlight-print';
import { DEFAULT_COLOURS } from '../../src/domain/colours';
import { countStates } from '../../src/domain/row-state';
import { EMPTY_HEADER_FOOTER, type PageHeaderFooter } from '../../src/domain/sheet-spec';
import { XlsxHost } from '../../src/hosts/xlsx';
import { runClear } from '../../src/workflows/clear';
import { runHighlight } from '../../src/workflows/highlight';
import { runReport } from '../../src/workflows/report';
import { loadWorkbook, rig, SAMPLES } from '../support/excel-rig';

const SHEET = '任务分工';
const AS_OF = '2022-09-15';

async function sheetXml(host: XlsxHost, sheet: string): Promise<string> {
  const zip = await JSZip.loadAsync(await host.toBuffer());
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1];
  return zip.file(`xl/${target.replace(/^\/?xl\//, '')}`)!.async('string');
}

function xmlText(xml: string, tag: string): string | null {
  const m = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml);
  return m ? m[1].replace(/&amp;/g, '&').replace(/&quot;/g, '"') : null;
}

async function returnsWithClerkHeader(): Promise<ExcelJS.Workbook> {
  const wb = await loadWorkbook(SAMPLES.returns);
  wb.getWorksheet(SHEET)!.headerFooter = { oddHeader: '&L附件1&C旧标题&R内部资料', oddFooter: '&C第 &P 页' };
  return wb;
}

describe('the legend line', () => {
  const counts = { ...countStates([]), overdue: 3, done: 13, done_late: 2, on_track: 3, ongoing: 31 };

  it('names each coloured state that occurs, a square in its fill and the name in its font colour', () => {
    const line = legendLine(counts, DEFAULT_COLOURS, 'zh-CN');
    expect(line).toBe('标色说明：&KC6EFCE■&K006100按期完成\u3000&KFCE4D6■&K833C0B逾期完成\u3000&KFFC7CE■&K9C0006逾期\u3000&KEDEDED■&K404040长期/常态');
    // 正常推进 has no colour by default, 临期 and 滞后 no rows: neither is listed.
    expect(line).not.toMatch(/正常推进|临期|滞后/);
    expect(legendLine(counts, DEFAULT_COLOURS, 'en-US')).toMatch(/^Colours: &KC6EFCE■&K006100Done on time {2}/);
  });

  it('stays within Excel’s 255 characters', () => {
    const all = { ...countStates([]), overdue: 1, due_soon: 1, behind: 1, done: 1, done_late: 1, on_track: 1, ongoing: 1, unknown: 1 };
    const everyColour = Object.fromEntries(Object.keys(all).map((s) => [s, { fill: '#112233', font: '#445566' }])) as never;
    expect(legendLine(all, everyColour, 'en-US').length).toBeLessThanOrEqual(MAX_HEADER_FOOTER_CHARS);
    expect(legendLine(all, everyColour, 'zh-CN').length).toBeLessThanOrEqual(MAX_HEADER_FOOTER_CHARS);
  });
});

describe('saving and restoring the clerk’s header and footer', () => {
  const options = { asOf: AS_OF, soonDays: 10, counts: { ...countStates([]), overdue: 1 }, colours: DEFAULT_COLOURS, lang: 'zh-CN' as const };
  const clerk: PageHeaderFooter = { header: { left: '附件1', center: '旧标题', right: '' }, footer: { left: '', center: '第 &P 页', right: '办公室' } };

  it('keeps the original across re-colouring while the sheet still prints the product’s legend', () => {
    const first = reconcilePrinted(clerk, undefined, options);
    expect(first.record.original).toEqual(clerk);
    expect(first.write).toEqual(first.record.applied);
    const again = reconcilePrinted(first.record.applied, first.record, { ...options, asOf: '2022-10-10' });
    expect(again.record.original).toEqual(clerk);
    expect(again.write!.footer.left).toBe('标色截至2022年10月10日（临期：10个工作日内）');
    expect(reconcilePrinted(first.record.applied, first.record, options).write).toBeNull();
  });

  it('takes a header the clerk changed since as the new original, and clear leaves a changed one alone', () => {
    const first = reconcilePrinted(EMPTY_HEADER_FOOTER, undefined, options);
    const edited = { ...first.record.applied, header: { ...first.record.applied.header, left: '主任审阅' } };
    expect(reconcilePrinted(edited, first.record, options).record.original).toEqual(edited);
    expect(restorePrinted(edited, first.record)).toBeNull();
    expect(restorePrinted(first.record.applied, first.record)).toEqual(EMPTY_HEADER_FOOTER);
  });

  it('drops the clerk’s side sections while printing when the line would pass Excel’s 255 characters', () => {
    const long: PageHeaderFooter = { header: { left: '甲'.repeat(120), center: '', right: '乙'.repeat(120) }, footer: { left: '', center: '', right: '丙' } };
    const { record } = reconcilePrinted(long, undefined, options);
    expect(record.applied.header).toEqual({ left: '', center: legendLine(options.counts, DEFAULT_COLOURS, 'zh-CN'), right: '' });
    expect(record.applied.footer.right).toBe('丙');
    expect(record.original).toEqual(long);
  });

  it('ignores a saved record edited out of shape', () => {
    const good = reconcilePrinted(clerk, undefined, options).record;
    expect(validPrintedRecord(JSON.parse(JSON.stringify(good)))).toEqual(good);
    expect(validPrintedRecord({ original: clerk })).toBeUndefined();
    expect(validPrintedRecord({ ...good, original: { ...clerk, footer: { ...clerk.footer, left: 7 } } })).toBeUndefined();
    expect(validPrintedRecord({ ...good, original: { ...clerk, header: { ...clerk.header, left: 'x'.repeat(256) } } })).toBeUndefined();
  });
});

describe('标色 and 清除标色 through the xlsx host', () => {
  it('writes the legend and the as-of date into the file, keeping the clerk’s own sections, and clear puts the rest back', async () => {
    const host = XlsxHost.fromWorkbook(await returnsWithClerkHeader());
    const result = await runHighlight(host, { asOf: AS_OF });
    expect(result.warnings).toEqual([]);
    const coloured = await sheetXml(host, SHEET);
    const header = xmlText(coloured, 'oddHeader')!;
    const footer = xmlText(coloured, 'oddFooter')!;
    expect(header).toBe(`&L附件1&C${legendLine(result.counts, DEFAULT_COLOURS, 'zh-CN')}&R内部资料`);
    expect(header).toContain('&KFFC7CE■&K9C0006逾期');
    expect(footer).toBe('&L标色截至2022年9月15日（临期：10个工作日内）&C第 &P 页 共 &N 页');

    const cleared = await runClear(host, { sheet: SHEET });
    expect(cleared.restoredHeaderFooter).toBe(true);
    const after = await sheetXml(host, SHEET);
    expect([xmlText(after, 'oddHeader'), xmlText(after, 'oddFooter')]).toEqual(['&L附件1&C旧标题&R内部资料', '&C第 &P 页']);
  });

  it('after colouring twice, clear puts back the sample’s own footer and no header', async () => {
    const host = XlsxHost.fromWorkbook(await loadWorkbook(SAMPLES.returns));
    const before = await sheetXml(host, SHEET);
    expect([xmlText(before, 'oddHeader'), xmlText(before, 'oddFooter')]).toEqual([null, '&C第 &P 页，共 &N 页']);
    await runHighlight(host, { asOf: AS_OF });
    await runHighlight(host, { asOf: '2022-10-10' });
    expect(xmlText(await sheetXml(host, SHEET), 'oddFooter')).toContain('标色截至2022年10月10日');
    await runClear(host, { sheet: SHEET });
    const after = await sheetXml(host, SHEET);
    expect([xmlText(after, 'oddHeader'), xmlText(after, 'oddFooter')]).toEqual([null, '&C第 &P 页，共 &N 页']);
  });

  it('report (标色 and 汇总 in one go) prints the same legend and date on the coloured sheet', async () => {
    const host = XlsxHost.fromWorkbook(await loadWorkbook(SAMPLES.returns));
    const { highlight } = await runReport(host, { asOf: AS_OF, generatedAt: '2022-09-15 09:00' });
    const xml = await sheetXml(host, SHEET);
    expect(xmlText(xml, 'oddHeader')).toBe(`&C${legendLine(highlight.counts, DEFAULT_COLOURS, 'zh-CN')}`);
    expect(xmlText(xml, 'oddFooter')).toBe('&L标色截至2022年9月15日（临期：10个工作日内）&C第 &P 页 共 &N 页');
  });

  it('prints the legend in English when asked', async () => {
    const host = XlsxHost.fromWorkbook(await loadWorkbook(SAMPLES.returns));
    await runHighlight(host, { asOf: AS_OF, lang: 'en-US' });
    const xml = await sheetXml(host, SHEET);
    expect(xmlText(xml, 'oddHeader')).toMatch(/^&CColours: /);
    expect(xmlText(xml, 'oddFooter')).toBe('&LColoured as of 2022-09-15 (due soon: within 10 working days)&CPage &P of &N');
  });
});

describe('标色 and 清除标色 through ExcelHost', () => {
  it('at ExcelApi 1.20 prints and restores exactly as the xlsx host does', async () => {
    const r = rig(await returnsWithClerkHeader(), { apiVersion: '1.20' });
    const xlsx = XlsxHost.fromWorkbook(await returnsWithClerkHeader());
    await runHighlight(r.host, { asOf: AS_OF });
    await runHighlight(xlsx, { asOf: AS_OF });
    expect(r.sim.workbook.getWorksheet(SHEET)!.headerFooter).toEqual(expect.objectContaining({ oddHeader: xlsx.workbook.getWorksheet(SHEET)!.headerFooter.oddHeader, oddFooter: xlsx.workbook.getWorksheet(SHEET)!.headerFooter.oddFooter }));
    expect((await runClear(r.host, { sheet: SHEET })).restoredHeaderFooter).toBe(true);
    expect(r.sim.workbook.getWorksheet(SHEET)!.headerFooter).toEqual(expect.objectContaining({ oddHeader: '&L附件1&C旧标题&R内部资料', oddFooter: '&C第 &P 页' }));
  });

  it('below ExcelApi 1.9 leaves the header and footer alone and says the printout has no legend', async () => {
    const r = rig(await returnsWithClerkHeader(), { apiVersion: '1.1' });
    const result = await runHighlight(r.host, { asOf: AS_OF });
    expect(result.warnings.map((w) => w.zh).join('')).toContain('不带标色说明和截至日期');
    expect(r.sim.workbook.getWorksheet(SHEET)!.headerFooter).toEqual(expect.objectContaining({ oddHeader: '&L附件1&C旧标题&R内部资料', oddFooter: '&C第 &P 页' }));
  });
});
