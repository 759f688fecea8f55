/**
 * @jest-environment jsdom
 *
 * The pane against a fake host and fake workflows: what the clerk sees after start-up, that findings select
 * their cell, that an operation cannot run twice at once, and that every failure is a sentence, not a stack.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { UserFacingError } from '../../src/domain/errors';
import type { Finding, Lang, SheetAnalysis } from '../../src/domain/types';
import { emptyState, parseState } from '../../src/domain/workbook-state';
import { readStatusChoices, statusChoicesFor } from '../../src/domain/status-choices';
import type { WorkbookChange, WorkbookHost, WorkbookSnapshot } from '../../src/ports/workbook-host';
import { TaskPane } from '../../src/taskpane/App';
import type { PaneEnvironment } from '../../src/taskpane/environment';
import type { PaneCheckResult, PaneHighlightResult, PaneWorkflows } from '../../src/taskpane/workflows';

const SHEET = '任务分工';

// jsdom has no layout, so no ResizeObserver; Fluent's MessageBar measures itself with one.
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoLayoutResizeObserver;

const findings: Finding[] = [
  { severity: 'error', code: 'deadline.invalid', cell: 'D7', row: 7, message: { zh: 'D7：完成时限“2月30日”不存在', en: 'D7: no such date' }, suggestion: null },
  { severity: 'warning', code: 'unit.unknown', cell: 'F4', row: 4, message: { zh: '单位“经信委”不在名录中', en: 'Unit not in the directory' }, suggestion: '经济信息委' },
  { severity: 'info', code: 'numbering.gap', cell: null, row: null, message: { zh: '序号从 3 跳到 5', en: 'Numbering jumps from 3 to 5' }, suggestion: null },
];

const snapshot: WorkbookSnapshot = {
  sheets: [
    { name: SHEET, visibility: 'visible' },
    { name: '说明', visibility: 'visible' },
  ],
  activeSheet: SHEET,
  grid: { sheet: SHEET, originRow: 0, originCol: 0, values: [['序号', '工作措施', '完成时限']], merges: [], mergesKnown: true },
  stateText: null,
};

const analysis = {
  sheet: SHEET,
  title: '2022年政务公开重点工作任务分工',
  planYear: 2022,
  layout: {
    headerRow: 2,
    firstDataRow: 3,
    lastDataRow: 56,
    columns: { section: 0, subsection: 1, measure: 2, deadline: 3, lead: 4, responsible: 5, status: 6, number: null },
    lastColumn: 6,
    title: null,
    titleYear: 2022,
  },
  // 54 tasks; the pane reads only their number and their 完成情况 (none written yet).
  tasks: Array.from({ length: 54 }, () => ({ status: null })),
  findings,
} as unknown as SheetAnalysis;

const checkResult: PaneCheckResult = { snapshot, analysis, state: emptyState(), directorySheet: null, directorySource: 'sheet', stateDamaged: false };

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function setup(lang: Lang = 'zh-CN', overrides: Partial<PaneWorkflows> = {}, hostOverrides: Partial<WorkbookHost> = {}) {
  const host: WorkbookHost = {
    capabilities: { host: 'excel', apiVersion: '1.1', readsMerges: false, charts: true, headerFooter: false },
    read: jest.fn(async () => snapshot),
    readStyles: jest.fn(async () => []),
    apply: jest.fn(async () => undefined),
    select: jest.fn(async () => undefined),
    ...hostOverrides,
  };
  const workflows: PaneWorkflows = {
    check: jest.fn(async () => checkResult),
    highlight: jest.fn(),
    clear: jest.fn(async () => ({ hadRecord: true, restoredCells: 0 })),
    summary: jest.fn(),
    report: jest.fn(),
    createDirectory: jest.fn(),
    directoryReview: jest.fn(() => []),
    split: jest.fn(),
    collect: jest.fn(),
    importNotice: jest.fn(),
    carryOver: jest.fn(),
    readStatusChoices,
    offeredStatusChoices: (check, saved) => statusChoicesFor(check.analysis, saved),
    ...overrides,
  };
  const env: PaneEnvironment = { host, lang, dark: false, today: () => '2022-09-15', loadWorkflows: async () => workflows };
  render(<TaskPane env={env} />);
  return { host, workflows };
}

/** Opens a tab, from the … list when it did not fit on the row (jsdom has no layout, so most do not). */
async function openTab(name: string) {
  const tab = screen.queryByRole('tab', { name });
  if (tab) {
    fireEvent.click(tab);
    return;
  }
  const more = screen.getByTestId('more-tabs') as HTMLSelectElement;
  const option = within(more).getByRole('option', { name });
  fireEvent.change(more, { target: { value: (option as HTMLOptionElement).value } });
  await screen.findByRole('tab', { name, selected: true });
}

