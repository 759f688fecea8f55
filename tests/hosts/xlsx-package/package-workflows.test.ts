/**
 * collect, 回头看, import into a workbook and the 单位名录 sheet through the package host, on a workbook holding
 * what ExcelJS loses: every part other than the ones the change concerns is the input's entry byte for byte,
 * every clerk cell reads the same from the raw XML (collect's own cells aside), the Excel table, macrosheet and
 * webextension survive untouched, and the output loads in ExcelJS and converts in LibreOffice.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { cellAddress } from '../../../src/domain/address';
import { CARRY_OVER_SHEET_NAME } from '../../../src/domain/carry-over';
import { UNIT_DIRECTORY_SHEET } from '../../../src/domain/units';
import { PackageHost } from '../../../src/hosts/xlsx-package/package-host';
import { newEntry, readZip, writeZip } from '../../../src/hosts/xlsx-package/zip';
import type { CellWrite } from '../../../src/ports/workbook-host';
import { runCarryOver } from '../../../src/workflows/carry-over';
import { runCheck } from '../../../src/workflows/check';
import { runCollect, type CollectResult } from '../../../src/workflows/collect';
import { createDirectorySheet } from '../../../src/workflows/directory';
import { runImportNotice } from '../../../src/workflows/import-notice';
import { sampleDirectory } from '../../support/sample-directory';
import { byName, expectOnlyConcernedPartsChanged, INJECTED, soffice, taskSheetPart, text, trickyWorkbook } from '../../support/package-parts';
import { fillAnswers, ROOT, SHEET, splitFile } from '../../support/returns';
import { countingHost } from '../../support/highlight';

/** A note as a return stores it: a literal `_x0041_` (its underscore escaped), a carriage return, a leading `=`. */
const RETURNED_NOTE = '=进展_x005F_x0041_照录_x000D_第二行';
/** The note merged (the product keeps line breaks as line feeds), and as the master must store it. */
const TRICKY_NOTE = '=进展_x0041_照录\n第二行';
const TRICKY_NOTE_STORED = '=进展_x005F_x0041_照录\n第二行';
const NOTE_PLACEHOLDER = 'NOTE_PLACEHOLDER';

async function loads(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

function expectInjectedIntact(output: Uint8Array): void {
  const after = byName(output);
  for (const name of Object.keys(INJECTED)) expect(text(after.get(name))).toBe(INJECTED[name][1]);
}

let input: Uint8Array;
let tmp: string;
beforeAll(async () => {
  input = await trickyWorkbook();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'package-workflows-'));
}, 60_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('collect through the package host', () => {
  let output: Uint8Array;
  let result: CollectResult;
  let writes: CellWrite[];

  beforeAll(async () => {
    const split = await splitFile(path.join(ROOT, 'samples/liangjiang-2022.xlsx'), 'both', sampleDirectory());
    const filled = await fillAnswers(split.copies.get('办公室')!, () => ({ status: '滞后', explanation: NOTE_PLACEHOLDER }));
    // The note as Excel stores it in the return's shared strings (ExcelJS would not write the escapes).
    const returned = writeZip(
      readZip(filled).map((e) => (e.name === 'xl/sharedStrings.xml' ? newEntry(e.name, new TextEncoder().encode(text(e).replace(NOTE_PLACEHOLDER, RETURNED_NOTE)), e) : e)),
    );
    const master = PackageHost.open(input);
    const { host, calls } = countingHost(master);
    result = await runCollect(host, [{ name: '办公室.xlsx', receivedAt: '2022-09-10 10:00', open: async () => PackageHost.open(returned) }], {
      asOf: '2022-09-15',
      generatedAt: '2022-09-15 12:00',
      directory: sampleDirectory(),
    });
    writes = calls.changes.flat().flatMap((c) => (c.kind === 'cells' ? c.writes : []));
    output = master.toBytes();
  }, 120_000);

  it('merges the answers', () => {
    expect(result.returns[0].accepted).toBe(true);
    expect(result.addedColumns).toEqual(['status', 'explanation', 'doneDate', 'unit', 'time']);
    expect(writes.length).toBeGreaterThan(10);
  });

  it('changes only the master sheet (only the cells it writes) and the parts that list sheets and formats', () => {
    const task = taskSheetPart(input);
    expectOnlyConcernedPartsChanged(input, output, [task], { [task]: writes.map((w) => cellAddress(w.row, w.col)) });
    expectInjectedIntact(output);
  });

  it('writes the note as Excel escapes it, reads it back as typed, and gives the added columns their widths', async () => {
    const raw = text(byName(output).get(taskSheetPart(input)));
    expect(raw).toContain(TRICKY_NOTE_STORED);
    const grid = (await PackageHost.open(output).read({ sheet: SHEET })).grid!;
    const explanation = result.returnColumns.explanation - grid.originCol;
    expect(grid.values.some((row) => row[explanation] === TRICKY_NOTE)).toBe(true);
    const look = (await PackageHost.open(output).read({ sheet: SHEET, look: true })).look!;
    expect(result.addedColumns.map((role) => look.columnWidths?.[result.returnColumns[role]])).toEqual([14, 36, 13, 18, 17]);
    const ws = (await loads(output)).getWorksheet(SHEET)!;
    expect(ws.getColumn(result.returnColumns.explanation + 1).width).toBe(36);
    expect((await loads(output)).getWorksheet('回收情况')).toBeDefined();
  });

  (soffice ? it : it.skip)(
    'converts in LibreOffice, the merged answers in the csv',
    () => {
      const file = path.join(tmp, 'collected.xlsx');
      fs.writeFileSync(file, output);
      execFileSync('soffice', ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', tmp, file], { stdio: 'pipe', timeout: 120_000 });
      const csv = fs.readFileSync(path.join(tmp, 'collected.csv'), 'utf8');
      expect(csv).toContain('完成情况');
      expect(csv).toContain('进展_x0041_照录');
    },
    150_000,
  );
});

describe('sheets the product adds leave every clerk part as it was', () => {
  async function expectAddsOnly(change: (host: PackageHost) => Promise<unknown>, sheet: string): Promise<Uint8Array> {
    const host = PackageHost.open(input);
    await change(host);
    const output = host.toBytes();
    expectOnlyConcernedPartsChanged(input, output, []);
    expectInjectedIntact(output);
    expect((await loads(output)).getWorksheet(sheet)).toBeDefined();
    return output;
  }

  it('回头看 into this year’s workbook (last year’s only read)', async () => {
    const ledger = new Uint8Array(fs.readFileSync(path.join(ROOT, 'tests/fixtures/layouts/a-xuhao-cooperating.xlsx')));
    const { host: last, calls } = countingHost(PackageHost.open(ledger));
    await expectAddsOnly((host) => runCarryOver(host, last, { createdAt: '2023-01-05 09:00', lastPlanYear: 2021 }), CARRY_OVER_SHEET_NAME);
    expect(calls.apply).toBe(0);
  });

  it('import of a notice into the workbook', async () => {
    const docx = new Uint8Array(fs.readFileSync(path.join(ROOT, 'samples/liangjiang-2022-notice.docx')));
    await expectAddsOnly((host) => runImportNotice(host, docx, { sheet: '通知任务' }), '通知任务');
  });

  it('the 单位名录 sheet', async () => {
    await expectAddsOnly(async (host) => {
      const check = await runCheck(host, { sheet: SHEET });
      return createDirectorySheet(host, { check, lang: 'zh-CN', now: '2022-09-15T09:00:00.000Z' });
    }, UNIT_DIRECTORY_SHEET);
  });
});
