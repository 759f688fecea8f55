import * as fc from 'fast-check';
import { cellText, collapseSpaces, isBlankCell, normaliseText, stripInvisible, toHalfWidth } from '../../src/domain/text';

describe('toHalfWidth', () => {
  it.each([
    ['２０２２年６月３０日', '2022年6月30日'],
    ['牵头单位：办公室；责任单位：各部门', '牵头单位:办公室;责任单位:各部门'],
    ['各县（市、区）', '各县(市、区)'],
    ['ＡＢＣｘｙｚ，．！？', 'ABCxyz,.!?'],
    ['１２\u3000月', '12 月'],
    ['～', '~'],
    ['、。《》「」', '、。《》「」'], // Chinese punctuation without an ASCII twin stays
    ['already ascii', 'already ascii'],
  ])('%p → %p', (input, expected) => {
    expect(toHalfWidth(input)).toBe(expected);
  });

  it('keeps the length, character for character (property)', () => {
    fc.assert(
      fc.property(fc.fullUnicodeString(), (s) => {
        const half = toHalfWidth(s);
        return half.length === s.length && toHalfWidth(half) === half;
      }),
    );
  });

  it('returns the same string object when nothing changes', () => {
    const s = '办公室、司法局';
    expect(toHalfWidth(s)).toBe(s);
  });
});

describe('collapseSpaces', () => {
  it.each([
    ['  办公室   司法局 ', '办公室 司法局'],
    ['a\u00A0\u00A0b', 'a b'],
    ['a\u3000b', 'a b'],
    ['a\tb', 'a b'],
    ['办公室 \n  司法局', '办公室\n司法局'],
    ['办公室\n\n\n司法局', '办公室\n司法局'],
    ['\n办公室\n', '办公室'],
    ['ok', 'ok'],
    ['', ''],
  ])('%p → %p', (input, expected) => {
    expect(collapseSpaces(input)).toBe(expected);
  });
});

describe('stripInvisible', () => {
  it.each([
    ['\uFEFF办公室', '办公室'],
    ['办\u200B公\u200D室', '办公室'],
    ['a\u0000b\u0007c\u001Fd', 'abcd'],
    ['a\r\nb', 'a\nb'],
    ['a\rb', 'a\nb'],
    ['a\tb', 'a b'],
    ['a\u007F\u0085b', 'ab'],
    ['第一行\n第二行', '第一行\n第二行'],
    ['\u202E反转\u202C', '反转'],
  ])('%p → %p', (input, expected) => {
    expect(stripInvisible(input)).toBe(expected);
  });
});

describe('normaliseText', () => {
  it('combines all three', () => {
    expect(normaliseText('\u200B （１）\u3000切实　做好 \r\n 信息公开\u0000 ')).toBe('(1) 切实 做好\n信息公开');
  });

  it('is idempotent', () => {
    const samples = ['  ａ\u3000\u3000ｂ \n\n c\u200B ', '\t\t', '（一）加强\u00A0 公开'];
    for (const s of samples) expect(normaliseText(normaliseText(s))).toBe(normaliseText(s));
  });
});

describe('cellText', () => {
  it.each([
    [null, ''],
    ['  已完成 ', '已完成'],
    ['\uFEFF长期开展\u200B', '长期开展'],
    ['（一）', '（一）'], // display text keeps the clerk's width
    [42, '42'],
    [0.5, '0.5'],
    [NaN, ''],
    [true, 'TRUE'],
    [false, 'FALSE'],
    [{ kind: 'date', iso: '2022-09-30', serial: 44834 }, '2022-09-30'],
    [{ kind: 'error', code: '#N/A' }, '#N/A'],
  ] as const)('%p → %p', (value, expected) => {
    expect(cellText(value)).toBe(expected);
  });

  it('treats white space and invisible characters as blank', () => {
    expect(isBlankCell(' \u3000\u200B\n')).toBe(true);
    expect(isBlankCell(null)).toBe(true);
    expect(isBlankCell(0)).toBe(false);
  });
});
