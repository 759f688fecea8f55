/**
 * Tables as published by other bodies, read with no configuration at all: no directory, no plan year, no
 * column choices. Each must give exactly the task list a clerk would read off the printed table.
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyseSheet } from '../../src/domain/check';
import { UnitDirectory } from '../../src/domain/units';
import type { SheetAnalysis } from '../../src/domain/types';
import type { PublicTable, PublicTask } from '../fixtures/public/types';
import { makeGrid } from '../support/sheet-grid';

const DIR = path.resolve(__dirname, '../fixtures/public');
const NAMES = fs.readdirSync(DIR).filter((f) => /^\d\d-.*\.ts$/.test(f)).map((f) => f.replace(/\.ts$/, '')).sort();

/**
 * Tables the engine still misreads, with what goes wrong. An entry that starts reading right fails the test,
 * so this list only ever shrinks.
 */
const KNOWN_MISREAD: Record<string, string> = {};

function load(name: string): PublicTable {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(path.join(DIR, name)) as { default: PublicTable }).default;
}

function read(table: PublicTable): SheetAnalysis {
  return analyseSheet(makeGrid(table.rows, { merges: table.merges }), {
    directory: new UnitDirectory({ units: [], groups: [] }),
    currentYear: 2026,
  });
}

function observed(table: PublicTable, analysis: SheetAnalysis): PublicTask[] {
  return analysis.tasks.map((t, i) => {
    const want = table.tasks[i]?.measureStart ?? '';
    return {
      row: t.row,
      no: t.no,
      measureStart: t.measure.slice(0, want.length || 12),
      deadlineText: t.deadline.text,
      lead: t.lead,
      responsible: t.responsible,
    };
  });
}

describe('published tables read with zero configuration', () => {
  it('has a corpus', () => expect(NAMES.length).toBeGreaterThanOrEqual(2));

  it.each(NAMES)('%s', (name) => {
    const table = load(name);
    const analysis = read(table);
    const actual = observed(table, analysis);
    if (KNOWN_MISREAD[name]) {
      // Stale entry: remove it from KNOWN_MISREAD.
      expect(actual).not.toEqual(table.tasks);
      return;
    }
    expect(actual).toEqual(table.tasks);
  });

  it('every known misread names a table of the corpus', () => {
    for (const name of Object.keys(KNOWN_MISREAD)) expect(NAMES).toContain(name);
  });
});
