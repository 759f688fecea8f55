import { chineseDate, displayDate, parseTypedDate } from '../../src/domain/dates';

describe('parseTypedDate', () => {
  it.each([
    ['2022-09-15', '2022-09-15'],
    ['2022/9/15', '2022-09-15'],
    ['2022.9.15', '2022-09-15'],
    ['2022年9月15日', '2022-09-15'],
    ['2022年09月15号', '2022-09-15'],
    ['２０２２－０９－１５', '2022-09-15'],
    ['２０２２年９月１５日', '2022-09-15'],
    [' 2022 / 9 / 15 ', '2022-09-15'],
  ])('reads %s', (typed, iso) => {
    expect(parseTypedDate(typed)).toBe(iso);
  });

  it.each(['', '2022-9', '2022-02-30', '2022/13/01', '2022-9/15', '22-9-15', '九月十五日', 'today'])('rejects %j', (typed) => {
    expect(parseTypedDate(typed)).toBeNull();
  });
});

describe('displayDate', () => {
  it('writes Chinese dates without leading zeros and keeps ISO in English', () => {
    expect(chineseDate('2022-09-05')).toBe('2022年9月5日');
    expect(displayDate('2022-09-15', 'zh-CN')).toBe('2022年9月15日');
    expect(displayDate('2022-09-15', 'en-US')).toBe('2022-09-15');
  });
});
