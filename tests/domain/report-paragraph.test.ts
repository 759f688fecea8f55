import { buildSummary } from '../../src/domain/summary';
import type { SummaryModel } from '../../src/domain/summary';
import { chineseDate } from '../../src/domain/dates';
import { percent, reportParagraph } from '../../src/domain/report-paragraph';
import { ROW_STATES } from '../../src/domain/types';
import type { RowState, Task } from '../../src/domain/types';
import { analysisOf, dateDeadline, fixtureDirectory, openDeadline, status, task } from '../support/summary-fixtures';

const AS_OF = '2022-12-31';

/** One task that is in `state` as of 2022-12-31 (soon = 10 working days), led by `lead`. */
function taskIn(state: RowState, n: number, lead: string[] = ['办公室'], section = '一、甲', subsection: string | null = '（一）子'): Task {
  const base = { no: String(n), section, subsection, lead };
  switch (state) {
    case 'done': return task({ ...base, deadline: dateDeadline('2022-06-30'), status: status('已完成', 'done') });
    case 'done_late': return task({ ...base, deadline: dateDeadline('2022-06-30'), status: status('已于7月20日完成', 'done', '2022-07-20') });
    case 'overdue': return task({ ...base, deadline: dateDeadline('2022-11-30'), status: status('正在推进', 'in_progress') });
    case 'due_soon': return task({ ...base, deadline: dateDeadline('2023-01-05'), status: status('序时推进', 'in_progress') });
    case 'on_track': return task({ ...base, deadline: dateDeadline('2023-06-30'), status: status('序时推进', 'in_progress') });
    case 'behind': return task({ ...base, deadline: dateDeadline('2023-06-30'), status: status('进度滞后', 'behind') });
    case 'ongoing': return task({ ...base, deadline: openDeadline('ongoing', '长期开展'), status: status('持续推进', 'in_progress') });
    case 'unknown': return task({ ...base, deadline: openDeadline('unknown', ''), status: null });
  }
}

function modelOf(tasks: Task[], title: string | null = '两江新区2022年政务公开重点工作任务分工'): SummaryModel {
  return buildSummary(analysisOf(tasks, [], title), { asOf: AS_OF, soonDays: 10, directory: fixtureDirectory, generatedAt: 'x' });
}

