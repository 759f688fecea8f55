/**
 * Where a product-made sheet goes and what it replaces. The product replaces only a sheet it made itself —
 * recognised by the record in the workbook state (marker + source sheet) AND the stamp the sheet carries,
 * never by name alone — and a name taken by a sheet the clerk made gets a numbered variant:
 * 落实情况汇总(2), 落实情况汇总(3) …
 */
import { writtenCells } from './clerk-additions';
import { UserFacingError } from './errors';
import { pick } from './i18n';
import type { SheetMarker, SheetSpec } from './sheet-spec';
import { cellText } from './text';
import { BASE_FONT_SIZE, fittedRowHeight } from './text-metrics';
import type { CellValue, Lang, LocalText } from './types';
import { RETURN_IDENTITY_SHEET, UNIT_DIRECTORY_SHEET } from './sheet-names';
import { isStateSheetName, STATE_SHEET_NAME, type ProductSheetRecord, type WorkbookState } from './workbook-state';

/**
 * Where a product sheet carries its stamp: the line under the title (A2) — the returns log's overview line,
 * or a hidden row of its own on the summary (which prints no identifier; older summaries show it after their
 * 统计截至 line, and are recognised the same way: the cell contains the stamp). A fixed cell, so the check
 * can ask for it in the same read that brings the state, before knowing what the state holds.
 */
export const STAMP_ADDRESS = 'A2';
const STAMP_ROW = 1;
const STAMP_COL = 0;
const STAMP_LABEL: LocalText = { zh: '编号：', en: 'ID: ' };
const STAMP_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A stamp for a product sheet: eight letters and digits from a hash of what makes this sheet (kind, source,
 * name, time, the stamp it replaces). Deterministic, so both hosts write the same sheet; unique enough that a
 * sheet the clerk typed never carries it by chance.
 */
