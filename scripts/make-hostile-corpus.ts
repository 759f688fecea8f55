/**
 * The hostile corpus: hostile-but-ordinary workbooks a clerk, a unit or a colleague might really hand the tool
 * — a clerk's notes beside the table, a sheet that merely has a reserved name, a state edited by hand, a sheet
 * called __proto__, a negative number under a date format, text at Excel's limit, broken files. Each is built
 * here from an ordinary five-measure table; nothing is hand-edited. The hardening test builds them in a temp
 * folder; this script writes them where you ask, to open them in Excel or LibreOffice:
 *   npx ts-node --transpile-only scripts/make-hostile-corpus.ts /tmp/hostile
 */
import * as fs from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { XlsxHost } from '../src/hosts/xlsx';
import { bytesOf, HEADER, MEASURES, TASK_SHEET, tableWorkbook, type Row, type TableOptions } from '../tests/support/hostile-kit';

export interface HostileCase {
  file: string;
  about: string;
  build(): Promise<Uint8Array>;
  /** The product's own state sheet is in the file (its values may change when a command writes). */
  productState?: boolean;
}

const SOME_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };

function table(options: TableOptions = {}): () => Promise<Uint8Array> {
  return () => bytesOf(tableWorkbook(options));
}

/** The table with the product's state written as the product writes it (through the host). */
function withState(state: unknown, options: TableOptions = {}): () => Promise<Uint8Array> {
  return async () => {
    const host = XlsxHost.fromWorkbook(tableWorkbook(options));
    await host.apply([{ kind: 'state', text: typeof state === 'string' ? state : JSON.stringify(state) }]);
    return host.toBuffer();
  };
}

function state(highlights: unknown, productSheets: unknown = [], settings: unknown = {}): unknown {
  return { version: 1, highlights, productSheets, settings };
}

function clerkSheet(name: string, extra?: (ws: ExcelJS.Worksheet) => void): TableOptions {
  return {
    edit: (_ws, wb) => {
      const own = wb.addWorksheet(name);
      own.getCell('A1').value = '2021年台账';
      own.getCell('A2').value = '张三 13800000000';
      extra?.(own);
    },
  };
}

function measuresWith(change: (rows: Row[]) => void): Row[] {
  const rows = MEASURES.map((r) => [...r]);
  change(rows);
  return rows;
}

const packedRun = (run: unknown[]) => ({
  [TASK_SHEET]: { asOf: '2022-09-15', cells: [], packed: { styles: [{ fill: null, font: null, token: '' }], colours: [{ fill: 'FFC7CE', font: '9C0006' }], runs: [run] } },
});

