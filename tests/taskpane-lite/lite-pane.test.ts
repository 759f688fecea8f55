/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * The lite pane (plain DOM, for Office 2016/2019 in IE11/EdgeHTML) driving the real ExcelHost over the Excel
 * simulator at ExcelApi 1.1 — the level of Office 2016 — on the returns sample: start-up check, a finding that
 * selects its cell, colour-coding as of 2022-09-15, clearing, the summary sheet with its paragraph, and
 * errors shown as sentences while every button is disabled during an operation. (Node export conditions: the
 * simulator's ExcelJS loads its Node build, as in the other simulator tests.)
 */
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_COLOURS } from '../../src/domain/colours';
import { parseState } from '../../src/domain/workbook-state';
import { ExcelHost } from '../../src/hosts/excel';
import type { WorkbookHost } from '../../src/ports/workbook-host';
import { ExcelSimulator } from '../../src/simulator';
import { mountLitePane } from '../../src/taskpane-lite/lite-pane';

const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'liangjiang-2022-returns.xlsx');

async function openSample(): Promise<{ simulator: ExcelSimulator; host: WorkbookHost; sheet: string }> {
  const simulator = await ExcelSimulator.fromBytes(fs.readFileSync(SAMPLE), { apiVersion: '1.1' });
  return { simulator, host: new ExcelHost(simulator.run, simulator.requirements), sheet: simulator.activeSheet };
}

const byTestId = (id: string): HTMLElement => {
  const found = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  if (!found) throw new Error(`no element with data-testid ${id}`);
  return found;
};

function buttonNamed(name: string): HTMLButtonElement {
  const found = Array.from(document.querySelectorAll('button')).find((b) => b.textContent === name);
  if (!found) throw new Error(`no button named ${name}`);
  return found;
}

/** Clicks and waits until the pane is idle again (its root drops aria-busy). */
async function clickAndSettle(target: HTMLElement): Promise<void> {
  target.click();
  for (let i = 0; i < 400 && document.querySelector('[aria-busy="true"]'); i++) await new Promise((r) => setTimeout(r, 10));
  expect(document.querySelector('[aria-busy="true"]')).toBeNull();
}

function fillOf(simulator: ExcelSimulator, sheet: string, address: string): string | undefined {
  const fill = simulator.workbook.getWorksheet(sheet)!.getCell(address).fill as { fgColor?: { argb?: string } } | undefined;
  return fill?.fgColor?.argb?.slice(-6).toUpperCase();
}

const hex = (colour: string) => colour.replace('#', '').toUpperCase();

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.appendChild(container);
});
afterEach(() => container.remove());

describe('lite pane on the returns sample at ExcelApi 1.1', () => {
  it('checks the active sheet at start-up, lists the finding by severity and selects its cell', async () => {
    const { simulator, host, sheet } = await openSample();
    await mountLitePane(container, { host, lang: 'zh-CN', today: () => '2022-09-15' }).ready;

    expect((byTestId('lite-sheet') as HTMLSelectElement).value).toBe(sheet);
    expect(container.textContent).toContain('共 54 项');
    const warnings = byTestId('lite-findings-warning');
    expect(container.textContent).toContain('警告（1）');
    const finding = warnings.querySelector<HTMLButtonElement>('button[data-cell="F4"]')!;
    expect(finding.getAttribute('data-finding')).toBe('responsible.missing');
    expect(finding.textContent).toContain('F4：责任单位为空');

    await clickAndSettle(finding);
    expect(simulator.selection).toEqual({ sheet, address: 'F4' });
  });

  it('colours the rows as of 2022-09-15 with a legend that names each state, then clears them', async () => {
    const { simulator, host, sheet } = await openSample();
    await mountLitePane(container, { host, lang: 'zh-CN', today: () => '2022-09-15' }).ready;
    expect((byTestId('lite-as-of') as HTMLInputElement).value).toBe('2022-09-15');
    const originalDone = fillOf(simulator, sheet, 'C4');

    await clickAndSettle(buttonNamed('按进度标色'));
    expect(byTestId('lite-message').textContent).toContain('已按 2022年9月15日 的进度为 54 项任务标色');
    // Measure 11 (row 13) is overdue, measure 2 (row 4) done, measure 7 (row 9) done late.
    expect(fillOf(simulator, sheet, 'C13')).toBe(hex(DEFAULT_COLOURS.overdue!.fill));
    expect(fillOf(simulator, sheet, 'C4')).toBe(hex(DEFAULT_COLOURS.done!.fill));
    expect(fillOf(simulator, sheet, 'C9')).toBe(hex(DEFAULT_COLOURS.done_late!.fill));
    const overdue = byTestId('lite-legend').querySelector('[data-state="overdue"]')!;
    expect(overdue.textContent).toMatch(/^逾期完成时限已过，尚未完成（3 项）$/);

    await clickAndSettle(buttonNamed('清除标色'));
    expect(byTestId('lite-message').textContent).toContain('已清除标色');
    expect(fillOf(simulator, sheet, 'C4')).toBe(originalDone);
  });

  it('creates the summary sheet and shows the paragraph with a copy button', async () => {
    const { simulator, host, sheet } = await openSample();
    await mountLitePane(container, { host, lang: 'zh-CN', today: () => '2022-09-15' }).ready;

    await clickAndSettle(buttonNamed('生成或更新汇总表'));
    expect(simulator.workbook.getWorksheet('落实情况汇总')).toBeDefined();
    expect(byTestId('lite-message').textContent).toContain('已生成“落实情况汇总”工作表');
    const paragraph = byTestId('lite-paragraph') as HTMLTextAreaElement;
    expect(paragraph.value).toMatch(/54项/);
    expect(paragraph.readOnly).toBe(true);
    // 转到汇总表 takes the clerk to the sheet just written; the help page is a link away, as in the full pane.
    await clickAndSettle(buttonNamed('转到汇总表'));
    expect(simulator.selection).toEqual({ sheet: '落实情况汇总', address: 'A1' });
    expect(byTestId('lite-help').getAttribute('href')).toBe('help.html');
    expect(byTestId('lite-help').textContent).toBe('使用帮助');
    // The picker offers the clerk's tables only, not the product's sheets (as the full pane).
    await clickAndSettle(buttonNamed('检查本表'));
    expect(simulator.workbook.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['落实情况汇总', '_allocation_state']));
    expect(Array.from((byTestId('lite-sheet') as HTMLSelectElement).options).map((o) => o.value)).toEqual([sheet]);

    // jsdom cannot copy: the clerk is told to press Ctrl+C, with the text selected.
    await clickAndSettle(buttonNamed('复制段落'));
    expect(byTestId('lite-message').textContent).toContain('Ctrl+C');
    expect(paragraph.selectionEnd - paragraph.selectionStart).toBe(paragraph.value.length);
  });

  it('refuses a malformed as-of date in words and changes nothing', async () => {
    const { simulator, host, sheet } = await openSample();
    await mountLitePane(container, { host, lang: 'zh-CN', today: () => '2022-09-15' }).ready;
    const before = fillOf(simulator, sheet, 'C13');
    (byTestId('lite-as-of') as HTMLInputElement).value = '2022/9/15x';
    await clickAndSettle(buttonNamed('按进度标色'));
    // The error sits under the field it is about, and the field says it is invalid.
    const input = byTestId('lite-as-of') as HTMLInputElement;
    const error = document.getElementById(`${input.id}-error`) as HTMLElement;
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('判断日期看不懂');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(error.id);
    expect(fillOf(simulator, sheet, 'C13')).toBe(before);

    // A date written the Chinese way is accepted, the error goes, and the notice says the date in words.
    input.value = '２０２２年９月１５日';
    await clickAndSettle(buttonNamed('按进度标色'));
    expect(document.getElementById(`${input.id}-error`)).toBeNull();
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(byTestId('lite-message').textContent).toContain('已按 2022年9月15日 的进度');
  });
});

