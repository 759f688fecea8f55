/** Single cells a workflow asks about alongside a read (a return copy's identity, a marker cell). */
import { parseAddress } from '../../domain/address';
import type { CellValue } from '../../domain/types';
import { probeKey, type CellProbe } from '../../ports/workbook-host';
import { cellValueFromOffice } from './cell-values';
import type { Sheet } from './session';

export interface QueuedProbe {
  probe: CellProbe;
  target: { sheet: Sheet; nullable: boolean } | null;
  range: Excel.Range | null;
}

/** Queues the load of one probed cell on `target` (null: its sheet is not to be asked for in this batch). */
export function queueProbe(probe: CellProbe, target: { sheet: Sheet; nullable: boolean } | null): QueuedProbe {
  return { probe, target, range: target ? target.sheet.getRange(probe.address).load(['values', 'numberFormat']) : null };
}

export function isSingleCell(address: string): boolean {
  const r = parseAddress(address);
  return r !== null && r.top === r.bottom && r.left === r.right;
}

/** The synced probes on sheets that exist (a null-object sheet, from ExcelApi ≥ 1.4, answers nothing). */
export function probeAnswers(probes: QueuedProbe[]): Record<string, CellValue> {
  const answers: Record<string, CellValue> = {};
  for (const { probe, target, range } of probes) {
    if (!range || !target || (target.nullable && target.sheet.isNullObject)) continue;
    answers[probeKey(probe)] = cellValueFromOffice(range.values[0]?.[0], range.numberFormat[0]?.[0]);
  }
  return answers;
}
