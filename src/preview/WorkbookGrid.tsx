/**
 * The simulated workbook drawn the way Excel shows it — column letters, row numbers, merged cells, fills,
 * font colours, column widths — with sheet tabs below, so someone without Excel can watch the add-in work.
 * Cell text is rendered as React text (never as HTML): sheet content is untrusted.
 */
import { useEffect, useMemo, useRef, type CSSProperties } from 'react';
import type ExcelJS from 'exceljs';
import { cellAddress, columnLetter } from '../domain/address';
import type { CellRange } from '../domain/types';
import { worksheetMerges } from '../hosts/xlsx/read-grid';
import { cellColours } from '../simulator/cell-model';
import { previewText, type PreviewMessageKey } from './preview-i18n';
import type { Lang } from '../domain/types';

/** Rendering more than this would make the page sluggish; the rest is summarised in a note. */
export const MAX_DRAWN_ROWS = 400;
export const MAX_DRAWN_COLS = 40;
const DEFAULT_COLUMN_CHARS = 9;
const PX_PER_CHAR = 7;
const DEFAULT_ROW_PX = 20;

export interface DrawnCell {
  address: string;
  text: string;
  rowSpan: number;
  colSpan: number;
  fill: string | null;
  font: string | null;
  bold: boolean;
  italic: boolean;
  wrap: boolean;
  horizontal: CSSProperties['textAlign'];
  vertical: CSSProperties['verticalAlign'];
}

export interface DrawnSheet {
  name: string;
  /** The sheet's 0-based column behind each drawn column: hidden columns are skipped, as Excel does. */
  columnNumbers: number[];
  /** Column widths in px, index = drawn column. */
  widths: number[];
  /** The sheet's 0-based row behind each drawn row: hidden rows are skipped, as Excel does. */
  rowNumbers: number[];
  /** Row heights in px (null = automatic), index = drawn row. */
  heights: (number | null)[];
  /** rows[i] holds the cells that start in drawn row i (merge followers and hidden cells are omitted). */
  rows: DrawnCell[][];
  truncated: boolean;
}

/**
 * Numbers as Excel would display them for the formats product sheets use (percentages, fixed decimals,
 * thousands separators); anything else as ExcelJS renders it. General shows up to 10 significant digits.
 */
