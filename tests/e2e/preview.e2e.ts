/**
 * End to end: the built preview (dist/) in Debian's Chromium, driven like a clerk would — check, colour as of
 * 2022-09-15, summarise, clear — against the returns sample. What the grid must show is computed by running
 * the same workflows on the same file through the xlsx host, and cross-checked against the sample's documented
 * state mix. The test fails on any request that leaves localhost, any CSP violation and any page error.
 * Screenshots go to test-results/ (and, with UPDATE_DOCS_SCREENSHOT=1, docs/screenshot.png for the README).
 */
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEFAULT_COLOURS } from '../../src/domain/colours';
import { chineseDate } from '../../src/domain/dates';
import { XlsxHost } from '../../src/hosts/xlsx';
import { format } from '../../src/taskpane/i18n';
import { zhCN } from '../../src/taskpane/i18n/zh-CN';
import { runCheck } from '../../src/workflows/check';
import { runHighlight, type HighlightResult } from '../../src/workflows/highlight';
import { runSummary, type SummaryResult } from '../../src/workflows/summary';
import { runSplit } from '../../src/workflows/split';
import { writeSpecsToWorkbook } from '../../src/hosts/xlsx';
import type { RowState } from '../../src/domain/types';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startPreviewServer } = require('../../scripts/preview-server.js') as {
  startPreviewServer(o: { port: number }): Promise<{ url: string; close(): Promise<void> }>;
};

const ROOT = path.join(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'samples', 'liangjiang-2022-returns.xlsx');
const SHEET = '任务分工';
const AS_OF = '2022-09-15';
/** 2022-09-30 is the 11th working day after 2022-09-15: the sample's due-soon measure needs this window. */
const SOON_DAYS = 11;
const RESULTS = path.join(ROOT, 'test-results');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const mix = JSON.parse(fs.readFileSync(path.join(ROOT, 'samples', 'data', 'liangjiang-2022-returns.json'), 'utf8')) as {
  intendedMix: Record<string, { measures: number[] | string }>;
};

let server: { url: string; close(): Promise<void> };
let browser: Browser;
let context: BrowserContext;
let page: Page;
const leftLocalhost: string[] = [];
const pageErrors: string[] = [];

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(RESULTS, `${name}.png`) });
}

const pane = () => page.getByTestId('pane');

async function openPaneTab(name: string): Promise<void> {
  await pane().getByRole('tab', { name, exact: true }).click();
}

/** Every drawn cell of the grid's current sheet: address → [fill, font]. */
async function gridColours(): Promise<Record<string, [string, string]>> {
  return page.$$eval('[data-testid="grid"] td[data-cell]', (cells) =>
    Object.fromEntries(cells.map((c) => [c.getAttribute('data-cell')!, [c.getAttribute('data-fill') ?? '', c.getAttribute('data-font') ?? '']])),
  );
}

