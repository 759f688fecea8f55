/**
 * A product sheet (a SheetSpec) as queued Office.js calls: values and styles, then its layout, print setup and
 * extras, each behind the ExcelApi level it needs (below it the sheet keeps Excel's default). Deleting a sheet
 * is here too.
 */
import { cellAddress, columnLetter, rangeAddress } from '../../domain/address';
import { cellsToRanges } from '../../domain/cell-ranges';
import type { SheetSpec, SpecStyle } from '../../domain/sheet-spec';
import { officeWrite } from './cell-values';
import { charsToPoints } from './column-width';
import { ACTION_BYTES, slicesByBytes } from './limits';
import { jsonBytes } from './payload';
import { addToGroup, type PlannedOp } from './planned-ops';
import type { ExcelSession } from './session';

export function sheetOps(spec: SheetSpec, session: ExcelSession): PlannedOp[] {
  const name = spec.name;
  const width = Math.max(1, ...spec.rows.map((r) => r.length), ...spec.columnWidths.map((_, i) => i + 1));
  return [
    { bytes: ACTION_BYTES, queue: (ctx) => void ctx.workbook.worksheets.add(name) },
    ...contentOps(spec, width, session.limits.requestBytes),
    ...(session.supports(2) ? gridOps(spec) : []),
    ...viewOps(spec, session),
    ...printOps(spec, session),
    ...extraOps(spec, session),
  ];
}

/** The font, the values (one 2D write per row slice) and one format operation per rectangle sharing a style. */
function contentOps(spec: SheetSpec, width: number, requestBytes: number): PlannedOp[] {
  const ops: PlannedOp[] = [];
  const name = spec.name;
  const block = { top: 0, left: 0, bottom: Math.max(0, spec.rows.length - 1), right: width - 1 };
  if (spec.font) {
    const font = spec.font;
    ops.push({
      bytes: ACTION_BYTES * 2,
      queue: (_ctx, sheets) => {
        const f = sheets.get(name).getRange(rangeAddress(block)).format.font;
        f.name = font.name;
        f.size = font.size;
      },
    });
  }
  // A slice only when the block exceeds the request budget.
  const styleOf = (key?: string): SpecStyle => (key ? (spec.styles[key] ?? {}) : {});
  const valueRows = spec.rows.map((row) => Array.from({ length: width }, (_, c) => officeWrite(row[c]?.v ?? null, styleOf(row[c]?.s))));
  for (const [first, last] of slicesByBytes(valueRows.map((r) => jsonBytes(r)), requestBytes)) {
    const slice = valueRows.slice(first, last + 1);
    ops.push({
      bytes: slice.reduce((n, r) => n + jsonBytes(r), 0) + ACTION_BYTES * 2,
      queue: (_ctx, sheets) => {
        const range = sheets.get(name).getRange(rangeAddress({ top: first, left: 0, bottom: last, right: width - 1 }));
        range.numberFormat = slice.map((line) => line.map((w) => w.format));
        range.values = slice.map((line) => line.map((w) => w.value));
      },
    });
  }
  const cellsByStyle = new Map<string, { row: number; col: number }[]>();
  spec.rows.forEach((row, r) => row.forEach((cell, c) => cell?.s && addToGroup(cellsByStyle, cell.s, { row: r, col: c })));
  for (const [key, cells] of cellsByStyle) {
    const style = spec.styles[key];
    if (!style) continue;
    for (const r of cellsToRanges(cells)) ops.push({ bytes: ACTION_BYTES * 8, queue: (_ctx, sheets) => applySpecStyle(sheets.get(name).getRange(rangeAddress(r)), style) });
  }
  return ops;
}

