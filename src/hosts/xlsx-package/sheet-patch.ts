/**
 * Rewrites only the cells a change concerns inside a worksheet's XML: a cell that exists gets its `s`
 * attribute changed (or, for a value write, its whole `<c>` element replaced); a cell the row lacks is inserted
 * in column order; a row the sheet lacks is inserted in row order. Everything else — other cells, formulas,
 * the rest of the part — is copied as it is, character for character.
 */
import { cellAddress } from '../../domain/address';
import type { SpecValue } from '../../domain/sheet-spec';
import { valueCell } from './spec-sheet';
import { readCellTag } from './sheet-reader';
import { ascii, ByteWriter, bytesAre, type CellTagAttrs, columnOfBytes, decodeUtf8, digitsOf, find, findElement, findLast, isNameEnd, plainValueAt, readCellAttrs, sheetDataTag, tagAttr } from './bytes';
import { readTag } from './xml-text';

export interface CellPatch {
  /** New format index. */
  s?: number;
  /** New value (the cell's formula, if any, goes with its old value). */
  value?: SpecValue;
}

export type SheetPatches = Map<number, Map<number, CellPatch>>;

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

/** The row number a `<row>` start tag bytes[at, gt) gives (0-based); `previous + 1` when it has no r. */
function rowNumberOf(bytes: Uint8Array, at: number, gt: number, previous: number): number {
  const r = tagAttr(bytes, at, gt, 'r');
  if (!r) return previous + 1;
  const n = digitsOf(bytes, r[0], r[1]);
  if (!Number.isNaN(n)) return n - 1;
  // Anything but plain digits (an entity, white space): read as readTag reads it.
  const value = readTag(ascii(bytes, at, gt + 1), 0).attrs.r;
  return value ? Number(value) - 1 : previous + 1;
}

/**
 * A cell's start tag bytes[at, tagEnd) with its s attribute set: the value of its s replaced where the tag has
 * one (however it is spaced and quoted), or the attribute added after the element name.
 */
function writeWithS(out: ByteWriter, bytes: Uint8Array, at: number, tagEnd: number, tag: CellTagAttrs, s: number): void {
  if (tag.s >= 0) {
    out.copy(bytes, at, tag.s);
    out.text(String(s));
    out.copy(bytes, tag.sEnd, tagEnd);
    return;
  }
  let name = at + 1;
  while (name < tagEnd && !isNameEnd(bytes[name])) name++;
  out.copy(bytes, at, name);
  out.text(` s="${s}"`);
  out.copy(bytes, name, tagEnd);
}

/**
 * The sheet's bytes with the patches applied. Works on the UTF-8 bytes rather than on decoded text: a
 * 100 000-row sheet is 30 MB as bytes and twice that as a string. Every run of rows and cells no patch
 * concerns is copied from the input into one growing output, and tags are read in place as bytes.
 */
