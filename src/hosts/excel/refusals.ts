/** Excel's refusals in words the clerk can act on, and the host's own refusals of a change. */
import { UserFacingError } from '../../domain/errors';
import { text } from '../../domain/i18n';

/** The Office.js error code of a failed batch (`ItemNotFound`, `AccessDenied` …), or null. */
export function codeOf(e: unknown): string | null {
  return e && typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : null;
}

/** Excel's refusals that the clerk can resolve, in words; anything else passes through unchanged. */
export function explainRefusal(e: unknown): unknown {
  switch (codeOf(e)) {
    case 'AccessDenied':
      return new UserFacingError(
        'excel.access_denied',
        text(
          '工作表受保护或工作簿为只读，无法修改。请先撤销工作表保护（审阅 → 撤销工作表保护），或另存一份后再试。',
          'The sheet is protected or the workbook is read-only, so it cannot be changed. Unprotect the sheet (Review → Unprotect Sheet) or save a copy, then try again.',
        ),
      );
    case 'InvalidOperationInCellEditMode':
      return new UserFacingError(
        'excel.cell_edit_mode',
        text('Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后再试。', 'Excel is editing a cell. Press Enter or Esc to finish editing, then try again.'),
      );
    default:
      return e;
  }
}

export function sheetExists(spec: string): UserFacingError {
  return new UserFacingError('excel.sheet_exists', text(`已有名为“${spec}”的工作表，未覆盖`, `A sheet named "${spec}" already exists and was not overwritten`));
}

export function unknownSheet(name: string): UserFacingError {
  return new UserFacingError('excel.unknown_sheet', text(`工作簿中没有名为“${name}”的工作表`, `The workbook has no sheet named "${name}"`));
}

export function badAddress(address: string): UserFacingError {
  return new UserFacingError('excel.bad_address', text(`单元格地址无效：${address}`, `Not a cell address: ${address}`));
}

export function invalidDate(iso: string): UserFacingError {
  return new UserFacingError('excel.invalid_date', text(`日期无效：${iso}`, `Invalid date: ${iso}`));
}
