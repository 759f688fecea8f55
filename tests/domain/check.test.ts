import { analyseSheet } from '../../src/domain/check';
import { SUSPICIOUS_CELL_CHARS } from '../../src/domain/findings';
import type { AnalyseOptions } from '../../src/domain/check';
import type { CellValue, Finding, SheetAnalysis } from '../../src/domain/types';
import { UnitDirectory } from '../../src/domain/units';
import { CALENDAR_LAST_YEAR } from '../../src/domain/workdays';
import { makeGrid, type GridOptions } from '../support/sheet-grid';
import { sampleDirectory } from '../support/sample-directory';

const directory = new UnitDirectory({
  units: ['办公室', '司法局', '经济运行局', '财政局', '税务局', '市场监管局', '社会发展局', '宣传部'].map((name) => ({
    name,
    aliases: name === '办公室' ? ['管委会办公室'] : [],
    category: '部门',
  })),
  groups: [
    { name: '各部门', aliases: [], members: null, memberCategories: ['部门'] },
    { name: '各驻区机构', aliases: [], members: null },
    { name: '区疫情防控工作领导小组成员单位', aliases: [], members: null },
  ],
});

const HEADER: CellValue[] = ['工作任务', null, '贯    彻    举    措', '完成时限', '牵头单位', '责任单位'];
const TITLE = '两江新区2022年政务公开重点工作任务分工';

function analyse(rows: CellValue[][], grid: GridOptions = {}, options: Partial<AnalyseOptions> = {}): SheetAnalysis {
  return analyseSheet(makeGrid(rows, grid), { directory, currentYear: 2026, ...options });
}

/** A seed-shaped table: title, header, then data rows from row 3. */
function seedLike(data: CellValue[][], merges: string[] = [], extra: GridOptions = {}): SheetAnalysis {
  return analyse([[TITLE], HEADER, ...data], { merges: ['A1:F1', 'A2:B2', ...merges], ...extra });
}

const codes = (a: SheetAnalysis) => a.findings.map((f) => `${f.code}@${f.cell ?? '-'}`);
const only = (a: SheetAnalysis, code: string): Finding[] => a.findings.filter((f) => f.code === code);

describe('analyseSheet: the seed layout', () => {
  const data: CellValue[][] = [
    ['一、以公开助力经济平稳健康发展', '（一）加强涉及市场主体的信息公开', '1.切实做好政策性文件公开征求意见', '长期开展', '办公室', '各部门，各驻区机构'],
    [null, null, '2.落实重大行政决策预公开制度', '及时公开', '办公室、司法局', null],
    [null, '（二）加强涉及减税降费的信息公开', '3.公开2022年度税费政策优惠指南', '7月31日前', '税务局', '办公室'],
    ['二、以公开助力保持社会和谐稳定', '（三）持续做好疫情防控信息公开', '4.严格执行疫情防控信息发布各项制度', '长期开展', '社会发展局、办公室、宣传部', '区疫情防控工作领导小组成员单位'],
  ];
  const merges = ['A3:A5', 'B3:B4'];

  it('reads every task with its section, subsection, number, deadline and units', () => {
    const a = seedLike(data, merges);
    expect(a.title).toBe(TITLE);
    expect(a.planYear).toBe(2022);
    expect(a.tasks).toHaveLength(4);
    expect(a.tasks[0]).toEqual({
      row: 3,
      rows: [3, 3],
      no: '1',
      section: '一、以公开助力经济平稳健康发展',
      subsection: '（一）加强涉及市场主体的信息公开',
      measure: '切实做好政策性文件公开征求意见',
      deadline: expect.objectContaining({ text: '长期开展', kind: 'ongoing', due: null }),
      lead: ['办公室'],
      responsible: ['各部门', '各驻区机构'],
      status: null,
    });
    expect(a.tasks[1]).toMatchObject({ row: 4, no: '2', subsection: '（一）加强涉及市场主体的信息公开', lead: ['办公室', '司法局'], responsible: [] });
    expect(a.tasks[2]).toMatchObject({
      row: 5,
      section: '一、以公开助力经济平稳健康发展',
      subsection: '（二）加强涉及减税降费的信息公开',
      deadline: expect.objectContaining({ kind: 'date', due: '2022-07-31' }),
      lead: ['税务局'],
      responsible: ['办公室'],
    });
    expect(a.tasks[3]).toMatchObject({ section: '二、以公开助力保持社会和谐稳定', subsection: '（三）持续做好疫情防控信息公开' });
  });

  it('finds exactly one problem: measure 2 has no 责任单位 (a warning at F4 naming the lead)', () => {
    const a = seedLike(data, merges);
    expect(codes(a)).toEqual(['responsible.missing@F4']);
    expect(a.findings[0]).toMatchObject({ severity: 'warning', row: 4, suggestion: null });
    expect(a.findings[0].message.zh).toBe('F4：责任单位为空（牵头单位：办公室、司法局），请确认是否由牵头单位自行负责');
  });

  it('reads the same tasks when the host cannot report merges (blank continuation cells)', () => {
    const withMerges = seedLike(data, merges);
    const without = seedLike(data, [], { mergesKnown: false });
    expect(without.tasks).toEqual(withMerges.tasks);
    expect(codes(without)).toEqual(codes(withMerges));
  });

  it('accepts subsection numerals that run on across sections (（一）（二）|（三）) and ones that restart', () => {
    const restart = data.map((r) => r.slice());
    restart[3][1] = '（一）持续做好疫情防控信息公开';
    expect(only(seedLike(data, merges), 'numbering.gap')).toEqual([]);
    expect(only(seedLike(restart, merges), 'numbering.gap')).toEqual([]);
  });
});

