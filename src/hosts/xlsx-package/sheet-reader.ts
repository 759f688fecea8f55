/**
 * One worksheet part read: every cell's value as Excel means it and its format index, the rows'
 * hidden flags and formats, the columns' formats and the merged areas. Pure code, no Node APIs.
 */
import { parseAddress } from '../../domain/address';
import { isExcelDateSerial, serialToIso } from '../../domain/dates';
import type { CellRange, CellValue } from '../../domain/types';
import type { StyleSheet } from './styles';
import { ascii, bytesAre, type CellTagAttrs, columnOfBytes, decodeUtf8, digitsOf, find, findElement, isNameEnd, plainValueAt, readCellAttrs, sheetDataTag, tagAttr } from './bytes';
import { decodeExcelText, readTag, unescapeXml } from './xml-text';

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

export interface ReadContext {
  sharedStrings: () => string[];
  styles: StyleSheet;
  date1904: boolean;
}

/**
 * The worksheet's cells, scanned by hand rather than through saxes: a 100 000-row sheet holds millions of
 * elements, and an event per element (each with its attribute object) costs several times the scan itself.
 * Inside sheetData no text or attribute holds a raw `<`, so each element starts at one; Excel writes no CDATA
 * there (a CDATA section in a cell would be read as text up to its first `<`).
 */
export function readSheetXml(xml: string, ctx: ReadContext): SheetModel {
  const rows = new Map<number, SheetRow>();
  const prefix = /<(\w+:)?worksheet\b/.exec(xml)?.[1] ?? '';
  const open = new RegExp(`<${prefix}sheetData\\b[^>]*?(/?)>`).exec(xml);
  const dataStart = open ? open.index + open[0].length : xml.length;
  const closeTag = `</${prefix}sheetData>`;
  const dataEnd = open && open[1] !== '/' ? xml.indexOf(closeTag, dataStart) : dataStart;
  if (dataEnd < 0) throw new Error('sheetData is not closed');

  const rowOpen = `<${prefix}row`;
  const cellOpen = `<${prefix}c`;
  const cellClose = `</${prefix}c>`;
  const rowClose = `</${prefix}row>`;
  const boundary = (at: number): boolean => {
    const ch = xml.charCodeAt(at);
    return ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13;
  };
  let rowIndex = -1;
  let pos = dataStart;
  while (pos < dataEnd) {
    const at = xml.indexOf(rowOpen, pos);
    if (at < 0 || at >= dataEnd) break;
    if (!boundary(at + rowOpen.length)) {
      pos = at + 1;
      continue;
    }
    const tag = readTag(xml, at);
    const a = tag.attrs;
    rowIndex = a.r ? Number(a.r) - 1 : rowIndex + 1;
    const custom = a.customFormat === '1' || a.customFormat === 'true';
    const row = rows.get(rowIndex) ?? { cols: [], values: [], styles: [], hidden: false, style: null };
    row.hidden = a.hidden === '1' || a.hidden === 'true';
    row.style = custom && a.s ? Number(a.s) : null;
    rows.set(rowIndex, row);
    if (tag.selfClosing) {
      pos = tag.end;
      continue;
    }
    const end = xml.indexOf(rowClose, tag.end);
    if (end < 0) throw new Error(`row ${rowIndex + 1} is not closed`);
    let col = -1;
    let p = tag.end;
    while (p < end) {
      const c = xml.indexOf(cellOpen, p);
      if (c < 0 || c >= end) break;
      if (!boundary(c + cellOpen.length)) {
        p = c + 1;
        continue;
      }
      const cell = readCellTag(xml, c);
      col = cell.ref !== null ? columnOf(cell.ref) : col + 1;
      let inner = '';
      if (cell.selfClosing) p = cell.end;
      else {
        const close = xml.indexOf(cellClose, cell.end);
        if (close < 0 || close > end) throw new Error(`cell in row ${rowIndex + 1} is not closed`);
        inner = xml.slice(cell.end, close);
        p = close + cellClose.length;
      }
      row.cols.push(col);
      row.values.push(inner ? cellValue(inner, prefix, cell.type, cell.style, ctx) : null);
      row.styles.push(cell.style);
    }
    pos = end + rowClose.length;
  }

  const rest = xml.slice(0, dataStart) + xml.slice(dataEnd);
  for (const r of rows.values()) sortRow(r);
  return { rows, merges: mergesOf(rest, prefix), colStyles: colStylesOf(rest, prefix) };
}

