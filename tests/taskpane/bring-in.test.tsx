/**
 * @jest-environment jsdom
 *
 * 导入 in the pane: a notice's table into a new sheet (the pane then works on it), and 回头看 from last year's
 * ledger — each a sentence in the pane, each refused with a sentence when the file is wrong.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { UserFacingError } from '../../src/domain/errors';
import type { SheetAnalysis } from '../../src/domain/types';
import { emptyState } from '../../src/domain/workbook-state';
import type { WorkbookHost, WorkbookSnapshot } from '../../src/ports/workbook-host';
import { TaskPane } from '../../src/taskpane/App';
import type { PaneCheckResult, PaneWorkflows } from '../../src/taskpane/workflows';

(window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

function checkOf(sheet: string, sheets: string[]): PaneCheckResult {
  const snapshot: WorkbookSnapshot = {
    sheets: sheets.map((name) => ({ name, visibility: 'visible' as const })),
    activeSheet: sheet,
    grid: { sheet, originRow: 0, originCol: 0, values: [['序号', '工作措施', '完成时限']], merges: [], mergesKnown: true },
    stateText: null,
  };
  const analysis = {
    sheet,
    title: null,
    planYear: 2023,
    layout: { headerRow: 1, firstDataRow: 2, lastDataRow: 3, columns: { section: null, subsection: null, measure: 1, deadline: 2, lead: 3, responsible: 4, status: null, number: 0 }, lastColumn: 4, title: null, titleYear: null },
    tasks: [null, null],
    findings: [],
  } as unknown as SheetAnalysis;
  return { snapshot, analysis, state: emptyState(), directorySheet: null, directorySource: 'sheet', stateDamaged: false };
}

function setup(overrides: Partial<PaneWorkflows>) {
  let sheets = ['Sheet1'];
  const host = {
    capabilities: { host: 'excel', apiVersion: '1.20', readsMerges: true, charts: true },
    read: jest.fn(async () => checkOf('Sheet1', sheets).snapshot),
    readStyles: jest.fn(async () => []),
    apply: jest.fn(async () => undefined),
    select: jest.fn(async () => undefined),
  } as unknown as WorkbookHost;
  const check = jest.fn(async (_h: WorkbookHost, o: { sheet: string }) => checkOf(o.sheet ?? 'Sheet1', sheets));
  const workflows = {
    check,
    importNotice: jest.fn(async () => {
      sheets = ['Sheet1', '任务分工'];
      return { sheet: '任务分工', title: '2023年政务公开重点工作任务分工', rows: 54, tasks: 54, errors: 0 };
    }),
    carryOver: jest.fn(async () => ({
      sheetName: '上年未完成事项',
      lastYear: 2022,
      carried: 3,
      listed: 1,
      sentence: { zh: '上年结转3项，已完成1项，尚有2项未完成。', en: '3 carried over.' },
      warnings: [],
    })),
    ...overrides,
  } as unknown as PaneWorkflows;
  render(<TaskPane env={{ host, lang: 'zh-CN', dark: false, today: () => '2023-01-10', loadWorkflows: async () => workflows }} />);
  return { workflows, check };
}

async function openTab() {
  await screen.findByTestId('check-result');
  fireEvent.click(screen.getByRole('tab', { name: '导入' }));
}

const file = (name: string) => new File([new Uint8Array([80, 75, 3, 4])], name);

describe('导入 in the pane', () => {
  it('导入通知 writes the notice’s table to a new sheet and the pane then works on that sheet', async () => {
    const { workflows, check } = setup({});
    await openTab();
    const button = screen.getByRole('button', { name: '导入任务分工表' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('notice-file'), { target: { files: [file('通知.docx')] } });
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toContain('已把《2023年政务公开重点工作任务分工》的 54 行导入新工作表“任务分工”，读到 54 项任务，0 个错误。'));
    expect(workflows.importNotice).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ file: expect.any(File) }));
    expect(check).toHaveBeenLastCalledWith(expect.anything(), expect.objectContaining({ sheet: '任务分工' }));
  });

  it('回头看 lists last year’s unfinished measures and says 上年结转X项，已完成X项', async () => {
    const { workflows } = setup({});
    await openTab();
    fireEvent.change(screen.getByTestId('ledger-file'), { target: { files: [file('2022年台账.xlsx')] } });
    fireEvent.click(screen.getByRole('button', { name: '列出上年未完成事项' }));
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toContain('已写入“上年未完成事项”工作表，其中 1 项已列入本表。 上年结转3项，已完成1项'));
    expect(workflows.carryOver).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ sheet: 'Sheet1' }));
  });

  it('a file that is not a notice is refused with the workflow’s sentence', async () => {
    const importNotice = jest.fn(async () => {
      throw new UserFacingError('import.not_docx', { zh: '这是 .doc 文件，请另存为 .docx 后再导入', en: 'save it as .docx' });
    });
    setup({ importNotice } as Partial<PaneWorkflows>);
    await openTab();
    fireEvent.change(screen.getByTestId('notice-file'), { target: { files: [file('通知.doc')] } });
    fireEvent.click(screen.getByRole('button', { name: '导入任务分工表' }));
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toContain('请另存为 .docx 后再导入'));
  });

  it('the file fields speak zh-CN: a 选择文件… button the field labels, and 未选择文件 or the chosen file’s name', async () => {
    setup({});
    await openTab();
    const picker = screen.getByRole('button', { name: '选择通知文件（.docx） 选择文件…' });
    expect(picker.getAttribute('aria-describedby')).toContain(screen.getByTestId('notice-file-chosen').id);
    expect(screen.getByTestId('notice-file-chosen').textContent).toBe('未选择文件');
    expect(screen.getByTestId('ledger-file-chosen').textContent).toBe('未选择文件');
    // The native input is out of sight and out of the tab order; the button opens it.
    const input = screen.getByTestId('notice-file') as HTMLInputElement;
    expect(input.hidden).toBe(true);
    expect(input.tabIndex).toBe(-1);
    const opened = jest.fn();
    input.addEventListener('click', opened);
    fireEvent.click(picker);
    expect(opened).toHaveBeenCalledTimes(1);
    fireEvent.change(input, { target: { files: [file('2023年要点.docx')] } });
    expect(screen.getByTestId('notice-file-chosen').textContent).toBe('2023年要点.docx');
    expect(screen.queryByText(/Choose file|No file chosen/)).toBeNull();
  });
});
