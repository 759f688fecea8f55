import * as fs from 'fs';
import * as path from 'path';
import { rowHeightFor } from '../../src/domain/text-metrics';
import {
  UNIT_DIRECTORY_SHEET,
  UnitDirectory,
  boundedEditDistance,
  directoryFromCsv,
  directoryFromGrid,
  directoryFromJson,
  directoryFromUnitNames,
  directorySheetSpec,
  repeatedUnits,
  splitUnits,
  type UnitDirectoryData,
} from '../../src/domain/units';
import { isUserFacingError, type UserFacingError } from '../../src/domain/errors';
import type { CellValue, SheetGrid } from '../../src/domain/types';
import type { SheetSpec } from '../../src/domain/sheet-spec';
import { SAMPLE_DIRECTORY_DATA } from '../support/sample-directory';

const SEED_UNITS = [
  '办公室', '司法局', '经济运行局', '现代服务业局', '社会发展局', '市场监管局', '城市管理局', '建设管理局', '财政局',
  '税务局', '宣传部', '社会保障局', '教育局', '产业促进局', '生态环境分局', '政务中心', '应急管理局', '公安分局',
  '规划自然资源局',
];

function grid(values: CellValue[][], sheet = UNIT_DIRECTORY_SHEET): SheetGrid {
  const width = Math.max(0, ...values.map((r) => r.length));
  return {
    sheet,
    originRow: 0,
    originCol: 0,
    values: values.map((r) => [...r, ...Array<CellValue>(width - r.length).fill(null)]),
    merges: [],
    mergesKnown: true,
  };
}

/** What a host hands back after writing the spec: the cell values only. */
function gridOfSpec(spec: SheetSpec): SheetGrid {
  return grid(spec.rows.map((row) => row.map((cell) => (typeof cell.v === 'object' && cell.v ? cell.v.date : cell.v))), spec.name);
}

function userError(run: () => unknown): UserFacingError {
  try {
    run();
  } catch (e) {
    if (isUserFacingError(e)) return e;
    throw e;
  }
  throw new Error('expected a UserFacingError');
}

describe('SAMPLE_DIRECTORY_DATA', () => {
  it("holds exactly the seed's 19 units, each with a category", () => {
    expect(SAMPLE_DIRECTORY_DATA.units.map((u) => u.name)).toEqual(SEED_UNITS);
    for (const u of SAMPLE_DIRECTORY_DATA.units) expect(['部门', '驻区机构', '直属事业单位']).toContain(u.category);
  });

  it('puts the vertically managed branches in 驻区机构', () => {
    const branches = SAMPLE_DIRECTORY_DATA.units.filter((u) => u.category === '驻区机构').map((u) => u.name);
    expect(branches.sort()).toEqual(['公安分局', '生态环境分局', '税务局', '规划自然资源局'].sort());
  });

  it('passes its own validation unchanged (JSON round trip)', () => {
    expect(directoryFromJson(JSON.stringify(SAMPLE_DIRECTORY_DATA))).toEqual(SAMPLE_DIRECTORY_DATA);
  });
});

