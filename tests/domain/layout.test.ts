import { detectLayout, headerRole, MergeIndex } from '../../src/domain/layout';
import { isUserFacingError, UserFacingError } from '../../src/domain/errors';
import { makeGrid } from '../support/sheet-grid';

function thrown(fn: () => unknown): UserFacingError {
  try {
    fn();
  } catch (e) {
    if (isUserFacingError(e)) return e;
    throw e;
  }
  throw new Error('expected a UserFacingError');
}

describe('headerRole', () => {
  it.each([
    ['贯    彻    举    措', 'measure'],
    ['具体措施', 'measure'],
    ['工作任务', 'task'],
    ['重点任务', 'task'],
    ['完成时限', 'deadline'],
    ['时间节点', 'deadline'],
    ['完成时间节点', 'deadline'],
    ['牵头单位', 'lead'],
    ['牵头部门', 'lead'],
    ['责任单位', 'responsible'],
    ['配合单位', 'responsible'],
    ['协办单位', 'responsible'],
    ['序  号', 'number'],
    ['民生实事', 'task'],
    ['项目名称', 'task'],
    ['完成情况', 'status'],
    ['办理情况', 'status'],
    ['牵头单位（部门）', 'lead'],
    ['责任单位：', 'responsible'],
    ['牵头及责任单位', 'responsible'],
    ['完成时限（截止日期）', 'deadline'],
    ['*完成时限', 'deadline'],
    ['完成\n时限', 'deadline'],
    ['牵头单位/责任单位', 'responsible'],
    ['有关要求', 'measure'],
    ['目标要求', 'measure'],
    ['时限要求', 'deadline'],
    ['目标', 'task'],
    ['问题类别', 'task'],
    ['整改任务', 'task'],
    ['整改措施', 'measure'],
    ['整改进展', 'status'],
    ['ＡＢＣ', null],
    ['及时公开', null],
    ['2022年重点工作任务分工安排表', null],
  ])('%s → %s', (text, role) => {
    expect(headerRole(text)).toBe(role);
  });

  it('reads full-width spaces and letters the same as half-width', () => {
    expect(headerRole('完成\u3000时限')).toBe('deadline');
  });
});