describe('analyseSheet: headings', () => {
  it('reads full-width section rows merged across the table, and a 序号 column', () => {
    const a = analyse(
      [
        ['序号', '具体措施', '完成时限', '牵头单位', '责任单位'],
        ['一、深化重点领域信息公开'],
        [1, '公开预算', '6月底前', '财政局', '各部门'],
        [2, '公开决算', '8月31日前', '财政局', '各部门'],
        ['二、提升政策解读质量'],
        [3, '同步解读', '长期坚持', '办公室', '各部门'],
      ],
      { merges: ['A2:E2', 'A5:E5'] },
      { planYear: 2022 },
    );
    expect(a.tasks.map((t) => [t.row, t.no, t.section, t.measure])).toEqual([
      [3, '1', '一、深化重点领域信息公开', '公开预算'],
      [4, '2', '一、深化重点领域信息公开', '公开决算'],
      [6, '3', '二、提升政策解读质量', '同步解读'],
    ]);
    expect(a.findings).toEqual([]);
  });

  it('reads a heading alone in the first column with the rest of the row blank (no merge)', () => {
    const a = analyse(
      [
        ['具体措施', '完成时限', '责任单位'],
        ['一、综合类'],
        ['1.公开预算', '6月底前', '财政局'],
        ['（一）专项'],
        ['2.公开决算', '8月31日前', '财政局'],
      ],
      {},
      { planYear: 2022 },
    );
    expect(a.tasks.map((t) => [t.no, t.section, t.subsection])).toEqual([
      ['1', '一、综合类', null],
      ['2', '一、综合类', '（一）专项'],
    ]);
  });

  it('reads a 序号 cell holding the section numeral with the heading text in the measure column', () => {
    const a = analyse(
      [
        ['序号', '工作内容', '责任单位', '完成时限'],
        ['一', '稳经济', null, null],
        [1, '公开预算', '财政局', '6月底前'],
      ],
      {},
      { planYear: 2022 },
    );
    expect(a.tasks).toHaveLength(1);
    expect(a.tasks[0].section).toBe('一、稳经济');
  });

  it('takes unnumbered headings in the column under a full-width section as subsections', () => {
    const a = analyse(
      [
        ['重点任务', '工作内容', '时间节点', '牵头部门', '责任部门'],
        ['一、深化重点领域信息公开'],
        ['（1）加强财政预决算公开', '1、部门预算公开', '及时公开', '财政局', '各部门'],
        [null, '2、政府债务公开', '2022年8月31日前', '财政局', '财政局'],
        ['（2）加强公共资源配置信息公开', '3、交易信息公开', '长期坚持', '财政局', '各部门'],
      ],
      { merges: ['A2:E2', 'A3:A4'] },
    );
    expect(a.tasks.map((t) => [t.no, t.section, t.subsection])).toEqual([
      ['1', '一、深化重点领域信息公开', '（1）加强财政预决算公开'],
      ['2', '一、深化重点领域信息公开', '（1）加强财政预决算公开'],
      ['3', '一、深化重点领域信息公开', '（2）加强公共资源配置信息公开'],
    ]);
  });

  it('skips a repeated header row and a note row under the table', () => {
    const a = analyse(
      [
        ['序号', '具体措施', '完成时限', '责任单位'],
        [1, '公开预算', '6月底前', '财政局'],
        ['序号', '具体措施', '完成时限', '责任单位'],
        [2, '公开决算', '8月31日前', '财政局'],
        ['注：各单位于每月25日前报送进展。'],
      ],
      {},
      { planYear: 2022 },
    );
    expect(a.tasks.map((t) => t.no)).toEqual(['1', '2']);
  });
});

describe('analyseSheet: measures', () => {
  it.each(['1.', '1、', '1．', '（1）', '(1)'])('strips the leading number written %s', (prefix) => {
    const a = seedLike([['一、甲', '（一）乙', `${prefix}公开预算`, '长期开展', '财政局', '财政局']]);
    expect(a.tasks[0]).toMatchObject({ no: '1', measure: '公开预算' });
  });

  it('skips blank spacer rows', () => {
    const a = seedLike([
      ['一、甲', '（一）乙', '1.公开预算', '长期开展', '财政局', '财政局'],
      [],
      [null, null, '2.公开决算', '长期开展', '财政局', '财政局'],
    ]);
    expect(a.tasks.map((t) => t.row)).toEqual([3, 5]);
    expect(a.findings).toEqual([]);
  });

  it('keeps the line breaks of a multi-line cell', () => {
    const a = seedLike([['一、甲', '（一）乙', '1.公开预算\n（按部门列示）', '长期开展', '财政局', '财政局']]);
    expect(a.tasks[0].measure).toBe('公开预算\n（按部门列示）');
  });

  it('joins a measure whose text runs on into the next row (other cells blank or merged)', () => {
    const a = seedLike(
      [
        ['一、甲', '（一）乙', '1.公开预算', '长期开展', '财政局', '财政局'],
        [null, null, '并公开“三公”经费', null, null, null],
        [null, null, '2.公开决算', '长期开展', '财政局', '财政局'],
      ],
      ['D3:D4', 'E3:E4', 'F3:F4'],
    );
    expect(a.tasks.map((t) => [t.no, t.rows, t.measure])).toEqual([
      ['1', [3, 4], '公开预算\n并公开“三公”经费'],
      ['2', [5, 5], '公开决算'],
    ]);
  });

  it('reads each sentence under one merged 序号 and merged units as a measure of its own, numbered by the 序号', () => {
    const a = analyse(
      [
        ['序号', '项目名称', '主要内容', '牵头单位', '配合单位'],
        [4, '优化养老服务', '为老年人提供居家上门服务。', '民政局', '各街道'],
        [null, null, '提升改造8家养老服务中心。', null, null],
        [null, null, '对300户困难老人家庭进行适老化改造。', null, null],
        [5, '文体惠民行动', '新建2家书苑', '文体旅局', '各街道'],
        [null, null, '并开展惠民活动', null, null],
      ],
      { merges: ['A2:A4', 'B2:B4', 'D2:D4', 'E2:E4', 'A5:A6', 'B5:B6', 'D5:D6', 'E5:E6'] },
    );
    expect(a.tasks.map((t) => [t.no, t.rows, t.measure, t.lead])).toEqual([
      ['4', [2, 2], '为老年人提供居家上门服务。', ['民政局']],
      ['4', [3, 3], '提升改造8家养老服务中心。', ['民政局']],
      ['4', [4, 4], '对300户困难老人家庭进行适老化改造。', ['民政局']],
      ['5', [5, 6], '新建2家书苑\n并开展惠民活动', ['文体旅局']],
    ]);
    expect(codes(a).filter((c) => c.startsWith('numbering'))).toEqual([]);
  });

  it('spans a measure merged down over rows that add units', () => {
    const a = seedLike(
      [
        ['一、甲', '（一）乙', '1.公开预算', '长期开展', '财政局', '财政局'],
        [null, null, null, null, null, '税务局'],
        [null, null, '2.公开决算', '长期开展', '财政局', '财政局'],
      ],
      ['C3:C4', 'D3:D4', 'E3:E4'],
    );
    expect(a.tasks[0]).toMatchObject({ rows: [3, 4], responsible: ['财政局', '税务局'] });
    expect(a.tasks[1].row).toBe(5);
  });

  it('gives every measure the value of a unit or deadline cell merged over several measures, reporting it once', () => {
    const a = seedLike(
      [
        ['一、甲', '（一）乙', '1.公开预算', '2022年2月30日前', '财政局', '经济运营局'],
        [null, null, '2.公开决算', null, null, null],
        [null, null, '3.公开债务', null, null, null],
      ],
      ['D3:D5', 'E3:E5', 'F3:F5'],
    );
    expect(a.tasks.map((t) => [t.deadline.text, t.lead, t.responsible])).toEqual([
      ['2022年2月30日前', ['财政局'], ['经济运营局']],
      ['2022年2月30日前', ['财政局'], ['经济运营局']],
      ['2022年2月30日前', ['财政局'], ['经济运营局']],
    ]);
    expect(codes(a)).toEqual(['deadline.invalid@D3', 'unit.unknown@F3']);
  });

  it('numbers from the 序号 column, and reports a measure without text', () => {
    const a = analyse(
      [
        ['序号', '具体措施', '完成时限', '责任单位'],
        [1, '公开预算', '6月底前', '财政局'],
        [2, null, '8月31日前', '财政局'],
      ],
      {},
      { planYear: 2022 },
    );
    expect(a.tasks.map((t) => [t.no, t.measure])).toEqual([
      ['1', '公开预算'],
      ['2', ''],
    ]);
    expect(codes(a)).toContain('measure.empty@B3');
    expect(only(a, 'measure.empty')[0].severity).toBe('error');
  });

  it('treats each measure of an unnumbered table as its own task', () => {
    const a = analyse(
      [
        ['主要任务', '具体措施', '责任单位', '完成时间'],
        ['稳经济', '公开预算', '财政局', '6月底前'],
        [null, '公开决算', null, null],
      ],
      { merges: ['A2:A3', 'C2:C3', 'D2:D3'] },
      { planYear: 2022 },
    );
    expect(a.tasks.map((t) => [t.section, t.measure, t.responsible])).toEqual([
      ['稳经济', '公开预算', ['财政局']],
      ['稳经济', '公开决算', ['财政局']],
    ]);
  });
});

