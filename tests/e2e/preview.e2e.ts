/**
 * End to end: the built preview (dist/) in Debian's Chromium, driven like a clerk would — check, colour as of
 * 2022-09-15, summarise, clear — against the returns sample. What the grid must show is computed by running
 * the same workflows on the same file through the xlsx host, and cross-checked against the sample's documented
 * state mix. The test fails on any request that leaves localhost, any CSP violation and any page error.
 * Screenshots go to test-results/ (and, with UPDATE_DOCS_SCREENSHOT=1, docs/screenshot.png for the README).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { DEFAULT_COLOURS } from '../../src/domain/colours';
import { chineseDate } from '../../src/domain/dates';
import { DEFAULT_SUMMARY_SHEET_NAME } from '../../src/domain/summary-sheet';
import { XlsxHost } from '../../src/hosts/xlsx';
import { format } from '../../src/taskpane/i18n';
import { zhCN } from '../../src/taskpane/i18n/zh-CN';
import { runCheck } from '../../src/workflows/check';
import { runHighlight, type HighlightResult } from '../../src/workflows/highlight';
import { runSummary, type SummaryResult } from '../../src/workflows/summary';
import { runSplit } from '../../src/workflows/split';
import { writeSpecsToWorkbook } from '../../src/hosts/xlsx';
import type { RowState } from '../../src/domain/types';
import { normaliseColour } from '../../src/domain/colours';
import { rowState } from '../../src/domain/row-state';
import { parseState } from '../../src/domain/workbook-state';
import { fillAnswers, statusFor } from '../support/returns';
import ExcelJS from 'exceljs';
import { gridColours as drawnColours, insidePane as insideOf, openPaneTab as openTab, openPreview, paneAxeViolations, type Preview, type PreviewServer } from '../support/preview-browser';

const ROOT = path.join(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'samples', 'liangjiang-2022-returns.xlsx');
const SHEET = '任务分工';
const AS_OF = '2022-09-15';
/** 2022-09-30 is the 11th working day after 2022-09-15: the sample's due-soon measure needs this window. */
const SOON_DAYS = 11;
const RESULTS = path.join(ROOT, 'test-results');

const mix = JSON.parse(fs.readFileSync(path.join(ROOT, 'samples', 'data', 'liangjiang-2022-returns.json'), 'utf8')) as {
  intendedMix: Record<string, { measures: number[] | string }>;
};

let server: PreviewServer;
let page: Page;
const leftLocalhost: string[] = [];
const pageErrors: string[] = [];

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(RESULTS, `${name}.png`) });
}

const pane = () => page.getByTestId('pane');

const openPaneTab = (name: string) => openTab(pane(), name);
const gridColours = () => drawnColours(page);

/** A fresh preview at the given API level, coloured as of AS_OF: the grid's colours afterwards. */
async function gridColoursAfterHighlight(api: string): Promise<Record<string, [string, string]>> {
  await page.goto(`${server.url}preview.html?today=${AS_OF}&api=${api}`);
  await pane().getByTestId('sheet-line').waitFor();
  await openPaneTab('标色');
  await pane().getByTestId('soon-days').fill(String(SOON_DAYS));
  await pane().getByTestId('soon-days').press('Tab');
  await pane().getByRole('button', { name: zhCN['highlight.apply'], exact: true }).click();
  await pane().getByTestId('notice').waitFor();
  return gridColours();
}

async function noticeText(): Promise<string> {
  const notice = pane().getByTestId('notice');
  await notice.waitFor();
  return notice.innerText();
}

/** Waits for the pane's notice to say `expected`: a notice from the step before may still be showing while
 * the pane works, so reading it at once races the pane under load. */
async function expectNotice(expected: string): Promise<void> {
  const notice = pane().getByTestId('notice');
  try {
    await notice.filter({ hasText: expected }).waitFor({ timeout: 15_000 });
  } catch {
    const shown = await notice.innerText({ timeout: 1_000 }).catch(() => '(no notice)');
    throw new Error(`the notice should contain “${expected}” but says “${shown}”`);
  }
}

let preview: Preview | undefined;

beforeAll(async () => {
  fs.mkdirSync(RESULTS, { recursive: true });
  preview = await openPreview({ width: 1360, height: 860 }, pageErrors, leftLocalhost);
  ({ server, page } = preview);
});

afterAll(async () => {
  await preview?.close();
});

