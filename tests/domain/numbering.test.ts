/** Reading heading numerals (一、 （一）), measure numbers and their sequence. */
import { headingOf, measureNumberOf, NumberingTracker, parseChineseNumeral, chineseNumeral } from '../../src/domain/numbering';

describe('numbering', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十七', 17],
    ['二十', 20],
    ['二十三', 23],
    ['一百零五', 105],
    ['一二', null],
    ['', null],
    ['甲', null],
  ])('parseChineseNumeral(%s) = %s', (s, n) => expect(parseChineseNumeral(s)).toBe(n));

  it('writes Chinese numerals back', () => {
    expect([1, 10, 17, 20, 23].map(chineseNumeral)).toEqual(['一', '十', '十七', '二十', '二十三']);
  });

  it('tells section and subsection headings by their numerals, full or half width', () => {
    expect(headingOf('一、以公开助力经济平稳健康发展')).toEqual({ level: 'section', value: 1 });
    expect(headingOf('十二．规范')).toEqual({ level: 'section', value: 12 });
    expect(headingOf('（十七）认真抓好工作落实')).toEqual({ level: 'subsection', value: 17 });
    expect(headingOf('(三)加强')).toEqual({ level: 'subsection', value: 3 });
    expect(headingOf('1.切实做好')).toBeNull();
    expect(headingOf('一是加强')).toBeNull();
  });

  it.each([
    ['1.切实做好', '1', '切实做好'],
    ['12、公开', '12', '公开'],
    ['３．公开', '3', '公开'],
    ['（4）公开', '4', '公开'],
    ['(5) 公开', '5', '公开'],
    ['6）公开', '6', '公开'],
  ])('measureNumberOf(%s)', (text, no, rest) => {
    expect(measureNumberOf(text)).toMatchObject({ no, rest });
  });

  it.each(['2022年底前完成', '1.5亿元资金', '12345热线', '切实做好'])('does not read %s as numbered', (text) => {
    expect(measureNumberOf(text)).toBeNull();
  });

  it('tracks a sequence: gaps, repeats, allowed restarts, unchecked start', () => {
    const t = new NumberingTracker();
    expect(t.next(3)).toBeNull();
    expect(t.next(4)).toBeNull();
    expect(t.next(6)).toEqual({ kind: 'gap', expected: 5, value: 6 });
    expect(t.next(6)).toEqual({ kind: 'duplicate', value: 6 });
    expect(t.next(1)).toEqual({ kind: 'gap', expected: 7, value: 1 }); // a restart needs a new section
    t.scopeChanged();
    expect(t.next(1)).toBeNull();
    expect(t.next(2)).toBeNull();
  });
});
