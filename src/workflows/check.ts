/**
 * Check a 任务分工 sheet: read it (one round trip), read the workbook's own 单位名录 if it has one (a second
 * round trip, only then), and analyse it with the clerk's saved settings. The pane and the CLI both call this.
 */
import { analyseSheet } from '../domain/check';
import { isClerkTable, PRODUCT_SHEET_LABELS } from '../domain/product-sheets';
import { RETURN_IDENTITY_SHEET } from '../domain/returns/identity';
import { UserFacingError } from '../domain/errors';
import type { ColumnMap, SheetAnalysis } from '../domain/types';
import { directoryFromGrid, directoryFromTasks, UNIT_DIRECTORY_SHEET, UnitDirectory } from '../domain/units';
import { ownEntry, parseState, STATE_SHEET_NAME } from '../domain/workbook-state';
import type { WorkbookState } from '../domain/workbook-state';
import type { SheetSpec } from '../domain/sheet-spec';
import type { CellProbe, ReadRequest, WorkbookHost, WorkbookSnapshot } from '../ports/workbook-host';

export interface CheckOptions {
  /** Sheet to check; default: the active sheet (the first visible one outside Excel). */
  sheet?: string;
  /** Overrides the plan year saved in the workbook and the one in the title. */
  planYear?: number;
  /** A directory given by the caller (CLI --units); else the workbook's 单位名录 sheet; else the sheet's own units. */
  directory?: UnitDirectory;
  /** Column corrections over the ones saved in the workbook for this sheet. */
  columns?: Partial<ColumnMap>;
  /** The year it is now (last-resort plan year); default: the system clock's year. */
  currentYear?: number;
  /** Cells of other sheets to read along (product-sheet stamps); answered in snapshot.probes. */
  probes?: CellProbe[];
  /** Read the sheet's look too (snapshot.look: column widths and body font), for copies that keep it. */
  look?: boolean;
}

export interface CheckResult {
  snapshot: WorkbookSnapshot;
  analysis: SheetAnalysis;
  directory: UnitDirectory;
  state: WorkbookState;
  /** True when the product's saved state could not be read (it is then treated as empty: say so). */
  stateDamaged: boolean;
  /**
   * Where the directory came from: given by the caller, the workbook's 单位名录 sheet, or — neither — the
   * units the checked sheet itself names (there is no built-in directory of any body).
   */
  directorySource: DirectorySource;
}

export type DirectorySource = 'option' | 'workbook' | 'sheet';

export async function runCheck(host: WorkbookHost, options: CheckOptions = {}): Promise<CheckResult> {
  // What is read along with the sheet, on every read of it.
  const along: ReadRequest = {};
  if (options.probes?.length) along.probes = options.probes;
  if (options.look) along.look = true;
  let snapshot = await host.read(options.sheet ? { sheet: options.sheet, ...along } : along);
  const { state, damaged } = parseState(snapshot.stateText);
  if (!options.sheet && snapshot.grid) {
    // Left on the summary (or 单位名录) sheet: check the allocation table it belongs to instead (a second read,
    // only then). A sheet asked for by name is refused below instead, so the clerk is told.
    const table = allocationSheetFor(snapshot.grid.sheet, snapshot, state);
    if (table && table !== snapshot.grid.sheet) snapshot = await host.read({ sheet: table, ...along });
  }
  const grid = snapshot.grid;
  if (!grid) {
    const names = snapshot.sheets.filter((s) => s.visibility === 'visible').map((s) => `“${s.name}”`);
    throw new UserFacingError('check.no_such_sheet', {
      zh: options.sheet
        ? `工作簿中没有名为“${options.sheet}”的工作表。现有工作表：${names.join('、') || '（无）'}`
        : '工作簿中没有可检查的工作表',
      en: options.sheet
        ? `The workbook has no sheet named "${options.sheet}". Its sheets: ${names.join(', ') || '(none)'}`
        : 'The workbook has no sheet to check',
    });
  }
  refuseProductSheet(grid.sheet, state, stateSheetOf(snapshot));

  let directory = options.directory;
  let directorySource: DirectorySource = 'option';
  if (!directory) {
    const hasOwn = snapshot.sheets.some((s) => s.name === UNIT_DIRECTORY_SHEET) && grid.sheet !== UNIT_DIRECTORY_SHEET;
    if (hasOwn) {
      const own = await host.read({ sheet: UNIT_DIRECTORY_SHEET });
      directory = own.grid ? new UnitDirectory(directoryFromGrid(own.grid)) : undefined;
      directorySource = 'workbook';
    }
  }

  const savedColumns = ownEntry(state.settings.columns, grid.sheet);
  const columns = savedColumns || options.columns ? { ...savedColumns, ...options.columns } : undefined;
  const analysis = analyseSheet(grid, {
    planYear: options.planYear ?? state.settings.planYear,
    directory,
    columns,
    currentYear: options.currentYear,
    subsetOfMaster: snapshot.sheets.some((s) => s.name === RETURN_IDENTITY_SHEET),
  });
  if (!directory) return { snapshot, analysis, directory: new UnitDirectory(directoryFromTasks(analysis.tasks)), state, stateDamaged: damaged, directorySource: 'sheet' };
  return { snapshot, analysis, directory, state, stateDamaged: damaged, directorySource };
}

function productMarker(sheet: string, state: WorkbookState, stateSheet: string | null): SheetSpec['marker'] | null {
  const made = state.productSheets.find((p) => p.name === sheet && p.marker !== 'return-copy');
  if (made) return made.marker;
  return sheet === UNIT_DIRECTORY_SHEET ? 'unit-directory' : sheet === stateSheet ? 'state' : null;
}

/** The sheet the host read the state from; a host that does not say keeps it under the first name. */
function stateSheetOf(snapshot: WorkbookSnapshot): string | null {
  return snapshot.stateSheet === undefined ? STATE_SHEET_NAME : snapshot.stateSheet;
}

/** The sheet to check when none was named: the given one, or for a product sheet its source (else the first table). */
function allocationSheetFor(sheet: string, snapshot: WorkbookSnapshot, state: WorkbookState): string | null {
  const stateSheet = stateSheetOf(snapshot);
  if (!productMarker(sheet, state, stateSheet)) return sheet;
  const exists = (name: string) => snapshot.sheets.some((s) => s.name === name);
  const source = state.productSheets.find((p) => p.name === sheet)?.source;
  if (source && exists(source) && !productMarker(source, state, stateSheet)) return source;
  return snapshot.sheets.find((s) => isClerkTable(s, state, stateSheet))?.name ?? null;
}

/**
 * The product's own sheets (summary, 单位名录, returns log …) are not allocation tables: say which to choose.
 * A department's return copy is one (a subset of the master's rows) and is checked like any other.
 */
function refuseProductSheet(sheet: string, state: WorkbookState, stateSheet: string | null): void {
  const marker = productMarker(sheet, state, stateSheet);
  if (!marker) return;
  const made = state.productSheets.find((p) => p.name === sheet);
  const kind = PRODUCT_SHEET_LABELS[marker];
  const source = made?.source;
  throw new UserFacingError('check.product_sheet', {
    zh:
      `工作表“${sheet}”是本工具生成的${kind.zh}，不是任务分工表，无法检查。` +
      (source ? `请改为检查工作表“${source}”。` : '请选择任务分工所在的工作表。'),
    en:
      `Sheet "${sheet}" is ${kind.en} made by this tool, not an allocation table. ` +
      (source ? `Check sheet "${source}" instead.` : 'Choose the sheet that holds the allocation table.'),
  });
}
