/**
 * The WorkbookHost port over the Excel JavaScript API — the only module in the product that speaks Excel.*.
 *
 * Round trips (context.sync calls) per port method:
 *  - read: 1 for a used range of up to FIRST_WINDOW_ROWS rows × FIRST_WINDOW_COLS columns (20 000 rows where
 *    there is no payload limit, desktop). Longer sheets add one per ~4 MB of values (web) or 500 000 cells, and
 *    merged areas past row 2 000 come with them (ExcelApi ≥ 1.13). A first window over the web's 5 MB response
 *    limit costs one more (the first sync again without it). A used range wider than the first window or over
 *    500 000 cells costs one probe for the table's own extent (content far from it is left out and reported).
 *    Sheets are asked for only when the sheet list remembered from the previous call says they exist, so
 *    below ExcelApi 1.4 (no *OrNullObject) the first read of a session that finds the state sheet costs
 *    one more; a stale list (a sheet removed meanwhile) costs two more (list, read again).
 *    A band of 60 rows with more than 512 merged areas makes getMergedAreas fail: one more, merges then
 *    inferred (mergesKnown false).
 *  - state on ExcelApi 1.1: hiding a sheet needs 1.2, so there the state sheet stays visible.
 *  - readStyles: 1 up to 30 000 cells (≥ 1.9, getCellProperties) or 8 000 cells (< 1.9, a colour load per
 *    cell). Larger areas: 1 for range-level colours, which settles every range of one colour; mixed ranges
 *    then cost one more per 30 000 cells (≥ 1.9), or two (< 1.9: per row, then per cell of mixed rows).
 *  - apply: 1, plus one more per ~4.5 MB of request on the web; +1 when called before any read (to learn
 *    sheet names), +1 more when that apply writes the state and the sheets under a state name are not read in
 *    it (ExcelApi < 1.4, or a clerk's own sheet holds the name: its content says whose). Colours go one RangeAreas per colour from ExcelApi 1.9, one range per run before.
 *  - select: 1.
 * Everything newer than ExcelApi 1.1 is feature-detected through the injected requirements (api-level.ts).
 * The class is the port's face; each method's work is in the file named for it: workbook-read.ts,
 * style-reading.ts, apply-plan.ts (with sheet-ops.ts and cell-writes.ts), and what the host remembers between
 * calls in session.ts.
 */
import { parseAddress } from '../../domain/address';
import type { CellRange, CellStyle } from '../../domain/types';
import type { HostCapabilities, ReadRequest, WorkbookChange, WorkbookHost, WorkbookSnapshot } from '../../ports/workbook-host';
import { excelCapabilities, probeExcelApiMinor, type RequirementChecker } from './api-level';
import { applyChanges } from './apply-plan';
import { roundTripLimits } from './limits';
import { WEB_PAYLOAD_LIMIT_BYTES } from './payload';
import { officePlatform } from './platform';
import { badAddress, codeOf, explainRefusal, unknownSheet } from './refusals';
import { ExcelSession, type ExcelBatchRunner } from './session';
import { readStyles } from './style-reading';
import { readWorkbook } from './workbook-read';

export { FIRST_WINDOW_ROWS } from './read-plan';
export { parseAreaList } from './table-reader';
export type { ExcelBatchRunner, RequirementChecker };

export interface ExcelHostOptions {
  /**
   * The host's request/response limit: Excel on the web refuses payloads over 5 MB (the default); null
   * where there is none (desktop). Requests are cut at 90 % of it, responses planned at 80 %.
   */
  payloadLimitBytes?: number | null;
}

export class ExcelHost implements WorkbookHost {
  readonly capabilities: HostCapabilities;
  private readonly session: ExcelSession;

  constructor(runBatch: ExcelBatchRunner, requirements: RequirementChecker, options: ExcelHostOptions = {}) {
    const run: ExcelBatchRunner = async (batch) => {
      try {
        return await runBatch(batch);
      } catch (e) {
        throw explainRefusal(e);
      }
    };
    const minor = probeExcelApiMinor(requirements);
    const limits = roundTripLimits(options.payloadLimitBytes === undefined ? WEB_PAYLOAD_LIMIT_BYTES : options.payloadLimitBytes);
    this.session = new ExcelSession(run, minor, limits);
    this.capabilities = excelCapabilities(minor);
  }

  /** Inside Excel: the real Excel.run and requirement checks. */
  static forOffice(): ExcelHost {
    const onWeb = officePlatform() === 'OfficeOnline';
    return new ExcelHost((batch) => Excel.run(batch), Office.context.requirements, { payloadLimitBytes: onWeb ? WEB_PAYLOAD_LIMIT_BYTES : null });
  }

  read(request: ReadRequest = {}): Promise<WorkbookSnapshot> {
    return readWorkbook(this.session, request);
  }

  readStyles(sheet: string, ranges: CellRange[]): Promise<CellStyle[]> {
    return readStyles(this.session, sheet, ranges);
  }

  apply(changes: WorkbookChange[]): Promise<void> {
    return applyChanges(this.session, changes);
  }

  /**
   * `worksheets.onActivated` from ExcelApi 1.7 (null below): the handler reads the active sheet's name in a batch
   * of its own, as Excel calls it outside any batch.
   */
  async watchActiveSheet(listener: (sheet: string) => void): Promise<(() => Promise<void>) | null> {
    if (!this.session.supports(7)) return null;
    const run = this.session.run;
    const onActivated = async () => {
      try {
        const name = await run(async (ctx) => {
          const active = ctx.workbook.worksheets.getActiveWorksheet().load('name');
          await ctx.sync();
          return active.name;
        });
        listener(name);
      } catch {
        // Excel busy (a cell being edited): the clerk's next 重新读取 reads the sheet anyway.
      }
    };
    const registration = await run(async (ctx) => {
      const added = ctx.workbook.worksheets.onActivated.add(onActivated);
      await ctx.sync();
      return added;
    });
    return async () => {
      registration.remove();
      await registration.context.sync();
    };
  }

  async select(sheet: string, address: string): Promise<void> {
    if (!parseAddress(address)) throw badAddress(address);
    try {
      await this.session.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(address).select();
        await ctx.sync();
      });
    } catch (e) {
      if (codeOf(e) === 'ItemNotFound') throw unknownSheet(sheet);
      throw e;
    }
  }
}