export function displayNumber(value: number, numFmt: string | undefined): string {
  const fmt = (numFmt ?? 'General').split(';')[0];
  const decimals = (part: string | undefined) => (part ? part.length : 0);
  const percent = /0(?:\.(0+))?%/.exec(fmt);
  if (percent) return `${(value * 100).toFixed(decimals(percent[1]))}%`;
  const fixed = /^([#,]*)0(?:\.(0+))?$/.exec(fmt);
  if (fixed) {
    const text = value.toFixed(decimals(fixed[2]));
    if (!fixed[1].includes(',')) return text;
    const [whole, fraction] = text.split('.');
    return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction ? `.${fraction}` : '');
  }
  return String(Number(value.toPrecision(10)));
}

function displayText(cell: ExcelJS.Cell): string {
  const value = cell.value as unknown;
  const result = value && typeof value === 'object' && 'result' in value ? (value as { result: unknown }).result : value;
  if (typeof result === 'number') return displayNumber(result, cell.numFmt);
  return cell.text ?? '';
}

const VERTICAL: Record<string, CSSProperties['verticalAlign']> = { top: 'top', middle: 'middle', bottom: 'bottom' };

/** Excel hides a row or column that is marked hidden or has no height/width at all. */
function isHiddenRow(row: ExcelJS.Row | undefined): boolean {
  return row !== undefined && (row.hidden || row.height === 0);
}

function isHiddenColumn(column: ExcelJS.Column): boolean {
  return column.hidden || column.width === 0;
}

/** The first `limit` shown indexes below `count`, and whether more shown ones were left out. */
function shownIndexes(count: number, limit: number, hidden: (index: number) => boolean): { shown: number[]; cut: boolean } {
  const shown: number[] = [];
  for (let i = 0; i < count; i++) {
    if (hidden(i)) continue;
    if (shown.length === limit) return { shown, cut: true };
    shown.push(i);
  }
  return { shown, cut: false };
}

/** Reads what the grid needs from an ExcelJS worksheet (pure data, so it is testable without a DOM). */
export function drawSheet(sheet: ExcelJS.Worksheet): DrawnSheet {
  const rowsShown = shownIndexes(Math.max(sheet.rowCount, 1), MAX_DRAWN_ROWS, (r) => isHiddenRow(sheet.findRow(r + 1)));
  const colsShown = shownIndexes(Math.max(sheet.columnCount, 1), MAX_DRAWN_COLS, (c) => isHiddenColumn(sheet.getColumn(c + 1)));
  const rowNumbers = rowsShown.shown;
  const columnNumbers = colsShown.shown;
  // From ExcelJS's merge index, as the xlsx host reads them: `sheet.model` would serialise every row first.
  // As in Excel, a merge whose first row or column is hidden still shows its value over its shown part.
  const covered = new Set<string>();
  const spanAt = new Map<string, { source: CellRange; rowSpan: number; colSpan: number }>();
  for (const m of worksheetMerges(sheet)) {
    const spanRows = rowNumbers.filter((r) => r >= m.top && r <= m.bottom);
    const spanCols = columnNumbers.filter((c) => c >= m.left && c <= m.right);
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) covered.add(`${r},${c}`);
    if (spanRows.length === 0 || spanCols.length === 0) continue;
    const anchor = `${spanRows[0]},${spanCols[0]}`;
    covered.delete(anchor);
    spanAt.set(anchor, { source: m, rowSpan: spanRows.length, colSpan: spanCols.length });
  }
  const widths = columnNumbers.map((c) => Math.round((sheet.getColumn(c + 1).width ?? DEFAULT_COLUMN_CHARS) * PX_PER_CHAR + 5));
  const heights: (number | null)[] = [];
  const rows: DrawnCell[][] = [];
  for (const r of rowNumbers) {
    const row = sheet.getRow(r + 1);
    heights.push(row.height ? Math.round((row.height * 4) / 3) : null);
    const cells: DrawnCell[] = [];
    for (const c of columnNumbers) {
      if (covered.has(`${r},${c}`)) continue;
      const span = spanAt.get(`${r},${c}`);
      const cell = span ? sheet.getCell(span.source.top + 1, span.source.left + 1) : row.getCell(c + 1);
      const colours = cellColours(cell);
      const alignment = cell.alignment ?? {};
      cells.push({
        address: cellAddress(r, c),
        text: displayText(cell),
        rowSpan: span?.rowSpan ?? 1,
        colSpan: span?.colSpan ?? 1,
        fill: colours.fill === '#FFFFFF' && colours.pattern === 'None' ? null : colours.fill,
        font: colours.font === '#000000' ? null : colours.font,
        bold: cell.font?.bold === true,
        italic: cell.font?.italic === true,
        wrap: alignment.wrapText === true,
        horizontal: (alignment.horizontal === 'centerContinuous' ? 'center' : alignment.horizontal) as CSSProperties['textAlign'],
        vertical: VERTICAL[alignment.vertical ?? 'bottom'] ?? 'bottom',
      });
    }
    rows.push(cells);
  }
  return { name: sheet.name, columnNumbers, widths, rowNumbers, heights, rows, truncated: rowsShown.cut || colsShown.cut };
}

export interface WorkbookGridProps {
  workbook: ExcelJS.Workbook;
  sheet: string;
  onSheet(name: string): void;
  selection: { sheet: string; address: string } | null;
  /** Bumped after every change so the grid redraws. */
  version: number;
  lang: Lang;
  /** Charts on the workbook's sheets (the grid names them; it does not draw them). */
  charts: { sheet: string; title: string | null; position: { start: string; end: string } | null }[];
}

const styles: Record<string, CSSProperties> = {
  frame: { display: 'flex', flexDirection: 'column', height: '100%', minWidth: 0, background: '#fff', color: '#000' },
  scroller: { flex: 1, overflow: 'auto', position: 'relative' },
  table: { borderCollapse: 'collapse', tableLayout: 'fixed', fontSize: 12, fontFamily: '"Noto Sans CJK SC", "Microsoft YaHei", sans-serif' },
  corner: { position: 'sticky', top: 0, left: 0, zIndex: 3, background: '#f3f3f3', border: '1px solid #d4d4d4', width: 36 },
  colHead: { position: 'sticky', top: 0, zIndex: 2, background: '#f3f3f3', border: '1px solid #d4d4d4', fontWeight: 'normal', color: '#444' },
  rowHead: { position: 'sticky', left: 0, zIndex: 1, background: '#f3f3f3', border: '1px solid #d4d4d4', textAlign: 'center', color: '#444', fontWeight: 'normal' },
  cell: { border: '1px solid #e1e1e1', padding: '1px 3px', overflow: 'hidden', whiteSpace: 'nowrap' },
  tabs: { display: 'flex', gap: 2, borderTop: '1px solid #c8c8c8', background: '#f3f3f3', padding: '2px 4px', overflowX: 'auto', flexShrink: 0 },
  tab: { border: '1px solid #c8c8c8', borderTop: 'none', background: '#f3f3f3', padding: '3px 12px', cursor: 'pointer', font: 'inherit', fontSize: 12, whiteSpace: 'nowrap' },
  activeTab: { background: '#fff', color: '#217346', fontWeight: 600, borderBottom: '2px solid #217346' },
  note: { padding: '4px 8px', fontSize: 12, color: '#555' },
};

