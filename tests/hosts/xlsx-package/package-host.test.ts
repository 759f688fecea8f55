/**
 * The package host against the ExcelJS host (same grid, state and colours on every fixture and sample, except
 * where ExcelJS is wrong — each case named below), and its promise: after highlight, summary and clear every part
 * the change does not concern is the input's entry byte for byte, and every cell value of every sheet reads the
 * same from the raw XML. The output loads in ExcelJS and converts in LibreOffice.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { XlsxHost } from '../../../src/hosts/xlsx';
import { PackageHost } from '../../../src/hosts/xlsx-package/package-host';
import { runClear } from '../../../src/workflows/clear';
import { runHighlight } from '../../../src/workflows/highlight';
import { runSummary } from '../../../src/workflows/summary';
import { byName, expectOnlyConcernedPartsChanged, INJECTED, soffice, taskSheetPart, text, trickyWorkbook } from '../../support/package-parts';

const ROOT = path.resolve(__dirname, '../../..');

function workbookFiles(): string[] {
  const dirs = ['tests/fixtures/bad', 'tests/fixtures/layouts', 'samples'];
  return dirs.flatMap((d) => fs.readdirSync(path.join(ROOT, d)).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(d, f)));
}

async function openBoth(bytes: Uint8Array): Promise<[XlsxHost, PackageHost] | null> {
  let a: XlsxHost;
  try {
    a = await XlsxHost.open(bytes);
  } catch {
    expect(() => PackageHost.open(bytes)).toThrow();
    return null;
  }
  return [a, PackageHost.open(bytes)];
}

describe('the package reader gives what the ExcelJS reader gives', () => {
  it.each(workbookFiles())('%s', async (file) => {
    const both = await openBoth(new Uint8Array(fs.readFileSync(path.join(ROOT, file))));
    if (!both) return; // both refuse it (not an .xlsx, damaged …)
    const [a, b] = both;
    const [sa, sb] = [await a.read(), await b.read()];
    expect(sb.sheets).toEqual(sa.sheets);
    expect(sb.activeSheet).toBe(sa.activeSheet);
    expect(sb.stateText).toBe(sa.stateText);
    for (const { name } of sa.sheets) {
      const ga = (await a.read({ sheet: name })).grid!;
      const gb = (await b.read({ sheet: name })).grid!;
      expect(gb).toEqual(ga);
      if (!ga.values.length) continue;
      const range = { top: ga.originRow, left: ga.originCol, bottom: ga.originRow + ga.values.length - 1, right: ga.originCol + ga.values[0].length - 1 };
      const [ya, yb] = [await a.readStyles(name, [range]), await b.readStyles(name, [range])];
      yb.forEach((y, i) => {
        const x = ya[i];
        expect(y.fill).toBe(x.fill);
        // ExcelJS wrong: it gives a cell of format 0 (Excel's Normal style) no style at all, so no font colour;
        // Excel shows, and this host reports, the Normal style's font colour. Elsewhere the colours and the
        // tokens are the same, so either host can restore what the other recorded.
        if (x.token === 'xlsx1:{"fill":null,"fontColor":null,"hasFont":false}') return;
        expect(y.font).toBe(x.font);
        expect(y.token).toBe(x.token);
      });
    }
  });
});

describe('a file coloured by the ExcelJS host', () => {
  it('is cleared by the package host to the colours it had (the tokens are the same model)', async () => {
    const input = new Uint8Array(fs.readFileSync(path.join(ROOT, 'samples/liangjiang-2022-returns.xlsx')));
    const old = await XlsxHost.open(input);
    await runHighlight(old, { asOf: '2022-09-30' });
    const clearing = PackageHost.open(await old.toBuffer());
    expect((await runClear(clearing, {})).restoredCells).toBeGreaterThan(0);
    const [before, after] = [PackageHost.open(input), PackageHost.open(clearing.toBytes())];
    const grid = (await before.read({ sheet: '任务分工' })).grid!;
    const range = { top: grid.originRow, left: grid.originCol, bottom: grid.originRow + grid.values.length - 1, right: grid.originCol + grid.values[0].length - 1 };
    const colours = (s: { fill: string | null; font: string | null }[]) => s.map((x) => [x.fill, x.font]);
    expect(colours(await after.readStyles('任务分工', [range]))).toEqual(colours(await before.readStyles('任务分工', [range])));
  });
});

describe('highlight, summary and clear change only what they concern', () => {
  let input: Uint8Array;
  let highlighted: Uint8Array;
  let summarised: Uint8Array;
  let cleared: Uint8Array;
  let tmp: string;

  beforeAll(async () => {
    input = await trickyWorkbook();
    const h = PackageHost.open(input);
    await runHighlight(h, { asOf: '2022-09-30' });
    highlighted = h.toBytes();
    const s = PackageHost.open(highlighted);
    await runSummary(s, { asOf: '2022-09-30', generatedAt: '2022-09-30 12:00' });
    summarised = s.toBytes();
    const c = PackageHost.open(summarised);
    await runClear(c, {});
    cleared = c.toBytes();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'package-host-'));
  }, 60_000);

  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('reads escapes and 17-digit serials as Excel means them', async () => {
    const grid = (await PackageHost.open(input).read({ sheet: '备注' })).grid!;
    expect(grid.values[0][0]).toBe('编号_x0041_原样\r第二行');
    // Serial 44562 is 2022-01-01; ExcelJS rounds the time to the millisecond and gives 44563, a day later.
    expect(grid.values[1][0]).toEqual({ kind: 'date', iso: '2022-01-01', serial: 44562.99999999999 });
  });

  it('keeps every other part byte for byte, and every value', () => {
    const task = taskSheetPart(input);
    expectOnlyConcernedPartsChanged(input, highlighted, [task]);
    expectOnlyConcernedPartsChanged(highlighted, summarised, [task]);
    expectOnlyConcernedPartsChanged(summarised, cleared, [task]);
    const after = byName(cleared);
    for (const name of Object.keys(INJECTED)) expect(text(after.get(name))).toBe(INJECTED[name][1]);
  });

  it('clear puts back the colours highlight replaced', async () => {
    const task = taskSheetPart(input);
    const [a, b] = [PackageHost.open(input), PackageHost.open(cleared)];
    const grid = (await a.read({ sheet: '任务分工' })).grid!;
    const range = { top: grid.originRow, left: grid.originCol, bottom: grid.originRow + grid.values.length - 1, right: grid.originCol + grid.values[0].length - 1 };
    const strip = (s: { fill: string | null; font: string | null; token: string }[]) => s.map((x) => [x.fill, x.font, x.token]);
    expect(strip(await b.readStyles('任务分工', [range]))).toEqual(strip(await a.readStyles('任务分工', [range])));
    expect(task).toMatch(/^xl\/worksheets\//);
  });

  it('writes values into a clerk sheet (collect) cell by cell, the rest of the sheet as it was', async () => {
    const host = PackageHost.open(input);
    await host.apply([
      {
        kind: 'cells',
        sheet: '备注',
        writes: [
          { row: 0, col: 3, value: '=不是公式' },
          { row: 2, col: 0, value: { date: '2022-09-15' } },
          { row: 0, col: 0, value: 5 },
          { row: 0, col: 2, value: '第二列\r换行', styleFrom: { row: 1, col: 0 } },
        ],
      },
    ]);
    const expected = [
      [5, null, '第二列\r换行', '=不是公式'],
      [{ kind: 'date', iso: '2022-01-01', serial: 44562.99999999999 }, null, null, null],
      [{ kind: 'date', iso: '2022-09-15', serial: 44819 }, null, null, null],
    ];
    expect((await host.read({ sheet: '备注' })).grid!.values).toEqual(expected);
    const out = host.toBytes();
    expect((await PackageHost.open(out).read({ sheet: '备注' })).grid!.values).toEqual(expected);
    const task = taskSheetPart(input);
    const [before, after] = [byName(input), byName(out)];
    expect(after.get(task)!.compressed).toEqual(before.get(task)!.compressed);
    expect(after.get('xl/sharedStrings.xml')!.compressed).toEqual(before.get('xl/sharedStrings.xml')!.compressed);
  });

  it('reads the same after a save as before it (a save drops the sheet models it can read again), values written by the product included', async () => {
    const host = PackageHost.open(input);
    await runHighlight(host, { asOf: '2022-09-15' });
    await host.apply([{ kind: 'cells', sheet: '备注', writes: [{ row: 0, col: 3, value: '写入的值' }] }]);
    const grid = (await host.read({ sheet: '任务分工' })).grid!;
    const range = { top: grid.originRow, left: grid.originCol, bottom: grid.originRow + grid.values.length - 1, right: grid.originCol + grid.values[0].length - 1 };
    const styles = await host.readStyles('任务分工', [range]);
    const notes = (await host.read({ sheet: '备注' })).grid!.values;
    const first = host.toBytes(new Date(2022, 8, 15));
    expect((await host.read({ sheet: '任务分工' })).grid!.values).toEqual(grid.values);
    expect(await host.readStyles('任务分工', [range])).toEqual(styles);
    expect((await host.read({ sheet: '备注' })).grid!.values).toEqual(notes);
    expect(notes[0][3]).toBe('写入的值');
    expect(host.toBytes(new Date(2022, 8, 15))).toEqual(first);
  });

  it('loads in ExcelJS', async () => {
    for (const bytes of [highlighted, summarised, cleared]) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['任务分工', '备注', '_allocation_state']));
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(summarised) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('落实情况汇总')).toBeDefined();
  });

  (soffice ? it : it.skip)('converts in LibreOffice', () => {
    const file = path.join(tmp, 'summarised.xlsx');
    fs.writeFileSync(file, summarised);
    execFileSync('soffice', ['--headless', '--convert-to', 'csv', '--outdir', tmp, file], { stdio: 'pipe', timeout: 120_000 });
    const csv = fs.readFileSync(path.join(tmp, 'summarised.csv'), 'utf8');
    expect(csv.length).toBeGreaterThan(100);
  }, 150_000);
  if (!soffice) console.log('LibreOffice (soffice) is not installed: the LibreOffice conversion check is skipped');
});
