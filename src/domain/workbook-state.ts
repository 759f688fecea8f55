/**
 * What the product remembers inside the workbook, so it travels with the file: the original colours of
 * every cell it coloured (for an exact `clear`), the sheets it made (so it only ever replaces its own), and
 * the clerk's settings. Hosts store it as text in a very-hidden sheet; this module owns its shape.
 */
import type { CellStyle, ColumnMap, RowState } from './types';
import type { SheetSpec } from './sheet-spec';
import type { PrintedRecord } from './highlight-print';

/** Name of the very-hidden sheet holding the state (ASCII: safe in every Excel version and locale). */
export const STATE_SHEET_NAME = '_allocation_state';
/** Excel cells hold at most 32 767 characters; the state is split into chunks below that, one per row. */
export const STATE_CHUNK_CHARS = 30000;

export interface HighlightedCell {
  row: number;
  col: number;
  /** The cell's style before the product first coloured it. */
  original: CellStyle;
  /** The colours the product last applied (normalised), to tell whether the user recoloured it by hand. */
  applied: { fill: string; font: string };
}

export interface HighlightRecord {
  asOf: string;
  cells: HighlightedCell[];
  /**
   * Cells the user recoloured by hand after the product coloured them. The product leaves them alone on every
   * later highlight and on clear (they keep the user's colour); clear forgets them with the rest of the record.
   */
  userColoured?: { row: number; col: number }[];
  /**
   * The stored form of `cells` (which is then empty): each distinct original style and applied colour pair
   * once, and the cells as runs along a row — see domain/highlight-record.ts, the only reader and writer.
   */
  packed?: PackedHighlight;
  /**
   * Where the coloured rows were, to follow them when the clerk inserts or deletes rows between a highlight and
   * the next highlight or clear: the column whose text identifies a row (the measure column) and, for each
   * recorded row with text there, [row, fingerprint of that text]. See domain/highlight-record.ts.
   */
  keyColumn?: number;
  rowKeys?: [number, string][];
  /** The sheet's printed header and footer before the legend was printed there, and the legend's (highlight-print.ts). */
  printed?: PrintedRecord;
}

export interface PackedHighlight {
  /** Distinct original styles (without their position). */
  styles: { fill: string | null; font: string | null; token: string }[];
  /** Distinct applied colour pairs. */
  colours: { fill: string; font: string }[];
  /** Runs of cells on one row with the same original style and applied colours: [row, firstCol, lastCol, style, colour]. */
  runs: [number, number, number, number, number][];
}

export interface ProductSheetRecord {
  name: string;
  marker: SheetSpec['marker'];
  /** The sheet it was made from, if any. */
  source: string | null;
  createdAt: string;
  /**
   * The identity mark written into the sheet (domain/product-sheets.ts, STAMP_ADDRESS). The product replaces
   * the sheet only while it still carries this mark, so a sheet the clerk made under the same name after
   * deleting the product's is never taken for it. Absent in records written before stamps existed.
   */
  stamp?: string;
  /**
   * Which cells the product wrote on the sheet (domain/clerk-additions.ts, `writtenCells`): any other cell
   * holding something is the clerk's, and survives when the sheet is made again. Absent in older records.
   */
  written?: string;
}

export interface StateColours {
  fill: string;
  font: string;
}

export interface ProductSettings {
  planYear?: number;
  soonDays?: number;
  /** The 判断日期 the clerk last chose (ISO); absent: today. Remembered so 标色, 汇总 and 回收 agree across sessions. */
  asOf?: string;
  colours?: Partial<Record<RowState, StateColours>>;
  /** Column mapping the clerk corrected, per sheet name. */
  columns?: Record<string, Partial<ColumnMap>>;
  summarySheetName?: string;
  /**
   * The closing sentence of the annual-report paragraph, as the clerk writes it (what the office does about
   * overdue tasks); absent: the paragraph ends with the facts.
   */
  reportClosing?: string;
  /** Working days a 催办 gives the units to report back (default DEFAULT_REPLY_WORKDAYS). */
  remindReplyDays?: number;
}

export interface WorkbookState {
  version: 1;
  /** Per sheet name. */
  highlights: Record<string, HighlightRecord>;
  productSheets: ProductSheetRecord[];
  settings: ProductSettings;
}

export function emptyState(): WorkbookState {
  return { version: 1, highlights: {}, productSheets: [], settings: {} };
}

/**
 * Tolerant: a missing or unreadable state is an empty one (the workbook simply has not been touched yet),
 * and `damaged` says so, so the caller can warn instead of silently forgetting saved colours.
 */
export function parseState(textValue: string | null): { state: WorkbookState; damaged: boolean } {
  if (!textValue) return { state: emptyState(), damaged: false };
  try {
    const raw = JSON.parse(textValue) as Partial<WorkbookState>;
    if (!raw || typeof raw !== 'object' || raw.version !== 1) return { state: emptyState(), damaged: true };
    return {
      state: {
        version: 1,
        highlights: raw.highlights && typeof raw.highlights === 'object' ? raw.highlights : {},
        productSheets: Array.isArray(raw.productSheets) ? raw.productSheets : [],
        settings: raw.settings && typeof raw.settings === 'object' ? raw.settings : {},
      },
      damaged: false,
    };
  } catch {
    return { state: emptyState(), damaged: true };
  }
}

export function serialiseState(state: WorkbookState): string {
  return JSON.stringify(state);
}

/** Split state text into cell-sized chunks (hosts write one chunk per row of column A). */
export function chunkStateText(textValue: string): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < textValue.length; i += STATE_CHUNK_CHARS) chunks.push(textValue.slice(i, i + STATE_CHUNK_CHARS));
  return chunks.length ? chunks : [''];
}
