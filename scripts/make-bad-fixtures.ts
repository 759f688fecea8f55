/**
 * Builds the hardening corpus (tests/fixtures/bad/): bad or odd files a clerk may really hand the tool —
 * not an .xlsx at all, broken, empty, or an .xlsx whose table is odd in one specific way. Every file is
 * listed in tests/fixtures/bad/manifest.json with what the CLI must do with it (exit code and a zh-CN
 * message, or the correct result). Byte-stable: running it twice gives the same files.
 *   npx ts-node --transpile-only scripts/make-bad-fixtures.ts
 */
import * as fs from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { FIXED_TIME, newWorkbook, styleBody, styleHeader, styleTitle, writeStable } from './workbook-kit';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const JSZip = require('jszip');

const ROOT = path.resolve(__dirname, '..');
const DIR = path.join(ROOT, 'tests/fixtures/bad');

const TITLE = '两江新区2022年政务公开重点工作任务分工';
const HEADER = ['序号', '贯彻举措', '完成时限', '牵头单位', '责任单位', '完成情况'];
type Row = (ExcelJS.CellValue | undefined)[];

/** Five ordinary measures in the HEADER's columns; fixtures change one thing about them. */
const MEASURES: Row[] = [
  [1, '切实做好政策性文件公开征求意见、政策解读、关切回应等工作', '长期开展', '办公室', '各部门，各驻区机构', '持续推进'],
  [2, '及时公开涉企优惠政策及其执行情况', '7月31日前', '经济运行局', '财政局、税务局', '已完成'],
  [3, '做好行政许可、行政处罚等信息公开', '9月30日前', '市场监管局', '司法局', '正在推进'],
  [4, '加强重大建设项目批准和实施领域信息公开', '12月31日前', '建设管理局', '规划自然资源局、生态环境分局', ''],
  [5, '规范政府信息公开申请办理', '及时公开', '办公室', '各部门', '序时推进'],
];

/** What the CLI must do with one corpus file. */
export interface BadFixture {
  file: string;
  /** What is odd about it, in words. */
  about: string;
  /** `allocation check <file> --format json` exit code. */
  exitCode: 0 | 1 | 2;
  /** A substring of the zh-CN message on stderr (exit 2). */
  message?: string;
  /** For files that yield a result: the number of tasks found … */
  tasks?: number;
  /** … and finding codes that must be among the findings. */
  findingCodes?: string[];
}

const corpus: BadFixture[] = [];

/** A workbook with the title, header and the given rows on sheet 任务分工, starting at row 1. */
function tableWorkbook(rows: Row[], options: { title?: string | null; header?: string[] | null } = {}): { wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet } {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('任务分工');
  const header = options.header === undefined ? HEADER : options.header;
  let r = 1;
  const title = options.title === undefined ? TITLE : options.title;
  if (title !== null) {
    styleTitle(ws.getCell(r, 1));
    ws.getCell(r, 1).value = title;
    ws.mergeCells(r, 1, r, header?.length ?? HEADER.length);
    r++;
  }
  if (header) {
    header.forEach((h, i) => {
      ws.getCell(r, i + 1).value = h;
      styleHeader(ws.getCell(r, i + 1));
    });
    r++;
  }
  for (const row of rows) {
    row.forEach((v, i) => {
      if (v === undefined) return;
      const cell = ws.getCell(r, i + 1);
      if (v !== null && v !== '') cell.value = v;
      styleBody(cell);
    });
    r++;
  }
  return { wb, ws };
}

async function xlsx(file: string, wb: ExcelJS.Workbook, expect: Omit<BadFixture, 'file'>): Promise<void> {
  await writeStable(wb, path.join(DIR, file));
  corpus.push({ file, ...expect });
}

function raw(file: string, bytes: Uint8Array, expect: Omit<BadFixture, 'file'>): void {
  fs.writeFileSync(path.join(DIR, file), bytes);
  corpus.push({ file, ...expect });
}

/**
 * A Compound File Binary (OLE2) container, as old .xls files and password-protected .xlsx files are:
 * 512-byte sectors, one FAT sector, one directory sector, then each stream in its own run of sectors
 * (every stream here is ≥ 4096 bytes, so none lives in the mini stream).
 */
