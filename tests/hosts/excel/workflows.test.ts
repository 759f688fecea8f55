/**
 * Every workflow through ExcelHost + the simulator, on both samples, at ExcelApi 1.1 (also as Office 2016 MSI
 * answers requirement checks) and the newest level:
 * the results equal the xlsx host's, and the round trips stay as few as the port promises.
 */
import { STATE_SHEET_NAME } from '../../../src/domain/workbook-state';
import { XlsxHost } from '../../../src/hosts/xlsx';
import { runCheck } from '../../../src/workflows/check';
import { runClear } from '../../../src/workflows/clear';
import { runHighlight } from '../../../src/workflows/highlight';
import { runReport } from '../../../src/workflows/report';
import { runSummary } from '../../../src/workflows/summary';
import type { SimulatorOptions } from '../../../src/simulator';
import { API_LEVELS, HOST_CONFIGS, SAMPLES, colours, largeAllocationWorkbook, loadWorkbook, rig, sheetValues, type Rig } from '../../support/excel-rig';
import { printSetup } from '../../support/workbook-files';

const AS_OF = '2022-09-15';
const GENERATED_AT = '2022-09-15 09:00';

interface Pair {
  excel: Rig;
  xlsx: XlsxHost;
}

async function pair(file: string, options: SimulatorOptions): Promise<Pair> {
  return { excel: rig(await loadWorkbook(file), options), xlsx: XlsxHost.fromWorkbook(await loadWorkbook(file)) };
}

/**
 * Below ExcelApi 1.13 merged cells cannot be read, and findings that merged cells would explain say so in
 * their message; without that note everything (tasks, findings, counts, the summary sheet) must be the same
 * as the xlsx host's.
 */
const MERGE_NOTE = /（当前 Excel 版本无法读取合并单元格[^）]*）| \(this Excel version cannot report merged cells[^)]*\)/g;

function comparable(value: unknown, level: string): unknown {
  if (level !== '1.1') return value;
  return JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === 'string' ? v.replace(MERGE_NOTE, '') : v)));
}

