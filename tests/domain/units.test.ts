import * as fs from 'fs';
import * as path from 'path';
import {
  insideBrackets,
  normaliseUnitName,
  repeatedUnits,
  splitLeadAndResponsible,
  splitUnits,
  unitMatchKey,
  areNearSpellings,
  isGroupByForm,
  looksLikeStrayText,
  nearDuplicateSpellings,
} from '../../src/domain/units';

describe('normaliseUnitName', () => {
  it.each([
    ['办公室', '办公室'],
    ['  办公室 ', '办公室'],
    ['社 会 发 展 局', '社会发展局'],
    ['社\u3000会\u00A0发展局', '社会发展局'],
    ['办\u200B公\u200D室\uFEFF', '办公室'],
    ['社会\n发展局', '社会发展局'],
    ['ＩＴ　中心', 'IT中心'],
    ['IT   Service  Center', 'IT Service Center'],
    ['２号专班', '2号专班'],
    ['各县(市、区)', '各县（市、区）'],
    ['各县（市、区)', '各县（市、区）'],
    ['各县 ( 市,区 )', '各县（市，区）'],
    ['经济运行局等', '经济运行局'],
    ['经济运行局等单位', '经济运行局'],
    ['经济运行局等有关部门', '经济运行局'],
    ['经济运行局等3个单位', '经济运行局'],
    ['经济运行局等。', '经济运行局'],
    ['经济运行局。', '经济运行局'],
    ['、经济运行局；', '经济运行局'],
    ['市场监管局…', '市场监管局'],
    ['等', '等'],
    ['', ''],
    ['  \u200B ', ''],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseUnitName(raw)).toBe(expected);
  });

  it('keeps a 等 that is part of a longer word inside the name', () => {
    expect(normaliseUnitName('高等教育处')).toBe('高等教育处');
  });
});

describe('unitMatchKey', () => {
  it.each([
    ['区司法局', '司法局'],
    ['两江新区经济运行局', '经济运行局'],
    ['重庆两江新区经济运行局', '经济运行局'],
    ['管委会办公室', '办公室'],
    ['两江新区管委会办公室', '办公室'],
    ['区级各部门', '各部门'],
    ['IT Center', 'itcenter'],
  ])('%s matches as %s', (name, key) => {
    expect(unitMatchKey(name)).toBe(key);
  });

  it('never strips a prefix down to less than a two-character name', () => {
    expect(unitMatchKey('新区')).toBe('新区');
    expect(unitMatchKey('区委')).toBe('区委');
    expect(unitMatchKey('区局')).toBe('区局');
  });
});

describe('insideBrackets', () => {
  const marked = (s: string): string => [...insideBrackets(s)].map((b) => (b ? '^' : '.')).join('');

  it('marks matched pairs of any width, nested, mixed', () => {
    expect(marked('a（b）c')).toBe('.^^^.');
    expect(marked('a(b（c）)d')).toBe('.^^^^^^.');
    expect(marked('a（b)c')).toBe('.^^^.');
  });

  it('lets an unmatched bracket protect nothing', () => {
    expect(marked('a（b、c')).toBe('.....');
    expect(marked('a）b（c')).toBe('.....');
  });
});

