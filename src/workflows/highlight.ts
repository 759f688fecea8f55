/**
 * 标色: colour every task row by its state as of a date — three round trips whatever the sheet's size:
 *   1. read (inside runCheck): the sheet, its merges and the saved state;
 *   2. readStyles: the current colours of every cell the plan colours and every cell the workbook remembers
 *      colouring (skipped when there are none) — originals for newly coloured cells, and the evidence of
 *      cells the clerk recoloured by hand;
 *   3. apply: put back originals of cells that no longer get a colour, colour run by run, save the state.
 * Values are never written; only fill and font colour change. Running it twice gives the same workbook.
 */
import { countOf } from '../domain/i18n';
import { cellAddress } from '../domain/address';
import { visibleName } from '../domain/text';
import { UserFacingError } from '../domain/errors';
import { resolveColours } from '../domain/colours';
import { isValidIsoDate } from '../domain/dates';
import { buildHighlightPlan, highlightReadRanges, reconcileHighlight, type HighlightPlan } from '../domain/highlight-plan';
import { lastGridRow, packRecord, realignRecord, recordBoundsOf, rowKeyIndexFromGrid, unpackRecord, withRowKeys } from '../domain/highlight-record';
import { DEFAULT_SOON_DAYS, isSoonDays, MAX_SOON_DAYS, type StateCounts } from '../domain/row-state';
import type { CellRange, CellStyle, ColumnMap, Lang, LocalText, RowState, SheetGrid } from '../domain/types';
import { reconcilePrinted, restorePrinted, validPrintedRecord, type PrintedRecord } from '../domain/highlight-print';
import type { PageHeaderFooter } from '../domain/sheet-spec';
import type { UnitDirectory } from '../domain/units';
import { highlightOf, serialiseState, withEntry, type HighlightRecord, type StateColours, type WorkbookState } from '../domain/workbook-state';
import type { WorkbookChange, WorkbookHost } from '../ports/workbook-host';
import { runCheck, type CheckResult } from './check';

export { MAX_SOON_DAYS } from '../domain/row-state';

export interface HighlightOptions {
  sheet?: string;
  /** ISO date the states are judged at. */
  asOf: string;
  /** Working days for due_soon; default: the workbook's saved setting, else 10. */
  soonDays?: number;
  directory?: UnitDirectory;
  planYear?: number;
  columns?: Partial<ColumnMap>;
  /** Colour overrides; default: the workbook's saved settings. */
  colours?: Partial<Record<RowState, StateColours>>;
  /** Language of the legend and date the sheet prints in its header and footer; default zh-CN. */
  lang?: Lang;
}

export interface HighlightResult {
  sheet: string;
  plan: HighlightPlan;
  counts: StateCounts;
  /** Cells now carrying the product's colours. */
  colouredCells: number;
  /** Cells whose original style was put back (their task no longer gets a colour). */
  restoredCells: number;
  /** Cells the clerk recoloured by hand, left alone (all of them, not only those found this time). */
  userColouredCells: number;
  warnings: LocalText[];
  check: CheckResult;
}

export function validateAsOf(asOf: string): void {
  if (!isValidIsoDate(asOf)) {
    throw new UserFacingError('highlight.bad_date', {
      zh: `日期“${asOf}”无效，请写成 YYYY-MM-DD，例如 2022-09-15`,
      en: `"${asOf}" is not a valid date; write it as YYYY-MM-DD, e.g. 2022-09-15`,
    });
  }
}


function badSoonDays(shown: string): UserFacingError {
  return new UserFacingError('highlight.bad_soon_days', {
    zh: `临期天数“${shown}”无效：须为 0 到 ${MAX_SOON_DAYS} 之间的整数（工作日），例如 10`,
    en: `Due-soon days "${shown}" is invalid: give a whole number of working days from 0 to ${MAX_SOON_DAYS}, e.g. 10`,
  });
}

export function validateSoonDays(soonDays: number): void {
  if (!isSoonDays(soonDays)) throw badSoonDays(String(soonDays));
}

/** The due-soon window typed by the clerk (a CLI option, a pane field); the message quotes what was typed. */
export function parseSoonDays(raw: string): number {
  const trimmed = raw.trim();
  const n = /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!isSoonDays(n)) throw badSoonDays(visibleName(raw));
  return n;
}

const DAMAGED_STATE_WARNING: LocalText = {
  zh: '工作簿中保存的标色记录无法读取（可能已损坏），已按新记录重新标色；此前标色前的原始颜色无法再由“清除标色”恢复。',
  en: 'The saved highlight record in this workbook could not be read (it may be damaged); highlighting started a new record, and colours from before the earlier highlight can no longer be restored by Clear.',
};