describe('detectLayout', () => {
  it('finds the seed layout: title row, 工作任务 merged over A:B, spaced 贯彻举措 header', () => {
    const grid = makeGrid(
      [
        ['两江新区2022年政务公开重点工作任务分工'],
        ['工作任务', null, '贯    彻    举    措', '完成时限', '牵头单位', '责任单位'],
        ['一、以公开助力经济平稳健康发展', '（一）加强涉及市场主体的信息公开', '1.切实做好…', '长期开展', '办公室', '各部门'],
      ],
      { merges: ['A1:F1', 'A2:B2'] },
    );
    const layout = detectLayout(grid);
    expect(layout).toEqual({
      headerRow: 2,
      firstDataRow: 3,
      lastDataRow: 3,
      columns: { section: 0, subsection: 1, measure: 2, deadline: 3, lead: 4, responsible: 5, status: null, number: null },
      lastColumn: 5,
      title: '两江新区2022年政务公开重点工作任务分工',
      titleYear: 2022,
    });
  });

  it('takes a blank header cell right of 工作任务 as the subsection column when the merge is not known', () => {
    const grid = makeGrid(
      [
        ['工作任务', null, '贯彻举措', '完成时限', '牵头单位', '责任单位'],
        ['一、甲', '（一）乙', '1.丙', '长期开展', '办公室', '办公室'],
      ],
      { mergesKnown: false },
    );
    expect(detectLayout(grid).columns).toMatchObject({ section: 0, subsection: 1, measure: 2 });
  });

  it('does not take an unused blank column right of 工作任务 as a subsection column', () => {
    const grid = makeGrid([
      ['工作任务', null, '贯彻举措', '完成时限'],
      ['一、甲', null, '1.丙', '长期开展'],
    ]);
    expect(detectLayout(grid).columns).toMatchObject({ section: 0, subsection: null, measure: 2 });
  });

  it('uses the 任务 column as the measure column when there is no measure column', () => {
    const grid = makeGrid([
      ['序号', '重点任务', '责任单位', '完成时限'],
      [1, '公开预算', '财政局', '6月底前'],
    ]);
    expect(detectLayout(grid).columns).toEqual({
      section: null,
      subsection: null,
      measure: 1,
      deadline: 3,
      lead: null,
      responsible: 2,
      status: null,
      number: 0,
    });
  });

  it('reads a 重点任务 header over two columns without a measure column as section + measure', () => {
    const grid = makeGrid(
      [
        ['重点任务', null, '责任单位', '完成时限'],
        ['一、稳经济', '公开预算', '财政局', '6月底前'],
      ],
      { merges: ['A1:B1'] },
    );
    expect(detectLayout(grid).columns).toMatchObject({ section: 0, subsection: null, measure: 1, responsible: 2, deadline: 3 });
  });

  it('reads a two-row header: 责任分工 over 牵头单位 | 配合单位, 序号 merged over both rows', () => {
    const grid = makeGrid(
      [
        ['某县2023年政务公开工作要点任务分解'],
        ['序号', '具体措施', '责任分工', null, '完成时限'],
        [null, null, '牵头单位', '配合单位', null],
        [1, '公开预算', '财政局', '各部门', '6月底前'],
      ],
      { merges: ['A1:E1', 'A2:A3', 'B2:B3', 'C2:D2', 'E2:E3'] },
    );
    const layout = detectLayout(grid);
    expect(layout.headerRow).toBe(3);
    expect(layout.firstDataRow).toBe(4);
    expect(layout.columns).toMatchObject({ number: 0, measure: 1, lead: 2, responsible: 3, deadline: 4 });
    expect(layout.titleYear).toBe(2023);
  });

  it('skips 附件 and document-number rows when choosing the title', () => {
    const grid = makeGrid([
      ['附件1'],
      ['渝两江管办〔2022〕12号'],
      ['两江新区2022年政务公开重点工作任务分工'],
      ['贯彻举措', '完成时限', '责任单位'],
      ['1.甲', '长期开展', '办公室'],
    ]);
    const layout = detectLayout(grid);
    expect(layout.title).toBe('两江新区2022年政务公开重点工作任务分工');
    expect(layout.headerRow).toBe(4);
  });

  it('has no title and no year when nothing is above the header', () => {
    const layout = detectLayout(makeGrid([['具体措施', '完成时限'], ['1.甲', '长期开展']]));
    expect(layout.title).toBeNull();
    expect(layout.titleYear).toBeNull();
  });

  it('leaves absent columns null (no lead, no deadline)', () => {
    const layout = detectLayout(makeGrid([['具体措施', '责任单位'], ['1.甲', '办公室']]));
    expect(layout.columns).toMatchObject({ deadline: null, lead: null, responsible: 1, section: null });
  });

  it('applies the clerk’s column overrides over detected columns', () => {
    const grid = makeGrid([
      ['具体措施', '完成时限', '单位'],
      ['1.甲', '长期开展', '办公室'],
    ]);
    expect(detectLayout(grid).columns.responsible).toBeNull();
    const layout = detectLayout(grid, { responsible: 2, deadline: null });
    expect(layout.columns).toMatchObject({ responsible: 2, deadline: null, measure: 0 });
  });

  it('refuses an override outside the table in words', () => {
    const grid = makeGrid([['具体措施', '完成时限'], ['1.甲', '长期开展']]);
    const e = thrown(() => detectLayout(grid, { lead: 9 }));
    expect(e.code).toBe('layout.bad_override');
    expect(e.text.zh).toContain('牵头单位');
  });

  it('works on a grid that does not start at A1', () => {
    const grid = makeGrid(
      [
        ['贯彻举措', '完成时限', '牵头单位'],
        ['1.甲', '长期开展', '办公室'],
      ],
      { originRow: 4, originCol: 2 },
    );
    const layout = detectLayout(grid);
    expect(layout.headerRow).toBe(5);
    expect(layout.columns).toMatchObject({ measure: 2, deadline: 3, lead: 4 });
    expect(layout.lastColumn).toBe(4);
  });

  it('ends the data at the last non-blank row', () => {
    const grid = makeGrid([['具体措施', '完成时限'], ['1.甲', '长期开展'], [null, null], [null, null]]);
    expect(detectLayout(grid).lastDataRow).toBe(2);
  });

  it('says what it looked for when there is no header', () => {
    const e = thrown(() => detectLayout(makeGrid([['姓名', '电话'], ['张三', '123']], { sheet: '通讯录' })));
    expect(e.code).toBe('layout.no_header');
    expect(e.text.zh).toContain('通讯录');
    expect(e.text.zh).toContain('贯彻举措');
    expect(e.text.zh).toContain('完成时限');
    expect(e.text.en).toContain('No task-allocation header');
  });

  it('reads a task table whose header words it does not know by what its columns hold', () => {
    const rows = [
      ['某某局2019年重点事项清单', null, null, null, null],
      ['编号', '事项', '内容', '时间', '部门'],
      [1, '稳增长', '围绕全市经济社会发展形势及时发布政策解读材料', '6月底前', '市发改委'],
      [2, null, '按月公开全市财政收支情况并解读增减变化原因', '长期坚持', '市财政局'],
      [3, '惠民生', '公开就业创业政策的申请条件、办理流程和办理结果', '9月30日前', '市人社局'],
    ];
    const layout = detectLayout(makeGrid(rows, { merges: ['A1:E1', 'B3:B4'] }));
    expect(layout).toMatchObject({ headerRow: 2, columnsByContent: true });
    expect(layout.columns).toMatchObject({ number: 0, section: 1, measure: 2, deadline: 3, responsible: 4, lead: null });
  });

  it('never takes a list of names and numbers for a task table', () => {
    const rows = [['姓名', '科室', '电话'], ['张三', '办公室', 13800000000], ['李四', '财务科', 13900000000]];
    expect(thrown(() => detectLayout(makeGrid(rows))).code).toBe('layout.no_header');
  });

  it('does not look for the header below the first 15 rows', () => {
    const rows = Array.from({ length: 15 }, (_, i) => [`说明${i}`]);
    rows.push(['具体措施', '完成时限']);
    expect(thrown(() => detectLayout(makeGrid(rows))).code).toBe('layout.no_header');
  });

  it('calls an empty sheet empty', () => {
    expect(thrown(() => detectLayout(makeGrid([]))).code).toBe('layout.empty');
    expect(thrown(() => detectLayout(makeGrid([[null, '  '], ['', null]]))).code).toBe('layout.empty');
  });
});