describe('UnitDirectory.resolve', () => {
  const directory = new UnitDirectory(SAMPLE_DIRECTORY_DATA);

  it.each([
    ['办公室', '办公室'],
    ['管委会办公室', '办公室'],
    ['委办公室', '办公室'],
    ['两江新区管委会办公室', '办公室'],
    ['区司法局', '司法局'],
    ['两江新区经济运行局', '经济运行局'],
    ['重庆两江新区经济运行局', '经济运行局'],
    ['市场监督管理局', '市场监管局'],
    ['社保局', '社会保障局'],
    ['区人力社保局', '社会保障局'],
    ['区政务服务中心', '政务中心'],
    ['规划和自然资源局', '规划自然资源局'],
    ['社 会 发 展 局 ', '社会发展局'],
    ['财政局等', '财政局'],
  ])('%s is the unit %s', (written, canonical) => {
    expect(directory.resolve(written)).toEqual({ kind: 'unit', canonical });
  });

  it.each([
    ['各部门', '各部门'],
    ['委机关各部门', '各部门'],
    ['区级各部门', '各部门'],
    ['各部门（单位）', '各部门'],
    ['各部门(单位)', '各部门'],
    ['各驻区机构', '各驻区机构'],
    ['各街道', '各街道'],
    ['各街道办事处', '各街道'],
    ['区疫情防控工作领导小组成员单位', '区疫情防控工作领导小组成员单位'],
    ['各有关单位', '各有关单位'],
    ['各相关单位', '各有关单位'],
  ])('%s is the group %s', (written, group) => {
    expect(directory.resolve(written)).toEqual({ kind: 'group', group });
  });

  it.each([
    ['经济运营局', '经济运行局'], // one character off the canonical name
    ['市场监督局', '市场监管局'], // one character off
    ['市场监督管里局', '市场监管局'], // one off the alias 市场监督管理局 → its canonical name
    ['社会保彰局', '社会保障局'],
    ['规划自然资原局', '规划自然资源局'],
    ['财务局', '财政局'], // equally close to 税务局: the entry listed first wins, every time
    ['社会发展局和宣传部', '社会发展局、宣传部'], // 和 joining two known units: suggest the list
    ['两江新区社会发展局卫健科', '社会发展局'], // a known name inside a longer one
    ['发展局', '社会发展局'],
    ['各部', '各部门'],
    ['局', null], // too short for anything but an exact match
    ['民政局', null], // shares only the kind word 局 and 政 with 财政局: a different body, not a typo
    ['区民政局', null],
    ['规自局', '规划自然资源局'], // one off the alias 规资局, same first character
    ['区发展改革委', null],
    ['', null],
  ])('%s is unknown, suggesting %s', (written, suggestion) => {
    expect(directory.resolve(written)).toEqual({ kind: 'unknown', suggestion });
  });

  it('answers the same object for the same string (memoised)', () => {
    const d = new UnitDirectory(SAMPLE_DIRECTORY_DATA);
    expect(d.resolve('经济运营局')).toBe(d.resolve('经济运营局'));
  });

  it('keeps a canonical name from being taken over by another entry’s alias', () => {
    const d = new UnitDirectory({
      units: [
        { name: '甲局', aliases: ['乙局'], category: '' },
        { name: '乙局', aliases: [], category: '' },
      ],
      groups: [],
    });
    expect(d.resolve('乙局')).toEqual({ kind: 'unit', canonical: '乙局' });
  });

  it('gives the canonical key for duplicate detection across aliases', () => {
    expect(repeatedUnits(['社保局', '社会保障局', '财政局'], directory.canonicalKey)).toEqual(['社会保障局']);
  });
});

describe('UnitDirectory.expand', () => {
  const directory = new UnitDirectory(SAMPLE_DIRECTORY_DATA);

  it('expands 各部门 to every 部门 and 直属事业单位, in directory order', () => {
    expect(directory.expand('各部门')).toEqual(
      SAMPLE_DIRECTORY_DATA.units.filter((u) => u.category === '部门' || u.category === '直属事业单位').map((u) => u.name),
    );
    expect(directory.expand('各部门')).toHaveLength(15);
  });

  it('expands 各驻区机构 to the four branches', () => {
    expect(directory.expand('各驻区机构')).toEqual(['税务局', '生态环境分局', '公安分局', '规划自然资源局']);
  });

  it('keeps a group without known members as one recipient', () => {
    expect(directory.expand('各街道办事处')).toEqual(['各街道']);
    expect(directory.expand('区疫情防控工作领导小组成员单位')).toEqual(['区疫情防控工作领导小组成员单位']);
    expect(directory.expand('各相关单位')).toEqual(['各有关单位']);
  });

  it('gives a unit its canonical name and an unknown name its display form', () => {
    expect(directory.expand('区司法局')).toEqual(['司法局']);
    expect(directory.expand(' 区发展改革委 ')).toEqual(['区发展改革委']);
  });

  it('expands explicit members, nested groups and categories together, without repeats or cycles', () => {
    const d = new UnitDirectory({
      units: [
        { name: '甲街道', aliases: [], category: '街道' },
        { name: '乙街道', aliases: [], category: '街道' },
        { name: '财政局', aliases: [], category: '部门' },
      ],
      groups: [
        { name: '各街道', aliases: [], members: null, memberCategories: ['街道'] },
        { name: '全区各单位', aliases: [], members: ['各街道', '财政局', '环'], memberCategories: ['部门'] },
        { name: '环', aliases: [], members: ['全区各单位'] },
      ],
    });
    expect(d.expand('各街道')).toEqual(['甲街道', '乙街道']);
    expect(d.expand('环')).toEqual(['甲街道', '乙街道', '财政局']);
    expect(d.expand('全区各单位')).toEqual(['甲街道', '乙街道', '财政局']);
  });
});

