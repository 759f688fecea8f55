import ExcelJS from 'exceljs';
import type { CellRange, CellStyle } from '../../../src/domain/types';
import { valuesHash, reopen, reopenHost } from '../../support/workbook-files';

/**
 * A sheet whose cells share loaded style objects and use every way Excel records a colour: ARGB, theme
 * with tint, the indexed palette, a pattern that is not solid, and no fill at all.
 */
function styledWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务分工');
  const body: Partial<ExcelJS.Style> = {
    font: { name: '仿宋_GB2312', size: 12, bold: true },
    border: { top: { style: 'thin' }, bottom: { style: 'thin' } },
    alignment: { wrapText: true, vertical: 'middle' },
  };
  for (let r = 1; r <= 6; r++) {
    for (let c = 1; c <= 4; c++) {
      const cell = ws.getCell(r, c);
      cell.value = `${r}-${c}`;
      cell.style = structuredClone(body);
    }
  }
  ws.getCell('A2').fill = { type: 'pattern', pattern: 'solid', fgColor: { theme: 4 } };
  ws.getCell('A5').fill = { type: 'pattern', pattern: 'solid', fgColor: { theme: 4, tint: 0.7999816888943144 } as Partial<ExcelJS.Color> };
  ws.getCell('B2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  ws.getCell('C2').fill = { type: 'pattern', pattern: 'solid', fgColor: { indexed: 43 } as Partial<ExcelJS.Color> };
  ws.getCell('D2').fill = { type: 'pattern', pattern: 'lightGray', fgColor: { argb: 'FF00FF00' } };
  ws.getCell('A3').font = { name: '宋体', size: 11, italic: true, color: { theme: 1 } };
  ws.getCell('B3').font = { name: '宋体', size: 11, color: { indexed: 10 } as Partial<ExcelJS.Color> };
  ws.getCell('C3').font = { name: '宋体', size: 11, color: { argb: 'FF0070C0' } };
  ws.getCell('E1').value = 'untouched';
  return wb;
}

const TABLE: CellRange = { top: 0, left: 0, bottom: 5, right: 3 };
const tokens = (styles: CellStyle[]): string[] => styles.map((s) => s.token);

