/**
 * Re-running 汇总 replaces the product's summary but keeps what the clerk typed on it: a 主任批示 line under the
 * tables, a 备注 column beside them, a note in a cell the product left blank — through the xlsx host and through
 * ExcelHost on the simulator, after save and reopen (the record of written cells travels in the file).
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { parseWrittenCells, writtenCells } from '../../src/domain/clerk-additions';
import { parseState } from '../../src/domain/workbook-state';
import { XlsxHost } from '../../src/hosts/xlsx';
import { PackageHost } from '../../src/hosts/xlsx-package/package-host';
import { runReport } from '../../src/workflows/report';
import { runSummary } from '../../src/workflows/summary';
import type { WorkbookHost } from '../../src/ports/workbook-host';
import { rig } from '../support/excel-rig';

const RETURNS = path.resolve(__dirname, '../../samples/liangjiang-2022-returns.xlsx');
const SUMMARY = '落实情况汇总';

/** Row (1-based) after the last row holding anything. */
function lastUsedRow(ws: ExcelJS.Worksheet): number {
  let last = 0;
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (row.values && (row.values as unknown[]).some((v) => v !== null && v !== undefined && v !== '')) last = n;
  });
  return last;
}

function allTexts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => out.push(String(cell.value))));
  return out;
}

async function typeOnSummary(host: XlsxHost): Promise<{ below: number; beside: number }> {
  const ws = host.workbook.getWorksheet(SUMMARY)!;
  const below = lastUsedRow(ws) + 2;
  ws.getCell(below, 1).value = '主任批示：请各牵头单位于12月底前全部销号。';
  // Beside the tables, right of every column the product uses.
  const beside = ws.columnCount + 2;
  ws.getCell(5, beside).value = '备注：第7项已电话督办';
  return { below, beside };
}

