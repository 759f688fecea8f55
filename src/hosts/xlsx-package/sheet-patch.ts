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

/** An existing cell with its patch applied: `s` changed in place, or the element replaced for a value. */
function patchedCell(prefix: string, xml: string, start: number, tagEnd: number, end: number, row: number, col: number, patch: CellPatch): string {
  if (patch.value !== undefined) {
    const s = patch.s ?? readCellTag(xml, start).style;
    return newCell(prefix, row, col, { s, value: patch.value });
  }
  return setS(xml.slice(start, tagEnd), patch.s as number) + xml.slice(tagEnd, end);
}

/** Widens a row's `spans` hint ("1:5") to cover inserted columns. */
function widenSpans(rowTag: string, cols: number[]): string {
  const m = /\sspans="(\d+):(\d+)"/.exec(rowTag);
  if (!m || !cols.length) return rowTag;
  const lo = Math.min(Number(m[1]), cols[0] + 1);
  const hi = Math.max(Number(m[2]), cols[cols.length - 1] + 1);
  return rowTag.replace(m[0], ` spans="${lo}:${hi}"`);
}

/** Index just past the cell element's start tag, and past the element (`<c …>…</c>` or `<c …/>`). */
function cellEnd(tag: { end: number; selfClosing: boolean }, xml: string, closeTag: string): { tagEnd: number; end: number } {
  if (tag.selfClosing) return { tagEnd: tag.end, end: tag.end };
  const close = xml.indexOf(closeTag, tag.end);
  return { tagEnd: tag.end, end: close + closeTag.length };
}

export function patchSheetXml(xml: string, patches: SheetPatches): string {
  if (!patches.size) return xml;
  const open = /<(\w+:)?sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) throw new Error('worksheet without sheetData');
  const prefix = open[1] ?? '';
  const rowClose = `</${prefix}row>`;
  const cellClose = `</${prefix}c>`;
  const pending = [...patches.keys()].sort((a, b) => a - b);
  let next = 0;
  const out: string[] = [];
  const rowXml = (row: number, cells: Map<number, CellPatch>): string => {
    const cols = [...cells.keys()].sort((a, b) => a - b);
    return `<${prefix}row r="${row + 1}">${cols.map((c) => newCell(prefix, row, c, cells.get(c) as CellPatch)).join('')}${rowClose}`;
  };

  if (open[2] === '/') {
    out.push(xml.slice(0, open.index), `<${prefix}sheetData>`);
    for (const r of pending) out.push(rowXml(r, patches.get(r) as Map<number, CellPatch>));
    out.push(`</${prefix}sheetData>`, xml.slice(open.index + open[0].length));
    return out.join('');
  }

  const dataEnd = xml.indexOf(`</${prefix}sheetData>`, open.index);
  let copied = open.index + open[0].length;
  out.push(xml.slice(0, copied));
  let pos = copied;
  let rowIndex = -1;
  const rowTagName = `${prefix}row`;
  while (next < pending.length) {
    const at = xml.indexOf(`<${rowTagName}`, pos);
    if (at < 0 || at >= dataEnd) break;
    const after = xml[at + rowTagName.length + 1];
    if (after !== ' ' && after !== '>' && after !== '/' && after !== '\n' && after !== '\r' && after !== '\t') {
      pos = at + 1;
      continue;
    }
    const tag = readTag(xml, at);
    rowIndex = tag.attrs.r ? Number(tag.attrs.r) - 1 : rowIndex + 1;
    const rowEnd = tag.selfClosing ? tag.end : xml.indexOf(rowClose, tag.end) + rowClose.length;
    // Rows the sheet lacks, before this one.
    while (next < pending.length && pending[next] < rowIndex) {
      out.push(xml.slice(copied, at), rowXml(pending[next], patches.get(pending[next]) as Map<number, CellPatch>));
      copied = at;
      next++;
    }
    if (next < pending.length && pending[next] === rowIndex) {
      const cells = patches.get(rowIndex) as Map<number, CellPatch>;
      const cols = [...cells.keys()].sort((a, b) => a - b);
      const inserted: number[] = [];
      out.push(xml.slice(copied, at));
      const parts: string[] = [];
      let k = 0;
      if (!tag.selfClosing) {
        let p = tag.end;
        let col = -1;
        let from = tag.end;
        const innerEnd = rowEnd - rowClose.length;
        while (p < innerEnd) {
          const c = xml.indexOf('<', p);
          if (c < 0 || c >= innerEnd) break;
          const after = xml.charCodeAt(c + prefix.length + 2);
          if (xml.slice(c + 1, c + prefix.length + 2) !== `${prefix}c` || !(after === 32 || after === 62 || after === 47 || after === 9 || after === 10 || after === 13)) {
            p = c + 1;
            continue;
          }
          const ct = readCellTag(xml, c);
          col = ct.ref !== null ? columnOf(ct.ref) : col + 1;
          const { tagEnd, end } = cellEnd(ct, xml, cellClose);
          while (k < cols.length && cols[k] < col) {
            parts.push(xml.slice(from, c), newCell(prefix, rowIndex, cols[k], cells.get(cols[k]) as CellPatch));
            inserted.push(cols[k]);
            from = c;
            k++;
          }
          if (k < cols.length && cols[k] === col) {
            parts.push(xml.slice(from, c), patchedCell(prefix, xml, c, tagEnd, end, rowIndex, col, cells.get(col) as CellPatch));
            from = end;
            k++;
          }
          p = end;
        }
        const tail: string[] = [];
        while (k < cols.length) {
          tail.push(newCell(prefix, rowIndex, cols[k], cells.get(cols[k]) as CellPatch));
          inserted.push(cols[k]);
          k++;
        }
        const head = widenSpans(xml.slice(at, tag.end), inserted.sort((a, b) => a - b));
        out.push(head, ...parts, xml.slice(from, innerEnd), ...tail, rowClose);
      } else {
        const head = widenSpans(xml.slice(at, tag.end - 2).replace(/\s*$/, '') + '>', cols);
        out.push(head, ...cols.map((c) => newCell(prefix, rowIndex, c, cells.get(c) as CellPatch)), rowClose);
      }
      copied = rowEnd;
      next++;
    }
    pos = rowEnd;
  }
  out.push(xml.slice(copied, dataEnd));
  while (next < pending.length) {
    out.push(rowXml(pending[next], patches.get(pending[next]) as Map<number, CellPatch>));
    next++;
  }
  out.push(xml.slice(dataEnd));
  return out.join('');
}