describe('boundedEditDistance', () => {
  it.each([
    ['经济运行局', '经济运行局', 0],
    ['经济运营局', '经济运行局', 1],
    ['市场监管局', '市场监督管理局', 2],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
  ])('%s ~ %s = %i', (a, b, d) => {
    expect(boundedEditDistance(a, b, 10)).toBe(d);
  });

  it('caps the distance at limit + 1 once it exceeds the limit', () => {
    expect(boundedEditDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(boundedEditDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('the 单位名录 sheet', () => {
  it('round-trips the default directory through its own sheet', () => {
    const spec = directorySheetSpec(SAMPLE_DIRECTORY_DATA);
    expect(directoryFromGrid(gridOfSpec(spec))).toEqual(SAMPLE_DIRECTORY_DATA);
  });

  it('round-trips through the English sheet too', () => {
    const spec = directorySheetSpec(SAMPLE_DIRECTORY_DATA, 'en-US');
    expect(spec.rows[2].map((c) => c.v)).toEqual(['Name', 'Category', 'Aliases', 'Members', 'Member categories', 'Notes']);
    expect(directoryFromGrid(gridOfSpec(spec))).toEqual(SAMPLE_DIRECTORY_DATA);
  });

  it('lays the sheet out for the clerk: title, note, frozen header, widths, one row per entry', () => {
    const spec = directorySheetSpec(SAMPLE_DIRECTORY_DATA);
    expect(spec.name).toBe('单位名录');
    expect(spec.marker).toBe('unit-directory');
    expect(spec.rows[0][0].v).toBe('单位名录');
    expect(spec.rows[2].map((c) => c.v)).toEqual(['单位名称', '类别', '别名', '成员单位', '成员类别', '说明']);
    expect(spec.rows).toHaveLength(3 + SAMPLE_DIRECTORY_DATA.units.length + SAMPLE_DIRECTORY_DATA.groups.length);
    expect(spec.freeze).toEqual({ rows: 3, cols: 1 });
    expect(spec.columnWidths).toHaveLength(6);
    for (const row of spec.rows) {
      expect(row).toHaveLength(6);
      for (const cell of row) expect(spec.styles[cell.s as string]).toBeDefined();
    }
    const streets = spec.rows.find((r) => r[0].v === '各街道') as SheetSpec['rows'][number];
    expect(streets[1].v).toBe('分组');
    expect(streets[5].v).toContain('作为一个单位接收任务');
    // One alias per line, and the row tall enough for them.
    const office = spec.rows.findIndex((r) => r[0].v === '办公室');
    expect(spec.rows[office][2].v).toBe('管委会办公室\n委办公室\n党工委管委会办公室\n党政办');
    expect(spec.rowHeights?.[office]).toBe(rowHeightFor(4, 11, 3));
    expect(spec.rowHeights?.[spec.rows.findIndex((r) => r[0].v === '司法局')]).toBeUndefined();
    const departments = spec.rows.find((r) => r[0].v === '各部门') as SheetSpec['rows'][number];
    expect(departments[5].v).toBe('类别为部门、直属事业单位的全部单位，共15个');
  });

  it('reads a sheet a clerk wrote: other titles, a 所属分组 column, groups by 各…, spaced headers', () => {
    const data = directoryFromGrid(
      grid([
        ['某某区单位名录'],
        [],
        ['单 位', '简称', '分类', '所属分组', '成员'],
        ['区财政局', '财政', '部门', '', ''],
        ['甲街道', '', '街道', '各街道、重点镇街', ''],
        ['乙街道办事处', '乙街', '街道', '各街道', ''],
        [],
        ['各街道', '各街道办事处', '', '', ''],
        ['区重点工作专班', '', '分组', '', '区财政局、乙街'],
      ]),
    );
    expect(data.units).toEqual([
      { name: '区财政局', aliases: ['财政'], category: '部门' },
      { name: '甲街道', aliases: [], category: '街道' },
      { name: '乙街道办事处', aliases: ['乙街'], category: '街道' },
    ]);
    expect(data.groups).toEqual([
      { name: '各街道', aliases: ['各街道办事处'], members: ['甲街道', '乙街道办事处'] },
      { name: '区重点工作专班', aliases: [], members: ['区财政局', '乙街道办事处'] },
      { name: '重点镇街', aliases: [], members: ['甲街道'] },
    ]);
    expect(new UnitDirectory(data).expand('各街道办事处')).toEqual(['甲街道', '乙街道办事处']);
  });

  it('lets the clerk add 街道 units so that 各街道 expands to them', () => {
    const spec = directorySheetSpec(SAMPLE_DIRECTORY_DATA);
    const values = gridOfSpec(spec).values;
    const added = [...values, ['鸳鸯街道', '街道', '', '', '', ''], ['人和街道', '街道', '', '', '', '']];
    const d = new UnitDirectory(directoryFromGrid(grid(added)));
    expect(d.expand('各街道')).toEqual(['鸳鸯街道', '人和街道']);
  });

  it.each<[string, CellValue[][], string]>([
    ['no header', [['两江新区2022年政务公开重点工作任务分工'], ['工作任务', '贯彻举措', '完成时限', '牵头单位', '责任单位']], '不是单位名录'],
    ['an empty sheet', [], '不是单位名录'],
    ['a header and nothing under it', [['单位名称', '类别']], '没有任何单位'],
    ['a row without a name', [['单位名称', '类别'], ['', '部门']], '第2行：这一行有内容但“单位名称”为空'],
    ['the same unit twice', [['单位名称'], ['司法局'], ['区司法局']], '第3行：“区司法局”与第2行的“司法局”是同一个名称'],
    ['an alias naming another unit', [['单位名称', '别名'], ['财政局', ''], ['税务局', '财政局']], '“财政局”与第2行的“财政局”是同一个名称'],
    ['a member not in the directory', [['单位名称', '类别', '成员单位'], ['财政局', '部门', ''], ['专班', '分组', '财政局、税务局']], '成员“税务局”不在单位名录中'],
    ['a member that is a typo', [['单位名称', '类别', '成员单位'], ['经济运行局', '部门', ''], ['专班', '分组', '经济运营局']], '（是否为“经济运行局”？）'],
  ])('refuses %s with a clear message', (_what, values, message) => {
    const e = userError(() => directoryFromGrid(grid(values, '名录')));
    expect(e.text.zh).toContain(message);
    expect(e.text.zh).toContain('工作表“名录”');
    expect(e.text.en.length).toBeGreaterThan(0);
  });
});

describe('directoryFromJson', () => {
  it('accepts the short forms: unit names as strings, optional fields left out', () => {
    const data = directoryFromJson(
      JSON.stringify({
        units: ['办公室', { name: '区财政局', aliases: ['财政'] }, { name: '甲街道', category: '街道' }],
        groups: [{ name: '各街道', memberCategories: ['街道'] }, { name: '专班', members: ['财政', '办公室'] }],
      }),
    );
    expect(data).toEqual({
      units: [
        { name: '办公室', aliases: [], category: '' },
        { name: '区财政局', aliases: ['财政'], category: '' },
        { name: '甲街道', aliases: [], category: '街道' },
      ],
      groups: [
        { name: '各街道', aliases: [], members: null, memberCategories: ['街道'] },
        { name: '专班', aliases: [], members: ['区财政局', '办公室'] },
      ],
    });
  });

  it('accepts a byte-order mark', () => {
    expect(directoryFromJson('\uFEFF{"units":["办公室"]}').units).toHaveLength(1);
  });

  it.each([
    ['not JSON', '{units: [', '不是有效的 JSON'],
    ['an array', '["办公室"]', '顶层：应为一个对象，含 "units" 数组'],
    ['no units', '{"groups": []}', '顶层：应为一个对象'],
    ['groups not a list', '{"units": ["a局"], "groups": {}}', 'groups：应为数组'],
    ['a blank name', '{"units": ["办公室", {"name": "  "}]}', 'units[1].name：应为非空文本'],
    ['a number as a unit', '{"units": [3]}', 'units[0]：应为文本或对象'],
    ['aliases not text', '{"units": [{"name": "办公室", "aliases": "办"}]}', 'units[0].aliases：应为文本数组'],
    ['a category not text', '{"units": [{"name": "办公室", "category": 1}]}', 'units[0].category：应为文本'],
    ['a duplicate', '{"units": ["司法局", "两江新区司法局"]}', 'units[1]：“两江新区司法局”与units[0]的“司法局”是同一个名称'],
    ['an unknown member', '{"units": ["办公室"], "groups": [{"name": "专班", "members": ["财政局"]}]}', 'groups[0]：分组“专班”的成员“财政局”不在单位名录中'],
    ['an empty directory', '{"units": []}', '没有任何单位'],
  ])('refuses %s, naming what is wrong', (_what, text, message) => {
    const e = userError(() => directoryFromJson(text));
    expect(e.text.zh).toContain(message);
  });
});

describe('directoryFromCsv', () => {
  it('reads the sheet columns from CSV with quotes, CRLF and a BOM', () => {
    const csv = '\uFEFF单位名称,类别,别名,成员单位\r\n办公室,部门,"管委会办公室、委办公室",\r\n"财政局",部门,,\r\n专班,分组,,"办公室,财政局"\r\n';
    expect(directoryFromCsv(csv)).toEqual({
      units: [
        { name: '办公室', aliases: ['管委会办公室', '委办公室'], category: '部门' },
        { name: '财政局', aliases: [], category: '部门' },
      ],
      groups: [{ name: '专班', aliases: [], members: ['办公室', '财政局'] }],
    });
  });

  it('reads tab-separated text (pasted from Excel)', () => {
    expect(directoryFromCsv('单位名称\t类别\n办公室\t部门\n').units).toEqual([{ name: '办公室', aliases: [], category: '部门' }]);
  });

  it('reads a doubled quote as a quote and a line break inside quotes as part of the field', () => {
    const data = directoryFromCsv('单位名称,别名\n"""互联网+""专班","甲\n乙"\n');
    expect(data.units).toEqual([{ name: '"互联网+"专班', aliases: ['甲', '乙'], category: '' }]);
  });

  it('tells the clerk to save as UTF-8 when the file was GBK (decoded with replacement characters)', () => {
    const gbkBytes = Buffer.from([0xb5, 0xa5, 0xce, 0xbb, 0xc3, 0xfb, 0xb3, 0xc6, 0x0a]); // 单位名称 in GBK
    const e = userError(() => directoryFromCsv(gbkBytes.toString('utf8')));
    expect(e.code).toBe('units.bad_encoding');
    expect(e.text.zh).toContain('CSV UTF-8');
  });

  it('refuses an unclosed quote and a file that is not a directory', () => {
    expect(userError(() => directoryFromCsv('单位名称\n"办公室\n')).text.zh).toContain('第2行的引号没有闭合');
    // Lines are the file's own: a line break inside an earlier quoted field counts.
    expect(userError(() => directoryFromCsv('单位名称,别名\n"办公室","甲\n乙"\n"财政局\n')).text.zh).toContain('第4行的引号没有闭合');
    expect(userError(() => directoryFromCsv('a,b\n1,2\n')).text.zh).toContain('单位名录 CSV 文件不是单位名录');
  });
});

describe('directoryFromUnitNames', () => {
  it('keeps the base entries the sheet uses (with group members) and adds the names it does not know', () => {
    const names = ['办公室', '区司法局', '各驻区机构', '区发展改革委', '各街道', '各县（市、区）', '区发展改革委', ''];
    const data: UnitDirectoryData = directoryFromUnitNames(names, SAMPLE_DIRECTORY_DATA);
    expect(data.units.map((u) => u.name)).toEqual([
      '办公室', '司法局', '税务局', '生态环境分局', '公安分局', '规划自然资源局', '区发展改革委',
    ]);
    expect(data.units.at(-1)).toEqual({ name: '区发展改革委', aliases: [], category: '' });
    expect(data.groups.map((g) => g.name)).toEqual(['各驻区机构', '各街道', '各县（市、区）']);
    expect(data.groups.at(-1)).toEqual({ name: '各县（市、区）', aliases: [], members: null });
    // The result is a valid directory in its own right.
    expect(directoryFromJson(JSON.stringify(data))).toEqual(data);
  });

  it('makes a directory from the units of every seed cell', () => {
    const cells = ['各部门，各驻区机构', '办公室、司法局', '各街道，办公室、社会保障局', '区疫情防控工作领导小组成员单位'];
    const data = directoryFromUnitNames(cells.flatMap(splitUnits), SAMPLE_DIRECTORY_DATA);
    expect(data.units).toEqual(SAMPLE_DIRECTORY_DATA.units);
    expect(data.groups.map((g) => g.name)).toEqual(['各部门', '各驻区机构', '各街道', '区疫情防控工作领导小组成员单位']);
  });
});

describe('the seed document against the default directory', () => {
  interface SeedMeasure {
    no: number;
    lead: string;
    responsible: string;
  }
  const seed = JSON.parse(
    fs.readFileSync(path.join(__dirname, '../../samples/data/liangjiang-2022.json'), 'utf8'),
  ) as { sections: { subsections: { measures: SeedMeasure[] }[] }[] };
  const measures = seed.sections.flatMap((s) => s.subsections.flatMap((ss) => ss.measures));
  const directory = new UnitDirectory(SAMPLE_DIRECTORY_DATA);

  it('resolves every unit of all 54 measures, naming exactly the 19 units and the four groups', () => {
    expect(measures).toHaveLength(54);
    const units = new Set<string>();
    const groups = new Set<string>();
    for (const m of measures) {
      for (const name of [...splitUnits(m.lead), ...splitUnits(m.responsible)]) {
        const r = directory.resolve(name);
        if (r.kind === 'unknown') throw new Error(`measure ${m.no}: unknown unit ${name}`);
        if (r.kind === 'unit') units.add(r.canonical);
        else groups.add(r.group);
      }
    }
    expect([...units].sort()).toEqual([...SEED_UNITS].sort());
    expect([...groups].sort()).toEqual(['区疫情防控工作领导小组成员单位', '各街道', '各部门', '各驻区机构'].sort());
  });

  it('names no unit twice in one cell and leaves only measure 2 without responsible units', () => {
    for (const m of measures) {
      expect(repeatedUnits(splitUnits(m.lead), directory.canonicalKey)).toEqual([]);
      expect(repeatedUnits(splitUnits(m.responsible), directory.canonicalKey)).toEqual([]);
    }
    expect(measures.filter((m) => splitUnits(m.responsible).length === 0).map((m) => m.no)).toEqual([2]);
  });
});
