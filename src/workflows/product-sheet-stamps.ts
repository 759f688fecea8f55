/**
 * The stamp check of a product sheet, kept to the one read a workflow already makes: the first read asks for
 * the stamp cell of the sheets the earlier product sheet most likely is; only when the state names another
 * sheet (renamed by the clerk, or a numbered variant further down) does one more small read ask for it.
 */
import { numberedSheetName, recordedProductSheet, stampProbeAnswer, stampProbes } from '../domain/product-sheets';
import type { SheetSpec } from '../domain/sheet-spec';
import type { CellValue } from '../domain/types';
import type { WorkbookState } from '../domain/workbook-state';
import type { CellProbe, WorkbookHost, WorkbookSnapshot } from '../ports/workbook-host';

/** Numbered variants probed besides the name itself: 落实情况汇总(2) and (3) cover a clash or two with the clerk's sheets. */
const LIKELY_VARIANTS = 2;

/** Probes for the stamp of a product sheet to be written as `requested` (or one of its numbered variants). */
export function likelyStampProbes(requested: string): CellProbe[] {
  return stampProbes([requested, ...Array.from({ length: LIKELY_VARIANTS }, (_, i) => numberedSheetName(requested, i + 2))]);
}

/**
 * The stamp answers to decide with: the snapshot's, plus the recorded earlier sheet's when the first read
 * did not ask for it (one more read, of that sheet only).
 */
export async function stampAnswers(
  host: WorkbookHost,
  snapshot: WorkbookSnapshot,
  state: WorkbookState,
  marker: SheetSpec['marker'],
  source: string | null,
): Promise<Record<string, CellValue>> {
  const answers = snapshot.probes ?? {};
  const recorded = recordedProductSheet(state, marker, source, snapshot.sheets.map((s) => s.name));
  if (!recorded?.stamp || stampProbeAnswer(answers, recorded.name) !== undefined) return answers;
  const extra = await host.read({ sheet: recorded.name, probes: stampProbes([recorded.name]) });
  return { ...answers, ...extra.probes };
}
