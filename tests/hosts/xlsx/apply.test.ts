import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { XlsxHost, writeSpecsToWorkbook } from '../../../src/hosts/xlsx';
import { isUserFacingError } from '../../../src/domain/errors';
import type { SheetSpec } from '../../../src/domain/sheet-spec';
import type { CellRange } from '../../../src/domain/types';
import { STATE_SHEET_NAME, STATE_CHUNK_CHARS } from '../../../src/domain/workbook-state';
import { valuesHash, reopen, reopenHost } from '../../support/workbook-files';

const ROOT = path.resolve(__dirname, '../../..');
const SAMPLE = path.join(ROOT, 'samples/liangjiang-2022-returns.xlsx');

/** Shaped like the summary sheet: a title, a header, formula-looking strings, a date, every sheet feature. */
function summaryLikeSpec(name = '完成情况汇总'): SheetSpec {
  return {
    name,
    marker: 'summary',
    rows: [
      [{ v: '任务完成情况汇总', s: 'title' }],
      [{ v: '状态', s: 'head' }, { v: '数量', s: 'head' }, { v: '说明', s: 'head' }, { v: '截至', s: 'head' }],
      [{ v: '已完成' }, { v: 12 }, { v: '=SUM(A1)' }, { v: { date: '2022-09-15' } }],
      [{ v: '逾期' }, { v: 3 }, { v: '+86 023 6000' }, { v: '-1' }],
      [{ v: '临近到期' }, { v: 1 }, { v: '@各部门' }, { v: null }],
    ],
    merges: [{ top: 0, left: 0, bottom: 0, right: 3 }],
    columnWidths: [14, 10, 30, 14],
    styles: { title: { bold: true, fontSize: 16, horizontal: 'center' }, head: { bold: true, fill: '#D9E1F2', border: true } },
    freeze: { rows: 2, cols: 0 },
    print: { landscape: true, fitToWidth: true, repeatRows: [0, 1], paper: 'A4' },
    dataBars: [{ range: { top: 2, left: 1, bottom: 4, right: 1 }, color: '#5B9BD5' }],
    dropdowns: [{ range: { top: 2, left: 2, bottom: 4, right: 2 }, options: ['已完成', '序时推进', '进度滞后'] }],
    protection: { unlocked: [{ top: 2, left: 2, bottom: 4, right: 2 }] },
    font: { name: '宋体', size: 11 },
    chart: { type: 'barStacked', title: '完成情况', data: { top: 1, left: 0, bottom: 4, right: 1 }, anchor: { row: 6, col: 0, rows: 12, cols: 6 } },
  };
}

async function expectUserFacing(promise: Promise<unknown>, zh: RegExp): Promise<void> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(isUserFacingError(error)).toBe(true);
  if (isUserFacingError(error)) {
    expect(error.text.zh).toMatch(zh);
    expect(error.text.en.length).toBeGreaterThan(0);
  }
}

