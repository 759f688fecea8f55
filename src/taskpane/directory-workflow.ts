/**
 * 单位名录 from the pane: write the unit-directory sheet — from the default directory, or from the units the
 * checked sheet names — through the WorkbookHost port, and record it as a product sheet so the next run may
 * replace it. A 单位名录 sheet the clerk made is never overwritten: that is theirs, and the checker already
 * reads it. One read (fresh state) and one apply (the sheet and the state together).
 */
import { UserFacingError } from '../domain/errors';
import type { Lang } from '../domain/types';
import {
  DEFAULT_DIRECTORY,
  UNIT_DIRECTORY_SHEET,
  directoryFromUnitNames,
  directorySheetSpec,
  type UnitDirectoryData,
} from '../domain/units';
import { placeProductSheet, recordProductSheet } from '../domain/product-sheets';
import { parseState, serialiseState } from '../domain/workbook-state';
import type { WorkbookHost } from '../ports/workbook-host';
import type { PaneCheckResult, PaneDirectoryResult } from './workflows';

export interface CreateDirectoryOptions {
  from: 'default' | 'sheet';
  /** The checked sheet whose units seed the directory (required for from: 'sheet'). */
  check: PaneCheckResult | null;
  lang: Lang;
  /** Creation time recorded with the sheet (ISO); injectable for tests. */
  now?: string;
}

/** Every unit name the tasks mention, lead units first, in sheet order. */
export function unitNamesInSheet(check: PaneCheckResult): string[] {
  const names: string[] = [];
  for (const task of check.analysis.tasks) names.push(...task.lead, ...task.responsible);
  return names;
}

export async function createDirectorySheet(host: WorkbookHost, options: CreateDirectoryOptions): Promise<PaneDirectoryResult> {
  let data: UnitDirectoryData;
  if (options.from === 'sheet') {
    if (!options.check) {
      throw new UserFacingError('directory.no_sheet', {
        zh: '请先检查任务分工表，再用表中出现的单位创建名录。',
        en: 'Check the allocation sheet first, then create the directory from the units it names.',
      });
    }
    data = directoryFromUnitNames(unitNamesInSheet(options.check), DEFAULT_DIRECTORY);
  } else {
    data = DEFAULT_DIRECTORY;
  }

  const snapshot = await host.read(options.check ? { sheet: options.check.analysis.sheet } : undefined);
  const { state } = parseState(snapshot.stateText);
  // One directory per workbook (source null): the product's earlier one is replaced, whatever it was made from.
  const placement = placeProductSheet({
    requested: UNIT_DIRECTORY_SHEET,
    marker: 'unit-directory',
    source: null,
    existingSheets: snapshot.sheets.map((s) => s.name),
    state,
  });
  // The checker reads the sheet called exactly 单位名录: a directory under another name would be ignored,
  // so when the placement would not replace the product's own 单位名录 (it is the clerk's), the pane
  // refuses instead of writing 单位名录(2).
  if (placement.name !== UNIT_DIRECTORY_SHEET) {
    throw new UserFacingError('directory.user_sheet_exists', {
      zh: `工作簿中已有您建立的“${UNIT_DIRECTORY_SHEET}”工作表，检查时会直接使用它，助手不会覆盖。如需重新生成，请先将它改名。`,
      en: `The workbook already has a "${UNIT_DIRECTORY_SHEET}" sheet you made; checks use it and the assistant will not overwrite it. Rename it first to generate a new one.`,
    });
  }

  const next = recordProductSheet(
    state,
    { name: placement.name, marker: 'unit-directory', source: null, createdAt: options.now ?? new Date().toISOString() },
    placement,
  );
  await host.apply([
    { kind: 'sheet', spec: directorySheetSpec(data, options.lang), replaces: placement.replaces },
    { kind: 'state', text: serialiseState(next) },
  ]);
  return { sheetName: placement.name, units: data.units.length };
}
