/**
 * What the product remembers inside the workbook, so it travels with the file: the original colours of
 * every cell it coloured (for an exact `clear`), the sheets it made (so it only ever replaces its own), and
 * the clerk's settings. Hosts store it as text in a very-hidden sheet; this module owns its shape.
 */
import { isValidIsoDate } from './dates';
import { DEFAULT_SOON_DAYS, isSoonDays } from './state-words';
import type { CellStyle, ColumnMap, LocalText, RowState, StateColours } from './types';
import { SHEET_MARKERS, type SheetSpec } from './sheet-spec';
import type { PrintedRecord } from './highlight-print';

export type { StateColours };

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

/** The plan years a clerk may set: in the pane's settings, with `allocation settings` and with `--year` alike. */
export const PLAN_YEAR_RANGE = { min: 2000, max: 2100 } as const;
/** What a plan year may be, in words. */
export const PLAN_YEAR_TAKES: LocalText = {
  zh: `${PLAN_YEAR_RANGE.min} 到 ${PLAN_YEAR_RANGE.max} 之间的四位年份`,
  en: `a four-digit year from ${PLAN_YEAR_RANGE.min} to ${PLAN_YEAR_RANGE.max}`,
};

/** Whether typed text is a plan year the product takes (four digits, inside {@link PLAN_YEAR_RANGE}). */
export function isPlanYearText(text: string): boolean {
  const year = Number(text);
  return /^\d{4}$/.test(text) && year >= PLAN_YEAR_RANGE.min && year <= PLAN_YEAR_RANGE.max;
}
/** The longest 年报段落结束语 either takes, so both can show what is saved. */
export const REPORT_CLOSING_MAX = 200;

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
  /** Status words the 下发 copies' dropdown offers after the standard four (the clerk's office's own wording). */
  statusChoices?: string[];
  /** The 报送时限 last set at 下发 (ISO), offered again next time. */
  returnDue?: string;
}

export interface WorkbookState {
  version: 1;
  /** Per sheet name. */
  highlights: Record<string, HighlightRecord>;
  productSheets: ProductSheetRecord[];
  settings: ProductSettings;
}

/** The 判断日期 and 临期 window the workbook remembers, or today and the default window (both panes start here). */
export function rememberedJudgement(settings: ProductSettings, today: string): { asOf: string; soonDays: number } {
  const asOf = typeof settings.asOf === 'string' && isValidIsoDate(settings.asOf) ? settings.asOf : today;
  return { asOf, soonDays: isSoonDays(settings.soonDays) ? settings.soonDays : DEFAULT_SOON_DAYS };
}

/**
 * The settings with a judgement remembered; null when they already hold it. Today is not stored: an absent
 * date means "today", so tomorrow the pane opens on tomorrow.
 */
export function withJudgement(settings: ProductSettings, asOf: string, soonDays: number, today: string): ProductSettings | null {
  const wanted = asOf === today ? undefined : asOf;
  if (settings.asOf === wanted && settings.soonDays === soonDays) return null;
  const next: ProductSettings = { ...settings, soonDays };
  if (wanted) next.asOf = wanted;
  else delete next.asOf;
  return next;
}

export function emptyState(): WorkbookState {
  return { version: 1, highlights: nameKeyed(), productSheets: [], settings: {} };
}

/**
 * A record keyed by a sheet name, without a prototype: a sheet called __proto__, constructor or toString is
 * a key like any other (on a plain object `x["__proto__"] = …` would replace the prototype and lose the entry).
 */
export function nameKeyed<T>(entries?: Iterable<[string, T]>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [k, v] of entries ?? []) out[k] = v;
  return out;
}

/** The entry for `name`, only if the record holds one of its own. */
export function ownEntry<T>(record: Record<string, T> | undefined, name: string): T | undefined {
  return record && Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined;
}

/** The record with `name` set to `value` (undefined removes it); the input is not changed. */
export function withEntry<T>(record: Record<string, T>, name: string, value: T | undefined): Record<string, T> {
  const out = nameKeyed(Object.entries(record));
  if (value === undefined) delete out[name];
  else out[name] = value;
  return out;
}

/** The saved highlight record of a sheet, if the state holds one. */
export function highlightOf(state: WorkbookState, sheet: string): HighlightRecord | undefined {
  return ownEntry(state.highlights, sheet);
}


const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A product-sheet record as the product writes it; anything else (hand-edited, damaged) is dropped. */
function isProductSheetRecord(v: unknown): v is ProductSheetRecord {
  if (!isPlainObject(v)) return false;
  return (
    typeof v.name === 'string' &&
    v.name !== '' &&
    typeof v.marker === 'string' &&
    (SHEET_MARKERS as readonly string[]).includes(v.marker) &&
    (v.source === null || v.source === undefined || typeof v.source === 'string') &&
    (v.stamp === undefined || typeof v.stamp === 'string') &&
    (v.written === undefined || typeof v.written === 'string')
  );
}

const isWhole = (v: unknown, min: number, max: number): boolean => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** What each setting must be to be used; one of another type (edited by hand) is dropped, never acted on. */
const SETTING_CHECKS: Partial<Record<keyof ProductSettings, (v: unknown) => boolean>> = {
  planYear: (v) => isWhole(v, 1900, 2200),
  soonDays: (v) => typeof v === 'number',
  asOf: (v) => typeof v === 'string',
  colours: isPlainObject,
  summarySheetName: (v) => typeof v === 'string',
  reportClosing: (v) => typeof v === 'string',
  remindReplyDays: (v) => isWhole(v, 0, 1000),
  statusChoices: (v) => Array.isArray(v) && v.every((w) => typeof w === 'string'),
  returnDue: (v) => typeof v === 'string',
};