/** The colour-coding worked out from a check, before the styles are read: what to read, and the plan. */
export interface HighlightPreparation {
  sheet: string;
  plan: HighlightPlan;
  /** The saved record for the sheet, unpacked and moved to where its rows are now (rows inserted/deleted since). */
  previous: HighlightRecord | undefined;
  /** Pass these to one `readStyles(sheet, …)`; empty means there is nothing to read (skip the round trip). */
  readRanges: CellRange[];
  colours: Record<RowState, StateColours | null>;
  lang: Lang;
}

/** Pure: the plan for a checked sheet, with the clerk's saved window and colours unless the options say otherwise. */
export function prepareHighlight(check: CheckResult, options: Pick<HighlightOptions, 'asOf' | 'soonDays' | 'colours' | 'lang'>): HighlightPreparation {
  validateAsOf(options.asOf);
  const { analysis, snapshot, state } = check;
  const soonDays = resolveSoonDays(options.soonDays, state);
  const colours = resolveColours(options.colours ?? state.settings.colours);
  const plan = buildHighlightPlan(analysis, options.asOf, { soonDays, colours, merges: snapshot.grid?.merges ?? [] });
  const previous = savedRecord(highlightOf(state, analysis.sheet), snapshot.grid);
  return { sheet: analysis.sheet, plan, previous, readRanges: highlightReadRanges(plan, previous, lastGridRow(snapshot.grid)), colours, lang: options.lang ?? 'zh-CN' };
}

/** A sheet's saved record as the workflows use it: unpacked, and following rows the clerk inserted or deleted. */
export function savedRecord(stored: HighlightRecord | undefined, grid: SheetGrid | null): HighlightRecord | undefined {
  const record = unpackRecord(stored, recordBoundsOf(grid));
  if (!record || !grid || record.keyColumn === undefined || !Number.isInteger(record.keyColumn)) return record;
  return realignRecord(record, rowKeyIndexFromGrid(grid, record.keyColumn));
}

/**
 * Pure: given the styles read for `prep.readRanges`, the changes to apply (restore and colour; the caller adds
 * the state change, so a batch that also makes a summary writes the state once) and the state afterwards.
 * `state` is the state to build on — the checked one, or one another step of the same batch produced.
 */
export function completeHighlight(
  check: CheckResult,
  prep: HighlightPreparation,
  current: CellStyle[],
  state: WorkbookState,
): { changes: WorkbookChange[]; nextState: WorkbookState; result: HighlightResult } {
  const { sheet, plan } = prep;
  const outcome = reconcileHighlight(plan, prep.previous, current);
  const printed = printedOutcome(check, prep, outcome.record !== null);
  let packed: HighlightRecord | undefined;
  if (outcome.record) {
    const measure = check.analysis.layout.columns.measure;
    const keyed = check.snapshot.grid ? withRowKeys(outcome.record, measure, rowKeyIndexFromGrid(check.snapshot.grid, measure)) : outcome.record;
    packed = packRecord(printed.record ? { ...keyed, printed: printed.record } : keyed);
  }
  const highlights = withEntry(state.highlights, sheet, packed);

  const changes: WorkbookChange[] = [];
  if (outcome.restore.length) changes.push({ kind: 'restore', sheet, styles: outcome.restore });
  for (const c of outcome.colour) changes.push({ kind: 'colour', sheet, ranges: c.ranges, fill: c.fill, font: c.font });
  if (printed.write) changes.push({ kind: 'headerFooter', sheet, value: printed.write });
  return {
    changes,
    nextState: { ...state, highlights },
    result: {
      sheet,
      plan,
      counts: plan.counts,
      colouredCells: outcome.record?.cells.length ?? 0,
      restoredCells: outcome.restore.length,
      userColouredCells: outcome.record?.userColoured?.length ?? 0,
      warnings: [
        ...(check.stateDamaged ? [DAMAGED_STATE_WARNING] : []),
        ...(printed.unreadable ? [NO_PRINTED_LEGEND_WARNING] : []),
        ...notRestorableWarning(outcome.notRestorable),
        // Only cells coloured in this pass carry the flag: originals from the saved record were reported then.
        ...fillKindUnknownWarning((outcome.record?.cells ?? []).filter((c) => c.original.fillKindUnknown)),
      ],
      check,
    },
  };
}

const NO_PRINTED_LEGEND_WARNING: LocalText = {
  zh: '当前 Excel 版本（低于 ExcelApi 1.9）不能读写页眉页脚：打印出的任务分工表不带标色说明和截至日期。',
  en: 'This Excel (below ExcelApi 1.9) cannot read or write headers and footers: the printed sheet carries no colour legend or as-of date.',
};