describe('MergeIndex', () => {
  it('points covered cells at the top-left cell and clips merges to the grid', () => {
    const grid = makeGrid([[1, null], [null, null]], { merges: ['A1:B5', 'Z1:Z2'] });
    const merges = new MergeIndex(grid);
    expect(merges.ownerOf(1, 1)).toEqual({ row: 0, col: 0 });
    expect(merges.ownerOf(0, 0)).toBeNull();
    expect(merges.mergeAt(0, 0)).toEqual({ top: 0, left: 0, bottom: 1, right: 1 });
    expect(merges.areaOf(1, 0)).toEqual({ top: 0, left: 0, bottom: 1, right: 1 });
  });
});

describe('detectLayout: 工作任务 over three columns', () => {
  it('reads section, subsection and 序号 under one 工作任务 merged over them', () => {
    const grid = makeGrid(
      [
        ['工作任务', null, null, '具体要求', '责任单位', '时限要求'],
        ['一、甲', '（一）乙', 1, '丙', '办公室', '持续推进'],
        [null, null, 2, '丁', '办公室', '持续推进'],
      ],
      { merges: ['A1:C1', 'A2:A3', 'B2:B3'] },
    );
    expect(detectLayout(grid).columns).toMatchObject({ section: 0, subsection: 1, number: 2, measure: 3, responsible: 4, deadline: 5 });
  });

  it('reads 目标 | 序号 | 任务 | 有关要求: the second task header is the subsection over the requirements', () => {
    const grid = makeGrid(
      [
        ['目标', '序号', '任务', '有关要求', '责任单位'],
        ['加强解读回应', 1, '做好政策解读', '认真落实上级工作部署', '政府办'],
        [null, null, null, '按照谁起草谁解读的原则', '司法局'],
      ],
      { merges: ['A2:A3', 'B2:B3', 'C2:C3'] },
    );
    expect(detectLayout(grid).columns).toMatchObject({ section: 0, number: 1, subsection: 2, measure: 3, responsible: 4 });
  });
});

describe('detectLayout: due dates in 备注', () => {
  it('takes a 备注 column holding only deadlines for the deadline column when no 完成时限 column exists', () => {
    const grid = makeGrid([
      ['工作任务', '具体要求', '责任单位', '完成情况', '备注'],
      ['一、甲', null, null, null, null],
      ['1.乙', '丙', '办公室', '推进中', '11月底前完成'],
      ['2.丁', '戊', '办公室', '', '持续推进'],
    ]);
    expect(detectLayout(grid).columns).toMatchObject({ measure: 1, responsible: 2, status: 3, deadline: 4 });
  });

  it('leaves a 备注 column of remarks alone', () => {
    const grid = makeGrid([
      ['具体要求', '责任单位', '备注'],
      ['丙', '办公室', '11月底前完成'],
      ['戊', '办公室', '与上年任务合并'],
    ]);
    expect(detectLayout(grid).columns.deadline).toBeNull();
  });
});

describe('detectLayout: 责任单位 with 配合单位', () => {
  it('reads 责任单位 as the lead when a 配合单位 column lists the cooperating units', () => {
    const grid = makeGrid([
      ['序号', '主要任务', '具体措施', '责任单位', '配合单位', '完成时间'],
      [1, '甲', '乙', '发展改革局', '财政局', '6月底前'],
    ]);
    expect(detectLayout(grid).columns).toMatchObject({ number: 0, section: 1, measure: 2, lead: 3, responsible: 4, deadline: 5 });
  });

  it('keeps a lone 责任单位 column as the responsible column', () => {
    const grid = makeGrid([['具体措施', '责任单位', '完成时间'], ['乙', '财政局', '6月底前']]);
    expect(detectLayout(grid).columns).toMatchObject({ lead: null, responsible: 1 });
  });
});
