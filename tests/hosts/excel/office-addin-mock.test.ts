/**
 * ExcelHost against office-addin-mock's OfficeMockObject, the ecosystem's usual unit-test double. Unlike the
 * simulator (and real Office.js), the mock answers an unloaded property with an error STRING instead of
 * throwing, so these tests check the values that come out: a property read before load + sync would show
 * up as "Error, …" text in the result.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { ExcelHost } from '../../../src/hosts/excel';

/** Office 2016: nothing above ExcelApi 1.1. */
const OFFICE_2016 = { isSetSupported: (name: string, version = '1.1') => name === 'ExcelApi' && version === '1.1' };

function usedRange() {
  const range = {
    address: '任务分工!B2:C3',
    rowCount: 2,
    columnCount: 2,
    values: [
      ['完成时限', '牵头单位'],
      [44834, '#N/A'],
    ],
    numberFormat: [
      ['General', 'General'],
      ['yyyy"年"m"月"d"日"', 'General'],
    ],
    // The first window (used ∩ getCell(0, 0)…BL2000, by getCell / getBoundingRect / getIntersection) is the same two rows here.
    getCell() {
      return this;
    },
    getBoundingRect() {
      return this;
    },
    getIntersection() {
      return this;
    },
  };
  return range;
}

function workbookMock() {
  const range = {
    format: { fill: { color: '' }, font: { color: '' } },
    select: jest.fn(),
  };
  const sheet = {
    name: '任务分工',
    used: usedRange(),
    range,
    activate: jest.fn(),
    getUsedRange() {
      return this.used;
    },
    getRange: jest.fn(() => range),
  };
  const mock = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          sheet,
          getActiveWorksheet() {
            return this.sheet;
          },
          getItem() {
            return this.sheet;
          },
          // The mock cannot navigate into collection items ('items/name'): this collection answers loads itself.
          load() {
            return this;
          },
        },
      },
    },
  }) as unknown as { context: Excel.RequestContext };
  (mock.context.workbook.worksheets as unknown as { items: unknown[] }).items = [{ name: '任务分工', visibility: 'Visible' }];
  const sync = jest.spyOn(mock.context, 'sync');
  const host = new ExcelHost((batch) => batch(mock.context), OFFICE_2016);
  // getRange hands out the plain range object: the host's writes land on it.
  return { host, sync, sheet, range };
}

describe('ExcelHost with office-addin-mock (ExcelApi 1.1)', () => {
  it('reads the active sheet in one sync: dates from the number format, error codes as error cells', async () => {
    const { host, sync } = workbookMock();
    const snapshot = await host.read();
    expect(sync).toHaveBeenCalledTimes(1);
    expect(snapshot.sheets).toEqual([{ name: '任务分工', visibility: 'visible' }]);
    expect(snapshot.activeSheet).toBe('任务分工');
    expect(snapshot.stateText).toBeNull();
    expect(snapshot.grid).toEqual({
      sheet: '任务分工',
      originRow: 1,
      originCol: 1,
      values: [
        ['完成时限', '牵头单位'],
        [{ kind: 'date', iso: '2022-09-30', serial: 44834 }, { kind: 'error', code: '#N/A' }],
      ],
      merges: [],
      mergesKnown: false,
    });
  });

  it('colours a run with one range, one fill and one font colour, in one sync', async () => {
    const { host, sync, sheet, range } = workbookMock();
    await host.read();
    sync.mockClear();
    await host.apply([{ kind: 'colour', sheet: '任务分工', ranges: [{ top: 4, left: 0, bottom: 6, right: 5 }], fill: '#FFC7CE', font: '#9C0006' }]);
    expect(sync).toHaveBeenCalledTimes(1);
    expect(sheet.getRange).toHaveBeenCalledWith('A5:F7');
    expect(range.format.fill.color).toBe('#FFC7CE');
    expect(range.format.font.color).toBe('#9C0006');
  });

  it('selects a finding: activates its sheet and selects the cell', async () => {
    const { host, sync, sheet, range } = workbookMock();
    await host.select('任务分工', 'F12');
    expect(sync).toHaveBeenCalledTimes(1);
    expect(sheet.activate).toHaveBeenCalled();
    expect(sheet.getRange).toHaveBeenCalledWith('F12');
    expect(range.select).toHaveBeenCalled();
  });
});
