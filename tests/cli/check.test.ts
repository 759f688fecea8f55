import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { runAllocation, type CliRun } from '../support/cli';

const ROOT = path.resolve(__dirname, '../..');

function run(argv: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return runAllocation(argv, { cwd, today: '2026-11-26', env });
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'allocation-check-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function writeWorkbook(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = path.join(tmp, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('allocation check', () => {
  it('prints findings with cell addresses and the totals line; exit 0 with warnings only', async () => {
    const { code, out, err } = await run(['check', 'samples/liangjiang-2022.xlsx']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('两江新区2022年政务公开重点工作任务分工');
    expect(out).toContain('警告（1）\n  F4：责任单位为空');
    expect(out).not.toContain('错误（');
    expect(out.trimEnd().split('\n').pop()).toBe('共 54 项任务：错误 0 个，警告 1 个，提示 0 个');
  });

  it('prints English with --lang en-US', async () => {
    const { out } = await run(['check', 'samples/liangjiang-2022.xlsx', '--lang', 'en-US']);
    expect(out).toContain('Warnings (1)\n  F4: the responsible unit is blank');
    expect(out.trimEnd().split('\n').pop()).toBe('54 tasks: 0 errors, 1 warning, 0 notes');
  });

  it('prints the agreed JSON shape', async () => {
    const { code, out } = await run(['check', 'samples/liangjiang-2022.xlsx', '--format', 'json', '--as-of', '2022年9月15日']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    // The agreed fields, in this order; later features add fields after them (none renamed).
    expect(Object.keys(json).slice(0, 10)).toEqual(['file', 'sheet', 'title', 'planYear', 'asOf', 'headerRow', 'columns', 'tasks', 'findings', 'counts']);
    expect(json.directory).toEqual({ source: 'sheet', units: 19, groups: 4 });
    expect(json).toMatchObject({
      file: 'samples/liangjiang-2022.xlsx',
      title: '两江新区2022年政务公开重点工作任务分工',
      planYear: 2022,
      asOf: '2022-09-15',
      headerRow: 2,
      columns: { section: 'A', subsection: 'B', measure: 'C', deadline: 'D', lead: 'E', responsible: 'F', status: null, number: null },
      counts: { tasks: 54, errors: 0, warnings: 1, info: 0 },
    });
    expect(json.tasks[0]).toMatchObject({
      row: 3,
      rows: [3, 3],
      no: '1',
      section: '一、以公开助力经济平稳健康发展',
      subsection: '（一）加强涉及市场主体的信息公开',
      measure: expect.stringMatching(/^切实做好政策性文件公开征求意见/),
      deadline: { text: '长期开展', kind: 'ongoing', due: null },
      lead: ['办公室'],
      responsible: ['各部门', '各驻区机构'],
      status: null,
    });
    expect(json.findings).toEqual([
      { severity: 'warning', code: 'responsible.missing', cell: 'F4', row: 4, message: expect.stringMatching(/^F4：/), suggestion: null },
    ]);
  });

  it('defaults asOf to today and gives statuses on the returns sample', async () => {
    const { out } = await run(['check', 'samples/liangjiang-2022-returns.xlsx', '--format', 'json']);
    const json = JSON.parse(out);
    expect(json.asOf).toBe('2026-11-26');
    expect(json.columns.status).toBe('G');
    expect(json.tasks[19].status).toEqual({ text: '已于7月20日完成', state: 'done', doneOn: '2022-07-20' });
  });

  it('exits 1 when there are errors', async () => {
    const file = await writeWorkbook('errors.xlsx', (wb) => {
      const ws = wb.addWorksheet('分工');
      ws.addRow(['2022年任务分工']);
      ws.addRow(['具体措施', '完成时限', '牵头单位', '责任单位']);
      ws.addRow(['1.公开预算', '2月30日前', null, '财政局']);
    });
    const { code, out } = await run(['check', file]);
    expect(code).toBe(1);
    expect(out).toContain('错误（2）');
    expect(out).toContain('B3：完成时限“2月30日前”不是有效日期');
    expect(out).toContain('C3：牵头单位为空');
  });

  it('applies --year and --sheet, and loads --units from JSON and CSV', async () => {
    const file = await writeWorkbook('units.xlsx', (wb) => {
      wb.addWorksheet('说明').addRow(['本工作簿第二张表为任务分工']);
      const ws = wb.addWorksheet('分工');
      ws.addRow(['具体措施', '完成时限', '牵头单位', '责任单位']);
      ws.addRow(['1.公开预算', '6月底前', '某某中心', '某某中心']);
    });
    const json = path.join(tmp, 'units.json');
    fs.writeFileSync(json, JSON.stringify({ units: [{ name: '某某中心', category: '部门' }] }));
    const csv = path.join(tmp, 'units.csv');
    fs.writeFileSync(csv, '单位名称,别名,类别\n某某中心,,部门\n');
    const base = ['check', file, '--sheet', '分工', '--year', '2024', '--format', 'json'];
    const plain = JSON.parse((await run(base)).out);
    expect(plain.planYear).toBe(2024);
    expect(plain.tasks[0].deadline.due).toBe('2024-06-30');
    // No directory: the sheet's own units are the directory.
    expect(plain.findings).toEqual([]);
    const other = path.join(tmp, 'other-units.json');
    fs.writeFileSync(other, JSON.stringify({ units: [{ name: '财政局', category: '部门' }] }));
    const withOther = JSON.parse((await run([...base, '--units', other])).out);
    // One finding for the name, listing both cells that write it.
    expect(withOther.findings.map((f: { code: string; cell: string }) => `${f.code}@${f.cell}`)).toEqual(['unit.unknown@C2']);
    expect(withOther.findings[0].message).toContain('单位“某某中心”（共 2 处：C2、D2）不在单位名录中');
    for (const units of [json, csv]) {
      const withUnits = JSON.parse((await run([...base, '--units', units])).out);
      expect(withUnits.findings).toEqual([]);
    }
  });

  it('loads --units from a workbook’s 单位名录 sheet, and refuses other kinds of file', async () => {
    const directoryBook = await writeWorkbook('directory.xlsx', (wb) => {
      const ws = wb.addWorksheet('单位名录');
      ws.addRow(['单位名称', '别名', '类别']);
      ws.addRow(['财政局', '', '部门']);
      ws.addRow(['某某中心', '', '部门']);
    });
    const table = await writeWorkbook('table.xlsx', (wb) => {
      const ws = wb.addWorksheet('分工');
      ws.addRow(['具体措施', '完成时限', '牵头单位', '责任单位']);
      ws.addRow(['1.公开预算', '长期开展', '财政局', '某某中心']);
    });
    const ok = await run(['check', table, '--year', '2022', '--units', directoryBook, '--format', 'json', '--lang', 'en-US']);
    expect(JSON.parse(ok.out).findings).toEqual([]);
    const noSheet = await run(['check', table, '--units', table]);
    expect(noSheet.code).toBe(2);
    expect(noSheet.err).toContain('没有名为“单位名录”的工作表');
    const txt = path.join(tmp, 'units.docx');
    fs.writeFileSync(txt, 'x');
    const wrongKind = await run(['check', table, '--units', txt]);
    expect(wrongKind.code).toBe(2);
    expect(wrongKind.err).toContain('--units 只接受 .json、.csv 或 .xlsx 文件');
  });

  it('gives JSON messages in English with --lang en-US', async () => {
    const { out } = await run(['check', 'samples/liangjiang-2022.xlsx', '--format', 'json', '--lang', 'en-US']);
    expect(JSON.parse(out).findings[0].message).toBe('F4: the responsible unit is blank (lead: 办公室、司法局); confirm the lead unit handles it alone');
  });

  it('documents every option in --help, in both languages', async () => {
    const { code, out } = await run(['check', '--help']);
    expect(code).toBe(0);
    for (const option of ['--sheet', '--year', '--as-of', '--units', '--format', '--lang', '退出码', 'Exit codes']) expect(out).toContain(option);
  });

  it.each([
    [['check'], '请指定要处理的 .xlsx 文件'],
    [['check', 'missing.xlsx'], '找不到文件：missing.xlsx'],
    [['check', 'samples/liangjiang-2022.xlsx', '--year', '22'], '--year 应为2000 到 2100 之间的四位年份'],
    [['check', 'samples/liangjiang-2022.xlsx', '--year', '1995'], '--year 应为2000 到 2100 之间的四位年份'],
    [['check', 'samples/liangjiang-2022.xlsx', '--as-of', '2022-02-30'], '--as-of 应为一个日期'],
    [['check', 'samples/liangjiang-2022.xlsx', '--format', 'xml'], '--format 只能是 text 或 json'],
    [['check', 'samples/liangjiang-2022.xlsx', '--colour'], '未知选项：--colour'],
    [['check', 'samples/liangjiang-2022.xlsx', '--sheet', '没有这张表'], '没有名为“没有这张表”的工作表'],
  ])('exits 2 with a zh-CN message for %j', async (argv, message) => {
    const { code, out, err } = await run(argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(message);
    expect(err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('exits 2 on a file that is not an xlsx workbook, saying so in zh-CN', async () => {
    const file = path.join(tmp, 'not-a-workbook.xlsx');
    fs.writeFileSync(file, '序号,具体措施\n1,公开预算\n');
    const { code, err } = await run(['check', file]);
    expect(code).toBe(2);
    expect(err).toMatch(/[\u4e00-\u9fff]/);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on a damaged workbook (a zip cut short), naming the file', async () => {
    const whole = fs.readFileSync(path.join(ROOT, 'samples/liangjiang-2022.xlsx'));
    const file = path.join(tmp, 'cut-short.xlsx');
    fs.writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
    const { code, out, err } = await run(['check', file]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('cut-short.xlsx');
    expect(err).not.toContain('内部错误');
  });

  it('exits 2 on an empty workbook and on a sheet with no header', async () => {
    const empty = await writeWorkbook('empty.xlsx', (wb) => {
      wb.addWorksheet('Sheet1');
    });
    const blank = await run(['check', empty]);
    expect(blank.code).toBe(2);
    expect(blank.err).toContain('是空的');

    const noHeader = await writeWorkbook('no-header.xlsx', (wb) => {
      const ws = wb.addWorksheet('通讯录');
      ws.addRow(['姓名', '电话']);
      ws.addRow(['张三', '123']);
    });
    const missing = await run(['check', noHeader]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('没有找到任务分工表的表头');
  });

  it('writes nothing next to the input', async () => {
    const before = fs.readdirSync(tmp).sort();
    await run(['check', path.join(tmp, 'errors.xlsx')]);
    expect(fs.readdirSync(tmp).sort()).toEqual(before);
  });
});

describe('allocation demo', () => {
  it('checks the bundled sample, whatever the working directory', async () => {
    const { code, out, err } = await run(['demo'], os.tmpdir());
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('检查任务分工表');
    expect(out).toContain('samples/liangjiang-2022.xlsx');
    expect(out).toContain('共 54 项任务：错误 0 个，警告 1 个，提示 0 个');
  });

  it('is listed in the top-level help with check', async () => {
    const { out } = await run(['--help']);
    expect(out).toContain('check');
    expect(out).toContain('demo');
  });
});

describe('allocation check on a table with no 完成时限 column', () => {
  it('says 无完成时限列 in the deadlines line, not 无法识别 N 项, and warns once', async () => {
    const { code, out } = await run(['check', 'tests/fixtures/bad/no-deadline-column.xlsx']);
    expect(code).toBe(0);
    expect(out).toContain('完成时限：无完成时限列');
    expect(out).not.toContain('无法识别');
    expect(out.match(/没有“完成时限”列/g)).toHaveLength(1);
  });
});