/** The merged areas, from the part's text outside sheetData's content. */
function mergesOf(rest: string, prefix: string): CellRange[] {
  const merges: CellRange[] = [];
  for (const m of rest.matchAll(new RegExp(`<${prefix}mergeCell\\b[^>]*?\\sref="([^"]+)"`, 'g'))) {
    const r = parseAddress(m[1]);
    if (r) merges.push(r);
  }
  return merges;
}

/** The columns' formats, from the part's text outside sheetData's content. */
function colStylesOf(rest: string, prefix: string): [number, number, number][] {
  const colStyles: [number, number, number][] = [];
  for (const m of rest.matchAll(new RegExp(`<${prefix}col\\b[^>]*>`, 'g'))) {
    const a = readTag(m[0], 0).attrs;
    if (a.style && Number(a.style) > 0) colStyles.push([Number(a.min) - 1, Number(a.max) - 1, Number(a.style)]);
  }
  return colStyles;
}

/** A worksheet read from its bytes: the model, and its text before and after the cells (the only text decoded). */
export interface SheetRead {
  model: SheetModel;
  /** The part's text up to sheetData's start tag (a leading BOM dropped, as XlsxPackage.text drops it). */
  head: string;
  /** The part's text outside sheetData's content: head, sheetData's tags and everything after. */
  outside: string;
}

/** A short run of bytes as text: byte for byte when ASCII (cell markup nearly always is), decoded otherwise. */
function textOf(bytes: Uint8Array, from: number, to: number): string {
  for (let i = from; i < to; i++) if (bytes[i] > 127) return decodeUtf8(bytes.subarray(from, to));
  return ascii(bytes, from, to);
}

/** Where the start tag at `at` ends (just past its `>`), quotes followed as readTag follows them. */
function tagEndOf(bytes: Uint8Array, at: number): number {
  let quote = 0;
  for (let i = at + 1; i < bytes.length; i++) {
    const b = bytes[i];
    if (quote) {
      if (b === quote) quote = 0;
    } else if (b === 34 || b === 39) quote = b;
    else if (b === 62) return i + 1;
  }
  return bytes.length;
}

/**
 * The four attributes of a `<row>` start tag the reader needs, and where the tag ends. Read in place from the
 * bytes; a tag with an entity or a byte beyond ASCII in it is read by readTag, as the text reader reads it.
 */
function rowTag(bytes: Uint8Array, at: number): { end: number; selfClosing: boolean; attrs: Partial<Record<'r' | 'customFormat' | 'hidden' | 's', string>> } {
  const end = tagEndOf(bytes, at);
  for (let i = at; i < end; i++) {
    if (bytes[i] === 38 || bytes[i] > 127) {
      const tag = readTag(ascii(bytes, at, end), 0);
      return { end: at + tag.end, selfClosing: tag.selfClosing, attrs: tag.attrs };
    }
  }
  const gt = end - 1;
  const attrs: Partial<Record<'r' | 'customFormat' | 'hidden' | 's', string>> = {};
  for (const name of ['r', 'customFormat', 'hidden', 's'] as const) {
    const v = tagAttr(bytes, at, gt, name);
    if (v) attrs[name] = ascii(bytes, v[0], v[1]);
  }
  let last = gt - 1;
  while (last > at && (bytes[last] === 32 || bytes[last] === 9 || bytes[last] === 10 || bytes[last] === 13)) last--;
  return { end, selfClosing: bytes[last] === 47, attrs };
}