function compoundFile(streams: { name: string; size: number; fill: number }[]): Uint8Array {
  const SECTOR = 512;
  const FREESECT = 0xffffffff;
  const ENDOFCHAIN = 0xfffffffe;
  const FATSECT = 0xfffffffd;
  const NOSTREAM = 0xffffffff;
  const sectorsOf = (size: number) => Math.ceil(size / SECTOR);
  const dataSectors = streams.reduce((n, s) => n + sectorsOf(s.size), 0);
  const buf = Buffer.alloc(SECTOR * (1 + 2 + dataSectors));
  // Header.
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  buf.writeUInt16LE(0x003e, 24); // minor version
  buf.writeUInt16LE(0x0003, 26); // major version 3 (512-byte sectors)
  buf.writeUInt16LE(0xfffe, 28); // byte order: little-endian
  buf.writeUInt16LE(9, 30); // sector shift: 2^9 = 512
  buf.writeUInt16LE(6, 32); // mini sector shift: 2^6 = 64
  buf.writeUInt32LE(1, 44); // number of FAT sectors
  buf.writeUInt32LE(1, 48); // first directory sector
  buf.writeUInt32LE(4096, 56); // mini stream cut-off
  buf.writeUInt32LE(ENDOFCHAIN, 60); // first mini FAT sector: none
  buf.writeUInt32LE(0, 64); // mini FAT sectors
  buf.writeUInt32LE(ENDOFCHAIN, 68); // first DIFAT sector: none
  buf.writeUInt32LE(0, 72); // DIFAT sectors
  buf.writeUInt32LE(0, 76); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) buf.writeUInt32LE(FREESECT, 76 + i * 4);
  const sectorOffset = (n: number) => SECTOR * (n + 1);
  // FAT (sector 0): itself, the directory (sector 1), then each stream's chain.
  const fat = new Array<number>(SECTOR / 4).fill(FREESECT);
  fat[0] = FATSECT;
  fat[1] = ENDOFCHAIN;
  let next = 2;
  const starts: number[] = [];
  for (const s of streams) {
    starts.push(next);
    const n = sectorsOf(s.size);
    for (let i = 0; i < n; i++) fat[next + i] = i === n - 1 ? ENDOFCHAIN : next + i + 1;
    buf.fill(s.fill, sectorOffset(next), sectorOffset(next) + s.size);
    next += n;
  }
  fat.forEach((v, i) => buf.writeUInt32LE(v, sectorOffset(0) + i * 4));
  // Directory (sector 1): the root, then the streams as a chain of right siblings (names in CFB order).
  const entry = (index: number, name: string, type: number, child: number, right: number, start: number, size: number) => {
    const at = sectorOffset(1) + index * 128;
    const utf16 = Buffer.from(`${name}\0`, 'utf16le');
    utf16.copy(buf, at);
    buf.writeUInt16LE(utf16.length, at + 64);
    buf.writeUInt8(type, at + 66);
    buf.writeUInt8(1, at + 67); // black
    buf.writeUInt32LE(NOSTREAM, at + 68); // left sibling
    buf.writeUInt32LE(right, at + 72);
    buf.writeUInt32LE(child, at + 76);
    buf.writeUInt32LE(start, at + 116);
    buf.writeUInt32LE(size, at + 120);
  };
  const ordered = streams
    .map((s, i) => ({ ...s, start: starts[i] }))
    .sort((a, b) => a.name.length - b.name.length || a.name.toUpperCase().localeCompare(b.name.toUpperCase()));
  entry(0, 'Root Entry', 5, 1, NOSTREAM, ENDOFCHAIN, 0);
  ordered.forEach((s, i) => entry(i + 1, s.name, 2, NOSTREAM, i + 1 < ordered.length ? i + 2 : NOSTREAM, s.start, s.size));
  for (let i = ordered.length + 1; i < 4; i++) {
    buf.writeUInt32LE(NOSTREAM, sectorOffset(1) + i * 128 + 68);
    buf.writeUInt32LE(NOSTREAM, sectorOffset(1) + i * 128 + 72);
    buf.writeUInt32LE(NOSTREAM, sectorOffset(1) + i * 128 + 76);
  }
  return buf;
}

