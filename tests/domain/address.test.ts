import { cellAddress, columnIndex, columnLetter, parseAddress, rangeAddress } from '../../src/domain/address';

describe('A1 addresses', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ])('column %i is %s and back', (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
  });

  it('formats cells and ranges', () => {
    expect(cellAddress(3, 5)).toBe('F4');
    expect(rangeAddress({ top: 2, left: 2, bottom: 4, right: 5 })).toBe('C3:F5');
    expect(rangeAddress({ top: 2, left: 2, bottom: 2, right: 2 })).toBe('C3');
  });

  it('parses addresses with sheet prefixes and $ signs, normalising reversed corners', () => {
    expect(parseAddress("'任务分工'!$F$9:C3")).toEqual({ top: 2, left: 2, bottom: 8, right: 5 });
    expect(parseAddress('B7')).toEqual({ top: 6, left: 1, bottom: 6, right: 1 });
    expect(parseAddress('not an address')).toBeNull();
  });
});