export function WorkbookGrid({ workbook, sheet, onSheet, selection, version, lang, charts }: WorkbookGridProps) {
  const t = (key: PreviewMessageKey, values?: Record<string, string | number>) => previewText(lang, key, values);
  const tabs = workbook.worksheets.filter((w) => w.state === 'visible');
  const worksheet = workbook.worksheets.find((w) => w.name === sheet) ?? tabs[0];
  // `version` changes whenever the simulator applied a change, which is what invalidates the drawing.
  const drawn = useMemo(() => (worksheet ? drawSheet(worksheet) : null), [worksheet, version]);
  const selected = selection && selection.sheet === worksheet?.name ? selection.address.split(':')[0].replace(/\$/g, '').toUpperCase() : null;
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!selected) return;
    const target = scroller.current?.querySelector(`[data-cell="${selected}"]`);
    target?.scrollIntoView({ block: 'center', inline: 'center' });
  }, [selected, drawn]);

  return (
    <section style={styles.frame} aria-label={t('grid.label')}>
      <div style={styles.scroller} ref={scroller} data-testid="grid" data-sheet={drawn?.name ?? ''}>
        {drawn && (
          <table style={styles.table} aria-label={drawn.name}>
            <colgroup>
              <col style={{ width: 36 }} />
              {drawn.widths.map((w, i) => (
                <col key={drawn.columnNumbers[i]} style={{ width: w }} />
              ))}
            </colgroup>
            <thead>
              <tr>
                <th style={styles.corner} aria-hidden />
                {drawn.columnNumbers.map((c) => (
                  <th key={c} scope="col" style={styles.colHead}>
                    {columnLetter(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {drawn.rows.map((cells, i) => (
                <tr key={drawn.rowNumbers[i]} style={drawn.heights[i] ? { height: drawn.heights[i]! } : { height: DEFAULT_ROW_PX }}>
                  <th scope="row" style={styles.rowHead}>
                    {drawn.rowNumbers[i] + 1}
                  </th>
                  {cells.map((cell) => (
                    <td
                      key={cell.address}
                      rowSpan={cell.rowSpan > 1 ? cell.rowSpan : undefined}
                      colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
                      data-cell={cell.address}
                      data-fill={cell.fill ?? ''}
                      data-font={cell.font ?? ''}
                      data-selected={cell.address === selected ? 'true' : undefined}
                      style={{
                        ...styles.cell,
                        background: cell.fill ?? undefined,
                        color: cell.font ?? undefined,
                        fontWeight: cell.bold ? 700 : undefined,
                        fontStyle: cell.italic ? 'italic' : undefined,
                        whiteSpace: cell.wrap ? 'pre-wrap' : 'nowrap',
                        textAlign: cell.horizontal,
                        verticalAlign: cell.vertical,
                        outline: cell.address === selected ? '2px solid #217346' : undefined,
                        outlineOffset: cell.address === selected ? -2 : undefined,
                      }}
                    >
                      {cell.text}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {charts
          .filter((c) => c.sheet === drawn?.name)
          .map((c, i) => (
            <p key={i} style={styles.note} data-testid="chart-note">
              {t('grid.chart', { title: c.title ?? '', range: c.position ? `${c.position.start}:${c.position.end}` : '' })}
            </p>
          ))}
        {drawn?.truncated && <p style={styles.note}>{t('grid.truncated', { rows: MAX_DRAWN_ROWS, cols: MAX_DRAWN_COLS })}</p>}
      </div>
      <div role="tablist" aria-label={t('grid.tabs')} style={styles.tabs}>
        {tabs.map((w) => (
          <button
            key={w.name}
            type="button"
            role="tab"
            aria-selected={w.name === drawn?.name}
            style={{ ...styles.tab, ...(w.name === drawn?.name ? styles.activeTab : {}) }}
            onClick={() => onSheet(w.name)}
          >
            {w.name}
          </button>
        ))}
      </div>
    </section>
  );
}
