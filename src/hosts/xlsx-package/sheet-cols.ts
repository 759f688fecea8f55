/**
 * A worksheet's column widths (`<cols>`), read and patched. Widths are in characters, as the file stores them.
 * A patch rewrites only the `<cols>` element: a `<col>` spanning a column whose width changes is split around it,
 * keeping its other attributes (style, hidden, outline level) on every piece; the rest of the part is copied
 * character for character.
 */
import { concat, decodeUtf8, sheetDataTag, utf8 } from './bytes';
import { readTag } from './xml-text';

export interface ColumnWidth {
  /** 0-based column. */
  col: number;
  /** Characters. */
  width: number;
}

interface ColElement {
  min: number;
  max: number;
  /** The element's attributes other than min and max, as written (leading space included). */
  rest: string;
  /** The element as written, reused when it is not split. */
  xml: string;
}

function colElements(colsInner: string, prefix: string): ColElement[] {
  const out: ColElement[] = [];
  for (const m of colsInner.matchAll(new RegExp(`<${prefix}col\\b[^>]*>(?:</${prefix}col>)?`, 'g'))) {
    const tag = readTag(m[0], 0);
    const min = Number(tag.attrs.min);
    const max = Number(tag.attrs.max);
    if (!Number.isInteger(min) || !Number.isInteger(max)) continue;
    const attrs = m[0].slice(tag.attrsStart, tag.attrsEnd).replace(/\s(?:min|max)="[^"]*"/g, '');
    out.push({ min, max, rest: attrs.replace(/\s+$/, ''), xml: m[0] });
  }
  return out;
}

/** The width the sheet gives each column 0 … lastCol (characters); undefined where it sets none. */
export function readColumnWidths(xml: string, lastCol: number): (number | undefined)[] {
  const widths: (number | undefined)[] = new Array<number | undefined>(lastCol + 1).fill(undefined);
  const open = /<(\w+:)?cols\b[^>]*>/.exec(xml);
  if (!open) return widths;
  const prefix = open[1] ?? '';
  const close = xml.indexOf(`</${prefix}cols>`, open.index);
  if (close < 0) return widths;
  for (const e of colElements(xml.slice(open.index + open[0].length, close), prefix)) {
    const width = /\swidth="([^"]*)"/.exec(e.rest)?.[1];
    const value = width === undefined ? NaN : Number(width);
    if (!Number.isFinite(value) || value <= 0) continue;
    for (let c = e.min; c <= Math.min(e.max, lastCol + 1); c++) widths[c - 1] = value;
  }
  return widths;
}

function withWidth(rest: string, width: number): string {
  const stripped = rest.replace(/\s(?:width|customWidth)="[^"]*"/g, '');
  return ` width="${width}" customWidth="1"${stripped}`;
}

/** The sheet's XML with the given columns set to the given widths (a later entry for a column wins). */
export function patchColumnWidths(xml: string, widths: ColumnWidth[]): string {
  if (!widths.length) return xml;
  const wanted = new Map<number, number>();
  for (const w of widths) wanted.set(w.col + 1, w.width);
  const sheetData = /<(\w+:)?sheetData\b/.exec(xml);
  if (!sheetData) throw new Error('worksheet without sheetData');
  const prefix = sheetData[1] ?? '';
  const open = new RegExp(`<${prefix}cols\\b[^>]*?(/?)>`).exec(xml);
  let elements: ColElement[] = [];
  let start = sheetData.index;
  let end = sheetData.index;
  if (open && open.index < sheetData.index) {
    start = open.index;
    if (open[1] === '/') end = open.index + open[0].length;
    else {
      const closeTag = `</${prefix}cols>`;
      const close = xml.indexOf(closeTag, open.index);
      end = close + closeTag.length;
      elements = colElements(xml.slice(open.index + open[0].length, close), prefix);
    }
  }
  const pieces: { min: number; max: number; xml: string }[] = [];
  const col = (min: number, max: number, rest: string) => `<${prefix}col min="${min}" max="${max}"${rest}/>`;
  for (const e of elements) {
    const inside = [...wanted.keys()].filter((c) => c >= e.min && c <= e.max).sort((a, b) => a - b);
    if (!inside.length) {
      pieces.push({ min: e.min, max: e.max, xml: e.xml });
      continue;
    }
    let from = e.min;
    for (const c of inside) {
      if (c > from) pieces.push({ min: from, max: c - 1, xml: col(from, c - 1, e.rest) });
      pieces.push({ min: c, max: c, xml: col(c, c, withWidth(e.rest, wanted.get(c) as number)) });
      wanted.delete(c);
      from = c + 1;
    }
    if (from <= e.max) pieces.push({ min: from, max: e.max, xml: col(from, e.max, e.rest) });
  }
  for (const [c, width] of wanted) pieces.push({ min: c, max: c, xml: col(c, c, withWidth('', width)) });
  pieces.sort((a, b) => a.min - b.min);
  const cols = `<${prefix}cols>${pieces.map((p) => p.xml).join('')}</${prefix}cols>`;
  return xml.slice(0, start) + cols + xml.slice(end);
}

/** The same over a sheet's UTF-8 bytes: `<cols>` precedes sheetData, so only the part's head is rewritten. */
export function patchColumnWidthsBytes(bytes: Uint8Array, widths: ColumnWidth[]): Uint8Array {
  if (!widths.length) return bytes;
  const data = sheetDataTag(bytes);
  if (!data) throw new Error('worksheet without sheetData');
  return concat([utf8(patchColumnWidths(decodeUtf8(bytes.subarray(0, data.end)), widths)), bytes.subarray(data.end)]);
}
