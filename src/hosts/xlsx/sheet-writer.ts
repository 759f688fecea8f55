/**
 * SheetSpec → ExcelJS worksheet: the product's own sheets (summary, 回收情况, 单位名录, return copies).
 * Strings are always written as text — ExcelJS only makes a formula from a {formula} object, so a cell
 * reading '=SUM(A1)' stays the literal string the spec holds.
 */
import ExcelJS from 'exceljs';
import { rangeAddress } from '../../domain/address';
import { isValidIsoDate } from '../../domain/dates';
import { UserFacingError } from '../../domain/errors';
import { text } from '../../domain/i18n';
import { isValidSheetName } from '../../domain/product-sheets';
import { headerFooterCode, type PrintSpec, type SheetSpec, type SpecStyle, type SpecValue } from '../../domain/sheet-spec';
import type { CellRange } from '../../domain/types';

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
export const DATE_FORMAT = 'yyyy-mm-dd';
/** Excel refuses (and "repairs" away) a cell holding more characters than this. */
export const MAX_CELL_CHARS = 32_767;
/** Excel's limit for an inline list in data validation (the quoted, comma-joined options). */
const MAX_INLINE_LIST_CHARS = 255;

/** '#RRGGBB' → ExcelJS's opaque 'FFRRGGBB'. */
export function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

export function isValidRange(r: CellRange): boolean {
  return (
    [r.top, r.left, r.bottom, r.right].every((n) => Number.isInteger(n) && n >= 0) &&
    r.bottom >= r.top &&
    r.right >= r.left &&
    r.bottom < MAX_ROWS &&
    r.right < MAX_COLS
  );
}

function invalidSpec(spec: SheetSpec, why: string, whyEn: string): UserFacingError {
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

/**
 * Merges the spec's areas (validateSpec has ruled out overlaps). ExcelJS's mergeCells compares every new
 * area with every earlier one — quadratic: a 100 000-row summary's ledger of merged rows took many minutes —
 * so each area is merged against an empty merge index and then added to the sheet's real one.
 */
function mergeAreas(ws: ExcelJS.Worksheet, merges: readonly CellRange[]): void {
  const sheet = ws as unknown as { _merges: Record<string, unknown> };
  const all = sheet._merges;
  try {
    for (const m of merges) {
      sheet._merges = {};
      ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
      Object.assign(all, sheet._merges);
    }
  } finally {
    sheet._merges = all;
  }
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

/**
 * ExcelJS keeps range-wide validations on `worksheet.dataValidations` (one entry per range, unlike the
 * per-cell `cell.dataValidation`); its type definitions omit the property.
 */
function sheetValidations(ws: ExcelJS.Worksheet): { add(address: string, validation: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
}

function inlineList(options: string[]): string {
  return `"${options.join(',')}"`;
}

/** A date as ExcelJS wants it: UTC midnight, which it turns into a whole serial. */
export function isoToUtcDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** The value ExcelJS should store for a spec/cell write. Strings go in as strings, never as formulas. */
export function excelValue(v: SpecValue): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === 'object') return isoToUtcDate(v.date);
  return v;
}

function excelStyle(style: SpecStyle | undefined, defaultFont: SheetSpec['font']): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = {};
  if (defaultFont) Object.assign(font, { name: defaultFont.name, size: defaultFont.size });
  if (style?.bold) font.bold = true;
  if (style?.italic) font.italic = true;
  if (style?.fontSize) font.size = style.fontSize;
  if (style?.fontColor) font.color = { argb: argb(style.fontColor) };
  if (Object.keys(font).length) out.font = font;
  if (style?.fill) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
  if (style?.wrap || style?.horizontal || style?.vertical) {
    out.alignment = { wrapText: style.wrap ?? false, horizontal: style.horizontal, vertical: style.vertical };
  }
  if (style?.border) {
    const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };
    out.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (style?.numberFormat) out.numFmt = style.numberFormat;
  return out;
}

/** Page setup, print titles, manual page breaks and the header/footer: what the sheet looks like on paper. */
function writePrintSetup(ws: ExcelJS.Worksheet, print: PrintSpec): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4 is the only paper size the product offers
    orientation: print.landscape ? 'landscape' : 'portrait',
    fitToPage: print.fitToWidth,
    fitToWidth: print.fitToWidth ? 1 : undefined,
    fitToHeight: print.fitToWidth ? 0 : undefined,
    scale: print.fitToWidth ? ws.pageSetup.scale : (print.scale ?? 100),
    printTitlesRow: print.repeatRows ? `${print.repeatRows[0] + 1}:${print.repeatRows[1] + 1}` : undefined,
    margins: print.margins ? { ...print.margins } : ws.pageSetup.margins,
    horizontalCentered: print.centerHorizontally ?? false,
  } as ExcelJS.PageSetup;
  // ExcelJS breaks below a row; the spec names the row that starts the new page.
  for (const r of print.rowBreaks ?? []) if (r > 0) ws.getRow(r).addPageBreak();
  const header = print.header ? headerFooterCode(print.header) : '';
  const footer = print.footer ? headerFooterCode(print.footer) : '';
  if (header || footer) ws.headerFooter = { ...ws.headerFooter, ...(header ? { oddHeader: header } : {}), ...(footer ? { oddFooter: footer } : {}) };
}

