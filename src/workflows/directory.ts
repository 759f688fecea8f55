/**
 * 单位名录 (the pane's tab and `allocation directory`): write the unit-directory sheet from the units the
 * checked sheet names, after the clerk has reviewed them — near-duplicate spellings side by side to merge (经济运行处 beside 经济运行局), and
 * text that slipped into a unit cell left out — through the WorkbookHost port, and record it as a product
 * sheet so the next run may replace it. There is no built-in directory of any body to start from. A 单位名录
 * sheet the clerk made is never overwritten: that is theirs, and the checker already reads it. One read
 * (fresh state) and one apply (the sheet and the state together).
 */
import { UserFacingError } from '../domain/errors';
import type { Lang, SheetAnalysis } from '../domain/types';
import {
  UNIT_DIRECTORY_SHEET,
  directorySheetSpec,
  isGroupByForm,
  looksLikeStrayText,
  nearDuplicateSpellings,
  type UnitDirectoryData,
  type UnitSpelling,
  unitMatchKey,
} from '../domain/units';
import { placeStampedSheet, stampProbes } from '../domain/product-sheets';
import { parseState, serialiseState } from '../domain/workbook-state';
import type { WorkbookHost } from '../ports/workbook-host';

/** What the directory is made from: a checked sheet (the pane's check and the CLI's both carry one). */
export interface CheckedSheet {
  analysis: SheetAnalysis;
}

export interface DirectoryResult {
  sheetName: string;
  /** Units listed (groups apart). */
  units: number;
  /** Groups listed (各部门 and the like). */
  groups: number;
  /** Names the directory lists as aliases of another entry. */
  aliases: number;
}

/** One entry the directory would get, as the review list shows it. */
export interface DirectoryReviewEntry {
  /** The spelling the directory uses: the one most tasks write. */
  name: string;
  /** How many tasks name it. */
  tasks: number;
  kind: 'unit' | 'group';
  /** Other spellings of the same unit found in the sheet, each merged as an alias only if the clerk says so. */
  variants: { name: string; tasks: number }[];
  /** Reads like text that slipped into a unit cell rather than a unit: left out unless the clerk keeps it. */
  stray: boolean;
}

export interface CreateDirectoryOptions {
  /** The checked sheet whose units make the directory. */
  check: CheckedSheet | null;
  lang: Lang;
  /** Variant spellings (see `directoryReview`) the clerk merged into their entry as aliases; the others stay units. */
  merged?: readonly string[];
  /** Names the clerk kept out of the directory; default: the stray ones. */
  leftOut?: readonly string[];
  /** Creation time recorded with the sheet (ISO); injectable for tests. */
  now?: string;
}

/** Every unit name the tasks mention, lead units first, in sheet order. */
export function unitNamesInSheet(check: CheckedSheet): string[] {
  const names: string[] = [];
  for (const task of check.analysis.tasks) names.push(...task.lead, ...task.responsible);
  return names;
}

/**
 * What the directory made from the checked sheet would hold: its units and groups in sheet order, the
 * near-duplicate spellings of each unit beside it (the commonest spelling first), and the stray names flagged.
 */
export function directoryReview(check: CheckedSheet): DirectoryReviewEntry[] {
  // Spellings keyed by name, counting tasks (a task naming a unit twice counts once).
  const spellings = new Map<string, UnitSpelling>();
  check.analysis.tasks.forEach((task, i) => {
    for (const name of new Set([...task.lead, ...task.responsible])) {
      const known = spellings.get(name);
      if (known) known.cells.push(String(i));
      else spellings.set(name, { name, cells: [String(i)] });
    }
  });
  const all = [...spellings.values()];
  const units = all.filter((s) => !isGroupByForm(s.name) && !looksLikeStrayText(s.name));
  const variantOf = new Map<string, UnitSpelling>();
  const variantsOf = new Map<string, UnitSpelling[]>();
  for (const cluster of nearDuplicateSpellings(units)) {
    variantsOf.set(cluster.preferred.name, cluster.variants);
    for (const v of cluster.variants) variantOf.set(v.name, cluster.preferred);
  }
  const entries: DirectoryReviewEntry[] = [];
  for (const s of all) {
    if (variantOf.has(s.name)) continue;
    const group = isGroupByForm(s.name);
    entries.push({
      name: s.name,
      tasks: s.cells.length,
      kind: group ? 'group' : 'unit',
      variants: (variantsOf.get(s.name) ?? []).map((v) => ({ name: v.name, tasks: v.cells.length })),
      stray: !group && looksLikeStrayText(s.name),
    });
  }
  return entries;
}

