/**
 * SheetSpec → ExcelJS worksheet: the product's own sheets (summary, 回收情况, 单位名录, return copies).
 * Strings are always written as text — ExcelJS only makes a formula from a {formula} object, so a cell
 * reading '=SUM(A1)' stays the literal string the spec holds.
 */
import ExcelJS from 'exceljs';
import { rangeAddress } from '../../domain/address';
import { inlineList, invalidSpec, validateSpec } from '../../domain/sheet-spec-rules';
import { DATE_FORMAT } from '../spec-rules';
import { headerFooterCode, type PrintSpec, type SheetSpec, type SpecStyle, type SpecValue } from '../../domain/sheet-spec';
import type { CellRange } from '../../domain/types';


/** '#RRGGBB' → ExcelJS's opaque 'FFRRGGBB'. */
export function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
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

/**
 * ExcelJS keeps range-wide validations on `worksheet.dataValidations` (one entry per range, unlike the
 * per-cell `cell.dataValidation`); its type definitions omit the property.
 */
function sheetValidations(ws: ExcelJS.Worksheet): { add(address: string, validation: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
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
