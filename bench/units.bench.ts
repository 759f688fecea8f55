/**
 * How the unit readers scale on a 100 000-row sheet: every row's lead and responsible cells are split,
 * normalised and resolved, as the check does. Run: `npx ts-node --transpile-only bench/units.bench.ts [rows]`.
 * Prints the time per phase; the figure to watch is linear growth (double the rows, double the time).
 */
import { UnitDirectory, nearDuplicateSpellings, splitLeadAndResponsible, splitUnits } from '../src/domain/units';
import { sampleDirectory } from '../tests/support/sample-directory';
import { time } from './support';

const SEED_CELLS = [
  '各部门，各驻区机构',
  '各街道，办公室、社会保障局',
  '现代服务业局、社会发展局、市场监管局、城市管理局',
  '区疫情防控工作领导小组成员单位',
  '经济运行局、财政局、建设管理局、城市管理局、司法局、社会发展局、教育局、社会保障局、应急管理局、市场监管局、公安分局、规划自然资源局、生态环境分局',
  '办公室牵头，司法局、财政局配合',
  '牵头单位：社会发展局；责任单位：宣传部、各街道',
];

function cellFor(row: number): string {
  const base = SEED_CELLS[row % SEED_CELLS.length];
  // One row in ten names a unit nobody knows (a typo or a new unit), each one different: the worst case
  // for the memo, since every such name needs its own suggestion search.
  return row % 10 === 0 ? `${base}、经济运营${row}局` : base;
}


const rows = Number(process.argv[2]) || 100_000;
const cells = Array.from({ length: rows }, (_, i) => cellFor(i));
const directory: UnitDirectory = sampleDirectory();
console.log(`${rows} rows`);
const lists = time('splitUnits (every cell)', () => cells.map(splitUnits));
time('splitLeadAndResponsible (every cell)', () => cells.map(splitLeadAndResponsible));
time('resolve (every unit of every cell)', () => {
  let unknown = 0;
  for (const list of lists) for (const name of list) if (directory.resolve(name).kind === 'unknown') unknown++;
  return unknown;
});
time('expand (every unit of every cell, again)', () => {
  let recipients = 0;
  for (const list of lists) for (const name of list) recipients += directory.expand(name).length;
  return recipients;
});
time('nearDuplicateSpellings (every distinct name, as the check does without a directory)', () => {
  const cellsOf = new Map<string, string[]>();
  lists.forEach((list, row) => {
    for (const name of list) {
      const known = cellsOf.get(name);
      if (known) known.push(`F${row + 1}`);
      else cellsOf.set(name, [`F${row + 1}`]);
    }
  });
  return nearDuplicateSpellings([...cellsOf].map(([name, cells]) => ({ name, cells }))).length;
});
