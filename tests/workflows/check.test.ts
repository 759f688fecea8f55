import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { isUserFacingError } from '../../src/domain/errors';
import { emptyState, serialiseState } from '../../src/domain/workbook-state';
import { XlsxHost } from '../../src/hosts/xlsx';
import { runCheck } from '../../src/workflows/check';
import type { ExpectedTask } from '../../scripts/make-fixtures';
import type { WorkbookHost } from '../../src/ports/workbook-host';
import { sampleDirectory } from '../support/sample-directory';

const ROOT = path.resolve(__dirname, '../..');
const SAMPLE = path.join(ROOT, 'samples/liangjiang-2022.xlsx');
const RETURNS = path.join(ROOT, 'samples/liangjiang-2022-returns.xlsx');
const FIXTURES = path.join(ROOT, 'tests/fixtures/layouts');

/** Counts host round trips, to hold the workflow to one read (two when the workbook has a 单位名录). */
function counting(host: WorkbookHost): { host: WorkbookHost; reads: () => number } {
  let reads = 0;
  const wrapped: WorkbookHost = {
    capabilities: host.capabilities,
    read: (r) => {
      reads++;
      return host.read(r);
    },
    readStyles: (s, r) => host.readStyles(s, r),
    apply: (c) => host.apply(c),
    select: (s, a) => host.select(s, a),
  };
  return { host: wrapped, reads: () => reads };
}

function allocationWorkbook(extra?: (wb: ExcelJS.Workbook) => void): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('分工');
  ws.addRow(['2022年任务分工']);
  ws.addRow(['具体措施', '完成时限', '牵头单位', '责任单位']);
  ws.addRow(['1.公开预算', '长期开展', '财政局', '某某中心']);
  extra?.(wb);
  return wb;
}