/** Merges, column widths and row heights (ExcelApi 1.2). */
function gridOps(spec: SheetSpec): PlannedOp[] {
  const ops: PlannedOp[] = [];
  const name = spec.name;
  for (const m of spec.merges) ops.push({ bytes: ACTION_BYTES, queue: (_ctx, sheets) => sheets.get(name).getRange(rangeAddress(m)).merge(false) });
  spec.columnWidths.forEach((w, c) => {
    if (w > 0) ops.push({ bytes: ACTION_BYTES, queue: (_ctx, sheets) => void (sheets.get(name).getRange(`${columnLetter(c)}:${columnLetter(c)}`).format.columnWidth = charsToPoints(w)) });
  });
  // Consecutive rows of one height are set together.
  const heights = Object.entries(spec.rowHeights ?? {}).map(([row, h]) => [Number(row), h] as const).sort((a, b) => a[0] - b[0]);
  for (let i = 0; i < heights.length; ) {
    let j = i;
    while (j + 1 < heights.length && heights[j + 1][0] === heights[j][0] + 1 && heights[j + 1][1] === heights[i][1]) j++;
    const [first, h] = heights[i];
    const last = heights[j][0];
    ops.push({ bytes: ACTION_BYTES, queue: (_ctx, sheets) => void (sheets.get(name).getRange(`${first + 1}:${last + 1}`).format.rowHeight = h) });
    i = j + 1;
  }
  return ops;
}

/** Frozen panes (ExcelApi 1.7) and hidden rows (1.2). */
function viewOps(spec: SheetSpec, session: ExcelSession): PlannedOp[] {
  const ops: PlannedOp[] = [];
  const name = spec.name;
  const freeze = spec.freeze;
  if (freeze && (freeze.rows || freeze.cols) && session.supports(7)) {
    ops.push({
      bytes: ACTION_BYTES,
      queue: (_ctx, sheets) => {
        const panes = sheets.get(name).freezePanes;
        if (freeze.rows && freeze.cols) panes.freezeAt(rangeAddress({ top: 0, left: 0, bottom: freeze.rows - 1, right: freeze.cols - 1 }));
        else if (freeze.rows) panes.freezeRows(freeze.rows);
        else panes.freezeColumns(freeze.cols);
      },
    });
  }
  if (spec.hiddenRows?.length && session.supports(2)) {
    const hidden = spec.hiddenRows;
    ops.push({
      bytes: ACTION_BYTES * hidden.length,
      queue: (_ctx, sheets) => {
        for (const r of hidden) sheets.get(name).getRange(`${r + 1}:${r + 1}`).rowHidden = true;
      },
    });
  }
  return ops;
}

/** Page layout, headers/footers and page breaks are all ExcelApi 1.9; below it the sheet prints with Excel's defaults. */
function printOps(spec: SheetSpec, session: ExcelSession): PlannedOp[] {
  const print = spec.print;
  if (!print || !session.supports(9)) return [];
  const name = spec.name;
  const breaks = (print.rowBreaks ?? []).filter((r) => r > 0);
  return [
    {
      bytes: ACTION_BYTES * (12 + breaks.length),
      queue: (_ctx, sheets) => {
        const ws = sheets.get(name);
        const layout = ws.pageLayout;
        layout.orientation = print.landscape ? 'Landscape' : 'Portrait';
        if (print.paper === 'A4') layout.paperSize = 'A4';
        if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        else if (print.scale !== undefined) layout.zoom = { scale: print.scale };
        if (print.centerHorizontally) layout.centerHorizontally = true;
        const m = print.margins;
        if (m) {
          // Office.js takes margins in points; the spec gives inches, as Excel's page setup shows them.
          layout.leftMargin = m.left * 72;
          layout.rightMargin = m.right * 72;
          layout.topMargin = m.top * 72;
          layout.bottomMargin = m.bottom * 72;
          layout.headerMargin = m.header * 72;
          layout.footerMargin = m.footer * 72;
        }
        if (print.repeatRows) layout.setPrintTitleRows(`$${print.repeatRows[0] + 1}:$${print.repeatRows[1] + 1}`);
        const page = layout.headersFooters.defaultForAllPages;
        if (print.header?.left) page.leftHeader = print.header.left;
        if (print.header?.center) page.centerHeader = print.header.center;
        if (print.header?.right) page.rightHeader = print.header.right;
        if (print.footer?.left) page.leftFooter = print.footer.left;
        if (print.footer?.center) page.centerFooter = print.footer.center;
        if (print.footer?.right) page.rightFooter = print.footer.right;
        // A horizontal page break goes before the top row of the range it is given.
        for (const r of breaks) ws.horizontalPageBreaks.add(`A${r + 1}`);
      },
    },
  ];
}

