import { isClerkTable } from '../../src/domain/product-sheets';
import { RETURN_IDENTITY_SHEET } from '../../src/domain/returns/identity';
import { UNIT_DIRECTORY_SHEET } from '../../src/domain/units';
import { emptyState, STATE_SHEET_NAME } from '../../src/domain/workbook-state';

describe('which sheets the clerk can pick', () => {
  const state = emptyState();
  state.productSheets.push(
    { name: '落实情况汇总', marker: 'summary', source: '任务分工', createdAt: '2022-12-31' },
    { name: '各部门', marker: 'return-copy', source: null, createdAt: '2022-12-31' },
  );
  const visible = (name: string) => ({ name, visibility: 'visible' });

  it('keeps the clerk’s own visible tables and department return copies', () => {
    expect(isClerkTable(visible('任务分工'), state)).toBe(true);
    expect(isClerkTable(visible('各部门'), state)).toBe(true);
  });

  it('leaves out hidden sheets and the product’s own sheets', () => {
    expect(isClerkTable({ name: '任务分工', visibility: 'hidden' }, state)).toBe(false);
    expect(isClerkTable(visible('落实情况汇总'), state)).toBe(false);
    expect(isClerkTable(visible(UNIT_DIRECTORY_SHEET), state)).toBe(false);
  });

  // ExcelApi 1.1 cannot hide a sheet, so the bookkeeping sheets arrive visible and must be recognised by name.
  it('leaves out the bookkeeping sheets even when they are visible', () => {
    expect(isClerkTable(visible(STATE_SHEET_NAME), state)).toBe(false);
    expect(isClerkTable(visible(RETURN_IDENTITY_SHEET), state)).toBe(false);
  });
});
