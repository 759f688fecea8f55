/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node"]}
 *
 * The preview's grid as drawn: hidden rows and columns are left out and the headers keep the sheet's numbers.
 * (ExcelJS's uuid has only an ES-module browser build, so the Node export condition is asked for.)
 */
import { render, screen } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { WorkbookGrid } from '../../src/preview/WorkbookGrid';

test('the row and column headers skip the hidden numbers and letters, as Excel does', () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务分工');
  for (let r = 1; r <= 4; r++) for (let c = 1; c <= 3; c++) ws.getCell(r, c).value = `${r}-${c}`;
  ws.getRow(3).hidden = true;
  ws.getColumn(2).hidden = true;

  render(<WorkbookGrid workbook={wb} sheet="任务分工" onSheet={() => {}} selection={null} version={0} lang="zh-CN" charts={[]} />);

  expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['A', 'C']);
  expect(screen.getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['1', '2', '4']);
  expect(screen.queryByText('3-1')).toBeNull();
  expect(screen.queryByText('1-2')).toBeNull();
  expect(screen.getByText('4-3')).toBeTruthy();
});
