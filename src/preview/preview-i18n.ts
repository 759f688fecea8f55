/** Strings of the preview page around the pane (the pane has its own catalogue). */
import type { Lang } from '../domain/types';
import { format } from '../taskpane/i18n';

const zhCN = {
  'preview.title': '任务分工助手 · 浏览器预览',
  'preview.note': '这里用模拟的 Excel 代替真正的 Excel，工作簿只保存在本页面中，不会上传。',
  'preview.wpsNote': 'WPS 模式：任务窗格通过模拟的 WPS 表格对象模型（window.Application）读写，与 WPS 加载项中相同。',
  'preview.open': '打开 .xlsx 文件…',
  'preview.sample': '重新载入示例',
  'preview.language': '界面语言',
  'preview.api': 'Excel 接口版本',
  'preview.apiOld': 'ExcelApi 1.1（Office 2016）',
  'preview.apiLatest': '最新版本',
  'preview.loading': '正在载入工作簿…',
  'preview.openFailed': '无法打开“{file}”：它不是可读取的 .xlsx 工作簿。请选择用 Excel 保存的 .xlsx 文件。',
  'preview.sampleMissing': '示例工作簿无法载入。请先运行 npm run samples 生成示例，再重新构建。',
  'grid.label': '工作簿',
  'grid.tabs': '工作表',
  'grid.truncated': '只显示前 {rows} 行、{cols} 列。',
  'grid.chart': '本表在 {range} 处有图表“{title}”（预览只列出图表，不绘制；在 Excel 中可见）。',
} as const;

export type PreviewMessageKey = keyof typeof zhCN;

const enUS: Record<PreviewMessageKey, string> = {
  'preview.title': 'Task Allocation Assistant · browser preview',
  'preview.note': 'A simulated Excel stands in for the real one; the workbook stays in this page and is never uploaded.',
  'preview.wpsNote': 'WPS mode: the pane reads and writes through a simulated WPS Spreadsheets object model (window.Application), as in the WPS add-in.',
  'preview.open': 'Open an .xlsx file…',
  'preview.sample': 'Reload the sample',
  'preview.language': 'Language',
  'preview.api': 'Excel API level',
  'preview.apiOld': 'ExcelApi 1.1 (Office 2016)',
  'preview.apiLatest': 'Latest',
  'preview.loading': 'Loading the workbook…',
  'preview.openFailed': 'Could not open “{file}”: it is not a readable .xlsx workbook. Choose an .xlsx file saved by Excel.',
  'preview.sampleMissing': 'The sample workbook could not be loaded. Run npm run samples to make it, then build again.',
  'grid.label': 'Workbook',
  'grid.tabs': 'Sheets',
  'grid.truncated': 'Showing the first {rows:row/rows} and {cols:column/columns} only.',
  'grid.chart': 'This sheet has the chart “{title}” at {range} (the preview lists charts without drawing them; Excel shows it).',
};

export const PREVIEW_CATALOGUES: Record<Lang, Record<PreviewMessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

export function previewText(lang: Lang, key: PreviewMessageKey, values?: Record<string, string | number>): string {
  return format(PREVIEW_CATALOGUES[lang][key], values);
}