/** A fresh preview at the given API level, coloured as of AS_OF: the grid's colours afterwards. */
async function gridColoursAfterHighlight(api: string): Promise<Record<string, [string, string]>> {
  await page.goto(`${server.url}preview.html?today=${AS_OF}&api=${api}`);
  await pane().getByTestId('sheet-summary').waitFor();
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

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'preview.html'))) {
    throw new Error('dist/preview.html is missing: run "npm run test:e2e" (it builds first) or "npx webpack --mode production"');
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium fonts-noto-cjk`);
  fs.mkdirSync(RESULTS, { recursive: true });
  server = await startPreviewServer({ port: 0 });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  context = await browser.newContext({ viewport: { width: 1360, height: 860 }, locale: 'zh-CN' });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === 'localhost' || url.hostname === '127.0.0.1') return route.continue();
    leftLocalhost.push(url.href);
    return route.abort('blockedbyclient');
  });
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) pageErrors.push(message.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the preview, as a clerk uses it', () => {
  let expectedHighlight: HighlightResult;
  let expectedSummary: SummaryResult;
  let originalColours: Record<string, [string, string]>;

  beforeAll(async () => {
    expectedHighlight = await runHighlight(await XlsxHost.open(SAMPLE), { sheet: SHEET, asOf: AS_OF, soonDays: SOON_DAYS });
    expectedSummary = await runSummary(await XlsxHost.open(SAMPLE), { sheet: SHEET, asOf: AS_OF, generatedAt: '2022-09-15 09:00' });
    await page.goto(`${server.url}preview.html?today=${AS_OF}`);
    await pane().getByTestId('sheet-summary').waitFor();
    originalColours = await gridColours();
  });

  test('loads the returns sample with its 54 measures, in Chinese', async () => {
    const summary = await pane().getByTestId('sheet-summary').innerText();
    expect(summary).toContain(format(zhCN['sheet.detected'], { header: 2, first: 3, last: 56, tasks: 54 }));
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
    expect(await noticeText()).toContain(format(zhCN['highlight.applied'], { asOf: chineseDate(AS_OF), rows: 54 }));

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
    await pane().getByTestId('summary-as-of').fill(AS_OF);
    await pane().getByRole('button', { name: zhCN['summary.run'] }).click();
    expect(await noticeText()).toContain(format(zhCN['summary.done'], { sheet: expectedSummary.sheetName }));
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
    expect(await noticeText()).toContain(zhCN['highlight.cleared']);
    expect(await gridColours()).toEqual(originalColours);
    await shot('e2e-06-cleared');
  });

  test('回收: 下发 offers one workbook per unit, and a returned copy is collected back', async () => {
    const split = await runSplit(await XlsxHost.open(SAMPLE), { sheet: SHEET, generatedAt: '2022-09-15 09:00' });
    await openPaneTab('回收');
    await pane().getByRole('button', { name: zhCN['returns.split'], exact: true }).click();
    const links = pane().getByTestId('split-files').getByRole('link');
    await links.first().waitFor();
    expect(await links.count()).toBe(split.workbooks.length);
    expect(await links.first().getAttribute('download')).toBe(split.workbooks[0].fileName);

    // A unit sends its copy back; the clerk picks it and collects.
    const returned = path.join(RESULTS, split.workbooks[0].fileName);
    await XlsxHost.fromWorkbook(writeSpecsToWorkbook(split.workbooks[0].specs)).save(returned);
    await pane().getByTestId('returned-files').setInputFiles(returned);
    await pane().getByTestId('collect-as-of').fill(AS_OF);
    await pane().getByRole('button', { name: zhCN['returns.collect'], exact: true }).click();
    const result = pane().getByTestId('collect-result');
    await result.waitFor();
    expect(await result.innerText()).toContain(`${split.workbooks[0].fileName}：${split.workbooks[0].unit}，采用`);
    await noticeText();
    await shot('e2e-07-returns');
  });

  test('switches to English', async () => {
    await page.getByTestId('language').selectOption('en-US');
    await pane().getByRole('tab', { name: 'Check', exact: true }).waitFor();
    expect(await pane().getByTestId('sheet-summary').innerText()).toContain('54 tasks');
    await shot('e2e-08-english');
  });

  test('"open .xlsx" loads another workbook; a file that is not one gets a message, not a crash', async () => {
    await page.goto(`${server.url}preview.html?today=${AS_OF}`);
    await pane().getByTestId('sheet-summary').waitFor();
    const notWorkbook = path.join(RESULTS, '不是工作簿.xlsx');
    fs.writeFileSync(notWorkbook, '序号,工作任务\n1,测试\n');
    await page.getByTestId('open-file').setInputFiles(notWorkbook);
    expect(await page.getByRole('alert').first().innerText()).toContain('无法打开“不是工作簿.xlsx”');
    await page.getByTestId('open-file').setInputFiles(path.join(ROOT, 'samples', 'liangjiang-2022.xlsx'));
    await page.getByRole('alert').waitFor({ state: 'detached' });
    await pane().getByTestId('sheet-summary').waitFor();
    expect(await pane().getByTestId('sheet-summary').innerText()).toContain('共 54 项');
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

  test('no request left localhost and nothing failed in the page', () => {
    expect(leftLocalhost).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