describe.each(HOST_CONFIGS)('workflows through ExcelHost at %s', (_label, options) => {
  const level = options.apiVersion;
  describe.each(Object.entries(SAMPLES))('on the %s sample', (_name, file) => {
    it('check finds what the xlsx host finds, in one sync', async () => {
      const { excel, xlsx } = await pair(file, options);
      const viaExcel = await runCheck(excel.host);
      expect(excel.syncs()).toBe(1);
      const viaXlsx = await runCheck(xlsx);
      expect(comparable(viaExcel.analysis, level)).toEqual(comparable(viaXlsx.analysis, level));
      expect(viaExcel.directorySource).toBe(viaXlsx.directorySource);
    });

    it('highlight colours the same cells, clear restores every colour, and the values never change', async () => {
      const { excel, xlsx } = await pair(file, options);
      const sheet = (await xlsx.read()).grid!;
      const area = { top: sheet.originRow, left: sheet.originCol, bottom: sheet.originRow + sheet.values.length - 1, right: sheet.originCol + sheet.values[0].length - 1 };
      const original = await colours(excel.host, sheet.sheet, area);
      excel.syncs();

      const viaExcel = await runHighlight(excel.host, { asOf: AS_OF });
      // read, readStyles, apply.
      expect(excel.syncs()).toBe(3);
      const viaXlsx = await runHighlight(xlsx, { asOf: AS_OF });
      expect(viaExcel.counts).toEqual(viaXlsx.counts);
      expect(viaExcel.colouredCells).toBe(viaXlsx.colouredCells);
      expect(excel.sim.stats.formatOperations).toBeLessThanOrEqual(viaExcel.plan.runs.length + 2);
      const highlighted = await colours(excel.host, sheet.sheet, area);
      expect(highlighted).toEqual(await colours(xlsx, sheet.sheet, area));
      expect(highlighted).not.toEqual(original);

      // Run again: nothing changes (the saved originals stay the originals).
      await runHighlight(excel.host, { asOf: AS_OF });
      expect(await colours(excel.host, sheet.sheet, area)).toEqual(highlighted);

      excel.syncs();
      const cleared = await runClear(excel.host);
      expect(cleared.hadRecord).toBe(true);
      expect(excel.syncs()).toBe(3);
      expect(await colours(excel.host, sheet.sheet, area)).toEqual(original);
      expect((await excel.host.read()).grid!.values).toEqual(sheet.values);
    });

    it('summary writes the same sheet as the xlsx host, in two syncs', async () => {
      const { excel, xlsx } = await pair(file, options);
      const viaExcel = await runSummary(excel.host, { asOf: AS_OF, generatedAt: GENERATED_AT });
      expect(excel.syncs()).toBe(2);
      const viaXlsx = await runSummary(xlsx, { asOf: AS_OF, generatedAt: GENERATED_AT });
      expect(comparable(viaExcel.model, level)).toEqual(comparable(viaXlsx.model, level));
      expect(viaExcel.paragraph).toBe(viaXlsx.paragraph);
      expect(comparable(sheetValues(excel.sim.workbook, viaExcel.sheetName), level)).toEqual(sheetValues(xlsx.workbook, viaXlsx.sheetName));
      // Page layout, footer and page breaks are ExcelApi 1.9, hiding a row 1.2: from there the printout is the
      // xlsx host's; below, Excel's defaults (and the stamp's row stays visible, small and pale).
      const printOf = printSetup;
      const excelPrint = printOf(excel.sim.workbook.getWorksheet(viaExcel.sheetName)!);
      const xlsxPrint = printOf(xlsx.workbook.getWorksheet(viaXlsx.sheetName)!);
      expect(xlsxPrint.breaks.length).toBeGreaterThan(3);
      if (level === '1.20') expect(excelPrint).toEqual(xlsxPrint);
      else expect([excelPrint.breaks, excelPrint.footer, excelPrint.hidden]).toEqual([[], null, false]);
      // Regenerating replaces the product's own sheet instead of adding another.
      const again = await runSummary(excel.host, { asOf: '2022-10-15', generatedAt: GENERATED_AT });
      expect(again.replaced).toBe(viaExcel.sheetName);
      // (On ExcelApi 1.1 the state sheet cannot be hidden, so it is left out of the count.)
      expect(excel.sim.workbook.worksheets.filter((w) => w.name !== STATE_SHEET_NAME).map((w) => w.name)).toEqual(['任务分工', viaExcel.sheetName]);
    });

    it('report (check + highlight + summary) takes at most four syncs', async () => {
      const { excel, xlsx } = await pair(file, options);
      const viaExcel = await runReport(excel.host, { asOf: AS_OF, generatedAt: GENERATED_AT });
      expect(excel.sim.stats.syncs).toBeLessThanOrEqual(4);
      const viaXlsx = await runReport(xlsx, { asOf: AS_OF, generatedAt: GENERATED_AT });
      expect(comparable(viaExcel.summary.model, level)).toEqual(comparable(viaXlsx.summary.model, level));
      expect(viaExcel.highlight.counts).toEqual(viaXlsx.highlight.counts);
    });
  });
});

describe('round trips on a 20 000-measure sheet', () => {
  // Without a payload limit (desktop Excel) the whole report stays within four syncs. On the web, 20 000
  // rows of Chinese text are ~10 MB of values, which the 5 MB response limit alone splits into three reads.
  it.each(API_LEVELS)('report takes at most four syncs at ExcelApi %s without a payload limit', async (level) => {
    const r = rig(largeAllocationWorkbook(20_000), { apiVersion: level, payloadLimitBytes: null });
    const result = await runReport(r.host, { asOf: AS_OF, generatedAt: GENERATED_AT });
    expect(result.highlight.check.analysis.tasks.length).toBeGreaterThanOrEqual(20_000);
    expect(r.sim.stats.syncs).toBeLessThanOrEqual(4);
    // One format operation per run of same-state rows at most, plus the summary sheet's own formatting.
    expect(r.sim.stats.formatOperations).toBeLessThanOrEqual(result.highlight.plan.runs.length + 1500);
  });
});
