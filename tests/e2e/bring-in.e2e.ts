/**
 * End to end, 导入 in the preview at 330 × 540: the bundled notice (.docx) imported into a new sheet that the pane
 * then checks, and 回头看 from a generated 2021 ledger writing 上年未完成事项 — each read back from the drawn
 * workbook. Screenshots go to test-results/.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { XlsxHost } from '../../src/hosts/xlsx';
import { runCheck } from '../../src/workflows/check';
import { insidePane, openPaneTab as openTab, openPreview, paneAxeViolations, type Preview, type PreviewServer } from '../support/preview-browser';

const ROOT = path.join(__dirname, '..', '..');
const NOTICE = path.join(ROOT, 'samples', 'liangjiang-2022-notice.docx');
const SAMPLE = path.join(ROOT, 'samples', 'liangjiang-2022-returns.xlsx');
const RESULTS = path.join(ROOT, 'test-results');

let server: PreviewServer;
let page: Page;
let preview: Preview | undefined;
let ledger: string;
let carriedMeasure: string;
const pageErrors: string[] = [];

const pane = () => page.getByTestId('pane');

const openPaneTab = (name: string) => openTab(pane(), name);

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'preview.html'))) throw new Error('dist/preview.html is missing: run "npm run test:e2e"');
  fs.mkdirSync(RESULTS, { recursive: true });
  // Last year's ledger: two measures of the sample's table (one unfinished), one of its own, unfinished.
  const { analysis } = await runCheck(await XlsxHost.open(SAMPLE));
  carriedMeasure = analysis.tasks[0].measure;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2021年任务分工');
  ws.addRow(['2021年政务公开重点工作任务分工']);
  ws.addRow(['序号', '工作措施', '完成时限', '牵头单位', '责任单位', '完成情况']);
  ws.addRow([1, carriedMeasure, '6月30日前', '办公室', '各部门', '正在推进']);
  ws.addRow([2, analysis.tasks[1].measure, '6月30日前', '办公室', '各部门', '已完成']);
  ws.addRow([3, '完成2021年度政务公开培训。', '11月30日前', '办公室', '各部门', '尚未启动']);
  ws.mergeCells('A1:F1');
  ledger = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bring-in-')), '2021年台账.xlsx');
  await wb.xlsx.writeFile(ledger);

  preview = await openPreview({ width: 1366, height: 768 }, pageErrors);
  ({ server, page } = preview);
});

afterAll(async () => {
  await preview?.close();
  if (ledger) fs.rmSync(path.dirname(ledger), { recursive: true, force: true });
});

describe('导入 in the preview', () => {
  it('imports the notice into a new sheet, which the pane then checks', async () => {
    await page.goto(`${server.url}preview.html?today=2022-09-15&paneSize=330x540`);
    await pane().getByTestId('sheet-line').waitFor();
    await openPaneTab('导入');
    // Both of the tab's actions are in view at 330 × 540, before and after a notice stands above the tab.
    const actions = () => [pane().getByRole('button', { name: '导入任务分工表', exact: true }), pane().getByRole('button', { name: '列出上年未完成事项', exact: true })];
    for (const action of actions()) expect(await insidePane(pane(), action)).toMatchObject({ inside: true });
    // The file fields speak zh-CN, not the browser's language; the button takes the keyboard and opens the chooser.
    expect(await pane().getByTestId('notice-file-chosen').innerText()).toBe('未选择文件');
    expect(await pane().innerText()).not.toMatch(/Choose file|No file chosen|Browse|未选择任何文件/);
    const picker = pane().getByRole('button', { name: '选择通知文件（.docx） 选择文件…', exact: true });
    // The keyboard step waits for the pane to be idle (its start-up read done) and for the focus to be on the
    // button: under load a re-render after the read could take the focus, and Enter would then open nothing.
    await pane().locator('main[aria-busy="false"]').waitFor();
    await picker.focus();
    await page.waitForFunction((name) => document.activeElement?.textContent?.includes(name) ?? false, '选择文件…');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
    expect(chooser.isMultiple()).toBe(false);
    await chooser.setFiles(NOTICE);
    expect(await pane().getByTestId('notice-file-chosen').innerText()).toBe(path.basename(NOTICE));
    expect(await paneAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(RESULTS, 'bring-in-0-chosen.png') });
    await pane().getByRole('button', { name: '导入任务分工表', exact: true }).click();
    const notice = pane().getByTestId('notice');
    await notice.waitFor();
    await page.waitForFunction(() => /导入新工作表/.test(document.querySelector('[data-testid="notice"]')?.textContent ?? ''));
    const text = await notice.innerText();
    expect(text).toContain('行导入新工作表“任务分工(2)”，读到 54 项任务');
    // The new sheet is in the drawn workbook, and the pane works on it.
    const sheetTab = (name: string) => page.getByRole('tablist', { name: /工作表/ }).getByRole('tab', { name, exact: true });
    await expect(sheetTab('任务分工(2)').count()).resolves.toBe(1);
    expect(await pane().getByTestId('sheet-line').innerText()).toContain('任务分工(2)');
    for (const action of actions()) expect(await insidePane(pane(), action)).toMatchObject({ inside: true });
    await page.screenshot({ path: path.join(RESULTS, 'bring-in-1-imported.png') });
  });

  it('回头看 from last year’s ledger writes 上年未完成事项 and says 上年结转X项', async () => {
    await openPaneTab('导入');
    await pane().getByTestId('ledger-file').setInputFiles(ledger);
    expect(await pane().getByTestId('ledger-file-chosen').innerText()).toBe(path.basename(ledger));
    await pane().getByRole('button', { name: '列出上年未完成事项', exact: true }).click();
    await page.waitForFunction(() => /上年结转/.test(document.querySelector('[data-testid="notice"]')?.textContent ?? ''));
    const text = await pane().getByTestId('notice').innerText();
    expect(text).toContain('已写入“上年未完成事项”工作表，其中 1 项已列入本表。');
    expect(text).toContain('上年结转2项');
    expect(await insidePane(pane(), pane().getByRole('button', { name: '列出上年未完成事项', exact: true }))).toMatchObject({ inside: true });
    await page.getByRole('tablist', { name: /工作表/ }).getByRole('tab', { name: '上年未完成事项', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="grid"]')?.getAttribute('data-sheet') === '上年未完成事项');
    const cells = await page.$$eval('[data-testid="grid"] td[data-cell]', (tds) => tds.map((td) => td.textContent ?? ''));
    expect(cells).toContain('2021年未完成事项（回头看）');
    expect(cells).toContain(carriedMeasure);
    expect(cells).toContain('完成2021年度政务公开培训。');
    await page.screenshot({ path: path.join(RESULTS, 'bring-in-2-carried.png') });
    expect(pageErrors).toEqual([]);
  });
});
