/**
 * The colour-coding's "what must hold", each one a test, on the real returns sample (and, for values and
 * reversibility, on every sample and layout fixture) through the xlsx host.
 */
import * as fs from 'fs';
import * as path from 'path';
import { unpackRecord } from '../../src/domain/highlight-record';
import { parseState } from '../../src/domain/workbook-state';
import type { RowState } from '../../src/domain/types';
import { XlsxHost } from '../../src/hosts/xlsx';
import { runClear } from '../../src/workflows/clear';
import { runHighlight } from '../../src/workflows/highlight';
import { countingHost, styleTokens, usedRange } from '../support/highlight';
import { reopenHost, valuesHash } from '../support/workbook-files';

const ROOT = path.resolve(__dirname, '../..');
const RETURNS = path.join(ROOT, 'samples/liangjiang-2022-returns.xlsx');
const SHEET = '任务分工';
const FIXTURES_DIR = path.join(ROOT, 'tests/fixtures/layouts');
const EVERY_WORKBOOK = [
  path.join(ROOT, 'samples/liangjiang-2022.xlsx'),
  RETURNS,
  ...(fs.existsSync(FIXTURES_DIR) ? fs.readdirSync(FIXTURES_DIR).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(FIXTURES_DIR, f)) : []),
];

/** Measure n of the returns sample sits on sheet row n + 2 (title row, header row, one row per measure). */
const rowOfMeasure = (no: number): number => no + 2;
const STATUS_COL = 6; // G: 完成情况

async function fill(host: XlsxHost, row0: number, col0: number): Promise<string | null> {
  const [s] = await host.readStyles(SHEET, [{ top: row0, left: col0, bottom: row0, right: col0 }]);
  return s.fill;
}

