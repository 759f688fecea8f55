/**
 * The generated samples and layout fixtures carry row heights that fit their wrapped text, as a clerk's
 * file does: a generated file without them prints every long measure over the rows below it.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { fittedRowHeight } from '../../src/domain/text-metrics';
import { fitWrappedRows } from '../../scripts/workbook-kit';
import { buildAllocationWorkbook, loadReturns, loadSeed } from '../../scripts/make-samples';

const ROOT = path.resolve(__dirname, '../..');

async function open(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(path.join(ROOT, file)) as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

/** Every unmerged wrapped cell from `firstRow` down fits the height of its row. */
function expectWrappedCellsFit(ws: ExcelJS.Worksheet, firstRow: number): number {
  const merged = new Set<string>();
  for (const ref of (ws.model as { merges?: string[] }).merges ?? []) {
    const [a, b] = ref.split(':').map((addr) => ws.getCell(addr));
    for (let r = Number(a.row); r <= Number(b.row); r++) for (let c = Number(a.col); c <= Number(b.col); c++) merged.add(`${r},${c}`);
  }
  let checked = 0;
  for (let r = firstRow; r <= ws.rowCount; r++) {
    ws.getRow(r).eachCell((cell, c) => {
      if (!cell.alignment?.wrapText || !cell.text || merged.has(`${r},${c}`)) return;
      expect({ row: r, col: c, height: ws.getRow(r).height }).toEqual({ row: r, col: c, height: expect.any(Number) });
      expect(ws.getRow(r).height).toBeGreaterThanOrEqual(fittedRowHeight(cell.text, ws.getColumn(c).width ?? 8.43, cell.font?.size ?? 11));
      checked++;
    });
  }
  return checked;
}

describe('generated workbooks fit their wrapped text', () => {
  it.each(['samples/liangjiang-2022.xlsx', 'samples/liangjiang-2022-returns.xlsx'])('%s: every measure row is tall enough', async (file) => {
    expect(expectWrappedCellsFit(await open(file), 3)).toBeGreaterThan(54 * 4);
  });

  it.each(fs.readdirSync(path.join(ROOT, 'tests/fixtures/layouts')).filter((n) => n.endsWith('.xlsx')))('layout fixture %s', async (file) => {
    expect(expectWrappedCellsFit(await open(`tests/fixtures/layouts/${file}`), 1)).toBeGreaterThan(0);
  });

  it('spreads what a cell merged down several rows lacks over those rows, and adds nothing when they are tall enough', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('t');
    ws.columns = [{ width: 5 }, { width: 40 }];
    const wrap = { wrapText: true } as const;
    Object.assign(ws.getCell('A1'), { value: '一二三四五六七八九十', alignment: wrap });
    ws.mergeCells('A1:A2');
    Object.assign(ws.getCell('B1'), { value: '短', alignment: wrap });
    Object.assign(ws.getCell('B2'), { value: '短', alignment: wrap });
    Object.assign(ws.getCell('A3'), { value: '甲', alignment: wrap });
    ws.mergeCells('A3:A4');
    Object.assign(ws.getCell('B3'), { value: '一'.repeat(60), alignment: wrap });
    Object.assign(ws.getCell('B4'), { value: '短', alignment: wrap });
    fitWrappedRows(ws);
    const height = (r: number) => ws.getRow(r).height;
    expect(height(1)).toBe(height(2));
    expect(height(1) + height(2)).toBeGreaterThanOrEqual(fittedRowHeight('一二三四五六七八九十', 5));
    expect(height(3)).toBe(fittedRowHeight('一'.repeat(60), 40));
    expect(height(4)).toBe(fittedRowHeight('短', 40));
  });

  it('the sample generator gives the same heights every time', () => {
    const heights = () => {
      const ws = buildAllocationWorkbook(loadSeed(), loadReturns()).worksheets[0];
      return Array.from({ length: ws.rowCount }, (_, i) => ws.getRow(i + 1).height);
    };
    expect(heights()).toEqual(heights());
  });
});