describe('runCheck on the bundled 两江新区 2022 sample', () => {
  it('reads all 54 measures in one round trip, with sections and subsections from the merged columns', async () => {
    const { host, reads } = counting(await XlsxHost.open(SAMPLE));
    const { analysis, directorySource } = await runCheck(host);
    expect(reads()).toBe(1);
    expect(directorySource).toBe('sheet');
    expect(analysis.title).toBe('两江新区2022年政务公开重点工作任务分工');
    expect(analysis.planYear).toBe(2022);
    expect(analysis.layout).toMatchObject({
      headerRow: 2,
      firstDataRow: 3,
      lastDataRow: 56,
      columns: { section: 0, subsection: 1, measure: 2, deadline: 3, lead: 4, responsible: 5, status: null, number: null },
    });
    const tasks = analysis.tasks;
    expect(tasks).toHaveLength(54);
    expect(tasks.map((t) => t.no)).toEqual(Array.from({ length: 54 }, (_, i) => String(i + 1)));
    expect(tasks.map((t) => t.row)).toEqual(Array.from({ length: 54 }, (_, i) => i + 3));
    expect(new Set(tasks.map((t) => t.section)).size).toBe(5);
    expect(new Set(tasks.map((t) => t.subsection)).size).toBe(17);
    expect(tasks[0]).toMatchObject({
      section: '一、以公开助力经济平稳健康发展',
      subsection: '（一）加强涉及市场主体的信息公开',
      deadline: { text: '长期开展', kind: 'ongoing', due: null },
      lead: ['办公室'],
      responsible: ['各部门', '各驻区机构'],
      status: null,
    });
    expect(tasks[0].measure.startsWith('切实做好政策性文件公开征求意见')).toBe(true);
    expect(tasks[53]).toMatchObject({ section: '五、强化工作指导监督', subsection: '（十七）认真抓好工作落实', no: '54' });
    // 7月31日前 etc. take the plan year from the title.
    expect(tasks[8].deadline).toMatchObject({ text: '7月31日前', kind: 'date', due: '2022-07-31' });
    expect(tasks[35].deadline).toMatchObject({ text: '9月30日前', due: '2022-09-30' });
    expect(tasks[1].deadline.kind).toBe('timely'); // 及时公开
  });

  it('finds exactly the one problem the seed document has', async () => {
    const { analysis } = await runCheck(await XlsxHost.open(SAMPLE));
    // Measure 2 (row 4) really has an empty 责任单位 in the official document: a warning, not an error,
    // because its lead units (办公室、司法局) are named. Nothing else is wrong:
    //  - measure 9: 税务局 leads and 办公室 is responsible — an unusual pairing, but both are known units;
    //  - measures 12–14: 区疫情防控工作领导小组成员单位 is a group whose members the seed does not list — one
    //    recipient, not an unknown unit;
    //  - 各部门 / 各街道 / 各驻区机构 are directory groups; 各街道 has no members yet and stays one recipient;
    //  - measure 42 `各街道，办公室、社会保障局` mixes ，and 、 — both separate units;
    //  - subsections run on across sections (（一）…（十七）): normal, not a numbering gap;
    //  - every deadline (7月31日前, 8月31日前, 9月30日前, 12月31日前, 长期开展, 长期执行, 及时公开) lies in 2022.
    expect(analysis.findings).toEqual([
      {
        severity: 'warning',
        code: 'responsible.missing',
        cell: 'F4',
        row: 4,
        message: {
          zh: 'F4：责任单位为空（牵头单位：办公室、司法局），请确认是否由牵头单位自行负责',
          en: 'F4: the responsible unit is blank (lead: 办公室、司法局); confirm the lead unit handles it alone',
        },
        suggestion: null,
      },
    ]);
    const t9 = analysis.tasks[8];
    expect([t9.lead, t9.responsible]).toEqual([['税务局'], ['办公室']]);
    expect(analysis.tasks[41].responsible).toEqual(['各街道', '办公室', '社会保障局']);
  });

  it('reads the returns sample’s 完成情况 column: every answer recognised, 已于7月20日完成 with its date', async () => {
    const { analysis } = await runCheck(await XlsxHost.open(RETURNS));
    expect(analysis.tasks).toHaveLength(54);
    expect(analysis.layout.columns.status).toBe(6);
    expect(analysis.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(['responsible.missing@F4']);
    const byNo = new Map(analysis.tasks.map((t) => [t.no, t]));
    expect(byNo.get('20')!.status).toEqual({ text: '已于7月20日完成', state: 'done', doneOn: '2022-07-20', recognised: true });
    expect(byNo.get('24')!.status).toMatchObject({ state: 'not_started' });
    expect(byNo.get('51')!.status).toMatchObject({ text: '', state: 'unknown' });
    expect(byNo.get('37')!.status).toMatchObject({ state: 'behind' });
  });
});


describe('runCheck on the layout fixtures (other real layouts)', () => {
  const names = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx'));

  it('has the four fixtures', () => expect(names.length).toBeGreaterThanOrEqual(4));

  it.each(names)('%s gives the expected task list', async (name) => {
    const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, name.replace(/\.xlsx$/, '.expected.json')), 'utf8')) as ExpectedTask[];
    const { analysis } = await runCheck(await XlsxHost.open(path.join(FIXTURES, name)));
    const actual = analysis.tasks.map((t) => {
      const row: ExpectedTask = {
        row: t.row,
        no: t.no,
        section: t.section,
        subsection: t.subsection,
        measure: t.measure,
        deadlineText: t.deadline.text,
        lead: t.lead,
        responsible: t.responsible,
      };
      if (t.status) row.statusText = t.status.text;
      return row;
    });
    expect(actual).toEqual(expected);
    // Nothing in a well-formed fixture is an error.
    expect(analysis.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('runCheck with the workbook’s own directory and settings', () => {
  it('uses a 单位名录 sheet in the workbook (a second read, only then)', async () => {
    const wb = allocationWorkbook((w) => {
      const dir = w.addWorksheet('单位名录');
      dir.addRow(['单位名称', '别名', '类别']);
      dir.addRow(['财政局', '', '部门']);
      dir.addRow(['某某中心', '', '直属事业单位']);
    });
    const { host, reads } = counting(XlsxHost.fromWorkbook(wb));
    const result = await runCheck(host);
    expect(reads()).toBe(2);
    expect(result.directorySource).toBe('workbook');
    expect(result.analysis.findings.filter((f) => f.code === 'unit.unknown')).toEqual([]);
  });

  it('without one, the units the sheet names are the directory: nothing is unknown', async () => {
    const result = await runCheck(XlsxHost.fromWorkbook(allocationWorkbook()));
    expect(result.directorySource).toBe('sheet');
    expect(result.analysis.findings).toEqual([]);
    expect(result.directory.data.units.map((u) => u.name)).toEqual(['财政局', '某某中心']);
  });

  it('with a directory given, reports the units it does not know', async () => {
    const result = await runCheck(XlsxHost.fromWorkbook(allocationWorkbook()), { directory: sampleDirectory() });
    expect(result.directorySource).toBe('option');
    expect(result.analysis.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(['unit.unknown@D3']);
  });

  it('applies the saved plan year and column corrections; options override them', async () => {
    const host = XlsxHost.fromWorkbook(allocationWorkbook());
    const state = emptyState();
    state.settings.planYear = 2023;
    state.settings.columns = { 分工: { responsible: null } };
    await host.apply([{ kind: 'state', text: serialiseState(state) }]);
    const saved = await runCheck(host);
    expect(saved.analysis.planYear).toBe(2023);
    expect(saved.analysis.layout.columns.responsible).toBeNull();
    expect(saved.analysis.tasks[0].responsible).toEqual([]);
    const overridden = await runCheck(host, { planYear: 2021, columns: { responsible: 3 } });
    expect(overridden.analysis.planYear).toBe(2021);
    expect(overridden.analysis.tasks[0].responsible).toEqual(['某某中心']);
  });

  it('refuses a sheet the product made, naming the sheet to check instead', async () => {
    const wb = allocationWorkbook((w) => w.addWorksheet('落实情况汇总').addRow(['汇总']));
    const host = XlsxHost.fromWorkbook(wb);
    const state = emptyState();
    state.productSheets.push({ name: '落实情况汇总', marker: 'summary', source: '分工', createdAt: '2022-09-15T00:00:00Z' });
    await host.apply([{ kind: 'state', text: serialiseState(state) }]);
    const error = await runCheck(host, { sheet: '落实情况汇总' }).catch((e: unknown) => e);
    expect(isUserFacingError(error)).toBe(true);
    expect((error as { code: string }).code).toBe('check.product_sheet');
    expect((error as { text: { zh: string } }).text.zh).toContain('请改为检查工作表“分工”');
  });

  it('names each kind of product sheet it refuses as what it is, not as a summary', async () => {
    const wb = allocationWorkbook((w) => w.addWorksheet('上年未完成事项').addRow(['上年未完成事项']));
    const host = XlsxHost.fromWorkbook(wb);
    const state = emptyState();
    state.productSheets.push({ name: '上年未完成事项', marker: 'carried-over', source: '分工', createdAt: '2022-09-15T00:00:00Z' });
    await host.apply([{ kind: 'state', text: serialiseState(state) }]);
    const error = await runCheck(host, { sheet: '上年未完成事项' }).catch((e: unknown) => e);
    expect((error as { code: string }).code).toBe('check.product_sheet');
    expect((error as { text: { zh: string } }).text.zh).toContain('是本工具生成的上年未完成事项表，不是任务分工表');
  });

  it('checks the source table when the workbook was left on the summary sheet (no sheet named)', async () => {
    const wb = allocationWorkbook((w) => {
      w.addWorksheet('落实情况汇总').addRow(['汇总']);
      w.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
    });
    const host = XlsxHost.fromWorkbook(wb);
    const state = emptyState();
    state.productSheets.push({ name: '落实情况汇总', marker: 'summary', source: '分工', createdAt: '2022-09-15T00:00:00Z' });
    await host.apply([{ kind: 'state', text: serialiseState(state) }]);
    expect((await host.read()).activeSheet).toBe('落实情况汇总');
    const result = await runCheck(host);
    expect(result.analysis.sheet).toBe('分工');
    expect(result.snapshot.grid?.sheet).toBe('分工');
  });

  it('says there is nothing to check in a workbook without sheets', async () => {
    const error = await runCheck(XlsxHost.fromWorkbook(new ExcelJS.Workbook())).catch((e: unknown) => e);
    expect((error as { code: string }).code).toBe('check.no_such_sheet');
    expect((error as { text: { zh: string } }).text.zh).toBe('工作簿中没有可检查的工作表');
  });

  it('names the sheets there are when the one asked for is missing', async () => {
    const error = await runCheck(XlsxHost.fromWorkbook(allocationWorkbook()), { sheet: '不存在' }).catch((e: unknown) => e);
    expect((error as { code: string }).code).toBe('check.no_such_sheet');
    expect((error as { text: { zh: string } }).text.zh).toContain('“分工”');
  });
});
