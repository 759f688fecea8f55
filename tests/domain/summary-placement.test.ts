import { assertSheetName, placeProductSheet, recordProductSheet } from '../../src/domain/product-sheets';
import { emptyState, type WorkbookState } from '../../src/domain/workbook-state';
import { UserFacingError } from '../../src/domain/errors';

const STAMP = '任务分工助手·汇总·ABCD2345';

function stateWith(...records: [string, string | null][]): WorkbookState {
  return { ...emptyState(), productSheets: records.map(([name, source]) => ({ name, marker: 'summary', source, createdAt: 't', stamp: STAMP })) };
}

describe('placeProductSheet', () => {
  // Every recorded sheet still carries its stamp, as the read's probes answer.
  const place = (existingSheets: string[], state = emptyState(), requested = '落实情况汇总', source: string | null = '任务分工') =>
    placeProductSheet({ requested, marker: 'summary', source, existingSheets, state, probes: Object.fromEntries(existingSheets.map((n) => [`${n}!A2`, STAMP])) });

  it('uses the requested name when it is free', () => {
    expect(place(['任务分工'])).toEqual({ name: '落实情况汇总', replaces: null });
  });

  it('replaces the product’s own summary of the same source', () => {
    expect(place(['任务分工', '落实情况汇总'], stateWith(['落实情况汇总', '任务分工']))).toEqual({ name: '落实情况汇总', replaces: '落实情况汇总' });
  });

  it('numbers around a clerk’s sheet and around the product’s summary of another source', () => {
    expect(place(['任务分工', '落实情况汇总'])).toEqual({ name: '落实情况汇总(2)', replaces: null });
    const other = stateWith(['落实情况汇总', '另一张表']);
    expect(place(['任务分工', '落实情况汇总', '落实情况汇总(2)'], other)).toEqual({ name: '落实情况汇总(3)', replaces: null });
  });

  it('compares names case-insensitively, as Excel does', () => {
    expect(place(['summary'], emptyState(), 'Summary')).toEqual({ name: 'Summary(2)', replaces: null });
  });

  it('keeps a numbered name within Excel’s 31 characters', () => {
    const long = 'x'.repeat(31);
    expect(place([long], emptyState(), long).name).toBe(`${'x'.repeat(28)}(2)`);
  });

  it('never replaces a recorded sheet without a stamp (a hand-edited or older record): no stamp, no replacement', () => {
    const unstamped: WorkbookState = { ...emptyState(), productSheets: [{ name: '落实情况汇总', marker: 'summary', source: '任务分工', createdAt: 't' }] };
    expect(place(['任务分工', '落实情况汇总'], unstamped)).toEqual({ name: '落实情况汇总(2)', replaces: null });
  });

  it('ignores a record whose sheet is gone', () => {
    expect(place(['任务分工'], stateWith(['落实情况汇总', '任务分工']))).toEqual({ name: '落实情况汇总', replaces: null });
  });
});

describe('recordProductSheet', () => {
  it('swaps the replaced record for the new one and keeps other records', () => {
    const state = stateWith(['落实情况汇总', '任务分工'], ['汇总B', '另一张表']);
    const next = recordProductSheet(state, { name: '落实情况汇总', marker: 'summary', source: '任务分工', createdAt: 'now' }, { name: '落实情况汇总', replaces: '落实情况汇总' });
    expect(next.productSheets.map((p) => [p.name, p.source, p.createdAt])).toEqual([['汇总B', '另一张表', 't'], ['落实情况汇总', '任务分工', 'now']]);
  });
});

describe('assertSheetName', () => {
  it.each(['', ' ', 'a/b', 'a[1]', "'x", 'x'.repeat(32), '问号?'])('refuses %j', (name) => {
    expect(() => assertSheetName(name)).toThrow(UserFacingError);
  });
  it('accepts ordinary names', () => {
    expect(() => assertSheetName('2022年落实情况（三季度）')).not.toThrow();
  });
});