describe('reportParagraph (zh-CN)', () => {
  it('writes the annual-report paragraph in the example form', () => {
    // 5 sections, 17 subsections, 54 tasks: 38 done, 12 ongoing, 4 overdue led by 经济运行局 (2), 市场监管局 (2), 财政局 (1).
    const overdueLeads = [['经济运行局'], ['市场监管局'], ['经济运行局'], ['财政局', '市场监管局']];
    const states: RowState[] = [...Array(38).fill('done'), ...Array(12).fill('ongoing'), ...Array(4).fill('overdue')];
    const tasks = states.map((s, i) => {
      const subsection = Math.floor((i * 17) / 54);
      const section = Math.floor((subsection * 5) / 17);
      return taskIn(s, i + 1, s === 'overdue' ? overdueLeads[i - 50] : ['办公室'], `${section}、方面`, `（${subsection}）类`);
    });
    const model = modelOf(tasks);
    expect([model.sectionCount, model.subsectionCount, model.total]).toEqual([5, 17, 54]);
    expect(reportParagraph(model)).toBe(
      '对照《两江新区2022年政务公开重点工作任务分工》，全年共部署5个方面17类54项重点任务。' +
        '截至2022年12月31日，已完成38项，完成率70.4%；已到完成时限的42项任务中完成38项，到期完成率90.5%；' +
        '长期开展事项12项持续推进；逾期未完成4项，涉及经济运行局、市场监管局等3个单位。',
    );
  });

  it('is grammatical for every combination of zero and non-zero state counts', () => {
    for (let mask = 0; mask < 1 << ROW_STATES.length; mask++) {
      const present = ROW_STATES.filter((_, i) => mask & (1 << i));
      // Alternate 1 and 2 tasks so singular-looking and plural counts both occur.
      const tasks = present.flatMap((s, i) => Array.from({ length: (i % 2) + 1 }, (_, k) => taskIn(s, i * 10 + k)));
      const model = modelOf(tasks);
      const text = reportParagraph(model);
      const context = `${present.join(',') || 'none'}: ${text}`;
      expect([context, /(^|[^0-9.])0(项|个|类)/.test(text)]).toEqual([context, false]);
      expect([context, /[，；、]{2}|[，；、]。|。[，；]|；$|，$|涉及等|（）|undefined|NaN|null/.test(text)]).toEqual([context, false]);
      expect([context, text.endsWith('。')]).toEqual([context, true]);
      if (!tasks.length) {
        expect(text).toBe('对照《两江新区2022年政务公开重点工作任务分工》，截至2022年12月31日，表中未列出任务事项。');
        continue;
      }
      const s = model.states;
      expect([context, text.includes(`共部署1个方面1类${tasks.length}项重点任务`)]).toEqual([context, true]);
      expect([context, text.includes(`已完成${model.completed}项`)]).toEqual([context, model.completed > 0]);
      expect([context, text.includes(`逾期完成${s.done_late}项`)]).toEqual([context, s.done_late > 0]);
      expect([context, text.includes(`${s.on_track}项按序时推进`)]).toEqual([context, s.on_track > 0]);
      expect([context, text.includes(`${s.behind}项进度滞后`)]).toEqual([context, s.behind > 0]);
      expect([context, text.includes(`${s.due_soon}项临近完成时限`)]).toEqual([context, s.due_soon > 0]);
      expect([context, text.includes(`长期开展事项${s.ongoing}项`)]).toEqual([context, s.ongoing > 0]);
      expect([context, text.includes(`${s.unknown}项完成时限待明确`)]).toEqual([context, s.unknown > 0]);
      expect([context, text.includes(`逾期未完成${s.overdue}项，涉及办公室。`)]).toEqual([context, s.overdue > 0]);
      expect([context, text.includes('无逾期未完成事项')]).toEqual([context, s.overdue === 0]);
      if (model.completed > 0) expect(text).toContain(`完成率${percent(model.completed / model.total)}%`);
    }
  });

  it('omits 方面 and 类 when the sheet has no such level', () => {
    const flat = [taskIn('done', 1, ['办公室'], '', null)].map((t) => ({ ...t, section: null }));
    expect(reportParagraph(modelOf(flat))).toContain('全年共部署1项重点任务。');
    const sectionsOnly = [taskIn('done', 1, ['办公室'], '一、甲', null), taskIn('done', 2, ['办公室'], '二、乙', null)];
    expect(reportParagraph(modelOf(sectionsOnly))).toContain('全年共部署2个方面2项重点任务。');
  });

  it('names one or two units in full and abbreviates three or more with 等N个单位', () => {
    const overdueLedBy = (...units: string[]) => modelOf(units.map((u, i) => taskIn('overdue', i, [u])));
    expect(reportParagraph(overdueLedBy('财政局'))).toContain('逾期未完成1项，涉及财政局。');
    expect(reportParagraph(overdueLedBy('财政局', '税务局'))).toContain('逾期未完成2项，涉及财政局、税务局。');
    expect(reportParagraph(overdueLedBy('财政局', '税务局', '办公室', '市场监管局'))).toContain('逾期未完成4项，涉及办公室、财政局等4个单位。');
    const noUnits = modelOf([taskIn('overdue', 1, [])]);
    expect(reportParagraph(noUnits)).toMatch(/逾期未完成1项。$/);
  });

  it('states only facts unless the clerk wrote a closing sentence, which then ends the paragraph as written', () => {
    const model = modelOf([taskIn('overdue', 1, ['财政局'])]);
    expect(reportParagraph(model)).not.toContain('台账');
    const closing = '已建立工作台账，实行打表推进、销号管理';
    expect(reportParagraph({ ...model, reportClosing: closing })).toMatch(/涉及财政局。已建立工作台账，实行打表推进、销号管理。$/);
    expect(reportParagraph({ ...model, reportClosing: `${closing}！` })).toMatch(/销号管理！$/);
    const built = buildSummary(analysisOf([taskIn('overdue', 1, ['财政局'])]), { asOf: '2022-12-31', soonDays: 10, directory: fixtureDirectory, generatedAt: 'x', reportClosing: '  ' });
    expect(built.reportClosing).toBeNull();
  });

  it('without a title, starts from the plan year', () => {
    expect(reportParagraph(modelOf([taskIn('done', 1)], null))).toMatch(/^2022年共部署1个方面1类1项重点任务。截至/);
  });

  it('does not add 《》 twice', () => {
    expect(reportParagraph(modelOf([taskIn('done', 1)], '《某区任务分工》'))).toMatch(/^对照《某区任务分工》，/);
  });
});

describe('reportParagraph (en-US)', () => {
  it('renders the same figures in English with correct singulars', () => {
    const model = modelOf([taskIn('done', 1), taskIn('overdue', 2, ['财政局']), taskIn('ongoing', 3)]);
    expect(reportParagraph(model, 'en-US')).toBe(
      'Against the 两江新区2022年政务公开重点工作任务分工, 3 key tasks were assigned for the year in 1 area and 1 category. ' +
        'As of December 31, 2022: 1 completed (completion rate 33.3%); of the 2 tasks past their deadline, 1 completed (50.0%); ' +
        '1 long-term task being carried out continuously; 1 overdue and not completed, involving 财政局.',
    );
    expect(reportParagraph({ ...model, reportClosing: 'A ledger tracks them' }, 'en-US')).toMatch(/involving 财政局\. A ledger tracks them\.$/);
  });

  it('handles an empty list', () => {
    expect(reportParagraph(modelOf([], null), 'en-US')).toBe('As of December 31, 2022 the sheet lists no tasks.');
  });
});

describe('number and date formatting', () => {
  it('writes dates the Chinese official way and percentages with one decimal, half up', () => {
    expect(chineseDate('2022-01-05')).toBe('2022年1月5日');
    expect(percent(38 / 54)).toBe('70.4');
    expect(percent(1)).toBe('100.0');
    expect(percent(0.0625)).toBe('6.3');
    expect(percent(0.0005)).toBe('0.1');
    expect(percent(2 / 3)).toBe('66.7');
  });
});
