import { packRecord, realignRecord, rowKey, rowKeyIndex, unpackRecord, withRowKeys } from '../../src/domain/highlight-record';
import type { HighlightedCell, HighlightRecord } from '../../src/domain/workbook-state';
import { parseState, serialiseState } from '../../src/domain/workbook-state';

const PLAIN = 'xlsx1:{"fill":{"pattern":"none","type":"pattern"},"fontColor":null,"hasFont":true}';
const BOLD_RED = 'xlsx1:{"fill":null,"fontColor":{"argb":"FFFF0000"},"hasFont":true}';

function cell(row: number, col: number, token = PLAIN, applied = { fill: '#FFC7CE', font: '#9C0006' }): HighlightedCell {
  return { row, col, original: { row, col, fill: null, font: token === PLAIN ? null : '#FF0000', token }, applied };
}

function sheetRecord(rows: number, cols: number): HighlightRecord {
  const cells: HighlightedCell[] = [];
  for (let row = 2; row < 2 + rows; row++) {
    for (let col = 2; col < 2 + cols; col++) {
      // Every 7th row is done (green), and its status cell had a red font of its own.
      const done = row % 7 === 0;
      cells.push(cell(row, col, done && col === 2 + cols - 1 ? BOLD_RED : PLAIN, done ? { fill: '#C6EFCE', font: '#006100' } : { fill: '#FFC7CE', font: '#9C0006' }));
    }
  }
  return { asOf: '2022-09-15', cells, userColoured: [{ row: 9, col: 3 }] };
}

describe('the packed highlight record', () => {
  it('unpacks to exactly the cells it was packed from, through the JSON the workbook stores', () => {
    const record = sheetRecord(60, 5);
    const packed = packRecord(record);
    expect(packed.cells).toEqual([]);
    const stored = parseState(serialiseState({ version: 1, highlights: { S: packed }, productSheets: [], settings: {} })).state;
    expect(unpackRecord(stored.highlights.S)).toEqual(record);
  });

  it('keeps a 20 000-row sheet’s record far below Office’s 5 MB payload', () => {
    const record = sheetRecord(20000, 5);
    const plain = JSON.stringify(record).length;
    const packed = JSON.stringify(packRecord(record)).length;
    expect(plain).toBeGreaterThan(15_000_000);
    expect(packed).toBeLessThan(1_000_000);
  });

  it('reads a record saved unpacked as it is, and skips malformed runs instead of guessing', () => {
    const plain = { asOf: '2022-09-15', cells: [cell(3, 2)] };
    expect(unpackRecord(plain)).toEqual(plain);
    expect(unpackRecord(undefined)).toBeUndefined();
    const damaged = {
      asOf: '2022-09-15',
      cells: [],
      packed: {
        styles: [{ fill: null, font: null, token: PLAIN }],
        colours: [{ fill: '#FFC7CE', font: '#9C0006' }],
        runs: [[4, 2, 3, 0, 0], [5, 3, 2, 0, 0], [6, 2, 2, 1, 0], [7, -1, 2, 0, 0], 'x'],
      },
    } as unknown as HighlightRecord;
    expect(unpackRecord(damaged)!.cells.map((c) => [c.row, c.col])).toEqual([
      [4, 2],
      [4, 3],
    ]);
  });
});

describe('following rows the clerk moved', () => {
  // Rows 2–4 coloured; 3 is a two-row task's continuation row (no text in the key column).
  const record: HighlightRecord = {
    asOf: '2022-09-15',
    cells: [cell(2, 2), cell(3, 2), cell(4, 2), cell(5, 2)],
    userColoured: [{ row: 5, col: 3 }],
  };
  const before = rowKeyIndex([
    [2, '1.公开预算'],
    [4, '2.公开决算'],
    [5, '3.公开目录'],
  ]);
  const keyed = withRowKeys(record, 2, before);
  const at = (r: HighlightRecord) => r.cells.map((c) => [c.row, c.col, c.original.row]);

  it('fingerprints the rows that have text in the key column', () => {
    expect(keyed.keyColumn).toBe(2);
    expect(keyed.rowKeys!.map(([row]) => row)).toEqual([2, 4, 5]);
    expect(rowKey('1.公开预算')).toBe(rowKey('1.公开预算'));
    expect(rowKey('1.公开预算')).not.toBe(rowKey('1.公开决算'));
  });

  it('moves blocks to where their text is now (a row inserted above row 4)', () => {
    const now = rowKeyIndex([
      [2, '1.公开预算'],
      [4, '1.1新增'],
      [5, '2.公开决算'],
      [6, '3.公开目录'],
    ]);
    const moved = realignRecord(keyed, now);
    expect(at(moved)).toEqual([
      [2, 2, 2],
      [3, 2, 3],
      [5, 2, 5],
      [6, 2, 6],
    ]);
    expect(moved.userColoured).toEqual([{ row: 6, col: 3 }]);
    expect(moved.rowKeys!.map(([row]) => row)).toEqual([2, 5, 6]);
  });

  it('keeps a block whose text was edited in place, and forgets a deleted row rather than misplacing it', () => {
    const edited = rowKeyIndex([
      [2, '1.公开年度预算'],
      [4, '2.公开决算'],
      [5, '3.公开目录'],
    ]);
    expect(at(realignRecord(keyed, edited))).toEqual(at(keyed));
    // Row 4 deleted: 3.公开目录 moved up to row 4; the record of the deleted row cannot stay there.
    const deleted = rowKeyIndex([
      [2, '1.公开预算'],
      [4, '3.公开目录'],
    ]);
    expect(at(realignRecord(keyed, deleted))).toEqual([
      [2, 2, 2],
      [3, 2, 3],
      [4, 2, 4],
    ]);
  });

  it('does nothing for a record without keys, or when a text now occurs twice', () => {
    expect(realignRecord(record, before)).toBe(record);
    const twice = rowKeyIndex([
      [2, '1.公开预算'],
      [7, '2.公开决算'],
      [8, '2.公开决算'],
      [5, '3.公开目录'],
    ]);
    expect(at(realignRecord(keyed, twice))).toEqual(at(keyed));
  });
});