describe('analyseSheet: units', () => {
  it('reports a missing lead unit as an error and an unknown unit with the closest name', () => {
    const a = seedLike([['一、甲', '（一）乙', '1.公开预算', '长期开展', null, '经济运营局']]);
    expect(codes(a)).toEqual(['lead.missing@E3', 'unit.unknown@F3']);
    expect(only(a, 'lead.missing')[0].severity).toBe('error');
    const unknown = only(a, 'unit.unknown')[0];
    expect(unknown).toMatchObject({ severity: 'warning', suggestion: '经济运行局' });
    expect(unknown.message.zh).toBe('F3：责任单位“经济运营局”不在单位名录中，是否为“经济运行局”？');
  });

  it('does not call a group of unknown members unknown, and resolves aliases', () => {
    const a = seedLike([['一、甲', '（一）乙', '1.公开预算', '长期开展', '管委会办公室', '区疫情防控工作领导小组成员单位']]);
    expect(a.findings).toEqual([]);
    expect(a.tasks[0].lead).toEqual(['管委会办公室']);
  });

  it('reports a unit listed twice in one cell (also through an alias)', () => {
    const a = seedLike([['一、甲', '（一）乙', '1.公开预算', '长期开展', '办公室', '财政局、管委会办公室、办公室']]);
    expect(codes(a)).toEqual(['unit.duplicate@F3']);
  });

  it('reads one unit column written X牵头，Y配合 / 牵头单位：X；责任单位：Y, and a plain list as all responsible', () => {
    const a = analyse(
      [
        ['具体措施', '完成时限', '责任单位'],
        ['1.甲', '长期开展', '财政局牵头，税务局配合'],
        ['2.乙', '长期开展', '牵头单位：办公室；责任单位：各部门'],
        ['3.丙', '长期开展', '财政局、税务局'],
      ],
      {},
      { planYear: 2022 },
    );
    expect(a.tasks.map((t) => [t.lead, t.responsible])).toEqual([
      [['财政局'], ['税务局']],
      [['办公室'], ['各部门']],
      [[], ['财政局', '税务局']],
    ]);
    expect(a.findings).toEqual([]);
  });

  it('says once, for the table, that a plain single unit column has no lead', () => {
    const a = analyse(
      [
        ['具体措施', '完成时限', '责任单位'],
        ['1.甲', '长期开展', '财政局'],
        ['2.乙', '长期开展', null],
      ],
      {},
      { planYear: 2022 },
    );
    expect(codes(a)).toEqual(['column.lead_missing@-', 'units.missing@C3']);
    expect(only(a, 'column.lead_missing')[0].severity).toBe('info');
  });

  it('says once that the table has no unit columns at all', () => {
    const a = analyse([['具体措施', '完成时限'], ['1.甲', '长期开展'], ['2.乙', '长期开展']], {}, { planYear: 2022 });
    expect(codes(a)).toEqual(['column.units_missing@-']);
  });
});

describe('analyseSheet: deadlines and plan year', () => {
  const rows = (deadlines: CellValue[]): CellValue[][] => [
    ['具体措施', '完成时限', '牵头单位', '责任单位'],
    ...deadlines.map((d, i) => [`${i + 1}.措施`, d, '办公室', '办公室']),
  ];

  it('reports invalid (error), unknown and blank (warnings) deadlines and ones outside the plan year', () => {
    const a = analyse(rows(['2022年2月30日前', '等通知', null, '2023年1月15日前', '长期开展']), {}, { planYear: 2022 });
    expect(codes(a)).toEqual(['deadline.invalid@B2', 'deadline.unknown@B3', 'deadline.missing@B4', 'deadline.outside_plan_year@B5']);
    expect(a.findings.map((f) => f.severity)).toEqual(['error', 'warning', 'warning', 'warning']);
    expect(a.findings[3].message.zh).toContain('（2023年1月15日）');
    expect(a.findings[3].message.en).toContain('2023-01-15');
  });

  it('reads an Excel date cell', () => {
    const a = analyse(rows([{ kind: 'date', iso: '2022-09-30', serial: 44834 }]), {}, { planYear: 2022 });
    expect(a.tasks[0].deadline).toMatchObject({ kind: 'date', due: '2022-09-30' });
  });

  it('says once that the table has no deadline column', () => {
    const a = analyse([['具体措施', '牵头单位'], ['1.甲', '办公室'], ['2.乙', '办公室']], {}, { planYear: 2022 });
    expect(codes(a)).toEqual(['column.deadline_missing@-', 'column.responsible_missing@-']);
    expect(a.tasks[0].deadline).toEqual({ text: '', kind: 'unknown', due: null });
  });

  it('takes the plan year from the option, then the title, then the deadlines, then the current year', () => {
    const titled = (title: string, deadline: string) => [[title], ['具体措施', '完成时限', '牵头单位'], ['1.甲', deadline, '办公室']];
    expect(analyse(titled('2021年任务分工', '2023年6月底前'), {}, { planYear: 2024 }).planYear).toBe(2024);
    expect(analyse(titled('2021年任务分工', '2023年6月底前')).planYear).toBe(2021);
    const fromDeadlines = analyse(titled('任务分工', '2023年6月底前'));
    expect(fromDeadlines.planYear).toBe(2023);
    expect(codes(fromDeadlines)).toContain('plan_year.guessed@-');
    const fromClock = analyse(titled('任务分工', '长期开展'));
    expect(fromClock.planYear).toBe(2026);
    expect(only(fromClock, 'plan_year.guessed')[0]).toMatchObject({ severity: 'info' });
  });

  it('warns when the plan year is past the holiday calendar', () => {
    const a = analyse(rows(['长期开展']), {}, { planYear: CALENDAR_LAST_YEAR + 1 });
    expect(codes(a)).toEqual(['calendar.beyond_data@-']);
  });
});

