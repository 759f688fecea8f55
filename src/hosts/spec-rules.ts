/**
 * The rules the file hosts apply to a batch of changes before they write: the sheets named exist, cells are in
 * the grid, colours, dates, widths and texts are ones Excel takes. Pure code, shared by the ExcelJS host and
 * the package host so both refuse the same things with the same words; a sheet spec by `validateSpec`, which
 * every host runs.
 */
import { cellAddress, columnLetter } from '../domain/address';
import { isValidIsoDate } from '../domain/dates';
import { UserFacingError } from '../domain/errors';
import { text } from '../domain/i18n';
import { EXCEL_CELL_CHARS, isValidRange, validateSpec } from '../domain/sheet-spec-rules';
import type { CellRange } from '../domain/types';
import { STATE_SHEET_NAME } from '../domain/workbook-state';
import type { WorkbookChange } from '../ports/workbook-host';

export const DATE_FORMAT = 'yyyy-mm-dd';

export function unknownSheet(name: string): UserFacingError {
  return new UserFacingError('xlsx.unknown_sheet', text(`工作簿中没有名为“${name}”的工作表`, `The workbook has no sheet named "${name}"`));
}

export function invalidRange(sheet: string, r: CellRange): UserFacingError {
  return new UserFacingError('xlsx.invalid_range', text(`工作表“${sheet}”中的区域无效：${JSON.stringify(r)}`, `Invalid range on sheet "${sheet}": ${JSON.stringify(r)}`));
}

/** Every check that could fail, run against the sheet names as each change would leave them (nothing is changed yet). */
export function validateChanges(sheetNames: string[], changes: WorkbookChange[], stateSheetName = STATE_SHEET_NAME): void {
  const names = new Set(sheetNames.map((n) => n.toLowerCase()));
  const need = (sheet: string): void => {
    if (!names.has(sheet.toLowerCase())) throw unknownSheet(sheet);
  };
  const needCell = (sheet: string, cell: { row: number; col: number }): void => {
    const r: CellRange = { top: cell.row, left: cell.col, bottom: cell.row, right: cell.col };
    if (!isValidRange(r)) throw invalidRange(sheet, r);
  };
  for (const change of changes) {
    switch (change.kind) {
      case 'colour': {
        need(change.sheet);
        const bad = change.ranges.find((r) => !isValidRange(r));
        if (bad) throw invalidRange(change.sheet, bad);
        if (!/^#?[0-9a-fA-F]{6}$/.test(change.fill) || !/^#?[0-9a-fA-F]{6}$/.test(change.font)) {
          throw new UserFacingError('xlsx.invalid_colour', text(`颜色无效：${change.fill} / ${change.font}`, `Invalid colour: ${change.fill} / ${change.font}`));
        }
        break;
      }
      case 'restore': {
        need(change.sheet);
        for (const s of change.styles) needCell(change.sheet, s);
        break;
      }
      case 'cells': {
        need(change.sheet);
        for (const w of change.writes) {
          needCell(change.sheet, w);
          if (w.styleFrom) needCell(change.sheet, w.styleFrom);
          if (typeof w.value === 'string' && w.value.length > EXCEL_CELL_CHARS) {
            throw new UserFacingError(
              'xlsx.text_too_long',
              text(`${cellAddress(w.row, w.col)} 的文字超过 Excel 上限 ${EXCEL_CELL_CHARS} 个字符`, `The text for ${cellAddress(w.row, w.col)} exceeds Excel's limit of ${EXCEL_CELL_CHARS} characters`),
            );
          }
          if (w.value !== null && typeof w.value === 'object' && !isValidIsoDate(w.value.date)) {
            throw new UserFacingError('xlsx.invalid_date', text(`日期无效：${w.value.date}（${cellAddress(w.row, w.col)}）`, `Invalid date: ${w.value.date} (${cellAddress(w.row, w.col)})`));
          }
        }
        break;
      }
      case 'sheet': {
        validateSpec(change.spec);
        const replaced = change.replaces?.toLowerCase() ?? null;
        if (replaced) names.delete(replaced);
        const key = change.spec.name.toLowerCase();
        if (names.has(key)) {
          throw new UserFacingError(
            'xlsx.sheet_exists',
            text(`已有名为“${change.spec.name}”的工作表，未覆盖`, `A sheet named "${change.spec.name}" already exists and was not overwritten`),
          );
        }
        names.add(key);
        break;
      }
      case 'headerFooter':
        need(change.sheet);
        break;
      case 'columnWidths':
        need(change.sheet);
        for (const w of change.widths) {
          needCell(change.sheet, { row: 0, col: w.col });
          // Excel's own bounds for a column width, in characters.
          if (!(w.width > 0 && w.width <= 255)) {
            throw new UserFacingError('xlsx.invalid_width', text(`列宽无效：${w.width}（${columnLetter(w.col)} 列）`, `Invalid column width: ${w.width} (column ${columnLetter(w.col)})`));
          }
        }
        break;
      case 'deleteSheet':
        need(change.sheet);
        names.delete(change.sheet.toLowerCase());
        break;
      case 'state':
        names.add(stateSheetName.toLowerCase());
        break;
    }
  }
}