describe('lite pane behaviour around operations', () => {
  it('disables every button while an operation runs and turns a host failure into a sentence', async () => {
    const { host } = await openSample();
    let failNext = false;
    let release: () => void = () => {};
    const read: WorkbookHost['read'] = async (options) => {
      if (failNext) {
        await new Promise<void>((resolve) => (release = resolve));
        throw Object.assign(new Error('socket closed'), { code: 'GeneralException' });
      }
      return host.read(options);
    };
    // The same host, except that a read can be held and then fail.
    const gated = new Proxy(host, {
      get: (target, name) => {
        if (name === 'read') return read;
        const value: unknown = Reflect.get(target, name, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    await mountLitePane(container, { host: gated, lang: 'zh-CN', today: () => '2022-09-15' }).ready;
    const errors = jest.spyOn(console, 'error').mockImplementation(() => {});
    try {
      failNext = true;
      buttonNamed('检查本表').click();
      await new Promise((r) => setTimeout(r, 0));
      expect(Array.from(container.querySelectorAll('button')).filter((b) => !b.disabled && b.className !== 'lite-dismiss')).toEqual([]);
      expect(container.textContent).toContain('正在处理');
      release();
      await clickAndSettle(container); // waits for idle
      const message = byTestId('lite-message');
      expect(message.textContent).toBe('错误：操作没有完成（GeneralException）。请重试；如果仍然失败，请把这段文字发给管理员。×');
      expect(message.textContent).not.toContain('socket closed');
      expect(buttonNamed('检查本表').disabled).toBe(false);
    } finally {
      errors.mockRestore();
    }
  });

  it('speaks English when Office does', async () => {
    const { host } = await openSample();
    await mountLitePane(container, { host, lang: 'en-US', today: () => '2022-09-15' }).ready;
    expect(buttonNamed('Colour by progress')).toBeDefined();
    expect(container.querySelector('main')!.getAttribute('lang')).toBe('en-US');
  });

  it('keeps one 判断日期 and 临期 window above the sections, remembered in the workbook like the full pane', async () => {
    const { host } = await openSample();
    await mountLitePane(container, { host, lang: 'zh-CN', today: () => '2022-09-15' }).ready;
    const group = byTestId('lite-judgement');
    expect(group.getAttribute('role')).toBe('group');
    const sections = byTestId('lite-sheet-section');
    // Above the first section: in document order, the group comes before it.
    expect(group.compareDocumentPosition(sections) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const asOf = byTestId('lite-as-of') as HTMLInputElement;
    const days = byTestId('lite-soon-days') as HTMLInputElement;
    expect(group.contains(asOf) && group.contains(days)).toBe(true);
    asOf.value = '2022/9/1';
    asOf.dispatchEvent(new Event('change'));
    days.value = '11';
    days.dispatchEvent(new Event('change'));
    await clickAndSettle(buttonNamed('按进度标色'));
    expect(byTestId('lite-message').textContent).toContain('已按 2022年9月1日 的进度');
    const { state } = parseState((await host.read()).stateText);
    expect([state.settings.asOf, state.settings.soonDays]).toEqual(['2022-09-01', 11]);

    // Opened again (either pane): the remembered judgement, not today's.
    container.innerHTML = '';
    await mountLitePane(container, { host, lang: 'zh-CN', today: () => '2022-09-15' }).ready;
    expect([(byTestId('lite-as-of') as HTMLInputElement).value, (byTestId('lite-soon-days') as HTMLInputElement).value]).toEqual(['2022-09-01', '11']);
  });
});
