/**
 * Split and collect end to end, through the xlsx host: split the sample, fill every unit's copy, collect, and get
 * exactly those answers back; tampered copies each give their finding; the task columns never change; a
 * second collect of the same returns writes nothing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { valueAt } from '../../src/domain/layout';
import { parseState } from '../../src/domain/workbook-state';
import { XlsxHost } from '../../src/hosts/xlsx';
import { readGrid } from '../../src/hosts/xlsx/read-grid';
import { runCollect, type CollectResult, type ReturnSource } from '../../src/workflows/collect';
import {
  columnsHash,
  editCopy,
  editIdentity,
  fillAnswers,
  PLAIN,
  RETURNS_SAMPLE,
  SHEET,
  source,
  splitFile,
  statusFor,
  type SplitCopies,
} from '../support/returns';
import { countingHost } from '../support/highlight';
import { sampleDirectory } from '../support/sample-directory';

const AS_OF = '2022-09-15';
const OPTIONS = { asOf: AS_OF, generatedAt: '2022-09-16 08:30', directory: sampleDirectory() };
const TASK_COLUMNS = [1, 2, 3, 4, 5, 6]; // A–F of the plain sample: 工作任务 ×2, 贯彻举措, 完成时限, 牵头单位, 责任单位

let split: SplitCopies;
let filled: Map<string, Uint8Array>;

beforeAll(async () => {
  split = await splitFile(PLAIN, 'both', sampleDirectory());
  filled = new Map();
  for (const [unit, bytes] of split.copies) filled.set(unit, await fillAnswers(bytes, statusFor));
}, 120_000);

function sourcesOf(copies: Map<string, Uint8Array>): ReturnSource[] {
  return [...copies].map(([unit, bytes]) => source(`${unit}.xlsx`, bytes));
}

async function collect(master: XlsxHost, sources: ReturnSource[]): Promise<CollectResult> {
  return runCollect(master, sources, OPTIONS);
}

function findingCodes(result: CollectResult, file: string): string[] {
  return result.returns.find((r) => r.file === file)!.findings.map((f) => f.code);
}

/** Column of a header on the master's header row (row 2), 1-based. */
function headerColumn(host: XlsxHost, text: string): number {
  let found = 0;
  host.workbook.getWorksheet(SHEET)!.getRow(2).eachCell((cell, c) => {
    if (cell.value === text) found = c;
  });
  return found;
}

