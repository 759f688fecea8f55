/** The preview's drawing of a worksheet: merges become spans, colours and number formats show as in Excel. */
import ExcelJS from 'exceljs';
import { displayNumber, drawSheet, MAX_DRAWN_ROWS } from '../../src/preview/WorkbookGrid';

describe('displayNumber', () => {
  test.each([
    [0.2407407407, '0.0%', '24.1%'],
    [0.625, '0%', '63%'],
    [1234567.891, '#,##0.00', '1,234,567.89'],
    [54, '0', '54'],
    [0.1 + 0.2, 'General', '0.3'],
    [3, undefined, '3'],
  ])('%p in %p shows as %p', (value, format, shown) => {
    expect(displayNumber(value, format)).toBe(shown);
  });
});

describe('drawSheet', () => {
  test('merged cells span, followers are skipped, fills and fonts are read, formulas show their result', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('任务分工');
    ws.getCell('A1').value = '两江新区2022年政务公开重点工作任务分工';
    ws.mergeCells('A1:C1');
    ws.getCell('A2').value = '逾期';
    ws.getCell('A2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
    ws.getCell('A2').font = { color: { argb: 'FF9C0006' }, bold: true };
    ws.getCell('B2').value = { formula: 'A3/A4', result: 0.5 } as ExcelJS.CellFormulaValue;
    ws.getCell('B2').numFmt = '0.0%';
    ws.getColumn(1).width = 20;

    const drawn = drawSheet(ws);
    expect(drawn.rows[0]).toHaveLength(1);
    expect(drawn.rows[0][0]).toMatchObject({ address: 'A1', colSpan: 3, rowSpan: 1, text: '两江新区2022年政务公开重点工作任务分工' });
    expect(drawn.rows[1][0]).toMatchObject({ address: 'A2', fill: '#FFC7CE', font: '#9C0006', bold: true, text: '逾期' });
    expect(drawn.rows[1][1]).toMatchObject({ address: 'B2', fill: null, font: null, text: '50.0%' });
    expect(drawn.widths[0]).toBe(20 * 7 + 5);
    expect(drawn.truncated).toBe(false);
  });

  test('very long sheets are cut and say so', () => {
    const ws = new ExcelJS.Workbook().addWorksheet('长表');
    ws.getCell(MAX_DRAWN_ROWS + 10, 1).value = 'x';
    const drawn = drawSheet(ws);
    expect(drawn.rows).toHaveLength(MAX_DRAWN_ROWS);
    expect(drawn.truncated).toBe(true);
  });

  test('hidden rows and columns are not drawn, and the headers keep the sheet\'s own numbers and letters', () => {
    const ws = new ExcelJS.Workbook().addWorksheet('任务分工');
    for (let r = 1; r <= 5; r++) for (let c = 1; c <= 4; c++) ws.getCell(r, c).value = `${r}-${c}`;
    ws.getRow(2).hidden = true;
    ws.getRow(4).height = 0;
    ws.getColumn(2).hidden = true;

    const drawn = drawSheet(ws);
    expect(drawn.rowNumbers).toEqual([0, 2, 4]);
    expect(drawn.columnNumbers).toEqual([0, 2, 3]);
    expect(drawn.widths).toHaveLength(3);
    expect(drawn.heights).toHaveLength(3);
    expect(drawn.rows.map((cells) => cells.map((c) => c.address))).toEqual([
      ['A1', 'C1', 'D1'],
      ['A3', 'C3', 'D3'],
      ['A5', 'C5', 'D5'],
    ]);
    expect(drawn.rows[1][1].text).toBe('3-3');
  });

  test('a merge spans only its shown rows and columns, and shows its value even when its first row is hidden', () => {
    const ws = new ExcelJS.Workbook().addWorksheet('任务分工');
    ws.getCell('A1').value = '标题';
    ws.mergeCells('A1:C3');
    ws.getCell('A5').value = '藏起';
    ws.mergeCells('A5:B5');
    ws.getRow(1).hidden = true;
    ws.getRow(5).hidden = true;
    ws.getColumn(2).hidden = true;

    const drawn = drawSheet(ws);
    expect(drawn.rowNumbers).toEqual([1, 2, 3]);
    expect(drawn.rows[0][0]).toMatchObject({ address: 'A2', text: '标题', rowSpan: 2, colSpan: 2 });
    expect(drawn.rows[1]).toEqual([]);
    expect(drawn.rows.flat().map((c) => c.text)).not.toContain('藏起');
  });

  test('hidden rows do not count towards the drawing limit', () => {
    const ws = new ExcelJS.Workbook().addWorksheet('长表');
    for (let r = 1; r <= MAX_DRAWN_ROWS + 10; r++) ws.getCell(r, 1).value = r;
    for (let r = 1; r <= 10; r++) ws.getRow(r).hidden = true;
    const drawn = drawSheet(ws);
    expect(drawn.rows).toHaveLength(MAX_DRAWN_ROWS);
    expect(drawn.rowNumbers[0]).toBe(10);
    expect(drawn.truncated).toBe(false);
  });
});