/**
 * The same model as readSheetXml over the part's text, read from its UTF-8 bytes: a 100 000-row sheet is some
 * 30 MB of bytes and twice that as one string, and only the cells' contents and the markup around sheetData
 * are decoded. A part whose layout this reader does not expect (sheetData's prefix not the worksheet's) is
 * decoded whole and read as text instead.
 */
export function readSheetBytes(bytes: Uint8Array, ctx: ReadContext): SheetRead {
  const data = sheetDataTag(bytes);
  const whole = (): SheetRead => {
    let xml = decodeUtf8(bytes);
    if (xml.charCodeAt(0) === 0xfeff) xml = xml.slice(1);
    const at = xml.search(/<(?:\w+:)?sheetData\b/);
    return { model: readSheetXml(xml, ctx), head: xml.slice(0, Math.max(0, at)), outside: xml };
  };
  if (!data) return whole();
  let head = decodeUtf8(bytes.subarray(0, data.at));
  if (head.charCodeAt(0) === 0xfeff) head = head.slice(1);
  const prefix = /<(\w+:)?worksheet\b/.exec(head)?.[1] ?? '';
  if (prefix !== data.prefix || /<(?:\w+:)?sheetData\b/.test(head)) return whole();
  const dataStart = data.end;
  const dataEnd = data.selfClosing ? dataStart : find(bytes, `</${prefix}sheetData>`, dataStart);
  if (dataEnd < 0) throw new Error('sheetData is not closed');

  const rows = new Map<number, SheetRow>();
  const rowOpen = `<${prefix}row`;
  const cellOpen = `<${prefix}c`;
  const cellClose = `</${prefix}c>`;
  const rowClose = `</${prefix}row>`;
  const valueOpen = `<${prefix}v>`;
  const valueThenCellClose = `</${prefix}v></${prefix}c>`;
  const attrs: CellTagAttrs = { r: -1, rEnd: -1, s: -1, sEnd: -1, t: -1, tEnd: -1 };
  let rowIndex = -1;
  let pos = dataStart;
  while (pos < dataEnd) {
    const at = findElement(bytes, rowOpen, pos, dataEnd);
    if (at < 0) break;
    const tag = rowTag(bytes, at);
    const tagEnd = tag.end;
    const a = tag.attrs;
    rowIndex = a.r ? Number(a.r) - 1 : rowIndex + 1;
    const custom = a.customFormat === '1' || a.customFormat === 'true';
    const row = rows.get(rowIndex) ?? { cols: [], values: [], styles: [], hidden: false, style: null };
    row.hidden = a.hidden === '1' || a.hidden === 'true';
    row.style = custom && a.s ? Number(a.s) : null;
    rows.set(rowIndex, row);
    if (tag.selfClosing) {
      pos = tagEnd;
      continue;
    }
    // One pass over the row: each `<` is looked at once, to tell a cell, the row's end or anything else apart.
    let col = -1;
    let p = tagEnd;
    for (;;) {
      const lt = bytes.indexOf(60, p);
      if (lt < 0 || lt >= dataEnd) throw new Error(`row ${rowIndex + 1} is not closed`);
      if (bytes[lt + 1] === 47 && bytesAre(bytes, lt, rowClose)) {
        p = lt + rowClose.length;
        break;
      }
      if (!bytesAre(bytes, lt, cellOpen) || !isNameEnd(bytes[lt + cellOpen.length])) {
        p = lt + 1;
        continue;
      }
      const gt = bytes.indexOf(62, lt);
      const tag = readCellAttrs(bytes, lt, gt, attrs);
      const type = tag.t < 0 ? 'n' : tag.tEnd - tag.t === 1 ? String.fromCharCode(bytes[tag.t]) : textOf(bytes, tag.t, tag.tEnd);
      const style = tag.s < 0 ? 0 : styleOf(bytes, tag.s, tag.sEnd);
      col = tag.r >= 0 ? columnOfBytes(bytes, tag.r, tag.rEnd) : col + 1;
      let value: CellValue = null;
      if (bytes[gt - 1] === 47) p = gt + 1;
      else {
        // Nearly every cell is <v>…</v> of plain ASCII right after its tag: read without looking for </c> first.
        const v = type === 'inlineStr' ? -1 : plainValueAt(bytes, gt + 1, dataEnd, valueOpen, valueThenCellClose);
        if (v >= 0) {
          value = plainValue(bytes, gt + 1 + valueOpen.length, v, type, style, ctx);
          p = v + valueThenCellClose.length;
        } else {
          const close = find(bytes, cellClose, gt + 1, dataEnd);
          if (close < 0 || find(bytes, rowClose, gt + 1, close) >= 0) throw new Error(`cell in row ${rowIndex + 1} is not closed`);
          if (close > gt + 1) value = cellValue(textOf(bytes, gt + 1, close), prefix, type, style, ctx);
          p = close + cellClose.length;
        }
      }
      row.cols.push(col);
      row.values.push(value);
      row.styles.push(style);
    }
    pos = p;
  }
  const outside = head + decodeUtf8(bytes.subarray(data.at, dataStart)) + decodeUtf8(bytes.subarray(dataEnd));
  for (const r of rows.values()) sortRow(r);
  return { model: { rows, merges: mergesOf(outside, prefix), colStyles: colStylesOf(outside, prefix) }, head, outside };
}

