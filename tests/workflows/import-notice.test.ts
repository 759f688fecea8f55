/**
 * Import from the notice: each layout of the 两江新区 2022 notice (generated from the seed data) is imported into
 * a workbook and checked; the check must read exactly the seed's 54 measures — numbers, deadlines, units.
 */
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { XlsxHost } from '../../src/hosts/xlsx';
import { runImportNotice } from '../../src/workflows/import-notice';
import { buildDocx, loadSeedNotice, seedMeasures, seedNoticeMerged, seedNoticeNumbered, seedNoticeSplit } from '../support/docx';

const seed = loadSeedNotice();
const measures = seedMeasures(seed);

function emptyHost(sheets: string[] = []): XlsxHost {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) wb.addWorksheet(s).getCell('A1').value = '原有内容';
  return XlsxHost.fromWorkbook(wb);
}

/** How the seed writes units: split on 、，, as the check splits them. */
function units(text: string): string[] {
  return text.split(/[、，,]/).map((u) => u.trim()).filter(Boolean);
}

describe.each([
  ['merged down (vMerge), under 附件', seedNoticeMerged, seed.title, 1],
  ['序号 column with full-width section rows (gridSpan)', seedNoticeNumbered, seed.title, 1],
  ['continued over a page break with the header repeated', seedNoticeSplit, '关于印发两江新区2022年政务公开重点工作任务分工的通知', 2],
])('import of the notice: %s', (_label, make, title, parts) => {
  it('gives exactly the seed’s 54 measures, with their numbers, deadlines and units', async () => {
    const host = emptyHost();
    const result = await runImportNotice(host, make(seed), { currentYear: 2022 });
    expect(result.sheet).toBe('任务分工');
    expect(result.title).toBe(title);
    expect(result.parts).toBe(parts);
    const { analysis } = result.check;
    expect(analysis.planYear).toBe(2022);
    expect(analysis.tasks.map((t) => t.no)).toEqual(measures.map((m) => String(m.no)));
    expect(analysis.tasks.map((t) => t.measure)).toEqual(measures.map((m) => m.text));
    expect(analysis.tasks.map((t) => t.deadline.text)).toEqual(measures.map((m) => m.deadline));
    expect(analysis.tasks.map((t) => t.lead)).toEqual(measures.map((m) => units(m.lead)));
    expect(analysis.tasks.map((t) => t.responsible)).toEqual(measures.map((m) => units(m.responsible)));
    expect(new Set(analysis.tasks.map((t) => t.section)).size).toBe(5);
    expect(new Set(analysis.tasks.map((t) => t.subsection)).size).toBe(17);
    expect(analysis.tasks[53]).toMatchObject({ section: '五、强化工作指导监督', subsection: '（十七）认真抓好工作落实' });
    // The one real gap of the official table (measure 2 has no 责任单位) is all check finds.
    expect(analysis.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('the sheet import writes', () => {
  it('keeps the title merged across, the document’s merges, widths from the grid, and every cell’s text', async () => {
    const host = emptyHost();
    await runImportNotice(host, seedNoticeMerged(seed));
    const ws = host.workbook.getWorksheet('任务分工')!;
    expect(ws.getCell('A1').value).toBe(seed.title);
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toContain('A1:F1');
    expect(merges).toContain('A2:B2'); // 工作任务 over two columns
    expect(merges).toContain('A3:A13'); // section 一 over its 11 measures
    expect(ws.getCell('C3').value).toBe(`1.${measures[0].text}`);
    expect(ws.getCell('C3').alignment?.wrapText).toBe(true);
    expect(ws.getCell('C3').border?.top).toBeTruthy();
    expect(ws.getColumn(3).width).toBeGreaterThan(ws.getColumn(4).width!);
  });

  it('joins a cell’s paragraphs with a line break', async () => {
    const docx = buildDocx([
      { p: '附件' },
      { p: '2023年重点工作任务分工' },
      {
        table: {
          grid: [3000, 1500, 1500, 1500],
          rows: [
            { cells: ['工作任务', '完成时限', '牵头单位', '责任单位'].map((text) => ({ text })) },
            { cells: [{ text: '1.第一段\n第二段' }, { text: '6月30日前' }, { text: '办公室' }, { text: '各部门' }] },
          ],
        },
      },
    ]);
    const host = emptyHost();
    const result = await runImportNotice(host, docx);
    expect(result.title).toBe('2023年重点工作任务分工');
    expect(host.workbook.getWorksheet('任务分工')!.getCell('A3').value).toBe('1.第一段\n第二段');
  });

  it('never writes over an existing sheet: the default name steps on, a name asked for is refused', async () => {
    const host = emptyHost(['任务分工']);
    const result = await runImportNotice(host, seedNoticeMerged(seed));
    expect(result.sheet).toBe('任务分工(2)');
    expect(host.workbook.getWorksheet('任务分工')!.getCell('A1').value).toBe('原有内容');
    await expect(runImportNotice(host, seedNoticeMerged(seed), { sheet: '任务分工' })).rejects.toMatchObject({ code: 'import.sheet_exists' });
    expect(host.workbook.worksheets.map((w) => w.name)).toEqual(['任务分工', '任务分工(2)']);
  });
});

describe('a file that is not a notice with a task table changes nothing', () => {
  const cases: [string, Uint8Array, string][] = [
    ['not a zip', strToU8('这不是文档'), 'import.not_docx'],
    ['a .doc (OLE)', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'import.not_docx'],
    ['a PDF', strToU8('%PDF-1.7\n'), 'import.not_docx'],
    ['a zip without word/document.xml', zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }), 'import.not_word'],
    ['broken XML', buildDocx([], { 'word/document.xml': '<w:document><w:body>' }), 'import.docx_unreadable'],
    ['no table', buildDocx([{ p: '关于印发某某工作的通知' }]), 'import.no_task_table'],
    [
      'a table that is not a task table',
      buildDocx([{ table: { grid: [2000, 2000], rows: [{ cells: [{ text: '姓名' }, { text: '电话' }] }, { cells: [{ text: '张三' }, { text: '123' }] }] } }]),
      'import.no_task_table',
    ],
  ];
  it.each(cases)('%s', async (_label, bytes, code) => {
    const host = emptyHost(['Sheet1']);
    const error = await runImportNotice(host, bytes).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'UserFacingError', code });
    expect((error as { text: { zh: string } }).text.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(host.workbook.worksheets.map((w) => w.name)).toEqual(['Sheet1']);
  });

  it('tells a .doc to be saved as .docx', async () => {
    const error = await runImportNotice(emptyHost(), new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])).catch((e: unknown) => e);
    expect((error as { text: { zh: string } }).text.zh).toContain('另存为 .docx 后再导入');
  });
});