describe('the preview, as a clerk uses it', () => {
  let expectedHighlight: HighlightResult;
  let expectedSummary: SummaryResult;
  let originalColours: Record<string, [string, string]>;

  beforeAll(async () => {
    expectedHighlight = await runHighlight(await XlsxHost.open(SAMPLE), { sheet: SHEET, asOf: AS_OF, soonDays: SOON_DAYS });
    // The pane's one window, set on the 标色 tab, is the summary's too.
    expectedSummary = await runSummary(await XlsxHost.open(SAMPLE), { sheet: SHEET, asOf: AS_OF, soonDays: SOON_DAYS, generatedAt: '2022-09-15 09:00' });
    await page.goto(`${server.url}preview.html?today=${AS_OF}`);
    await pane().getByTestId('sheet-line').waitFor();
    originalColours = await gridColours();
  });

  test('loads the returns sample with its 54 measures, in Chinese', async () => {
    expect(await pane().getByTestId('sheet-line').innerText()).toContain(format(zhCN['sheet.oneLine'], { sheet: SHEET, tasks: 54 }));
    await pane().getByTestId('sheet-toggle').click();
    const summary = await pane().getByTestId('sheet-summary').innerText();
    expect(summary).toContain(format(zhCN['sheet.detected'], { header: 2, first: 3, last: 56, tasks: 54 }));
    await pane().getByTestId('sheet-toggle').click();
    expect(await page.getByTestId('grid').getAttribute('data-sheet')).toBe(SHEET);
    await shot('e2e-01-loaded');
  });

  test('检查 lists the expected findings, and clicking one selects its cell', async () => {
    const expected = (await runCheck(await XlsxHost.open(SAMPLE), { sheet: SHEET })).analysis.findings;
    await openPaneTab('检查');
    await pane().getByRole('button', { name: zhCN['check.run'] }).click();
    const result = pane().getByTestId('check-result');
    await result.waitFor();
    const count = (s: string) => expected.filter((f) => f.severity === s).length;
    expect(await result.innerText()).toContain(
      format(zhCN['check.result'], { tasks: 54, errors: count('error'), warnings: count('warning'), infos: count('info') }),
    );
    const withCell = expected.filter((f) => f.cell);
    expect(withCell.length).toBeGreaterThan(0);
    const first = withCell[0];
    const button = pane().locator(`button[data-cell="${first.cell}"][data-finding="${first.code}"]`).first();
    expect(await button.innerText()).toContain(first.message.zh);
    await button.click();
    await page.locator(`[data-testid="grid"] td[data-selected="true"][data-cell="${first.cell}"]`).waitFor();
    await shot('e2e-02-check');
  });

  test('标色 as of 2022-09-15 colours the expected rows red, yellow and green', async () => {
    await openPaneTab('标色');
    await pane().getByTestId('as-of').fill(AS_OF);
    const days = pane().getByTestId('soon-days');
    await days.fill(String(SOON_DAYS));
    await days.press('Tab');
    await pane().getByRole('button', { name: zhCN['highlight.apply'], exact: true }).click();
    await expectNotice(format(zhCN['highlight.applied'], { asOf: chineseDate(AS_OF), rows: 54 }));

    const colours = await gridColours();
    const measureCol = expectedHighlight.check.analysis.layout.columns.measure;
    const letter = String.fromCharCode(65 + measureCol);
    const stateOf = new Map(expectedHighlight.plan.tasks.map((t) => [t.no, t]));
    for (const task of expectedHighlight.plan.tasks) {
      const want = DEFAULT_COLOURS[task.state];
      const [fill] = colours[`${letter}${task.row}`];
      expect({ no: task.no, state: task.state, fill }).toEqual({ no: task.no, state: task.state, fill: want ? want.fill : originalColours[`${letter}${task.row}`][0] });
    }
    // Independently of the workflow: the states the sample was written to show.
    const documented: [string, RowState, string][] = [
      ['overdue', 'overdue', '#FFC7CE'],
      ['done', 'done', '#C6EFCE'],
      ['due_soon', 'due_soon', '#FFEB9C'],
      ['behind', 'behind', '#FFEB9C'],
    ];
    for (const [key, state, fill] of documented) {
      for (const no of mix.intendedMix[key].measures as number[]) {
        const task = stateOf.get(String(no));
        expect({ no, state: task?.state }).toEqual({ no, state });
        expect(colours[`${letter}${task!.row}`][0]).toBe(fill);
      }
    }
    const legend = await pane().getByTestId('legend').innerText();
    expect(legend).toContain('逾期');
    await shot('e2e-03-highlight');
    // The README's picture is refreshed on request only, so test runs do not rewrite a committed file.
    if (process.env.UPDATE_DOCS_SCREENSHOT === '1') await page.screenshot({ path: path.join(ROOT, 'docs', 'screenshot.png') });
  });

  test('汇总 writes the summary sheet with the right totals and the report paragraph', async () => {
    await openPaneTab('汇总');
    await pane().getByRole('button', { name: zhCN['summary.run'] }).click();
    await expectNotice(format(zhCN['summary.done'], { sheet: expectedSummary.sheetName }));
    const chart = await pane().getByTestId('state-chart').innerText();
    expect(chart).toContain(format(zhCN['summary.total'], { total: expectedSummary.model.total }));
    expect(await pane().getByTestId('report-paragraph').inputValue()).toBe(expectedSummary.paragraph);
    await shot('e2e-04-summary-pane');

    await page.getByRole('tab', { name: expectedSummary.sheetName }).click();
    expect(await page.getByTestId('grid').getAttribute('data-sheet')).toBe(expectedSummary.sheetName);
    const gridText = await page.getByTestId('grid').innerText();
    expect(gridText).toContain(String(expectedSummary.model.total));
    expect(gridText.replace(/\s+/g, '')).toContain(expectedSummary.paragraph.replace(/\s+/g, '').slice(0, 30));
    await shot('e2e-05-summary-sheet');
  });

  test('清除标色 puts every original colour back', async () => {
    await page.getByRole('tab', { name: SHEET, exact: true }).click();
    await openPaneTab('标色');
    await pane().getByRole('button', { name: zhCN['highlight.clear'] }).click();
    await expectNotice(zhCN['highlight.cleared'].split('，')[0]);
    expect(await gridColours()).toEqual(originalColours);
    await shot('e2e-06-cleared');
  });

  test('回收: 下发 offers one workbook per unit, and a returned copy is collected back', async () => {
    const split = await runSplit(await XlsxHost.open(SAMPLE), { sheet: SHEET, generatedAt: '2022-09-15 09:00' });
    await openPaneTab(zhCN['tab.returns']);
    await pane().getByRole('button', { name: zhCN['returns.split'], exact: true }).click();
    const links = pane().getByTestId('split-files').getByRole('link');
    await links.first().waitFor();
    expect(await links.count()).toBe(split.workbooks.length);
    expect(await links.first().getAttribute('download')).toBe(split.workbooks[0].fileName);

    // A unit sends its copy back as it came (pre-filled, nothing changed): one clear state, 交回空表.
    const returned = path.join(RESULTS, split.workbooks[0].fileName);
    const copy = writeSpecsToWorkbook(split.workbooks[0].specs);
    await XlsxHost.fromWorkbook(copy).save(returned);
    await pane().getByTestId('returned-files').setInputFiles(returned);
    await pane().getByRole('button', { name: zhCN['returns.collect'], exact: true }).click();
    const result = pane().getByTestId('collect-result');
    await result.waitFor();
    expect(await result.innerText()).toContain(format(zhCN['returns.blank'], { file: split.workbooks[0].fileName, unit: split.workbooks[0].unit }));
    expect(await noticeText()).not.toContain(zhCN['returns.missing'].split('：')[0] + '：' + split.workbooks[0].unit);

    // The unit edits one pre-filled answer (its 进展说明) and sends it again: now it is taken.
    const ws = copy.worksheets[0];
    let headerRow = 0;
    ws.eachRow((row, n) => {
      if (!headerRow && row.values && (row.values as unknown[]).includes('进展说明')) headerRow = n;
    });
    const explanationCol = (ws.getRow(headerRow).values as unknown[]).indexOf('进展说明');
    ws.getCell(headerRow + 1, explanationCol).value = '已完成初稿，9月底前印发';
    // Under the same name in another folder: the browser will not read a picked file changed since it was picked.
    fs.mkdirSync(path.join(RESULTS, 'edited'), { recursive: true });
    const edited = path.join(RESULTS, 'edited', split.workbooks[0].fileName);
    await XlsxHost.fromWorkbook(copy).save(edited);
    await pane().getByTestId('returned-files').setInputFiles(edited);
    await pane().getByRole('button', { name: zhCN['returns.collect'], exact: true }).click();
    await page.waitForFunction(() => /采用/.test(document.querySelector('[data-testid="collect-result"]')?.textContent ?? ''));
    expect(await result.innerText()).toContain(`${split.workbooks[0].fileName}：${split.workbooks[0].unit}，采用`);
    await noticeText();
    await shot('e2e-07-returns');
  });

  test('switches to English', async () => {
    await page.getByTestId('language').selectOption('en-US');
    await pane().getByRole('tab', { name: 'Check', exact: true }).waitFor();
    expect(await pane().getByTestId('sheet-line').innerText()).toContain('54 tasks');
    await shot('e2e-08-english');
  });

  test('"open .xlsx" loads another workbook; a file that is not one gets a message, not a crash', async () => {
    await page.goto(`${server.url}preview.html?today=${AS_OF}`);
    await pane().getByTestId('sheet-line').waitFor();
    const notWorkbook = path.join(RESULTS, '不是工作簿.xlsx');
    fs.writeFileSync(notWorkbook, '序号,工作任务\n1,测试\n');
    await page.getByTestId('open-file').setInputFiles(notWorkbook);
    expect(await page.getByRole('alert').first().innerText()).toContain('无法打开“不是工作簿.xlsx”');
    await page.getByTestId('open-file').setInputFiles(path.join(ROOT, 'samples', 'liangjiang-2022.xlsx'));
    await page.getByRole('alert').waitFor({ state: 'detached' });
    await pane().getByTestId('sheet-line').waitFor();
    expect(await pane().getByTestId('sheet-line').innerText()).toContain('54 项任务');
  });

  test('at ExcelApi 1.1 (Office 2016: merged areas inferred) the colours are the same', async () => {
    const before = await gridColoursAfterHighlight('1.1');
    expect(before).toEqual(await gridColoursAfterHighlight('1.20'));
  });

  test('the lite pane (Office 2016/2019 in IE11/EdgeHTML) checks, colours the same rows and writes the summary', async () => {
    const full = await gridColoursAfterHighlight('1.1');
    await page.goto(`${server.url}preview.html?today=${AS_OF}&api=1.1&pane=lite`);
    const lite = page.getByTestId('lite-pane');
    const idle = () => page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    await lite.locator('button[data-cell="F4"]').click();
    await idle();
    expect(await page.getByTestId('grid').getAttribute('data-sheet')).toBe(SHEET);
    await lite.getByTestId('lite-soon-days').fill(String(SOON_DAYS));
    await lite.getByRole('button', { name: zhCN['highlight.apply'], exact: true }).click();
    await lite.getByTestId('lite-message').waitFor();
    await idle();
    expect(await gridColours()).toEqual(full);
    await lite.getByRole('button', { name: zhCN['summary.run'], exact: true }).click();
    await lite.getByTestId('lite-paragraph').waitFor();
    await idle();
    expect(await lite.getByTestId('lite-paragraph').inputValue()).toContain('17类54项重点任务');
    await shot('e2e-lite-pane');
  });

});

