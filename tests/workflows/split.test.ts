/**
 * Split through the xlsx host on the plain sample: who receives what (groups expanded through the default
 * directory), and what each written workbook holds — the master's look, the answer columns with a dropdown,
 * protection, the very-hidden identity — read back from the saved bytes.
 */
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import { analyseSheet } from '../../src/domain/check';
import { DEFAULT_RETURN_FONT, identityFromGrid, masterFingerprint, RETURN_IDENTITY_SHEET } from '../../src/domain/returns';
import type { WorkbookHost } from '../../src/ports/workbook-host';
import { STATUS_CHOICES } from '../../src/domain/status';
import { UnitDirectory } from '../../src/domain/units';
import { UserFacingError } from '../../src/domain/errors';
import { ExcelHost } from '../../src/hosts/excel';
import { XlsxHost } from '../../src/hosts/xlsx';
import { ExcelSimulator } from '../../src/simulator';
import { readGrid } from '../../src/hosts/xlsx/read-grid';
import { runSplit } from '../../src/workflows/split';
import { copyLayout, PLAIN, SHEET, splitFile, SPLIT_AT, type SplitCopies } from '../support/returns';
import { countingHost } from '../support/highlight';
import { SAMPLE_DIRECTORY_DATA, sampleDirectory } from '../support/sample-directory';

let split: SplitCopies;
beforeAll(async () => {
  split = await splitFile(PLAIN, 'both', sampleDirectory());
}, 120_000);

async function opened(unit: string): Promise<ExcelJS.Workbook> {
  return (await XlsxHost.open(split.copies.get(unit)!)).workbook;
}

