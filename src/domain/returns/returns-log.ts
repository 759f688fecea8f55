/**
 * The 回收情况 sheet collect writes into the master: which units have returned, which are still missing,
 * and each return's verdict and problems — what the clerk chases the departments with.
 */
import { chineseDate, chineseDateTime } from '../dates';
import { countOf, pick } from '../i18n';
import { visibleName } from '../text';
import { EXCEL_CELL_CHARS } from '../sheet-spec-rules';
import { fitToCell } from './merge';
import type { SheetSpec, SpecCell, SpecStyle, SpecValue } from '../sheet-spec';
import { rowHeightFor, wrappedLines } from '../text-metrics';
import type { CellRange, Finding, Lang, LocalText } from '../types';

export const DEFAULT_RETURNS_LOG_NAME = '回收情况';

export interface ReturnLogEntry {
  /** The file as the clerk named it (a path or a file name). */
  file: string;
  unit: string | null;
  accepted: boolean;
  /** Accepted as this master's return, but nothing was filled in (see ReturnValidation.blank). */
  blank?: boolean;
  /** Master measures this return answered (rows that were merged). */
  answered: number;
  receivedAt: string | null;
  findings: Finding[];
}

export interface ReturnsLogModel {
  masterTitle: string;
  generatedAt: string;
  asOf: string;
  /** Every unit the master assigns measures to (in master order). */
  expectedUnits: string[];
  missingUnits: string[];
  /** Units whose copy came back with nothing filled in (not among missingUnits). */
  blankUnits?: string[];
  returns: ReturnLogEntry[];
  /** Measures whose report cells this collect changed. */
  updated: number;
}

const COLUMN_WIDTHS = [22, 34, 10, 10, 10, 10, 21, 60];
const WIDTH = COLUMN_WIDTHS.length;
/** The characters a line across the whole sheet holds. */
const FULL_WIDTH_CHARS = COLUMN_WIDTHS.reduce((a, b) => a + b, 0);
const PADDING = 6;

const STYLES: Record<string, SpecStyle> = {
  title: { bold: true, fontSize: 16, horizontal: 'center', vertical: 'middle' },
  note: { vertical: 'middle', wrap: true },
  block: { bold: true, fontSize: 12, vertical: 'middle' },
  header: { bold: true, horizontal: 'center', vertical: 'middle', wrap: true, border: true, fill: '#D9E1F2' },
  cell: { vertical: 'top', wrap: true, border: true },
  number: { horizontal: 'center', vertical: 'top', border: true },
  ok: { horizontal: 'center', vertical: 'top', border: true, fill: '#C6EFCE', fontColor: '#006100' },
  bad: { horizontal: 'center', vertical: 'top', border: true, fill: '#FFC7CE', fontColor: '#9C0006' },
  missing: { vertical: 'top', wrap: true, border: true, fill: '#FFEB9C', fontColor: '#9C5700' },
  blankResult: { horizontal: 'center', vertical: 'top', wrap: true, border: true, fill: '#FFEB9C', fontColor: '#9C5700' },
};

const L = {
  title: { zh: '回收情况', en: 'Returns' },
  overview: (m: ReturnsLogModel): LocalText => {
    const blank = m.blankUnits?.length ?? 0;
    const returned = m.expectedUnits.length - m.missingUnits.length - blank;
    // A copy sent back blank is not taken: nothing of it was used (the unit is listed as still to report).
    const taken = m.returns.filter((r) => r.accepted && !r.blank).length;
    return {
      zh: `《${m.masterTitle}》：应报 ${m.expectedUnits.length} 个单位，已报 ${returned} 个，${blank ? `交回空表 ${blank} 个，` : ''}未报 ${m.missingUnits.length} 个；收到 ${m.returns.length} 份文件，采用 ${taken} 份，本次更新 ${m.updated} 项。生成时间：${chineseDateTime(m.generatedAt)}（核对截至${chineseDate(m.asOf)}）`,
      en: `"${m.masterTitle}": ${countOf(m.expectedUnits.length, 'unit')} expected, ${returned} returned, ${blank ? `${blank} sent back blank, ` : ''}${m.missingUnits.length} missing; ${countOf(m.returns.length, 'file')} received, ${taken} accepted, ${countOf(m.updated, 'measure')} updated. Made ${m.generatedAt} (checked as of ${m.asOf})`,
    };
  },
  returnsBlock: { zh: '一、收到的回收表', en: '1. Returns received' },
  returnsHeader: [
    { zh: '回收表自称单位', en: 'Unit the copy claims' },
    { zh: '文件', en: 'File' },
    { zh: '结果', en: 'Result' },
    { zh: '汇总事项', en: 'Merged' },
    { zh: '错误', en: 'Errors' },
    { zh: '警告', en: 'Warnings' },
    { zh: '填报时间', en: 'Received' },
    { zh: '问题（单元格为回收表中的位置）', en: 'Problems (cells in the returned file)' },
  ],
  accepted: { zh: '已采用', en: 'Accepted' },
  blank: { zh: '空表未采用', en: 'Blank, not used' },
  rejected: { zh: '未采用', en: 'Rejected' },
  unknownUnit: { zh: '（不明）', en: '(unknown)' },
  moreProblems: (n: number): LocalText => ({ zh: `\n……共 ${n} 条问题，其余从略（完整列表见命令行输出）`, en: `\n… ${n} problems in all; the rest are not shown here (see the command's output)` }),
  none: { zh: '无', en: 'None' },
  missingBlock: { zh: '二、未报送的单位', en: '2. Units that have not returned' },
  allReturned: { zh: '全部单位均已报送。', en: 'Every unit has returned.' },
  blankUnits: (units: string): LocalText => ({ zh: `交回空表、仍须填报的单位：${units}`, en: `Sent their copy back blank and have still to report: ${units}` }),
};