// ------------------------------------------------------------------------------------------------------------
// The clerk's story at the size Excel gives the pane on a 1366 × 768 laptop.

const PANE_W = 330;
const PANE_H = 540;
const PLAIN = path.join(ROOT, 'samples', 'liangjiang-2022.xlsx');
const INSTRUCTIONS = '填表说明';
/** The pane's "today" in the story: the clerk judges as of an earlier date, typed as clerks type it. */
const STORY_TODAY = '2022-12-01';
const STORY_AS_OF = '2022-09-15';
const STORY_AS_OF_TYPED = '2022年9月15日';
const PRODUCT_FILLS = new Set(Object.values(DEFAULT_COLOURS).flatMap((c) => (c ? [normaliseColour(c.fill)!] : [])));
const insidePane = (target: ReturnType<Page['locator']>) => insideOf(pane(), target);

/** The workbook as the simulator holds it now, saved and opened again (so assertions read the file, not the drawing). */
async function workbookNow(): Promise<XlsxHost> {
  const base64 = await page.evaluate(() => (window as unknown as { allocationPreview: { workbookBase64(): Promise<string> } }).allocationPreview.workbookBase64());
  return XlsxHost.open(new Uint8Array(Buffer.from(base64, 'base64')));
}

/** Every cell of the table sheet with its fill (normalised), by 0-based "row:col". */
async function fills(host: XlsxHost): Promise<Map<string, string | null>> {
  const grid = (await host.read({ sheet: SHEET })).grid!;
  const styles = await host.readStyles(SHEET, [{ top: 0, left: 0, bottom: grid.originRow + grid.values.length - 1, right: grid.originCol + grid.values[0].length - 1 }]);
  return new Map(styles.map((s) => [`${s.row}:${s.col}`, normaliseColour(s.fill)]));
}