describe('runSplit on the plain sample', () => {
  it('reads the master once and writes nothing to it', async () => {
    const { host, calls } = countingHost(await XlsxHost.open(PLAIN));
    await runSplit(host, { generatedAt: SPLIT_AT, directory: sampleDirectory() });
    expect([calls.read, calls.apply]).toEqual([1, 0]);
  });

  it('sends each unit the measures it leads or is responsible for, groups expanded', () => {
    const { workbooks, check } = split.result;
    const byUnit = new Map(workbooks.map((w) => [w.unit, w]));
    // 19 directory units, the 领导小组成员单位 (members unknown) and 各街道 (no 街道 in the directory) as one recipient each.
    expect(workbooks).toHaveLength(21);
    expect(byUnit.get('区疫情防控工作领导小组成员单位')!.measureCount).toBe(3);
    expect(byUnit.has('各部门')).toBe(false);
    // Measure 1 goes to 办公室 (lead) and, through 各部门, to every 部门.
    const measure1 = check.analysis.tasks[0];
    expect(measure1.responsible).toContain('各部门');
    for (const unit of ['办公室', '司法局', '财政局', '政务中心']) {
      expect(byUnit.get(unit)!.identity.measures[0]).toEqual(expect.objectContaining({ no: '1' }));
    }
    // Every measure reaches someone; the per-unit counts add up to the unit-measure pairs.
    expect(split.result.unassigned).toEqual([]);
    expect(byUnit.get('经济运行局')!.fileName).toBe('两江新区2022年政务公开重点工作任务分工-经济运行局-回收表.xlsx');
    expect(split.result.archiveName).toBe('两江新区2022年政务公开重点工作任务分工-各单位回收表.zip');
  });

  it('by lead sends only the measures a unit leads', async () => {
    const result = await runSplit(await XlsxHost.open(PLAIN), { generatedAt: SPLIT_AT, by: 'lead', directory: sampleDirectory() });
    const office = result.workbooks.find((w) => w.unit === '办公室')!;
    const leads = result.check.analysis.tasks.filter((t) => t.lead.includes('办公室')).map((t) => t.no);
    expect(office.identity.measures.map((m) => m.no)).toEqual(leads);
    expect(result.workbooks.some((w) => w.unit === '各街道')).toBe(false);
  });

  it('each copy reads back as a task table with the unit’s measures, verbatim, and the answer columns', async () => {
    const directory = new UnitDirectory(SAMPLE_DIRECTORY_DATA);
    const master = split.result.check.analysis;
    for (const unit of ['司法局', '各街道', '经济运行局']) {
      const wb = await opened(unit);
      const analysis = analyseSheet(readGrid(wb.getWorksheet(SHEET)!), { directory, planYear: 2022 });
      const expected = split.result.workbooks.find((w) => w.unit === unit)!.identity.measures.map((m) => m.no);
      expect(analysis.tasks.map((t) => t.no)).toEqual(expected);
      for (const task of analysis.tasks) {
        const original = master.tasks.find((t) => t.no === task.no)!;
        expect([task.section, task.subsection, task.measure, task.deadline.text, task.lead, task.responsible]).toEqual([
          original.section,
          original.subsection,
          original.measure,
          original.deadline.text,
          original.lead,
          original.responsible,
        ]);
      }
      expect(analysis.title).toBe(master.title);
      expect(analysis.layout.columns.status).not.toBeNull();
      expect(analysis.layout.columns.explanation).not.toBeUndefined();
      expect(analysis.layout.columns.doneDate).not.toBeUndefined();
    }
  });

  it('merges each section heading over the unit’s measures in it, in the master’s column widths', async () => {
    const ws = (await opened('司法局')).getWorksheet(SHEET)!;
    const grid = readGrid(ws);
    const analysis = analyseSheet(grid, { directory: new UnitDirectory(SAMPLE_DIRECTORY_DATA) });
    const sections = new Set(analysis.tasks.map((t) => t.section));
    const sectionMerges = grid.merges.filter((m) => m.left === 0 && m.right === 0);
    // One vertical merge per section holding more than one of the unit's measures.
    const multi = [...sections].filter((s) => analysis.tasks.filter((t) => t.section === s).length > 1);
    expect(sectionMerges).toHaveLength(multi.length);
    const master = (await XlsxHost.open(PLAIN)).workbook.getWorksheet(SHEET)!;
    expect(ws.getColumn(3).width).toBe(master.getColumn(3).width);
  });

  it('in Excel (ExcelHost on the simulator, ExcelApi 1.2) the copies keep the master’s column widths as in the CLI', async () => {
    const sim = await ExcelSimulator.fromBytes(fs.readFileSync(PLAIN), { apiVersion: '1.2' });
    const result = await runSplit(new ExcelHost(sim.run, sim.requirements), { generatedAt: SPLIT_AT, directory: sampleDirectory() });
    const inExcel = result.workbooks.find((w) => w.unit === '司法局')!.specs[0].columnWidths;
    const inCli = split.result.workbooks.find((w) => w.unit === '司法局')!.specs[0].columnWidths;
    expect(inExcel.slice(0, 6).map((w) => Math.round(w))).toEqual(inCli.slice(0, 6).map((w) => Math.round(w)));
    expect(inExcel[2]).not.toBe(60);
  });

  it('where the host cannot read the master’s look, widths follow the columns’ roles and the font is the default', async () => {
    const inner = await XlsxHost.open(PLAIN);
    const { host } = countingHost(inner);
    const lookless: WorkbookHost = { ...host, read: async (request) => ({ ...(await inner.read(request)), look: undefined }) };
    const result = await runSplit(lookless, { generatedAt: SPLIT_AT, directory: sampleDirectory() });
    const copy = result.workbooks.find((w) => w.unit === '司法局')!.specs[0];
    expect(copy.columnWidths[2]).toBe(60);
    expect(copy.font?.name).toBe(DEFAULT_RETURN_FONT.name);
  });

  it('locks the task columns, leaves the answer cells editable, offers the status words as a dropdown', async () => {
    const wb = await opened('司法局');
    const { ws, col, rowOf } = copyLayout(wb);
    const row = [...rowOf.values()][0];
    expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    expect(ws.getCell(row, col['贯彻举措']).protection?.locked).not.toBe(false);
    for (const header of ['完成情况', '进展说明', '完成日期']) expect(ws.getCell(row, col[header]).protection?.locked).toBe(false);
    const validation = ws.getCell(row, col['完成情况']).dataValidation;
    expect(validation?.type).toBe('list');
    // The short list: the four standard words (the plain sample's master has no answers of its own to add).
    expect(validation?.formulae?.[0]).toBe(`"${STATUS_CHOICES.slice(0, 4).join(',')}"`);
    expect(ws.getCell(row, col['完成日期']).dataValidation).toMatchObject({ type: 'date', allowBlank: true, errorStyle: 'warning' });
  });

  it('carries the identity in a very-hidden sheet: master fingerprint, unit, measures', async () => {
    const wb = await opened('各街道');
    const hidden = wb.getWorksheet(RETURN_IDENTITY_SHEET)!;
    expect(hidden.state).toBe('veryHidden');
    const identity = identityFromGrid(readGrid(hidden))!;
    expect(identity).toMatchObject({ unit: '各街道', by: 'both', masterSheet: SHEET, generatedAt: SPLIT_AT });
    expect(identity.masterId).toBe(masterFingerprint(split.result.check.analysis));
    expect(identity.measures).toHaveLength(17);
  });

  it('refuses to split a return copy', async () => {
    const copy = await XlsxHost.open(split.copies.get('司法局')!);
    await expect(runSplit(copy, { generatedAt: SPLIT_AT })).rejects.toThrow(UserFacingError);
  });
});

describe('runSplit on the other layouts', () => {
  const FIXTURES = ['a-xuhao-cooperating', 'b-fullwidth-sections', 'c-combined-units', 'd-progress-merged-units'];
  it.each(FIXTURES)('%s: every copy reads back with the unit’s measures, headings and units as in the master', async (name) => {
    const file = `${__dirname}/../fixtures/layouts/${name}.xlsx`;
    const { result, copies } = await splitFile(file);
    const master = result.check.analysis;
    const directory = result.check.directory;
    expect(result.workbooks.length).toBeGreaterThan(0);
    for (const w of result.workbooks) {
      const wb = (await XlsxHost.open(copies.get(w.unit)!)).workbook;
      const copy = analyseSheet(readGrid(wb.getWorksheet(master.sheet)!), { directory, planYear: master.planYear });
      const given = w.taskIndexes.map((i) => master.tasks[i]);
      expect(copy.tasks.map((t) => [t.no, t.section, t.subsection, t.measure, t.deadline.text, t.lead, t.responsible])).toEqual(
        given.map((t) => [t.no, t.section, t.subsection, t.measure, t.deadline.text, t.lead, t.responsible]),
      );
    }
  });
});
