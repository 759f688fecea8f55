import { parseDeadline } from '../../src/domain/deadline';
import { chineseDate } from '../../src/domain/dates';
import type { CellValue, DeadlineKind } from '../../src/domain/types';

const PLAN_YEAR = 2022;

/** [cell, kind, due, year written (undefined when none)] — one row per real form, so a regression names itself. */
type Row = [CellValue, DeadlineKind, string | null, number | undefined];

const dates: Row[] = [
  ['7月31日前', 'date', '2022-07-31', undefined],
  ['8月31日前', 'date', '2022-08-31', undefined],
  ['9月30日前', 'date', '2022-09-30', undefined],
  ['12月31日前', 'date', '2022-12-31', undefined],
  ['年底前', 'date', '2022-12-31', undefined],
  ['年底', 'date', '2022-12-31', undefined],
  ['年内', 'date', '2022-12-31', undefined],
  ['6月底前', 'date', '2022-06-30', undefined],
  ['2月底前', 'date', '2022-02-28', undefined],
  ['2024年2月底前', 'date', '2024-02-29', 2024],
  ['2022年6月底前', 'date', '2022-06-30', 2022],
  ['2022年10月底前', 'date', '2022-10-31', 2022],
  ['2020年年底前', 'date', '2020-12-31', 2020],
  ['2022年底前', 'date', '2022-12-31', 2022],
  ['到2023年底', 'date', '2023-12-31', 2023],
  ['2023年末', 'date', '2023-12-31', 2023],
  ['2021年2月3日前', 'date', '2021-02-03', 2021],
  ['2023年1月15日前', 'date', '2023-01-15', 2023],
  ['2022年9月30日', 'date', '2022-09-30', 2022],
  ['2022年9月30号前', 'date', '2022-09-30', 2022],
  ['2022-09-30', 'date', '2022-09-30', 2022],
  ['2022/9/30', 'date', '2022-09-30', 2022],
  ['2022.9.30', 'date', '2022-09-30', 2022],
  ['2022.09.30前', 'date', '2022-09-30', 2022],
  ['20220930', 'date', '2022-09-30', 2022],
  ['2022年10月', 'date', '2022-10-31', 2022],
  ['2022.10', 'date', '2022-10-31', 2022],
  ['9.30前', 'date', '2022-09-30', undefined],
  ['9/30', 'date', '2022-09-30', undefined],
  ['上半年', 'date', '2022-06-30', undefined],
  ['下半年', 'date', '2022-12-31', undefined],
  ['年中', 'date', '2022-06-30', undefined],
  ['2023年上半年', 'date', '2023-06-30', 2023],
  ['第三季度', 'date', '2022-09-30', undefined],
  ['三季度末', 'date', '2022-09-30', undefined],
  ['一季度末', 'date', '2022-03-31', undefined],
  ['第4季度', 'date', '2022-12-31', undefined],
  ['三季度前', 'date', '2022-06-30', undefined], // literal, like 9月前: before the quarter begins
  ['三季度末前', 'date', '2022-09-30', undefined],
  ['一季度前', 'date', '2021-12-31', undefined],
  ['2023年第一季度', 'date', '2023-03-31', 2023],
  ['十二月底前', 'date', '2022-12-31', undefined],
  ['九月三十日前', 'date', '2022-09-30', undefined],
  ['二〇二三年六月底前', 'date', '2023-06-30', 2023],
  ['10月中旬', 'date', '2022-10-20', undefined],
  ['10月上旬', 'date', '2022-10-10', undefined],
  ['10月下旬', 'date', '2022-10-31', undefined],
  ['9月', 'date', '2022-09-30', undefined],
  ['9月份', 'date', '2022-09-30', undefined],
  ['9月前', 'date', '2022-08-31', undefined], // literal: before September begins
  ['1月前', 'date', '2021-12-31', undefined],
  ['2023年前', 'date', '2022-12-31', 2023],
  ['6月底前完成初稿，9月底前印发', 'date', '2022-09-30', undefined],
  ['7月至9月', 'date', '2022-09-30', undefined],
  ['2023年3月启动，6月底前完成', 'date', '2023-06-30', 2023],
  ['2022年12月启动，次年3月底前完成', 'date', '2023-03-31', 2023],
  ['次年3月底前', 'date', '2023-03-31', 2023], // 次年 names the year after the plan year
  ['2022年7月1日起实施，12月底前完成评估', 'date', '2022-12-31', 2022],
  ['长期坚持，2022年底前完成', 'date', '2022-12-31', 2022],
  ['每季度报送进展，年底前完成', 'date', '2022-12-31', undefined],
  ['２０２２年９月３０日前', 'date', '2022-09-30', 2022],
  ['2022 年 9 月 30 日', 'date', '2022-09-30', 2022],
  ['\u200B 9月30日前\u3000', 'date', '2022-09-30', undefined],
  [{ kind: 'date', iso: '2022-09-30', serial: 44834 }, 'date', '2022-09-30', 2022],
  [44834, 'date', '2022-09-30', 2022],
  [44834.5, 'date', '2022-09-30', 2022],
  [20220930, 'date', '2022-09-30', 2022],
];

