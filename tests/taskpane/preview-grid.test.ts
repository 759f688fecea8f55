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
});