/** A highlight record's outline: its lists are lists (their items are checked where they are unpacked). */
function isHighlightRecord(v: unknown): v is HighlightRecord {
  if (!isPlainObject(v)) return false;
  if (v.cells !== undefined && !Array.isArray(v.cells)) return false;
  if (v.userColoured !== undefined && !Array.isArray(v.userColoured)) return false;
  if (v.rowKeys !== undefined && !Array.isArray(v.rowKeys)) return false;
  if (v.packed !== undefined && !isPlainObject(v.packed)) return false;
  return v.cells !== undefined || v.packed !== undefined;
}

/**
 * Tolerant: a missing or unreadable state is an empty one (the workbook simply has not been touched yet),
 * and `damaged` says so, so the caller can warn instead of silently forgetting saved colours. The state
 * travels inside files and may have been edited by hand: entries of the wrong shape are dropped (and the
 * state is called damaged) rather than trusted.
 */
export function parseState(textValue: string | null): { state: WorkbookState; damaged: boolean } {
  if (!textValue) return { state: emptyState(), damaged: false };
  let raw: unknown;
  try {
    raw = JSON.parse(textValue);
  } catch {
    return { state: emptyState(), damaged: true };
  }
  if (!isPlainObject(raw) || raw.version !== 1) return { state: emptyState(), damaged: true };
  let damaged = false;
  const highlights = nameKeyed<HighlightRecord>();
  if (isPlainObject(raw.highlights)) {
    for (const [sheet, record] of Object.entries(raw.highlights)) {
      if (isHighlightRecord(record)) highlights[sheet] = { ...record, cells: Array.isArray(record.cells) ? record.cells : [] };
      else damaged = true;
    }
  } else if (raw.highlights !== undefined) damaged = true;
  const listed = Array.isArray(raw.productSheets) ? raw.productSheets : [];
  const productSheets = listed.filter(isProductSheetRecord).map((p) => ({ ...p, source: p.source ?? null }));
  if (productSheets.length !== listed.length || (raw.productSheets !== undefined && !Array.isArray(raw.productSheets))) damaged = true;
  const settings: ProductSettings = isPlainObject(raw.settings) ? { ...(raw.settings as ProductSettings) } : {};
  for (const [key, usable] of Object.entries(SETTING_CHECKS) as [keyof ProductSettings, (v: unknown) => boolean][]) {
    if (settings[key] !== undefined && !usable(settings[key])) {
      delete settings[key];
      damaged = true;
    }
  }
  if (settings.columns !== undefined) {
    settings.columns = isPlainObject(settings.columns)
      ? nameKeyed(Object.entries(settings.columns).filter((e): e is [string, Partial<ColumnMap>] => isPlainObject(e[1])))
      : undefined;
    if (settings.columns === undefined) {
      delete settings.columns;
      damaged = true;
    }
  }
  return { state: { version: 1, highlights, productSheets, settings }, damaged };
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

/** The names the state may live under: _allocation_state, else _allocation_state_2, _3 … (any letter case). */
const STATE_SHEET_NAME_FORM = /^_allocation_state(?:_([2-9]|[1-9]\d{1,3}))?$/i;

/** Whether a sheet name is one the product may keep its state under. */
export function isStateSheetName(name: string): boolean {
  return STATE_SHEET_NAME_FORM.test(name.trim());
}

/**
 * Whether a sheet under a state name is the product's: it is very hidden (the clerk cannot make such a sheet
 * in Excel; a damaged state of ours) or its text is a state. A clerk's own sheet that merely has the name is
 * not: recognised by content, never by the name alone.
 */
export function holdsProductState(sheet: { visibility: string }, stateText: string | null): boolean {
  if (sheet.visibility === 'veryHidden') return true;
  if (!stateText) return false;
  let raw: unknown;
  try {
    raw = JSON.parse(stateText);
  } catch {
    return false;
  }
  return typeof raw === 'object' && raw !== null && (raw as { version?: unknown }).version === 1;
}

/** Where the product's state is, and the name it is written under. */
export interface StateSheetPlace {
  /** The product's state sheet as the workbook names it, null when there is none yet. */
  sheet: string | null;
  stateText: string | null;
  /** The product's sheet, else the first state name no sheet holds: a clerk's sheet is never written over. */
  writeName: string;
}

/** The sheets under a state name, in the order the product tries them (_allocation_state first, then by number). */
export function stateSheetCandidates<T extends { name: string }>(sheets: T[]): T[] {
  const order = (name: string) => Number(STATE_SHEET_NAME_FORM.exec(name.trim())?.[1] ?? 1);
  return sheets.filter((s) => isStateSheetName(s.name)).sort((a, b) => order(a.name) - order(b.name));
}

/**
 * The product's state sheet among the workbook's sheets: the first under a state name that holds the product's
 * state (`textOf` reads a sheet's column A). With a clerk's sheet holding _allocation_state, the product keeps
 * its state under _allocation_state_2 (or the next free number) and finds it there again by its content.
 */
export function placeStateSheet(sheets: { name: string; visibility: string }[], textOf: (sheet: string) => string | null): StateSheetPlace {
  for (const candidate of stateSheetCandidates(sheets)) {
    const stateText = textOf(candidate.name);
    if (holdsProductState(candidate, stateText)) return { sheet: candidate.name, stateText, writeName: candidate.name };
  }
  const taken = new Set(sheets.map((s) => s.name.trim().toLowerCase()));
  let writeName = STATE_SHEET_NAME;
  for (let n = 2; taken.has(writeName.toLowerCase()); n++) writeName = `${STATE_SHEET_NAME}_${n}`;
  return { sheet: null, stateText: null, writeName };
}