const cycles: Row[] = [
  ['长期开展', 'ongoing', null, undefined],
  ['长期执行', 'ongoing', null, undefined],
  ['长期坚持', 'ongoing', null, undefined],
  ['持续推进', 'ongoing', null, undefined],
  ['常态化公开', 'ongoing', null, undefined],
  ['全年', 'ongoing', null, undefined],
  ['动态更新', 'ongoing', null, undefined],
  ['不定期', 'ongoing', null, undefined],
  ['及时公开', 'timely', null, undefined],
  ['及时回应', 'timely', null, undefined],
  ['即时', 'timely', null, undefined],
  ['实时', 'timely', null, undefined],
  ['第一时间', 'timely', null, undefined],
  ['尽快', 'timely', null, undefined],
  ['20个工作日内', 'timely', null, undefined],
  ['二十个工作日内', 'timely', null, undefined],
  ['信息形成之日起20个工作日内', 'timely', null, undefined],
  ['7日内', 'timely', null, undefined],
  ['每月28日前', 'periodic', null, undefined],
  ['每季度末', 'periodic', null, undefined],
  ['每季度最后一个月的30日前', 'periodic', null, undefined],
  ['每个季度第1个月的20日前', 'periodic', null, undefined],
  ['每个季度第一个月的20日前', 'periodic', null, undefined],
  ['按季度', 'periodic', null, undefined],
  ['按月', 'periodic', null, undefined],
  ['每年3月31日前', 'periodic', null, undefined],
  ['每半年', 'periodic', null, undefined],
  ['定期公开', 'periodic', null, undefined],
  ['季度末', 'periodic', null, undefined],
  ['2022年起每季度', 'periodic', null, undefined],
  ['持续推进，每月更新', 'periodic', null, undefined],
];

const invalid: Row[] = [
  ['2月30日', 'invalid', null, undefined],
  ['2月30日前', 'invalid', null, undefined],
  ['13月1日前', 'invalid', null, undefined],
  ['2023年2月29日', 'invalid', null, 2023],
  ['4月31日前', 'invalid', null, undefined],
  ['9月0日', 'invalid', null, undefined],
  ['0月底前', 'invalid', null, undefined],
  ['2022年13月底前', 'invalid', null, 2022],
  ['2022-02-30', 'invalid', null, 2022],
  ['6月底前完成初稿，2月30日前印发', 'invalid', null, undefined],
];

const unknown: Row[] = [
  [null, 'unknown', null, undefined],
  ['', 'unknown', null, undefined],
  ['   ', 'unknown', null, undefined],
  ['\u200B', 'unknown', null, undefined],
  ['待定', 'unknown', null, undefined],
  ['按要求', 'unknown', null, undefined],
  ['—', 'unknown', null, undefined],
  ['统一月度安排', 'unknown', null, undefined], // 统一 + 月度, not January
  ['文号20221234', 'unknown', null, undefined], // eight digits that are no date
  ['完成率0.5', 'unknown', null, undefined],
  ['1.5倍', 'unknown', null, undefined],
  [42, 'unknown', null, undefined],
  [true, 'unknown', null, undefined],
  [{ kind: 'error', code: '#N/A' }, 'unknown', null, undefined],
];

describe('parseDeadline', () => {
  describe.each([
    ['fixed dates', dates],
    ['ongoing, timely and periodic', cycles],
    ['impossible dates', invalid],
    ['unreadable', unknown],
  ])('%s', (_group, rows) => {
    it.each(rows)('%p → %s %s (year %p)', (cell, kind, due, year) => {
      const d = parseDeadline(cell, PLAN_YEAR);
      expect(d.kind).toBe(kind);
      expect(d.due).toBe(due);
      expect(d.year).toBe(year);
    });
  });

  it('keeps the text as written, trimmed and cleaned of invisible characters', () => {
    expect(parseDeadline('  ２０２２年９月３０日前 ', PLAN_YEAR).text).toBe('２０２２年９月３０日前');
    expect(parseDeadline('\uFEFF长期开展\u200B', PLAN_YEAR).text).toBe('长期开展');
    expect(parseDeadline(null, PLAN_YEAR).text).toBe('');
    expect(parseDeadline({ kind: 'error', code: '#REF!' }, PLAN_YEAR).text).toBe('#REF!');
  });

  it('a date cell or a bare serial gives its ISO date as text', () => {
    expect(parseDeadline({ kind: 'date', iso: '2022-09-30', serial: 44834 }, PLAN_YEAR).text).toBe('2022-09-30');
    expect(parseDeadline(44834, PLAN_YEAR).text).toBe('2022-09-30');
  });

  it('reads numbers outside 1990–2100 as numbers, not dates', () => {
    expect(parseDeadline(30, PLAN_YEAR).kind).toBe('unknown');
    expect(parseDeadline(2022, PLAN_YEAR).kind).toBe('unknown');
    expect(parseDeadline(99999, PLAN_YEAR).kind).toBe('unknown');
  });

  it('uses the plan year for dates without a year', () => {
    expect(parseDeadline('9月30日前', 2024).due).toBe('2024-09-30');
    expect(parseDeadline('2月底前', 2024).due).toBe('2024-02-29');
    expect(parseDeadline('年底前', 2030).due).toBe('2030-12-31');
  });

  it.each([
    ['2月30日', '2月没有30日', 'month 2 has no day 30'],
    ['13月1日前', '没有13月', 'there is no month 13'],
    ['2023年2月29日', '2023年不是闰年，2月没有29日', '2023 is not a leap year: February has no 29th'],
  ])('says why %s is impossible, in both languages', (cell, zh, en) => {
    expect(parseDeadline(cell, PLAN_YEAR).reason).toEqual({ zh, en });
  });

  it('gives no reason and no year for what it cannot read', () => {
    const d = parseDeadline('待定', PLAN_YEAR);
    expect(d).toEqual({ text: '待定', kind: 'unknown', due: null });
  });
});

