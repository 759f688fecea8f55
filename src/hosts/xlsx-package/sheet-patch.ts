/**
 * Rewrites only the cells a change concerns inside a worksheet's XML: a cell that exists gets its `s`
 * attribute changed (or, for a value write, its whole `<c>` element replaced); a cell the row lacks is inserted
 * in column order; a row the sheet lacks is inserted in row order. Everything else — other cells, formulas,
 * the rest of the part — is copied as it is, character for character.
 */
import { cellAddress } from '../../domain/address';
import type { SpecValue } from '../../domain/sheet-spec';
import { valueCell } from './spec-sheet';
import { columnOf, readCellTag } from './sheet-reader';
import { ascii, concat, decodeUtf8, find, isNameEnd, sheetDataTag, utf8 } from './bytes';
import { readTag } from './xml-text';

export interface CellPatch {
  /** New format index. */
  s?: number;
  /** New value (the cell's formula, if any, goes with its old value). */
  value?: SpecValue;
}

export type SheetPatches = Map<number, Map<number, CellPatch>>;

/** The `<c …>` start tag with its s attribute set (a cell's attributes hold no quotes or `>` in their values). */
function setS(tagText: string, s: number): string {
  let i = tagText.indexOf(' s="');
  if (i < 0) i = tagText.indexOf('\ts="');
  if (i >= 0) {
    const end = tagText.indexOf('"', i + 4);
    return `${tagText.slice(0, i)} s="${s}"${tagText.slice(end + 1)}`;
  }
  const name = tagText.search(/[\s/>]/);
  return `${tagText.slice(0, name)} s="${s}"${tagText.slice(name)}`;
}

/** The `<c>` element for a patch on a cell the row does not hold. */
function newCell(prefix: string, row: number, col: number, patch: CellPatch): string {
  const ref = cellAddress(row, col);
  const xml = patch.value !== undefined ? valueCell(ref, patch.value, patch.s ?? null) : `<c r="${ref}"${patch.s !== undefined ? ` s="${patch.s}"` : ''}/>`;
  return prefix ? xml.replace(/<(\/?)(c|v|is|t)\b/g, `<$1${prefix}$2`) : xml;
}

/** Widens a row's `spans` hint ("1:5") to cover inserted columns. */
function widenSpans(rowTag: string, cols: number[]): string {
  const m = /\sspans="(\d+):(\d+)"/.exec(rowTag);
  if (!m || !cols.length) return rowTag;
  const lo = Math.min(Number(m[1]), cols[0] + 1);
  const hi = Math.max(Number(m[2]), cols[cols.length - 1] + 1);
  return rowTag.replace(m[0], ` spans="${lo}:${hi}"`);
}

const encoder = new TextEncoder();

/**
 * The sheet's bytes with the patches applied. Works on the UTF-8 bytes rather than on decoded text: a
 * 100 000-row sheet is 30 MB as bytes and twice that as a string, and every run of rows and cells no patch
 * concerns is copied as a slice of the input. Only the start tags it edits are read as text.
 */
