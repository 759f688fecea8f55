/**
 * A minimal .docx writer for tests and the bundled sample notice: [Content_Types].xml, _rels/.rels and
 * word/document.xml in a zip, with paragraphs and tables (gridSpan, vMerge, tblHeader, tblGrid) as Word
 * writes them. Also the 两江新区 2022 notice built from the seed data, in the layouts notices come in.
 */
import * as fs from 'fs';
import * as path from 'path';
import { strToU8, zipSync } from 'fflate';

export interface GenCell {
  /** Lines become the cell's paragraphs. */
  text: string;
  span?: number;
  vMerge?: 'restart' | 'continue';
}
export interface GenRow {
  cells: GenCell[];
  header?: boolean;
}
export type Block = { p: string; pageBreak?: boolean } | { table: { grid: number[]; rows: GenRow[] } };

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function paragraph(text: string, pageBreak = false): string {
  const br = pageBreak ? '<w:r><w:br w:type="page"/></w:r>' : '';
  const run = text ? `<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r>` : '';
  return `<w:p>${br}${run}</w:p>`;
}

function table(t: { grid: number[]; rows: GenRow[] }): string {
  const grid = `<w:tblGrid>${t.grid.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  const borders = '<w:tblBorders><w:top w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders>';
  const rows = t.rows
    .map((r) => {
      const trPr = r.header ? '<w:trPr><w:tblHeader/></w:trPr>' : '';
      const cells = r.cells
        .map((c) => {
          const span = c.span && c.span > 1 ? `<w:gridSpan w:val="${c.span}"/>` : '';
          const merge = c.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : c.vMerge === 'continue' ? '<w:vMerge/>' : '';
          const paras = c.text.split('\n').map((line) => paragraph(line)).join('');
          return `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/>${span}${merge}</w:tcPr>${paras}</w:tc>`;
        })
        .join('');
      return `<w:tr>${trPr}${cells}</w:tr>`;
    })
    .join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/>${borders}</w:tblPr>${grid}${rows}</w:tbl>`;
}

export function documentXmlOf(blocks: Block[]): string {
  const body = blocks.map((b) => ('table' in b ? table(b.table) : paragraph(b.p, b.pageBreak))).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr></w:body></w:document>`;
}

/** The bytes of a .docx; `files` replaces or removes (null) parts, for hostile tests. */
export function buildDocx(blocks: Block[], files: Record<string, string | null> = {}): Uint8Array {
  const parts: Record<string, string | null> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': documentXmlOf(blocks),
    ...files,
  };
  const zip: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(parts)) if (text !== null) zip[name] = strToU8(text);
  // A fixed time keeps the bytes the same from run to run (the sample is committed).
  return zipSync(zip, { mtime: new Date('2022-03-01T00:00:00Z') });
}

// ---- The 两江新区 2022 notice, from the seed data ----

export interface SeedMeasure {
  no: number;
  text: string;
  deadline: string;
  lead: string;
  responsible: string;
}
export interface SeedNoticeData {
  title: string;
  header: string[];
  sections: { title: string; subsections: { title: string; measures: SeedMeasure[] }[] }[];
}

export function loadSeedNotice(): SeedNoticeData {
  const file = path.resolve(__dirname, '../../samples/data/liangjiang-2022.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as SeedNoticeData;
}

export function seedMeasures(seed: SeedNoticeData): SeedMeasure[] {
  return seed.sections.flatMap((s) => s.subsections.flatMap((ss) => ss.measures));
}

const NOTICE_HEAD: Block[] = [
  { p: '重庆两江新区管理委员会办公室' },
  { p: '关于印发两江新区2022年政务公开重点工作' },
  { p: '任务分工的通知' },
  { p: '各街道办事处，委机关各部门，各驻区机构：' },
  { p: '现将《两江新区2022年政务公开重点工作任务分工》印发给你们，请认真组织实施。' },
  { p: '重庆两江新区管理委员会办公室' },
  { p: '2022年5月20日' },
];

/** Word's grid for the seed table, in twips: 工作任务 (two columns), 贯彻举措, 完成时限, 牵头单位, 责任单位. */
const MERGED_GRID = [1300, 1700, 6000, 1200, 1500, 2300];

function mergedRows(seed: SeedNoticeData): GenRow[][] {
  // One entry per measure row, sections and subsections merged down their column.
  const rows: GenRow[] = [];
  for (const s of seed.sections) {
    s.subsections.forEach((ss, j) => {
      ss.measures.forEach((m, k) => {
        const firstOfSection = j === 0 && k === 0;
        rows.push({
          cells: [
            firstOfSection ? { text: s.title, vMerge: 'restart' } : { text: '', vMerge: 'continue' },
            k === 0 ? { text: ss.title, vMerge: 'restart' } : { text: '', vMerge: 'continue' },
            { text: `${m.no}.${m.text}` },
            { text: m.deadline },
            { text: m.lead },
            { text: m.responsible },
          ],
        });
      });
    });
  }
  return [rows];
}

function mergedHeader(seed: SeedNoticeData): GenRow {
  return { header: true, cells: [{ text: seed.header[0], span: 2 }, ...seed.header.slice(1).map((text) => ({ text }))] };
}

/** (a) The table as published: under 附件, sections and subsections merged down. */
export function seedNoticeMerged(seed = loadSeedNotice()): Uint8Array {
  const [rows] = mergedRows(seed);
  return buildDocx([...NOTICE_HEAD, { p: '附件', pageBreak: true }, { p: seed.title }, { table: { grid: MERGED_GRID, rows: [mergedHeader(seed), ...rows] } }]);
}

/** (b) A 序号 column, sections and subsections as full-width rows, the measure text without its number. */
export function seedNoticeNumbered(seed = loadSeedNotice()): Uint8Array {
  const header: GenRow = { header: true, cells: ['序号', '工作任务', '完成时限', '牵头单位', '责任单位'].map((text) => ({ text })) };
  const rows: GenRow[] = [];
  for (const s of seed.sections) {
    rows.push({ cells: [{ text: s.title, span: 5 }] });
    for (const ss of s.subsections) {
      rows.push({ cells: [{ text: ss.title, span: 5 }] });
      for (const m of ss.measures) {
        rows.push({ cells: [{ text: String(m.no) }, { text: m.text }, { text: m.deadline }, { text: m.lead }, { text: m.responsible }] });
      }
    }
  }
  return buildDocx([...NOTICE_HEAD, { p: seed.title }, { table: { grid: [700, 7400, 1400, 1800, 2700], rows: [header, ...rows] } }]);
}

/**
 * (c) The merged table split over a page break at measure `splitAt` (mid-subsection), the second part starting
 * with the header again and its section/subsection cells restarted empty, as Word leaves a split table; no
 * heading above the table, so the title comes from the notice's own.
 */
export function seedNoticeSplit(seed = loadSeedNotice(), splitAt = 27): Uint8Array {
  const [rows] = mergedRows(seed);
  const second = rows.slice(splitAt).map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c })) }));
  for (const c of second[0].cells.slice(0, 2)) if (c.vMerge === 'continue') c.vMerge = 'restart';
  // A header row repeated inside the first part as well, as a clerk's copy-paste leaves it.
  const first = [mergedHeader(seed), ...rows.slice(0, 10), { cells: mergedHeader(seed).cells }, ...rows.slice(10, splitAt)];
  return buildDocx([
    ...NOTICE_HEAD,
    { table: { grid: MERGED_GRID, rows: first } },
    { p: '', pageBreak: true },
    { table: { grid: MERGED_GRID, rows: [mergedHeader(seed), ...second] } },
  ]);
}
