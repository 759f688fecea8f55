/**
 * The first check of any body's table, with no directory: at most one unit or lead finding per 20 tasks (real
 * near-duplicates only) and no error caused by units — on every published table of the corpus and every
 * layout fixture. A built-in directory of one body would bury every other body's table in warnings.
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyseSheet } from '../../src/domain/check';
import type { Finding, SheetAnalysis } from '../../src/domain/types';
import { XlsxHost } from '../../src/hosts/xlsx';
import { runCheck } from '../../src/workflows/check';
import type { PublicTable } from '../fixtures/public/types';
import { sampleDirectory } from '../support/sample-directory';
import { makeGrid } from '../support/sheet-grid';

const PUBLIC = path.resolve(__dirname, '../fixtures/public');
const LAYOUTS = path.resolve(__dirname, '../fixtures/layouts');
const PUBLIC_NAMES = fs.readdirSync(PUBLIC).filter((f) => /^\d\d-.*\.ts$/.test(f)).map((f) => f.replace(/\.ts$/, ''));
const LAYOUT_FILES = fs.readdirSync(LAYOUTS).filter((f) => f.endsWith('.xlsx'));

const TASKS_PER_UNIT_FINDING = 20;

/** Findings about units or the lead: what a directory of another body and a blank 牵头单位 column used to flood. */
function unitFindings(a: SheetAnalysis): Finding[] {
  return a.findings.filter((f) => /^(unit|units|lead|directory)\./.test(f.code));
}

function expectQuiet(a: SheetAnalysis): void {
  const found = unitFindings(a);
  expect(a.tasks.length).toBeGreaterThan(0);
  expect({ findings: found.map((f) => f.message.zh), tooMany: found.length > Math.ceil(a.tasks.length / TASKS_PER_UNIT_FINDING) }).toEqual({
    findings: found.map((f) => f.message.zh),
    tooMany: false,
  });
  expect(found.filter((f) => f.severity === 'error')).toEqual([]);
}

describe('the first check with no directory is quiet about units', () => {
  it('has tables to measure', () => expect(PUBLIC_NAMES.length + LAYOUT_FILES.length).toBeGreaterThanOrEqual(7));

  it.each(PUBLIC_NAMES)('published table %s', (name) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const table = (require(path.join(PUBLIC, name)) as { default: PublicTable }).default;
    expectQuiet(analyseSheet(makeGrid(table.rows, { merges: table.merges }), { currentYear: 2026 }));
  });

  it('the bundled sample, through the workflow', async () => {
    const result = await runCheck(await XlsxHost.open(path.resolve(__dirname, '../../samples/liangjiang-2022.xlsx')));
    expect(result.directorySource).toBe('sheet');
    expectQuiet(result.analysis);
  });

  it('another body’s 60-task table checked with this sample’s directory: one notice, not a warning per cell', () => {
    const units = ['市政府办公室', '市发展改革委', '市财政局', '市教育局', '市人力资源社会保障局', '市住房城乡建设局'];
    const rows = [
      ['序号', '工作任务', '完成时限', '牵头单位', '责任单位'],
      ...Array.from({ length: 60 }, (_, i) => [i + 1, `第${i + 1}项任务`, '长期坚持', units[i % 6], `${units[(i + 1) % 6]}、${units[(i + 2) % 6]}、各县（市、区）人民政府`]),
    ];
    const a = analyseSheet(makeGrid(rows), { currentYear: 2026, planYear: 2024, directory: sampleDirectory() });
    expect(unitFindings(a).map((f) => f.code)).toEqual(['directory.mismatch']);
  });

  it.each(LAYOUT_FILES)('layout fixture %s, through the workflow', async (file) => {
    const result = await runCheck(await XlsxHost.open(path.join(LAYOUTS, file)));
    expect(result.directorySource).toBe('sheet');
    expectQuiet(result.analysis);
  });
});
