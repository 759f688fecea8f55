/** `allocation directory`: the review list, the 单位名录 sheet with the clerk's choices, and refusals that write nothing. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { directoryFromGrid, UNIT_DIRECTORY_SHEET } from '../../src/domain/units';
import { XlsxHost } from '../../src/hosts/xlsx';
import { runAllocation, type CliRun } from '../support/cli';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'allocation-directory-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(argv: string[]): Promise<CliRun> {
  return runAllocation(argv, { cwd: tmp, today: '2024-03-01' });
}

/** A table whose unit cells spell 经济运行局 two ways and hold one deadline typed into the unit column. */
async function writeTable(name = 'table.xlsx', ownDirectory = false): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务分工');
  ws.addRow(['序号', '工作任务', '完成时限', '责任单位']);
  ['经济运行局', '经济运行局、财政局', '经济运行局', '经济运行处', '各部门', '2024年底前完成', '财政局'].forEach((unit, i) => ws.addRow([i + 1, `第${i + 1}项任务`, '2024年底前', unit]));
  if (ownDirectory) {
    const own = wb.addWorksheet(UNIT_DIRECTORY_SHEET);
    own.addRow(['单位名称', '别名']);
    own.addRow(['财政局', '']);
  }
  const file = path.join(tmp, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function directoryOf(file: string) {
  const host = await XlsxHost.open(file);
  const snapshot = await host.read({ sheet: UNIT_DIRECTORY_SHEET });
  return snapshot.grid ? directoryFromGrid(snapshot.grid) : null;
}

describe('allocation directory', () => {
  it('--review prints the units with their near-duplicate spellings and the stray text, and writes nothing', async () => {
    await writeTable();
    const { code, out, err } = await run(['directory', 'table.xlsx', '--review']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('工作表“任务分工”中出现的单位：3 个单位、1 个单位组');
    expect(out).toMatch(/ {2}经济运行局 {2}3 项任务\n {4}近似写法：经济运行处 {2}1 项任务 {2}— 单列为单位（用 --merge 经济运行处 合并为别名）/);
    expect(out).toContain('  各部门  1 项任务  〔单位组〕');
    expect(out).toContain('  2024年底前完成  1 项任务  〔像是误填的文字，不列入（用 --keep 保留）〕');
    expect(fs.readdirSync(tmp)).toEqual(['table.xlsx']);
  });

  it('writes the 单位名录 with the merged spelling as an alias and the stray text left out; check then uses it', async () => {
    await writeTable();
    const { code, out, err } = await run(['directory', 'table.xlsx', '-o', 'out.xlsx', '--merge', '经济运行处']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('已合并为“经济运行局”的别名');
    expect(out).toContain('已生成“单位名录”工作表：2 个单位、1 个单位组、1 个别名。');
    expect(out).toContain('已写入：out.xlsx');
    const directory = await directoryOf(path.join(tmp, 'out.xlsx'));
    expect(directory?.units.map((u) => [u.name, u.aliases])).toEqual([
      ['经济运行局', ['经济运行处']],
      ['财政局', []],
    ]);
    expect(directory?.groups.map((g) => g.name)).toEqual(['各部门']);
    expect(await directoryOf(path.join(tmp, 'table.xlsx'))).toBeNull();
    const check = await run(['check', 'out.xlsx', '--format', 'json']);
    expect(JSON.parse(check.out).directory).toMatchObject({ source: 'workbook' });
  });

  it('--keep lists the stray text as a unit, --leave-out keeps a unit out', async () => {
    await writeTable();
    const { code } = await run(['directory', 'table.xlsx', '-o', 'out.xlsx', '--keep', '2024年底前完成', '--leave-out', '财政局']);
    expect(code).toBe(0);
    const directory = await directoryOf(path.join(tmp, 'out.xlsx'));
    expect(directory?.units.map((u) => u.name)).toEqual(['经济运行局', '经济运行处', '2024年底前完成']);
  });

  it('a name the review does not list is refused before anything is written', async () => {
    await writeTable();
    const { code, err } = await run(['directory', 'table.xlsx', '-o', 'out.xlsx', '--merge', '经济运行所']);
    expect(code).toBe(2);
    expect(err).toContain('--merge 指定的“经济运行所”不是名单中的近似写法');
    expect(fs.existsSync(path.join(tmp, 'out.xlsx'))).toBe(false);
  });

  it('never writes over a 单位名录 the clerk made', async () => {
    await writeTable('own.xlsx', true);
    const { code, err } = await run(['directory', 'own.xlsx', '-o', 'out.xlsx']);
    expect(code).toBe(2);
    expect(err).toContain('工作簿中已有您建立的“单位名录”工作表');
    expect(fs.existsSync(path.join(tmp, 'out.xlsx'))).toBe(false);
  });

  it('an unknown option is an error, and --help is bilingual', async () => {
    await writeTable();
    const bad = await run(['directory', 'table.xlsx', '--merged', 'x', '-o', 'out.xlsx']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('未知选项：--merged');
    const help = await run(['directory', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('--merge NAME');
    expect(help.out).toContain('Makes the 单位名录 (unit directory) sheet');
  });
});
