/**
 * What makes a sheet the product describes (`SheetSpec`) writable in Excel: a valid name, ranges within the
 * grid, merged areas that do not overlap, cell text within Excel's limit, defined styles, and drop-down lists
 * within Excel's 255 characters. Every host runs it before it changes anything, so all refuse the same specs
 * with the same words.
 */
import { isValidIsoDate } from './dates';
import { UserFacingError } from './errors';
import { text } from './i18n';
import { isValidSheetName } from './product-sheets';
import type { SheetSpec } from './sheet-spec';
import type { CellRange } from './types';

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
/** Excel's limit on the characters (UTF-16 code units) one cell holds; it refuses (and "repairs" away) more. */
export const EXCEL_CELL_CHARS = 32_767;
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
        const key = row * MAX_COLS + col;
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
      if (typeof v === 'string' && v.length > EXCEL_CELL_CHARS) {
        throw invalidSpec(spec, `单元格文字超过 Excel 上限 ${EXCEL_CELL_CHARS} 个字符`, `a cell's text exceeds Excel's limit of ${EXCEL_CELL_CHARS} characters`);
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
