import { parseStatus, STATUS_CHOICES, STATUS_WORDS } from '../../src/domain/status';
import type { CellValue, ProgressState } from '../../src/domain/types';

const PLAN_YEAR = 2022;

/** [cell, state, doneOn] — one row per real answer, so a regression names itself. */
type Row = [CellValue, ProgressState, string | null];

const done: Row[] = [
  ['已完成', 'done', null],
  ['完成', 'done', null],
  ['提前完成', 'done', null],
  ['已办结', 'done', null],
  ['办结销号', 'done', null],
  ['已办理完毕', 'done', null],
  ['已于7月20日完成', 'done', '2022-07-20'],
  ['已于七月二十日完成', 'done', '2022-07-20'],
  ['2022年7月20日已完成', 'done', '2022-07-20'],
  ['2021年12月20日已完成', 'done', '2021-12-20'],
  ['7.20完成', 'done', '2022-07-20'],
  ['7月20日完成', 'done', '2022-07-20'],
  ['已完成，并于7月20日在门户网站公开', 'done', '2022-07-20'],
  ['已完成。', 'done', null],
  [' 已完成 ', 'done', null],
  ['已　完成', 'done', null],
  ['因疫情滞后，现已完成', 'done', null],
  ['已完成，将持续推进', 'done', null],
  ['已完成2021年度报告编制和发布', 'done', null],
  ['已完成100%', 'done', null],
  ['已完成年度计划', 'done', null], // 计划 here is a noun, not a plan to finish
  ['已完成，计划于12月31日前再次更新', 'done', null], // a limit (前) is not the completion day
  ['已全部完成', 'done', null],
  ['已完成，待验收', 'done', null],
  // A stage done and then the whole: the later, whole answer decides.
  ['已完成设计，现已全部完成', 'done', null],
  ['已完成调研报告', 'done', null], // the object is the task's own product, not a stage of it
  ['按设计要求已完成', 'done', null], // 设计 names the standard here, not a stage done
];

const inProgress: Row[] = [
  ['序时推进', 'in_progress', null],
  ['正按序时推进', 'in_progress', null],
  ['按序时推进', 'in_progress', null],
  ['正在推进', 'in_progress', null],
  ['正在办理', 'in_progress', null],
  ['推进中', 'in_progress', null],
  ['进行中', 'in_progress', null],
  ['持续推进', 'in_progress', null],
  ['达进度', 'in_progress', null],
  ['超进度', 'in_progress', null],
  ['已完成初稿，正在征求意见', 'in_progress', null],
  ['基本完成', 'in_progress', null],
  ['部分完成', 'in_progress', null],
  ['已完成60%', 'in_progress', null],
  ['一期已完成，二期未完成', 'in_progress', null],
  // Negations are not done; a bare 未完成 says nothing about lateness (see status.ts).
  ['计划9月底完成', 'in_progress', null],
  ['已完成初稿，预计9月30日前完成', 'in_progress', null],
  ['争取年底前办结', 'in_progress', null],
  ['第一项已完成，第二项未启动', 'in_progress', null],
  // A stage of the measure done (its design, tender, first draft, groundwork) is progress, not the measure done.
  ['已完成设计', 'in_progress', null],
  ['已完成施工图设计', 'in_progress', null],
  ['已完成招标', 'in_progress', null],
  ['已完成招投标工作。', 'in_progress', null],
  ['已完成初稿', 'in_progress', null],
  ['已完成征求意见稿', 'in_progress', null],
  ['已完成前期调研', 'in_progress', null],
  ['完成前期工作', 'in_progress', null],
  ['已完成立项和可研', 'in_progress', null],
  ['已完成一期工程', 'in_progress', null],
  ['已完成阶段性任务', 'in_progress', null],
  ['设计已完成', 'in_progress', null],
  ['前期调研已完成，', 'in_progress', null],
  ['未完成', 'in_progress', null],
  ['尚未完成', 'in_progress', null],
  ['未办结', 'in_progress', null],
  ['没有完成', 'in_progress', null],
];

const behind: Row[] = [
  ['欠进度', 'behind', null],
  ['慢序时', 'behind', null],
  ['进度滞后', 'behind', null],
  ['严重滞后', 'behind', null],
  ['滞后', 'behind', null],
  ['未达到序时进度', 'behind', null],
  ['推进缓慢', 'behind', null],
  ['未按期完成', 'behind', null],
  ['逾期未完成', 'behind', null],
  ['尚未完成，进度滞后', 'behind', null],
];