/**
 * The three attributes of a `<c>` start tag the reader needs, found without building an attribute object (a
 * cell's attributes — r, s, t, cm, vm, ph — never hold a `>`, so the tag ends at the first one).
 */
export function readCellTag(xml: string, at: number): { ref: string | null; type: string; style: number; end: number; selfClosing: boolean } {
  const gt = xml.indexOf('>', at);
  const selfClosing = xml.charCodeAt(gt - 1) === 47;
  const attr = (name: string): string | null => {
    let i = xml.indexOf(name, at);
    while (i >= 0 && i < gt) {
      const before = xml.charCodeAt(i - 1);
      if (before === 32 || before === 9 || before === 10 || before === 13) {
        let q = i + name.length;
        while (xml.charCodeAt(q) === 32) q++;
        if (xml.charCodeAt(q) === 61) {
          q++;
          while (xml.charCodeAt(q) === 32) q++;
          const quote = xml[q];
          const close = xml.indexOf(quote, q + 1);
          return xml.slice(q + 1, close);
        }
      }
      i = xml.indexOf(name, i + 1);
    }
    return null;
  };
  const s = attr('s');
  return { ref: attr('r'), type: attr('t') ?? 'n', style: s ? Number(s) || 0 : 0, end: gt + 1, selfClosing };
}

export function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~0x20;
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** The text of an element's content (entities resolved); null when the element is absent. */
function elementText(inner: string, name: string): string | null {
  const open = inner.indexOf(`<${name}`);
  if (open < 0) return null;
  const gt = inner.indexOf('>', open);
  if (inner[gt - 1] === '/') return '';
  const close = inner.indexOf(`</${name}>`, gt);
  return unescapeXml(inner.slice(gt + 1, close < 0 ? inner.length : close));
}

/** The `<t>` texts of a string item (`<si>` or `<is>`), rich-text runs joined, phonetic guides (`<rPh>`) left out. */
export function itemText(inner: string, prefix: string): string {
  const t = `<${prefix}t`;
  const close = `</${prefix}t>`;
  const phonetic = `<${prefix}rPh`;
  const phoneticClose = `</${prefix}rPh>`;
  let out = '';
  let p = 0;
  for (;;) {
    const at = inner.indexOf(t, p);
    if (at < 0) break;
    const next = inner.charCodeAt(at + t.length);
    if (next !== 62 && next !== 32 && next !== 47) {
      p = at + 1;
      continue;
    }
    const ph = inner.lastIndexOf(phonetic, at);
    if (ph >= 0 && inner.indexOf(phoneticClose, ph) > at) {
      p = inner.indexOf(phoneticClose, ph) + phoneticClose.length;
      continue;
    }
    const gt = inner.indexOf('>', at);
    if (inner[gt - 1] === '/') {
      p = gt + 1;
      continue;
    }
    const end = inner.indexOf(close, gt);
    out += inner.slice(gt + 1, end);
    p = end + close.length;
  }
  return decodeExcelText(unescapeXml(out));
}