describe('splitUnits', () => {
  it.each([
    ['各部门，各驻区机构', ['各部门', '各驻区机构']],
    ['各街道，办公室、社会保障局', ['各街道', '办公室', '社会保障局']],
    ['现代服务业局、社会发展局、市场监管局、城市管理局', ['现代服务业局', '社会发展局', '市场监管局', '城市管理局']],
    ['区疫情防控工作领导小组成员单位', ['区疫情防控工作领导小组成员单位']],
    ['办公室,司法局;财政局；税务局', ['办公室', '司法局', '财政局', '税务局']],
    ['办公室\n司法局\r\n财政局', ['办公室', '司法局', '财政局']],
    ['办公室､司法局﹑财政局', ['办公室', '司法局', '财政局']],
    ['各县(市、区)', ['各县（市、区）']],
    ['各县（市、区）', ['各县（市、区）']],
    ['各县（市、区）、各部门', ['各县（市、区）', '各部门']],
    ['各县（市，区；旗）人民政府，财政局', ['各县（市，区；旗）人民政府', '财政局']],
    ['“互联网+政务服务”专班、办公室', ['“互联网+政务服务”专班', '办公室']],
    ['各县（市、区、办公室', ['各县（市', '区', '办公室']],
    ['经济运行局、财政局等', ['经济运行局', '财政局']],
    ['经济运行局、财政局等单位', ['经济运行局', '财政局']],
    ['经济运行局、财政局、等', ['经济运行局', '财政局']],
    ['、、办公室，，', ['办公室']],
    ['', []],
    ['   ', []],
    ['人力资源和社会保障局、规划和自然资源局', ['人力资源和社会保障局', '规划和自然资源局']],
    ['城市管理局', ['城市管理局']],
    ['社会发展局和卫健委', ['社会发展局和卫健委']],
  ])('%j → %j', (text, expected) => {
    expect(splitUnits(text)).toEqual(expected);
  });

  it('joins a unit and its other name written under it in brackets', () => {
    expect(splitUnits('市委编办\n（市审改办）')).toEqual(['市委编办（市审改办）']);
    expect(splitUnits('市委编办\n（市审改办）、市司法局')).toEqual(['市委编办（市审改办）', '市司法局']);
  });

  it('drops a note in brackets but never splits inside brackets', () => {
    expect(splitUnits('市住建局（见附件1，下同）、市财政局')).toEqual(['市住建局', '市财政局']);
    expect(splitUnits('各县（市、区）人民政府（管委会）')).toEqual(['各县（市、区）人民政府（管委会）']);
    expect(splitUnits('区发改委等相关部门')).toEqual(['区发改委']);
    expect(splitUnits('区直（各）有关单位')).toEqual(['区直（各）有关单位']);
  });

  it('keeps duplicates so the engine can report them', () => {
    expect(splitUnits('办公室、司法局、办公室')).toEqual(['办公室', '司法局', '办公室']);
  });

  it("reads the seed's 13-unit list of measure 39", () => {
    const cell =
      '经济运行局、财政局、建设管理局、城市管理局、司法局、社会发展局、教育局、社会保障局、应急管理局、市场监管局、公安分局、规划自然资源局、生态环境分局';
    const units = splitUnits(cell);
    expect(units).toHaveLength(13);
    expect(units[0]).toBe('经济运行局');
    expect(units[12]).toBe('生态环境分局');
  });
});

describe('repeatedUnits', () => {
  it('reports the second and later occurrences, matching written variants', () => {
    expect(repeatedUnits(['办公室', '司法局', '办公室', '区司法局', '办公室'])).toEqual(['办公室', '区司法局', '办公室']);
    expect(repeatedUnits(['办公室', '司法局'])).toEqual([]);
  });

  it('uses the key it is given', () => {
    const sameFirstChar = (n: string): string => n[0];
    expect(repeatedUnits(['财政局', '财务处'], sameFirstChar)).toEqual(['财务处']);
  });
});

