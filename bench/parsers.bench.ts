/**
 * How the deadline and status parsers and the working-day arithmetic scale on a 100 000-row sheet: each row's
 * 完成时限 and 完成情况 cell is parsed once, and each due date is measured in working days from an as-of date,
 * as check and highlight do. Run: `npx ts-node --transpile-only bench/parsers.bench.ts [rows]`.
 * The figure to watch is linear growth (double the rows, double the time).
 */
import { parseDeadline } from '../src/domain/deadline';
import { parseStatus } from '../src/domain/status';
import type { CellValue } from '../src/domain/types';
import { addWorkdays, workdaysBetween } from '../src/domain/workdays';
import { time } from './support';

const DEADLINE_FORMS: ((row: number) => CellValue)[] = [
  (r) => `${1 + (r % 12)}月${1 + (r % 28)}日前`,
  (r) => `${2020 + (r % 5)}年${1 + (r % 12)}月底前`,
  () => '长期开展',
  () => '及时公开',
  () => '每季度最后一个月的30日前',
  (r) => `${1 + (r % 12)}月底前完成初稿，${1 + (r % 12)}月${1 + (r % 28)}日前印发`,
  (r) => ({ kind: 'date', iso: `2022-${String(1 + (r % 12)).padStart(2, '0')}-15`, serial: 44576 + (r % 300) }),
  (r) => `２０２２年${'一二三四五六七八九'[r % 9]}月三十日前`,
];
const STATUS_FORMS: ((row: number) => CellValue)[] = [
  () => '已完成',
  (r) => `已于${1 + (r % 12)}月${1 + (r % 28)}日完成`,
  () => '序时推进',
  () => '进度滞后',
  () => '未启动',
  () => '已完成，并于7月20日在门户网站公开',
  () => null,
  (r) => `正在推进，已完成${r % 100}%`,
];


const rows = Number(process.argv[2]) || 100_000;
const deadlineCells = Array.from({ length: rows }, (_, i) => DEADLINE_FORMS[i % DEADLINE_FORMS.length](i));
const statusCells = Array.from({ length: rows }, (_, i) => STATUS_FORMS[i % STATUS_FORMS.length](i));
console.log(`${rows} rows`);
const deadlines = time('parseDeadline (every cell)', () => deadlineCells.map((v) => parseDeadline(v, 2022)));
time('parseStatus (every cell)', () => statusCells.map((v) => parseStatus(v, 2022)));
time('workdaysBetween(asOf, due) (every dated row)', () => {
  let sum = 0;
  for (const d of deadlines) if (d.due) sum += workdaysBetween('2022-09-15', d.due);
  return sum;
});
time('addWorkdays(due, 20) (every dated row)', () => {
  for (const d of deadlines) if (d.due) addWorkdays(d.due, 20);
});