/** The 回收情况 sheet. Problems are listed one per line in the return's row, so the sheet stays one table. */
export function returnsLogSpec(model: ReturnsLogModel, lang: Lang = 'zh-CN', name: string = DEFAULT_RETURNS_LOG_NAME): SheetSpec {
  const t = (x: LocalText) => pick(x, lang);
  const rows: SpecCell[][] = [];
  const merges: CellRange[] = [];
  const rowHeights: Record<number, number> = {};
  const line = (v: SpecValue, s: string, height?: number) => {
    const r = rows.length;
    rows.push(Array.from({ length: WIDTH }, (_, c) => ({ v: c === 0 ? v : null, s })));
    merges.push({ top: r, left: 0, bottom: r, right: WIDTH - 1 });
    if (height) rowHeights[r] = height;
  };
  /** A line across the sheet as tall as its wrapped text. */
  const wrappedLine = (text: string, s: string) => line(text, s, rowHeightFor(wrappedLines(text, FULL_WIDTH_CHARS), 11, PADDING));

  line(t(L.title), 'title', 30);
  const overview = t(L.overview(model));
  wrappedLine(overview, 'note');
  line(t(L.returnsBlock), 'block', 22);
  const headerRow = rows.length;
  rows.push(L.returnsHeader.map((h) => ({ v: t(h), s: 'header' })));
  for (const r of model.returns) {
    // A file name inside a message may carry control characters: shown escaped, never written raw into a cell.
    // A return with thousands of problems would pass Excel's cell limit: the cell says how many are not shown.
    const messages = r.findings.map((f) => visibleName(t(f.message)));
    const fitted = fitToCell(messages, EXCEL_CELL_CHARS, t(L.moreProblems(r.findings.length)));
    const problems = fitted.text;
    const row = rows.length;
    rows.push([
      { v: r.unit ?? t(L.unknownUnit), s: 'cell' },
      { v: visibleName(r.file), s: 'cell' },
      r.blank ? { v: t(L.blank), s: 'blankResult' } : { v: t(r.accepted ? L.accepted : L.rejected), s: r.accepted ? 'ok' : 'bad' },
      { v: r.answered, s: 'number' },
      { v: r.findings.filter((f) => f.severity === 'error').length, s: 'number' },
      { v: r.findings.filter((f) => f.severity === 'warning').length, s: 'number' },
      { v: r.receivedAt === null ? null : chineseDateTime(r.receivedAt), s: 'number' },
      { v: problems || t(L.none), s: 'cell' },
    ]);
    const lines = Math.max(wrappedLines(problems, COLUMN_WIDTHS[7]), wrappedLines(r.file, COLUMN_WIDTHS[1]));
    rowHeights[row] = rowHeightFor(lines, 11, PADDING);
  }
  rows.push(Array.from({ length: WIDTH }, () => ({ v: null })));
  line(t(L.missingBlock), 'block', 22);
  if (model.missingUnits.length) {
    const list = model.missingUnits.join('、');
    wrappedLine(list, 'missing');
  } else if (!model.blankUnits?.length) {
    line(t(L.allReturned), 'note');
  }
  if (model.blankUnits?.length) {
    const list = t(L.blankUnits(model.blankUnits.join('、')));
    wrappedLine(list, 'missing');
  }

  return {
    name,
    marker: 'returns-log',
    rows,
    merges,
    columnWidths: COLUMN_WIDTHS,
    styles: STYLES,
    freeze: { rows: headerRow + 1, cols: 0 },
    print: { landscape: true, fitToWidth: true, repeatRows: [headerRow, headerRow], paper: 'A4' },
    font: { name: '宋体', size: 11 },
    rowHeights,
  };
}
