/**
 * The identity a return copy carries, so a returned file can be told apart from any other sheet: which
 * master it was cut from, for which unit, and which measures (with a fingerprint of each text) it was given.
 * It lives as JSON in column A of a very-hidden sheet of the copy — it survives the unit opening and saving
 * the file in Excel or WPS, and the unit never sees it.
 */
import { UserFacingError } from '../errors';
import type { SheetSpec } from '../sheet-spec';
import { cellText, compactText } from '../text';
import type { CellValue, SheetAnalysis, SheetGrid, Task } from '../types';
import { chunkStateText } from '../workbook-state';

/** Name of the very-hidden identity sheet (ASCII, like the state sheet). */
import { RETURN_IDENTITY_SHEET } from '../sheet-names';
export { RETURN_IDENTITY_SHEET };
const IDENTITY_KIND = 'allocation-return';

export type SplitRole = 'lead' | 'responsible' | 'both';

export interface IdentityMeasure {
  /** Measure number as printed ('' when the master has none). */
  no: string;
  /** Fingerprint of the measure text (see measureFingerprint). */
  hash: string;
  /** Fingerprint of the answer the copy was pre-filled with (see answerFingerprint); absent in older copies. */
  answer?: string;
}

export interface ReturnIdentity {
  kind: typeof IDENTITY_KIND;
  version: 1;
  /** Fingerprint of the whole master: every measure's number and text, in order. */
  masterId: string;
  masterTitle: string | null;
  /** The master's sheet the copy was cut from. */
  masterSheet: string;
  /** The recipient: a directory unit's canonical name, or a group whose members are unknown. */
  unit: string;
  by: SplitRole;
  measures: IdentityMeasure[];
  /** When the copy was made ('YYYY-MM-DD HH:mm', the clerk's clock). */
  generatedAt: string;
  /** 报送时限 set at 下发 (ISO), or null. */
  due: string | null;
}

/**
 * 64-bit FNV-1a over UTF-16 code units, as 16 hex digits. Not cryptographic: it tells texts apart, it does
 * not guard against someone forging a return on purpose. Computed in four 16-bit limbs rather than BigInt,
 * which ES5 engines (the lite pane's IE11/EdgeHTML) do not have: the FNV prime is 2^40 + 0x1B3, so
 * multiplying is limb × 0x1B3 plus the hash shifted left by 40 bits, with carries, modulo 2^64.
 */
export function fingerprint(s: string): string {
  // Offset basis 0xCBF29CE484222325, low limb first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < s.length; i++) {
    h0 ^= s.charCodeAt(i);
    const a0 = h0 * 0x1b3;
    const a1 = h1 * 0x1b3 + (a0 >>> 16);
    const a2 = h2 * 0x1b3 + (h0 << 8) + (a1 >>> 16);
    const a3 = h3 * 0x1b3 + (h1 << 8) + (a2 >>> 16);
    h0 = a0 & 0xffff;
    h1 = a1 & 0xffff;
    h2 = a2 & 0xffff;
    h3 = a3 & 0xffff;
  }
  const hex4 = (limb: number) => ('000' + limb.toString(16)).slice(-4);
  return hex4(h3) + hex4(h2) + hex4(h1) + hex4(h0);
}

/** A measure text in the form that is compared: normalised width and spacing, no white space at all. */
export function comparableText(s: string): string {
  return compactText(s);
}

export function measureFingerprint(measure: string): string {
  return fingerprint(comparableText(measure));
}

/** The master's fingerprint: every measure's number and text in order (units and deadlines may be corrected). */
export function masterFingerprint(analysis: SheetAnalysis): string {
  return fingerprint(analysis.tasks.map((t) => `${t.no}\u0001${comparableText(t.measure)}`).join('\u0002'));
}

/**
 * An answer (完成情况, 进展说明, 完成日期 as cells) in the form compared: a date by its day, text by its
 * compact form — so a copy saved back unchanged by Excel or WPS reads as unchanged.
 */
export function answerFingerprint(cells: readonly CellValue[]): string {
  return fingerprint(cells.map((v) => (v !== null && typeof v === 'object' && v.kind === 'date' ? v.iso : comparableText(cellText(v)))).join('\u0001'));
}

export function identityFor(
  analysis: SheetAnalysis,
  unit: string,
  by: SplitRole,
  tasks: readonly Task[],
  generatedAt: string,
  extra: { due?: string | null; prefills?: readonly string[] } = {},
): ReturnIdentity {
  return {
    kind: IDENTITY_KIND,
    version: 1,
    masterId: masterFingerprint(analysis),
    masterTitle: analysis.title,
    masterSheet: analysis.sheet,
    unit,
    by,
    measures: tasks.map((t, i) => {
      const measure: IdentityMeasure = { no: t.no, hash: measureFingerprint(t.measure) };
      const answer = extra.prefills?.[i];
      if (answer !== undefined) measure.answer = answer;
      return measure;
    }),
    generatedAt,
    due: extra.due ?? null,
  };
}

/** The very-hidden sheet holding the identity, one chunk of the JSON per row of column A. */
export function identitySheetSpec(identity: ReturnIdentity): SheetSpec {
  return {
    name: RETURN_IDENTITY_SHEET,
    marker: 'return-copy',
    rows: chunkStateText(JSON.stringify(identity)).map((chunk) => [{ v: chunk }]),
    merges: [],
    columnWidths: [],
    styles: {},
    hidden: 'veryHidden',
  };
}

/** Reads the identity back; null when the grid holds none or it is not one (damaged, another product's). */
export function identityFromGrid(grid: SheetGrid | null): ReturnIdentity | null {
  if (!grid) return null;
  const text = grid.values.map((row) => cellText(row[0] ?? null)).join('');
  if (!text) return null;
  try {
    const raw = JSON.parse(text) as Partial<ReturnIdentity>;
    const valid =
      raw &&
      raw.kind === IDENTITY_KIND &&
      raw.version === 1 &&
      typeof raw.masterId === 'string' &&
      typeof raw.unit === 'string' &&
      raw.unit !== '' &&
      Array.isArray(raw.measures) &&
      raw.measures.every((m) => m && typeof m.no === 'string' && typeof m.hash === 'string' && (m.answer === undefined || typeof m.answer === 'string'));
    if (!valid) return null;
    return {
      kind: IDENTITY_KIND,
      version: 1,
      masterId: raw.masterId as string,
      masterTitle: typeof raw.masterTitle === 'string' ? raw.masterTitle : null,
      masterSheet: typeof raw.masterSheet === 'string' ? raw.masterSheet : '',
      unit: raw.unit as string,
      by: raw.by === 'lead' || raw.by === 'responsible' ? raw.by : 'both',
      measures: raw.measures as IdentityMeasure[],
      generatedAt: typeof raw.generatedAt === 'string' ? raw.generatedAt : '',
      due: typeof raw.due === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw.due) ? raw.due : null,
    };
  } catch {
    return null;
  }
}

/** Throws when a split is asked for with an unknown --by value. */
export function parseSplitRole(raw: string | undefined): SplitRole {
  if (raw === undefined || raw === 'both') return 'both';
  if (raw === 'lead' || raw === 'responsible') return raw;
  throw new UserFacingError('split.bad_role', {
    zh: `--by 只能是 lead（牵头单位）、responsible（责任单位）或 both（两者），而不是“${raw}”`,
    en: `--by must be lead, responsible or both, not "${raw}"`,
  });
}