export function patchSheetBytes(bytes: Uint8Array, patches: SheetPatches): Uint8Array {
  if (!patches.size) return bytes;
  const data = sheetDataTag(bytes);
  if (!data) throw new Error('worksheet without sheetData');
  const { at: openAt, end: openEnd, prefix, selfClosing: selfClosingData } = data;
  const rowClose = `</${prefix}row>`;
  const cellClose = `</${prefix}c>`;
  const pending = [...patches.keys()].sort((a, b) => a - b);
  let next = 0;
  const out: Uint8Array[] = [];
  const text = (t: string): void => void out.push(utf8(t));
  const copy = (from: number, to: number): void => {
    if (to > from) out.push(bytes.subarray(from, to));
  };
  const rowXml = (row: number, cells: Map<number, CellPatch>): string => {
    const cols = [...cells.keys()].sort((a, b) => a - b);
    return `<${prefix}row r="${row + 1}">${cols.map((c) => newCell(prefix, row, c, cells.get(c) as CellPatch)).join('')}${rowClose}`;
  };

  if (selfClosingData) {
    copy(0, openAt);
    text(`<${prefix}sheetData>${pending.map((r) => rowXml(r, patches.get(r) as Map<number, CellPatch>)).join('')}</${prefix}sheetData>`);
    copy(openEnd, bytes.length);
    return concat(out);
  }

  const dataEnd = find(bytes, `</${prefix}sheetData>`, openEnd);
  let copied = 0;
  let pos = openEnd;
  let rowIndex = -1;
  const rowOpen = `<${prefix}row`;
  while (next < pending.length) {
    const at = find(bytes, rowOpen, pos, dataEnd);
    if (at < 0) break;
    if (!isNameEnd(bytes[at + rowOpen.length])) {
      pos = at + 1;
      continue;
    }
    const tagEnd = bytes.indexOf(62, at) + 1;
    const tag = readTag(ascii(bytes, at, tagEnd), 0);
    rowIndex = tag.attrs.r ? Number(tag.attrs.r) - 1 : rowIndex + 1;
    const rowEnd = tag.selfClosing ? tagEnd : find(bytes, rowClose, tagEnd) + rowClose.length;
    // Rows the sheet lacks, before this one.
    while (next < pending.length && pending[next] < rowIndex) {
      copy(copied, at);
      copied = at;
      text(rowXml(pending[next], patches.get(pending[next]) as Map<number, CellPatch>));
      next++;
    }
    if (next < pending.length && pending[next] === rowIndex) {
      const cells = patches.get(rowIndex) as Map<number, CellPatch>;
      const cols = [...cells.keys()].sort((a, b) => a - b);
      copy(copied, at);
      if (!tag.selfClosing) {
        const parts: (Uint8Array | string)[] = [];
        const inserted: number[] = [];
        let k = 0;
        let col = -1;
        let from = tagEnd;
        let p = tagEnd;
        const innerEnd = rowEnd - rowClose.length;
        const cellOpen = `<${prefix}c`;
        while (p < innerEnd) {
          const c = find(bytes, cellOpen, p, innerEnd);
          if (c < 0) break;
          if (!isNameEnd(bytes[c + cellOpen.length])) {
            p = c + 1;
            continue;
          }
          const cellTagEnd = bytes.indexOf(62, c) + 1;
          const cellTag = ascii(bytes, c, cellTagEnd);
          const ct = readCellTag(cellTag, 0);
          col = ct.ref !== null ? columnOf(ct.ref) : col + 1;
          const end = ct.selfClosing ? cellTagEnd : find(bytes, cellClose, cellTagEnd) + cellClose.length;
          while (k < cols.length && cols[k] < col) {
            parts.push(bytes.subarray(from, c), newCell(prefix, rowIndex, cols[k], cells.get(cols[k]) as CellPatch));
            inserted.push(cols[k]);
            from = c;
            k++;
          }
          if (k < cols.length && cols[k] === col) {
            const patch = cells.get(col) as CellPatch;
            parts.push(bytes.subarray(from, c));
            if (patch.value !== undefined) parts.push(newCell(prefix, rowIndex, col, { s: patch.s ?? ct.style, value: patch.value }));
            else parts.push(setS(cellTag, patch.s as number), bytes.subarray(cellTagEnd, end));
            from = end;
            k++;
          }
          p = end;
        }
        parts.push(bytes.subarray(from, innerEnd));
        while (k < cols.length) {
          parts.push(newCell(prefix, rowIndex, cols[k], cells.get(cols[k]) as CellPatch));
          inserted.push(cols[k]);
          k++;
        }
        text(widenSpans(ascii(bytes, at, tagEnd), inserted.sort((a, b) => a - b)));
        for (const part of parts) {
          if (typeof part === 'string') text(part);
          else out.push(part);
        }
        text(rowClose);
      } else {
        const head = widenSpans(ascii(bytes, at, tagEnd - 2).replace(/\s*$/, '') + '>', cols);
        text(head + cols.map((c) => newCell(prefix, rowIndex, c, cells.get(c) as CellPatch)).join('') + rowClose);
      }
      copied = rowEnd;
      next++;
    }
    pos = rowEnd;
  }
  copy(copied, dataEnd);
  copied = dataEnd;
  const rest = pending.slice(next).map((r) => rowXml(r, patches.get(r) as Map<number, CellPatch>));
  if (rest.length) text(rest.join(''));
  copy(copied, bytes.length);
  return concat(out);
}

/** The same over a part's text (the product's own sheets, which are held as text). */
export function patchSheetXml(xml: string, patches: SheetPatches): string {
  return patches.size ? decodeUtf8(patchSheetBytes(encoder.encode(xml), patches)) : xml;
}
