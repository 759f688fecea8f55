/**
 * Where a product-made sheet goes and what it replaces. The product replaces only a sheet it made itself —
 * recognised by the record in the workbook state (marker + source sheet), never by name alone — and a
 * name taken by a sheet the clerk made gets a numbered variant: 落实情况汇总(2), 落实情况汇总(3) …
 */
import { UserFacingError } from './errors';
import type { SheetSpec } from './sheet-spec';
import type { ProductSheetRecord, WorkbookState } from './workbook-state';

/** Excel's limit on sheet-name length. */
export const MAX_SHEET_NAME_LENGTH = 31;
const FORBIDDEN_SHEET_NAME_CHARS = /[:\\/?*[\]]/;

/** Throws a UserFacingError saying what is wrong with a sheet name the clerk chose (Excel's rules). */
export function assertSheetName(name: string): void {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > MAX_SHEET_NAME_LENGTH || FORBIDDEN_SHEET_NAME_CHARS.test(trimmed) || /^'|'$/.test(trimmed)) {
    throw new UserFacingError('sheet.bad_name', {
      zh: `工作表名称“${name}”不可用：须为 1–${MAX_SHEET_NAME_LENGTH} 个字符，不能含 : \\ / ? * [ ]，不能以单引号开头或结尾`,
      en: `Sheet name "${name}" cannot be used: 1–${MAX_SHEET_NAME_LENGTH} characters, none of : \\ / ? * [ ], no apostrophe at either end`,
    });
  }
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
 * free `requested(n)`. Sheet names compare case-insensitively, as in Excel.
 */
export function placeProductSheet(options: {
  requested: string;
  marker: SheetSpec['marker'];
  source: string | null;
  existingSheets: string[];
  state: WorkbookState;
}): SheetPlacement {
  const { requested, marker, source, existingSheets, state } = options;
  const existing = new Set(existingSheets.map((n) => n.toLowerCase()));
  const previous = state.productSheets.find((p) => p.marker === marker && p.source === source && existing.has(p.name.toLowerCase()));
  const taken = new Set(existing);
  if (previous) taken.delete(previous.name.toLowerCase());

  let name = requested;
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = `(${n})`;
    name = `${requested.slice(0, MAX_SHEET_NAME_LENGTH - suffix.length)}${suffix}`;
  }
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