const notStarted: Row[] = [
  ['未启动', 'not_started', null],
  ['暂未开启', 'not_started', null],
  ['未开展', 'not_started', null],
  ['尚未启动', 'not_started', null],
  ['尚未开始', 'not_started', null],
];

describe('parseStatus', () => {
  describe.each([
    ['done', done],
    ['in progress', inProgress],
    ['behind', behind],
    ['not started', notStarted],
  ])('%s', (_group, rows) => {
    it.each(rows)('%p → %s (doneOn %p)', (cell, state, doneOn) => {
      const s = parseStatus(cell, PLAN_YEAR);
      expect(s.state).toBe(state);
      expect(s.doneOn).toBe(doneOn);
      expect(s.recognised).toBe(true);
    });
  });

  it('blank is unknown but recognised (nothing to warn about)', () => {
    for (const blank of [null, '', '  ', '\u200B']) {
      expect(parseStatus(blank, PLAN_YEAR)).toEqual({ text: '', state: 'unknown', doneOn: null, recognised: true });
    }
  });

  it.each(['好', '无', '—', '见附件', '详见报告'])('unrecognised text %p is unknown and flagged, never guessed', (text) => {
    expect(parseStatus(text, PLAN_YEAR)).toEqual({ text, state: 'unknown', doneOn: null, recognised: false });
  });

  it.each([
    [42, '42'],
    [true, 'TRUE'],
    [{ kind: 'date', iso: '2022-07-20', serial: 44762 }, '2022-07-20'],
    [{ kind: 'error', code: '#N/A' }, '#N/A'],
  ] as const)('a non-text cell %p is not a status word', (value, text) => {
    expect(parseStatus(value, PLAN_YEAR)).toEqual({ text, state: 'unknown', doneOn: null, recognised: false });
  });

  it('takes the plan year for a completion date without one', () => {
    expect(parseStatus('已于3月20日完成', 2024).doneOn).toBe('2024-03-20');
  });

  it('an impossible completion date leaves doneOn empty but the task done', () => {
    expect(parseStatus('已于2月30日完成', PLAN_YEAR)).toMatchObject({ state: 'done', doneOn: null });
  });

  it('keeps the text as written, trimmed', () => {
    expect(parseStatus('  已完成 ', PLAN_YEAR).text).toBe('已完成');
  });
});

describe('STATUS_WORDS', () => {
  it('every standard word parses back to its own state', () => {
    for (const [state, words] of Object.entries(STATUS_WORDS)) {
      for (const word of words) expect([word, parseStatus(word, PLAN_YEAR).state]).toEqual([word, state]);
    }
  });

  it('the dropdown starts with one word per state, then lists every word once', () => {
    expect(STATUS_CHOICES.slice(0, 4)).toEqual(['已完成', '序时推进', '进度滞后', '未启动']);
    const all = Object.values(STATUS_WORDS).flat();
    expect([...STATUS_CHOICES].sort()).toEqual([...all].sort());
  });
});

describe('parseStatus: phrasings of 督查 and 整改 reports', () => {
  it.each([
    ['已基本整改到位', 'in_progress'],
    ['仍在施工', 'in_progress'],
    ['未整改到位', 'behind'],
    ['整改不到位', 'behind'],
    ['仍未承接', 'not_started'],
    ['未开工', 'not_started'],
    ['无法开工', 'not_started'],
    ['开工尚无时间表', 'not_started'],
    ['已整改到位', 'done'],
    // The three kinds an 审计整改 report counts its items in (已整改 / 持续整改 / 未整改), and its 部分整改.
    ['已整改', 'done'],
    ['已整改完成', 'done'],
    ['持续整改', 'in_progress'],
    ['部分整改', 'in_progress'],
    ['部分已整改', 'in_progress'],
    ['已基本整改', 'in_progress'],
    ['未整改', 'not_started'],
    ['尚未整改完成', 'in_progress'],
    ['整改中', 'in_progress'],
    ['已落实', 'done'],
    ['正在落实', 'in_progress'],
    ['落实中', 'in_progress'],
  ])('%s → %s', (text, state) => expect(parseStatus(text, 2022)).toMatchObject({ state, recognised: true }));
});
