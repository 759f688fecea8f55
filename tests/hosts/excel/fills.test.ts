/**
 * Highlight → clear through ExcelHost on cells with no fill, a white fill, pattern fills and gradient fills.
 * The simulator answers as Microsoft documents and as office-js issues report real builds answering:
 *  - no fill reads fill.color "#FFFFFF", like white (office-js #4900, #6218); fill.tintAndShade is null for no
 *    fill and a number for any fill (the maintainers' answer in #4900);
 *  - some builds answer fill.pattern null for both (#4900): `fillPatternReadsNull`;
 *  - gradients read as pattern LinearGradient / RectangularGradient, and cannot be written ("LinearGradient and
 *    RectangularGradient are not supported", Excel.RangeFill.pattern; UnsupportedFillType).
 */
import ExcelJS from 'exceljs';
import { cellAddress } from '../../../src/domain/address';
import { runClear } from '../../../src/workflows/clear';
import { runHighlight } from '../../../src/workflows/highlight';
import { SAMPLES, loadWorkbook, rig } from '../../support/excel-rig';

const AS_OF = '2022-09-15';

type FillCase = 'none' | 'white' | 'pattern' | 'linear' | 'path' | 'green';
const CASES: FillCase[] = ['none', 'white', 'pattern', 'linear', 'path', 'green'];

