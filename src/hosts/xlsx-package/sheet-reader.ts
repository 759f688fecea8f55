/**
 * One worksheet part read with saxes: every cell's value as Excel means it and its format index, the rows'
 * hidden flags and formats, the columns' formats and the merged areas. Pure code, no Node APIs.
 */
import { SaxesParser } from 'saxes';
import { columnIndex, parseAddress } from '../../domain/address';
import { isExcelDateSerial, serialToIso } from '../../domain/dates';
import type { CellRange, CellValue } from '../../domain/types';
import type { StyleSheet } from './styles';
import { decodeExcelText } from './xml-text';

export interface SheetRow {
  /** Columns (0-based, ascending as the file has them), their values and their format index. */
  cols: number[];
  values: CellValue[];
  styles: number[];
  hidden: boolean;
  /** The row's own format (`s` with customFormat), applied to cells the row does not hold. */
  style: number | null;
}

export interface SheetModel {
  rows: Map<number, SheetRow>;
  merges: CellRange[];
  /** Column formats: [first, last, xf] (0-based, inclusive). */
  colStyles: [number, number, number][];
}

const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;
/** Days from 1900-01-00 (1900 system) to 1904-01-01 (1904 system). */
const DATE1904_OFFSET = 1_462;

/** A number under a date format: the 1900-system serial exactly as written, and the day Excel shows. */
export function dateValue(serial1900: number): CellValue {
  if (!Number.isFinite(serial1900)) return null;
  if (isExcelDateSerial(serial1900)) return { kind: 'date', iso: serialToIso(serial1900), serial: serial1900 };
  // Before 1900 (a time of day alone, a negative number) Excel shows no calendar date; say which day it counts from.
  const d = new Date(Math.round((serial1900 - UNIX_EPOCH_SERIAL) * MS_PER_DAY));
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

/** A cell reference's column and row, 0-based; null when it is not one. */
function cellRef(ref: string): [number, number] | null {
  let i = 0;
  while (i < ref.length && ref.charCodeAt(i) >= 65) i++;
  const col = columnIndex(ref.slice(0, i));
  const row = Number(ref.slice(i)) - 1;
  return col < 0 || !Number.isInteger(row) || row < 0 ? null : [col, row];
}

export interface ReadContext {
  sharedStrings: () => string[];
  styles: StyleSheet;
  date1904: boolean;
}

export function readSheetXml(xml: string, ctx: ReadContext): SheetModel {
  const rows = new Map<number, SheetRow>();
  const merges: CellRange[] = [];
  const colStyles: [number, number, number][] = [];
  const parser = new SaxesParser({ position: false });

  let row: SheetRow | null = null;
  let rowIndex = -1;
  let col = -1;
  let type = '';
  let style = 0;
  let text = '';
  let inValue = false;
  let inInline = false;
  let inPhonetic = false;
  let inText = false;
  let valueText: string | null = null;
  let inlineText: string | null = null;
  let inSheetData = false;

  const finishCell = (): void => {
    if (!row) return;
    let value: CellValue = null;
    if (type === 'inlineStr') value = inlineText !== null ? decodeExcelText(inlineText) : null;
    else if (valueText !== null) {
      const v = valueText;
      if (type === 's') value = ctx.sharedStrings()[Number(v)] ?? null;
      else if (type === 'str') value = decodeExcelText(v);
      else if (type === 'b') value = v.trim() === '1' || v.trim() === 'true';
      else if (type === 'e') value = { kind: 'error', code: v.trim() };
      else if (type === 'd') {
        const t = Date.parse(v.trim().length <= 10 ? `${v.trim()}T00:00:00Z` : /Z|[+-]\d\d:?\d\d$/.test(v.trim()) ? v.trim() : `${v.trim()}Z`);
        value = Number.isNaN(t) ? v : dateValue(t / MS_PER_DAY + UNIX_EPOCH_SERIAL);
      } else if (v.trim() !== '') {
        const n = Number(v);
        if (Number.isFinite(n)) value = ctx.styles.isDateXf(style) ? dateValue(ctx.date1904 ? n + DATE1904_OFFSET : n) : n;
      }
    }
    row.cols.push(col);
    row.values.push(value);
    row.styles.push(style);
  };

  parser.on('opentag', (node) => {
    const name = node.name.slice(node.name.indexOf(':') + 1);
    const a = node.attributes as Record<string, string>;
    if (inSheetData) {
      switch (name) {
        case 'row': {
          rowIndex = a.r ? Number(a.r) - 1 : rowIndex + 1;
          const custom = a.customFormat === '1' || a.customFormat === 'true';
          row = rows.get(rowIndex) ?? { cols: [], values: [], styles: [], hidden: false, style: null };
          row.hidden = a.hidden === '1' || a.hidden === 'true';
          row.style = custom && a.s ? Number(a.s) : null;
          rows.set(rowIndex, row);
          col = -1;
          return;
        }
        case 'c': {
          const ref = a.r ? cellRef(a.r) : null;
          col = ref ? ref[0] : col + 1;
          type = a.t ?? 'n';
          style = a.s ? Number(a.s) || 0 : 0;
          valueText = null;
          inlineText = null;
          return;
        }
        case 'v':
          inValue = true;
          text = '';
          return;
        case 'is':
          inInline = true;
          inlineText = '';
          return;
        case 'rPh':
          inPhonetic = true;
          return;
        case 't':
          if (inInline && !inPhonetic) {
            inText = true;
            text = '';
          }
          return;
        default:
          return;
      }
    }
    if (name === 'sheetData') inSheetData = !node.isSelfClosing;
    else if (name === 'mergeCell' && a.ref) {
      const r = parseAddress(a.ref);
      if (r) merges.push(r);
    } else if (name === 'col' && a.style && Number(a.style) > 0) {
      colStyles.push([Number(a.min) - 1, Number(a.max) - 1, Number(a.style)]);
    }
  });
  parser.on('text', (t) => {
    if (inValue || inText) text += t;
  });
  parser.on('cdata', (t) => {
    if (inValue || inText) text += t;
  });
  parser.on('closetag', (node) => {
    const name = node.name.slice(node.name.indexOf(':') + 1);
    if (!inSheetData) return;
    switch (name) {
      case 'v':
        inValue = false;
        valueText = text;
        return;
      case 't':
        if (inText) {
          inText = false;
          inlineText += text;
        }
        return;
      case 'rPh':
        inPhonetic = false;
        return;
      case 'is':
        inInline = false;
        return;
      case 'c':
        finishCell();
        return;
      case 'row':
        row = null;
        return;
      case 'sheetData':
        inSheetData = false;
        return;
      default:
        return;
    }
  });
  parser.write(xml).close();
  for (const r of rows.values()) sortRow(r);
  return { rows, merges, colStyles };
}

/** Cells are ascending in a file Excel wrote; a hand-made file may not be (or repeat a cell: the last wins). */
function sortRow(r: SheetRow): void {
  let sorted = true;
  for (let i = 1; i < r.cols.length; i++) if (r.cols[i] <= r.cols[i - 1]) sorted = false;
  if (sorted) return;
  const byCol = new Map<number, number>();
  r.cols.forEach((c, i) => byCol.set(c, i));
  const order = [...byCol.entries()].sort((x, y) => x[0] - y[0]).map(([, i]) => i);
  r.values = order.map((i) => r.values[i]);
  r.styles = order.map((i) => r.styles[i]);
  r.cols = order.map((i) => r.cols[i]);
}

/** xl/sharedStrings.xml: each item's text, rich-text runs joined, phonetic guides left out, escapes decoded. */
export function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const parser = new SaxesParser({ position: false });
  let current: string | null = null;
  let inText = false;
  let inPhonetic = false;
  parser.on('opentag', (node) => {
    const name = node.name.slice(node.name.indexOf(':') + 1);
    if (name === 'si') current = '';
    else if (name === 'rPh') inPhonetic = true;
    else if (name === 't' && current !== null && !inPhonetic) inText = !node.isSelfClosing;
  });
  parser.on('text', (t) => {
    if (inText) current += t;
  });
  parser.on('cdata', (t) => {
    if (inText) current += t;
  });
  parser.on('closetag', (node) => {
    const name = node.name.slice(node.name.indexOf(':') + 1);
    if (name === 't') inText = false;
    else if (name === 'rPh') inPhonetic = false;
    else if (name === 'si') {
      out.push(decodeExcelText(current ?? ''));
      current = null;
    }
  });
  parser.write(xml).close();
  return out;
}