describe('analyseSheet: numbering', () => {
  it('reports measure gaps and repeats at the number', () => {
    const a = seedLike([
      ['一、甲', '（一）乙', '1.a', '长期开展', '办公室', '办公室'],
      [null, null, '2.b', '长期开展', '办公室', '办公室'],
      [null, null, '4.c', '长期开展', '办公室', '办公室'],
      [null, null, '4.d', '长期开展', '办公室', '办公室'],
    ]);
    expect(codes(a)).toEqual(['numbering.gap@C5', 'numbering.duplicate@C6']);
    expect(a.findings[0].message.zh).toBe('C5：举措编号不连续：此处为第 4 项，应为第 3 项');
  });

  it('reports section and subsection numeral gaps', () => {
    const a = seedLike(
      [
        ['一、甲', '（一）乙', '1.a', '长期开展', '办公室', '办公室'],
        ['三、丙', '（三）丁', '2.b', '长期开展', '办公室', '办公室'],
      ],
    );
    expect(codes(a)).toEqual(['numbering.gap@A4', 'numbering.gap@B4']);
    expect(a.findings[0].message.zh).toBe('A4：部分编号不连续：此处为“三、”，应为“二、”');
  });

  it('allows measures to restart at 1 in a new section', () => {
    const a = seedLike([
      ['一、甲', '（一）乙', '1.a', '长期开展', '办公室', '办公室'],
      [null, null, '2.b', '长期开展', '办公室', '办公室'],
      ['二、丙', '（二）丁', '1.c', '长期开展', '办公室', '办公室'],
    ]);
    expect(a.findings).toEqual([]);
  });
});

describe('analyseSheet: cells and statuses', () => {
  it('reports error values and over-long cells', () => {
    const a = seedLike([
      ['一、甲', '（一）乙', '1.a', { kind: 'error', code: '#REF!' }, '办公室', '办公室'],
      [null, null, `2.${'长'.repeat(SUSPICIOUS_CELL_CHARS + 1)}`, '长期开展', '办公室', '办公室'],
    ]);
    expect(codes(a)).toEqual(['cell.error@D3', 'cell.too_long@C4']);
    expect(a.findings[0].severity).toBe('error');
    expect(a.findings[0].message.zh).toContain('#REF!');
  });

  it('reads statuses and reports ones it cannot place', () => {
    const a = analyse(
      [
        ['具体措施', '完成时限', '牵头单位', '完成情况'],
        ['1.甲', '长期开展', '办公室', '已完成'],
        ['2.乙', '长期开展', '办公室', '还行吧'],
        ['3.丙', '长期开展', '办公室', null],
      ],
      {},
      { planYear: 2022 },
    );
    expect(a.tasks.map((t) => t.status?.state)).toEqual(['done', expect.any(String), 'unknown']);
    expect(codes(a)).toEqual(['column.responsible_missing@-', 'status.unrecognised@D3']);
  });

  it('orders findings by row, then column, then code, table-level first', () => {
    const a = analyse(
      [
        ['具体措施', '完成时限', '牵头单位'],
        ['1.甲', '等通知', null],
        ['3.乙', '2月30日', '某某局'],
      ],
      {},
      { planYear: 2022 },
    );
    expect(codes(a)).toEqual([
      'column.responsible_missing@-',
      'deadline.unknown@B2',
      'lead.missing@C2',
      'numbering.gap@A3',
      'deadline.invalid@B3',
      'unit.unknown@C3',
    ]);
  });
});

describe('analyseSheet: subsections numbered （1）（2） under full-width sections', () => {
  it('checks their sequence and names them as written', () => {
    const a = analyse(
      [
        ['重点任务', '工作内容', '时间节点', '牵头部门', '责任部门'],
        ['一、深化重点领域信息公开'],
        ['（1）预决算', '1、部门预算公开', '及时公开', '财政局', '财政局'],
        ['（3）公共资源', '2、交易信息公开', '长期坚持', '财政局', '财政局'],
      ],
      { merges: ['A2:E2'] },
      { planYear: 2022 },
    );
    expect(codes(a)).toEqual(['numbering.gap@A4']);
    expect(a.findings[0].message.zh).toBe('A4：小类编号不连续：此处为“（3）”，应为“（2）”');
  });
});

describe('MergeIndex with a damaged file’s overlapping merges', () => {
  it('keeps the first merge and never lets a later one claim its cells', () => {
    const a = seedLike(
      [
        ['一、甲', '（一）乙', '1.公开预算', '长期开展', '财政局', '财政局'],
        [null, null, '2.公开决算', '长期开展', '财政局', '财政局'],
      ],
      ['A3:A4', 'A4:B4'],
    );
    expect(a.tasks.map((t) => [t.section, t.subsection])).toEqual([
      ['一、甲', '（一）乙'],
      ['一、甲', '（一）乙'],
    ]);
  });
});

