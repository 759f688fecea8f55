/**
 * What one round trip may carry. Excel on the web refuses requests and responses over 5 MB; elsewhere there is
 * no limit, but batches stay bounded so memory and pauses do too. Sizes are estimates made before sending.
 */
import type { CellRange } from '../../domain/types';

/** Rough size of one queued action (object path + action) in a request. */
export const ACTION_BYTES = 150;
/** getCellProperties answers ~135 bytes a cell for fill (colour, pattern, pattern colour, tint) + font colour. */
const CELL_PROPERTIES_BYTES = 140;
/** A range-level colour probe: a range, its fill and font, two loads. */
const PROBE_BYTES = 450;
/** Outside the web Excel sets no payload limit; batches still stay bounded so memory and pauses do too. */
const UNLIMITED_BUDGET_BYTES = 32 * 1024 * 1024;

/** What one round trip may carry, derived from the payload limit: bytes each way, and what fits in them. */
export interface RoundTripLimits {
  /** No payload limit: the used range is read whole in the first sync instead of a first window. */
  readWhole: boolean;
  requestBytes: number;
  responseBytes: number;
  /** Cells whose `getCellProperties` answer fits in one response. */
  cellPropertiesCells: number;
  /** Style probes (one per range) that fit in one request. */
  styleProbes: number;
}

/** Requests are cut at 90 % of the payload limit, responses planned at 80 %; null: no limit. */
export function roundTripLimits(limit: number | null): RoundTripLimits {
  const requestBytes = limit === null ? UNLIMITED_BUDGET_BYTES : Math.floor(limit * 0.9);
  const responseBytes = limit === null ? UNLIMITED_BUDGET_BYTES : Math.floor(limit * 0.8);
  return {
    readWhole: limit === null,
    requestBytes,
    responseBytes,
    cellPropertiesCells: Math.floor(responseBytes / CELL_PROPERTIES_BYTES),
    styleProbes: Math.floor(requestBytes / PROBE_BYTES),
  };
}

/** Consecutive index ranges [first, last] whose summed sizes stay within the request's bytes. */
export function slicesByBytes(sizes: number[], requestBytes: number): [number, number][] {
  const out: [number, number][] = [];
  let first = 0;
  let bytes = 0;
  sizes.forEach((s, i) => {
    if (i > first && bytes + s > requestBytes - ACTION_BYTES * 4) {
      out.push([first, i - 1]);
      first = i;
      bytes = 0;
    }
    bytes += s;
  });
  if (sizes.length) out.push([first, sizes.length - 1]);
  return out;
}

/** Ranges cut into groups of at most `limit` cells (long ranges split by rows). */
export function sliceByCells(ranges: CellRange[], limit: number): CellRange[][] {
  const groups: CellRange[][] = [[]];
  let count = 0;
  for (const r of ranges) {
    const width = r.right - r.left + 1;
    const rowsPerPiece = Math.max(1, Math.floor(limit / width));
    for (let top = r.top; top <= r.bottom; top += rowsPerPiece) {
      const piece = { ...r, top, bottom: Math.min(r.bottom, top + rowsPerPiece - 1) };
      const n = (piece.bottom - piece.top + 1) * width;
      if (count + n > limit && groups[groups.length - 1].length) {
        groups.push([]);
        count = 0;
      }
      groups[groups.length - 1].push(piece);
      count += n;
    }
  }
  return groups;
}