/** Each task's measure cell must show its state's colour as of the date and window, judged from the file's own values. */
async function expectColoursFollowTheSheet(host: XlsxHost, original: Map<string, string | null>, soonDays: number): Promise<Record<RowState, number>> {
  const { analysis } = await runCheck(host, { sheet: SHEET });
  const now = await fills(host);
  const measure = analysis.layout.columns.measure;
  const counts = {} as Record<RowState, number>;
  for (const task of analysis.tasks) {
    const state = rowState(task, STORY_AS_OF, soonDays);
    counts[state] = (counts[state] ?? 0) + 1;
    const key = `${task.row - 1}:${measure}`;
    const want = DEFAULT_COLOURS[state] ? normaliseColour(DEFAULT_COLOURS[state]!.fill) : (original.get(key) ?? null);
    expect({ no: task.no, state, fill: now.get(key) ?? null }).toEqual({ no: task.no, state, fill: want });
  }
  return counts;
}

async function storyShot(name: string): Promise<void> {
  await pane().screenshot({ path: path.join(RESULTS, `story-${name}.png`) });
}

describe(`the clerk's story, with the pane at ${PANE_W} × ${PANE_H}`, () => {
  let storyFile: string;
  let originalFills: Map<string, string | null>;
  let returnsFiles: string[];
  let returnedUnits: string[];
  let highlightedCounts: Record<RowState, number>;

  beforeAll(async () => {
    // The plain sample, with a 填表说明 sheet the workbook was last saved on.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(PLAIN);
    const notes = wb.addWorksheet(INSTRUCTIONS);
    notes.getCell('A1').value = '请各单位于每月25日前报送本单位承担事项的进展。';
    notes.getCell('A2').value = '联系人：办公室 电话 6789 0000';
    wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: wb.worksheets.indexOf(notes), visibility: 'visible' }];
    storyFile = path.join(RESULTS, 'story-workbook.xlsx');
    await wb.xlsx.writeFile(storyFile);
    originalFills = await fills(await XlsxHost.open(storyFile));

    // Two units send their copies back: one reports everything done, the other a mix.
    const split = await runSplit(await XlsxHost.open(storyFile), { sheet: SHEET, generatedAt: '2022-09-01 09:00' });
    const chosen = split.workbooks.slice(0, 2);
    returnedUnits = chosen.map((w) => w.unit);
    returnsFiles = [];
    for (const [i, w] of chosen.entries()) {
      const blank = await XlsxHost.fromWorkbook(writeSpecsToWorkbook(w.specs)).toBuffer();
      const answered = await fillAnswers(blank, i === 0 ? () => ({ status: '已完成', doneDate: new Date(Date.UTC(2022, 6, 1)) }) : statusFor);
      const file = path.join(RESULTS, `story-${w.fileName}`);
      fs.writeFileSync(file, answered);
      returnsFiles.push(file);
    }

    await page.setViewportSize({ width: 1100, height: 720 });
    await page.goto(`${server.url}preview.html?today=${STORY_TODAY}&paneSize=${PANE_W}x${PANE_H}`);
    await pane().getByTestId('sheet-line').waitFor();
    await page.getByTestId('open-file').setInputFiles(storyFile);
    await page.getByRole('tab', { name: INSTRUCTIONS, exact: true }).waitFor();
  });

  test('opened on 填表说明, the pane reads 任务分工 instead and says how to choose another', async () => {
    const box = (await pane().boundingBox())!;
    expect([Math.round(box.width), Math.round(box.height)]).toEqual([PANE_W, PANE_H]);
    await expectNotice(format(zhCN['sheet.pickedOther'], { active: INSTRUCTIONS, sheet: SHEET }));
    expect(await pane().getByTestId('sheet-line').innerText()).toContain(format(zhCN['sheet.oneLine'], { sheet: SHEET, tasks: 54 }));
    expect(await page.getByTestId('grid').getAttribute('data-sheet')).toBe(INSTRUCTIONS);
    await storyShot('01-opened-on-instructions');
  });

  test('pick: the pane follows the sheet tab the clerk clicks, and stays on the table for a sheet without one', async () => {
    await page.getByRole('tab', { name: SHEET, exact: true }).click();
    await page.getByRole('tab', { name: INSTRUCTIONS, exact: true }).click();
    await expectNotice(format(zhCN['sheet.notFollowed'], { sheet: INSTRUCTIONS, current: SHEET }));
    await page.getByRole('tab', { name: SHEET, exact: true }).click();
    expect(await pane().getByTestId('sheet-line').innerText()).toContain(SHEET);
    await storyShot('02-picked');
  });

  test('检查: the primary button is in view and the findings are listed', async () => {
    await openPaneTab('检查');
    const run = pane().getByRole('button', { name: zhCN['check.run'], exact: true });
    expect(await insidePane(run)).toMatchObject({ inside: true });
    await run.click();
    expect(await pane().getByTestId('check-result').innerText()).toContain('共 54 项任务');
    await storyShot('03-check');
  });

  test('标色 as of a typed date and an 11-day window: the workbook shows each state, and remembers the date and window', async () => {
    await openPaneTab('标色');
    await pane().getByTestId('as-of').fill(STORY_AS_OF_TYPED);
    await pane().getByTestId('as-of').press('Tab');
    await pane().getByTestId('soon-days').fill(String(SOON_DAYS));
    await pane().getByTestId('soon-days').press('Tab');
    const apply = pane().getByRole('button', { name: zhCN['highlight.apply'], exact: true });
    expect(await insidePane(apply)).toMatchObject({ inside: true });
    await apply.click();
    await expectNotice(format(zhCN['highlight.applied'], { asOf: STORY_AS_OF_TYPED, rows: 54 }));
    const host = await workbookNow();
    highlightedCounts = await expectColoursFollowTheSheet(host, originalFills, SOON_DAYS);
    expect(highlightedCounts.done ?? 0).toBe(0); // nothing has been reported yet
    const { settings } = parseState((await host.read()).stateText).state;
    expect(settings).toMatchObject({ asOf: STORY_AS_OF, soonDays: SOON_DAYS });
    await storyShot('04-highlighted');
  });

  test('下发回收: two returns are collected, and the colours follow the new answers (the same date and window)', async () => {
    await openPaneTab(zhCN['tab.returns']);
    // Switching tabs kept the one date and window.
    expect(await pane().getByTestId('as-of').inputValue()).toBe(STORY_AS_OF_TYPED);
    for (const name of [zhCN['returns.split'], zhCN['returns.collect']]) {
      expect({ name, ...(await insidePane(pane().getByRole('button', { name, exact: true }))) }).toMatchObject({ name, inside: true });
    }
    await pane().getByTestId('returned-files').setInputFiles(returnsFiles);
    await pane().getByRole('button', { name: zhCN['returns.collect'], exact: true }).click();
    await pane().getByTestId('collect-result').waitFor();
    await expectNotice(zhCN['returns.recoloured']);
    const host = await workbookNow();
    const counts = await expectColoursFollowTheSheet(host, originalFills, SOON_DAYS);
    expect(counts.done ?? 0).toBeGreaterThan(0);
    // The added report columns carry no copied highlight fill: only the product's own record colours cells.
    const state = parseState((await host.read()).stateText).state;
    const record = state.highlights[SHEET];
    expect(record).toBeDefined();
    expect(await pane().getByTestId('collect-result').innerText()).toContain(returnedUnits[0]);
    await storyShot('05-collected');
  });

  test('汇总 uses the same date and window: its counts are the colouring\'s', async () => {
    const before = await workbookNow();
    const expected = await runSummary(before, { sheet: SHEET, asOf: STORY_AS_OF, soonDays: SOON_DAYS, generatedAt: '2022-12-01 09:00' });
    await openPaneTab('汇总');
    const run = pane().getByRole('button', { name: zhCN['summary.run'], exact: true });
    expect(await insidePane(run)).toMatchObject({ inside: true });
    await run.click();
    await expectNotice(format(zhCN['summary.done'], { sheet: expected.sheetName }));
    expect(await pane().getByTestId('report-paragraph').inputValue()).toBe(expected.paragraph);
    const after = await workbookNow();
    const colouredCounts = await expectColoursFollowTheSheet(after, originalFills, SOON_DAYS);
    for (const state of Object.keys(colouredCounts) as RowState[]) expect({ state, n: expected.model.states[state] }).toEqual({ state, n: colouredCounts[state] });
    await storyShot('06-summary');
  });

  test('汇总 again keeps the 主任批示 line the clerk typed under the summary, and a note beside it', async () => {
    const summaryName = DEFAULT_SUMMARY_SHEET_NAME;
    const before = (await workbookNow()).workbook.getWorksheet(summaryName)!;
    let last = 0;
    before.eachRow({ includeEmpty: false }, (_row, n) => (last = n));
    const line = `A${last + 2}`;
    const note = `${String.fromCharCode(65 + before.columnCount + 1)}5`;
    await page.evaluate(
      ({ sheet, line, note }) => {
        const probe = (window as unknown as { allocationPreview: { typeCell(s: string, a: string, t: string): void } }).allocationPreview;
        probe.typeCell(sheet, line, '主任批示：请各牵头单位于12月底前全部销号。');
        probe.typeCell(sheet, note, '备注：第7项已电话督办');
      },
      { sheet: summaryName, line, note },
    );
    await pane().getByRole('button', { name: zhCN['summary.run'], exact: true }).click();
    await expectNotice('手工填写的 2 个单元格已保留');
    const after = (await workbookNow()).workbook.getWorksheet(summaryName)!;
    const texts: string[] = [];
    after.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts).toEqual(expect.arrayContaining(['主任批示：请各牵头单位于12月底前全部销号。', '备注：第7项已电话督办']));
    await storyShot('06b-summary-again');
  });

  test('清除标色 leaves no product fill in the table, new columns included, and every original cell as it was', async () => {
    await openPaneTab('标色');
    await pane().getByRole('button', { name: zhCN['highlight.clear'], exact: true }).click();
    await expectNotice('已清除标色');
    const now = await fills(await workbookNow());
    expect([...now].filter(([, fill]) => fill && PRODUCT_FILLS.has(fill))).toEqual([]);
    for (const [key, fill] of originalFills) expect({ key, fill: now.get(key) ?? null }).toEqual({ key, fill });
    await storyShot('07-cleared');
    await pane().getByRole('button', { name: zhCN['highlight.clear'], exact: true }).click();
    await expectNotice(format(zhCN['highlight.nothingToClear'], { sheet: SHEET }));
  });

  test('every tab: its primary button is in view and axe-core finds no WCAG A/AA violation in the pane', async () => {
    const primaries: [string, string][] = [
      ['检查', zhCN['check.run']],
      ['标色', zhCN['highlight.apply']],
      ['汇总', zhCN['summary.run']],
      ['单位名录', zhCN['directory.fromSheet']],
      ['设置', zhCN['settings.save']],
      // 回收汇总 waits for files (disabled, so not in the Tab order); its place in view is asserted above.
      [zhCN['tab.returns'], zhCN['returns.split']],
      [zhCN['tab.bringIn'], zhCN['bringIn.import']],
    ];
    for (const [tab, button] of primaries) {
      await openPaneTab(tab);
      const target = pane().getByRole('button', { name: button, exact: true });
      expect({ tab, ...(await insidePane(target)) }).toMatchObject({ tab, inside: true });
      expect({ tab, violations: await paneAxeViolations(page) }).toEqual({ tab, violations: [] });
      // Keyboard: from the tab itself, Tab reaches the primary button (one waiting for a file is not in the order).
      if (await target.isEnabled()) {
        await pane().getByRole('tab', { name: tab, exact: true, selected: true }).focus();
        const focused = () => target.evaluate((el) => el === document.activeElement);
        for (let i = 0; i < 80 && !(await focused()); i++) await page.keyboard.press('Tab');
        expect({ tab, reachedByKeyboard: await focused() }).toEqual({ tab, reachedByKeyboard: true });
      }
      await storyShot(`tab-${primaries.findIndex((p) => p[0] === tab) + 1}`);
    }
  });

  test('设置 → 下发: the office\'s own status words go into every copy\'s dropdown; a word collect could not judge is refused beside its field', async () => {
    await openPaneTab('设置');
    const field = pane().getByTestId('status-choices');
    await field.fill('已整改、待定');
    const error = pane().getByText('“待定”看不出是完成、推进、滞后还是未启动，回收时无法判断');
    await error.waitFor();
    // The message sits right under its field, in view with it, not in a notice at the top.
    const fieldBox = (await field.boundingBox())!;
    const errorBox = (await error.boundingBox())!;
    expect(errorBox.y - (fieldBox.y + fieldBox.height)).toBeGreaterThanOrEqual(0);
    expect(errorBox.y - (fieldBox.y + fieldBox.height)).toBeLessThan(40);
    // Scrolled into sight whole: above the sticky action bar (its 保存设置 button), inside the pane.
    const saveBox = (await pane().getByRole('button', { name: zhCN['settings.save'], exact: true }).boundingBox())!;
    const paneBox = (await pane().boundingBox())!;
    expect(errorBox.y + errorBox.height).toBeLessThanOrEqual(saveBox.y);
    expect(errorBox.y).toBeGreaterThanOrEqual(paneBox.y);
    expect(await pane().getByRole('button', { name: zhCN['settings.save'], exact: true }).isDisabled()).toBe(true);
    await storyShot('08-status-choices-refused');
    await field.fill('已整改、部分整改');
    await pane().getByRole('button', { name: zhCN['settings.save'], exact: true }).click();
    await expectNotice(zhCN['settings.saved']);

    await openPaneTab(zhCN['tab.returns']);
    expect(await pane().getByTestId('status-choices-line').innerText()).toContain('已完成、序时推进、进度滞后、未启动、已整改、部分整改');
    await pane().getByRole('button', { name: zhCN['returns.split'], exact: true }).click();
    const first = pane().getByTestId('split-files').getByRole('link').first();
    await first.waitFor();
    // The copy as the browser would save it: its 完成情况 cells offer the office's words after the standard four.
    const [download] = await Promise.all([page.waitForEvent('download'), first.click()]);
    const saved = path.join(RESULTS, 'story-downloaded-copy.xlsx');
    await download.saveAs(saved);
    const copy = (await XlsxHost.open(saved)).workbook.worksheets[0];
    const lists = new Set<string>();
    copy.eachRow((row) => row.eachCell((cell) => {
      const v = cell.dataValidation;
      if (v?.type === 'list') lists.add(String(v.formulae?.[0]));
    }));
    expect([...lists]).toEqual([expect.stringMatching(/^"已完成,序时推进,进度滞后,未启动,已整改,部分整改/)]);
    await storyShot('09-split-with-own-words');
  });

  test('the help page is a click away from the pane, and opens (it says how the pane is used)', async () => {
    const link = pane().getByTestId('help-link');
    const [help] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await help.waitForLoadState();
    expect(new URL(help.url()).pathname).toMatch(/\/help\.html$/);
    const text = await help.locator('body').innerText();
    expect(text).toContain('判断日期');
    expect(text).toContain('下发回收');
    await help.screenshot({ path: path.join(RESULTS, 'story-10-help.png') });
    await help.close();
  });

  test('the lite pane has no axe-core violation either', async () => {
    await page.goto(`${server.url}preview.html?today=${STORY_TODAY}&api=1.1&pane=lite&paneSize=${PANE_W}x${PANE_H}`);
    await page.getByTestId('lite-pane').locator('button').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    expect(await paneAxeViolations(page)).toEqual([]);
    expect(await page.getByTestId('lite-help').getAttribute('href')).toBe('help.html');
    await storyShot('lite');
  });

  test('in English at 320 px the tabs stay on one row', async () => {
    await page.goto(`${server.url}preview.html?today=${STORY_TODAY}&lang=en-US&paneSize=320x${PANE_H}`);
    await pane().getByTestId('sheet-line').waitFor();
    const tops = await pane()
      .getByRole('tablist')
      .evaluate((list) => [...list.querySelectorAll('[role="tab"]')].filter((t) => (t as HTMLElement).offsetParent !== null).map((t) => Math.round(t.getBoundingClientRect().top)));
    expect(tops.length).toBeGreaterThanOrEqual(2);
    expect(new Set(tops).size).toBe(1);
    const list = (await pane().getByRole('tablist').boundingBox())!;
    const paneBox = (await pane().boundingBox())!;
    expect(list.x + list.width).toBeLessThanOrEqual(paneBox.x + paneBox.width);
    expect({ violations: await paneAxeViolations(page) }).toEqual({ violations: [] });
    await storyShot('english-320');
  });
});

describe('the whole run', () => {
  test('no request left localhost and nothing failed in the page', () => {
    expect(leftLocalhost).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
