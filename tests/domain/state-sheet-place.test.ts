import { isReservedSheetName } from '../../src/domain/product-sheets';
import { isStateSheetName, placeStateSheet, serialiseState, emptyState } from '../../src/domain/workbook-state';

const STATE = serialiseState(emptyState());
const visible = (name: string) => ({ name, visibility: 'visible' });

describe('where the product keeps its state', () => {
  it('under _allocation_state when no sheet holds that name', () => {
    expect(placeStateSheet([visible('任务分工')], () => null)).toEqual({ sheet: null, stateText: null, writeName: '_allocation_state' });
  });

  it('in its own sheet, found by content: a state, or very hidden', () => {
    expect(placeStateSheet([visible('任务分工'), visible('_allocation_state')], () => STATE)).toEqual({ sheet: '_allocation_state', stateText: STATE, writeName: '_allocation_state' });
    const hidden = placeStateSheet([{ name: '_allocation_state', visibility: 'veryHidden' }], () => '{"version":1,"highl');
    expect(hidden).toMatchObject({ sheet: '_allocation_state', writeName: '_allocation_state' });
  });

  it('under the next free number when a clerk’s sheet holds the name (any letter case), never over it', () => {
    const texts: Record<string, string> = { _Allocation_State: '2021年台账', _allocation_state_2: '我的表' };
    const sheets = [visible('_Allocation_State'), visible('_allocation_state_2')];
    expect(placeStateSheet(sheets, (n) => texts[n] ?? null)).toEqual({ sheet: null, stateText: null, writeName: '_allocation_state_3' });
  });

  it('finds its state again under the other name, whatever the order of the tabs', () => {
    const texts: Record<string, string> = { _ALLOCATION_STATE: '2021年台账', _allocation_state_2: STATE };
    const sheets = [{ name: '_allocation_state_2', visibility: 'veryHidden' }, visible('_ALLOCATION_STATE')];
    expect(placeStateSheet(sheets, (n) => texts[n] ?? null)).toEqual({ sheet: '_allocation_state_2', stateText: STATE, writeName: '_allocation_state_2' });
  });

  it('knows the names it may use, and they are reserved for the sheets the product makes', () => {
    expect(['_allocation_state', '_Allocation_State_2', '_allocation_state_17'].map(isStateSheetName)).toEqual([true, true, true]);
    expect(['_allocation_state_1', '_allocation_state_02', '_allocation_state_x', 'allocation_state'].map(isStateSheetName)).toEqual([false, false, false, false]);
    expect(isReservedSheetName('_allocation_state_2')).toBe(true);
    expect(isReservedSheetName('落实情况汇总')).toBe(false);
  });
});