describe('analyseSheet: a directory from another place', () => {
  it('gives one note for the table instead of a warning per cell when most unit names are unknown', () => {
    const a = analyse(
      [
        ['具体措施', '完成时限', '牵头单位', '责任单位'],
        ['1.甲', '长期开展', '区发展改革委', '区卫生健康委、区民政局'],
        ['2.乙', '长期开展', '区发展改革委', '区水利局'],
      ],
      {},
      { planYear: 2022 },
    );
    const note = only(a, 'directory.mismatch');
    expect(note).toHaveLength(1);
    expect(note[0]).toMatchObject({ severity: 'info', cell: null });
    expect(note[0].message.zh).toContain('表中 4 个单位名称有 4 个不在单位名录中（“区发展改革委”、“区卫生健康委”、“区民政局”、“区水利局”）');
    expect(only(a, 'unit.unknown')).toEqual([]);
  });

  it('says nothing of the kind for a typo or two', () => {
    const a = seedLike([['一、甲', '（一）乙', '1.公开预算', '长期开展', '财政局', '经济运营局、某某局']]);
    expect(only(a, 'directory.mismatch')).toEqual([]);
  });

  it('says an unknown name once, listing every cell that writes it, whichever column', () => {
    const a = seedLike([
      ['一、甲', '（一）乙', '1.公开预算', '长期开展', '财政局', '经济运营局'],
      [null, null, '2.公开决算', '长期开展', '财政局', '税务局、经济运营局'],
      [null, null, '3.公开债务', '长期开展', '经济运营局', '税务局'],
      [null, null, '4.公开政策', '长期开展', '财政局', '某某局'],
    ]);
    expect(codes(a)).toEqual(['unit.unknown@F3', 'unit.unknown@F6']);
    expect(only(a, 'unit.unknown')[0].message.zh).toBe('F3：单位“经济运营局”（共 3 处：F3、F4、E5）不在单位名录中，是否为“经济运行局”？');
    expect(only(a, 'unit.unknown')[0].suggestion).toBe('经济运行局');
    expect(only(a, 'unit.unknown')[1].message.zh).toBe('F6：责任单位“某某局”不在单位名录中（如确为新单位，请在“单位名录”中添加）');
  });
});

describe('analyseSheet: a caption and a second header further down', () => {
  it('reads a caption alone in the 序号 column as a heading and notes the repeated header', () => {
    const a = analyse(
      [
        ['序号', '具体措施', '完成时限', '牵头单位', '责任单位'],
        [1, '公开预算', '长期开展', '财政局', '财政局'],
        [],
        ['附表：2021年度未完成事项'],
        ['序号', '具体措施', '完成时限', '牵头单位', '责任单位'],
        [1, '推进标准化', '6月底前', '办公室', '各部门'],
      ],
      {},
      { planYear: 2022 },
    );
    expect(a.tasks.map((t) => [t.row, t.no, t.section])).toEqual([
      [2, '1', null],
      [6, '1', '附表：2021年度未完成事项'],
    ]);
    expect(codes(a)).toEqual(['layout.header_repeated@B5']);
    expect(a.findings[0].severity).toBe('info');
  });

  it('still reads a lone number in 序号 as a measure whose text is missing', () => {
    const a = analyse(
      [
        ['序号', '具体措施', '完成时限', '牵头单位'],
        [1, '公开预算', '长期开展', '财政局'],
        [2],
      ],
      {},
      { planYear: 2022 },
    );
    expect(a.tasks.map((t) => t.no)).toEqual(['1', '2']);
    expect(codes(a)).toContain('measure.empty@B3');
  });
});

describe('analyseSheet when the host cannot report merged cells', () => {
  it('says a blank unit cell may be merged with the one above', () => {
    const a = seedLike(
      [
        ['一、甲', '（一）乙', '1.公开预算', '长期开展', '财政局', '财政局'],
        [null, null, '2.公开决算', '长期开展', null, '财政局'],
      ],
      [],
      { mergesKnown: false },
    );
    expect(codes(a)).toEqual(['lead.missing@E4']);
    expect(a.findings[0].message.zh).toBe(
      'E4：牵头单位为空，本表其他任务都填写了牵头单位（当前 Excel 版本无法读取合并单元格：如此格与上方单元格合并，可忽略本条）',
    );
  });
});

describe('analyseSheet: tables as other bodies publish them', () => {
  it('warns when the header has no task rows under it', () => {
    const a = analyse([[TITLE], HEADER], { merges: ['A1:F1', 'A2:B2'] });
    expect(a.tasks).toEqual([]);
    expect(a.findings.filter((f) => f.code === 'table.no_tasks')).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.objectContaining({ zh: expect.stringContaining('表头下没有任务行') }) }),
    ]);
  });

  it('takes the plan year from the document number when the title has none, and says so', () => {
    const a = analyse([['渝某办发〔2017〕12号'], ['政务公开重点工作任务分工'], ['具体措施', '完成时限', '责任单位'], ['1.公开预算', '长期开展', '财政局']]);
    expect(a.planYear).toBe(2017);
    expect(a.findings.find((f) => f.code === 'plan_year.guessed')?.message.zh).toContain('文号');
  });

  it('else from the years written in the measures', () => {
    const a = analyse([['政务公开重点工作任务分工'], ['具体措施', '完成时限', '责任单位'], ['1.2019年10月底前公开预算', '长期开展', '财政局']]);
    expect(a.planYear).toBe(2019);
    expect(a.tasks[0]).toMatchObject({ no: '1' });
    expect(a.tasks[0].measure.startsWith('2019年10月底前')).toBe(true);
    expect(a.findings.find((f) => f.code === 'plan_year.guessed')?.message.zh).toContain('任务内容');
  });

  it('today’s year only as the last resort, with a notice', () => {
    const a = analyse([['具体措施', '完成时限', '责任单位'], ['1.公开预算', '长期开展', '财政局']]);
    expect(a.planYear).toBe(2026);
    expect(a.findings.find((f) => f.code === 'plan_year.guessed')?.message.zh).toContain('暂定为今年');
  });

  it('says which reading a deadline was given', () => {
    const a = analyse([['2016年任务分工'], ['具体措施', '完成时限', '责任单位'], ['1.公开预算', '9月21日、12月9日前', '财政局']]);
    expect(a.tasks[0].deadline.due).toBe('2016-09-21');
    expect(a.findings.filter((f) => f.code === 'deadline.reading').map((f) => f.severity)).toEqual(['info']);
  });
});

