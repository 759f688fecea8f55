/**
 * End to end, WPS: in Chromium, (1) the built preview with ?host=wps — the real pane over WpsHost and the imitation
 * of WPS 表格's object model — colours the sample as of 2022-09-15 exactly as over the Excel simulator, and clear
 * puts every colour back; (2) the built WPS 加载项 page (dist/wps, `npm run build:wps`), with the imitation standing
 * in for WPS, starts the pane over ET by itself and colours the workbook. Nothing leaves localhost, no page error,
 * no CSP violation. Build first: `npx webpack --mode production && npm run build:wps`.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { zhCN } from '../../src/taskpane/i18n/zh-CN';
import { gridColours as drawnColours, openPaneTab as openTab, openPreview, type Preview, type PreviewServer } from '../support/preview-browser';

const ROOT = path.join(__dirname, '..', '..');
const AS_OF = '2022-09-15';

let server: PreviewServer;
let page: Page;
const leftLocalhost: string[] = [];
const pageErrors: string[] = [];

const pane = () => page.getByTestId('pane');

const gridColours = () => drawnColours(page);

/** The preview loaded with the given query; the grid's colours before and after 标色. */
async function highlightIn(query: string): Promise<{ before: Record<string, [string, string]>; after: Record<string, [string, string]> }> {
  await page.goto(`${server.url}preview.html?today=${AS_OF}${query}`);
  await pane().getByTestId('sheet-line').waitFor();
  const before = await gridColours();
  await openTab(pane(), '标色');
  await pane().getByRole('button', { name: zhCN['highlight.apply'], exact: true }).click();
  await pane().getByTestId('notice').waitFor();
  return { before, after: await gridColours() };
}

let preview: Preview | undefined;

beforeAll(async () => {
  preview = await openPreview({ width: 1360, height: 860 }, pageErrors, leftLocalhost);
  ({ server, page } = preview);
});

afterAll(async () => {
  await preview?.close();
});

describe('the preview in WPS mode', () => {
  it('loads the pane over the ET imitation, colours as over the Excel simulator, and clear restores', async () => {
    const viaExcel = await highlightIn('');
    const viaWps = await highlightIn('&host=wps');
    await page.getByTestId('wps-mode').waitFor();
    expect(viaWps.before).toEqual(viaExcel.before);
    expect(viaWps.after).toEqual(viaExcel.after);
    expect(viaWps.after).not.toEqual(viaWps.before);

    await pane().getByRole('button', { name: zhCN['highlight.clear'], exact: true }).click();
    await pane().getByTestId('notice').filter({ hasText: zhCN['highlight.cleared'].split('，')[0] }).waitFor();
    expect(await gridColours()).toEqual(viaWps.before);
    expect(leftLocalhost).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

describe('the built WPS add-in page', () => {
  it('finds ET and no Office, starts the pane over it, and colours the workbook', async () => {
    const addin = path.join(ROOT, 'dist', 'wps', 'taskallocation', 'taskpane.html');
    if (!fs.existsSync(addin)) throw new Error('dist/wps is missing: run "npm run build:wps" after "npx webpack --mode production"');
    const imitation = fs.readdirSync(path.join(ROOT, 'dist')).find((f) => /^wps-imitation\.[0-9a-f]+\.js$/.test(f));
    expect(imitation).toBeDefined();
    // The page as built, with the imitation put ahead of the pane's script (WPS itself needs no such thing).
    const html = fs.readFileSync(addin, 'utf8');
    const paneScript = /<script[^>]*src="?(taskpane\.[0-9a-f]+\.js)"?[^>]*><\/script>/.exec(html);
    expect(paneScript).not.toBeNull();
    const standIn = `<script src="/vendor/exceljs.min.js"></script><script src="/${imitation}" data-sample="/samples/liangjiang-2022-returns.xlsx" data-pane="${paneScript![1]}"></script>`;
    await page.route('**/wps/taskallocation/taskpane.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html.replace(paneScript![0], standIn) }));
    await page.goto(`${server.url}wps/taskallocation/taskpane.html`);
    // The add-in page is the pane alone, in the clerks' language (the browser's, zh-CN here).
    await page.getByTestId('sheet-line').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await openTab(page.locator('body'), '标色');
    await page.getByRole('button', { name: zhCN['highlight.apply'], exact: true }).click();
    await page.getByTestId('notice').waitFor();
    const state = await page.evaluate(() => {
      const sim = (window as unknown as { etSimulator: { workbook: { worksheets: { name: string; state: string }[] } } }).etSimulator;
      return sim.workbook.worksheets.map((w) => [w.name, w.state]);
    });
    expect(state).toContainEqual(['_allocation_state', 'veryHidden']);
    expect(leftLocalhost).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
