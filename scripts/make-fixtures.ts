/**
 * Builds the layout fixtures (tests/fixtures/layouts/*.xlsx) and their expected task lists
 * (*.expected.json) from the committed data in tests/fixtures/layouts/data/. Each data file describes
 * one real-world way of laying out a 任务分工 table; the renderer for its `layout` places the cells the
 * way such tables are drawn, and the expected list records what a correct reader must find.
 *   npx ts-node --transpile-only scripts/make-fixtures.ts
 */
import * as fs from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { fitWrappedRows, governmentPrintSetup, newWorkbook, styleBody, styleHeader, styleTitle, writeStable } from './workbook-kit';

const ROOT = path.resolve(__dirname, '..');
const DIR = path.join(ROOT, 'tests/fixtures/layouts');

/** What a reader must find for one task; `row` is the 1-based sheet row where it starts. */
export interface ExpectedTask {
  row: number;
  no: string;
  section: string | null;
  subsection: string | null;
  measure: string;
  deadlineText: string;
  lead: string[];
  responsible: string[];
  statusText?: string;
}

interface UnitTask {
  no?: string;
  measure: string;
  lead: string[];
  responsible: string[];
  deadline: string;
  unitText?: string;
}

interface FixtureBase {
  layout: string;
  sheet: string;
  title: string;
  planYear: number;
  header: string[];
  /** A second header row; a blank above a filled cell spans it, a header cell with blanks below is merged down. */
  subHeader?: string[];
  columnWidths: number[];
  preamble?: string[];
}
interface SectionedFixture extends FixtureBase {
  layout: 'xuhao-cooperating' | 'combined-units' | 'two-row-header';
  groups: { section: string; tasks: UnitTask[] }[];
}
interface FullWidthFixture extends FixtureBase {
  layout: 'fullwidth-sections';
  groups: { section: string; subsections: { subsection: string; tasks: UnitTask[] }[] }[];
}
interface ProgressFixture extends FixtureBase {
  layout: 'progress-merged-units';
  groups: { units: string[]; deadline: string; tasks: { measure: string; status: string }[] }[];
}
type Fixture = SectionedFixture | FullWidthFixture | ProgressFixture;

/** Writes `values` across a row starting at column 1, in body style (blank strings stay empty cells). */
function bodyRow(ws: ExcelJS.Worksheet, row: number, values: (string | number | null)[], leftAligned: number[]): void {
  values.forEach((v, i) => {
    const cell = ws.getCell(row, i + 1);
    if (v !== null && v !== '') cell.value = v;
    styleBody(cell, leftAligned.includes(i) ? 'left' : 'center');
  });
}

/** Preamble lines (附件1, document number), the merged title and the header; returns the first data row. */
function writeHead(ws: ExcelJS.Worksheet, f: FixtureBase): number {
  const width = f.header.length;
  let row = 1;
  for (const line of f.preamble ?? []) {
    const cell = ws.getCell(row, 1);
    cell.value = line;
    cell.font = { name: '黑体', size: 12 };
    row++;
  }
  const title = ws.getCell(row, 1);
  title.value = f.title;
  styleTitle(title);
  ws.mergeCells(row, 1, row, width);
  ws.getRow(row).height = 36;
  row++;
  f.header.forEach((h, i) => styleHeader(Object.assign(ws.getCell(row, i + 1), h ? { value: h } : {})));
  if (!f.subHeader) {
    governmentPrintSetup(ws, [row, row]);
    return row + 1;
  }
  const sub = f.subHeader;
  sub.forEach((h, i) => styleHeader(Object.assign(ws.getCell(row + 1, i + 1), h ? { value: h } : {})));
  // A top cell followed by blanks spans the sub-header cells under it; a top cell with nothing below is merged down.
  for (let i = 0; i < width; i++) {
    if (!f.header[i]) continue;
    let end = i;
    while (end + 1 < width && !f.header[end + 1]) end++;
    if (end > i) ws.mergeCells(row, i + 1, row, end + 1);
    else if (!sub[i]) ws.mergeCells(row, i + 1, row + 1, i + 1);
  }
  governmentPrintSetup(ws, [row, row + 1]);
  return row + 2;
}

function mergeDown(ws: ExcelJS.Worksheet, top: number, bottom: number, col: number): void {
  if (bottom > top) ws.mergeCells(top, col, bottom, col);
}

/**
 * (a) 序号 | 主要任务 (merged) | 具体措施 | 责任单位 (lead) | 配合单位 | 完成时间; also (e), the same columns under
 * a two-row header (责任单位 over 牵头单位 | 配合单位).
 */