describe('analyseSheet: numbering and columns as published tables print them', () => {
  it('a requirement column after the units details the task: the numbered tasks are the measures', () => {
    const a = analyseSheet(
      makeGrid(
        [
          ['序号', '工作任务', '完成时限', '牵头单位', '责任单位', '工作要求'],
          [null, '一、优化营商环境', null, null, null, null],
          [null, '1.2017年10月底前完成清理', '10月底前', '市发改委', '市财政局', '按季度报送'],
          [null, '2. 公开权责清单', '长期坚持', '市编办', '市司法局', '及时更新'],
          [null, '（3）推进政务服务', '长期坚持', '市政务服务中心', '市场监管局负责食品安全，卫健委负责医疗机构', '无'],
        ],
        { merges: ['B2:F2'] },
      ),
      { currentYear: 2026, planYear: 2017 },
    );
    expect(a.layout.columns).toMatchObject({ measure: 1, section: null, deadline: 2, lead: 3, responsible: 4 });
    expect(a.tasks.map((t) => [t.no, t.section, t.measure, t.lead, t.responsible])).toEqual([
      ['1', '一、优化营商环境', '2017年10月底前完成清理', ['市发改委'], ['市财政局']],
      ['2', '一、优化营商环境', '公开权责清单', ['市编办'], ['市司法局']],
      ['3', '一、优化营商环境', '推进政务服务', ['市政务服务中心'], ['市场监管局', '卫健委']],
    ]);
    expect(a.findings).toEqual([]);
  });

  it('a measure printed 一、 / （一） on a row with its units is a measure with that number, not a heading', () => {
    const a = analyse(
      [
        ['重点任务', '具体措施', '责任单位', '完成时限'],
        ['深化公开', '一、加强预算公开', '财政局', '6月底前'],
        [null, '（二）加强决算公开', '财政局', '8月底前'],
        [null, '四、加强债务公开', '财政局', '9月底前'],
      ],
      { merges: ['A2:A4'] },
      { planYear: 2022 },
    );
    expect(a.tasks.map((t) => [t.no, t.section, t.measure])).toEqual([
      ['1', '深化公开', '加强预算公开'],
      ['2', '深化公开', '加强决算公开'],
      ['4', '深化公开', '加强债务公开'],
    ]);
    expect(codes(a)).toContain('numbering.gap@B4');
  });
});

describe('analyseSheet: a header no word of which it knows', () => {
  it('reads the tasks by what the columns hold and says which column it took for what', () => {
    const a = analyseSheet(
      makeGrid([
        ['编号', '事项', '内容', '时间', '部门'],
        [1, '稳增长', '围绕全市经济社会发展形势及时发布政策解读材料', '6月底前', '市发改委'],
        [2, '惠民生', '公开就业创业政策的申请条件、办理流程和办理结果', '9月30日前', '市人社局'],
      ]),
      { currentYear: 2026, planYear: 2019 },
    );
    expect(a.tasks.map((t) => [t.no, t.section, t.measure.slice(0, 4), t.deadline.due, t.responsible])).toEqual([
      ['1', '稳增长', '围绕全市', '2019-06-30', ['市发改委']],
      ['2', '惠民生', '公开就业', '2019-09-30', ['市人社局']],
    ]);
    const said = a.findings.filter((f) => f.code === 'layout.columns_by_content');
    expect(said.map((f) => [f.severity, f.message.zh])).toEqual([
      ['warning', '第 1 行的表头中没有可识别的列名，已按各列内容判断：A 列为序号，B 列为工作任务（大类），C 列为贯彻举措，D 列为完成时限，E 列为责任单位；如有误，请在设置中手动指定各列'],
    ]);
  });
});

describe('analyseSheet: where the table ends', () => {
  const header = ['序号', '具体措施', '完成时限', '责任单位'];
  it('stops at a note block under the table', () => {
    const a = analyse([['2020年任务分工'], header, [1, '公开预算', '年底前', '财政局'], ['注：列第一位的为牵头单位，下同。'], [null, '某某说明', '年底前', '财政局']]);
    expect(a.tasks.map((t) => t.row)).toEqual([3]);
    expect(a.findings.filter((f) => f.code === 'table.stopped')).toHaveLength(1);
  });
  it('stops at the header of a different table, never reading it as a task', () => {
    const a = analyse([['2020年任务分工'], header, [1, '公开预算', '年底前', '财政局'], ['工作任务', '工作要求', '责任单位'], ['甲', '乙', '财政局']]);
    expect(a.tasks.map((t) => t.row)).toEqual([3]);
    expect(a.findings.find((f) => f.code === 'table.stopped')?.message.zh).toContain('另一张表');
  });
});

describe('analyseSheet: headers other bodies print', () => {
  it('reads letter-spaced headers and never takes the heading column for the measures', () => {
    const a = analyse(
      [['2021年任务分工'], ['工 作 任 务', '具 体 要 求', '责　任　单　位', '完成时限'], ['一、公开', '1.公开预算', '财政局', '年底前'], [null, '2.公开决算', '财政局', '年底前']],
      { merges: ['A3:A4'] },
    );
    expect(a.tasks.map((t) => [t.no, t.section, t.measure])).toEqual([
      ['1', '一、公开', '公开预算'],
      ['2', '一、公开', '公开决算'],
    ]);
  });
  it('reads a rectification list: the problem merged down is the heading of its measures', () => {
    const a = analyse(
      [['2019年巡察反馈问题整改清单'], ['序号', '存在问题', '整改措施', '整改责任单位', '整改时限'], [1, '学习不深入', '1.制定学习计划', '办公室', '立行立改'], [null, null, '2.开展专题学习', '办公室', '长期坚持']],
      { merges: ['A3:A4', 'B3:B4'] },
    );
    expect(a.tasks.map((t) => [t.row, t.section, t.measure, t.deadline.kind])).toEqual([
      [3, '学习不深入', '制定学习计划', 'timely'],
      [4, '学习不深入', '开展专题学习', 'ongoing'],
    ]);
  });
  it('reads 问题类别 | 存在问题 | 整改目标 | 整改措施: the category heads the problem, the measures are the 整改措施', () => {
    const a = analyse(
      [
        ['序号', '问题类别', '存在问题', '整改目标', '整改措施', '整改责任单位', '整改时限'],
        [1, '一、政治建设方面', '学习贯彻不到位', '学习全面深入', '（1）完善学习制度', '机关党委', '2018年12月底前'],
        [null, null, null, null, '（2）开展集中学习', '机关党委', '长期坚持'],
        [2, null, '落实上级部署不力', '落实到位', '（1）建立督办台账', '督查室', '即知即改'],
      ],
      { merges: ['A2:A3', 'B2:B4', 'C2:C3', 'D2:D3'] },
    );
    expect(a.tasks.map((t) => [t.row, t.section, t.subsection, t.measure, t.deadline.kind])).toEqual([
      [2, '一、政治建设方面', '学习贯彻不到位', '完善学习制度', 'date'],
      [3, '一、政治建设方面', '学习贯彻不到位', '开展集中学习', 'ongoing'],
      [4, '一、政治建设方面', '落实上级部署不力', '建立督办台账', 'timely'],
    ]);
  });
  it('reads 整改任务 | 整改措施 | 牵头领导 | 牵头单位 | 配合单位 with the task merged down as the heading', () => {
    const a = analyse(
      [
        ['整改任务', '整改措施', '牵头领导', '牵头单位', '配合单位', '完成时限'],
        ['（一）环境问题整改不到位', '1.关停违法企业', '王五', '县环保局', '各乡镇', '2017年10月底前'],
        [null, '2.完善监管机制', '王五', '县环保局', '县工信局、县国土局', '持续整改'],
      ],
      { merges: ['A2:A3'] },
    );
    expect(a.tasks.map((t) => [t.no, t.measure, t.lead, t.responsible])).toEqual([
      ['1', '关停违法企业', ['县环保局'], ['各乡镇']],
      ['2', '完善监管机制', ['县环保局'], ['县工信局', '县国土局']],
    ]);
  });
  it('reads an 整改进展 column as the status', () => {
    const a = analyse(
      [['序号', '反馈问题', '整改措施', '整改责任单位', '整改时限', '整改进展'], [1, '办理不及时', '建立限时办结制度', '信访局', '即知即改', '已整改'], [2, '推进缓慢', '倒排工期', '发改局', '3个月内', '持续整改']],
    );
    expect(a.tasks.map((t) => t.status?.state)).toEqual(['done', 'in_progress']);
  });
});