/** A cell's format index from its s value, read as Number reads it (0 when it is not a number). */
function styleOf(bytes: Uint8Array, from: number, to: number): number {
  const n = numberOf(bytes, from, to);
  return Number.isNaN(n) ? Number(textOf(bytes, from, to)) || 0 : n;
}

/** A run of ASCII digits as a number when it is one exactly (at most 15 digits); NaN otherwise. */
function numberOf(bytes: Uint8Array, from: number, to: number): number {
  return to - from <= 15 ? digitsOf(bytes, from, to) : NaN;
}

/**
 * A plain `<v>` text bytes[from, to) as the cell's value: a shared-string index or a whole number is read from
 * the digits (no string made for it, as typedValue would), anything else through typedValue.
 */
function plainValue(bytes: Uint8Array, from: number, to: number, type: string, style: number, ctx: ReadContext): CellValue {
  if (type === 's' || type === 'n') {
    const n = numberOf(bytes, from, to);
    if (!Number.isNaN(n)) {
      if (type === 's') return ctx.sharedStrings()[n] ?? null;
      return ctx.styles.isDateXf(style) ? dateValue(ctx.date1904 ? n + DATE1904_OFFSET : n) : n;
    }
  }
  return typedValue(ascii(bytes, from, to), type, style, ctx);
}

function cellValue(inner: string, prefix: string, type: string, style: number, ctx: ReadContext): CellValue {
  if (type === 'inlineStr') return inner.indexOf(`<${prefix}is`) < 0 ? null : itemText(inner, prefix);
  const v = elementText(inner, `${prefix}v`);
  return v === null ? null : typedValue(v, type, style, ctx);
}

/** A cell's value from the text of its `<v>`, by its type (`t`) and format. */
function typedValue(v: string, type: string, style: number, ctx: ReadContext): CellValue {
  switch (type) {
    case 's':
      return ctx.sharedStrings()[Number(v)] ?? null;
    case 'str':
      return decodeExcelText(v);
    case 'b':
      return v.trim() === '1' || v.trim() === 'true';
    case 'e':
      return { kind: 'error', code: v.trim() };
    case 'd': {
      const text = v.trim();
      const ms = Date.parse(text.length <= 10 ? `${text}T00:00:00Z` : /Z|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
      return Number.isNaN(ms) ? v : dateValue(ms / MS_PER_DAY + UNIX_EPOCH_SERIAL);
    }
    default: {
      if (v.trim() === '') return null;
      const n = Number(v);
      if (!Number.isFinite(n)) return null;
      return ctx.styles.isDateXf(style) ? dateValue(ctx.date1904 ? n + DATE1904_OFFSET : n) : n;
    }
  }
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
  const prefix = /<(\w+:)?sst\b/.exec(xml)?.[1] ?? '';
  const open = `<${prefix}si`;
  const close = `</${prefix}si>`;
  const out: string[] = [];
  let p = 0;
  for (;;) {
    const at = xml.indexOf(open, p);
    if (at < 0) break;
    const next = xml.charCodeAt(at + open.length);
    if (next !== 62 && next !== 32 && next !== 47) {
      p = at + 1;
      continue;
    }
    const gt = xml.indexOf('>', at);
    if (xml[gt - 1] === '/') {
      out.push('');
      p = gt + 1;
      continue;
    }
    const end = xml.indexOf(close, gt);
    if (end < 0) throw new Error('a shared string is not closed');
    out.push(itemText(xml.slice(gt + 1, end), prefix));
    p = end + close.length;
  }
  return out;
}
