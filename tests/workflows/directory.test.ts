/** 单位名录 (pane and CLI), through the xlsx host: reviewed, made, remembered, replaced, and never over the clerk's own. */
import * as path from 'path';
import { analyseSheet } from '../../src/domain/check';
import { isUserFacingError } from '../../src/domain/errors';
import { UNIT_DIRECTORY_SHEET } from '../../src/domain/units';
import { emptyState, parseState } from '../../src/domain/workbook-state';
import { XlsxHost } from '../../src/hosts/xlsx';
import { createDirectorySheet, directoryFromReview, directoryReview, unitNamesInSheet } from '../../src/workflows/directory';
import { paneWorkflows, type PaneCheckResult } from '../../src/taskpane/workflows';
import { makeGrid } from '../support/sheet-grid';

const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'liangjiang-2022-returns.xlsx');
const SHEET = '任务分工';
const NOW = '2022-09-15T09:00:00.000Z';

async function checked(host: XlsxHost) {
  return paneWorkflows().check(host, { sheet: SHEET });
}

/** A check of a hand-made table whose unit cells hold the given texts, one task each. */
function checkOf(unitCells: string[]): PaneCheckResult {
  const rows = [['序号', '工作任务', '完成时限', '责任单位'], ...unitCells.map((u, i) => [i + 1, `第${i + 1}项任务`, '2024年底前', u])];
  const analysis = analyseSheet(makeGrid(rows), { currentYear: 2024 });
  return { snapshot: { sheets: [], grid: null, stateText: null } as never, analysis, state: emptyState(), directorySheet: null, directorySource: 'sheet', stateDamaged: false };
}

describe('directoryReview', () => {
  const check = checkOf(['经济运行局', '经济运行局、财政局', '经济运行局', '经济运行处', '各部门', '2024年底前完成', '财政局']);

  test('lists each unit once, the commonest spelling with its near-duplicates beside it, groups and stray text flagged', () => {
    expect(directoryReview(check)).toEqual([
      { name: '经济运行局', tasks: 3, kind: 'unit', variants: [{ name: '经济运行处', tasks: 1 }], stray: false },
      { name: '财政局', tasks: 2, kind: 'unit', variants: [], stray: false },
      { name: '各部门', tasks: 1, kind: 'group', variants: [], stray: false },
      { name: '2024年底前完成', tasks: 1, kind: 'unit', variants: [], stray: true },
    ]);
  });

  test('a merged spelling becomes an alias; one kept apart stays a unit of its own; what is left out is not listed', () => {
    const review = directoryReview(check);
    expect(directoryFromReview(review, ['经济运行处'], ['2024年底前完成'])).toEqual({
      units: [
        { name: '经济运行局', aliases: ['经济运行处'], category: '' },
        { name: '财政局', aliases: [], category: '' },
      ],
      groups: [{ name: '各部门', aliases: [], members: null }],
    });
    expect(directoryFromReview(review, [], ['2024年底前完成']).units.map((u) => u.name)).toEqual(['经济运行局', '经济运行处', '财政局']);
  });

  test('a spelling the matching rules read as the same unit is always its alias, so the sheet loads again', () => {
    const review = directoryReview(checkOf(['区司法局', '司法局', '司法局']));
    expect(directoryFromReview(review, [], []).units).toEqual([{ name: '司法局', aliases: ['区司法局'], category: '' }]);
  });
});

describe('createDirectorySheet', () => {
  test('from the units this sheet names: the sheet, recorded as the product’s, and the checker uses it', async () => {
    const host = await XlsxHost.open(SAMPLE);
    const before = await checked(host);
    expect(before.directorySource).toBe('sheet');
    expect(unitNamesInSheet(before)).toContain('办公室');
    const made = await createDirectorySheet(host, { check: before, lang: 'zh-CN', now: NOW });
    expect(made).toEqual({ sheetName: UNIT_DIRECTORY_SHEET, units: 19, groups: 4, aliases: 0 });
    const snapshot = await host.read({ sheet: UNIT_DIRECTORY_SHEET });
    expect(snapshot.grid?.values[0][0]).toBe('单位名录');
    expect(parseState(snapshot.stateText).state.productSheets).toEqual([
      expect.objectContaining({ name: UNIT_DIRECTORY_SHEET, marker: 'unit-directory', source: null, createdAt: NOW, stamp: expect.any(String) }),
    ]);
    // The sheet carries the recorded stamp, so it is recognised by content, not by its name.
    const stamp = parseState(snapshot.stateText).state.productSheets[0].stamp!;
    expect(String(snapshot.grid?.values[1][0])).toContain(stamp);
    const after = await checked(host);
    expect(after.directorySheet).toBe(UNIT_DIRECTORY_SHEET);
    expect(after.directorySource).toBe('workbook');
  });

  test('made again, it replaces the earlier one instead of adding 单位名录(2)', async () => {
    const host = await XlsxHost.open(SAMPLE);
    await createDirectorySheet(host, { check: await checked(host), lang: 'zh-CN', now: NOW });
    const made = await createDirectorySheet(host, { check: await checked(host), lang: 'zh-CN', now: NOW });
    expect(made.units).toBe(19);
    const snapshot = await host.read({ sheet: SHEET });
    expect(snapshot.sheets.filter((s) => s.name.startsWith(UNIT_DIRECTORY_SHEET)).map((s) => s.name)).toEqual([UNIT_DIRECTORY_SHEET]);
    expect(parseState(snapshot.stateText).state.productSheets).toHaveLength(1);
  });

  test('before any check: a clear message, nothing written', async () => {
    const host = await XlsxHost.open(SAMPLE);
    const apply = jest.spyOn(host, 'apply');
    await expect(createDirectorySheet(host, { check: null, lang: 'zh-CN' })).rejects.toThrow(/请先检查任务分工表/);
    expect(apply).not.toHaveBeenCalled();
  });

  test('never overwrites a 单位名录 the clerk made', async () => {
    const host = await XlsxHost.open(SAMPLE);
    const check = await checked(host);
    host.workbook.addWorksheet(UNIT_DIRECTORY_SHEET).getCell('A1').value = '我自己的名录';
    const apply = jest.spyOn(host, 'apply');
    const error = await createDirectorySheet(host, { check, lang: 'zh-CN' }).catch((e: unknown) => e);
    expect(isUserFacingError(error)).toBe(true);
    expect((error as Error).message).toContain('助手不会覆盖');
    expect(apply).not.toHaveBeenCalled();
    expect(host.workbook.getWorksheet(UNIT_DIRECTORY_SHEET)!.getCell('A1').value).toBe('我自己的名录');
  });
});

describe('a clerk’s own sheet named _allocation_state', () => {
  test('making the directory keeps the state under another name and leaves that sheet as it was', async () => {
    const host = await XlsxHost.open(SAMPLE);
    const own = host.workbook.addWorksheet('_Allocation_State');
    own.getCell('A1').value = '2021年台账';
    const check = await checked(host);
    await createDirectorySheet(host, { check, lang: 'zh-CN', now: NOW });
    expect([own.getCell('A1').value, own.getCell('A2').value, own.state ?? 'visible']).toEqual(['2021年台账', null, 'visible']);
    expect(host.workbook.getWorksheet(UNIT_DIRECTORY_SHEET)).toBeDefined();
    expect((await host.read()).stateSheet).toBe('_allocation_state_2');
  });
});