describe('re-running 汇总 keeps the clerk’s cells', () => {
  it('keeps a line typed below and a note beside the summary, at the same distance from the new area', async () => {
    const host = await XlsxHost.open(RETURNS);
    await runSummary(host, { asOf: '2022-09-15', generatedAt: '2022-09-15 09:00' });
    const typed = await typeOnSummary(host);
    // typeOnSummary leaves one empty row between the tables and the line.
    const gapBelow = 2;
    const reopened = await XlsxHost.open(await host.toBuffer());

    const second = await runSummary(reopened, { asOf: '2022-12-31', generatedAt: '2023-01-05 09:00' });
    expect(second.replaced).toBe(SUMMARY);
    expect(second.warnings.map((w) => w.zh).join()).toContain('手工填写的 2 个单元格已保留');

    const ws = reopened.workbook.getWorksheet(SUMMARY)!;
    expect(ws.getCell(5, typed.beside).value).toBe('备注：第7项已电话督办');
    const texts = allTexts(ws);
    expect(texts).toContain('主任批示：请各牵头单位于12月底前全部销号。');
    expect(texts.join()).toContain('截至2022年12月31日');
    // The batch line sits the same distance under the new tables as it did under the old ones.
    const last = lastUsedRow(ws);
    expect(ws.getCell(last, 1).value).toBe('主任批示：请各牵头单位于12月底前全部销号。');
    let productLast = last - 1;
    while (productLast > 0 && !(ws.getRow(productLast).values as unknown[]).some((v) => v !== null && v !== undefined && v !== '')) productLast--;
    expect(last - productLast).toBe(gapBelow);
  });

  it('a third run keeps them again, and a clerk cell whose place the new figures take is listed with its address', async () => {
    const host = await XlsxHost.open(RETURNS);
    await runSummary(host, { asOf: '2022-09-15', generatedAt: '2022-09-15 09:00' });
    const ws = host.workbook.getWorksheet(SUMMARY)!;
    // A blank cell inside the product's area that a later summary fills: find one the product left empty in a
    // row it writes, and that the state's record says it did not write.
    const record = parseState(String(host.workbook.getWorksheet('_allocation_state')!.getCell('A1').value)).state.productSheets.find((p) => p.name === SUMMARY)!;
    const area = parseWrittenCells(record.written)!;
    expect(area).not.toBeNull();
    expect(area.has(0, 0)).toBe(true);
    ws.getCell(4, 9).value = '手写：待核实';
    expect(area.has(3, 8)).toBe(false);

    await runSummary(host, { asOf: '2022-12-31', generatedAt: '2023-01-05 09:00' });
    await runSummary(host, { asOf: '2022-12-31', generatedAt: '2023-01-06 09:00' });
    const texts = allTexts(host.workbook.getWorksheet(SUMMARY)!);
    expect(texts.filter((t) => t.includes('手写：待核实'))).toHaveLength(1);
  });

  it('a summary never touched by the clerk is replaced with nothing added, and report keeps the cells too', async () => {
    const host = await XlsxHost.open(RETURNS);
    await runSummary(host, { asOf: '2022-09-15', generatedAt: '2022-09-15 09:00' });
    const again = await runSummary(host, { asOf: '2022-09-15', generatedAt: '2022-09-16 09:00' });
    expect(again.warnings.filter((w) => w.zh.includes('手工填写'))).toEqual([]);

    await typeOnSummary(host);
    const report = await runReport(host, { asOf: '2022-12-31', generatedAt: '2023-01-05 09:00' });
    expect(report.summary.warnings.map((w) => w.zh).join()).toContain('已保留');
    expect(allTexts(host.workbook.getWorksheet(SUMMARY)!)).toContain('主任批示：请各牵头单位于12月底前全部销号。');
  });

  it.each(['1.1', '1.20'])('through ExcelHost on the simulator at ExcelApi %s: the same cells are kept', async (apiVersion) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(RETURNS);
    const { host, sim } = rig(wb, { apiVersion });
    await runSummary(host as WorkbookHost, { asOf: '2022-09-15', generatedAt: '2022-09-15 09:00' });
    const ws = sim.workbook.getWorksheet(SUMMARY)!;
    const below = lastUsedRow(ws) + 3;
    ws.getCell(below, 2).value = '主任批示：同意';
    await runSummary(host as WorkbookHost, { asOf: '2022-12-31', generatedAt: '2023-01-05 09:00' });
    expect(allTexts(sim.workbook.getWorksheet(SUMMARY)!)).toContain('主任批示：同意');
  });

  it('through the package host (the CLI’s): the cells are kept, and the summary’s own cells are the new figures', async () => {
    const first = PackageHost.open(new Uint8Array(fs.readFileSync(RETURNS)));
    await runSummary(first, { asOf: '2022-09-15', generatedAt: '2022-09-15 09:00' });
    // The clerk opens the file in Excel, types a line under the tables and a note beside them, and saves.
    const typedIn = new ExcelJS.Workbook();
    await typedIn.xlsx.load(Buffer.from(first.toBytes()) as unknown as ArrayBuffer);
    const ws = typedIn.getWorksheet(SUMMARY)!;
    const below = lastUsedRow(ws) + 2;
    ws.getCell(below, 1).value = '主任批示：请各牵头单位于12月底前全部销号。';
    const beside = ws.columnCount + 2;
    ws.getCell(5, beside).value = '备注：第7项已电话督办';
    const saved = new Uint8Array(await typedIn.xlsx.writeBuffer());

    const again = PackageHost.open(saved);
    const second = await runSummary(again, { asOf: '2022-12-31', generatedAt: '2023-01-05 09:00' });
    expect(second.replaced).toBe(SUMMARY);
    expect(second.warnings.map((w) => w.zh).join()).toContain('手工填写的 2 个单元格已保留');
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(Buffer.from(again.toBytes()) as unknown as ArrayBuffer);
    const after = out.getWorksheet(SUMMARY)!;
    expect(after.getCell(5, beside).value).toBe('备注：第7项已电话督办');
    expect(after.getCell(lastUsedRow(after), 1).value).toBe('主任批示：请各牵头单位于12月底前全部销号。');
    const texts = allTexts(after);
    expect(texts.join()).toContain('截至2022年12月31日');
    expect(texts.join()).not.toContain('截至2022年9月15日');
  });

  it('encodes uniform rows briefly and falls back to the rectangle for huge irregular areas', () => {
    const rows = Array.from({ length: 1000 }, () => [{ v: 'a' }, { v: 'b' }, { v: null }, { v: 'c' }]);
    const text = writtenCells({ name: 'x', marker: 'summary', rows, merges: [], columnWidths: [], styles: {} });
    expect(text).toBe('0-999:0-1,3');
    const area = parseWrittenCells(text)!;
    expect([area.has(500, 1), area.has(500, 2), area.has(1000, 0), area.lastRow]).toEqual([true, false, false, 999]);
    const irregular = Array.from({ length: 5000 }, (_, r) => Array.from({ length: 8 }, (_, c) => ({ v: (r + c) % 3 ? 'x' : null })));
    expect(writtenCells({ name: 'x', marker: 'summary', rows: irregular, merges: [], columnWidths: [], styles: {} })).toBe('#5000x8');
    expect(parseWrittenCells('garbage')).toBeNull();
    expect(parseWrittenCells(42)).toBeNull();
  });
});