describe('splitLeadAndResponsible', () => {
  it('leaves a cell whose 负责 is followed by no role at all exactly as splitUnits reads it', () => {
    // 负责 inside an unclosed 《 with text after it: cutting the "clause tail" would drop the {.
    const cell = '《按职责分工负责{、’';
    expect(splitLeadAndResponsible(cell)).toEqual({ lead: [], responsible: splitUnits(cell), combined: false });
    expect(splitUnits(cell)).toEqual(['《按职责分工负责{、’']);
  });

  it.each([
    ['X牵头，Y配合', ['X'], ['Y']],
    ['区人力社保局牵头，各街道配合', ['区人力社保局'], ['各街道']],
    ['区政府办公室牵头，区级各部门、各街道配合', ['区政府办公室'], ['区级各部门', '各街道']],
    ['办公室、司法局牵头，各部门按职责分工负责', ['办公室', '司法局'], ['各部门']],
    ['办公室牵头，司法局、财政局参与', ['办公室'], ['司法局', '财政局']],
    ['办公室牵头；司法局协助', ['办公室'], ['司法局']],
    ['办公室牵头，各部门，各驻区机构', ['办公室'], ['各部门', '各驻区机构']],
    ['办公室为牵头单位，司法局为配合单位', ['办公室'], ['司法局']],
    ['办公室牵头负责，司法局配合落实', ['办公室'], ['司法局']],
    ['办公室牵头，各县市区人民政府、功能区管委会负责落实', ['办公室'], ['各县市区人民政府', '功能区管委会']],
    ['牵头单位：X；责任单位：Y', ['X'], ['Y']],
    ['牵头单位:区财政局;责任单位:区发展改革委、各街道', ['区财政局'], ['区发展改革委', '各街道']],
    ['牵头单位：区应急局；责任单位：区规划自然资源局、区水利局、各街道', ['区应急局'], ['区规划自然资源局', '区水利局', '各街道']],
    ['牵头部门：办公室\n配合部门：司法局、财政局', ['办公室'], ['司法局', '财政局']],
    ['牵头：X 配合：Y', ['X'], ['Y']],
    ['主办单位：办公室；协办单位：司法局', ['办公室'], ['司法局']],
    ['X（牵头）、Y', ['X'], ['Y']],
    ['办公室(牵头单位)、司法局、财政局', ['办公室'], ['司法局', '财政局']],
    ['司法局、办公室（牵头）', ['办公室'], ['司法局']],
    ['市发改委牵头落实', ['市发改委'], []],
    ['市金融办、人民银行潍坊市中心支行、潍坊银监分局分别牵头落实', ['市金融办', '人民银行潍坊市中心支行', '潍坊银监分局'], []],
    ['市财政局、市税务局共同牵头，各县市区配合', ['市财政局', '市税务局'], ['各县市区']],
  ])('%j → lead %j, responsible %j', (text, lead, responsible) => {
    expect(splitLeadAndResponsible(text)).toEqual({ lead, responsible, combined: true });
  });

  it.each([
    ['各部门，各驻区机构', ['各部门', '各驻区机构']],
    ['区民政局、区卫生健康委', ['区民政局', '区卫生健康委']],
    ['办公室、司法局', ['办公室', '司法局']],
    ['', []],
  ])('a plain list %j has no lead: every unit is responsible', (text, responsible) => {
    expect(splitLeadAndResponsible(text)).toEqual({ lead: [], responsible, combined: false });
  });

  it.each([
    ['市委宣传部会同市网信办', ['市委宣传部'], ['市网信办']],
    ['市司法局负责，各县（市、区）参与', ['市司法局'], ['各县（市、区）']],
    ['市政府办公室负责', ['市政府办公室'], []],
    ['市教育局牵头，市人社局、市财政局按职责分工负责', ['市教育局'], ['市人社局', '市财政局']],
    ['市发改委、市财政局牵头，市直有关部门配合', ['市发改委', '市财政局'], ['市直有关部门']],
    ['市公安局牵头，各县（市、区）人民政府（管委会）、市直有关部门按职责分工负责', ['市公安局'], ['各县（市、区）人民政府（管委会）', '市直有关部门']],
    ['各镇（街）参照落实', [], ['各镇（街）']],
    ['市发展改革委、市财政局等按职责分工负责', [], ['市发展改革委', '市财政局']],
    ['政府办、开发区、各相关部门按职能分别落实。', [], ['政府办', '开发区', '各相关部门']],
    // A list that is all the cell says, ending in 负责: the units answer for the task together, none leads.
    ['市政府办公室、市有关单位，各县（市、区）人民政府（管委会）负责', [], ['市政府办公室', '市有关单位', '各县（市、区）人民政府（管委会）']],
    ['市法制局牵头，市有关单位，各县（市、区）人民政府（管委会）负责', ['市法制局'], ['市有关单位', '各县（市、区）人民政府（管委会）']],
    ['市政府办公室、司法局分别牵头抓好报送解读材料的要件把关和合法性审查工作。', ['市政府办公室', '司法局'], []],
  ])('role words are not names: %j → lead %j, responsible %j', (text, lead, responsible) => {
    expect(splitLeadAndResponsible(text)).toEqual({ lead, responsible, combined: true });
  });

  it('a narrative cell yields the unit names, not the clauses, and no lead', () => {
    expect(splitLeadAndResponsible('市场监管局负责食品安全，卫健委负责医疗机构，各镇（街）负责辖区内排查')).toEqual({
      lead: [],
      responsible: ['市场监管局', '卫健委', '各镇（街）'],
      combined: true,
    });
    expect(splitLeadAndResponsible('市住建局牵头制定方案，市财政局配合')).toEqual({
      lead: ['市住建局'],
      responsible: ['市财政局'],
      combined: true,
    });
  });

  it('does not take the county 会同县 for 会同', () => {
    expect(splitLeadAndResponsible('会同县人民政府')).toEqual({ lead: [], responsible: ['会同县人民政府'], combined: false });
  });

  it('does not take a role word inside brackets for a role', () => {
    expect(splitLeadAndResponsible('各县（市、区）负责人办公室、财政局')).toEqual({
      lead: [],
      responsible: ['各县（市、区）负责人办公室', '财政局'],
      combined: false,
    });
  });

  it('does not take 负责 or 落实 in the middle of a name for a role', () => {
    expect(splitLeadAndResponsible('督查落实办、财政局')).toEqual({
      lead: [],
      responsible: ['督查落实办', '财政局'],
      combined: false,
    });
  });

  it('reads the one-column fixture (c-combined-units) as its expected task list says', () => {
    const data = JSON.parse(
      fs.readFileSync(path.join(__dirname, '../fixtures/layouts/data/c-combined-units.json'), 'utf8'),
    ) as { groups: { tasks: { unitText: string; lead: string[]; responsible: string[] }[] }[] };
    const tasks = data.groups.flatMap((g) => g.tasks);
    expect(tasks.length).toBeGreaterThan(0);
    for (const task of tasks) {
      const { lead, responsible } = splitLeadAndResponsible(task.unitText);
      expect({ text: task.unitText, lead, responsible }).toEqual({
        text: task.unitText,
        lead: task.lead,
        responsible: task.responsible,
      });
    }
  });
});