describe('split → fill → collect round trip on the plain sample', () => {
  let master: XlsxHost;
  let result: CollectResult;
  let taskHashBefore: string;

  beforeAll(async () => {
    master = await XlsxHost.open(PLAIN);
    taskHashBefore = columnsHash(master.workbook, SHEET, TASK_COLUMNS);
    result = await collect(master, sourcesOf(filled));
    master = await XlsxHost.open(await master.toBuffer());
  }, 120_000);

  it('accepts every unit’s return without errors, finds no unit missing, and updates all 54 measures', () => {
    expect(result.returns).toHaveLength(split.result.workbooks.length);
    for (const r of result.returns) {
      expect(r.accepted).toBe(true);
      expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    }
    expect(result.missingUnits).toEqual([]);
    expect(result.updated).toBe(54);
    expect(result.addedColumns).toEqual(['status', 'explanation', 'doneDate', 'unit', 'time']);
  });

  it('gets back exactly the statuses, explanations and dates the units wrote', async () => {
    const col = (t: string) => headerColumn(master, t) - 1;
    expect([col('完成情况'), col('进展说明'), col('完成日期'), col('填报单位'), col('填报时间')]).toEqual([6, 7, 8, 9, 10]);
    const grid = readGrid(master.workbook.getWorksheet(SHEET)!);
    const tasks = result.check.analysis.tasks;
    for (const task of tasks) {
      const expected = statusFor(task.no);
      const r = task.row - 1;
      expect(valueAt(grid, r, col('完成情况'))).toBe(expected.status);
      const explanation = String(valueAt(grid, r, col('进展说明')) ?? '');
      // The deciding unit's own words come first; other units' answers follow as 【单位】状态：说明.
      if (expected.explanation) expect(explanation.startsWith(expected.explanation)).toBe(true);
      const done = valueAt(grid, r, col('完成日期'));
      if (expected.doneDate instanceof Date) expect(done).toMatchObject({ kind: 'date', iso: expected.doneDate.toISOString().slice(0, 10) });
      else expect(done).toBeNull();
      expect(valueAt(grid, r, col('填报时间'))).toBe('2022年9月10日 10:00');
    }
    // Measure 3 is 经济运行局's alone; measure 2 has two lead units and no responsible one.
    const unitOf = (no: string) => valueAt(grid, tasks.find((t) => t.no === no)!.row - 1, col('填报单位'));
    expect(unitOf('3')).toBe('经济运行局');
    expect(unitOf('2')).toBe('办公室、司法局');
  });

  it('never changes a value in the task columns', () => {
    expect(columnsHash(master.workbook, SHEET, TASK_COLUMNS)).toBe(taskHashBefore);
  });

  it('writes a 回收情况 sheet recorded as the product’s own', async () => {
    const ws = master.workbook.getWorksheet('回收情况')!;
    expect(ws).toBeDefined();
    expect(String(ws.getCell(2, 1).value)).toContain('应报 21 个单位，已报 21 个，未报 0 个');
    const state = parseState((await master.read()).stateText).state;
    expect(state.productSheets).toEqual([expect.objectContaining({ name: '回收情况', marker: 'returns-log', source: SHEET })]);
  });

  it('a second collect of the same returns writes no cell and keeps every value; the log is replaced, not duplicated', async () => {
    const before = columnsHash(master.workbook, SHEET, [...TASK_COLUMNS, 7, 8, 9, 10, 11]);
    const { host, calls } = countingHost(master);
    const again = await collect(host as XlsxHost, sourcesOf(filled));
    expect(again.cellsWritten).toBe(0);
    expect(again.updated).toBe(0);
    expect(again.replacedLog).toBe('回收情况');
    expect(calls.apply).toBe(1);
    expect(columnsHash(master.workbook, SHEET, [...TASK_COLUMNS, 7, 8, 9, 10, 11])).toBe(before);
    expect(master.workbook.worksheets.filter((ws) => ws.name.startsWith('回收情况'))).toHaveLength(1);
  });
});

describe('collect: several units answering one measure', () => {
  it('lets the lead unit decide, keeps the others in 进展说明, and flags a contradiction', async () => {
    // Measure 1: lead 办公室, responsible 各部门 (司法局 is one of them).
    const office = await fillAnswers(split.copies.get('办公室')!, (no) => (no === '1' ? { status: '已完成', doneDate: new Date(Date.UTC(2022, 7, 1)) } : null));
    const justice = await fillAnswers(split.copies.get('司法局')!, (no) => (no === '1' ? { status: '未启动', explanation: '待部署' } : null));
    const master = await XlsxHost.open(PLAIN);
    // The responsible unit's file comes first: the order of files does not decide, the lead does.
    const result = await collect(master, [source('司法局.xlsx', justice), source('办公室.xlsx', office)]);
    const grid = readGrid(master.workbook.getWorksheet(SHEET)!);
    const row = result.check.analysis.tasks[0].row - 1;
    expect(valueAt(grid, row, 6)).toBe('已完成');
    expect(valueAt(grid, row, 7)).toBe('【司法局】未启动：待部署');
    expect(valueAt(grid, row, 9)).toBe('办公室、司法局');
    expect(findingCodes(result, '司法局.xlsx')).toContain('return.status_conflict');
    expect(findingCodes(result, '办公室.xlsx')).not.toContain('return.status_conflict');
    expect(result.missingUnits).toHaveLength(19);
  });
});

describe('collect into a master that already has a 完成情况 column (the returns sample)', () => {
  it('writes answers into that column, adds the other four after the table, and leaves unanswered measures as they were', async () => {
    const master = await XlsxHost.open(RETURNS_SAMPLE);
    const before = readGrid(master.workbook.getWorksheet(SHEET)!);
    const office = split.result.workbooks.find((w) => w.unit === '办公室')!;
    const result = await collect(master, [source('办公室.xlsx', filled.get('办公室')!)]);
    expect(result.addedColumns).toEqual(['explanation', 'doneDate', 'unit', 'time']);
    expect(result.returnColumns).toEqual({ status: 6, explanation: 7, doneDate: 8, unit: 9, time: 10 });
    const after = readGrid(master.workbook.getWorksheet(SHEET)!);
    result.check.analysis.tasks.forEach((task, i) => {
      const r = task.row - 1;
      const expected = office.taskIndexes.includes(i) ? statusFor(task.no).status : valueAt(before, r, 6);
      expect(valueAt(after, r, 6)).toBe(expected);
    });
  });
});

