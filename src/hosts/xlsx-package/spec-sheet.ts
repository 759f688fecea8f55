/**
 * SheetSpec → worksheet XML, for the product's own sheets (summary, 回收情况, 单位名录, the state): values
 * as inline strings (so the shared-string table of the clerk's file is never touched), escaped as Excel
 * escapes them, formats added to the workbook's styles. Text is always a string cell, never a formula, and one
 * that starts with = + - @ carries Excel's quote prefix so editing it in Excel keeps it text.
 */
import { cellAddress, rangeAddress } from '../../domain/address';
import { isoToSerial } from '../../domain/dates';
import { headerFooterCode, type SheetSpec, type SpecStyle, type SpecValue } from '../../domain/sheet-spec';
import type { CellRange } from '../../domain/types';
import { DATE_FORMAT } from '../spec-rules';
import type { StyleSheet } from './styles';
import { encodeExcelText, escapeAttr, escapeXml } from './xml-text';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const FORMULA_START = /^[=+\-@]/;

const hex = (c: string): string => `FF${c.replace('#', '').toUpperCase()}`;

/** Builds xf indexes for spec styles (one per distinct style, date and quote flag). */
class SpecStyles {
  private readonly cache = new Map<string, number>();
  constructor(
    private readonly styles: StyleSheet,
    private readonly defaultFont: { name: string; size: number },
  ) {}

  /**
   * The same, by the style object itself: a summary's cells share a few dozen style objects, and a key text for
   * each of its hundreds of thousands of cells cost more than writing them.
   */
  private readonly byObject = new WeakMap<SpecStyle, number[]>();
  private readonly unstyled: number[] = [];

  xf(style: SpecStyle | undefined, flags: { date?: boolean; quote?: boolean; unlocked?: boolean }): number {
    const bits = (flags.date ? 1 : 0) | (flags.quote ? 2 : 0) | (flags.unlocked ? 4 : 0);
    let known = style ? this.byObject.get(style) : this.unstyled;
    if (known?.[bits] !== undefined) return known[bits];
    if (!known) this.byObject.set(style as SpecStyle, (known = []));
    return (known[bits] = this.xfByKey(style, flags));
  }

  private xfByKey(style: SpecStyle | undefined, flags: { date?: boolean; quote?: boolean; unlocked?: boolean }): number {
    const key = JSON.stringify([style ?? null, flags.date ?? false, flags.quote ?? false, flags.unlocked ?? false]);
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    const s = style ?? {};
    const p = this.styles.elementPrefix;
    const font =
      `<${p}font>${s.bold ? `<${p}b/>` : ''}${s.italic ? `<${p}i/>` : ''}<${p}sz val="${s.fontSize ?? this.defaultFont.size}"/>` +
      `${s.fontColor ? `<${p}color rgb="${hex(s.fontColor)}"/>` : `<${p}color theme="1"/>`}<${p}name val="${escapeAttr(this.defaultFont.name)}"/></${p}font>`;
    const fontId = this.styles.addFont(font);
    const fillId = s.fill ? this.styles.addFill(`<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${hex(s.fill)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`) : 0;
    const side = (n: string): string => `<${p}${n} style="thin"><${p}color rgb="FFBFBFBF"/></${p}${n}>`;
    const borderId = s.border ? this.styles.addBorder(`<${p}border>${side('left')}${side('right')}${side('top')}${side('bottom')}<${p}diagonal/></${p}border>`) : 0;
    const code = s.numberFormat ?? (flags.date ? DATE_FORMAT : null);
    const numFmtId = code ? this.styles.addNumFmt(code) : 0;
    let children = '';
    let attrs = `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"`;
    if (numFmtId) attrs += ' applyNumberFormat="1"';
    attrs += ' applyFont="1"';
    if (fillId) attrs += ' applyFill="1"';
    if (borderId) attrs += ' applyBorder="1"';
    if (flags.quote) attrs += ' quotePrefix="1"';
    if (s.wrap || s.horizontal || s.vertical) {
      attrs += ' applyAlignment="1"';
      const vertical = s.vertical === 'middle' ? 'center' : s.vertical;
      children += `<${p}alignment${s.horizontal ? ` horizontal="${s.horizontal}"` : ''}${vertical ? ` vertical="${vertical}"` : ''}${s.wrap ? ' wrapText="1"' : ''}/>`;
    }
    if (flags.unlocked) {
      attrs += ' applyProtection="1"';
      children += `<${p}protection locked="0"/>`;
    }
    const id = this.styles.addXf(children ? `<${p}xf ${attrs}>${children}</${p}xf>` : `<${p}xf ${attrs}/>`);
    this.cache.set(key, id);
    return id;
  }
}