describe('parseDeadline: phrasings of published tables', () => {
  const read = (t: string) => parseDeadline(t, 2016);
  it.each(['24小时内', '5个工作日', '5个工作日内', '15个工作日'])('%s is timely', (t) => expect(read(t).kind).toBe('timely'));
  it.each(['2016年起', '自2016年起'])('%s is ongoing', (t) => expect(read(t).kind).toBe('ongoing'));
  it.each([
    ['3月22日-31日', '2016-03-31'],
    ['4月1日—20日', '2016-04-20'],
  ])('the range %s ends %s, and says so', (t, due) => {
    expect(read(t)).toMatchObject({ kind: 'date', due });
    expect(read(t).reading?.zh).toContain(chineseDate(due));
    expect(read(t).reading?.en).toContain(due);
  });
  it('a span from a start year ends with its last year, and says so', () => {
    const d = read('2016年开始，3年内完成');
    expect(d).toMatchObject({ kind: 'date', due: '2018-12-31', year: 2018 });
    expect(d.reading?.en).toContain('2018-12-31');
  });
  it.each([
    ['9月21日、12月9日前', '2016-09-21', '2016-12-09'],
    ['10月31日和11月30日前', '2016-10-31', '2016-11-30'],
  ])('several dates %s: the earliest, naming all', (t, earliest, other) => {
    const d = read(t);
    expect(d.due).toBe(earliest);
    expect(d.reading?.zh).toContain(chineseDate(earliest));
    expect(d.reading?.zh).toContain(other);
  });
  it('clauses of one task still give the last date', () => {
    expect(read('6月底前完成初稿，9月底前印发')).toMatchObject({ due: '2016-09-30' });
    expect(read('6月底前完成初稿，9月底前印发').reading).toBeUndefined();
  });
  it.each([
    ['6月前', '2016-05-31'],
    ['6月份前', '2016-05-31'],
    ['到2020年', '2020-12-31'],
  ])('%s says which reading was taken', (t, due) => {
    const d = read(t);
    expect(d.due).toBe(due);
    expect(d.reading?.zh).toContain(chineseDate(due));
  });
  it('6月底前 needs no note', () => expect(read('6月底前').reading).toBeUndefined());
  it.each([
    ['2020年前', '2019-12-31'],
    ['2020年以前', '2019-12-31'],
  ])('%s is read literally, before the year begins, and says so', (t, due) => {
    const d = read(t);
    expect(d).toMatchObject({ kind: 'date', due, year: 2020 });
    expect(d.reading?.zh).toContain(t);
    expect(d.reading?.zh).toContain('2020年底前');
  });
  it('2020年底前 needs no note', () => expect(read('2020年底前').reading).toBeUndefined());
});

describe('parseDeadline: phrasings of rectification lists (整改时限)', () => {
  const read = (t: string) => parseDeadline(t, 2018);
  // A span counted from a day the sheet does not give (the feedback, the notice): no fixed date to colour by.
  it.each(['即知即改', '即查即改', '立行立改', '一个月内', '3个月内', '两周内'])('%s is timely', (t) => expect(read(t).kind).toBe('timely'));
  it.each(['长期坚持', '持续整改', '2018年起长期坚持'])('%s is ongoing', (t) => expect(read(t).kind).toBe('ongoing'));
  it.each([
    ['2018年12月底前完成整改', '2018-12-31'],
    ['2019年6月底前，并长期坚持', '2019-06-30'],
    ['2017年底前基本完成，2018年全面完成', '2018-12-31'],
  ])('%s is due %s', (t, due) => expect(read(t)).toMatchObject({ kind: 'date', due }));
  it('a month count is not a date: 3个月 names no month 3', () => expect(read('3个月内').due).toBeNull());
});