describe('collect: a copy sent back blank', () => {
  it('is accepted but answers nothing: its unit is in one state, sent back blank, still to report', async () => {
    const result = await collect(await XlsxHost.open(PLAIN), [source('财政局.xlsx', split.copies.get('财政局')!)]);
    const report = result.returns[0];
    expect([report.accepted, report.blank, report.answered]).toEqual([true, true, 0]);
    // One finding for the file, not one 未填写完成情况 per row.
    expect(report.findings.map((f) => f.code)).toEqual(['return.nothing_filled']);
    expect(result.blankUnits).toEqual(['财政局']);
    expect(result.missingUnits).not.toContain('财政局');
    expect(result.updated).toBe(0);
  });

  it('a unit returning twice: the later file is used for the measures both answer, and says so', async () => {
    const later = await fillAnswers(split.copies.get('财政局')!, () => ({ status: '已完成' }));
    const master = await XlsxHost.open(PLAIN);
    const result = await collect(master, [source('财政局-1.xlsx', filled.get('财政局')!), source('财政局-2.xlsx', later)]);
    expect(findingCodes(result, '财政局-2.xlsx')).toContain('return.duplicate_unit');
    const grid = readGrid(master.workbook.getWorksheet(SHEET)!);
    const first = result.check.analysis.tasks[split.result.workbooks.find((w) => w.unit === '财政局')!.taskIndexes[0]];
    expect(statusFor(first.no).status).not.toBe('已完成');
    expect(valueAt(grid, first.row - 1, 6)).toBe('已完成');
  });
});

