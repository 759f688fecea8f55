import { compactDateText, scanDates } from '../../src/domain/date-text';

describe('compactDateText', () => {
  it.each([
    ['２０２２ 年 ９ 月 ３０ 日前', '2022年9月30日前'],
    ['十二月底前', '12月底前'],
    ['九月三十日', '9月30日'],
    ['二〇二二年六月底', '2022年6月底'],
    ['二○二三年', '2023年'],
    ['第三季度', '第3季度'],
    ['二十个工作日内', '20个工作日内'],
    ['廿五日', '25日'],
    ['统一月度安排', '统一月度安排'], // 统一 is a word, not January
    ['一十二月', '12月'], // formal 一十二 is twelve
    ['十十月', '十十月'], // not a number: left alone
    ['\u200B长期\u3000开展', '长期开展'],
  ])('%p → %p', (input, expected) => {
    expect(compactDateText(input)).toBe(expected);
  });
});

describe('scanDates', () => {
  const scan = (text: string, planYear = 2022) => scanDates(compactDateText(text), planYear);

  it('finds every mention in order, with its precision', () => {
    expect(scan('6月底前完成初稿，9月30日前印发，第四季度总结').map((m) => [m.due, m.precision])).toEqual([
      ['2022-06-30', 'month'],
      ['2022-09-30', 'day'],
      ['2022-12-31', 'quarter'],
    ]);
  });

  it('carries a written year to later mentions, and 次年 to the year after', () => {
    expect(scan('2023年3月启动，6月底前完成').map((m) => [m.due, m.year])).toEqual([
      ['2023-03-31', 2023],
      ['2023-06-30', 2023],
    ]);
    expect(scan('12月启动，次年3月底前完成').map((m) => [m.due, m.year])).toEqual([
      ['2022-12-31', null],
      ['2023-03-31', 2023],
    ]);
  });

  it('marks limits (前) and starts (起, 以后)', () => {
    const [limit] = scan('9月30日前');
    expect([limit.before, limit.isStart]).toEqual([true, false]);
    const [start] = scan('2022年7月1日起');
    expect([start.before, start.isStart]).toEqual([false, true]);
    expect(scan('10月以后')[0].isStart).toBe(true);
  });

  it('reports impossible dates with a reason and no day', () => {
    const [m] = scan('2月30日');
    expect(m.due).toBeNull();
    expect(m.reason?.zh).toBe('2月没有30日');
  });

  it('skips numbers that only look like dates', () => {
    expect(scan('文号112月')).toEqual([]); // part of a longer number
    expect(scan('完成率0.5')).toEqual([]);
    expect(scan('9.45')).toEqual([]);
    expect(scan('2022.13')).toEqual([]);
    expect(scan('20221399')).toEqual([]);
  });

  it('reads a bare month.day as loose, and an impossible one as invalid', () => {
    const [m] = scan('7.20');
    expect([m.due, m.loose]).toEqual(['2022-07-20', true]);
    expect(scan('2.30前')[0].due).toBeNull();
  });
});