async function started() {
  await screen.findByTestId('check-result');
}

describe('the task pane', () => {
  test('starts on the active sheet, shows what was found and the findings grouped by severity', async () => {
    const { workflows } = setup();
    await started();
    expect(workflows.check).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ sheet: SHEET }));
    expect(screen.getByTestId('sheet-summary').textContent).toContain('表头在第 2 行，任务在第 3–56 行，共 54 项。');
    const result = screen.getByTestId('check-result');
    expect(result.textContent).toContain('共 54 项任务：1 个错误，1 个警告，1 条提示。');
    expect(within(result).getByText('错误（1）')).toBeTruthy();
    expect(within(result).getByText('警告（1）')).toBeTruthy();
    expect(within(result).getByText('提示（1）')).toBeTruthy();
  });

  test('clicking a finding selects its cell in the sheet', async () => {
    const { host } = setup();
    await started();
    // The first group (errors) is open; its message already names the cell, so it is shown as is.
    fireEvent.click(screen.getByRole('button', { name: /完成时限“2月30日”不存在/ }));
    await waitFor(() => expect(host.select).toHaveBeenCalledWith(SHEET, 'D7'));
  });

  test('an operation cannot be started twice, and progress is shown while it runs', async () => {
    const pending = deferred<PaneHighlightResult>();
    const highlight = jest.fn(() => pending.promise);
    setup('zh-CN', { highlight });
    await started();
    await openTab('标色');
    const apply = screen.getByRole('button', { name: '按进度标色' });
    fireEvent.click(apply);
    fireEvent.click(apply);
    // Operations wait their turn behind any workbook write in progress, so the call comes a tick later.
    await waitFor(() => expect(highlight).toHaveBeenCalled());
    expect(highlight).toHaveBeenCalledTimes(1);
    expect(highlight).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ sheet: SHEET, asOf: '2022-09-15', soonDays: 10 }));
    await waitFor(() => expect((apply as HTMLButtonElement).disabled).toBe(true));
    expect(screen.getByRole('status').textContent).toContain('正在处理');
    const counts = { done: 13, done_late: 2, on_track: 2, behind: 2, due_soon: 1, overdue: 3, ongoing: 31, unknown: 0 };
    await act(async () => pending.resolve({ counts, warnings: [] }));
    expect((await screen.findByTestId('notice')).textContent).toContain('已按 2022年9月15日 的进度为 54 项任务标色。');
    expect((apply as HTMLButtonElement).disabled).toBe(false);
    // The legend names each state and now says how many tasks are in it.
    expect(screen.getByTestId('legend').textContent).toContain('逾期');
    expect(screen.getByTestId('legend').textContent).toContain('（3 项）');
  });

  test('says which directory the check used, and makes the 单位名录 only after the clerk reviews near-duplicates', async () => {
    const directoryReview = jest.fn(() => [
      { name: '经济运行局', tasks: 5, kind: 'unit' as const, variants: [{ name: '经济运行处', tasks: 1 }, { name: '经济运营局', tasks: 1 }], stray: false },
      { name: '财政局', tasks: 2, kind: 'unit' as const, variants: [], stray: false },
      { name: '2022年底前', tasks: 1, kind: 'unit' as const, variants: [], stray: true },
    ]);
    const createDirectory = jest.fn(async () => ({ sheetName: '单位名录', units: 3, groups: 0, aliases: 0 }));
    setup('zh-CN', { directoryReview, createDirectory });
    await started();
    expect(screen.getByTestId('check-directory').textContent).toBe('当前使用的单位名录：表中出现的单位（本工作簿没有“单位名录”表）。');
    fireEvent.click(screen.getByRole('tab', { name: '单位名录' }));
    const variants = screen.getByTestId('directory-variants');
    expect(variants.textContent).toContain('“经济运行处”（1 项）→“经济运行局”（5 项）');
    // The clerk keeps 经济运营局 apart, and keeps nothing stray.
    fireEvent.click(within(variants).getByLabelText(/经济运营局/));
    expect(screen.getByTestId('directory-strays').textContent).toContain('保留“2022年底前”（1 项）');
    fireEvent.click(screen.getByTestId('directory-create'));
    expect((await screen.findByTestId('notice')).textContent).toContain('已创建“单位名录”工作表（3 个单位）');
    expect(createDirectory).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ merged: ['经济运行处'], leftOut: ['2022年底前'], lang: 'zh-CN' }),
    );
  });

  test('a UserFacingError is shown as its zh-CN sentence', async () => {
    const highlight = jest.fn(async () => {
      throw new UserFacingError('layout.no_header', { zh: '没有找到表头，请确认所选工作表是任务分工表。', en: 'No header found.' });
    });
    setup('zh-CN', { highlight });
    await started();
    await openTab('标色');
    fireEvent.click(screen.getByRole('button', { name: '按进度标色' }));
    expect((await screen.findByTestId('notice')).textContent).toContain('没有找到表头，请确认所选工作表是任务分工表。');
  });

  test('any other failure becomes a sentence with its code, never the raw exception text', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const clear = jest.fn(async () => {
      throw Object.assign(new Error('Cannot read properties of undefined (reading x)'), { code: 'GeneralException' });
    });
    setup('zh-CN', { clear });
    await started();
    await openTab('标色');
    fireEvent.click(screen.getByRole('button', { name: '清除标色' }));
    const notice = await screen.findByTestId('notice');
    expect(notice.textContent).toContain('操作没有完成（GeneralException）');
    expect(notice.textContent).not.toContain('Cannot read properties');
    spy.mockRestore();
  });

  test('汇总 shows the state counts in words and the report paragraph, and copies it', async () => {
    const counts = { done: 13, done_late: 2, on_track: 3, behind: 2, due_soon: 0, overdue: 3, ongoing: 31, unknown: 0 };
    const paragraph = '全年共部署54项重点任务，已完成15项，完成率27.8%。';
    const remindText = '截至2022年9月15日……逾期未完成3项。\n\n请经济运行局于2022年9月20日前报送第11、51项任务进展情况。';
    const summary = jest.fn(async () => ({ sheetName: '落实情况汇总', counts, total: 54, paragraph, remindText, warnings: [] }));
    const { workflows } = setup('zh-CN', { summary });
    await started();
    await openTab('汇总');
    fireEvent.click(screen.getByRole('button', { name: '生成或更新汇总表' }));
    expect((await screen.findByTestId('notice')).textContent).toContain('已生成“落实情况汇总”工作表。');
    expect(summary).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ sheet: SHEET, asOf: '2022-09-15', lang: 'zh-CN' }));
    const chart = screen.getByTestId('state-chart').textContent!;
    expect(chart).toContain('共 54 项任务');
    expect(chart).toContain('逾期3');
    expect(chart).not.toContain('临期'); // states with no task are left out
    expect((screen.getByTestId('report-paragraph') as HTMLTextAreaElement).value).toBe(paragraph);
    // The new sheet joins the sheet list: the pane reads the workbook again.
    expect(workflows.check).toHaveBeenCalledTimes(2);

    const writeText = jest.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    fireEvent.click(screen.getByRole('button', { name: '复制段落' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(paragraph));
    expect((await screen.findByTestId('notice')).textContent).toContain('已复制到剪贴板。');
    // The 催办 texts are copied with their own button.
    fireEvent.click(screen.getByRole('button', { name: '复制催办通知' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(remindText));
    expect((await screen.findByTestId('notice')).textContent).toContain('已复制通报段落和各单位的催办通知');
  });

  test('copying falls back to execCommand where the Clipboard API is refused, and leaves the text selected when that fails too', async () => {
    const counts = { done: 13, done_late: 2, on_track: 3, behind: 2, due_soon: 0, overdue: 3, ongoing: 31, unknown: 0 };
    const paragraph = '全年共部署54项重点任务，已完成15项，完成率27.8%。';
    const remindText = '请经济运行局于2022年9月20日前报送第11、51项任务进展情况。';
    const summary = jest.fn(async () => ({ sheetName: '落实情况汇总', counts, total: 54, paragraph, remindText, warnings: [] }));
    setup('zh-CN', { summary });
    await started();
    await openTab('汇总');
    fireEvent.click(screen.getByRole('button', { name: '生成或更新汇总表' }));
    await screen.findByTestId('report-paragraph');

    // The host's permissions policy refuses the Clipboard API; execCommand copies the selected paragraph.
    const writeText = jest.fn(async () => {
      throw new DOMException('Write permission denied.', 'NotAllowedError');
    });
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const selected: string[] = [];
    const execCommand = jest.fn((command: string) => {
      const active = document.activeElement as HTMLTextAreaElement;
      selected.push(active.value.slice(active.selectionStart, active.selectionEnd));
      return command === 'copy';
    });
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    fireEvent.click(screen.getByRole('button', { name: '复制段落' }));
    await waitFor(() => expect(execCommand).toHaveBeenCalledWith('copy'));
    expect(selected).toEqual([paragraph]);
    expect((await screen.findByTestId('notice')).textContent).toContain('已复制到剪贴板。');

    // Both refused: the paragraph stays selected for Ctrl+C and the clerk is told so.
    execCommand.mockImplementation(() => false);
    fireEvent.click(screen.getByRole('button', { name: '复制段落' }));
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toContain('无法自动复制'));
    const box = screen.getByTestId('report-paragraph') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(box);
    expect(box.value.slice(box.selectionStart, box.selectionEnd)).toBe(paragraph);

    // The 催办 text is not on screen: after both fail it is shown, selected.
    fireEvent.click(screen.getByRole('button', { name: '复制催办通知' }));
    const remind = (await screen.findByTestId('remind-text')) as HTMLTextAreaElement;
    await waitFor(() => expect(remind.value.slice(remind.selectionStart, remind.selectionEnd)).toBe(remindText));
    Object.defineProperty(document, 'execCommand', { value: undefined, configurable: true });
  });

  test('标色并汇总 colours and summarises in one action and shows the same result', async () => {
    const counts = { done: 13, done_late: 2, on_track: 3, behind: 2, due_soon: 0, overdue: 3, ongoing: 31, unknown: 0 };
    const report = jest.fn(async () => ({ sheetName: '落实情况汇总', counts, total: 54, paragraph: '全年共部署54项重点任务。', remindText: '', warnings: [] }));
    const { workflows } = setup('zh-CN', { report });
    await started();
    await openTab('汇总');
    fireEvent.click(screen.getByRole('button', { name: '标色并汇总' }));
    expect((await screen.findByTestId('notice')).textContent).toContain('已生成“落实情况汇总”工作表。');
    expect(report).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ sheet: SHEET, asOf: '2022-09-15' }));
    expect(workflows.summary).not.toHaveBeenCalled();
    expect(screen.getByTestId('state-chart').textContent).toContain('逾期3');
  });

  test('one 判断日期 and 临期 window for every tab: kept across tab switches and remembered in the workbook', async () => {
    const counts = { done: 13, done_late: 2, on_track: 3, behind: 2, due_soon: 1, overdue: 3, ongoing: 30, unknown: 0 };
    const highlight = jest.fn(async () => ({ counts, warnings: [] }));
    const summary = jest.fn(async () => ({ sheetName: '落实情况汇总', counts, total: 54, paragraph: '……', remindText: '', warnings: [] }));
    const { host } = setup('zh-CN', { highlight, summary });
    await started();
    const asOf = screen.getByTestId('as-of');
    fireEvent.change(asOf, { target: { value: '2022/9/1' } });
    fireEvent.blur(asOf);
    const days = screen.getByTestId('soon-days');
    fireEvent.change(days, { target: { value: '11' } });
    fireEvent.blur(days);
    await waitFor(() => expect(host.apply).toHaveBeenCalled());
    const saved = JSON.parse((host.apply as jest.Mock).mock.calls.at(-1)[0][0].text);
    expect(saved.settings).toEqual(expect.objectContaining({ asOf: '2022-09-01', soonDays: 11 }));

    await openTab('标色');
    fireEvent.click(screen.getByRole('button', { name: '按进度标色' }));
    await screen.findByTestId('notice');
    expect(highlight).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ asOf: '2022-09-01', soonDays: 11 }));
    await openTab('汇总');
    expect((screen.getByTestId('as-of') as HTMLInputElement).value).toBe('2022/9/1');
    fireEvent.click(screen.getByRole('button', { name: '生成或更新汇总表' }));
    await waitFor(() => expect(summary).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ asOf: '2022-09-01', soonDays: 11 })));
  });

  test('清除标色 on a sheet the product never coloured says so', async () => {
    const clear = jest.fn(async () => ({ hadRecord: false, restoredCells: 0 }));
    setup('zh-CN', { clear });
    await started();
    await openTab('标色');
    fireEvent.click(screen.getByRole('button', { name: '清除标色' }));
    expect((await screen.findByTestId('notice')).textContent).toContain('“任务分工”没有助手标过的颜色，无需清除。');
  });

  test('a result stays with the tab whose action gave it; an error stays on every tab until dismissed', async () => {
    const clear = jest.fn(async () => ({ hadRecord: false, restoredCells: 0 }));
    const highlight = jest.fn(async () => {
      throw new UserFacingError('layout.no_header', { zh: '没有找到表头，请确认所选工作表是任务分工表。', en: 'No header found.' });
    });
    setup('zh-CN', { clear, highlight });
    await started();
    await openTab('标色');
    fireEvent.click(screen.getByRole('button', { name: '清除标色' }));
    expect((await screen.findByTestId('notice')).textContent).toContain('无需清除');
    await openTab('汇总');
    expect(screen.queryByTestId('notice')).toBeNull();
    await openTab('标色');
    expect(screen.getByTestId('notice').textContent).toContain('无需清除');
    fireEvent.click(screen.getByRole('button', { name: '按进度标色' }));
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toContain('没有找到表头'));
    await openTab('汇总');
    expect(screen.getByTestId('notice').textContent).toContain('没有找到表头');
  });

  describe('the right sheet', () => {
    const SECOND = '任务分工（续）';
    const threeSheets: WorkbookSnapshot = {
      ...snapshot,
      sheets: [{ name: '说明', visibility: 'visible' }, ...snapshot.sheets.slice(0, 1), { name: SECOND, visibility: 'visible' }],
      activeSheet: '说明',
    };
    const noHeader = () => new UserFacingError('layout.no_header', { zh: '工作表“说明”的前 20 行中没有找到任务分工表的表头。……（十几行）', en: 'No header.' });
    /** A check that finds a table on every sheet but 说明; without a sheet it reads `active()`. */
    const checkOn = (active: () => string) =>
      jest.fn(async (_host: WorkbookHost, options: { sheet?: string }) => {
        const name = options.sheet ?? active();
        if (name === '说明') throw noHeader();
        return { ...checkResult, snapshot: threeSheets, analysis: { ...analysis, sheet: name } };
      });
    const chosen = () => (screen.getByRole('combobox', { name: '任务分工表所在的工作表', hidden: true }) as HTMLSelectElement).value;

    test('opened on a sheet without a task table, the pane reads the one that has it and says so', async () => {
      setup('zh-CN', { check: checkOn(() => '说明') }, { read: jest.fn(async () => threeSheets) });
      await started();
      expect(chosen()).toBe(SHEET);
      expect(screen.getByTestId('notice').textContent).toContain('当前工作表“说明”不是任务分工表，已改为读取“任务分工”。');
    });

    test('follows the sheet the clerk activates in Excel, and stays put when it holds no table', async () => {
      let activated: (name: string) => void = () => undefined;
      const watchActiveSheet = jest.fn(async (listener: (name: string) => void) => {
        activated = listener;
        return async () => undefined;
      });
      setup('zh-CN', { check: checkOn(() => SHEET) }, { read: jest.fn(async () => ({ ...threeSheets, activeSheet: SHEET })), watchActiveSheet });
      await started();
      await waitFor(() => expect(watchActiveSheet).toHaveBeenCalled());
      act(() => activated(SECOND));
      await waitFor(() => expect(chosen()).toBe(SECOND));
      act(() => activated('说明'));
      expect((await screen.findByTestId('notice')).textContent).toContain('“说明”不是任务分工表，助手仍在处理“任务分工（续）”。');
      expect(chosen()).toBe(SECOND);
    });

    test('without activation events, 重新读取 takes the sheet active in Excel; a sheet without a table gets a short error saying how to choose', async () => {
      let active = SHEET;
      const check = checkOn(() => active);
      setup('zh-CN', { check }, { read: jest.fn(async () => ({ ...threeSheets, activeSheet: SHEET })) });
      await started();
      active = SECOND;
      fireEvent.click(screen.getByRole('button', { name: '重新读取' }));
      await waitFor(() => expect(chosen()).toBe(SECOND));
      fireEvent.change(screen.getByRole('combobox', { name: '任务分工表所在的工作表', hidden: true }), { target: { value: '说明' } });
      const notice = (await screen.findByTestId('notice')).textContent!;
      expect(notice).toContain('“说明”中没有找到任务分工表');
      expect(notice).toContain('请在上方“任务分工表所在的工作表”中另选一张');
      expect(notice).not.toContain('十几行');
    });
  });

  test('设置 saves the plan year and colours into the workbook state and reads the sheet again with them', async () => {
    const { host, workflows } = setup();
    await started();
    await openTab('设置');
    fireEvent.change(screen.getByLabelText('计划年度'), { target: { value: '2023' } });
    fireEvent.click(screen.getByRole('button', { name: '保存设置' }));
    expect((await screen.findByTestId('notice')).textContent).toContain('设置已保存在本工作簿中');
    const changes = (host.apply as jest.Mock).mock.calls[0][0];
    expect(changes).toHaveLength(1);
    expect(changes[0].kind).toBe('state');
    const saved = JSON.parse(changes[0].text);
    expect(saved.settings.planYear).toBe(2023);
    expect(saved.settings.colours.overdue).toEqual({ fill: '#FFC7CE', font: '#9C0006' });
    expect(workflows.check).toHaveBeenLastCalledWith(expect.anything(), expect.objectContaining({ sheet: SHEET, planYear: 2023 }));
  });

  test('设置 refuses a plan year that is not a year', async () => {
    const { host } = setup();
    await started();
    await openTab('设置');
    fireEvent.change(screen.getByLabelText('计划年度'), { target: { value: '22' } });
    expect(screen.getByText('计划年度请填 2000 到 2100 之间的四位年份，例如 2022。')).toBeTruthy();
    expect((screen.getByRole('button', { name: '保存设置' }) as HTMLButtonElement).disabled).toBe(true);
    expect(host.apply).not.toHaveBeenCalled();
  });

  test('设置 saves the 下发 copies\' status choices; a word collect could not judge is refused beside the field', async () => {
    // A workbook that keeps what is saved in it, so the re-read after saving sees the new settings.
    let stateText: string | null = null;
    const { host } = setup(
      'zh-CN',
      { check: jest.fn(async () => ({ ...checkResult, state: parseState(stateText).state })) },
      {
        read: jest.fn(async () => ({ ...snapshot, stateText })),
        apply: jest.fn(async (changes: WorkbookChange[]) => {
          for (const c of changes) if (c.kind === 'state') stateText = c.text;
        }),
      },
    );
    await started();
    await openTab('设置');
    const field = screen.getByLabelText('完成情况选项（下发表下拉列表）');
    fireEvent.change(field, { target: { value: '已整改、待定' } });
    const error = screen.getByText(/“待定”看不出是完成、推进、滞后还是未启动/);
    // The message is the field's own (Fluent ties it to the input), not a notice at the top.
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain(error.closest('[id]')!.id);
    expect((screen.getByRole('button', { name: '保存设置' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(field, { target: { value: '已整改，部分整改' } });
    fireEvent.click(screen.getByRole('button', { name: '保存设置' }));
    await screen.findByTestId('notice');
    const saved = JSON.parse((host.apply as jest.Mock).mock.calls.at(-1)[0][0].text);
    expect(saved.settings.statusChoices).toEqual(['已整改', '部分整改']);
    // 下发 says what the copies' dropdown will offer.
    await openTab('下发回收');
    expect(screen.getByTestId('status-choices-line').textContent).toContain('已完成、序时推进、进度滞后、未启动、已整改、部分整改');
  });

  test('in English when Office runs in English', async () => {
    setup('en-US');
    await started();
    expect(screen.getByRole('tablist', { name: 'Features' }).textContent).toContain('Check');
    expect(screen.getByTestId('check-result').textContent).toContain('54 tasks. Errors: 1, warnings: 1, notes: 1.');
  });
});