/** Writes the spec into a new worksheet of `wb` (the caller has validated it and removed any sheet it replaces). */
export function writeSpecSheet(wb: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const views: Partial<ExcelJS.WorksheetView>[] = spec.freeze && (spec.freeze.rows || spec.freeze.cols)
    ? [{ state: 'frozen', xSplit: spec.freeze.cols, ySplit: spec.freeze.rows }]
    : [{ state: 'normal' }];
  const ws = wb.addWorksheet(spec.name, { state: spec.hidden ?? 'visible', views });

  spec.columnWidths.forEach((width, i) => {
    if (width > 0) ws.getColumn(i + 1).width = width;
  });
  for (const [row, height] of Object.entries(spec.rowHeights ?? {})) ws.getRow(Number(row) + 1).height = height;

  const styleCache = new Map<string | undefined, Partial<ExcelJS.Style>>();
  spec.rows.forEach((cells, r) => {
    cells.forEach((cell, c) => {
      if (cell.v === null && cell.s === undefined && !spec.font) return;
      if (!styleCache.has(cell.s)) styleCache.set(cell.s, excelStyle(cell.s ? spec.styles[cell.s] : undefined, spec.font));
      const target = ws.getCell(r + 1, c + 1);
      target.value = excelValue(cell.v);
      // Each cell gets its own copy: ExcelJS mutates style objects in place when a property is set later.
      const style = structuredClone(styleCache.get(cell.s) ?? {});
      if (cell.v !== null && typeof cell.v === 'object' && !style.numFmt) style.numFmt = DATE_FORMAT;
      target.style = style;
    });
  });

  mergeAreas(ws, spec.merges);

  for (const r of spec.hiddenRows ?? []) ws.getRow(r + 1).hidden = true;

  if (spec.print) writePrintSetup(ws, spec.print);

  (spec.dataBars ?? []).forEach((bar, i) => {
    ws.addConditionalFormatting({
      ref: rangeAddress(bar.range),
      rules: [
        {
          type: 'dataBar',
          priority: i + 1,
          gradient: false,
          cfvo: [{ type: 'num', value: 0 }, { type: 'max' }],
          color: { argb: argb(bar.color) },
        } as ExcelJS.DataBarRuleType,
      ],
    });
  });

  for (const d of spec.dropdowns ?? []) {
    const address = rangeAddress(d.range);
    sheetValidations(ws).add(address, { type: 'list', allowBlank: true, showErrorMessage: false, formulae: [inlineList(d.options)] });
  }

  for (const r of spec.dateInputs ?? []) {
    // A warning, not a stop: the clerk's reader flags anything that is still not a date.
    sheetValidations(ws).add(rangeAddress(r), {
      type: 'date',
      operator: 'between',
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: '日期 / Date',
      error: '请填写日期，如 2022-07-20 / Enter a date such as 2022-07-20',
      formulae: [isoToUtcDate('1990-01-01'), isoToUtcDate('2100-12-31')],
    });
  }

  if (spec.protection) {
    for (const r of spec.protection.unlocked) {
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) {
          const cell = ws.getCell(row + 1, col + 1);
          cell.style = { ...cell.style, protection: { locked: false } };
        }
      }
    }
    // No password: the protection guards against slips, not people (a clerk must be able to lift it).
    void ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
  // ExcelJS cannot create charts; callers that want a chart in the CLI get data bars from the spec instead.
  return ws;
}

/** A new workbook holding the given sheets, in order (split writes one per unit). */
export function writeSpecsToWorkbook(specs: SheetSpec[]): ExcelJS.Workbook {
  const names = new Set<string>();
  for (const spec of specs) {
    validateSpec(spec);
    const key = spec.name.toLowerCase();
    if (names.has(key)) throw invalidSpec(spec, '同名工作表重复', 'two sheets have this name');
    names.add(key);
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = '任务分工助手';
  for (const spec of specs) writeSpecSheet(wb, spec);
  return wb;
}
