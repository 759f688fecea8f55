/**
 * @jest-environment jsdom
 *
 * How 下发 copies reach the clerk: links and one zip where the web view saves downloads, a new Excel workbook
 * per copy where it does not (Excel for Mac and iPad), and a plain message where neither is possible — never a
 * link that silently does nothing.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { unzipSync } from 'fflate';
import { emptyState } from '../../src/domain/workbook-state';
import { bytesToBase64 } from '../../src/hosts/excel/open-workbook';
import type { WorkbookHost, WorkbookSnapshot } from '../../src/ports/workbook-host';
import { TaskPane } from '../../src/taskpane/App';
import type { PaneEnvironment } from '../../src/taskpane/environment';
import { apiMinorOf, deliveryModeFor, type FileDelivery } from '../../src/taskpane/file-delivery';
import { zipOfCopies, type PaneCheckResult, type PaneSplitResult, type PaneWorkflows } from '../../src/taskpane/workflows';
import type { SheetAnalysis } from '../../src/domain/types';

class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoLayoutResizeObserver;

const SHEET = '任务分工';
const snapshot: WorkbookSnapshot = {
  sheets: [{ name: SHEET, visibility: 'visible' }],
  activeSheet: SHEET,
  grid: { sheet: SHEET, originRow: 0, originCol: 0, values: [['序号', '工作措施', '完成时限']], merges: [], mergesKnown: true },
  stateText: null,
};
const analysis = {
  sheet: SHEET,
  title: null,
  planYear: 2022,
  layout: {
    headerRow: 1,
    firstDataRow: 2,
    lastDataRow: 3,
    columns: { section: null, subsection: null, measure: 1, deadline: 2, lead: 3, responsible: 4, status: null, number: 0 },
    lastColumn: 4,
    title: null,
    titleYear: null,
  },
  tasks: [null, null],
  findings: [],
} as unknown as SheetAnalysis;
const checkResult: PaneCheckResult = { snapshot, analysis, state: emptyState(), directorySheet: null, directorySource: 'sheet', stateDamaged: false };

const copies = [
  { unit: '办公室', fileName: '办公室.xlsx', measureCount: 2, bytes: new Uint8Array([80, 75, 1]) },
  { unit: '经济运行局', fileName: '经济运行局.xlsx', measureCount: 1, bytes: new Uint8Array([80, 75, 2]) },
];
const splitResult: PaneSplitResult = { workbooks: copies, all: zipOfCopies('2022年任务分工-各单位回收表.zip', copies), unassigned: 0 };

function setup(delivery: FileDelivery | undefined) {
  const host: WorkbookHost = {
    capabilities: { host: 'excel', apiVersion: '1.8', readsMerges: false, charts: true },
    read: jest.fn(async () => snapshot),
    readStyles: jest.fn(async () => []),
    apply: jest.fn(async () => undefined),
    select: jest.fn(async () => undefined),
  };
  const workflows = {
    check: jest.fn(async () => checkResult),
    split: jest.fn(async () => splitResult),
    offeredStatusChoices: jest.fn(() => ['已完成', '序时推进', '进度滞后', '未启动']),
  } as unknown as PaneWorkflows;
  const env: PaneEnvironment = { host, delivery, lang: 'zh-CN', dark: false, today: () => '2022-09-15', loadWorkflows: async () => workflows };
  render(<TaskPane env={env} />);
}

async function split() {
  await screen.findByTestId('check-result');
  fireEvent.click(screen.getByRole('tab', { name: '下发回收' }));
  fireEvent.click(screen.getByRole('button', { name: '按单位拆分下发' }));
  return screen.findByTestId('notice');
}

describe('choosing how files reach the clerk', () => {
  test.each([
    ['OfficeOnline', 1, 'download'],
    ['PC', 20, 'download'],
    ['Mac', 8, 'open-in-excel'],
    ['Mac', 7, 'unavailable'],
    ['iOS', 20, 'open-in-excel'],
    ['Universal', 1, 'unavailable'],
    [null, 1, 'download'],
    [null, 9, 'open-in-excel'],
  ] as const)('%s at ExcelApi 1.%i: %s', (platform, minor, mode) => {
    expect(deliveryModeFor(platform, minor)).toBe(mode);
  });

  test('the API level comes from the host’s "1.N" version', () => {
    expect(apiMinorOf('1.20')).toBe(20);
    expect(apiMinorOf('1.1')).toBe(1);
    expect(apiMinorOf('preview')).toBe(0);
  });

  test('base64 for Excel.createWorkbook equals Node’s encoding, also past the chunk size', () => {
    const bytes = new Uint8Array(100_003).map((_, i) => (i * 7919) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(bytesToBase64(new Uint8Array(0))).toBe('');
  });
});

describe('下发 in the pane', () => {
  beforeAll(() => {
    // jsdom has no object URLs.
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:copy'), revokeObjectURL: jest.fn() });
  });

  test('where downloads work: a link per copy and 全部下载 as one zip of every copy, names in UTF-8', async () => {
    setup(undefined);
    expect((await split()).textContent).toContain('已生成 2 个单位的回收表');
    // The link gets its object URL after the copies arrive (a Fluent Link without href is a button).
    await waitFor(() => expect(screen.getByTestId('download-all').getAttribute('href')).toBe('blob:copy'));
    const all = screen.getByTestId('download-all');
    expect(all.getAttribute('download')).toBe('2022年任务分工-各单位回收表.zip');
    expect(all.textContent).toContain('全部下载（2 个文件');
    expect(screen.getAllByRole('link', { name: /^下载 / })).toHaveLength(2);

    const entries = unzipSync(splitResult.all.bytes);
    expect(Object.keys(entries).sort()).toEqual(['办公室.xlsx', '经济运行局.xlsx']);
    expect(Array.from(entries['经济运行局.xlsx'])).toEqual([80, 75, 2]);
    // General-purpose bit 11 of the first local header: the names are UTF-8 (what Windows' unzip looks for).
    const flags = splitResult.all.bytes[6] | (splitResult.all.bytes[7] << 8);
    expect(flags & 0x800).toBe(0x800);
  });

  test('where downloads are ignored: each copy opens as a new workbook, and the clerk is told how to save it', async () => {
    const openInExcel = jest.fn(async () => undefined);
    setup({ mode: 'open-in-excel', openInExcel });
    expect((await split()).textContent).toContain('请用“文件 → 另存为”保存');
    expect(screen.queryByTestId('download-all')).toBeNull();
    expect(screen.queryAllByRole('link', { name: /^下载 / })).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: '在 Excel 中打开 经济运行局.xlsx' }));
    await waitFor(() => expect(openInExcel).toHaveBeenCalledWith(copies[1]));
    expect((await screen.findByTestId('notice')).textContent).toContain('已在 Excel 中打开“经济运行局.xlsx”');
  });

  test('a failure to open is a sentence, and the other copies stay offered', async () => {
    const openInExcel = jest.fn(async () => {
      throw Object.assign(new Error('This operation is not allowed due to the extension hardening policy.'), { code: 'AccessDenied' });
    });
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    setup({ mode: 'open-in-excel', openInExcel });
    await split();
    fireEvent.click(screen.getByRole('button', { name: '在 Excel 中打开 办公室.xlsx' }));
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toContain('AccessDenied'));
    expect(screen.getByTestId('notice').textContent).not.toContain('extension hardening');
    quiet.mockRestore();
    expect(screen.getByRole('button', { name: '在 Excel 中打开 经济运行局.xlsx' })).toBeTruthy();
  });

  test('where neither works: a warning that says where 下发 can be done, and no dead links', async () => {
    setup({ mode: 'unavailable', openInExcel: jest.fn() });
    const notice = await split();
    expect(notice.textContent).toContain('不能从任务窗格保存文件');
    expect(notice.textContent).toContain('allocation split');
    expect(screen.queryByTestId('split-files')).toBeNull();
  });
});