/**
 * The printed legend over the header and footer the read found: kept (and rewritten when out of date) while rows
 * are coloured, put back to the clerk's when nothing is coloured any more. A host that cannot read headers leaves
 * them alone and the saved record as it was, for a host that can to restore later.
 */
function printedOutcome(
  check: CheckResult,
  prep: HighlightPreparation,
  coloured: boolean,
): { record: PrintedRecord | undefined; write: PageHeaderFooter | null; unreadable: boolean } {
  const current = check.snapshot.headerFooter;
  const previous = validPrintedRecord(prep.previous?.printed);
  if (!current) return { record: previous, write: null, unreadable: check.snapshot.grid !== null };
  if (!coloured) return { record: undefined, write: restorePrinted(current, previous), unreadable: false };
  const { record, write } = reconcilePrinted(current, previous, { asOf: prep.plan.asOf, soonDays: prep.plan.soonDays, counts: prep.plan.counts, colours: prep.colours, lang: prep.lang });
  return { record, write, unreadable: false };
}

/** Cells left uncoloured because their fill could not be put back (gradients in Excel): how many, and where. */
function notRestorableWarning(cells: { row: number; col: number }[]): LocalText[] {
  if (!cells.length) return [];
  const shown = cells.slice(0, 5).map((c) => cellAddress(c.row, c.col));
  const more = cells.length > shown.length;
  return [
    {
      zh: `${cells.length} 个单元格为渐变填充（${shown.join('、')}${more ? ' 等' : ''}）。Excel 加载项无法写回渐变填充，为使“清除标色”能原样恢复，这些单元格未标色；如需标色，请先改为纯色填充。`,
      en: `${cells.length === 1 ? '1 cell has' : `${cells.length} cells have`} a gradient fill (${shown.join(', ')}${more ? ', …' : ''}). The add-in cannot write a gradient fill back, so that Clear can restore them exactly they were not coloured; give them a solid fill to have them coloured.`,
    },
  ];
}

/** Coloured cells whose fill the host could read only as a colour (Excel below ExcelApi 1.9). */
function fillKindUnknownWarning(cells: { row: number; col: number }[]): LocalText[] {
  if (!cells.length) return [];
  const shown = cells.slice(0, 5).map((c) => cellAddress(c.row, c.col));
  const more = cells.length > shown.length;
  return [
    {
      zh: `${cells.length} 个单元格原有彩色填充（${shown.join('、')}${more ? ' 等' : ''}）。当前 Excel 版本（低于 ExcelApi 1.9）只能读取填充颜色，读不到图案或渐变：如其中有图案或渐变填充，“清除标色”将恢复为同色的纯色填充。`,
      en: `${countOf(cells.length, 'cell')} had a coloured fill (${shown.join(', ')}${more ? ', …' : ''}). This Excel (below ExcelApi 1.9) reads only a fill's colour, not its pattern or gradient: any patterned or gradient fill among them comes back from Clear as a solid fill of that colour.`,
    },
  ];
}

export async function runHighlight(host: WorkbookHost, options: HighlightOptions): Promise<HighlightResult> {
  validateAsOf(options.asOf);
  if (options.soonDays !== undefined) validateSoonDays(options.soonDays);

  const { changes, result } = await plannedHighlight(host, options);
  if (changes.length) await host.apply(changes);
  return result;
}

/**
 * The changes a highlight makes (the state included; none when nothing was coloured before and nothing is now),
 * worked out in a frame of its own: the styles read (one object per cell on a large sheet) are garbage by the
 * time the changes are applied.
 */
async function plannedHighlight(host: WorkbookHost, options: HighlightOptions): Promise<{ changes: WorkbookChange[]; result: HighlightResult }> {
  const check = await runCheck(host, { sheet: options.sheet, planYear: options.planYear, directory: options.directory, columns: options.columns });
  const prep = prepareHighlight(check, options);
  const current = prep.readRanges.length ? await host.readStyles(prep.sheet, prep.readRanges) : [];
  const { changes, nextState, result } = completeHighlight(check, prep, current, check.state);
  // Nothing coloured before and nothing to colour now: leave the workbook exactly as it was.
  if (!changes.length && !highlightOf(check.state, prep.sheet)) return { changes: [], result };
  return { changes: [...changes, { kind: 'state', text: serialiseState(nextState) }], result };
}

/**
 * The due-soon window to use: the requested one (validated), else the clerk's saved setting when it is usable
 * (settings travel inside files and may be edited by hand), else the default.
 */
export function resolveSoonDays(requested: number | undefined, state: WorkbookState): number {
  if (requested !== undefined) {
    validateSoonDays(requested);
    return requested;
  }
  const saved = state.settings.soonDays;
  return isSoonDays(saved) ? saved : DEFAULT_SOON_DAYS;
}