describe('analyseSheet: 序号 groups and page breaks', () => {
  it('a 序号 merged over a group whose measures carry their own numbers: each keeps its own', () => {
    const a = analyse(
      [['2021年任务分工'], ['序号', '工作任务', '具体措施', '责任单位', '完成时限'], [1, '公开', '1、公开预算', '财政局', '年底前'], [null, null, '2、公开决算', '财政局', '年底前'], [2, '解读', '3、解读政策', '办公室', '年底前']],
      { merges: ['A3:A4', 'B3:B4'] },
    );
    expect(a.tasks.map((t) => [t.no, t.section])).toEqual([['1', '公开'], ['2', '公开'], ['3', '解读']]);
    expect(a.findings.filter((f) => f.code.startsWith('numbering.'))).toEqual([]);
  });
  it('a section heading repeated after a page break continues the section', () => {
    const a = analyse(
      [['2021年任务分工'], ['工作任务', '具体措施', '责任单位', '完成时限'], ['一、公开'], [null, '1.公开预算', '财政局', '年底前'], ['一、公开'], [null, '2.公开决算', '财政局', '年底前']],
      { merges: ['A3:D3', 'A5:D5'] },
    );
    expect(a.tasks.map((t) => [t.no, t.section])).toEqual([['1', '一、公开'], ['2', '一、公开']]);
    expect(a.findings.filter((f) => f.code.startsWith('numbering.'))).toEqual([]);
  });
});

