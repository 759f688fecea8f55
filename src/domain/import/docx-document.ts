/**
 * The tables of a Word (.docx) document, read from word/document.xml: each cell's text (its paragraphs joined
 * by a line break), its horizontal span (gridSpan) and vertical merge (vMerge), the table's column grid, and
 * the body paragraphs before each table (where the title is). Pure code: bytes in, data out.
 */
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { UserFacingError } from '../errors';

export interface DocxCell {
  text: string;
  /** Grid columns the cell covers (w:gridSpan), at least 1. */
  span: number;
  /** w:vMerge: 'restart' starts a vertical merge, 'continue' extends the one above; null when not merged. */
  vMerge: 'restart' | 'continue' | null;
}

export interface DocxRow {
  /** Grid columns skipped before the first cell (w:gridBefore). */
  before: number;
  cells: DocxCell[];
  /** The row is marked to repeat at the top of each page (w:tblHeader). */
  header: boolean;
}

export interface DocxTable {
  /** Column widths in twips (w:tblGrid); may be empty in hand-made files. */
  grid: number[];
  rows: DocxRow[];
  /** The body paragraphs (trimmed, empty ones left out) between the previous table, or the start, and this one. */
  before: string[];
}

export interface DocxDocument {
  /** Every body paragraph outside tables, trimmed, empty ones left out, in order. */
  paragraphs: string[];
  tables: DocxTable[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function saveAsDocx(kind: string): UserFacingError {
  return new UserFacingError('import.not_docx', {
    zh: `这是${kind}文件，无法直接读取。请在 Word 或 WPS 中打开，另存为 .docx 后再导入`,
    en: `This is a ${kind} file, which cannot be read directly. Open it in Word or WPS, save it as .docx, then import that`,
  });
}

/** Says what the bytes are when they are not a .docx, by their first bytes (the name's extension may lie). */
export function assertDocxBytes(bytes: Uint8Array): void {
  if (startsWith(bytes, OLE_MAGIC)) throw saveAsDocx('旧版 Word（.doc）或 WPS（.wps）');
  if (startsWith(bytes, PDF_MAGIC)) throw saveAsDocx('PDF');
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new UserFacingError('import.not_docx', {
      zh: '这不是 Word 文档（.docx）：文件内容无法识别。请在 Word 或 WPS 中另存为 .docx 后再导入',
      en: 'This is not a Word document (.docx): its content is not recognised. Save it as .docx in Word or WPS, then import that',
    });
  }
}

function unreadable(detail: string): UserFacingError {
  return new UserFacingError('import.docx_unreadable', {
    zh: `无法读取这个 .docx 文件（${detail}）。请在 Word 中打开并重新另存为 .docx 后再导入`,
    en: `This .docx file cannot be read (${detail}). Open it in Word, save it again as .docx, then import that`,
  });
}

/** word/document.xml of a .docx, as text; a clear error for anything else. */
export function documentXml(bytes: Uint8Array): string {
  assertDocxBytes(bytes);
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' });
  } catch (e) {
    throw unreadable(e instanceof Error ? e.message : String(e));
  }
  const xml = files['word/document.xml'];
  if (!xml) {
    throw new UserFacingError('import.not_word', {
      zh: '这个文件是压缩包，但不是 Word 文档（缺少 word/document.xml）。Excel 工作簿等其他文件不能作为通知导入',
      en: 'This file is a zip package but not a Word document (it has no word/document.xml). A workbook or other file cannot be imported as a notice',
    });
  }
  return strFromU8(xml);
}