describe('collect: tampered, foreign and broken returns', () => {
  let master: XlsxHost;
  let result: CollectResult;
  let taskHashBefore: string;
  const files: Record<string, Uint8Array> = {};

  beforeAll(async () => {
    const base = (unit: string) => filled.get(unit)!;
    // 司法局: measure 2's text edited.
    files['edited.xlsx'] = await editCopy(base('司法局'), ({ ws, col, rowOf }) => {
      const cell = ws.getCell(rowOf.get('2')!, col['贯彻举措']);
      cell.value = String(cell.value).replace('重大行政决策', '重要行政决策');
    });
    // 经济运行局: its last row blanked out (deleted), deadline and units of measure 3 edited.
    files['deleted.xlsx'] = await editCopy(base('经济运行局'), ({ ws, col, rowOf }) => {
      const last = Math.max(...rowOf.values());
      ws.getRow(last).eachCell((cell) => {
        if (!cell.isMerged) cell.value = null;
      });
      ws.getCell(rowOf.get('3')!, col['完成时限']).value = '12月31日前';
      ws.getCell(rowOf.get('3')!, col['责任单位']).value = '财政局';
    });
    // 现代服务业局: an extra row, a blank status, an unrecognised status, missing explanation, bad and future dates.
    files['extra.xlsx'] = await editCopy(base('现代服务业局'), ({ ws, col, rowOf }) => {
      const rows = [...rowOf.values()].sort((a, b) => a - b);
      const extra = ws.rowCount + 1;
      ws.getCell(extra, col['贯彻举措']).value = '99.本单位自行增加的一项举措';
      ws.getCell(extra, col['完成时限']).value = '年底前';
      ws.getCell(extra, col['完成情况']).value = '已完成';
      ws.getCell(rows[0], col['完成情况']).value = null;
      ws.getCell(rows[1], col['完成情况']).value = '差不多了';
      ws.getCell(rows[2], col['完成情况']).value = '进度滞后';
      ws.getCell(rows[2], col['进展说明']).value = null;
      ws.getCell(rows[3], col['完成情况']).value = '已完成';
      ws.getCell(rows[3], col['完成日期']).value = '下个月';
      ws.getCell(rows[4], col['完成情况']).value = '已完成';
      ws.getCell(rows[4], col['完成日期']).value = new Date(Date.UTC(2022, 11, 1));
    });
    // 司法局's file claiming measure 3, which only 经济运行局 was given.
    files['not-given.xlsx'] = await editCopy(base('司法局'), ({ ws, col, rowOf }) => {
      const master3 = split.result.check.analysis.tasks.find((t) => t.no === '3')!;
      ws.getCell(rowOf.get('2')!, col['贯彻举措']).value = `3.${master3.measure}`;
    });
    // A copy whose identity names a unit nobody knows.
    files['unknown-unit.xlsx'] = await editIdentity(base('财政局'), (identity) => {
      identity.unit = '不存在的局';
    });
    // A return of another master (the returns sample carries other statuses but it is a copy of another table).
    const other = await splitFile(path.join(__dirname, '../fixtures/layouts/a-xuhao-cooperating.xlsx'));
    files['other-master.xlsx'] = [...other.copies.values()][0];
    // A sheet that was never split at all, and a corrupt file.
    files['plain-sheet.xlsx'] = new Uint8Array(fs.readFileSync(RETURNS_SAMPLE));
    const good = base('宣传部');
    files['corrupt.xlsx'] = good.slice(0, Math.floor(good.length / 2));
    files['good.xlsx'] = good;

    master = await XlsxHost.open(PLAIN);
    taskHashBefore = columnsHash(master.workbook, SHEET, TASK_COLUMNS);
    result = await collect(master, Object.entries(files).map(([name, bytes]) => source(name, bytes)));
  }, 120_000);

  it('reports one entry per file, in the order given', () => {
    expect(result.returns.map((r) => r.file)).toEqual(Object.keys(files));
  });

  it('edited measure text → return.measure_text_changed at the measure cell, showing the difference', () => {
    const f = result.returns.find((r) => r.file === 'edited.xlsx')!.findings.find((x) => x.code === 'return.measure_text_changed')!;
    expect(f.severity).toBe('error');
    expect(f.cell).toMatch(/^C\d+$/);
    expect(f.message.zh).toContain('落实重【原：大 → 现：要】行政决策');
  });

  it('a deleted row → return.measure_missing; edited deadline and units → deadline_changed, units_changed', () => {
    expect(findingCodes(result, 'deleted.xlsx')).toEqual(expect.arrayContaining(['return.measure_missing', 'return.deadline_changed', 'return.units_changed']));
  });

  it('an added row, blank/unrecognised status, missing explanation, bad and future dates each have their code', () => {
    expect(findingCodes(result, 'extra.xlsx')).toEqual(
      expect.arrayContaining([
        'return.measure_added',
        'return.status_blank',
        'return.status_unrecognised',
        'return.explanation_missing',
        'return.done_date_invalid',
        'return.done_date_future',
      ]),
    );
  });

  it('measures the unit was not given → return.not_assigned (and its own measure is missing)', () => {
    expect(findingCodes(result, 'not-given.xlsx')).toEqual(expect.arrayContaining(['return.not_assigned', 'return.measure_missing']));
  });

  it('rejects an unknown unit, another master’s copy, a sheet never split, and a corrupt file; the good one merges', () => {
    const verdict = (file: string) => [result.returns.find((r) => r.file === file)!.accepted, findingCodes(result, file)];
    expect(verdict('unknown-unit.xlsx')).toEqual([false, ['return.unit_unknown']]);
    expect(verdict('other-master.xlsx')).toEqual([false, ['return.wrong_master']]);
    expect(verdict('plain-sheet.xlsx')).toEqual([false, ['return.wrong_master']]);
    expect(verdict('corrupt.xlsx')).toEqual([false, ['return.unreadable']]);
    expect(verdict('good.xlsx')).toEqual([true, []]);
  });

  it('merges nothing from a rejected or edited row, and never touches the task columns', () => {
    expect(columnsHash(master.workbook, SHEET, TASK_COLUMNS)).toBe(taskHashBefore);
    const grid = readGrid(master.workbook.getWorksheet(SHEET)!);
    const tasks = result.check.analysis.tasks;
    const measure2 = tasks.find((t) => t.no === '2')!;
    // Measure 2 was answered only by the edited 司法局 row and the not-given file: neither merges.
    expect(valueAt(grid, measure2.row - 1, 6)).toBeNull();
    expect(result.missingUnits).not.toContain('宣传部');
    expect(result.missingUnits).toContain('财政局');
  });
});

