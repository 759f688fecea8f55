/**
 * The summary sheet as the written file holds it — read from the raw OOXML parts (ECMA-376: <pageSetup>,
 * <headerFooter>, <rowBreaks>, the _xlnm.Print_Titles defined name, <row hidden>), not from our own spec — and
 * what a 主任 checks on paper: page numbers and the as-of date on every page, each page starting with a heading or
 * a table header, no internal codes, dates in 年月日, figures that reconcile.
 */
import * as path from 'path';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { XlsxHost } from '../../../src/hosts/xlsx';
import { runSummary } from '../../../src/workflows/summary';
import { STAMP_ADDRESS } from '../../../src/domain/product-sheets';
import { parseState } from '../../../src/domain/workbook-state';
import { SAMPLE_DIRECTORY_DATA, sampleDirectory } from '../../support/sample-directory';

const RETURNS = path.resolve(__dirname, '../../../samples/liangjiang-2022-returns.xlsx');
const SUMMARY = '落实情况汇总';

let bytes: Buffer;
let sheetXml: string;
let workbookXml: string;
let sheetIndex: number;
let ws: ExcelJS.Worksheet;

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  return String(v);
}

beforeAll(async () => {
  const host = await XlsxHost.open(RETURNS);
  await runSummary(host, { asOf: '2022-09-15', generatedAt: '2023-01-05 09:30', directory: sampleDirectory() });
  bytes = Buffer.from(await host.toBuffer());
  const zip = await JSZip.loadAsync(bytes);
  workbookXml = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const sheets = [...workbookXml.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)];
  sheetIndex = sheets.findIndex((m) => m[1] === SUMMARY);
  const rid = sheets[sheetIndex][2];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1];
  sheetXml = await zip.file(`xl/${target.replace(/^\/?xl\//, '')}`)!.async('string');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  ws = wb.getWorksheet(SUMMARY)!;
});