function intAttr(attrs: Record<string, string>, fallback: number): number {
  const n = Number.parseInt(attrs['w:val'] ?? '', 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

function isOn(attrs: Record<string, string>): boolean {
  const v = attrs['w:val'];
  return v === undefined || !['0', 'false', 'off'].includes(v);
}

interface TableBuild {
  table: DocxTable;
  row: DocxRow | null;
  cell: { paragraphs: string[]; span: number; vMerge: DocxCell['vMerge'] } | null;
}

/** Parses word/document.xml. Tables inside a cell give their text to that cell. */
export function parseDocumentXml(xml: string): DocxDocument {
  const doc: DocxDocument = { paragraphs: [], tables: [] };
  const stack: TableBuild[] = [];
  let pending: string[] = [];
  let paragraph: string | null = null;
  let inText = false;

  const parser = new SaxesParser();
  parser.on('error', (e) => {
    throw unreadable(e.message);
  });
  parser.on('opentag', (tag) => {
    const attrs = tag.attributes as Record<string, string>;
    const top = stack[stack.length - 1];
    switch (tag.name) {
      case 'w:tbl':
        if (stack.length === 0) {
          stack.push({ table: { grid: [], rows: [], before: pending }, row: null, cell: null });
          pending = [];
        } else stack.push({ table: { grid: [], rows: [], before: [] }, row: null, cell: null });
        break;
      case 'w:gridCol':
        if (top && top.table.rows.length === 0) top.table.grid.push(Number.parseInt(attrs['w:w'] ?? '0', 10) || 0);
        break;
      case 'w:tr':
        if (top) top.row = { before: 0, cells: [], header: false };
        break;
      case 'w:gridBefore':
        if (top?.row && !top.cell) top.row.before = intAttr(attrs, 0);
        break;
      case 'w:tblHeader':
        if (top?.row && !top.cell) top.row.header = isOn(attrs);
        break;
      case 'w:tc':
        if (top) top.cell = { paragraphs: [], span: 1, vMerge: null };
        break;
      case 'w:gridSpan':
        if (top?.cell) top.cell.span = intAttr(attrs, 1);
        break;
      case 'w:vMerge':
        if (top?.cell) top.cell.vMerge = attrs['w:val'] === 'restart' ? 'restart' : 'continue';
        break;
      case 'w:p':
        paragraph = '';
        break;
      case 'w:t':
        inText = true;
        break;
      case 'w:tab':
        if (paragraph !== null && !('w:pos' in attrs)) paragraph += '\t'; // a run's tab, not a tab stop
        break;
      case 'w:br':
      case 'w:cr':
        // A page break is layout, not text; a line break inside a paragraph is a line of the cell.
        if (paragraph !== null && attrs['w:type'] !== 'page' && attrs['w:type'] !== 'column') paragraph += '\n';
        break;
    }
  });
  parser.on('text', (t) => {
    if (inText && paragraph !== null) paragraph += t;
  });
  parser.on('closetag', (tag) => {
    const top = stack[stack.length - 1];
    switch (tag.name) {
      case 'w:t':
        inText = false;
        break;
      case 'w:p': {
        const text = paragraph ?? '';
        paragraph = null;
        // The innermost open cell anywhere on the stack takes the paragraph (a nested table's text included).
        const owner = [...stack].reverse().find((b) => b.cell);
        if (owner?.cell) owner.cell.paragraphs.push(text);
        else if (text.trim()) {
          doc.paragraphs.push(text.trim());
          pending.push(text.trim());
        }
        break;
      }
      case 'w:tc':
        if (top?.cell && top.row) {
          const paras = top.cell.paragraphs.slice();
          while (paras.length && paras[paras.length - 1] === '') paras.pop();
          top.row.cells.push({ text: paras.join('\n'), span: top.cell.span, vMerge: top.cell.vMerge });
        }
        if (top) top.cell = null;
        break;
      case 'w:tr':
        if (top?.row) top.table.rows.push(top.row);
        if (top) top.row = null;
        break;
      case 'w:tbl': {
        const done = stack.pop();
        if (!done) break;
        if (stack.length === 0) doc.tables.push(done.table);
        else {
          // A table inside a cell: its text joins that cell's text, row by row.
          const outer = stack[stack.length - 1];
          const lines = done.table.rows.map((r) => r.cells.map((c) => c.text).filter(Boolean).join('\t')).filter(Boolean);
          outer.cell?.paragraphs.push(...lines);
        }
        break;
      }
    }
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    if (e instanceof UserFacingError) throw e;
    throw unreadable(e instanceof Error ? e.message : String(e));
  }
  return doc;
}

/** The document of a .docx's bytes. */
export function readDocx(bytes: Uint8Array): DocxDocument {
  return parseDocumentXml(documentXml(bytes));
}
