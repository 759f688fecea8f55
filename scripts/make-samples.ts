/**
 * Builds the bundled samples from committed data (npm run samples):
 *   samples/liangjiang-2022.xlsx          — the official 2022 任务分工 exactly as a clerk receives it
 *   samples/liangjiang-2022-returns.xlsx  — the same table with departments' 完成情况 answers (demo data)
 *   samples/liangjiang-2022-notice.docx   — the notice itself, the table under 附件 as Word holds it (for allocation import)
 * The data comes verbatim from the seed document (samples/data/liangjiang-2022.json); the answers are
 * invented, deterministic and documented in samples/data/liangjiang-2022-returns.json.
 */
import * as fs from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { seedNoticeMerged } from '../tests/support/docx';
import { fitWrappedRows, governmentPrintSetup, newWorkbook, styleBody, styleHeader, styleTitle, writeStable } from './workbook-kit';

export interface SeedMeasure {
  no: number;
  text: string;
  deadline: string;
  lead: string;
  responsible: string;
}
export interface SeedDocument {
  title: string;
  planYear: number;
  header: string[];
  sections: { title: string; subsections: { title: string; measures: SeedMeasure[] }[] }[];
}
export interface SeedReturns {
  statusHeader: string;
  asOf: string;
  statuses: Record<string, string>;
}

const ROOT = path.resolve(__dirname, '..');
const SHEET_NAME = '任务分工';
const TITLE_ROW = 1;
const HEADER_ROW = 2;

/** Column widths in characters: 工作任务 (two columns), 贯彻举措, 完成时限, 牵头单位, 责任单位, 完成情况. */
const WIDTHS = [14, 18, 62, 12, 16, 24, 16];

export function loadSeed(): SeedDocument {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'samples/data/liangjiang-2022.json'), 'utf8')) as SeedDocument;
}

export function loadReturns(): SeedReturns {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'samples/data/liangjiang-2022-returns.json'), 'utf8')) as SeedReturns;
}

/**
 * The table as in the seed: title merged across, 工作任务 over A:B, sections merged down column A and
 * subsections down column B over their measures, one measure per row from row 3.
 */
export function buildAllocationWorkbook(seed: SeedDocument, returns: SeedReturns | null): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ws = wb.addWorksheet(SHEET_NAME, { views: [{ state: 'normal', zoomScale: 100 }] });
  const lastCol = returns ? 7 : 6;
  ws.columns = WIDTHS.slice(0, lastCol).map((width) => ({ width }));

  ws.getRow(TITLE_ROW).height = 40;
  const title = ws.getCell(TITLE_ROW, 1);
  title.value = seed.title;
  styleTitle(title);
  ws.mergeCells(TITLE_ROW, 1, TITLE_ROW, lastCol);

  const headers = [seed.header[0], '', ...seed.header.slice(1), ...(returns ? [returns.statusHeader] : [])];
  headers.forEach((h, i) => {
    const cell = ws.getCell(HEADER_ROW, i + 1);
    if (h) cell.value = h;
    styleHeader(cell);
  });
  ws.mergeCells(HEADER_ROW, 1, HEADER_ROW, 2);
  ws.getRow(HEADER_ROW).height = 30;

  let row = HEADER_ROW + 1;
  for (const section of seed.sections) {
    const sectionTop = row;
    for (const subsection of section.subsections) {
      const subsectionTop = row;
      for (const m of subsection.measures) {
        const values: (string | null)[] = [
          row === sectionTop ? section.title : null,
          row === subsectionTop ? subsection.title : null,
          `${m.no}.${m.text}`,
          m.deadline,
          m.lead,
          m.responsible,
        ];
        if (returns) values.push(returns.statuses[String(m.no)] ?? '');
        values.forEach((v, i) => {
          const cell = ws.getCell(row, i + 1);
          if (v) cell.value = v;
          styleBody(cell, i === 2 ? 'left' : 'center');
        });
        row++;
      }
      if (row - 1 > subsectionTop) ws.mergeCells(subsectionTop, 2, row - 1, 2);
    }
    if (row - 1 > sectionTop) ws.mergeCells(sectionTop, 1, row - 1, 1);
  }

  fitWrappedRows(ws, HEADER_ROW + 1);
  governmentPrintSetup(ws, [HEADER_ROW, HEADER_ROW]);
  return wb;
}

async function main(): Promise<void> {
  const seed = loadSeed();
  const count = seed.sections.flatMap((s) => s.subsections.flatMap((ss) => ss.measures)).length;
  if (count !== 54) throw new Error(`expected 54 measures in the seed data, found ${count}`);
  await writeStable(buildAllocationWorkbook(seed, null), path.join(ROOT, 'samples/liangjiang-2022.xlsx'));
  await writeStable(buildAllocationWorkbook(seed, loadReturns()), path.join(ROOT, 'samples/liangjiang-2022-returns.xlsx'));
  fs.writeFileSync(path.join(ROOT, 'samples/liangjiang-2022-notice.docx'), seedNoticeMerged());
  process.stdout.write('wrote samples/liangjiang-2022.xlsx, samples/liangjiang-2022-returns.xlsx and samples/liangjiang-2022-notice.docx\n');
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  });
}