describe('units judged inside the sheet, with no directory', () => {
  it.each([
    '各部门', '各街道', '各镇（街）', '各县（市、区）人民政府', '省直各部门', '市直有关部门', '区直（各）有关单位',
    '市疫情防控工作领导小组成员单位', '各有关单位', '各驻区机构', '区级各部门', '市有关部门', '相关部门', '县（市、区）人民政府',
  ])('%s is a group by its form', (name) => expect(isGroupByForm(name)).toBe(true));

  it.each(['市直机关工委', '市政府办公室', '市发展改革委', '区委宣传部'])(
    '%s is a unit, not a group',
    (name) => expect(isGroupByForm(name)).toBe(false),
  );

  it.each([
    ['市场监管局', '市场监督管理局'],
    ['经济运行局', '经济运行处'],
    ['公安局', '公安分局'],
    ['发改委', '发展改革委'],
    ['住建局', '住房城乡建设局'],
    ['经济运营局', '经济运行局'],
    ['区司法局', '司法局'],
    ['市委编办', '市委编办（市审改办）'],
    ['市政府办', '市政府办公室'],
  ])('%s and %s are near-duplicate spellings', (a, b) => {
    expect(areNearSpellings(a, b)).toBe(true);
    expect(areNearSpellings(b, a)).toBe(true);
  });

  it.each([
    ['市民政局', '市财政局'],
    ['龙溪街道', '龙山街道'],
    ['市政府', '市政府办公室'],
    ['市政府办', '市政府外事办'],
    ['教育局', '教育体育局'],
    ['市第一中学', '市第二中学'],
    ['市教育局', '市体育局'],
    ['市场监管局', '市场监管局'],
  ])('%s and %s are not', (a, b) => expect(areNearSpellings(a, b)).toBe(false));

  it.each(['2024年底前完成', '长期坚持', '加强政策解读工作', '12345', '——', '负责做好相关工作。'])('%j looks like text that slipped into a unit cell', (name) =>
    expect(looksLikeStrayText(name)).toBe(true),
  );

  it.each(['国家税务总局重庆两江新区税务局', '市委编办（市审改办）', '重庆市规划和自然资源局两江新区分局', '12345热线办公室'])('%j is a unit name', (name) =>
    expect(looksLikeStrayText(name)).toBe(false),
  );

  it('clusters spellings, the commonest first, one cluster per unit', () => {
    const spelling = (name: string, n: number) => ({ name, cells: Array.from({ length: n }, (_, i) => `C${i + 2}`) });
    expect(
      nearDuplicateSpellings([spelling('市场监督管理局', 1), spelling('市场监管局', 4), spelling('市财政局', 3), spelling('市场监督局', 1)]),
    ).toEqual([{ preferred: spelling('市场监管局', 4), variants: [spelling('市场监督管理局', 1), spelling('市场监督局', 1)] }]);
  });
});