describe('product sheets', () => {
  it('writes a SheetSpec whose formula-looking strings stay literal text, with a real date and every sheet feature surviving save/reopen', async () => {
    const host = await XlsxHost.open(SAMPLE);
    await host.apply([{ kind: 'sheet', spec: summaryLikeSpec() }]);
    const reopened = await reopenHost(host);
    const ws = reopened.workbook.getWorksheet('完成情况汇总')!;
    for (const [address, literal] of [['C3', '=SUM(A1)'], ['C4', '+86 023 6000'], ['D4', '-1'], ['C5', '@各部门']]) {
      expect(ws.getCell(address).type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell(address).value).toBe(literal);
    }
    expect(ws.getCell('B3').value).toBe(12);
    const date = (await reopened.read({ sheet: '完成情况汇总' })).grid!.values[2][3];
    expect(date).toEqual({ kind: 'date', iso: '2022-09-15', serial: 44819 });
    expect(ws.getCell('D3').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('A2').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } });
    expect(ws.getCell('A2').font).toMatchObject({ bold: true, name: '宋体' });
    expect(ws.getColumn(3).width).toBe(30);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, paperSize: 9, printTitlesRow: '1:2' });
    const model = ws.model as unknown as {
      merges: string[];
      conditionalFormattings: { ref: string; rules: { type: string }[] }[];
      dataValidations: Record<string, { type: string; formulae: string[] }>;
    };
    expect(model.merges).toContain('A1:D1');
    expect(model.conditionalFormattings).toEqual([expect.objectContaining({ ref: 'B3:B5', rules: [expect.objectContaining({ type: 'dataBar' })] })]);
    expect(Object.values(model.dataValidations)[0]).toMatchObject({ type: 'list', formulae: ['"已完成,序时推进,进度滞后"'] });
    expect(ws.getCell('C3').protection).toMatchObject({ locked: false });
    expect(ws.getCell('A3').protection?.locked).not.toBe(false);
    expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
  });

  it('replacing a sheet keeps its place in the tab order', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('任务分工').getCell('A1').value = '表';
    wb.addWorksheet('完成情况汇总').getCell('A1').value = '旧汇总';
    wb.addWorksheet('备注').getCell('A1').value = '备注';
    wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 2, visibility: 'visible' }];
    const host = await reopen(wb);
    await host.apply([{ kind: 'sheet', spec: summaryLikeSpec(), replaces: '完成情况汇总' }]);
    const reopened = await reopenHost(host);
    expect((await reopened.read()).sheets.map((s) => s.name)).toEqual(['任务分工', '完成情况汇总', '备注']);
    expect(reopened.workbook.getWorksheet('完成情况汇总')!.getCell('A1').value).toBe('任务完成情况汇总');
    // Under a new name, the new sheet still takes the replaced one's place.
    await reopened.apply([{ kind: 'sheet', spec: summaryLikeSpec('汇总（9月）'), replaces: '完成情况汇总' }]);
    expect((await (await reopenHost(reopened)).read()).sheets.map((s) => s.name)).toEqual(['任务分工', '汇总（9月）', '备注']);
    // Deleting a sheet before the active one leaves the same sheet active.
    await reopened.apply([{ kind: 'deleteSheet', sheet: '汇总（9月）' }]);
    expect((await (await reopenHost(reopened)).read()).activeSheet).toBe('备注');
  });

  it('never overwrites a sheet it was not asked to replace', async () => {
    const host = await XlsxHost.open(SAMPLE);
    await expectUserFacing(host.apply([{ kind: 'sheet', spec: summaryLikeSpec('任务分工') }]), /已有名为“任务分工”的工作表/);
    expect(host.workbook.worksheets.map((w) => w.name)).toEqual(['任务分工']);
  });

  it('writeSpecsToWorkbook builds a new workbook from specs in order, refusing duplicate names', async () => {
    const wb = writeSpecsToWorkbook([summaryLikeSpec('办公室'), summaryLikeSpec('财政局')]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['办公室', '财政局']);
    expect(() => writeSpecsToWorkbook([summaryLikeSpec('办公室'), summaryLikeSpec('办公室')])).toThrow(/同名/);
  });
});