function renderXuhao(ws: ExcelJS.Worksheet, f: SectionedFixture, expected: ExpectedTask[]): void {
  let row = writeHead(ws, f);
  let no = 0;
  for (const g of f.groups) {
    const top = row;
    for (const t of g.tasks) {
      no++;
      bodyRow(ws, row, [no, row === top ? g.section : null, t.measure, t.lead.join('、'), t.responsible.join('、'), t.deadline], [2]);
      expected.push({ row, no: String(no), section: g.section, subsection: null, measure: t.measure, deadlineText: t.deadline, lead: t.lead, responsible: t.responsible });
      row++;
    }
    mergeDown(ws, top, row - 1, 2);
  }
}

/** (b) full-width 一、 rows; （1） task headings merged down column A; measures numbered 1、. */
function renderFullWidth(ws: ExcelJS.Worksheet, f: FullWidthFixture, expected: ExpectedTask[]): void {
  let row = writeHead(ws, f);
  const width = f.header.length;
  let no = 0;
  for (const g of f.groups) {
    const cell = ws.getCell(row, 1);
    cell.value = g.section;
    styleBody(cell, 'left');
    cell.font = { ...(cell.font ?? {}), bold: true };
    ws.mergeCells(row, 1, row, width);
    row++;
    for (const s of g.subsections) {
      const top = row;
      for (const t of s.tasks) {
        no++;
        bodyRow(ws, row, [row === top ? s.subsection : null, `${no}、${t.measure}`, t.deadline, t.lead.join('、'), t.responsible.join('、')], [0, 1]);
        expected.push({ row, no: String(no), section: g.section, subsection: s.subsection, measure: t.measure, deadlineText: t.deadline, lead: t.lead, responsible: t.responsible });
        row++;
      }
      mergeDown(ws, top, row - 1, 1);
    }
  }
}

/** (c) 工作任务 (merged) | 工作内容 (numbered 1.) | 责任单位 (one combined unit column) | 完成时限. */
function renderCombined(ws: ExcelJS.Worksheet, f: SectionedFixture, expected: ExpectedTask[]): void {
  let row = writeHead(ws, f);
  for (const g of f.groups) {
    const top = row;
    for (const t of g.tasks) {
      const no = t.no ?? '';
      bodyRow(ws, row, [row === top ? g.section : null, `${no}.${t.measure}`, t.unitText ?? '', t.deadline], [1, 2]);
      expected.push({ row, no, section: g.section, subsection: null, measure: t.measure, deadlineText: t.deadline, lead: t.lead, responsible: t.responsible });
      row++;
    }
    mergeDown(ws, top, row - 1, 1);
  }
}

/** (d) 序号 | 工作内容 | 责任部门 (merged, one unit per line) | 完成时限 (merged) | 进展情况, blank rows between groups. */
function renderProgress(ws: ExcelJS.Worksheet, f: ProgressFixture, expected: ExpectedTask[]): void {
  let row = writeHead(ws, f);
  let no = 0;
  f.groups.forEach((g, gi) => {
    if (gi > 0) row++; // the blank spacer row clerks leave between groups
    const top = row;
    for (const t of g.tasks) {
      no++;
      const first = row === top;
      bodyRow(ws, row, [no, t.measure, first ? g.units.join('\n') : null, first ? g.deadline : null, t.status], [1]);
      expected.push({ row, no: String(no), section: null, subsection: null, measure: t.measure, deadlineText: g.deadline, lead: [], responsible: g.units, statusText: t.status });
      row++;
    }
    mergeDown(ws, top, row - 1, 3);
    mergeDown(ws, top, row - 1, 4);
  });
}

export function buildFixture(f: Fixture): { workbook: ExcelJS.Workbook; expected: ExpectedTask[] } {
  const workbook = newWorkbook();
  const ws = workbook.addWorksheet(f.sheet);
  ws.columns = f.columnWidths.map((width) => ({ width }));
  const expected: ExpectedTask[] = [];
  switch (f.layout) {
    case 'xuhao-cooperating':
    case 'two-row-header':
      renderXuhao(ws, f, expected);
      break;
    case 'fullwidth-sections':
      renderFullWidth(ws, f, expected);
      break;
    case 'combined-units':
      renderCombined(ws, f, expected);
      break;
    case 'progress-merged-units':
      renderProgress(ws, f, expected);
      break;
  }
  fitWrappedRows(ws);
  return { workbook, expected };
}

async function main(): Promise<void> {
  const dataDir = path.join(DIR, 'data');
  for (const file of fs.readdirSync(dataDir).filter((n) => n.endsWith('.json')).sort()) {
    const fixture = JSON.parse(fs.readFileSync(path.join(dataDir, file), 'utf8')) as Fixture;
    const { workbook, expected } = buildFixture(fixture);
    const base = file.replace(/\.json$/, '');
    await writeStable(workbook, path.join(DIR, `${base}.xlsx`));
    fs.writeFileSync(path.join(DIR, `${base}.expected.json`), JSON.stringify(expected, null, 2) + '\n');
    process.stdout.write(`wrote tests/fixtures/layouts/${base}.xlsx (${expected.length} tasks)\n`);
  }
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  });
}