describe('analyseSheet with no directory: the sheet’s own units are the directory', () => {
  const bare = (rows: CellValue[][]): SheetAnalysis => analyseSheet(makeGrid(rows), { currentYear: 2026, planYear: 2024 });
  const header = ['序号', '工作任务', '完成时限', '牵头单位', '责任单位'];

  it('says nothing of units it has never seen, nor of groups by their form', () => {
    const a = bare([
      header,
      [1, '甲', '长期坚持', '市政府办公室', '省直各部门、市直有关部门'],
      [2, '乙', '长期坚持', '市发展改革委', '各县（市、区）人民政府（管委会）、区直（各）有关单位'],
      [3, '丙', '长期坚持', '市财政局', '市疫情防控工作领导小组成员单位、各驻区机构、各镇（街）'],
    ]);
    expect(a.findings.filter((f) => f.code.startsWith('unit') || f.code.startsWith('directory'))).toEqual([]);
  });

  it('gives one finding per near-duplicate spelling, listing its cells and suggesting the commoner one', () => {
    const a = bare([
      header,
      [1, '甲', '长期坚持', '市场监管局', '经济运行局'],
      [2, '乙', '长期坚持', '市场监管局', '经济运行局'],
      [3, '丙', '长期坚持', '市场监督管理局', '经济运行处'],
      [4, '丁', '长期坚持', '市场监督管理局', '经济运行局、市财政局'],
      [5, '戊', '长期坚持', '市场监管局', '市财政局'],
    ]);
    const variants = only(a, 'unit.variant');
    expect(variants.map((f) => [f.cell, f.suggestion])).toEqual([
      ['D4', '市场监管局'],
      ['E4', '经济运行局'],
    ]);
    expect(variants[0].message.zh).toBe('D4：“市场监督管理局”（D4、D5）与表中写了 3 处的“市场监管局”可能是同一单位的不同写法，建议统一为“市场监管局”');
    expect(variants[0].message.en).toContain('may be another spelling of “市场监管局”');
    expect(variants.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('reads a stray space or full-width letters as the same spelling: nothing to say', () => {
    const a = bare([
      header,
      [1, '甲', '长期坚持', '市场监管局', 'ＡＢ科技公司'],
      [2, '乙', '长期坚持', '市场监管 局', 'AB科技公司'],
      [3, '丙', '长期坚持', '市场监管局 ', 'AB科技公司'],
    ]);
    expect(a.tasks.map((t) => [...t.lead, ...t.responsible])).toEqual([
      ['市场监管局', 'AB科技公司'],
      ['市场监管局', 'AB科技公司'],
      ['市场监管局', 'AB科技公司'],
    ]);
    expect(a.findings.filter((f) => f.code.startsWith('unit'))).toEqual([]);
  });

  it('does not take sibling units for spellings of one', () => {
    const a = bare([
      header,
      [1, '甲', '长期坚持', '市民政局', '市财政局、龙溪街道、龙山街道'],
      [2, '乙', '长期坚持', '市政府办公室', '市政府外事办、市政府'],
      [3, '丙', '长期坚持', '市教育局', '市体育局、市第一中学、市第二中学'],
    ]);
    expect(only(a, 'unit.variant')).toEqual([]);
  });

  it('flags text that slipped into a unit cell, once per text', () => {
    const a = bare([header, [1, '甲', '长期坚持', '市财政局', '2024年底前完成'], [2, '乙', '长期坚持', '市财政局', '2024年底前完成']]);
    const stray = only(a, 'unit.stray_text');
    expect(stray).toHaveLength(1);
    expect(stray[0].message.zh).toContain('“2024年底前完成”不像单位名称（E2、E3）');
  });
});

describe('analyseSheet with a directory given', () => {
  it('takes a group by its form for a group, not for an unknown unit with a suggestion', () => {
    const a = analyseSheet(
      makeGrid([
        ['序号', '工作任务', '完成时限', '牵头单位', '责任单位'],
        [1, '甲', '长期坚持', '办公室', '省直各部门、市直有关部门、各县（市、区）人民政府'],
        [2, '乙', '长期坚持', '司法局', '财政局、区直（各）有关单位'],
      ]),
      { currentYear: 2026, planYear: 2024, directory: sampleDirectory() },
    );
    expect(a.findings.filter((f) => f.code.startsWith('unit') || f.code.startsWith('directory'))).toEqual([]);
  });
});

describe('analyseSheet: a blank 牵头单位', () => {
  const header = ['序号', '工作任务', '完成时限', '牵头单位', '责任单位'];
  const row = (n: number, lead: string | null): CellValue[] => [n, `任务${n}`, '长期坚持', lead, '各部门'];

  it('is an error where the table otherwise fills the column', () => {
    const a = analyse([header, row(1, '办公室'), row(2, null), row(3, '司法局'), row(4, '财政局')]);
    expect(codes(a).filter((c) => c.startsWith('lead'))).toEqual(['lead.missing@D3']);
    expect(only(a, 'lead.missing')[0].severity).toBe('error');
  });

  it('is one notice where the table leaves it blank for many tasks', () => {
    const a = analyse([header, row(1, '办公室'), row(2, null), row(3, null), row(4, null), row(5, '财政局')]);
    expect(only(a, 'lead.missing')).toEqual([]);
    const notice = only(a, 'lead.blank_column');
    expect(notice).toHaveLength(1);
    expect(notice[0]).toMatchObject({ severity: 'info', cell: null });
    expect(notice[0].message.zh).toContain('D 列（牵头单位）有 3 项任务未填写（共 5 项）');
  });
});

describe('analyseSheet: a blank 责任单位 beside a filled 牵头单位', () => {
  const header = ['序号', '工作任务', '完成时限', '牵头单位', '责任单位'];
  const row = (n: number, responsible: string | null): CellValue[] => [n, `任务${n}`, '长期坚持', '办公室', responsible];

  it('is a warning where the table otherwise fills it', () => {
    const a = analyse([header, row(1, '司法局'), row(2, null), row(3, '财政局'), row(4, '财政局')]);
    expect(codes(a).filter((c) => c.startsWith('responsible'))).toEqual(['responsible.missing@E3']);
  });

  it('is one notice where the lead carries many tasks alone', () => {
    const a = analyse([header, row(1, '司法局'), row(2, null), row(3, null), row(4, null), row(5, '财政局')]);
    expect(codes(a).filter((c) => c.startsWith('responsible'))).toEqual(['responsible.blank_column@-']);
    expect(only(a, 'responsible.blank_column')[0].message.zh).toBe('E 列（责任单位）有 3 项任务未填写（共 5 项），这些任务按牵头单位独自负责统计');
  });
});

describe('analyseSheet: the document’s own lead rule', () => {
  it('takes the first unit listed as the lead for the whole table, and says so', () => {
    const a = analyseSheet(
      makeGrid([
        ['序号', '工作任务', '责任单位', '完成时限'],
        [1, '甲', '市财政局、市税务局', '长期坚持'],
        [2, '乙', '市教育局、市人社局、市财政局', '长期坚持'],
        ['注：责任单位排在第一位的为牵头单位，其余为配合单位。', null, null, null],
      ]),
      { currentYear: 2026, planYear: 2024 },
    );
    expect(a.tasks.map((t) => [t.lead, t.responsible])).toEqual([
      [['市财政局'], ['市税务局']],
      [['市教育局'], ['市人社局', '市财政局']],
    ]);
    const rule = only(a, 'lead.rule');
    expect(rule).toHaveLength(1);
    expect(rule[0].cell).toBe('A4');
    expect(only(a, 'column.lead_missing')).toEqual([]);
  });
});

describe('analyseSheet: the lead rule, wherever the document prints it', () => {
  it.each([
    ['the header', [['序号', '重点任务', '责任单位（列第一位的为牵头单位，下同）', '完成时限'], [1, '甲', '市财政局、市税务局', '长期坚持']], 'C1', '列第一位的为牵头单位'],
    ['a task', [['序号', '重点任务', '主要责任单位', '完成时限'], [1, '甲（主要责任单位第一个为牵头单位，其余为配合单位）', '市财政局、市税务局', '长期坚持']], 'B2', '主要责任单位第一个为牵头单位'],
    ['the title', [['附件：重点任务分工（责任单位排在首位的为牵头单位）'], ['序号', '重点任务', '责任单位', '完成时限'], [1, '甲', '市财政局、市税务局', '长期坚持']], 'A1', '责任单位排在首位的为牵头单位'],
  ] as [string, CellValue[][], string, string][])('in %s', (_where, rows, cell, clause) => {
    const a = analyseSheet(makeGrid(rows), { currentYear: 2026, planYear: 2024 });
    expect(a.tasks.map((t) => [t.lead, t.responsible])).toEqual([[['市财政局'], ['市税务局']]]);
    const rule = only(a, 'lead.rule');
    expect(rule.map((f) => f.cell)).toEqual([cell]);
    expect(rule[0].message.zh).toContain(`“${clause}”`);
    expect(rule[0].message.en).toContain('the first unit listed for each task is taken as its lead');
  });

  it('does not apply where the table has a 牵头单位 column of its own', () => {
    const a = analyseSheet(
      makeGrid([['序号', '重点任务', '牵头单位', '责任单位（列第一位的为牵头单位）', '完成时限'], [1, '甲', '市政府办公室', '市财政局、市税务局', '长期坚持']]),
      { currentYear: 2026, planYear: 2024 },
    );
    expect(a.tasks.map((t) => [t.lead, t.responsible])).toEqual([[['市政府办公室'], ['市财政局', '市税务局']]]);
    expect(only(a, 'lead.rule')).toEqual([]);
  });
});

describe('analyseSheet: role words in a lead or responsible column are not names', () => {
  it('reads `X负责` and `X会同Y` as units', () => {
    const a = analyseSheet(
      makeGrid([
        ['序号', '工作任务', '完成时限', '牵头单位', '责任单位'],
        [1, '甲', '长期坚持', '市政府办公室负责', '市委宣传部会同市网信办'],
      ]),
      { currentYear: 2026, planYear: 2024 },
    );
    expect(a.tasks.map((t) => [t.lead, t.responsible])).toEqual([[['市政府办公室'], ['市委宣传部', '市网信办']]]);
  });
});
