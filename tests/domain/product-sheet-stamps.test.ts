import {
  STAMP_ADDRESS,
  carriesStamp,
  placeProductSheet,
  placeStampedSheet,
  productStamp,
  stampProbeAnswer,
  stampSheet,
} from '../../src/domain/product-sheets';
import type { SheetSpec } from '../../src/domain/sheet-spec';
import { rowHeightFor } from '../../src/domain/text-metrics';
import { emptyState, type WorkbookState } from '../../src/domain/workbook-state';

const SOURCE = '任务分工';
const NAME = '落实情况汇总';

function stamped(stamp: string | undefined): WorkbookState {
  return { ...emptyState(), productSheets: [{ name: NAME, marker: 'summary', source: SOURCE, createdAt: 't', ...(stamp ? { stamp } : {}) }] };
}

function spec(name: string): SheetSpec {
  return { name, marker: 'summary', rows: [[{ v: '标题' }], [{ v: '统计截至：2022年9月15日', s: 'info' }]], merges: [], columnWidths: [10], styles: {} };
}

describe('product-sheet stamps', () => {
  const place = (probes: Record<string, unknown> | undefined, state: WorkbookState) =>
    placeProductSheet({ requested: NAME, marker: 'summary', source: SOURCE, existingSheets: [SOURCE, NAME], state, probes: probes as never });

  it('replaces the recorded sheet only while its A2 carries the recorded stamp', () => {
    expect(place({ [`${NAME}!A2`]: '统计截至：…　　编号：AB12CD34' }, stamped('AB12CD34'))).toEqual({ name: NAME, replaces: NAME });
    expect(place({ [`${NAME}!A2`]: '手工整理' }, stamped('AB12CD34'))).toEqual({ name: `${NAME}(2)`, replaces: null });
    expect(place({ [`${NAME}!A2`]: null }, stamped('AB12CD34'))).toEqual({ name: `${NAME}(2)`, replaces: null });
  });

  it('takes an unanswered stamp for the clerk’s sheet (never replaces on a guess)', () => {
    expect(place(undefined, stamped('AB12CD34'))).toEqual({ name: `${NAME}(2)`, replaces: null });
  });

  it('never trusts a record without a stamp (hand-edited, or older): the sheet it names is kept', () => {
    expect(place(undefined, stamped(undefined))).toEqual({ name: `${NAME}(2)`, replaces: null });
  });

  it('finds the probe answer in any letter case of the sheet name', () => {
    expect(stampProbeAnswer({ [`summary!${STAMP_ADDRESS}`]: 'x' }, 'Summary')).toBe('x');
    expect(stampProbeAnswer({}, 'Summary')).toBeUndefined();
    expect(carriesStamp(undefined, 'X')).toBe(false);
  });

  it('makes stamps of eight letters and digits that differ with what the sheet is made of', () => {
    const a = productStamp(['summary', SOURCE, NAME, '2022-09-15 10:00', null]);
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(productStamp(['summary', SOURCE, NAME, '2022-09-15 10:00', null])).toBe(a);
    expect(productStamp(['summary', SOURCE, NAME, '2022-09-15 10:01', null])).not.toBe(a);
    expect(productStamp(['summary', SOURCE, NAME, '2022-09-15 10:00', a])).not.toBe(a);
  });

  it('appends the stamp to the A2 line in the sheet’s language and leaves the spec it was given alone', () => {
    const original = spec(NAME);
    expect(stampSheet(original, 'AB12CD34', 'zh-CN').rows[1][0]).toEqual({ v: '统计截至：2022年9月15日\u3000\u3000编号：AB12CD34', s: 'info' });
    expect(stampSheet(original, 'AB12CD34', 'en-US').rows[1][0].v).toMatch(/ID: AB12CD34$/);
    expect(original.rows[1][0].v).toBe('统计截至：2022年9月15日');
    expect(() => stampSheet({ ...original, rows: [[{ v: 't' }]] }, 'X', 'zh-CN')).toThrow(/A2/);
  });

  it('records the new stamp and drops the stale record of a sheet that is no longer the product’s', () => {
    const { spec: out, placement, nextState } = placeStampedSheet({
      requested: NAME,
      marker: 'summary',
      source: SOURCE,
      existingSheets: [SOURCE, NAME],
      state: stamped('AB12CD34'),
      probes: { [`${NAME}!A2`]: '手工整理' },
      createdAt: '2022-09-15 10:00',
      lang: 'zh-CN',
      build: spec,
    });
    expect(placement).toEqual({ name: `${NAME}(2)`, replaces: null });
    expect(nextState.productSheets).toHaveLength(1);
    const [record] = nextState.productSheets;
    expect(record).toMatchObject({ name: `${NAME}(2)`, marker: 'summary', source: SOURCE });
    expect(String(out.rows[1][0].v)).toContain(record.stamp!);
  });
});

describe('stampSheet row height', () => {
  it('grows the A2 line’s height when the stamp makes it wrap, and keeps it when it fits', () => {
    const base: SheetSpec = {
      name: NAME,
      marker: 'summary',
      rows: [[{ v: '标题' }, { v: null }], [{ v: '统'.repeat(9), s: 'info' }, { v: null }]],
      merges: [{ top: 1, left: 0, bottom: 1, right: 1 }],
      columnWidths: [10, 11],
      styles: { info: { fontSize: 11 } },
      rowHeights: { 1: 20 },
    };
    // 18 + 4 + 6 + 8 display units in 21 characters: two lines.
    expect(stampSheet(base, 'AB12CD34', 'zh-CN').rowHeights![1]).toBe(rowHeightFor(2, 11));
    const wide = { ...base, columnWidths: [40, 40] };
    expect(stampSheet(wide, 'AB12CD34', 'zh-CN').rowHeights![1]).toBe(20);
    expect(stampSheet({ ...base, rowHeights: undefined }, 'AB12CD34', 'zh-CN').rowHeights).toBeUndefined();
  });
});