export const HOSTILE_CASES: HostileCase[] = [
  { file: 'plain.xlsx', about: 'an ordinary table: the baseline', build: table() },
  {
    file: 'notes-beside-table.xlsx',
    about: 'a clerk’s notes in a headerless column right beside the table',
    build: table({ edit: (ws) => ((ws.getCell(3, 6).value = '重点跟踪'), (ws.getCell(6, 6).value = '已电话催办')) }),
  },
  { file: 'number-far-right.xlsx', about: 'a number further right on a table row', build: table({ edit: (ws) => (ws.getCell(4, 12).value = 1234.5) }) },
  {
    file: 'merged-note-right.xlsx',
    about: 'a merged note reaching beyond the table',
    build: table({ edit: (ws) => ((ws.getCell(4, 7).value = '跨列备注'), ws.mergeCells(4, 7, 4, 9)) }),
  },
  { file: 'content-at-xfd.xlsx', about: 'a note in column XFD of a table row', build: table({ edit: (ws) => (ws.getCell(3, 16384).value = '最后一列') }) },
  { file: 'clerk-state-sheet.xlsx', about: 'a clerk’s visible sheet named _allocation_state', build: table(clerkSheet('_allocation_state')) },
  { file: 'clerk-state-sheet-case.xlsx', about: 'a clerk’s sheet named _Allocation_State', build: table(clerkSheet('_Allocation_State')) },
  { file: 'clerk-return-sheet.xlsx', about: 'a clerk’s sheet named _allocation_return in a master', build: table(clerkSheet('_allocation_return')) },
  {
    file: 'record-without-stamp.xlsx',
    about: 'a product-sheet record without a stamp naming the clerk’s 2021年台账',
    productState: true,
    build: withState(state({}, [{ name: '2021年台账', marker: 'summary', source: TASK_SHEET, createdAt: '2021-12-01 10:00' }], { summarySheetName: '2021年台账' }), clerkSheet('2021年台账')),
  },
  { file: 'sheet-proto.xlsx', about: 'the task sheet is named __proto__', build: table({ sheet: '__proto__' }) },
  { file: 'sheet-constructor.xlsx', about: 'the task sheet is named constructor', build: table({ sheet: 'constructor' }) },
  { file: 'sheet-tostring.xlsx', about: 'the task sheet is named toString', build: table({ sheet: 'toString' }) },
  {
    file: 'state-proto-record.xlsx',
    about: 'a state with a highlight record for __proto__ and constructor (no such sheets)',
    productState: true,
    build: withState(state(JSON.parse('{"__proto__":{"asOf":"2022-09-15","cells":[]},"constructor":{"asOf":"x","cells":[]}}'))),
  },
  { file: 'state-forged-run.xlsx', about: 'a state run [3,0,300000000,0,0]', productState: true, build: withState(state(packedRun([3, 0, 300_000_000, 0, 0]))) },
  { file: 'state-huge-row.xlsx', about: 'a state run on row 300 000 000', productState: true, build: withState(state(packedRun([300_000_000, 0, 3, 0, 0]))) },
  { file: 'state-cells-string.xlsx', about: 'a state whose cells are a string', productState: true, build: withState(state({ [TASK_SHEET]: { asOf: '2022-09-15', cells: 'abc' } })) },
  {
    file: 'state-cells-wrong-shape.xlsx',
    about: 'a state whose cells are of the wrong shape',
    productState: true,
    build: withState(state({ [TASK_SHEET]: { asOf: '2022-09-15', cells: [{ row: 'x' }, null, 5, { row: 2, col: 1 }] } })),
  },
  { file: 'state-sheet-without-name.xlsx', about: 'a productSheets entry without a name', productState: true, build: withState(state({}, [{ marker: 'summary', source: TASK_SHEET }])) },
  { file: 'state-not-json.xlsx', about: 'a very hidden state sheet that is not JSON', productState: true, build: withState('{"version":1,"highl') },
  { file: 'state-version-2.xlsx', about: 'a state of a version this product does not know', productState: true, build: withState({ version: 2, stuff: [] }) },
  {
    file: 'state-settings-odd.xlsx',
    about: 'settings of the wrong types (soonDays a string, columns a number, a reserved summary name)',
    productState: true,
    build: withState(state({}, [], { soonDays: '10', columns: 3, summarySheetName: '_allocation_state', colours: 'red', planYear: 'x' })),
  },
  {
    file: 'long-explanation.xlsx',
    about: 'a 进展说明 column holding a 32 700-character text',
    build: table({ header: [...HEADER, '完成情况', '进展说明'], rows: measuresWith((rows) => rows[0].push('序时推进', '说'.repeat(32_700))) }),
  },
  {
    file: 'negative-deadline-date-format.xlsx',
    about: 'a negative number under a date format in 完成时限',
    build: table({ edit: (ws) => ((ws.getCell(3, 3).value = -5), (ws.getCell(3, 3).numFmt = 'yyyy-mm-dd')) }),
  },
  { file: 'negative-deadline.xlsx', about: 'a plain negative number in 完成时限', build: table({ rows: measuresWith((rows) => (rows[1][2] = -45000)) }) },
  {
    file: 'control-characters.xlsx',
    about: 'control characters (ESC, BEL, CR) in a measure and a unit',
    build: table({ rows: measuresWith((rows) => ((rows[0][1] = '做好\u001b[31m公开\u0007工作'), (rows[2][3] = '市场\r监管局'))) }),
  },
  {
    file: 'second-table-below.xlsx',
    about: 'a second table of another layout below the first',
    build: table({
      edit: (ws) => {
        ws.getCell(10, 1).value = '序号';
        ws.getCell(10, 2).value = '责任单位';
        ws.getCell(10, 3).value = '联系人';
        ws.getCell(11, 1).value = 1;
        ws.getCell(11, 2).value = '办公室';
        ws.getCell(11, 3).value = '张三';
      },
    }),
  },
  {
    file: 'formulas-and-errors.xlsx',
    about: 'formula cells with cached results and an error value',
    build: table({
      edit: (ws) => {
        ws.getCell(3, 1).value = { formula: 'ROW()-2', result: 1 };
        ws.getCell(5, 5).value = { error: '#REF!' };
      },
    }),
  },
  { file: 'hidden-rows.xlsx', about: 'hidden task rows', build: table({ edit: (ws) => ((ws.getRow(4).hidden = true), (ws.getRow(5).hidden = true)) }) },
  {
    file: 'hidden-task-sheet.xlsx',
    about: 'the task sheet hidden, another sheet first',
    build: table({
      edit: (ws, wb) => {
        ws.state = 'hidden';
        wb.addWorksheet('说明').getCell('A1').value = '本表用于台账';
      },
    }),
  },
  { file: 'long-sheet-name.xlsx', about: 'a 31-character sheet name', build: table({ sheet: '两江新区二〇二二年政务公开重点工作任务分工表（定稿）'.slice(0, 31) }) },
  { file: 'odd-sheet-name.xlsx', about: 'a sheet name with spaces, an apostrophe and CJK punctuation', build: table({ sheet: "任务 分工（2022）o'k" }) },
  {
    file: 'many-units.xlsx',
    about: 'fifty units in one cell',
    build: table({ rows: measuresWith((rows) => (rows[0][4] = Array.from({ length: 50 }, (_, i) => `第${i + 1}街道`).join('、'))) }),
  },
  { file: 'measure-at-limit.xlsx', about: 'a measure text of 32 767 characters', build: table({ rows: measuresWith((rows) => (rows[3][1] = '措'.repeat(32_767))) }) },
  {
    file: 'rich-text-and-links.xlsx',
    about: 'rich text and hyperlinks in task cells',
    build: table({
      edit: (ws) => {
        ws.getCell(3, 2).value = { richText: [{ text: '切实做好', font: { bold: true } }, { text: '政策解读工作' }] };
        ws.getCell(4, 4).value = { text: '经济运行局', hyperlink: 'https://example.org/' };
      },
    }),
  },
  {
    file: 'full-width-and-text-dates.xlsx',
    about: 'full-width digits and dates written as text',
    build: table({ rows: measuresWith((rows) => ((rows[0][0] = '１'), (rows[1][2] = '２０２２年９月３０日前'), (rows[2][2] = '2022.10.8'))) }),
  },
  { file: 'real-dates.xlsx', about: 'deadlines as Excel date cells', build: table({ rows: measuresWith((rows) => rows.forEach((r, i) => (r[2] = new Date(Date.UTC(2022, 5 + i, 30))))) }) },
  { file: 'booleans.xlsx', about: 'TRUE/FALSE in task cells', build: table({ rows: measuresWith((rows) => ((rows[0][2] = true), (rows[1][4] = false))) }) },
  {
    file: 'unit-named-proto.xlsx',
    about: 'units named __proto__ and constructor',
    build: table({ rows: measuresWith((rows) => ((rows[0][3] = '__proto__'), (rows[1][4] = 'constructor'))) }),
  },
  { file: 'unit-with-slash.xlsx', about: 'a unit name with slashes and a colon', build: table({ rows: measuresWith((rows) => (rows[0][3] = '办公室/财政局:联合')) }) },
  { file: 'unit-very-long.xlsx', about: 'a unit name of 80 characters', build: table({ rows: measuresWith((rows) => (rows[2][3] = '两江新区'.repeat(20))) }) },
  {
    file: 'clerk-sheets-product-names.xlsx',
    about: 'clerk sheets named 回收情况 and 落实情况汇总',
    build: table({
      edit: (_ws, wb) => {
        wb.addWorksheet('回收情况').getCell('A1').value = '我的回收记录';
        wb.addWorksheet('落实情况汇总').getCell('A1').value = '我的汇总';
      },
    }),
  },
  {
    file: 'garbage-directory.xlsx',
    about: 'a 单位名录 sheet holding something else',
    build: table({ edit: (_ws, wb) => void (wb.addWorksheet('单位名录').getCell('C7').value = '这里不是名录') }),
  },
  { file: 'state-other-sheet.xlsx', about: 'a highlight record for a sheet that no longer exists', productState: true, build: withState(state(packedRun([3, 0, 4, 0, 0]))) },
  {
    file: 'fills-and-frozen.xlsx',
    about: 'clerk fills, frozen panes and an autofilter',
    build: table({
      edit: (ws) => {
        ws.getCell(3, 2).fill = SOME_FILL;
        ws.views = [{ state: 'frozen', ySplit: 2 }];
        ws.autoFilter = 'A2:E7';
      },
    }),
  },
  { file: 'header-only.xlsx', about: 'a header without task rows', build: table({ rows: [] }) },
  { file: 'title-only.xlsx', about: 'only a title', build: table({ header: ['两江新区2022年政务公开重点工作任务分工'], rows: [] }) },
  {
    file: 'header-repeated.xlsx',
    about: 'the header repeated after a page break',
    build: table({ rows: [...MEASURES.slice(0, 2), HEADER, ...MEASURES.slice(2)] }),
  },
  {
    file: 'many-rows.xlsx',
    about: 'two thousand measures',
    build: table({ rows: Array.from({ length: 2_000 }, (_, i) => [i + 1, `第${i + 1}项公开工作`, '12月31日前', i % 2 ? '办公室' : '财政局', '司法局']) }),
  },
  { file: 'empty-sheet.xlsx', about: 'a workbook whose only sheet is empty', build: async () => bytesOf(tableWorkbook({ header: [], rows: [], edit: (ws) => (ws.getCell(1, 1).value = null) })) },
  { file: 'csv-renamed.xlsx', about: 'a CSV saved as .xlsx', build: async () => strToU8('序号,贯彻举措,完成时限\n1,公开,7月31日前\n') },
  { file: 'zero-bytes.xlsx', about: 'an empty file', build: async () => new Uint8Array(0) },
  {
    file: 'truncated.xlsx',
    about: 'an .xlsx cut off half way (an unfinished download)',
    build: async () => {
      const whole = await bytesOf(tableWorkbook());
      return whole.slice(0, Math.floor(whole.length / 2));
    },
  },
  {
    file: 'docx-renamed.xlsx',
    about: 'a Word document renamed .xlsx',
    build: async () => zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }),
  },
];

/** Writes every case into `dir` and returns the paths. */
export async function writeHostileCorpus(dir: string): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const c of HOSTILE_CASES) {
    const file = path.join(dir, c.file);
    fs.writeFileSync(file, await c.build());
    written.push(file);
  }
  return written;
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('用法 / usage: make-hostile-corpus.ts <folder>\n');
    process.exitCode = 2;
  } else {
    writeHostileCorpus(dir).then((files) => process.stdout.write(`${files.length} files in ${dir}\n`));
  }
}