/**
 * The directory the reviewed entries make: merged variants as aliases, unmerged ones as units of their own.
 * A name the directory's matching rules take for one already listed (区司法局 beside 司法局) is always added as
 * its alias: the checker would read the two as one anyway, and a sheet listing both would not load.
 */
export function directoryFromReview(entries: readonly DirectoryReviewEntry[], merged: readonly string[], leftOut: readonly string[]): UnitDirectoryData {
  const merge = new Set(merged);
  const skip = new Set(leftOut);
  const data: UnitDirectoryData = { units: [], groups: [] };
  const owners = new Map<string, { aliases: string[] }>();
  const add = (name: string, kind: 'unit' | 'group'): { aliases: string[] } | null => {
    const owner = owners.get(unitMatchKey(name));
    if (owner) {
      owner.aliases.push(name);
      return null;
    }
    const entry = kind === 'group' ? { name, aliases: [], members: null } : { name, aliases: [], category: '' };
    if (kind === 'group') data.groups.push(entry as UnitDirectoryData['groups'][number]);
    else data.units.push(entry as UnitDirectoryData['units'][number]);
    owners.set(unitMatchKey(name), entry);
    return entry;
  };
  for (const entry of entries) {
    if (skip.has(entry.name)) continue;
    const own = add(entry.name, entry.kind) ?? owners.get(unitMatchKey(entry.name))!;
    for (const v of entry.variants) {
      if (skip.has(v.name)) continue;
      if (merge.has(v.name) && !owners.has(unitMatchKey(v.name))) {
        own.aliases.push(v.name);
        owners.set(unitMatchKey(v.name), own);
      } else {
        add(v.name, 'unit');
      }
    }
  }
  return data;
}

export async function createDirectorySheet(host: WorkbookHost, options: CreateDirectoryOptions): Promise<DirectoryResult> {
  if (!options.check) {
    throw new UserFacingError('directory.no_sheet', {
      zh: '请先检查任务分工表，再用表中出现的单位创建名录。',
      en: 'Check the allocation sheet first, then create the directory from the units it names.',
    });
  }
  const review = directoryReview(options.check);
  const leftOut = options.leftOut ?? review.filter((e) => e.stray).map((e) => e.name);
  const data = directoryFromReview(review, options.merged ?? [], leftOut);
  if (data.units.length === 0 && data.groups.length === 0) {
    throw new UserFacingError('directory.no_units', {
      zh: '检查的工作表中没有可列入名录的单位，未创建单位名录。',
      en: 'The checked sheet names no unit to list, so no directory was created.',
    });
  }

  // The stamp cell of an existing 单位名录 comes along: only the product's own (stamped) one is ever replaced.
  const snapshot = await host.read({ sheet: options.check.analysis.sheet, probes: stampProbes([UNIT_DIRECTORY_SHEET]) });
  const { state } = parseState(snapshot.stateText);
  // One directory per workbook (source null): the product's earlier one is replaced, whatever it was made from.
  const { spec, placement, nextState } = placeStampedSheet({
    requested: UNIT_DIRECTORY_SHEET,
    marker: 'unit-directory',
    source: null,
    existingSheets: snapshot.sheets.map((s) => s.name),
    state,
    probes: snapshot.probes,
    createdAt: options.now ?? new Date().toISOString(),
    lang: options.lang,
    build: () => directorySheetSpec(data, options.lang),
  });
  // The checker reads the sheet called exactly 单位名录: a directory under another name would be ignored,
  // so when the placement would not replace the product's own 单位名录 (it is the clerk's), the workflow
  // refuses instead of writing 单位名录(2).
  if (placement.name !== UNIT_DIRECTORY_SHEET) {
    throw new UserFacingError('directory.user_sheet_exists', {
      zh: `工作簿中已有您建立的“${UNIT_DIRECTORY_SHEET}”工作表，检查时会直接使用它，助手不会覆盖。如需重新生成，请先将它改名。`,
      en: `The workbook already has a "${UNIT_DIRECTORY_SHEET}" sheet you made; checks use it and the assistant will not overwrite it. Rename it first to generate a new one.`,
    });
  }
  await host.apply([
    { kind: 'sheet', spec, replaces: placement.replaces },
    { kind: 'state', text: serialiseState(nextState) },
  ]);
  const aliases = [...data.units, ...data.groups].reduce((n, entry) => n + entry.aliases.length, 0);
  return { sheetName: placement.name, units: data.units.length, groups: data.groups.length, aliases };
}