export function productStamp(parts: (string | null | undefined)[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (const ch of parts.map((p) => p ?? '').join('\u0000')) {
    const c = ch.codePointAt(0) ?? 0;
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  // Four characters from 20 bits of each hash, in an alphabet without I, L, O and U (no 0/O or 1/I mix-ups when read out).
  const chars = (h: number) => Array.from({ length: 4 }, (_, i) => STAMP_ALPHABET[(h >>> (i * 5)) & 31]).join('');
  return chars(h1) + chars(h2);
}

/**
 * The spec with its stamp appended to the text line at STAMP_ADDRESS (the spec must put text there); a row
 * height the spec set for that line grows if the longer text needs another line.
 */
export function stampSheet(spec: SheetSpec, stamp: string, lang: Lang): SheetSpec {
  const line = spec.rows[STAMP_ROW]?.[STAMP_COL];
  if (!line || typeof line.v !== 'string') throw new Error(`${spec.marker} sheet has no text line at ${STAMP_ADDRESS} to carry its stamp`);
  const gap = lang === 'en-US' ? '   ' : '\u3000\u3000';
  // A sheet that keeps the stamp's row out of sight gets the stamp alone there; others show it after their line.
  const hidden = spec.hiddenRows?.includes(STAMP_ROW) ?? false;
  const text = hidden ? `${pick(STAMP_LABEL, lang)}${stamp}` : `${line.v}${gap}${pick(STAMP_LABEL, lang)}${stamp}`;
  const rows = spec.rows.slice();
  const stampRow = rows[STAMP_ROW].slice();
  stampRow[STAMP_COL] = { ...line, v: text };
  rows[STAMP_ROW] = stampRow;

  const height = spec.rowHeights?.[STAMP_ROW];
  if (height === undefined || hidden) return { ...spec, rows };
  const merge = spec.merges.find((m) => m.top <= STAMP_ROW && m.bottom >= STAMP_ROW && m.left <= STAMP_COL && m.right >= STAMP_COL);
  let width = 0;
  for (let c = STAMP_COL; c <= (merge?.right ?? STAMP_COL); c++) width += spec.columnWidths[c] ?? 0;
  const fontSize = (line.s ? spec.styles[line.s]?.fontSize : undefined) ?? spec.font?.size ?? BASE_FONT_SIZE;
  const needed = fittedRowHeight(text, width, fontSize);
  return { ...spec, rows, rowHeights: { ...spec.rowHeights, [STAMP_ROW]: Math.max(height, needed) } };
}

/** Whether `value` (the cell at STAMP_ADDRESS) carries `stamp`. */
export function carriesStamp(value: CellValue | undefined, stamp: string): boolean {
  return value !== undefined && cellText(value).includes(stamp);
}

/** The probes that answer whether sheets called `names` carry a stamp. */
export function stampProbes(names: string[]): { sheet: string; address: string }[] {
  return names.map((sheet) => ({ sheet, address: STAMP_ADDRESS }));
}

/** The answer to the stamp probe of sheet `name`, found as Excel finds sheets (any letter case). */
export function stampProbeAnswer(probes: Record<string, CellValue> | undefined, name: string): CellValue | undefined {
  if (!probes) return undefined;
  const wanted = `${name}!${STAMP_ADDRESS}`.toLowerCase();
  const key = Object.keys(probes).find((k) => k.toLowerCase() === wanted);
  return key === undefined ? undefined : probes[key];
}

/**
 * The product's earlier sheet of this kind and source that still exists, as the state records it — before
 * its stamp is checked. Callers use it to make sure the stamp probe covers it.
 */
export function recordedProductSheet(state: WorkbookState, marker: SheetSpec['marker'], source: string | null, existingSheets: string[]): ProductSheetRecord | null {
  const existing = new Set(existingSheets.map((n) => n.toLowerCase()));
  return state.productSheets.find((p) => p.marker === marker && p.source === source && existing.has(p.name.toLowerCase())) ?? null;
}

/** Excel's limit on sheet-name length. */
export const MAX_SHEET_NAME_LENGTH = 31;
const FORBIDDEN_SHEET_NAME_CHARS = /[:\\/?*[\]]/;

/** Excel's sheet-name rules: 1–31 characters, none of : \\ / ? * [ ], not starting or ending with an apostrophe. */
export function isValidSheetName(name: string): boolean {
  return typeof name === 'string' && name.length >= 1 && name.length <= MAX_SHEET_NAME_LENGTH && !FORBIDDEN_SHEET_NAME_CHARS.test(name) && !/^'|'$/.test(name);
}

/** Names the product keeps for its hidden bookkeeping sheets (any letter case, as Excel compares them). */
export const RESERVED_SHEET_NAMES: readonly string[] = [STATE_SHEET_NAME, RETURN_IDENTITY_SHEET];

export function isReservedSheetName(name: string): boolean {
  const key = name.trim().toLowerCase();
  // _allocation_state_2 … are where the state goes when a clerk's sheet holds _allocation_state.
  return RESERVED_SHEET_NAMES.some((r) => r.toLowerCase() === key) || isStateSheetName(key);
}

/** Throws a UserFacingError saying what is wrong with a sheet name the clerk chose (Excel's rules, the reserved names). */
export function assertSheetName(name: string): void {
  if (isReservedSheetName(name)) {
    throw new UserFacingError('sheet.reserved_name', {
      zh: `工作表名称“${name.trim()}”是本工具内部记录表的保留名称，不能用于生成的工作表；请换一个名称`,
      en: `Sheet name "${name.trim()}" is reserved for this tool's internal record sheets and cannot name a sheet it makes; choose another name`,
    });
  }
  if (!isValidSheetName(name.trim())) {
    throw new UserFacingError('sheet.bad_name', {
      zh: `工作表名称“${name}”不可用：须为 1–${MAX_SHEET_NAME_LENGTH} 个字符，不能含 : \\ / ? * [ ]，不能以单引号开头或结尾`,
      en: `Sheet name "${name}" cannot be used: 1–${MAX_SHEET_NAME_LENGTH} characters, none of : \\ / ? * [ ], no apostrophe at either end`,
    });
  }
}

/** The n-th variant of a sheet name, 落实情况汇总(n), cut to stay within Excel's length limit. */
export function numberedSheetName(requested: string, n: number): string {
  const suffix = `(${n})`;
  return `${requested.slice(0, MAX_SHEET_NAME_LENGTH - suffix.length)}${suffix}`;
}

export interface SheetPlacement {
  /** The name the new sheet gets. */
  name: string;
  /** The product's own earlier sheet it replaces, or null. */
  replaces: string | null;
}

/**
 * Chooses the name for a product sheet made from `source`: the product's earlier sheet of the same kind and
 * source (if it still exists) is replaced; any other sheet keeps its name, and the new one takes the first
 * free `requested(n)`. Sheet names compare case-insensitively, as Excel does them.
 */
export function placeProductSheet(options: {
  requested: string;
  marker: SheetSpec['marker'];
  source: string | null;
  existingSheets: string[];
  state: WorkbookState;
  /**
   * Answers of the stamp probes (WorkbookSnapshot.probes). A recorded sheet is replaced only when its probe
   * answers with the record's stamp; unanswered, or a record without a stamp (hand-edited, or written before
   * stamps), it is taken for the clerk's and kept: no stamp, no deletion.
   */
  probes?: Record<string, CellValue>;
}): SheetPlacement {
  const { requested, marker, source, existingSheets, state, probes } = options;
  const existing = new Set(existingSheets.map((n) => n.toLowerCase()));
  const recorded = recordedProductSheet(state, marker, source, existingSheets);
  const previous = recorded?.stamp && carriesStamp(stampProbeAnswer(probes, recorded.name), recorded.stamp) ? recorded : null;
  const taken = new Set(existing);
  if (previous) taken.delete(previous.name.toLowerCase());

  let name = requested;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = numberedSheetName(requested, n);
  return { name, replaces: previous?.name ?? null };
}

/** The state after writing a product sheet: the replaced sheet's record (and stale ones of this kind and source) go. */
export function recordProductSheet(
  state: WorkbookState,
  record: ProductSheetRecord,
  placement: SheetPlacement,
): WorkbookState {
  const replaced = placement.replaces?.toLowerCase() ?? null;
  const kept = state.productSheets.filter(
    (p) => p.name.toLowerCase() !== replaced && p.name.toLowerCase() !== record.name.toLowerCase() && !(p.marker === record.marker && p.source === record.source),
  );
  return { ...state, productSheets: [...kept, record] };
}

/**
 * Places, builds, stamps and records a product sheet in one step — what every workflow that writes one does:
 * `build` makes the sheet for the name it gets; the result is the stamped spec, where it goes and the state
 * recording it (with its new stamp).
 */
export function placeStampedSheet(options: {
  requested: string;
  marker: SheetSpec['marker'];
  source: string | null;
  existingSheets: string[];
  state: WorkbookState;
  probes: Record<string, CellValue> | undefined;
  createdAt: string;
  lang: Lang;
  build: (name: string) => SheetSpec;
}): { spec: SheetSpec; placement: SheetPlacement; nextState: WorkbookState } {
  const { marker, source, state, createdAt } = options;
  const placement = placeProductSheet(options);
  const earlier = recordedProductSheet(state, marker, source, options.existingSheets);
  const stamp = productStamp([marker, source, placement.name, createdAt, earlier?.stamp]);
  const spec = stampSheet(options.build(placement.name), stamp, options.lang);
  const nextState = recordProductSheet(state, { name: placement.name, marker, source, createdAt, stamp, written: writtenCells(spec) }, placement);
  return { spec, placement, nextState };
}

/** What each kind of product sheet is, as a message names it (工作表“X”是本工具生成的…). */
export const PRODUCT_SHEET_LABELS: Record<SheetMarker, LocalText> = {
  summary: { zh: '落实情况汇总表', en: 'a summary' },
  'returns-log': { zh: '回收情况表', en: 'the returns log' },
  'unit-directory': { zh: '单位名录', en: 'the unit directory' },
  'return-copy': { zh: '下发回收表', en: 'a department copy' },
  state: { zh: '内部状态表', en: 'its internal state' },
  imported: { zh: '导入的任务分工表', en: 'an imported allocation table' },
  'carried-over': { zh: '上年未完成事项表', en: 'the list of last year’s unfinished measures' },
};

/**
 * Whether a sheet is one the clerk could work on: visible, and neither the product's bookkeeping (which
 * ExcelApi 1.1 cannot hide) nor a sheet the product made (summary, 回收情况, 单位名录). A department's return
 * copy is a table like any other. `stateSheet` is the sheet the host read the state from (a clerk's own sheet
 * that merely holds the name _allocation_state is the clerk's); a host that does not say leaves that name out.
 */
export function isClerkTable(sheet: { name: string; visibility: string }, state: WorkbookState, stateSheet?: string | null): boolean {
  if (sheet.visibility !== 'visible') return false;
  if (sheet.name === (stateSheet === undefined ? STATE_SHEET_NAME : stateSheet)) return false;
  if (sheet.name === RETURN_IDENTITY_SHEET || sheet.name === UNIT_DIRECTORY_SHEET) return false;
  return !state.productSheets.some((p) => p.name === sheet.name && p.marker !== 'return-copy');
}