describe('apply', () => {
  it('is all or nothing: an unknown sheet later in the batch leaves everything unchanged', async () => {
    const host = await XlsxHost.open(SAMPLE);
    const values = valuesHash(host.workbook, []);
    const styles = await host.readStyles('任务分工', [{ top: 2, left: 2, bottom: 10, right: 6 }]);
    await expectUserFacing(
      host.apply([
        { kind: 'colour', sheet: '任务分工', ranges: [{ top: 2, left: 2, bottom: 10, right: 6 }], fill: '#FFC7CE', font: '#9C0006' },
        { kind: 'state', text: '{"version":1}' },
        { kind: 'cells', sheet: '不存在的表', writes: [{ row: 0, col: 0, value: 'x' }] },
      ]),
      /没有名为“不存在的表”的工作表/,
    );
    expect(valuesHash(host.workbook, [])).toBe(values);
    expect(await host.readStyles('任务分工', [{ top: 2, left: 2, bottom: 10, right: 6 }])).toEqual(styles);
    expect(host.workbook.getWorksheet(STATE_SHEET_NAME)).toBeUndefined();
  });

  it('refuses impossible dates, over-long text and bad ranges before changing anything', async () => {
    const host = await XlsxHost.open(SAMPLE);
    const values = valuesHash(host.workbook, []);
    await expectUserFacing(host.apply([{ kind: 'cells', sheet: '任务分工', writes: [{ row: 2, col: 6, value: '已完成' }, { row: 3, col: 6, value: { date: '2022-02-30' } }] }]), /日期无效/);
    await expectUserFacing(host.apply([{ kind: 'cells', sheet: '任务分工', writes: [{ row: 2, col: 6, value: '长'.repeat(32768) }] }]), /超过 Excel 上限/);
    await expectUserFacing(host.apply([{ kind: 'colour', sheet: '任务分工', ranges: [{ top: 5, left: 0, bottom: 2, right: 0 }], fill: '#FFFFFF', font: '#000000' }]), /区域无效/);
    await expectUserFacing(host.apply([{ kind: 'sheet', spec: { ...summaryLikeSpec(), name: '汇总[9月]' } }]), /工作表名称无效/);
    expect(valuesHash(host.workbook, [])).toBe(values);
    expect(host.workbook.worksheets.map((w) => w.name)).toEqual(['任务分工']);
  });

  it('cells writes values as text without touching the cell\'s style; a later change may use a sheet made earlier in the batch', async () => {
    const host = await XlsxHost.open(SAMPLE);
    const [before] = await host.readStyles('任务分工', [{ top: 2, left: 6, bottom: 2, right: 6 }]);
    await host.apply([
      { kind: 'cells', sheet: '任务分工', writes: [{ row: 2, col: 6, value: '=已完成' }, { row: 3, col: 7, value: { date: '2022-08-05' } }] },
      { kind: 'sheet', spec: summaryLikeSpec('回收情况') },
      { kind: 'cells', sheet: '回收情况', writes: [{ row: 9, col: 0, value: 7 }] },
    ]);
    const ws = host.workbook.getWorksheet('任务分工')!;
    expect(ws.getCell('G3').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('G3').value).toBe('=已完成');
    expect((await host.readStyles('任务分工', [{ top: 2, left: 6, bottom: 2, right: 6 }]))[0].token).toBe(before.token);
    expect((await host.read()).grid!.values[3][7]).toEqual({ kind: 'date', iso: '2022-08-05', serial: 44778 });
    expect(host.workbook.getWorksheet('回收情况')!.getCell('A10').value).toBe(7);
  });

  it('finds sheets by name in any letter case, as Excel does', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = '工作任务';
    const host = await reopen(wb);
    expect((await host.read({ sheet: 'SHEET1' })).grid!.values).toEqual([['工作任务']]);
    await host.apply([{ kind: 'cells', sheet: 'sheet1', writes: [{ row: 0, col: 1, value: '完成情况' }] }]);
    expect(host.workbook.getWorksheet('Sheet1')!.getCell('B1').value).toBe('完成情况');
  });

  it('cells can take the formatting of another cell (a new column that looks like the table), as a copy', async () => {
    const host = await XlsxHost.open(SAMPLE);
    const [source] = await host.readStyles('任务分工', [{ top: 2, left: 6, bottom: 2, right: 6 }]);
    await host.apply([{ kind: 'cells', sheet: '任务分工', writes: [{ row: 2, col: 7, value: '说明', styleFrom: { row: 2, col: 6 } }] }]);
    const ws = host.workbook.getWorksheet('任务分工')!;
    expect(ws.getCell('H3').border).toEqual(ws.getCell('G3').border);
    expect(ws.getCell('H3').font).toEqual(ws.getCell('G3').font);
    await host.apply([{ kind: 'colour', sheet: '任务分工', ranges: [{ top: 2, left: 7, bottom: 2, right: 7 }], fill: '#FFC7CE', font: '#9C0006' }]);
    expect((await host.readStyles('任务分工', [{ top: 2, left: 6, bottom: 2, right: 6 }]))[0].token).toBe(source.token);
  });

  it('keeps the product state in a very-hidden sheet, chunked, through save and reopen', async () => {
    const host = await XlsxHost.open(SAMPLE);
    const long = JSON.stringify({ version: 1, note: '色'.repeat(STATE_CHUNK_CHARS + 500) });
    await host.apply([{ kind: 'state', text: long }]);
    const reopened = await reopenHost(host);
    const snapshot = await reopened.read();
    expect(snapshot.stateText).toBe(long);
    expect(snapshot.sheets).toContainEqual({ name: STATE_SHEET_NAME, visibility: 'veryHidden' });
    expect(snapshot.activeSheet).toBe('任务分工');
    // A shorter state replaces the longer one completely (no stale chunk left behind).
    await reopened.apply([{ kind: 'state', text: '{"version":1}' }]);
    expect((await (await reopenHost(reopened)).read()).stateText).toBe('{"version":1}');
    await reopened.apply([{ kind: 'deleteSheet', sheet: STATE_SHEET_NAME }]);
    expect((await reopened.read()).stateText).toBeNull();
  });

  /** Sheets, states, merges, columns, conditional formats, validations and every cell's value and style, as loaded. */
  const snapshotOf = (w: ExcelJS.Workbook) =>
    w.worksheets.filter((s) => s.name !== STATE_SHEET_NAME && s.name !== '完成情况汇总').map((s) => {
      const m = s.model as unknown as Record<string, unknown>;
      return { name: s.name, state: s.state, merges: m.merges, cols: m.cols, cf: m.conditionalFormattings, dv: m.dataValidations, rows: m.rows, pageSetup: s.pageSetup };
    });
  // An empty border or font object means the same as none (ExcelJS writes one once a cell has a style of its own).
  const isEmptyObject = (v: unknown): boolean => !!v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0;
  const withoutColours = (snap: ReturnType<typeof snapshotOf>) =>
    JSON.parse(JSON.stringify(JSON.parse(JSON.stringify(snap, (k, v) => (k === 'fill' || k === 'color' ? undefined : v))), (_k, v) => (isEmptyObject(v) ? undefined : v)));

  /** Colours a range, writes state and a summary sheet, saves, reopens: only the colours of that range differ. */
  async function expectOnlyColoursChange(original: XlsxHost, sheet: string, range: CellRange): Promise<XlsxHost> {
    // Both sides as loaded from a saved file (ExcelJS annotates its model with ids while writing).
    const before = snapshotOf((await reopenHost(original)).workbook);
    await original.apply([
      { kind: 'colour', sheet, ranges: [range], fill: '#C6EFCE', font: '#006100' },
      { kind: 'state', text: '{"version":1}' },
      { kind: 'sheet', spec: summaryLikeSpec() },
    ]);
    const saved = await reopenHost(original);
    expect(withoutColours(snapshotOf(saved.workbook))).toEqual(withoutColours(before));
    return saved;
  }

  it('after open → apply → save → reopen every sheet, merge, width, style, validation and conditional format survives', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('任务分工');
    ws.columns = [{ width: 12 }, { width: 40 }, { width: 16 }];
    ws.getCell('A1').value = '标题';
    ws.mergeCells('A1:C1');
    ws.getCell('B2').value = '措施';
    ws.getCell('B2').font = { name: '黑体', size: 14, bold: true };
    ws.getCell('B2').alignment = { wrapText: true, vertical: 'top' };
    ws.getCell('C2').value = '已完成';
    ws.getCell('C2').dataValidation = { type: 'list', allowBlank: true, formulae: ['"已完成,未启动"'] };
    ws.addConditionalFormatting({ ref: 'C2:C9', rules: [{ type: 'containsText', operator: 'containsText', text: '滞后', priority: 1, style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } } }] });
    ws.getCell('A3').value = '备注';
    ws.getCell('A3').note = '批注：请各单位按时报送';
    const image = wb.addImage({ buffer: Buffer.from('89504E470D0A1A0A0000000D49484452000000010000000108060000001F15C4890000000D4944415478DA63F8CFC0F01F0005000200A5D7E7F80000000049454E44AE426082', 'hex') as unknown as ExcelJS.Buffer, extension: 'png' });
    ws.addImage(image, 'D4:E6');
    wb.addWorksheet('备注', { state: 'hidden' }).getCell('A1').value = '用户自己的表';
    const saved = await expectOnlyColoursChange(await reopen(wb), '任务分工', { top: 1, left: 1, bottom: 1, right: 1 });
    const out = saved.workbook.getWorksheet('任务分工')!;
    expect(out.getCell('B2').font).toMatchObject({ name: '黑体', size: 14, bold: true, color: { argb: 'FF006100' } });
    // Images and notes are among what ExcelJS keeps (so they are not round-trip risks).
    expect(out.getImages()).toHaveLength(1);
    expect(out.getCell('A3').note).toBe('批注：请各单位按时报送');
  });

  it.each(['samples/liangjiang-2022.xlsx', 'samples/liangjiang-2022-returns.xlsx', ...fs.readdirSync(path.join(ROOT, 'tests/fixtures/layouts')).filter((f) => f.endsWith('.xlsx')).map((f) => `tests/fixtures/layouts/${f}`)])(
    '%s survives open → colour → save → reopen with only the coloured cells changed',
    async (file) => {
      const host = await XlsxHost.open(path.join(ROOT, file));
      const { activeSheet, grid } = await host.read();
      const last = grid!.originRow + grid!.values.length - 1;
      // The last row is a measure row in every layout (blank cells would rightly gain the default font).
      await expectOnlyColoursChange(host, activeSheet, { top: last, left: 1, bottom: last, right: 3 });
    },
  );
});