function fillFor(kind: FillCase): ExcelJS.Fill | undefined {
  switch (kind) {
    case 'none':
      return undefined;
    case 'white':
      return { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFFFF' } };
    case 'pattern':
      return { type: 'pattern', pattern: 'lightGrid', fgColor: { argb: 'FFFF0000' }, bgColor: { argb: 'FFFFFF00' } };
    case 'linear':
      return { type: 'gradient', gradient: 'angle', degree: 90, stops: [{ position: 0, color: { argb: 'FF4472C4' } }, { position: 1, color: { argb: 'FFFFFFFF' } }] };
    case 'path':
      return { type: 'gradient', gradient: 'path', center: { left: 0.5, top: 0.5 }, stops: [{ position: 0, color: { argb: 'FFFFC000' } }, { position: 1, color: { argb: 'FF70AD47' } }] };
    case 'green':
      return { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B050' } };
  }
}

/** Cells the highlight of the 2022 sample colours, one per case. */
async function colouredCells(): Promise<{ row: number; col: number }[]> {
  const probe = rig(await loadWorkbook(SAMPLES.allocation), {});
  const result = await runHighlight(probe.host, { asOf: AS_OF });
  const cells: { row: number; col: number }[] = [];
  for (const run of result.plan.runs) for (const r of run.ranges) cells.push({ row: r.top, col: r.left });
  return cells.slice(0, CASES.length);
}

async function workbookWithFills(cells: { row: number; col: number }[]): Promise<ExcelJS.Workbook> {
  const wb = await loadWorkbook(SAMPLES.allocation);
  const ws = wb.worksheets[0];
  CASES.forEach((kind, i) => {
    const cell = ws.getCell(cells[i].row + 1, cells[i].col + 1);
    const fill = fillFor(kind);
    cell.style = { ...cell.style, fill: fill as ExcelJS.Fill };
    if (!fill) delete (cell.style as { fill?: unknown }).fill;
  });
  return wb;
}

/** What a cell's fill is, in words the assertions compare. */
function fillOf(ws: ExcelJS.Worksheet, at: { row: number; col: number }): string {
  const fill = ws.getCell(at.row + 1, at.col + 1).fill as ExcelJS.Fill | undefined;
  if (!fill || (fill.type === 'pattern' && fill.pattern === 'none')) return 'none';
  if (fill.type === 'gradient') return `gradient:${fill.gradient}:${fill.stops.map((s) => s.color.argb).join('>')}`;
  if (fill.pattern === 'solid') return `solid:${fill.fgColor?.argb}`;
  return `${fill.pattern}:${fill.fgColor?.argb}/${fill.bgColor?.argb}`;
}

describe.each([
  ['ExcelApi 1.20', { apiVersion: '1.20' }],
  ['ExcelApi 1.9, a build answering pattern null (office-js #4900)', { apiVersion: '1.9', fillPatternReadsNull: true }],
] as const)('highlight → clear on no fill, white, pattern and gradient fills, %s', (_label, options) => {
  it('restores no fill as no fill, white as white, patterns exactly, and leaves gradients untouched with a warning', async () => {
    const cells = await colouredCells();
    const r = rig(await workbookWithFills(cells), options);
    const ws = r.sim.workbook.worksheets[0];
    const before = cells.map((c) => fillOf(ws, c));
    expect(before[0]).toBe('none');

    const highlight = await runHighlight(r.host, { asOf: AS_OF });
    const gradientCells = [cells[3], cells[4]].map((c) => cellAddress(c.row, c.col));
    expect(highlight.warnings).toHaveLength(1);
    expect(highlight.warnings[0].zh).toMatch(/^2 个单元格为渐变填充/);
    for (const address of gradientCells) expect(highlight.warnings[0].zh).toContain(address);
    // Painted: the solid and patterned ones; untouched: both gradients.
    expect(fillOf(ws, cells[0])).not.toBe('none');
    expect(fillOf(ws, cells[3])).toBe(before[3]);
    expect(fillOf(ws, cells[4])).toBe(before[4]);

    await runClear(r.host);
    const after = cells.map((c) => fillOf(ws, c));
    expect(after).toEqual(before);
  });
});

describe('highlight → clear at ExcelApi 1.1 (no pattern or tint to read)', () => {
  it('restores no fill and solid colours; white comes back as no fill; warns that coloured fills come back solid', async () => {
    const cells = await colouredCells();
    const r = rig(await workbookWithFills(cells), { apiVersion: '1.1' });
    const ws = r.sim.workbook.worksheets[0];
    // Below 1.9 the printed legend cannot be written either; that warning is the print's, not the fills'.
    const aboutFills = (warnings: { zh: string; en: string }[]) => warnings.filter((w) => !w.zh.includes('页眉页脚'));
    const highlight = await runHighlight(r.host, { asOf: AS_OF });
    expect(highlight.warnings.some((w) => w.zh.includes('页眉页脚'))).toBe(true);
    // The pattern, both gradients and the green fill: colours without their kind, and the clerk is told so.
    const fills = aboutFills(highlight.warnings);
    expect(fills).toHaveLength(1);
    expect(fills[0].zh).toMatch(/^4 个单元格原有彩色填充/);
    expect(fills[0].zh).toContain('低于 ExcelApi 1.9');
    expect(fills[0].en).toMatch(/^4 cells had a coloured fill/);
    for (const i of [2, 3, 4, 5]) expect(fills[0].zh).toContain(cellAddress(cells[i].row, cells[i].col));
    // Highlighting again keeps the saved originals and colours nothing new: no second warning about fills.
    expect(aboutFills((await runHighlight(r.host, { asOf: AS_OF })).warnings)).toEqual([]);
    await runClear(r.host);
    expect(fillOf(ws, cells[0])).toBe('none');
    expect(fillOf(ws, cells[1])).toBe('none');
    expect(fillOf(ws, cells[5])).toBe('solid:FF00B050');
    // What "comes back as a solid fill of that colour" means, as warned: the colour Excel reported.
    expect(fillOf(ws, cells[3])).toBe('solid:FF4472C4');
  });
});

describe('the simulator answers fills as Excel does', () => {
  it('no fill and white both read #FFFFFF; tintAndShade tells them apart; gradients read as gradients', async () => {
    const cells = await colouredCells();
    const r = rig(await workbookWithFills(cells), {});
    const answers = await r.sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(r.sim.workbook.worksheets[0].name);
      const fills = cells.map((c) => ws.getRange(cellAddress(c.row, c.col)).format.fill.load(['color', 'pattern', 'tintAndShade']));
      await ctx.sync();
      return fills.map((f) => ({ color: f.color, pattern: f.pattern, tintAndShade: f.tintAndShade }));
    });
    expect(answers[0]).toEqual({ color: '#FFFFFF', pattern: 'None', tintAndShade: null });
    expect(answers[1]).toEqual({ color: '#FFFFFF', pattern: 'Solid', tintAndShade: 0 });
    expect(answers[2].pattern).toBe('Grid');
    expect(answers[3].pattern).toBe('LinearGradient');
    expect(answers[4].pattern).toBe('RectangularGradient');
  });

  it('refuses to set a gradient pattern with UnsupportedFillType, the code Office.js names', async () => {
    const fs = await import('fs');
    const typings = fs.readFileSync(require.resolve('@types/office-js/index.d.ts'), 'utf8');
    expect(typings).toContain('unsupportedFillType = "UnsupportedFillType"');
    expect(typings).toContain('LinearGradient and RectangularGradient are not supported');
    const r = rig(await loadWorkbook(SAMPLES.allocation), {});
    await expect(
      r.sim.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(r.sim.workbook.worksheets[0].name).getRange('A1').format.fill.pattern = 'LinearGradient';
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'UnsupportedFillType' });
  });
});
