/**
 * Which spreadsheet the pane is in, decided at start-up: WPS 表格 gives its 加载项 pages a global `Application`
 * with the ET object model (a workbook collection and `ActiveWorkbook`) and no Office.js; Excel gives `Office`.
 */
import type { EtApplication } from './et-object-model';

export function etApplicationIn(scope: unknown): EtApplication | null {
  const g = scope as { Office?: unknown; Application?: unknown };
  if (!g || g.Office !== undefined) return null;
  const app = g.Application as Partial<EtApplication> | undefined;
  if (!app || typeof app !== 'object' || !('ActiveWorkbook' in app)) return null;
  return app as EtApplication;
}