describe('highlight on the returns sample as of 2022-09-15', () => {
  it('gives each measure the state its deadline and 完成情况 imply', async () => {
    const host = await XlsxHost.open(RETURNS);
    const result = await runHighlight(host, { asOf: '2022-09-15' });
    const byNo = new Map(result.plan.tasks.map((t) => [Number(t.no), t.state]));
    const expected: Partial<Record<RowState, number[]>> = {
      overdue: [11, 24, 51], // 7月31日前 正在推进 / 7月31日前 未启动 / 8月31日前 blank
      done_late: [7, 19], // 已于9月5日完成 (due 8-31) / 已于8月5日完成 (due 7-31)
      done: [2, 3, 5, 8, 9, 14, 20, 23, 33, 40, 48, 50, 53], // done beats 及时/长期 kinds
      behind: [26, 37], // 进度滞后: 26 is 及时公开 (behind beats ongoing), 37 is 12月31日前
      // 9月30日前 is the 11th working day after 09-15: on track with the default window of 10.
      on_track: [29, 36, 41],
    };
    for (const [state, nos] of Object.entries(expected)) {
      for (const no of nos) expect([no, byNo.get(no)]).toEqual([no, state]);
    }
    expect(result.counts).toEqual({ done: 13, done_late: 2, on_track: 3, behind: 2, due_soon: 0, overdue: 3, ongoing: 31, unknown: 0 });
    // Everything else is 长期开展/长期执行/及时公开 and not done.
    expect([...byNo.entries()].filter(([, s]) => s === 'ongoing')).toHaveLength(31);
    expect(await fill(host, rowOfMeasure(11) - 1, 2)).toBe('#FFC7CE');
    expect(await fill(host, rowOfMeasure(9) - 1, 6)).toBe('#C6EFCE');
  });

  it('a wider due-soon window catches 9月30日前', async () => {
    const host = await XlsxHost.open(RETURNS);
    const result = await runHighlight(host, { asOf: '2022-09-15', soonDays: 11 });
    expect(result.plan.tasks.find((t) => t.no === '36')?.state).toBe('due_soon');
  });

  it('uses three round trips and one colour range per run of same-state rows', async () => {
    const { host, calls } = countingHost(await XlsxHost.open(RETURNS));
    const result = await runHighlight(host, { asOf: '2022-09-15' });
    expect(calls).toMatchObject({ read: 1, readStyles: 1, apply: 1 });
    const colourRanges = calls.changes[0].flatMap((c) => (c.kind === 'colour' ? c.ranges : []));
    expect(colourRanges).toHaveLength(result.plan.runs.length);
    // Fewer runs than coloured tasks: consecutive same-state rows share one range.
    const colouredTasks = result.plan.tasks.filter((t) => t.state !== 'on_track' && t.state !== 'unknown').length;
    expect(result.plan.runs.length).toBeLessThan(colouredTasks);
    // Only the task's own cells (C:G), never the section/subsection columns A:B.
    expect(colourRanges.every((r) => r.left === 2 && r.right === 6)).toBe(true);
  });

  it('never changes a cell value, on every sample and layout fixture', async () => {
    expect(EVERY_WORKBOOK.length).toBeGreaterThanOrEqual(2);
    for (const file of EVERY_WORKBOOK) {
      const host = await XlsxHost.open(file);
      const before = valuesHash(host.workbook);
      await runHighlight(host, { asOf: '2022-09-15' });
      expect([file, valuesHash(host.workbook)]).toEqual([file, before]);
      const reopened = await reopenHost(host);
      expect([file, valuesHash(reopened.workbook)]).toEqual([file, before]);
      await runClear(reopened, {});
      expect([file, valuesHash(reopened.workbook)]).toEqual([file, before]);
    }
  });

  it('is reversible exactly: every cell style after highlight → save → reopen → clear equals the original, on every workbook', async () => {
    for (const file of EVERY_WORKBOOK) {
      const host = await XlsxHost.open(file);
      const sheet = (await host.read()).grid!.sheet;
      const before = await styleTokens(host, sheet);
      const result = await runHighlight(host, { asOf: '2022-09-15' });
      // Re-highlighting with another date in between must not replace the saved originals.
      await runHighlight(host, { asOf: '2022-12-20' });
      const reopened = await reopenHost(host);
      const cleared = await runClear(reopened, {});
      expect(cleared.hadRecord).toBe(result.colouredCells > 0);
      expect([file, await styleTokens(reopened, sheet)]).toEqual([file, before]);
      expect(parseState((await reopened.read()).stateText).state.highlights[sheet]).toBeUndefined();
    }
  });

  it('is idempotent: highlighting twice gives identical colours and state', async () => {
    const host = await XlsxHost.open(RETURNS);
    await runHighlight(host, { asOf: '2022-09-15' });
    const tokens = await styleTokens(host, SHEET);
    const stateText = (await host.read()).stateText;
    const { host: counted, calls } = countingHost(host);
    const again = await runHighlight(counted, { asOf: '2022-09-15' });
    expect(await styleTokens(host, SHEET)).toEqual(tokens);
    expect((await host.read()).stateText).toBe(stateText);
    expect(again.restoredCells).toBe(0);
    expect(calls.readStyles).toBe(1);
  });

  it('recolours for a later date: a task that became done turns green, one that passed its date turns red', async () => {
    const host = await XlsxHost.open(RETURNS);
    await runHighlight(host, { asOf: '2022-09-15' });
    expect(await fill(host, rowOfMeasure(11) - 1, 2)).toBe('#FFC7CE');
    expect(await fill(host, rowOfMeasure(29) - 1, 2)).toBeNull(); // on track: untouched

    // The department reports measure 11 done; then highlight as of early next year.
    await host.apply([{ kind: 'cells', sheet: SHEET, writes: [{ row: rowOfMeasure(11) - 1, col: STATUS_COL, value: '已完成' }] }]);
    const later = await runHighlight(host, { asOf: '2023-01-05' });
    expect(later.plan.tasks.find((t) => t.no === '11')?.state).toBe('done');
    expect(later.plan.tasks.find((t) => t.no === '29')?.state).toBe('overdue');
    expect(await fill(host, rowOfMeasure(11) - 1, 2)).toBe('#C6EFCE');
    expect(await fill(host, rowOfMeasure(29) - 1, 2)).toBe('#FFC7CE');
  });

  it('a task that is no longer coloured gets its original style back', async () => {
    const host = await XlsxHost.open(RETURNS);
    const original = await styleTokens(host, SHEET);
    await runHighlight(host, { asOf: '2022-09-15', soonDays: 11 }); // 36 due soon: yellow
    expect(await fill(host, rowOfMeasure(36) - 1, 2)).toBe('#FFEB9C');
    const result = await runHighlight(host, { asOf: '2022-09-15' }); // 36 on track again
    expect(result.restoredCells).toBe(5);
    const now = await styleTokens(host, SHEET);
    for (let col = 2; col <= 6; col++) expect(now.get(`${rowOfMeasure(36) - 1}:${col}`)).toBe(original.get(`${rowOfMeasure(36) - 1}:${col}`));
  });

  it('a cell the clerk recoloured by hand keeps the clerk’s colour on re-highlight and on clear', async () => {
    const host = await XlsxHost.open(RETURNS);
    const original = await styleTokens(host, SHEET);
    await runHighlight(host, { asOf: '2022-09-15' });
    const r = rowOfMeasure(11); // overdue, red
    const ws = host.workbook.getWorksheet(SHEET)!;
    ws.getCell(r, 5).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B0F0' } }; // E: blue by hand

    const again = await runHighlight(host, { asOf: '2022-09-15' });
    expect(again.userColouredCells).toBe(1);
    expect(await fill(host, r - 1, 4)).toBe('#00B0F0');
    // Even a date change that recolours the row leaves that one cell alone.
    await host.apply([{ kind: 'cells', sheet: SHEET, writes: [{ row: r - 1, col: STATUS_COL, value: '已完成' }] }]);
    await runHighlight(host, { asOf: '2022-09-16' });
    expect(await fill(host, r - 1, 2)).toBe('#C6EFCE');
    expect(await fill(host, r - 1, 4)).toBe('#00B0F0');

    const reopened = await reopenHost(host);
    const cleared = await runClear(reopened, {});
    expect(cleared.keptUserColour).toBe(1);
    const after = await styleTokens(reopened, SHEET);
    expect(after.get(`${r - 1}:4`)).not.toBe(original.get(`${r - 1}:4`));
    for (const [key, token] of original) if (key !== `${r - 1}:4`) expect([key, after.get(key)]).toEqual([key, token]);
  });

  it('keeps the saved originals across save and reopen, so clear works on the reopened file', async () => {
    const host = await XlsxHost.open(RETURNS);
    const original = await styleTokens(host, SHEET);
    await runHighlight(host, { asOf: '2022-09-15' });
    const reopened = await reopenHost(host);
    const state = parseState((await reopened.read()).stateText);
    expect(state.damaged).toBe(false);
    expect(state.state.highlights[SHEET].asOf).toBe('2022-09-15');
    expect(unpackRecord(state.state.highlights[SHEET])!.cells).toHaveLength(255);
    // Re-highlight after reopening: same colours, nothing restored, originals unchanged.
    const again = await runHighlight(reopened, { asOf: '2022-09-15' });
    expect(again.restoredCells).toBe(0);
    await runClear(reopened, {});
    expect(await styleTokens(reopened, SHEET)).toEqual(original);
  });

  it('loses nothing else: sheets, merges, column widths and data validation survive highlight → save → reopen', async () => {
    const host = await XlsxHost.open(RETURNS);
    const ws = host.workbook.getWorksheet(SHEET)!;
    ws.getCell('G3').dataValidation = { type: 'list', allowBlank: true, formulae: ['"已完成,序时推进,进度滞后"'] };
    host.workbook.addWorksheet('备注').getCell('A1').value = '另一张表';
    const before = {
      sheets: host.workbook.worksheets.map((w) => w.name),
      merges: [...(ws.model.merges ?? [])].sort(),
      widths: ws.columns.map((c) => c.width),
    };
    await runHighlight(host, { asOf: '2022-09-15' });
    const reopened = await reopenHost(host);
    const ws2 = reopened.workbook.getWorksheet(SHEET)!;
    expect(reopened.workbook.worksheets.map((w) => w.name).filter((n) => n !== '_allocation_state')).toEqual(before.sheets);
    expect([...(ws2.model.merges ?? [])].sort()).toEqual(before.merges);
    expect(ws2.columns.map((c) => c.width)).toEqual(before.widths);
    expect(ws2.getCell('G3').dataValidation).toMatchObject({ type: 'list', formulae: ['"已完成,序时推进,进度滞后"'] });
    expect(reopened.workbook.getWorksheet('备注')!.getCell('A1').value).toBe('另一张表');
    // Borders and fonts of coloured cells are kept: only fill and font colour change.
    expect(ws2.getCell('C13').border).toEqual(ws.getCell('C13').border);
    expect(ws2.getCell('C13').font?.name).toBe('方正仿宋_GBK');
  });

  it('rejects a bad date or window with a clear message and changes nothing', async () => {
    const host = await XlsxHost.open(RETURNS);
    const tokens = await styleTokens(host, SHEET);
    await expect(runHighlight(host, { asOf: '2022-13-01' })).rejects.toMatchObject({ code: 'highlight.bad_date' });
    await expect(runHighlight(host, { asOf: '2022-09-15', soonDays: -3 })).rejects.toMatchObject({ code: 'highlight.bad_soon_days' });
    expect(await styleTokens(host, SHEET)).toEqual(tokens);
    expect((await host.read()).stateText).toBeNull();
  });

  it('clear on a sheet that was never highlighted changes nothing', async () => {
    const { host, calls } = countingHost(await XlsxHost.open(RETURNS));
    const result = await runClear(host, {});
    expect(result).toEqual({ sheet: SHEET, hadRecord: false, restoredCells: 0, keptUserColour: 0, restoredHeaderFooter: false });
    expect(calls.apply).toBe(0);
  });

  it('clear uses three round trips', async () => {
    const inner = await XlsxHost.open(RETURNS);
    await runHighlight(inner, { asOf: '2022-09-15' });
    const { host, calls } = countingHost(inner);
    await runClear(host, {});
    expect(calls).toMatchObject({ read: 1, readStyles: 1, apply: 1 });
  });

  it('leaves uncoloured a unit/deadline cell merged over tasks in different states (layout fixture d)', async () => {
    const host = await XlsxHost.open(path.join(FIXTURES_DIR, 'd-progress-merged-units.xlsx'));
    const result = await runHighlight(host, { asOf: '2022-09-15' });
    const sheet = result.sheet;
    // Sheet rows 10–11: 责任单位 (C) and 完成时限 (D) merged over an on-track task and a task reported behind.
    expect(result.plan.tasks.filter((t) => t.rows[0] >= 10 && t.rows[0] <= 11).map((t) => t.state)).toEqual(['on_track', 'behind']);
    const row11 = await host.readStyles(sheet, [{ top: 10, left: 0, bottom: 10, right: 4 }]);
    expect(row11.map((s) => s.fill)).toEqual(['#FFEB9C', '#FFEB9C', null, null, '#FFEB9C']);
    // Rows 3–4 are two done tasks sharing merged C3:D4: one run, so the merged cells are coloured with it.
    const row3 = await host.readStyles(sheet, [{ top: 2, left: 0, bottom: 3, right: 4 }]);
    expect(row3.every((s) => s.fill === '#C6EFCE')).toBe(true);
  });

  it('covers the whole used range in the reversibility fingerprint', async () => {
    const host = await XlsxHost.open(RETURNS);
    expect(usedRange(host.workbook, SHEET)).toEqual({ top: 0, left: 0, bottom: 55, right: 6 });
  });
});
