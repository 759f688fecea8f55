/**
 * The workbook's saved settings (判断日期, 临期天数, 计划年度, colours, column corrections …): read them, and
 * change them while keeping everything else the state holds. The pane's 设置 and `allocation settings` both
 * call this. Saving reads the state fresh (a workflow may have written highlights since it was last read), so
 * it is one read and one apply.
 */
import { parseState, serialiseState, type ProductSettings, type WorkbookState } from '../domain/workbook-state';
import type { WorkbookHost } from '../ports/workbook-host';

export interface SavedSettings {
  settings: ProductSettings;
  /** The saved state could not be read and was treated as empty (say so before changing it). */
  damaged: boolean;
  /** The workbook's sheet names (column settings are kept per sheet). */
  sheets: string[];
}

export interface SettingsReadOptions {
  /** The sheet to read along (the pane reads the one it shows); default: the active sheet. */
  sheet?: string;
}

export async function readSettings(host: WorkbookHost, options: SettingsReadOptions = {}): Promise<SavedSettings> {
  const snapshot = await host.read(options.sheet ? { sheet: options.sheet } : undefined);
  const { state, damaged } = parseState(snapshot.stateText);
  return { settings: state.settings, damaged, sheets: snapshot.sheets.map((s) => s.name) };
}

/** Writes `update(saved settings)` into the workbook's state; returns what was saved. */
export async function saveSettings(
  host: WorkbookHost,
  update: (settings: ProductSettings) => ProductSettings,
  options: SettingsReadOptions = {},
): Promise<ProductSettings> {
  const snapshot = await host.read(options.sheet ? { sheet: options.sheet } : undefined);
  const { state } = parseState(snapshot.stateText);
  const next: WorkbookState = { ...state, settings: update(state.settings) };
  await host.apply([{ kind: 'state', text: serialiseState(next) }]);
  return next.settings;
}
