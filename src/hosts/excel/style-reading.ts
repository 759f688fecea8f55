/**
 * `readStyles`: the fill and font colour of cells, in as few syncs as their count allows — every cell through
 * getCellProperties from ExcelApi 1.9, a colour load per range before it — asking whole blocks first, so a sheet
 * not coloured yet answers in one round trip.
 */
import { cellAddress, rangeAddress } from '../../domain/address';
import { cellKey, forEachCell, rangeCellCount } from '../../domain/cell-ranges';
import type { CellRange, CellStyle } from '../../domain/types';
import { cellStyle, FILL_PROPERTIES_1_9 } from './fill-reading';
import { sliceByCells } from './limits';
import type { Ctx, ExcelSession, Sheet } from './session';

export async function readStyles(session: ExcelSession, sheet: string, ranges: CellRange[]): Promise<CellStyle[]> {
  if (!ranges.length) return [];
  const patternsKnown = session.supports(9);
  const { cellPropertiesCells, styleProbes } = session.limits;
  const cells = ranges.reduce((n, r) => n + rangeCellCount(r), 0);
  return session.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    const found = new Map<number, CellStyle>();
    const inBatches = async (items: CellRange[], size: number, each: (batch: CellRange[]) => Promise<CellRange[] | void>) => {
      const rest: CellRange[] = [];
      for (let i = 0; i < items.length; i += size) rest.push(...((await each(items.slice(i, i + size))) ?? []));
      return rest;
    };
    if (patternsKnown && cells <= cellPropertiesCells) {
      await cellProperties(ctx, ws, ranges, found);
    } else if (!patternsKnown && cells <= styleProbes) {
      await probeUniform(ctx, ws, ranges.flatMap(singleCells), found, false);
    } else {
      // Large areas: first ask each block of stacked ranges for its one colour — a sheet not coloured yet
      // answers in this single round trip — then look closer only where a block is mixed.
      const mixed = await inBatches(coalesce(ranges), styleProbes, (batch) => probeUniform(ctx, ws, batch, found, patternsKnown));
      if (mixed.length && patternsKnown) {
        for (const batch of sliceByCells(mixed, cellPropertiesCells)) await cellProperties(ctx, ws, batch, found);
      } else if (mixed.length) {
        const rows = mixed.flatMap((r) => Array.from({ length: r.bottom - r.top + 1 }, (_, i) => ({ ...r, top: r.top + i, bottom: r.top + i })));
        const mixedRows = await inBatches(rows, styleProbes, (batch) => probeUniform(ctx, ws, batch, found, false));
        await inBatches(mixedRows.flatMap(singleCells), styleProbes, (batch) => probeUniform(ctx, ws, batch, found, false));
      }
    }
    const out: CellStyle[] = [];
    forEachCell(ranges, (row, col) => out.push(found.get(cellKey(row, col))!));
    return out;
  });
}

/** One sync: range-level colours; fills `found` for ranges of one colour and returns the mixed ones. */
async function probeUniform(ctx: Ctx, ws: Sheet, ranges: CellRange[], found: Map<number, CellStyle>, patternsKnown: boolean): Promise<CellRange[]> {
  const probes = ranges.map((r) => {
    const range = ws.getRange(rangeAddress(r));
    const fill = range.format.fill.load(patternsKnown ? FILL_PROPERTIES_1_9 : ['color']);
    const font = range.format.font.load('color');
    return { r, fill, font };
  });
  await ctx.sync();
  const mixed: CellRange[] = [];
  for (const { r, fill, font } of probes) {
    const single = r.top === r.bottom && r.left === r.right;
    // A range's null pattern means "not uniform" — or, on some builds, no pattern reported at all (office-js
    // #4900): a single cell then answers through its tint; a larger range is looked at cell by cell.
    if (fill.color === null || font.color === null || (patternsKnown && fill.pattern === null && !single)) {
      if (single) throw new Error(`Excel reported no single colour for the cell ${cellAddress(r.top, r.left)}`);
      mixed.push(r);
      continue;
    }
    const observed = patternsKnown
      ? { fill: fill.color, font: font.color, pattern: fill.pattern, patternColor: fill.patternColor, tintAndShade: fill.tintAndShade }
      : { fill: fill.color, font: font.color };
    // One style for the whole range, copied to each cell (a block can span 100 000 rows).
    const style = cellStyle(r.top, r.left, observed, patternsKnown);
    forEachCell([r], (row, col) => found.set(cellKey(row, col), { ...style, row, col }));
  }
  return mixed;
}

/** One sync: every cell's colours through getCellProperties (ExcelApi 1.9). */
async function cellProperties(ctx: Ctx, ws: Sheet, ranges: CellRange[], found: Map<number, CellStyle>): Promise<void> {
  const results = ranges.map((r) => ({
    r,
    props: ws.getRange(rangeAddress(r)).getCellProperties({ format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true }, font: { color: true } } }),
  }));
  await ctx.sync();
  for (const { r, props } of results) {
    props.value.forEach((line, i) =>
      line.forEach((p, j) => {
        const row = r.top + i;
        const col = r.left + j;
        const f = p.format;
        const fill = f?.fill;
        const observed = { fill: fill?.color ?? null, font: f?.font?.color ?? null, pattern: fill?.pattern ?? null, patternColor: fill?.patternColor ?? null, tintAndShade: fill?.tintAndShade ?? null };
        found.set(cellKey(row, col), cellStyle(row, col, observed, true));
      }),
    );
  }
}

function singleCells(r: CellRange): CellRange[] {
  const out: CellRange[] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push({ top: row, left: col, bottom: row, right: col });
  return out;
}

/** Ranges stacked into blocks: same columns, touching or overlapping rows. Their union is unchanged. */
function coalesce(ranges: CellRange[]): CellRange[] {
  const sorted = [...ranges].sort((a, b) => a.left - b.left || a.right - b.right || a.top - b.top);
  const out: CellRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.left === r.left && last.right === r.right && r.top <= last.bottom + 1) last.bottom = Math.max(last.bottom, r.bottom);
    else out.push({ ...r });
  }
  return out;
}