async function zipOf(entries: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(entries)) zip.file(name, content, { date: FIXED_TIME, createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function build(): Promise<void> {
  fs.rmSync(DIR, { recursive: true, force: true });
  fs.mkdirSync(DIR, { recursive: true });

  // ——— Not an .xlsx at all, or a broken one: exit 2 with a message naming what it is. ———
  raw('zero-bytes.xlsx', new Uint8Array(0), { about: 'an empty (0-byte) file', exitCode: 2, message: '文件是空的' });
  raw('legacy-xls-renamed.xlsx', compoundFile([{ name: 'Workbook', size: 4096, fill: 0x09 }]), {
    about: 'an old .xls (OLE2 container with a Workbook stream) renamed .xlsx',
    exitCode: 2,
    message: '旧版 .xls',
  });
  raw(
    'password-protected.xlsx',
    compoundFile([
      { name: 'EncryptionInfo', size: 4096, fill: 0x04 },
      { name: 'EncryptedPackage', size: 8192, fill: 0x5a },
    ]),
    { about: 'a password-protected workbook (OLE2 container with EncryptionInfo and EncryptedPackage streams)', exitCode: 2, message: '设置了打开密码' },
  );
  raw('csv-renamed.xlsx', Buffer.from(`${HEADER.join(',')}\n1,切实做好政策性文件公开,长期开展,办公室,各部门,\n`, 'utf8'), {
    about: 'a CSV export renamed .xlsx',
    exitCode: 2,
    message: '文本文件',
  });
  raw('html-renamed.xlsx', Buffer.from(`<html><body><table><tr><td>${HEADER.join('</td><td>')}</td></tr></table></body></html>\n`, 'utf8'), {
    about: 'an HTML table saved as .xlsx (what some web systems export)',
    exitCode: 2,
    message: '文本文件',
  });
  raw('random-bytes.xlsx', Uint8Array.from({ length: 2048 }, (_, i) => (i * 73 + 41) % 256), {
    about: 'binary noise with no known signature',
    exitCode: 2,
    message: '不是 .xlsx 工作簿',
  });
  const sample = fs.readFileSync(path.join(ROOT, 'samples/liangjiang-2022.xlsx'));
  raw('truncated-zip.xlsx', sample.subarray(0, Math.floor(sample.length / 2)), { about: 'a real workbook cut off half-way (an interrupted download)', exitCode: 2, message: '已损坏' });
  raw('zip-not-workbook.xlsx', await zipOf({ 'readme.txt': '这不是工作簿' }), { about: 'a zip archive that holds no workbook', exitCode: 2, message: '这是压缩包' });
  raw('docx-renamed.xlsx', await zipOf({ '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>', 'word/document.xml': '<w:document/>' }), {
    about: 'a Word document (zip without xl/workbook.xml) renamed .xlsx',
    exitCode: 2,
    message: 'Word 文档',
  });

  // ——— Readable workbooks with no usable table: exit 2, nothing written. ———
  {
    const wb = newWorkbook();
    wb.addWorksheet('Sheet1');
    await xlsx('empty-workbook.xlsx', wb, { about: 'a workbook whose only sheet is empty', exitCode: 2, message: '是空的' });
  }
  await xlsx('title-only.xlsx', tableWorkbook([], { header: null }).wb, { about: 'only a title row', exitCode: 2, message: '没有找到任务分工表的表头' });
  await xlsx('header-no-rows.xlsx', tableWorkbook([]).wb, { about: 'a title and a header but no measures: a result of 0 tasks (the report paragraph says the sheet lists none)', exitCode: 0, tasks: 0 });
  {
    const { wb, ws } = tableWorkbook(MEASURES);
    ws.unMergeCells('A1');
    ws.mergeCells(1, 1, 7, 6);
    await xlsx('all-merged.xlsx', wb, { about: 'every cell of the table merged into one', exitCode: 2, message: '没有找到任务分工表的表头' });
  }
  await xlsx('english-header.xlsx', tableWorkbook(MEASURES, { title: 'Task allocation 2022', header: ['No.', 'Measure', 'Deadline', 'Lead', 'Responsible', 'Status'] }).wb, {
    about: 'a header in English only (no column name the tool knows): the columns are judged by their content, and check says so',
    exitCode: 0,
    tasks: 5,
    findingCodes: ['layout.columns_by_content'],
  });
  {
    const { wb, ws } = tableWorkbook(MEASURES);
    ws.spliceRows(2, 0, ...Array.from({ length: 20 }, () => []));
    await xlsx('header-far-down.xlsx', wb, { about: 'the header pushed below row 20 by blank rows', exitCode: 2, message: '没有找到任务分工表的表头' });
  }
  {
    const wb = newWorkbook();
    const ws = wb.addWorksheet('任务分工');
    ws.getCell('A1').value = TITLE;
    for (let c = 1; c <= 6; c++) ws.getRow(1_048_576).getCell(c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    await xlsx('million-rows-formatting-only.xlsx', wb, {
      about: 'a title, and the sheet "used" to row 1 048 576 by formatting only (a fill on the last row)',
      exitCode: 2,
      message: '没有找到任务分工表的表头',
    });
  }
  {
    const { wb } = tableWorkbook(MEASURES);
    wb.worksheets[0].state = 'hidden';
    const visible = wb.addWorksheet('说明');
    visible.getCell('A1').value = '请各单位于每月25日前报送完成情况。';
    wb.views = [{ activeTab: 1, x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, visibility: 'visible' }];
    await xlsx('table-on-hidden-sheet.xlsx', wb, { about: 'the table on a hidden sheet, a note sheet active', exitCode: 2, message: '没有找到任务分工表的表头' });
  }

  // ——— Odd but usable: a correct result. ———
  await xlsx('baseline.xlsx', tableWorkbook(MEASURES).wb, { about: 'five ordinary measures (the reference for the odd ones)', exitCode: 0, tasks: 5 });
  {
    const { wb, ws } = tableWorkbook(MEASURES);
    let r = 9;
    ws.getCell(r, 1).value = '附表：2021年度未完成事项';
    r++;
    HEADER.forEach((h, i) => (ws.getCell(r, i + 1).value = h));
    ws.getRow(r + 1).values = [1, '推进政务公开标准化规范化', '6月底前', '办公室', '各部门', '未启动'];
    await xlsx('two-tables-one-sheet.xlsx', wb, { about: 'a second table (its own caption and header) below the first: read on as one table, the repeated header noted', exitCode: 0, tasks: 6, findingCodes: ['layout.header_repeated'] });
  }
  {
    const { wb, ws } = tableWorkbook([...MEASURES.slice(0, 3), HEADER, ...MEASURES.slice(3)]);
    void ws;
    await xlsx('header-repeated.xlsx', wb, { about: 'the header row repeated mid-table (pasted from a printout): skipped and noted, not a task', exitCode: 0, tasks: 5, findingCodes: ['layout.header_repeated'] });
  }
  {
    const { wb, ws } = tableWorkbook(MEASURES);
    ws.getRow(4).hidden = true;
    ws.getRow(6).hidden = true;
    ws.autoFilter = 'A2:F7';
    await xlsx('hidden-and-filtered-rows.xlsx', wb, { about: 'rows hidden by hand and by an AutoFilter: still tasks', exitCode: 0, tasks: 5 });
  }
  {
    const { wb, ws } = tableWorkbook(MEASURES);
    ws.getCell('B3').value = { richText: [{ text: '切实做好', font: { bold: true } }, { text: '政策性文件公开征求意见', font: { color: { argb: 'FFFF0000' } } }] };
    ws.getCell('D4').value = { richText: [{ text: '经济', font: { italic: true } }, { text: '运行局' }] };
    ws.getCell('C5').alignment = { textRotation: 'vertical' };
    ws.getCell('E6').alignment = { textRotation: 90 };
    await xlsx('rich-and-vertical-text.xlsx', wb, { about: 'rich-text cells (runs in several fonts) and vertical/rotated text', exitCode: 0, tasks: 5 });
  }
  {
    const long = '政务公开'.repeat(8191) + '要求';
    await xlsx('cell-32767-chars.xlsx', tableWorkbook([[1, long, '7月31日前', '办公室', '各部门', '']]).wb, {
      about: 'a measure of 32 767 characters (Excel’s cell limit)',
      exitCode: 0,
      tasks: 1,
      findingCodes: ['cell.too_long'],
    });
  }
  await xlsx(
    'formula-errors.xlsx',
    tableWorkbook([
      [1, '及时公开涉企优惠政策', { formula: 'Sheet2!A1', result: { error: '#REF!' } }, '办公室', '各部门', ''],
      [2, '做好行政许可信息公开', '9月30日前', { formula: 'VLOOKUP(A4,X:Y,2,0)', result: { error: '#N/A' } }, '司法局', ''],
      [3, '加强重大建设项目信息公开', '12月31日前', '建设管理局', { formula: '1/0', result: { error: '#DIV/0!' } }, ''],
    ]).wb,
    { about: '#REF!, #N/A and #DIV/0! formula results in the deadline and unit cells', exitCode: 1, tasks: 3, findingCodes: ['cell.error'] },
  );
  await xlsx(
    'dates-every-way.xlsx',
    tableWorkbook([
      [1, '以日期单元格写的时限', new Date(Date.UTC(2022, 8, 30)), '办公室', '各部门', ''],
      [2, '以序列号写的时限', 44834, '办公室', '各部门', ''],
      [3, '以文本写的时限', '2022-09-30', '办公室', '各部门', ''],
      [4, '以中文写的时限', '2022年9月30日', '办公室', '各部门', ''],
      [5, '以斜杠写的时限', '2022/9/30', '办公室', '各部门', ''],
      [6, '完成日期写成数字', '9月30日前', '办公室', '各部门', 44762],
    ]).wb,
    { about: 'deadlines as a date cell, a bare serial number and as text in four spellings; a serial number as the status', exitCode: 0, tasks: 6, findingCodes: ['status.unrecognised'] },
  );
  await xlsx(
    'numbers-as-units.xlsx',
    tableWorkbook([
      [1, '牵头单位写成编号', '7月31日前', 101, 102, ''],
      [2, '责任单位写成布尔值', '8月31日前', '办公室', true, ''],
    ]).wb,
    { about: 'numbers and a boolean where unit names belong', exitCode: 0, tasks: 2, findingCodes: ['unit.unknown'] },
  );
  await xlsx(
    'emoji-and-control-chars.xlsx',
    tableWorkbook([
      [1, '📢 做好政策解读\u0007工作👍', '7月31日前\u0001', '办公室😀', '各部门\u000b各街道', '✅已完成'],
      [2, '推进\u200b政务\ufeff公开', '９月３０日前', '　市场监管局　', '司法局\t财政局', '正在推进🚧'],
    ]).wb,
    { about: 'emoji, control characters, zero-width and full-width characters in every column', exitCode: 0, tasks: 2, findingCodes: ['unit.unknown'] },
  );
  {
    const header = [...HEADER, ...Array.from({ length: 194 }, (_, i) => `备注${i + 1}`)];
    const rows = MEASURES.map((m) => [...m, ...Array.from({ length: 194 }, (_, i) => (i % 17 === 0 ? `说明${i}` : null))]);
    await xlsx('wide-200-columns.xlsx', tableWorkbook(rows, { header }).wb, { about: 'a 200-column sheet (194 note columns after the table)', exitCode: 0, tasks: 5 });
  }
  await xlsx(
    'no-deadline-column.xlsx',
    tableWorkbook(MEASURES.map((m) => [m[0], m[1], m[3], m[4]]), { header: ['序号', '贯彻举措', '牵头单位', '责任单位'] }).wb,
    { about: 'a table with no 完成时限 column: one table-level finding, not one per row', exitCode: 0, tasks: 5, findingCodes: ['column.deadline_missing'] },
  );
  await xlsx(
    'no-unit-columns.xlsx',
    tableWorkbook(MEASURES.map((m) => [m[0], m[1], m[2]]), { header: ['序号', '贯彻举措', '完成时限'] }).wb,
    { about: 'a table with no unit column at all', exitCode: 0, tasks: 5, findingCodes: ['column.units_missing'] },
  );
  await xlsx(
    'impossible-dates.xlsx',
    tableWorkbook([
      [1, '二月没有三十日', '2月30日前', '办公室', '各部门', ''],
      [2, '没有十三月', '13月1日前', '办公室', '各部门', ''],
      [3, '写不出日期', '尽早吧', '办公室', '各部门', ''],
    ]).wb,
    { about: 'impossible and unreadable deadlines', exitCode: 1, tasks: 3, findingCodes: ['deadline.invalid', 'deadline.unknown'] },
  );
  await xlsx(
    'formula-looking-text.xlsx',
    tableWorkbook([
      [1, '=SUM(A1:A9)看起来像公式的举措', '7月31日前', '办公室', '各部门', ''],
      [2, '+86 热线公开', '8月31日前', '办公室', '各部门', ''],
      [3, '-做好解读', '9月30日前', '办公室', '各部门', ''],
      [4, '@所有单位', '12月31日前', '办公室', '各部门', ''],
    ]).wb,
    { about: 'measure texts beginning with = + - @ (must stay text in every sheet the tool writes)', exitCode: 0, tasks: 4 },
  );
  await xlsx(
    'blank-spacer-rows.xlsx',
    tableWorkbook([MEASURES[0], [], [], MEASURES[1], [], MEASURES[2], [], [], [], MEASURES[3], MEASURES[4], [], []]).wb,
    { about: 'blank spacer rows between and after the measures', exitCode: 0, tasks: 5 },
  );
  await xlsx(
    'unrecognised-status.xlsx',
    tableWorkbook(MEASURES.map((m, i) => [...m.slice(0, 5), ['已阅', '收到', '？？', '已完成', '好的'][i]])).wb,
    { about: 'status answers that are not status words', exitCode: 0, tasks: 5, findingCodes: ['status.unrecognised'] },
  );
  await xlsx(
    'unknown-and-duplicate-units.xlsx',
    tableWorkbook([
      [1, '单位名写错', '7月31日前', '经济运营局', '财政局、财政局', ''],
      [2, '没有牵头单位', '8月31日前', '', '司法局', ''],
    ]).wb,
    { about: 'a misspelt unit, a unit named twice in one cell and a missing lead unit', exitCode: 1, tasks: 2, findingCodes: ['unit.unknown', 'unit.duplicate', 'lead.missing'] },
  );
  {
    const { wb, ws } = tableWorkbook(MEASURES);
    ws.mergeCells('D3:D7');
    ws.mergeCells('C4:C6');
    await xlsx('units-merged-over-rows.xlsx', wb, { about: 'one lead-unit cell merged over all measures, a deadline merged over three', exitCode: 0, tasks: 5 });
  }
  await xlsx(
    'numbering-gaps.xlsx',
    tableWorkbook([MEASURES[0], MEASURES[1], [4, ...MEASURES[3].slice(1)], [4, ...MEASURES[4].slice(1)]]).wb,
    { about: 'measure numbers with a gap (3 missing) and a duplicate (4 twice)', exitCode: 0, tasks: 4, findingCodes: ['numbering.gap', 'numbering.duplicate'] },
  );
  {
    const { wb } = tableWorkbook(MEASURES, { title: '政务公开重点工作任务分工' });
    await xlsx('no-year-anywhere.xlsx', wb, { about: 'a title naming no year: the plan year is guessed from the deadlines and says so', exitCode: 0, tasks: 5, findingCodes: ['plan_year.guessed'] });
  }
  {
    const wb = newWorkbook();
    const ws = wb.addWorksheet('单位名录');
    ws.getRow(1).values = ['单位名称', '别名', '类别'];
    ws.getRow(2).values = ['办公室', '管委会办公室', '部门'];
    await xlsx('only-directory-sheet.xlsx', wb, { about: 'a workbook holding only a 单位名录 sheet, no 任务分工', exitCode: 2, message: '不是任务分工表' });
  }

  const manifest = { about: 'What `allocation check <file> --format json` must do with each file (exit code; zh-CN message or result). Generated by scripts/make-bad-fixtures.ts.', files: corpus };
  fs.writeFileSync(path.join(DIR, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  process.stdout.write(`wrote ${corpus.length} files to ${path.relative(ROOT, DIR)}\n`);
}

if (require.main === module) {
  build().catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  });
}
