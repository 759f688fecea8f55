/**
 * The one port between the workflows and a spreadsheet. Four adapters implement it:
 * `hosts/excel` (Office.js, inside Excel), `hosts/wps` (WPS 表格's ET object model, inside a WPS 加载项),
 * `hosts/xlsx-package` (the file's own parts, for the CLI) and `hosts/xlsx` (ExcelJS, for new workbooks and tests).
 *
 * Every method is one round trip to the host (one `context.sync()` in Excel), so a workflow's
 * number of round trips is fixed by its code and never grows with the number of rows.
 */
import type { CellRange, CellStyle, CellValue, CellWrite, SheetGrid } from '../domain/types';

export type { CellStyle, CellWrite };
import type { PageHeaderFooter, SheetSpec } from '../domain/sheet-spec';
import type { MasterLook } from '../domain/returns';

/** How a sheet looks where the host can tell: column widths (characters, by absolute column) and its body font. */
export type SheetLook = MasterLook;

export interface HostCapabilities {
  host: 'excel' | 'xlsx' | 'wps';
  /** Highest ExcelApi requirement set available ('1.1' … '1.20'); null outside Excel. */
  apiVersion: string | null;
  /** Real merged areas can be read (ExcelApi ≥ 1.13, or ExcelJS). */
  readsMerges: boolean;
  /** Native charts can be created. */
  charts: boolean;
  /** A sheet's printed header and footer can be read and written (ExcelApi ≥ 1.9, or ExcelJS); absent: no. */
  headerFooter?: boolean;
}

export interface SheetInfo {
  name: string;
  visibility: 'visible' | 'hidden' | 'veryHidden';
}

export interface ReadRequest {
  /** Sheet to read; default: the active sheet (or the first visible one outside Excel). */
  sheet?: string;
  /**
   * Single cells of other sheets to read in the same round trip (e.g. the stamp a product sheet carries,
   * to tell it from a sheet the clerk made with the same name). A probe on a sheet that does not exist is
   * not answered; it never fails the read.
   */
  probes?: CellProbe[];
  /** Also read the requested sheet's look (WorkbookSnapshot.look): what 下发 copies of it keep. */
  look?: boolean;
}

export interface CellProbe {
  sheet: string;
  /** A single cell, A1 style. */
  address: string;
}

/** The key of a probe's answer in WorkbookSnapshot.probes: the sheet name as asked, `!`, the address as asked. */
export function probeKey(probe: CellProbe): string {
  return `${probe.sheet}!${probe.address}`;
}

export interface WorkbookSnapshot {
  sheets: SheetInfo[];
  activeSheet: string;
  /** The requested sheet's used range; null when the workbook has no such sheet. */
  grid: SheetGrid | null;
  /** The product's own saved state (JSON text), null when the workbook has none yet. */
  stateText: string | null;
  /**
   * The sheet the state was read from (placeStateSheet: _allocation_state, or _allocation_state_2 … when a
   * clerk's own sheet holds that name); null when there is none. Absent: a host that does not say.
   */
  stateSheet?: string | null;
  /** Answers to ReadRequest.probes that name an existing sheet, keyed by probeKey. */
  probes?: Record<string, CellValue>;
  /**
   * The requested sheet's printed header and footer (the ones for all pages); absent when the host cannot read
   * them (capabilities.headerFooter) or there is no such sheet.
   */
  headerFooter?: PageHeaderFooter;
  /**
   * Asked for with ReadRequest.look: the sheet's column widths up to its used range's last column, and the font
   * most of its cells with a value carry. Absent when the host cannot read them; a part it cannot read is left out.
   */
  look?: SheetLook;
}

export type WorkbookChange =
  /** Colour whole ranges (one format operation per range). */
  | { kind: 'colour'; sheet: string; ranges: CellRange[]; fill: string; font: string }
  /** Put back saved styles exactly. */
  | { kind: 'restore'; sheet: string; styles: CellStyle[] }
  /** Replace the product's saved state. */
  | { kind: 'state'; text: string }
  /** Create a product sheet, replacing the product sheet called `replaces` if given. */
  | { kind: 'sheet'; spec: SheetSpec; replaces?: string | null }
  /** Write values (collect writes 完成情况 etc. into the master's status columns). */
  | { kind: 'cells'; sheet: string; writes: CellWrite[] }
  /** Replace a sheet's printed header and footer (every section; '' clears one). Hosts without it skip this. */
  | { kind: 'headerFooter'; sheet: string; value: PageHeaderFooter }
  /** Set columns' widths, in characters (the columns collect adds). Hosts that cannot set widths skip this. */
  | { kind: 'columnWidths'; sheet: string; widths: { col: number; width: number }[] }
  /** Add header cells / columns is just `cells`; deleting a product sheet: */
  | { kind: 'deleteSheet'; sheet: string };

export interface WorkbookHost {
  readonly capabilities: HostCapabilities;
  /** One round trip: sheet list, the chosen sheet's used range with merges, and the saved state. */
  read(request?: ReadRequest): Promise<WorkbookSnapshot>;
  /** One round trip: the current colours of every cell in the given ranges (row-major per range). */
  readStyles(sheet: string, ranges: CellRange[]): Promise<CellStyle[]>;
  /** One round trip: apply all changes in order; all or nothing where the host allows. */
  apply(changes: WorkbookChange[]): Promise<void>;
  /** Select a cell or range so the user sees it (Excel only; no-op elsewhere). */
  select(sheet: string, address: string): Promise<void>;
  /**
   * Optional (Excel from ExcelApi 1.7): call `listener` with the sheet's name whenever the user activates a sheet.
   * Resolves to a function that stops listening, or to null where the host cannot tell (then a caller that
   * wants the active sheet reads it again when asked).
   */
  watchActiveSheet?(listener: (sheet: string) => void): Promise<(() => Promise<void>) | null>;
}