describe('the written summary sheet, on paper', () => {
  it('prints A4 landscape at 100 % (no fit-to-page, which would make Excel ignore the page breaks), centred', () => {
    const setup = /<pageSetup [^>]*>/.exec(sheetXml)![0];
    expect(setup).toMatch(/paperSize="9"/);
    expect(setup).toMatch(/orientation="landscape"/);
    expect(setup).toMatch(/scale="100"/);
    expect(sheetXml).not.toMatch(/fitToPage="1"/);
    expect(sheetXml).toMatch(/<printOptions [^>]*horizontalCentered="1"/);
  });

  it('repeats the title row on every page (print titles) and breaks pages by hand', () => {
    const titles = [...workbookXml.matchAll(/<definedName name="_xlnm.Print_Titles" localSheetId="(\d+)">([^<]+)<\/definedName>/g)];
    expect(titles.find((m) => Number(m[1]) === sheetIndex)?.[2]).toMatch(/!\$1:\$1$/);
    const breaks = [...sheetXml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]));
    expect(breaks.length).toBeGreaterThanOrEqual(5);
    // <brk id="n"> breaks below row n: row n + 1 starts a page, and it is a block heading or a table header
    // (a table that continues repeats its header), so every page can be read on its own.
    const emptyFrom = (r: number) => {
      for (let i = r; i <= ws.rowCount; i++) if (ws.getRow(i).values.length && (ws.getRow(i).values as unknown[]).some((x) => x !== null && x !== undefined)) return false;
      return true;
    };
    for (const id of breaks) {
      // The last page may be the rows kept empty for the chart Excel draws there.
      if (emptyFrom(id + 1)) continue;
      const first = ws.getRow(id + 1);
      const fill = (first.getCell(1).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
      const bold = first.getCell(1).font?.bold === true;
      expect([id, fill === 'FFDDEBF7' || fill === 'FFF2F2F2' || bold]).toEqual([id, true]);
    }
  });

  it('has a footer with 第 X 页 共 Y 页 and the as-of date', () => {
    const footer = /<oddFooter>([^<]*)<\/oddFooter>/.exec(sheetXml)![1].replace(/&amp;/g, '&');
    expect(footer).toContain('&L统计截至2022年9月15日');
    expect(footer).toContain('&C第 &P 页 共 &N 页');
  });

  it('keeps the product stamp in a hidden row at A2, so it is not printed but still recognised', async () => {
    expect(sheetXml).toMatch(/<row r="2"[^>]*hidden="1"/);
    const stamp = cellText(ws.getCell(STAMP_ADDRESS));
    const recorded = parseState((await (await XlsxHost.open(bytes)).read()).stateText).state.productSheets.find((p) => p.name === SUMMARY)!;
    expect(stamp).toContain(recorded.stamp!);
    for (let r = 1; r <= ws.rowCount; r++) {
      if (r === 2) continue;
      ws.getRow(r).eachCell((cell) => expect(cellText(cell)).not.toContain(recorded.stamp!));
    }
  });

  it('holds no internal code and no ISO date in any visible cell; 统计截至 and 制表时间 are told apart', () => {
    const texts: string[] = [];
    ws.eachRow((row, r) => {
      if (r === 2) return;
      row.eachCell((cell) => texts.push(cellText(cell)));
    });
    for (const t of texts) {
      expect(t).not.toMatch(/[a-z]+\.[a-z_]+/);
      expect(t).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
    const info = cellText(ws.getCell('A3'));
    expect(info).toContain('统计截至：2022年9月15日');
    expect(info).toContain('制表时间：2023年1月5日 09:30');
  });

  it('gives one meaning to 已完成: the sections add up to the total, which is 按期完成 + 逾期完成', () => {
    const rows: { a: string; d: unknown; e: unknown }[] = [];
    ws.eachRow((row) => rows.push({ a: cellText(row.getCell(1)), d: row.getCell(4).value, e: row.getCell(5).value }));
    const start = rows.findIndex((r) => r.a === '二、分方面落实情况');
    const end = rows.findIndex((r, i) => i > start && r.a === '合计');
    const sections = rows.slice(start + 1, end).filter((r) => /^[一二三四五六七八九十]+、/.test(r.a) && typeof r.e === 'number');
    expect(sections).toHaveLength(5);
    const sum = sections.reduce((n, r) => n + (r.e as number), 0);
    expect(sum).toBe(rows[end].e);
    const overview = (label: string) => rows.find((r) => r.a === label)!.d as number;
    expect(overview('已完成（含逾期完成）')).toBe(rows[end].e);
    expect(overview('按期完成') + overview('逾期完成')).toBe(overview('已完成（含逾期完成）'));
    // The sample as of 2022-09-15 (samples/data/liangjiang-2022-returns.json): 13 on time + 2 late = 15.
    expect([overview('按期完成'), overview('逾期完成'), overview('已完成（含逾期完成）')]).toEqual([13, 2, 15]);
  });

  it('lists the overdue ledger with 序号 1…n, 任务编号, the measure, 完成时限, both units and working days overdue', () => {
    let header = 0;
    ws.eachRow((row, r) => {
      if (cellText(row.getCell(1)) === '六、逾期事项台账') header = r + 1;
    });
    const head = ws.getRow(header);
    expect([1, 2, 3, 5, 6, 8, 11].map((c) => cellText(head.getCell(c)))).toEqual(['序号', '任务编号', '工作任务（贯彻举措）', '完成时限', '牵头单位', '责任单位', '逾期（工作日）']);
    const line = (r: number) => [2, 5, 6, 8, 11].map((c) => ws.getRow(r).getCell(c).value);
    expect([1, 2, 3].map((i) => ws.getRow(header + i).getCell(1).value)).toEqual([1, 2, 3]);
    // Working days from the due date to 2022-09-15 on the official calendar: 7月31日 (a Sunday) → 33,
    // 8月31日 → 11 working days in September up to the 15th, less the 中秋 holiday on the 12th → 10.
    expect(line(header + 1)).toEqual(['11', '7月31日前', '经济运行局', '经济运行局', 33]);
    expect(line(header + 2)).toEqual(['24', '7月31日前', '办公室', '各街道', 33]);
    expect(line(header + 3)).toEqual(['51', '8月31日前', '办公室', '各街道、各部门、各驻区机构', 10]);
  });

  it('carries the 通报 paragraph and a 催办清单 naming the units late work is addressed to', () => {
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => texts.push(cellText(cell))));
    expect(texts).toContain('七、催办清单（按单位）');
    expect(texts.some((t) => t.startsWith('截至2022年9月15日，《两江新区2022年政务公开重点工作任务分工》所列54项任务中，逾期未完成3项'))).toBe(true);
    expect(texts.some((t) => t.startsWith('请经济运行局于2022年9月20日前报送第11、51项任务进展情况'))).toBe(true);
  });

  it('sends 催办 texts to exactly the units named on the overdue measures 11, 24 and 51 (none is due soon)', () => {
    // From the sample's data, not the code: 11 names 经济运行局; 24 办公室 and 各街道; 51 办公室, 各街道, 各部门 and
    // 各驻区机构 — the groups the sample's directory expands to its 19 units, while 各街道 has no listed members.
    let header = 0;
    ws.eachRow((row, r) => {
      // The first one: the header is repeated where the table continues on the next page.
      if (cellText(row.getCell(4)) === '催办通知内容' && !header) header = r;
    });
    expect(header).toBeGreaterThan(0);
    const recipients: string[] = [];
    for (let r = header + 1; r <= ws.rowCount; r++) {
      const text = cellText(ws.getRow(r).getCell(4));
      if (!text.startsWith('请')) {
        if (cellText(ws.getRow(r).getCell(1)).startsWith('九、')) break;
        continue;
      }
      recipients.push(...cellText(ws.getRow(r).getCell(2)).split('、'));
      expect(text).toContain(`请${cellText(ws.getRow(r).getCell(2))}于2022年9月20日前报送`);
    }
    expect(recipients.sort()).toEqual([...SAMPLE_DIRECTORY_DATA.units.map((u) => u.name), '各街道'].sort());
  });
});
