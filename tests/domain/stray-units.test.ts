/** Text that slipped into a unit cell is said as such, with or without a directory, and never counted as an unknown unit. */
import { analyseSheet } from '../../src/domain/check';
import { UnitDirectory } from '../../src/domain/units';
import { looksLikeStrayText } from '../../src/domain/units/sheet-units';
import { sampleDirectory } from '../support/sample-directory';
import { makeGrid } from '../support/sheet-grid';

const rows = [
  ['序号', '工作措施', '完成时限', '牵头单位', '责任单位'],
  [1, '做好政策解读工作', '7月31日前', 101, '办公室'],
  [2, '推进政务公开', '8月31日前', '办公室', true],
  [3, '规范依申请公开', '9月30日前', '司法局', '9月底前完成'],
];

const codes = (directory: UnitDirectory | undefined) =>
  analyseSheet(makeGrid(rows), { directory, currentYear: 2022, planYear: 2022 }).findings.map((f) => `${f.code}@${f.cell}`);

describe('stray text in unit cells', () => {
  it('numbers, booleans and deadlines are not names', () => {
    for (const text of ['101', '3.5', 'TRUE', 'false', '9月底前完成']) expect(looksLikeStrayText(text)).toBe(true);
    for (const name of ['办公室', '市委编办（市审改办）', '12345热线办公室']) expect(looksLikeStrayText(name)).toBe(false);
  });

  it('without a directory: one stray-text warning per name', () => {
    expect(codes(undefined).filter((c) => c.startsWith('unit.'))).toEqual(['unit.stray_text@D2', 'unit.stray_text@E3', 'unit.stray_text@E4']);
  });

  it('with a directory: the same warnings, no unknown-unit warning and no mismatch notice for them', () => {
    const found = codes(sampleDirectory());
    expect(found.filter((c) => c.startsWith('unit.') || c.startsWith('directory.'))).toEqual(['unit.stray_text@D2', 'unit.stray_text@E3', 'unit.stray_text@E4']);
  });
});