describe('opening and saving files', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-host-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it.each([
    ['an empty file', Buffer.alloc(0), /文件是空的/],
    ['an old .xls (OLE2)', Buffer.concat([Buffer.from('D0CF11E0A1B11AE1', 'hex'), Buffer.from('Workbook', 'utf16le'), Buffer.alloc(512)]), /旧版 \.xls 文件，请在 Excel 中另存为 \.xlsx/],
    ['a password-protected workbook', Buffer.concat([Buffer.from('D0CF11E0A1B11AE1', 'hex'), Buffer.alloc(100), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(100)]), /设置了打开密码/],
    ['a CSV renamed .xlsx', Buffer.from('工作任务,贯彻举措,完成时限\n1,公开,7月31日前\n', 'utf8'), /文本文件（如 CSV/],
    ['random bytes', Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0xfe, 0x00, 0x00, 0x10]), /不是 \.xlsx 工作簿/],
    ['a corrupt zip', Buffer.concat([Buffer.from('504B0304', 'hex'), Buffer.alloc(200, 7)]), /文件已损坏或不完整/],
  ])('refuses %s with a zh-CN message', async (_label, bytes, message) => {
    await expectUserFacing(XlsxHost.open(new Uint8Array(bytes)), message);
  });

  it('refuses a truncated workbook, a Word document and a missing file by name', async () => {
    const sample = fs.readFileSync(SAMPLE);
    await expectUserFacing(XlsxHost.open(new Uint8Array(sample.subarray(0, Math.floor(sample.length / 2)))), /损坏或不完整/);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const JSZip = require('jszip');
    const docx = new JSZip();
    docx.file('[Content_Types].xml', '<Types/>');
    docx.file('word/document.xml', '<w:document/>');
    await expectUserFacing(XlsxHost.open(new Uint8Array(await docx.generateAsync({ type: 'nodebuffer' }))), /这是Word 文档，不是 Excel 工作簿/);
    await expectUserFacing(XlsxHost.open(path.join(tmp, '不存在.xlsx')), /找不到文件/);
    const strict = await JSZip.loadAsync(sample);
    const workbookXml: string = await strict.file('xl/workbook.xml').async('string');
    strict.file('xl/workbook.xml', workbookXml.replace('http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'));
    await expectUserFacing(XlsxHost.open(new Uint8Array(await strict.generateAsync({ type: 'nodebuffer' }))), /Strict Open XML/);
  });

  it('flags charts, pivot tables and macros that ExcelJS would drop, and refuses to save over them unless forced', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const JSZip = require('jszip');
    const zip = await JSZip.loadAsync(fs.readFileSync(SAMPLE));
    zip.file('xl/charts/chart1.xml', '<c:chartSpace/>');
    zip.file('xl/pivotTables/pivotTable1.xml', '<pivotTableDefinition/>');
    zip.file('xl/vbaProject.bin', Buffer.from('vba'));
    zip.file('xl/drawings/drawing1.xml', '<xdr:wsDr><xdr:twoCellAnchor><xdr:sp><xdr:txBody/></xdr:sp></xdr:twoCellAnchor></xdr:wsDr>');
    const bytes = new Uint8Array(await zip.generateAsync({ type: 'nodebuffer' }));

    const host = await XlsxHost.open(bytes);
    const risks = (await host.roundTripRisks()).map((r) => r.zh);
    expect(risks).toEqual(['图表', '数据透视表', '宏（VBA 代码）', '形状或文本框']);
    // Reading is fine; writing would lose them.
    expect((await host.read()).grid!.values.length).toBe(56);
    const out = path.join(tmp, 'refused.xlsx');
    await expectUserFacing(host.save(out), /图表、数据透视表、宏（VBA 代码）、形状或文本框.*--force/);
    expect(fs.existsSync(out)).toBe(false);

    // A dropdown whose list is on another sheet (x14 extension) and a sparkline, inside the sheet XML.
    const sheetXml: string = await zip.file('xl/worksheets/sheet1.xml').async('string');
    zip.file('xl/worksheets/sheet1.xml', sheetXml.replace('</worksheet>', '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations count="1"><x14:dataValidation type="list"/></x14:dataValidations></ext><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}"><x14:sparklineGroups/></ext></extLst></worksheet>'));
    const workbookXml: string = await zip.file('xl/workbook.xml').async('string');
    zip.file('xl/workbook.xml', workbookXml.replace('<sheets>', '<workbookProtection lockStructure="1"/><sheets>'));
    zip.file('docProps/custom.xml', '<Properties/>');
    const inSheet = await XlsxHost.open(new Uint8Array(await zip.generateAsync({ type: 'nodebuffer' })));
    expect((await inSheet.roundTripRisks()).map((r) => r.zh)).toEqual(
      expect.arrayContaining(['迷你图', '引用其他工作表的下拉列表（数据验证）', '工作簿结构保护（密码）', '文档自定义属性（如密级或敏感度标签）']),
    );

    const forced = await XlsxHost.open(bytes, { force: true });
    await forced.save(out);
    expect((await (await XlsxHost.open(out)).read()).grid!.values.length).toBe(56);
    expect(await (await XlsxHost.open(SAMPLE)).roundTripRisks()).toEqual([]);
  });

  it('saves through a temporary file: the output is complete, nothing else is left behind, and a bad target is a clear error', async () => {
    const host = await XlsxHost.open(SAMPLE);
    const out = path.join(tmp, '输出.xlsx');
    await host.save(out);
    expect(fs.readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect((await (await XlsxHost.open(out)).read()).grid!.values.length).toBe(56);
    await expectUserFacing(host.save(path.join(tmp, '没有这个目录', 'x.xlsx')), /无法写入文件/);
  });
});
