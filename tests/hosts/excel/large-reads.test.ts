/**
 * Reads that hit Excel's documented limits, through ExcelHost on the simulator with the web's 5 MB limit:
 *  - a first window whose response is over 5 MB (long CJK cells) is asked again and read in smaller windows;
 *  - a stray value far from the table (XFD1, A1048576, XFD1048576) makes the used range huge (up to 17 billion
 *    cells, past the five-million-cell range limit): only the table's own extent is read, and check says what
 *    was left out.
 * Results are compared with the xlsx host, which reads the file without any limit.
 */
import ExcelJS from 'exceljs';
import { XlsxHost } from '../../../src/hosts/xlsx';
import { extentProbes, firstWindowRect, tableExtent, windowRows, MAX_WINDOW_CELLS } from '../../../src/hosts/excel/read-plan';
import { runCheck } from '../../../src/workflows/check';
import { runClear } from '../../../src/workflows/clear';
import { runHighlight } from '../../../src/workflows/highlight';
import { WEB_PAYLOAD_LIMIT_BYTES } from '../../../src/simulator';
import { API_LEVELS, SAMPLES, loadWorkbook, rig } from '../../support/excel-rig';

const CJK = '推进政务公开标准化规范化建设加强政策解读回应社会关切';

function longCjkSheet(rows: number, cellChars: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('长文本');
  const text = CJK.repeat(Math.ceil(cellChars / CJK.length)).slice(0, cellChars);
  for (let r = 1; r <= rows; r++) {
    ws.getCell(r, 1).value = `${r}${text.slice(String(r).length)}`;
    ws.getCell(r, 2).value = text;
  }
  return wb;
}

async function withStray(address: string): Promise<ExcelJS.Workbook> {
  const wb = await loadWorkbook(SAMPLES.allocation);
  wb.worksheets[0].getCell(address).value = '误输入';
  return wb;
}

describe.each(API_LEVELS)('reads at the web limits, ExcelApi %s', (level) => {
  it('reads 1 500 rows of 1 200 CJK characters (≈ 5.4 MB) although the first window is refused', async () => {
    const r = rig(longCjkSheet(1500, 600), { apiVersion: level });
    const { grid } = await r.host.read();
    const want = (await XlsxHost.fromWorkbook(longCjkSheet(1500, 600)).read()).grid!;
    expect(grid!.values).toEqual(want.values);
    // The first window really was refused: the simulator measured an answer over 5 MB and sent none.
    expect(r.sim.stats.maxResponseBytes).toBeGreaterThan(WEB_PAYLOAD_LIMIT_BYTES);
    // refused first sync, first sync again without the window, then windows of ≤ 4 MB: 2 of them
    expect(r.sim.stats.syncs).toBeLessThanOrEqual(5);
  });

  it('reads 1 500 rows of 2 × 1 200 CJK characters (≈ 10.8 MB) in windows under the limit', async () => {
    const r = rig(longCjkSheet(1500, 1200), { apiVersion: level });
    const { grid } = await r.host.read();
    expect(grid!.values.length).toBe(1500);
    expect(grid!.values[1499][1]).toHaveLength(1200);
    // refused first sync, first sync again without the window, at most one window refused (its size is a guess:
    // a refusal only says "over 5 MB"), then windows of ≤ 4 MB: 3 for 10.8 MB
    expect(r.sim.stats.syncs).toBeLessThanOrEqual(7);
  });

  it.each([
    ['XFD1', ['XFD 列']],
    ['A1048576', ['第 1048576 行']],
    ['XFD1048576', ['第 1048576 行', 'XFD 列']],
  ])('reads only the table when a stray value sits at %s, and says so', async (stray, named) => {
    const r = rig(await withStray(stray), { apiVersion: level });
    const xlsx = XlsxHost.fromWorkbook(await loadWorkbook(SAMPLES.allocation));
    const want = (await xlsx.read()).grid!;
    const check = await runCheck(r.host);
    const grid = check.snapshot.grid!;
    expect(grid.values).toEqual(want.values);
    expect(grid.usedRangeBeyondGrid).toBeDefined();
    const finding = check.analysis.findings.find((f) => f.code === 'sheet.far_content_ignored');
    expect(finding?.severity).toBe('warning');
    for (const where of named) expect(finding?.message.zh).toContain(where);
    expect(finding?.message.zh).toMatch(/^工作表的已用区域为 A1:[A-Z]+\d+，远大于表格本身（A1:F56）。.*未读取/);
    expect(check.analysis.tasks).toHaveLength((await runCheck(xlsx)).analysis.tasks.length);
    // No response near either limit, and a bounded number of round trips (first sync, extent probe).
    expect(r.sim.stats.maxResponseBytes).toBeLessThan(WEB_PAYLOAD_LIMIT_BYTES * 0.8);
    expect(r.sim.stats.syncs).toBeLessThanOrEqual(3);
  });

  it('reads only the table on desktop too (no payload limit, the five-million-cell limit still applies)', async () => {
    const r = rig(await withStray('XFD1048576'), { apiVersion: level, payloadLimitBytes: null });
    const want = (await XlsxHost.fromWorkbook(await loadWorkbook(SAMPLES.allocation)).read()).grid!;
    const { grid } = await r.host.read();
    expect(grid!.values).toEqual(want.values);
    expect(grid!.usedRangeBeyondGrid).toEqual({ top: 0, left: 0, bottom: 1_048_575, right: 16_383 });
    expect(r.sim.stats.syncs).toBeLessThanOrEqual(3);
  });

  it('highlights and clears a sheet with a value at XFD1048576, leaving the stray cell alone', async () => {
    const r = rig(await withStray('XFD1048576'), { apiVersion: level });
    const highlight = await runHighlight(r.host, { asOf: '2022-09-15' });
    expect(highlight.colouredCells).toBeGreaterThan(0);
    const cleared = await runClear(r.host);
    expect(cleared.restoredCells).toBe(highlight.colouredCells);
    expect(r.sim.workbook.worksheets[0].getCell('XFD1048576').value).toBe('误输入');
  });
});

