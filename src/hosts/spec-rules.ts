/**
 * The rules every host applies before it writes: what a valid range, sheet spec and change are. Pure code,
 * shared by the ExcelJS host and the package host so both refuse the same things with the same words.
 */
import { cellAddress, columnLetter } from '../domain/address';
import { isValidIsoDate } from '../domain/dates';
import { UserFacingError } from '../domain/errors';
import { text } from '../domain/i18n';
import { isValidSheetName } from '../domain/product-sheets';
import type { SheetSpec } from '../domain/sheet-spec';
import type { CellRange } from '../domain/types';
import { STATE_SHEET_NAME } from '../domain/workbook-state';
import type { WorkbookChange } from '../ports/workbook-host';

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
export const DATE_FORMAT = 'yyyy-mm-dd';
/** Excel refuses (and "repairs" away) a cell holding more characters than this. */
export const MAX_CELL_CHARS = 32_767;
/** Excel's limit for an inline list in data validation (the quoted, comma-joined options). */
const MAX_INLINE_LIST_CHARS = 255;

export function isValidRange(r: CellRange): boolean {
  return (
    [r.top, r.left, r.bottom, r.right].every((n) => Number.isInteger(n) && n >= 0) &&
    r.bottom >= r.top &&
    r.right >= r.left &&
    r.bottom < MAX_ROWS &&
    r.right < MAX_COLS
  );
}

export function invalidSpec(spec: SheetSpec, why: string, whyEn: string): UserFacingError {
  return new UserFacingError('xlsx.invalid_sheet_spec', text(`无法生成工作表“${spec.name}”：${why}`, `Cannot create sheet "${spec.name}": ${whyEn}`));
}

/** The first merged area that shares a cell with an earlier one, or null (linear in the merged cells). */
function overlappingMerge(merges: readonly CellRange[]): CellRange | null {
  const covered = new Set<number>();
  for (const m of merges) {
    for (let row = m.top; row <= m.bottom; row++) {
      for (let col = m.left; col <= m.right; col++) {
        const key = row * 16_384 + col;
        if (covered.has(key)) return m;
        covered.add(key);
      }
    }
  }
  return null;
}

/** Everything that could make writing the spec fail, checked before anything is changed. */
export function validateSpec(spec: SheetSpec): void {
  if (!isValidSheetName(spec.name)) {
    throw new UserFacingError(
      'xlsx.invalid_sheet_name',
      text(`工作表名称无效：“${spec.name}”（1–31 个字符，不能含 : \\ / ? * [ ]）`, `Invalid sheet name "${spec.name}" (1–31 characters, none of : \\ / ? * [ ])`),
    );
  }
  const ranges = [...spec.merges, ...(spec.dataBars ?? []).map((d) => d.range), ...(spec.dropdowns ?? []).map((d) => d.range), ...(spec.dateInputs ?? []), ...(spec.protection?.unlocked ?? [])];
  const bad = ranges.find((r) => !isValidRange(r));
  if (bad) throw invalidSpec(spec, `区域超出工作表范围 ${JSON.stringify(bad)}`, `range outside the sheet ${JSON.stringify(bad)}`);
  const overlap = overlappingMerge(spec.merges);
  if (overlap) throw invalidSpec(spec, `合并区域重叠 ${JSON.stringify(overlap)}`, `overlapping merged areas ${JSON.stringify(overlap)}`);
  for (const row of spec.rows) {
    for (const cell of row) {
      const v = cell.v;
      if (v !== null && typeof v === 'object' && !isValidIsoDate(v.date)) {
        throw invalidSpec(spec, `日期无效“${v.date}”`, `invalid date "${v.date}"`);
      }
      if (typeof v === 'string' && v.length > MAX_CELL_CHARS) {
        throw invalidSpec(spec, `单元格文字超过 Excel 上限 ${MAX_CELL_CHARS} 个字符`, `a cell's text exceeds Excel's limit of ${MAX_CELL_CHARS} characters`);
      }
      if (cell.s !== undefined && !spec.styles[cell.s]) throw invalidSpec(spec, `未定义的样式“${cell.s}”`, `undefined style "${cell.s}"`);
    }
  }
  for (const d of spec.dropdowns ?? []) {
    if (d.options.some((o) => /[",]/.test(o)) || inlineList(d.options).length > MAX_INLINE_LIST_CHARS) {
      throw invalidSpec(spec, '下拉选项含逗号或引号，或总长度超过 255 个字符', 'dropdown options contain commas or quotes, or exceed 255 characters');
    }
  }
}

export function inlineList(options: string[]): string {
  return `"${options.join(',')}"`;
}


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
          if (typeof w.value === 'string' && w.value.length > MAX_CELL_CHARS) {
            throw new UserFacingError(
              'xlsx.text_too_long',
              text(`${cellAddress(w.row, w.col)} 的文字超过 Excel 上限 ${MAX_CELL_CHARS} 个字符`, `The text for ${cellAddress(w.row, w.col)} exceeds Excel's limit of ${MAX_CELL_CHARS} characters`),
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