/** Data bars (ExcelApi 1.6), the chart, drop-downs (1.8), protection and the sheet's visibility (1.2). */
function extraOps(spec: SheetSpec, session: ExcelSession): PlannedOp[] {
  const ops: PlannedOp[] = [];
  const name = spec.name;
  if (session.supports(6)) {
    for (const bar of spec.dataBars ?? []) {
      ops.push({
        bytes: ACTION_BYTES * 2,
        queue: (_ctx, sheets) => {
          const cf = sheets.get(name).getRange(rangeAddress(bar.range)).conditionalFormats.add('DataBar');
          cf.dataBar.positiveFormat.fillColor = bar.color;
        },
      });
    }
  }
  const chart = spec.chart;
  if (chart) {
    ops.push({
      bytes: ACTION_BYTES * (4 + (chart.seriesColors?.length ?? 0)),
      queue: (_ctx, sheets) => {
        const ws = sheets.get(name);
        const type = ({ barStacked: 'BarStacked', columnStacked: 'ColumnStacked', pie: 'Pie', barClustered: 'BarClustered' } as const)[chart.type];
        const made = ws.charts.add(type, ws.getRange(rangeAddress(chart.data)), 'Columns');
        made.title.text = chart.title;
        const a = chart.anchor;
        made.setPosition(cellAddress(a.row, a.col), cellAddress(a.row + a.rows - 1, a.col + a.cols - 1));
        (chart.seriesColors ?? []).forEach((colour, i) => made.series.getItemAt(i).format.fill.setSolidColor(colour));
      },
    });
  }
  if (session.supports(8)) {
    for (const d of spec.dropdowns ?? []) {
      ops.push({
        bytes: ACTION_BYTES + jsonBytes(d.options),
        queue: (_ctx, sheets) => {
          sheets.get(name).getRange(rangeAddress(d.range)).dataValidation.rule = { list: { inCellDropDown: true, source: d.options.join(',') } };
        },
      });
    }
  }
  const protection = spec.protection;
  if (protection && session.supports(2)) {
    ops.push({
      bytes: ACTION_BYTES * (1 + protection.unlocked.length),
      queue: (_ctx, sheets) => {
        const ws = sheets.get(name);
        for (const r of protection.unlocked) ws.getRange(rangeAddress(r)).format.protection.locked = false;
        ws.protection.protect();
      },
    });
  }
  if (spec.hidden && spec.hidden !== 'visible' && session.supports(2)) {
    const hidden = spec.hidden;
    ops.push({ bytes: ACTION_BYTES, queue: (_ctx, sheets) => void (sheets.get(name).visibility = hidden === 'hidden' ? 'Hidden' : 'VeryHidden') });
  }
  return ops;
}

function applySpecStyle(range: Excel.Range, style: SpecStyle): void {
  const f = range.format;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.italic !== undefined) f.font.italic = style.italic;
  if (style.fontSize !== undefined) f.font.size = style.fontSize;
  if (style.fontColor) f.font.color = style.fontColor;
  if (style.fill) f.fill.color = style.fill;
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.horizontal) f.horizontalAlignment = style.horizontal === 'left' ? 'Left' : style.horizontal === 'center' ? 'Center' : 'Right';
  if (style.vertical) f.verticalAlignment = style.vertical === 'top' ? 'Top' : style.vertical === 'middle' ? 'Center' : 'Bottom';
  if (style.border) {
    for (const side of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const) {
      const border = f.borders.getItem(side);
      border.color = '#000000';
      border.style = 'Continuous';
    }
  }
}

/**
 * Excel refuses to delete a very hidden sheet (by design: office-js #365, and the note in "Work with worksheets
 * using the Excel JavaScript API"), so the sheet is made visible first, in the same batch. Setting visibility
 * needs ExcelApi 1.2; below it the product never hid a sheet.
 */
export function deleteSheetOp(sheet: string, canSetVisibility: boolean): PlannedOp {
  return {
    bytes: canSetVisibility ? 2 * ACTION_BYTES : ACTION_BYTES,
    queue: (_ctx, sheets) => {
      const ws = sheets.get(sheet);
      if (canSetVisibility) ws.visibility = 'Visible';
      ws.delete();
      sheets.forget(sheet);
    },
  };
}
