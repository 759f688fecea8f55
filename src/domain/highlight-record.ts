/**
 * The saved highlight record in a compact form. One entry per coloured cell ({row, col, original, applied})
 * costs ~230 characters of JSON: a 20 000-row sheet would carry a ~20 MB state, far over Office's 5 MB
 * payload. Neighbouring cells nearly always share their original style and their applied colours, so the
 * stored form keeps each distinct style and colour pair once and the cells as runs along a row:
 * a few dozen characters per row. Workflows unpack on read and pack before saving; records saved unpacked
 * (plain `cells`) are read as they are.
 */
import type { CellStyle } from './types';
import type { HighlightedCell, HighlightRecord, PackedHighlight } from './workbook-state';

export function packRecord(record: HighlightRecord): HighlightRecord {
  const styles: PackedHighlight['styles'] = [];
  const colours: PackedHighlight['colours'] = [];
  const styleIndex = new Map<string, number>();
  const colourIndex = new Map<string, number>();
  const indexOf = <T>(list: T[], index: Map<string, number>, key: string, value: T): number => {
    let i = index.get(key);
    if (i === undefined) {
      i = list.push(value) - 1;
      index.set(key, i);
    }
    return i;
  };
  const runs: PackedHighlight['runs'] = [];
  const sorted = [...record.cells].sort((a, b) => a.row - b.row || a.col - b.col);
  for (const cell of sorted) {
    const o = cell.original;
    const s = indexOf(styles, styleIndex, JSON.stringify([o.fill, o.font, o.token]), { fill: o.fill, font: o.font, token: o.token });
    const c = indexOf(colours, colourIndex, `${cell.applied.fill}|${cell.applied.font}`, { fill: cell.applied.fill, font: cell.applied.font });
    const last = runs[runs.length - 1];
    if (last && last[0] === cell.row && last[2] + 1 === cell.col && last[3] === s && last[4] === c) last[2] = cell.col;
    else runs.push([cell.row, cell.col, cell.col, s, c]);
  }
  const { cells: _cells, ...rest } = record;
  return { ...rest, cells: [], packed: { styles, colours, runs } };
}

const isIndex = (n: unknown, length: number): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) < length;
const isCoord = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;

/**
 * The record with every cell listed. Malformed runs (a record edited by hand or damaged) are skipped rather
 * than guessed at: those cells are then simply no longer remembered.
 */
export function unpackRecord(record: HighlightRecord | undefined): HighlightRecord | undefined {
  const packed = record?.packed;
  if (!record || !packed) return record;
  const styles = Array.isArray(packed.styles) ? packed.styles : [];
  const colours = Array.isArray(packed.colours) ? packed.colours : [];
  const cells: HighlightedCell[] = Array.isArray(record.cells) ? [...record.cells] : [];
  for (const run of Array.isArray(packed.runs) ? packed.runs : []) {
    if (!Array.isArray(run)) continue;
    const [row, first, last, s, c] = run;
    if (!isCoord(row) || !isCoord(first) || !isCoord(last) || last < first || !isIndex(s, styles.length) || !isIndex(c, colours.length)) continue;
    for (let col = first; col <= last; col++) {
      const original: CellStyle = { row, col, fill: styles[s].fill, font: styles[s].font, token: styles[s].token };
      cells.push({ row, col, original, applied: { fill: colours[c].fill, font: colours[c].font } });
    }
  }
  const { packed: _packed, ...rest } = record;
  return { ...rest, cells };
}