export function patchSheetBytes(bytes: Uint8Array, patches: SheetPatches, rewriteTail?: (tail: string, prefix: string) => string): Uint8Array {
  if (!patches.size) return bytes;
  const data = sheetDataTag(bytes);
  if (!data) throw new Error('worksheet without sheetData');
  const { at: openAt, end: openEnd, prefix, selfClosing: selfClosingData } = data;
  const rowClose = `</${prefix}row>`;
  const cellClose = `</${prefix}c>`;
  const pending = [...patches.keys()].sort((a, b) => a - b);
  let next = 0;
  const out = new ByteWriter(bytes.length + (bytes.length >> 4));
  const rowXml = (row: number, cells: Map<number, CellPatch>): string => {
    const cols = [...cells.keys()].sort((a, b) => a - b);
    return `<${prefix}row r="${row + 1}">${cols.map((c) => newCell(prefix, row, c, cells.get(c) as CellPatch)).join('')}${rowClose}`;
  };

  // The part after sheetData (from `from`): copied, or rewritten as text when the caller changes it too.
  const writeTail = (from: number): void => {
    if (rewriteTail) out.text(rewriteTail(decodeUtf8(bytes.subarray(from)), prefix));
    else out.copy(bytes, from, bytes.length);
  };

  if (selfClosingData) {
    out.copy(bytes, 0, openAt);
    out.text(`<${prefix}sheetData>${pending.map((r) => rowXml(r, patches.get(r) as Map<number, CellPatch>)).join('')}</${prefix}sheetData>`);
    writeTail(openEnd);
    return out.result();
  }

  const dataEnd = findLast(bytes, `</${prefix}sheetData>`, openEnd);
  if (dataEnd < 0) throw new Error('sheetData is not closed');
  let copied = 0;
  let pos = openEnd;
  let rowIndex = -1;
  const rowOpen = `<${prefix}row`;
  const cellOpen = `<${prefix}c`;
  const valueOpen = `<${prefix}v>`;
  const valueThenCellClose = `</${prefix}v>${cellClose}`;
  const attrs: CellTagAttrs = { r: -1, rEnd: -1, s: -1, sEnd: -1, t: -1, tEnd: -1 };
  // Where the cell whose start tag ends at `from` ends (past its </c>): right after a plain <v>, or searched for.
  const cellEnd = (from: number): number => {
    const v = plainValueAt(bytes, from, dataEnd, valueOpen, valueThenCellClose);
    if (v >= 0) return v + valueThenCellClose.length;
    const close = find(bytes, cellClose, from, dataEnd);
    return close < 0 || find(bytes, rowClose, from, close) >= 0 ? -1 : close + cellClose.length;
  };
  while (next < pending.length) {
    const at = findElement(bytes, rowOpen, pos, dataEnd);
    if (at < 0) break;
    const gt = bytes.indexOf(62, at);
    const tagEnd = gt + 1;
    const selfClosing = bytes[gt - 1] === 47;
    rowIndex = rowNumberOf(bytes, at, gt, rowIndex);
    // Rows the sheet lacks, before this one.
    while (next < pending.length && pending[next] < rowIndex) {
      out.copy(bytes, copied, at);
      copied = at;
      out.text(rowXml(pending[next], patches.get(pending[next]) as Map<number, CellPatch>));
      next++;
    }
    const patched = next < pending.length && pending[next] === rowIndex;
    // A row no patch concerns is only looked through for its end; a patched one is walked cell by cell, once.
    let rowEnd = tagEnd;
    if (!selfClosing && !patched) {
      const close = find(bytes, rowClose, tagEnd, dataEnd);
      if (close < 0) throw new Error(`row ${rowIndex + 1} is not closed`);
      rowEnd = close + rowClose.length;
    }
    if (patched) {
      const cells = patches.get(rowIndex) as Map<number, CellPatch>;
      const cols = [...cells.keys()].sort((a, b) => a - b);
      out.copy(bytes, copied, at);
      if (!selfClosing) {
        // The row's start tag goes first as it is; its spans are widened afterwards in the rare row that gained cells.
        const head = out.position;
        out.copy(bytes, at, tagEnd);
        const inserted: number[] = [];
        let k = 0;
        let col = -1;
        let from = tagEnd;
        let p = tagEnd;
        let innerEnd = -1;
        for (;;) {
          const c = bytes.indexOf(60, p);
          if (c < 0 || c >= dataEnd) throw new Error(`row ${rowIndex + 1} is not closed`);
          if (bytes[c + 1] === 47 && bytesAre(bytes, c, rowClose)) {
            innerEnd = c;
            break;
          }
          if (!bytesAre(bytes, c, cellOpen) || !isNameEnd(bytes[c + cellOpen.length])) {
            p = c + 1;
            continue;
          }
          const cellGt = bytes.indexOf(62, c);
          const cellTagEnd = cellGt + 1;
          const tag = readCellAttrs(bytes, c, cellGt, attrs);
          col = tag.r >= 0 ? columnOfBytes(bytes, tag.r, tag.rEnd) : col + 1;
          const end = bytes[cellGt - 1] === 47 ? cellTagEnd : cellEnd(cellTagEnd);
          if (end < 0) throw new Error(`cell in row ${rowIndex + 1} is not closed`);
          while (k < cols.length && cols[k] < col) {
            out.copy(bytes, from, c);
            out.text(newCell(prefix, rowIndex, cols[k], cells.get(cols[k]) as CellPatch));
            inserted.push(cols[k]);
            from = c;
            k++;
          }
          if (k < cols.length && cols[k] === col) {
            const patch = cells.get(col) as CellPatch;
            out.copy(bytes, from, c);
            if (patch.value !== undefined) {
              out.text(newCell(prefix, rowIndex, col, { s: patch.s ?? readCellTag(ascii(bytes, c, cellTagEnd), 0).style, value: patch.value }));
            } else {
              writeWithS(out, bytes, c, cellTagEnd, tag, patch.s as number);
              out.copy(bytes, cellTagEnd, end);
            }
            from = end;
            k++;
          }
          p = end;
        }
        rowEnd = innerEnd + rowClose.length;
        out.copy(bytes, from, innerEnd);
        while (k < cols.length) {
          out.text(newCell(prefix, rowIndex, cols[k], cells.get(cols[k]) as CellPatch));
          inserted.push(cols[k]);
          k++;
        }
        if (inserted.length) {
          const cellsWritten = out.result().slice(head + tagEnd - at);
          out.truncate(head);
          out.text(widenSpans(ascii(bytes, at, tagEnd), inserted.sort((a, b) => a - b)));
          out.copy(cellsWritten, 0, cellsWritten.length);
        }
        out.text(rowClose);
      } else {
        const head = widenSpans(ascii(bytes, at, tagEnd - 2).replace(/\s*$/, '') + '>', cols);
        out.text(head + cols.map((c) => newCell(prefix, rowIndex, c, cells.get(c) as CellPatch)).join('') + rowClose);
      }
      copied = rowEnd;
      next++;
    }
    pos = rowEnd;
  }
  out.copy(bytes, copied, dataEnd);
  copied = dataEnd;
  const rest = pending.slice(next).map((r) => rowXml(r, patches.get(r) as Map<number, CellPatch>));
  if (rest.length) out.text(rest.join(''));
  const close = `</${prefix}sheetData>`;
  out.copy(bytes, copied, dataEnd + close.length);
  writeTail(dataEnd + close.length);
  return out.result();
}

/** The same over a part's text (the product's own sheets, which are held as text). */
export function patchSheetXml(xml: string, patches: SheetPatches): string {
  return patches.size ? decodeUtf8(patchSheetBytes(encoder.encode(xml), patches)) : xml;
}