/** A string cell's XML (inline string). */
export function inlineStringCell(ref: string, value: string, xf: number | null): string {
  const t = encodeExcelText(value);
  const space = /^\s|\s$|\n/.test(t) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${xf ? ` s="${xf}"` : ''} t="inlineStr"><is><t${space}>${escapeXml(t)}</t></is></c>`;
}

export function valueCell(ref: string, value: SpecValue, xf: number | null): string {
  const s = xf ? ` s="${xf}"` : '';
  if (value === null) return `<c r="${ref}"${s}/>`;
  if (typeof value === 'string') return inlineStringCell(ref, value, xf);
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : `<c r="${ref}"${s}/>`;
  return `<c r="${ref}"${s}><v>${isoToSerial(value.date)}</v></c>`;
}

function inAny(ranges: CellRange[], row: number, col: number): boolean {
  return ranges.some((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right);
}

export interface SpecSheetXml {
  xml: string;
  /** The print-titles defined name's formula (`'Sheet'!$1:$3`), when the spec repeats rows on each page. */
  printTitles: string | null;
}

export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function specSheetXml(spec: SheetSpec, styles: StyleSheet, defaultFont: { name: string; size: number }): SpecSheetXml {
  const specStyles = new SpecStyles(styles, spec.font ?? defaultFont);
  const unlocked = spec.protection?.unlocked ?? [];
  const hidden = new Set(spec.hiddenRows ?? []);
  const heights = spec.rowHeights ?? {};
  // Loops, not Math.max(...): a 100 000-row ledger hides too many rows to spread as arguments.
  let rowCount = spec.rows.length;
  let maxUnlockedCol = -1;
  for (const r of unlocked) {
    rowCount = Math.max(rowCount, r.bottom + 1);
    maxUnlockedCol = Math.max(maxUnlockedCol, r.right);
  }
  for (const r of hidden) rowCount = Math.max(rowCount, r + 1);
  for (const r of Object.keys(heights)) rowCount = Math.max(rowCount, Number(r) + 1);
  const out: string[] = [];
  out.push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`);
  const fit = spec.print?.fitToWidth;
  if (fit) out.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  const freeze = spec.freeze && (spec.freeze.rows || spec.freeze.cols) ? spec.freeze : null;
  if (freeze) {
    const pane = freeze.rows && freeze.cols ? 'bottomRight' : freeze.rows ? 'bottomLeft' : 'topRight';
    const split = `${freeze.cols ? ` xSplit="${freeze.cols}"` : ''}${freeze.rows ? ` ySplit="${freeze.rows}"` : ''}`;
    out.push(`<sheetViews><sheetView workbookViewId="0"><pane${split} topLeftCell="${cellAddress(freeze.rows, freeze.cols)}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/></sheetView></sheetViews>`);
  } else out.push('<sheetViews><sheetView workbookViewId="0"/></sheetViews>');
  out.push('<sheetFormatPr defaultRowHeight="15"/>');
  const widths = spec.columnWidths.map((w, i) => (w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : '')).join('');
  if (widths) out.push(`<cols>${widths}</cols>`);
  out.push('<sheetData>');
  for (let r = 0; r < rowCount; r++) {
    const cells = spec.rows[r] ?? [];
    const parts: string[] = [];
    const width = Math.max(cells.length, unlocked.length ? maxUnlockedCol + 1 : 0);
    for (let c = 0; c < width; c++) {
      const cell = cells[c];
      const open = unlocked.length > 0 && inAny(unlocked, r, c);
      if (!cell && !open) continue;
      const v = cell?.v ?? null;
      if (v === null && cell?.s === undefined && !spec.font && !open) continue;
      const style = cell?.s ? spec.styles[cell.s] : undefined;
      const isDate = v !== null && typeof v === 'object';
      const xf = specStyles.xf(style, { date: isDate, quote: typeof v === 'string' && FORMULA_START.test(v), unlocked: open });
      parts.push(valueCell(cellAddress(r, c), v, xf));
    }
    const h = heights[r];
    const attrs = `${h ? ` ht="${h}" customHeight="1"` : ''}${hidden.has(r) ? ' hidden="1"' : ''}`;
    if (parts.length || attrs) out.push(`<row r="${r + 1}"${attrs}>${parts.join('')}</row>`);
  }
  out.push('</sheetData>');
  if (spec.protection) {
    out.push('<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"/>');
  }
  if (spec.merges.length) out.push(`<mergeCells count="${spec.merges.length}">${spec.merges.map((m) => `<mergeCell ref="${rangeAddress(m)}"/>`).join('')}</mergeCells>`);
  (spec.dataBars ?? []).forEach((bar, i) => {
    out.push(
      `<conditionalFormatting sqref="${rangeAddress(bar.range)}"><cfRule type="dataBar" priority="${i + 1}"><dataBar><cfvo type="num" val="0"/><cfvo type="max"/><color rgb="${hex(bar.color)}"/></dataBar></cfRule></conditionalFormatting>`,
    );
  });
  const validations: string[] = [];
  for (const d of spec.dropdowns ?? []) {
    validations.push(`<dataValidation type="list" allowBlank="1" showErrorMessage="0" sqref="${rangeAddress(d.range)}"><formula1>${escapeXml(`"${d.options.join(',')}"`)}</formula1></dataValidation>`);
  }
  for (const r of spec.dateInputs ?? []) {
    validations.push(
      `<dataValidation type="date" errorStyle="warning" operator="between" allowBlank="1" showErrorMessage="1" errorTitle="${escapeAttr('日期 / Date')}" error="${escapeAttr('请填写日期，如 2022-07-20 / Enter a date such as 2022-07-20')}" sqref="${rangeAddress(r)}"><formula1>${isoToSerial('1990-01-01')}</formula1><formula2>${isoToSerial('2100-12-31')}</formula2></dataValidation>`,
    );
  }
  if (validations.length) out.push(`<dataValidations count="${validations.length}">${validations.join('')}</dataValidations>`);
  const print = spec.print;
  if (print?.centerHorizontally) out.push('<printOptions horizontalCentered="1"/>');
  const m = print?.margins ?? { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
  out.push(`<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`);
  if (print) {
    const scale = print.fitToWidth ? '' : ` scale="${print.scale ?? 100}"`;
    const fitAttrs = print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : '';
    out.push(`<pageSetup paperSize="9"${scale}${fitAttrs} orientation="${print.landscape ? 'landscape' : 'portrait'}"/>`);
    const header = print.header ? headerFooterCode(print.header) : '';
    const footer = print.footer ? headerFooterCode(print.footer) : '';
    if (header || footer) out.push(`<headerFooter>${header ? `<oddHeader>${escapeXml(header)}</oddHeader>` : ''}${footer ? `<oddFooter>${escapeXml(footer)}</oddFooter>` : ''}</headerFooter>`);
    const breaks = (print.rowBreaks ?? []).filter((r) => r > 0);
    if (breaks.length) out.push(`<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join('')}</rowBreaks>`);
  }
  out.push('</worksheet>');
  const repeat = print?.repeatRows;
  const printTitles = repeat ? `${quoteSheetName(spec.name)}!$${repeat[0] + 1}:$${repeat[1] + 1}` : null;
  return { xml: out.join(''), printTitles };
}