describe('a row over the web limit on its own', () => {
  it('fails with a clear zh-CN message naming the row, not a raw Excel error', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('超长');
    ws.getCell(1, 1).value = '序号';
    // 64 cells of 30 000 CJK characters: 5.8 MB in one row, which no window of whole rows can bring.
    for (let c = 1; c <= 64; c++) ws.getCell(2, c).value = CJK.repeat(Math.ceil(30_000 / CJK.length)).slice(0, 30_000);
    const r = rig(wb, {});
    await expect(r.host.read()).rejects.toMatchObject({ code: 'excel.row_too_large', message: expect.stringMatching(/^工作表“超长”的 A2:BL2 一行内容过多.*5 MB/) });
  });
});

describe('read planning', () => {
  it('takes the first window from the used range’s top-left block, never past the used range', () => {
    expect(firstWindowRect({ top: 2, left: 1, bottom: 9, right: 6 }, 2000, 64)).toEqual({ top: 2, left: 1, bottom: 9, right: 6 });
    expect(firstWindowRect({ top: 0, left: 0, bottom: 1_048_575, right: 16_383 }, 2000, 64)).toEqual({ top: 0, left: 0, bottom: 1999, right: 63 });
    // A table starting below the block: one row of it, never a range outside the sheet.
    expect(firstWindowRect({ top: 5000, left: 100, bottom: 6000, right: 120 }, 2000, 64)).toEqual({ top: 5000, left: 100, bottom: 5000, right: 100 });
  });

  it('ends the table at the first band of rows or columns without data', () => {
    const used = { top: 0, left: 0, bottom: 1_048_575, right: 16_383 };
    const probes = extentProbes(used);
    expect(probes.rows).toHaveLength(525);
    expect(probes.cols).toHaveLength(256);
    // Data in rows 0…2 499 and in the last row; in columns 0…7 and the last column.
    const lastRows = probes.rows.map((p) => (p.bottom >= 1_048_575 ? 1_048_575 : Math.min(p.bottom, 2499)));
    const lastCols = probes.cols.map((p) => (p.right >= 16_383 ? 16_383 : Math.min(p.right, 7)));
    expect(tableExtent(used, probes, lastRows, lastCols)).toEqual({ top: 0, left: 0, bottom: 2499, right: 7 });
  });

  it('sizes windows by bytes and by cells', () => {
    expect(windowRows(10_000, 8, 2000, 4_000_000)).toBe(2000);
    expect(windowRows(10_000, 16_384, 10, 4_000_000)).toBe(Math.floor(MAX_WINDOW_CELLS / 16_384));
    expect(windowRows(3, 8, 10, 4_000_000)).toBe(3);
    expect(windowRows(10, 8, 1e9, 4_000_000)).toBe(1);
  });
});
