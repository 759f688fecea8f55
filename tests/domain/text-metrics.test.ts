import { displayWidth, fittedRowHeight, lineHeight, MAX_ROW_HEIGHT, rowHeightFor, wrappedLines } from '../../src/domain/text-metrics';

describe('text metrics', () => {
  it('counts CJK, full-width punctuation and rare CJK extension characters as two, the rest as one', () => {
    expect(displayWidth('')).toBe(0);
    expect(displayWidth('abc 12')).toBe(6);
    expect(displayWidth('办公室')).toBe(6);
    expect(displayWidth('（一）A')).toBe(7);
    expect(displayWidth('𠀀')).toBe(2);
  });

  it('wraps by display width, one character of the width kept for margins', () => {
    // 10 wide → 9 usable: four CJK characters (8) fit one line, five (10) take two.
    expect(wrappedLines('一二三四', 10)).toBe(1);
    expect(wrappedLines('一二三四五', 10)).toBe(2);
    expect(wrappedLines('', 10)).toBe(1);
  });

  it('gives every explicit line break its own line, even an empty one', () => {
    expect(wrappedLines('甲\n乙\n\n丁', 30)).toBe(4);
  });

  it('fits fewer characters per line in a larger font', () => {
    const text = '一'.repeat(30);
    expect(wrappedLines(text, 31, 11)).toBe(2);
    expect(wrappedLines(text, 31, 22)).toBe(4);
  });

  it('treats a column too narrow for any text as one character wide', () => {
    expect(wrappedLines('一二', 0)).toBe(4);
  });

  it('grows row heights by a line pitch per line and stops at Excel’s maximum', () => {
    expect(lineHeight(11)).toBeGreaterThan(11);
    expect(lineHeight(12)).toBeGreaterThan(lineHeight(11));
    expect(rowHeightFor(3, 11, 4) - rowHeightFor(2, 11, 4)).toBe(lineHeight(11));
    expect(rowHeightFor(0, 11, 4)).toBe(rowHeightFor(1, 11, 4));
    expect(rowHeightFor(1000)).toBe(MAX_ROW_HEIGHT);
    expect(fittedRowHeight('一'.repeat(100), 21)).toBe(rowHeightFor(10));
  });
});