describe('colours: readStyles → colour → restore', () => {
  it('normalises ARGB, theme+tint and indexed colours; a cell with no fill reads as null', async () => {
    const host = await reopen(styledWorkbook());
    const styles = await host.readStyles('任务分工', [{ top: 1, left: 0, bottom: 4, right: 3 }]);
    const at = (r: number, c: number): CellStyle => styles.find((s) => s.row === r && s.col === c)!;
    // ExcelJS writes the Office 2007 theme (accent1 4F81BD); the palette is read from the file's own theme.
    expect(at(1, 0).fill).toBe('#4F81BD');
    // 80 % lighter: Excel shows DCE6F1; HSL arithmetic may differ from Excel's by one step per channel.
    const tinted = at(4, 0).fill!;
    ['DC', 'E6', 'F1'].forEach((channel, i) => {
      expect(Math.abs(parseInt(tinted.slice(1 + 2 * i, 3 + 2 * i), 16) - parseInt(channel, 16))).toBeLessThanOrEqual(1);
    });
    expect(at(1, 1).fill).toBe('#FFFF00');
    expect(at(1, 2).fill).toBe('#FFFF99'); // indexed 43
    expect(at(1, 3).fill).toBeNull(); // a light-grey pattern is not a solid colour
    expect(at(2, 0)).toMatchObject({ fill: null, font: '#000000' });
    expect(at(2, 1).font).toBe('#FF0000');
    expect(at(2, 2).font).toBe('#0070C0');
    expect(at(2, 3).font).toBeNull(); // automatic
  });

  it('reads cells the sheet does not hold without creating them; they show their column\'s fill', async () => {
    const wb = styledWorkbook();
    wb.getWorksheet('任务分工')!.getColumn(6).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B050' } };
    const host = await reopen(wb);
    const ws = host.workbook.getWorksheet('任务分工')!;
    const rows = ws.rowCount;
    const styles = await host.readStyles('任务分工', [{ top: 0, left: 4, bottom: 19, right: 5 }]);
    expect(styles).toHaveLength(40);
    expect(styles.find((s) => s.row === 15 && s.col === 5)!.fill).toBe('#00B050');
    expect(styles.find((s) => s.row === 15 && s.col === 4)!.fill).toBeNull();
    expect(ws.rowCount).toBe(rows);
    expect(ws.findCell(2, 5)).toBeUndefined();
  });

  it('colours only the given cells, keeps bold/size/name, and restore gives back exactly the original tokens and values', async () => {
    const host = await reopen(styledWorkbook());
    const valuesBefore = valuesHash(host.workbook, []);
    const before = await host.readStyles('任务分工', [TABLE]);
    const outsideBefore = await host.readStyles('任务分工', [{ top: 0, left: 4, bottom: 5, right: 5 }]);

    await host.apply([{ kind: 'colour', sheet: '任务分工', ranges: [{ top: 1, left: 0, bottom: 3, right: 3 }], fill: '#FFC7CE', font: '#9C0006' }]);
    const coloured = await host.readStyles('任务分工', [TABLE]);
    for (const s of coloured) {
      const inside = s.row >= 1 && s.row <= 3;
      if (inside) expect([s.fill, s.font]).toEqual(['#FFC7CE', '#9C0006']);
      else expect(s.token).toBe(before.find((b) => b.row === s.row && b.col === s.col)!.token);
    }
    // Cells that shared a style object with coloured cells are not recoloured through it.
    expect(tokens(await host.readStyles('任务分工', [{ top: 0, left: 4, bottom: 5, right: 5 }]))).toEqual(tokens(outsideBefore));
    const ws = host.workbook.getWorksheet('任务分工')!;
    expect(ws.getCell('B2').font).toMatchObject({ name: '仿宋_GB2312', size: 12, bold: true });
    expect(ws.getCell('A3').font).toMatchObject({ name: '宋体', size: 11, italic: true });
    expect(ws.getCell('A2').border).toEqual(ws.getCell('A6').border);

    // Restore through a save/reopen, as clear does on a later run.
    const reopened = await reopenHost(host);
    await reopened.apply([{ kind: 'restore', sheet: '任务分工', styles: before.filter((s) => s.row >= 1 && s.row <= 3) }]);
    const restored = await (await reopenHost(reopened)).readStyles('任务分工', [TABLE]);
    expect(tokens(restored)).toEqual(tokens(before));
    expect(restored.map((s) => [s.fill, s.font])).toEqual(before.map((s) => [s.fill, s.font]));
    expect(valuesHash(reopened.workbook, [])).toBe(valuesBefore);
    // The rest of the font survives the round trip too.
    expect(reopened.workbook.getWorksheet('任务分工')!.getCell('B2').font).toMatchObject({ name: '仿宋_GB2312', size: 12, bold: true });
  });

  it('a cell that had no fill gets no fill back (not white), and one without a font colour gets automatic again', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('表').getCell('B2').value = '无格式';
    const host = await reopen(wb);
    const [before] = await host.readStyles('表', [{ top: 1, left: 1, bottom: 1, right: 1 }]);
    expect([before.fill, before.font]).toEqual([null, null]);
    await host.apply([{ kind: 'colour', sheet: '表', ranges: [{ top: 1, left: 1, bottom: 1, right: 1 }], fill: '#C6EFCE', font: '#006100' }]);
    const cell = host.workbook.getWorksheet('表')!.getCell('B2');
    // Coloured, it keeps showing the workbook's default font (ExcelJS writes Calibri 11 as font 0).
    expect(cell.font).toEqual({ name: 'Calibri', size: 11, color: { argb: 'FF006100' } });
    await host.apply([{ kind: 'restore', sheet: '表', styles: [before] }]);
    expect(cell.font).toBeUndefined();
    expect(cell.fill).toBeUndefined();
    const [after] = await host.readStyles('表', [{ top: 1, left: 1, bottom: 1, right: 1 }]);
    expect(after.token).toBe(before.token);
  });

  it('restores from another host\'s token using the normalised colours saved with it', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('表').getCell('A1').value = 'x';
    const host = await reopen(wb);
    await host.apply([{ kind: 'colour', sheet: '表', ranges: [{ top: 0, left: 0, bottom: 1, right: 0 }], fill: '#FFC7CE', font: '#9C0006' }]);
    await host.apply([{ kind: 'restore', sheet: '表', styles: [
      { row: 0, col: 0, fill: '#FFFF00', font: '#0070C0', token: 'excel:{"fill":"#FFFF00"}' },
      { row: 1, col: 0, fill: null, font: null, token: 'excel:{}' },
    ] }]);
    const [a, b] = await host.readStyles('表', [{ top: 0, left: 0, bottom: 1, right: 0 }]);
    expect([a.fill, a.font, b.fill, b.font]).toEqual(['#FFFF00', '#0070C0', null, null]);
  });
});
