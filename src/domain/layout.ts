/**
 * Finding the table on a 任务分工 sheet: which row is the header, which column holds what, the title above.
 *
 * Real sheets differ in every detail — 贯彻举措 or 具体措施, a 工作任务 header spanning a section and a
 * subsection column, a two-row header with 责任分工 over 牵头单位 | 责任单位, a title and a document number
 * above — so columns are found by what their header says, never by position.
 */
import { columnLetter } from './address';
import { UserFacingError } from './errors';
import { parseDeadline } from './deadline';
import { headingOf, measureNumberOf } from './numbering';
import { cellText, compactText, normaliseText } from './text';
import type { CellRange, CellValue, ColumnMap, ColumnRole, Layout, SheetGrid } from './types';

/** The header is looked for among this many rows from the top of the used range. */
export const HEADER_SEARCH_ROWS = 15;

/**
 * Header words per column role, in their normalised form (half width, no spaces). `task` is the
 * 工作任务 column: the section column when the sheet also has a measure column, else the measure column.
 */
type HeaderRole = Exclude<ColumnRole, 'section' | 'subsection'> | 'task';

export const HEADER_SYNONYMS: Record<HeaderRole, readonly string[]> = {
  task: [
    '工作任务', '主要任务', '重点任务', '任务', '重点工作', '重点工作任务', '任务名称', '工作要点', '工作类别', '类别', '任务类别',
    '民生实事', '实事项目', '民生实事项目', '项目名称', '目标',
    // Rectification lists: the problem is the heading its measures answer.
    '存在问题', '存在的问题', '问题', '反馈问题', '问题描述', '问题清单', '具体问题', '督查发现问题',
    '问题类别', '问题类型', '整改任务',
  ],
  measure: [
    '贯彻举措', '具体措施', '工作措施', '主要内容', '任务内容', '工作内容', '具体举措', '主要措施', '落实举措',
    '工作举措', '具体任务', '任务分解', '具体内容', '措施', '举措', '贯彻落实举措', '具体工作',
    '具体要求', '工作要求', '有关要求', '相关要求', '主要工作', '工作目标', '整改措施', '整改目标和措施', '整改目标', '整改要求',
  ],
  deadline: ['完成时限', '时限要求', '时间节点', '完成时间', '完成时间节点', '时间安排', '时限', '完成期限', '办结时限', '截止时间', '完成时间要求'],
  lead: ['牵头单位', '牵头部门', '牵头', '主责单位', '主责部门', '牵头责任单位'],
  responsible: ['责任单位', '责任部门', '配合单位', '参与单位', '协办单位', '配合部门', '责任主体', '承办单位', '参与部门', '协办部门'],
  number: ['序号', '编号', '序'],
  status: ['完成情况', '进展情况', '落实情况', '工作进展', '办理情况', '推进情况', '完成进度', '进展', '整改进展', '整改情况'],
  explanation: ['进展说明', '情况说明', '推进说明'],
  doneDate: ['实际完成时间', '实际完成日期', '完成日期'],
};

const ROLE_NAMES: Record<HeaderRole, { zh: string; en: string }> = {
  task: { zh: '工作任务', en: 'task' },
  measure: { zh: '贯彻举措', en: 'measure' },
  deadline: { zh: '完成时限', en: 'deadline' },
  lead: { zh: '牵头单位', en: 'lead unit' },
  responsible: { zh: '责任单位', en: 'responsible unit' },
  number: { zh: '序号', en: 'number' },
  status: { zh: '完成情况', en: 'status' },
  explanation: { zh: '进展说明', en: 'explanation' },
  doneDate: { zh: '完成日期', en: 'completion date' },
};

const EXACT_ROLE = new Map<string, HeaderRole>();
for (const [role, words] of Object.entries(HEADER_SYNONYMS) as [HeaderRole, readonly string[]][]) {
  for (const w of words) if (!EXACT_ROLE.has(w)) EXACT_ROLE.set(w, role);
}

const BRACKETED = /[(（[【][^()（）[\]【】]*[)）\]】]/g;
const DECORATION = /[*:：]/g;

/** A header cell's text reduced to what identifies it: no spaces (贯    彻), no brackets, no `*` or colon. */
export function headerKey(value: CellValue): string {
  return compactText(cellText(value)).replace(BRACKETED, '').replace(DECORATION, '');
}

const OPENS_BRACKET = /[(（[［【]/;

/**
 * Whether the header key of `text` (a cellText) is surely longer than `limit`: with no bracket to remove, every
 * printable ASCII character but `*` and `:`, and every CJK ideograph, survives into the key, whatever else
 * (spaces of any width, invisible characters, full-width forms) normalisation removes or folds. Spares the
 * normalisation for the long measure texts every row of a sheet holds.
 */
function keySurelyLonger(text: string, limit: number): boolean {
  if (text.length <= limit || OPENS_BRACKET.test(text)) return false;
  let kept = 0;
  for (let i = 0; i < text.length && kept <= limit; i++) {
    const c = text.charCodeAt(i);
    if ((c > 0x20 && c < 0x7f && c !== 0x2a && c !== 0x3a) || (c >= 0x4e00 && c <= 0x9fff)) kept++;
  }
  return kept > limit;
}

const HEADER_KEY_MAX = 20;

/**
 * Roles of short texts already seen: a sheet repeats its units, deadlines and progress words thousands of times,
 * and the test whether a row starts another table asks about every cell. Bounded: emptied when full.
 */
const ROLE_OF_TEXT = new Map<string, HeaderRole | null>();
const ROLE_CACHE_SIZE = 20_000;
const ROLE_CACHE_TEXT = 64;

/** The role a header cell names, or null. Exact synonyms first, then the wording real headers vary on. */
export function headerRole(value: CellValue): HeaderRole | null {
  if (typeof value !== 'string' || value.length > ROLE_CACHE_TEXT) return roleOf(value);
  const known = ROLE_OF_TEXT.get(value);
  if (known !== undefined) return known;
  const role = roleOf(value);
  if (ROLE_OF_TEXT.size >= ROLE_CACHE_SIZE) ROLE_OF_TEXT.clear();
  ROLE_OF_TEXT.set(value, role);
  return role;
}

function roleOf(value: CellValue): HeaderRole | null {
  const shown = cellText(value);
  if (keySurelyLonger(shown, HEADER_KEY_MAX)) return null;
  const key = headerKey(shown);
  if (!key || key.length > HEADER_KEY_MAX) return null;
  const exact = EXACT_ROLE.get(key);
  if (exact) return exact;
  // Beyond the exact words only short labels: a title such as “2022年重点任务” is not a header cell.
  if (key.length > 12) return null;
  const unitWord = /单位|部门|处室|科室/.test(key);
  if (/序号/.test(key)) return 'number';
  if (/(完成|落实|进展|办理|推进)情况|工作进展/.test(key)) return 'status';
  if (unitWord && /责任|配合|协办|参与|承办/.test(key)) return 'responsible'; // incl. 牵头及责任单位 (one unit column)
  if (unitWord && /牵头|主责/.test(key)) return 'lead';
  if (/时限|时间节点|完成时间|截止/.test(key)) return 'deadline';
  if (/举措|措施/.test(key) || (key.length <= 6 && /要求$/.test(key))) return 'measure';
  if (key.length <= 6 && /任务$/.test(key)) return 'task';
  return null;
}

/**
 * Merged areas clipped to the grid and indexed by cell, built once per grid: for each column a merge touches,
 * an array over the rows saying which merge covers the cell. Lookups are array reads, so reading a sheet
 * never scans the merge list per row, and memory stays proportional to the merged cells' columns.
 */
export class MergeIndex {
  private readonly areas: CellRange[] = [];
  /** Per absolute column (offset by originCol): merge number + 1 for every row (offset by originRow), 0 = none. */
  private readonly byColumn: (Int32Array | undefined)[] = [];
  private readonly originRow: number;
  private readonly originCol: number;

  constructor(grid: SheetGrid) {
    this.originRow = grid.originRow;
    this.originCol = grid.originCol;
    const height = grid.values.length;
    const width = grid.values[0]?.length ?? 0;
    const lastRow = grid.originRow + height - 1;
    const lastCol = grid.originCol + width - 1;
    for (const m of grid.merges) {
      const bottom = Math.min(m.bottom, lastRow);
      const right = Math.min(m.right, lastCol);
      // A merge whose top-left lies outside the grid holds no value we can see; one of a single cell is no merge.
      if (m.top < grid.originRow || m.left < grid.originCol || bottom < m.top || right < m.left) continue;
      if (bottom === m.top && right === m.left) continue;
      if (this.numberAt(m.top, m.left) !== 0) continue; // overlapping merges (a damaged file): the first one wins
      const id = this.areas.push({ top: m.top, left: m.left, bottom, right });
      for (let c = m.left; c <= right; c++) {
        let column = this.byColumn[c - this.originCol];
        if (!column) column = this.byColumn[c - this.originCol] = new Int32Array(height);
        for (let r = m.top; r <= bottom; r++) {
          const i = r - this.originRow;
          if (column[i] === 0) column[i] = id;
        }
      }
    }
  }

  private numberAt(row: number, col: number): number {
    const column = this.byColumn[col - this.originCol];
    if (!column) return 0;
    const i = row - this.originRow;
    return i >= 0 && i < column.length ? column[i] : 0;
  }

  /** The merged area a cell belongs to (as top-left or covered), or null. */
  areaOf(row: number, col: number): CellRange | null {
    const id = this.numberAt(row, col);
    return id === 0 ? null : this.areas[id - 1];
  }

  /** The merged area whose top-left cell is (row, col), or null. */
  mergeAt(row: number, col: number): CellRange | null {
    const area = this.areaOf(row, col);
    return area && area.top === row && area.left === col ? area : null;
  }

  /** For a cell hidden under a merge (not its top-left): the top-left cell holding the value; else null. */
  ownerOf(row: number, col: number): { row: number; col: number } | null {
    const area = this.areaOf(row, col);
    if (!area || (area.top === row && area.left === col)) return null;
    return { row: area.top, col: area.left };
  }
}

/** Absolute-coordinate access to a grid's values. */
export function valueAt(grid: SheetGrid, row: number, col: number): CellValue {
  const r = grid.values[row - grid.originRow];
  if (!r) return null;
  const v = r[col - grid.originCol];
  return v === undefined ? null : v;
}

function gridIsBlank(grid: SheetGrid): boolean {
  for (const row of grid.values) for (const v of row) if (cellText(v) !== '') return false;
  return true;
}

interface HeaderCandidate {
  top: number; // absolute 0-based
  bottom: number;
  roles: Map<HeaderRole, number>; // role → absolute column (first occurrence)
  byColumn: Map<number, HeaderRole>;
}

function rolesOfRow(grid: SheetGrid, row: number, merges: MergeIndex): Map<number, HeaderRole> {
  const found = new Map<number, HeaderRole>();
  const width = grid.values[0]?.length ?? 0;
  for (let c = grid.originCol; c < grid.originCol + width; c++) {
    if (merges.ownerOf(row, c)) continue; // the right part of a merged header cell names nothing itself
    const role = headerRole(valueAt(grid, row, c));
    if (role) found.set(c, role);
  }
  return found;
}

function candidateFrom(top: number, bottom: number, byColumn: Map<number, HeaderRole>): HeaderCandidate {
  const roles = new Map<HeaderRole, number>();
  for (const [col, role] of [...byColumn].sort((a, b) => a[0] - b[0])) if (!roles.has(role)) roles.set(role, col);
  return { top, bottom, roles, byColumn };
}

/** Score of a header: distinct roles found; a header must name the measure (or task) and one more column. */
function headerScore(c: HeaderCandidate): number {
  const hasContent = c.roles.has('measure') || c.roles.has('task');
  if (!hasContent || c.roles.size < 2) return 0;
  return c.roles.size;
}

/**
 * Two header rows read as one: a column named in the lower row (牵头单位 under 责任分工) takes that name,
 * a column named only in the upper row (序号 merged over both rows) keeps the upper name.
 */
function combineRows(upper: Map<number, HeaderRole>, lower: Map<number, HeaderRole>): Map<number, HeaderRole> {
  const combined = new Map(upper);
  for (const [col, role] of lower) combined.set(col, role);
  return combined;
}

function findTableHeader(grid: SheetGrid, merges: MergeIndex): HeaderCandidate | null {
  const rows = Math.min(HEADER_SEARCH_ROWS, grid.values.length);
  const perRow: Map<number, HeaderRole>[] = [];
  for (let i = 0; i < rows; i++) perRow.push(rolesOfRow(grid, grid.originRow + i, merges));
  let best: HeaderCandidate | null = null;
  let bestScore = 0;
  for (let i = 0; i < rows; i++) {
    const single = candidateFrom(grid.originRow + i, grid.originRow + i, perRow[i]);
    const options = [single];
    if (perRow[i].size > 0 && i + 1 < rows && perRow[i + 1].size > 0) {
      options.push(candidateFrom(grid.originRow + i, grid.originRow + i + 1, combineRows(perRow[i], perRow[i + 1])));
    }
    for (const option of options) {
      const score = headerScore(option);
      // Strictly better only: of equal candidates the upper one wins, and a second row must add a column.
      if (score > bestScore) {
        best = option;
        bestScore = score;
      }
    }
  }
  return best;
}

/** Rows under the header (or a label row) looked at to judge what a column holds. */
const SAMPLE_ROWS = 50;
/** A bare 序号: 1, 12., 3、 */
const BARE_NUMBER = /^\d{1,3}[.、]?$/;

/** The last row sampled under `headerBottom`. */
function lastSampledRow(grid: SheetGrid, headerBottom: number): number {
  return Math.min(grid.originRow + grid.values.length - 1, headerBottom + SAMPLE_ROWS);
}
/** The measures are the longest texts of the table: on average at least this long. */
const SHAPE_MEASURE_MIN_CHARS = 10;
/** Unit names are short: a column whose texts average more than this is not a unit column. */
const SHAPE_UNIT_MAX_CHARS = 40;

interface ColumnProfile {
  col: number;
  filled: number;
  averageChars: number;
  deadlines: number;
  bareNumbers: number;
}

function profileColumn(grid: SheetGrid, labelRow: number, col: number): ColumnProfile {
  const last = lastSampledRow(grid, labelRow);
  const profile: ColumnProfile = { col, filled: 0, averageChars: 0, deadlines: 0, bareNumbers: 0 };
  let chars = 0;
  for (let r = labelRow + 1; r <= last; r++) {
    const value = valueAt(grid, r, col);
    const t = normaliseText(cellText(value));
    if (t === '') continue;
    profile.filled++;
    chars += t.length;
    if (BARE_NUMBER.test(t)) profile.bareNumbers++;
    else if (parseDeadline(value, ANY_PLAN_YEAR).kind !== 'unknown') profile.deadlines++;
  }
  profile.averageChars = profile.filled ? chars / profile.filled : 0;
  return profile;
}

/**
 * No header word matched, yet the sheet may still be a task table: a row of short labels (at least three) over
 * rows where one column holds long texts. Its columns are judged by what they hold — the longest texts are the
 * measures, a column of bare numbers left of them the numbering, a column of deadlines the deadlines, short texts
 * right of the measures the units (the first of two the lead) — and check says which column was taken for what.
 */
function headerByShape(grid: SheetGrid, merges: MergeIndex): HeaderCandidate | null {
  const width = grid.values[0]?.length ?? 0;
  const rows = Math.min(HEADER_SEARCH_ROWS, grid.values.length);
  for (let i = 0; i < rows; i++) {
    const row = grid.originRow + i;
    const labels: number[] = [];
    let labelRow = true;
    for (let c = grid.originCol; c < grid.originCol + width && labelRow; c++) {
      if (merges.ownerOf(row, c)) continue;
      const value = valueAt(grid, row, c);
      const t = compactText(cellText(value));
      if (t === '') continue;
      labelRow = typeof value === 'string' && t.length <= 12 && !/^\d+$/.test(t) && parseDeadline(value, ANY_PLAN_YEAR).kind === 'unknown';
      labels.push(c);
    }
    if (!labelRow || labels.length < 3) continue;
    const profiles = labels.map((c) => profileColumn(grid, row, c)).filter((p) => p.filled >= 2);
    const measure = profiles.reduce<ColumnProfile | null>((best, p) => (best === null || p.averageChars > best.averageChars ? p : best), null);
    if (!measure || measure.averageChars < SHAPE_MEASURE_MIN_CHARS) continue;
    const roles = new Map<HeaderRole, number>([['measure', measure.col]]);
    const mostly = (n: number, p: ColumnProfile) => n * 5 >= p.filled * 4;
    const number = profiles.find((p) => p.col < measure.col && mostly(p.bareNumbers, p));
    if (number) roles.set('number', number.col);
    const deadline = profiles.find((p) => p !== measure && mostly(p.deadlines, p));
    if (deadline) roles.set('deadline', deadline.col);
    const units = profiles.filter((p) => p.col > measure.col && p !== deadline && p.averageChars <= SHAPE_UNIT_MAX_CHARS && !mostly(p.bareNumbers, p));
    if (units.length >= 2) {
      roles.set('lead', units[0].col);
      roles.set('responsible', units[1].col);
    } else if (units.length === 1) roles.set('responsible', units[0].col);
    const heading = profiles.find((p) => p.col < measure.col && p !== number);
    if (heading) roles.set('task', heading.col);
    const byColumn = new Map<number, HeaderRole>();
    for (const [role, col] of roles) byColumn.set(col, role);
    // The measures alone do not make a task table: a deadline or a unit column must be there too.
    if (!roles.has('deadline') && !roles.has('responsible')) continue;
    return { top: row, bottom: row, roles, byColumn };
  }
  return null;
}

function noHeaderError(sheet: string): UserFacingError {
  const list = (role: HeaderRole, n: number) => HEADER_SYNONYMS[role].slice(0, n).map((w) => `“${w}”`).join('、');
  return new UserFacingError('layout.no_header', {
    zh:
      `工作表“${sheet}”的前 ${HEADER_SEARCH_ROWS} 行中没有找到任务分工表的表头。` +
      `表头应有举措列（如 ${list('measure', 4)}）或任务列（如 ${list('task', 3)}），` +
      `以及完成时限（如 ${list('deadline', 3)}）、牵头单位（${list('lead', 2)}）、责任单位（${list('responsible', 3)}）、` +
      `序号或完成情况中的至少一列。请检查工作表是否选对，或在设置中手动指定各列。`,
    en:
      `No task-allocation header found in the first ${HEADER_SEARCH_ROWS} rows of sheet "${sheet}". ` +
      `The header needs a measure column (e.g. 贯彻举措, 具体措施) or a task column (工作任务, 重点任务) and at least ` +
      `one of deadline (完成时限), lead unit (牵头单位), responsible unit (责任单位), number (序号) or status (完成情况). ` +
      `Check that the right sheet is selected, or set the columns by hand in the settings.`,
  });
}

const TITLE_WORDS = /任务|分工|要点|清单|台账|计划|方案|安排|责任|工作/;
const DOCUMENT_NUMBER = /〔\d{4}〕|\[\d{4}\]|\d+号$|^附件\s*\d*$/;
const YEAR_IN_TITLE = /((?:19|20)\d{2})\s*年/;

function titleAbove(grid: SheetGrid, headerTop: number): string | null {
  let title: string | null = null;
  const width = grid.values[0]?.length ?? 0;
  for (let r = grid.originRow; r < headerTop; r++) {
    const parts: string[] = [];
    for (let c = grid.originCol; c < grid.originCol + width; c++) {
      const t = cellText(valueAt(grid, r, c));
      if (t && !parts.includes(t)) parts.push(t);
    }
    const line = parts.join(' ');
    if (!line || DOCUMENT_NUMBER.test(normaliseText(line)) || !TITLE_WORDS.test(line)) continue;
    if (!title || line.length > title.length) title = line;
  }
  return title;
}

export function yearInTitle(title: string | null): number | null {
  if (!title) return null;
  const m = YEAR_IN_TITLE.exec(normaliseText(title));
  return m ? Number(m[1]) : null;
}

function headerMergeRight(merges: MergeIndex, header: HeaderCandidate, col: number): number {
  let right = col;
  for (let r = header.top; r <= header.bottom; r++) right = Math.max(right, merges.mergeAt(r, col)?.right ?? col);
  return right;
}

function headerCellBlank(grid: SheetGrid, merges: MergeIndex, header: HeaderCandidate, col: number): boolean {
  for (let r = header.top; r <= header.bottom; r++) {
    if (merges.ownerOf(r, col)) continue;
    if (cellText(valueAt(grid, r, col)) !== '') return false;
  }
  return true;
}

/** Whether a column holds anything in the first rows under the header (an unnamed column the table uses). */
function hasDataBelow(grid: SheetGrid, headerBottom: number, col: number): boolean {
  const last = lastSampledRow(grid, headerBottom);
  for (let r = headerBottom + 1; r <= last; r++) if (cellText(valueAt(grid, r, col)) !== '') return true;
  return false;
}

/** Whether the non-blank cells under the header are (nearly all) bare numbers: a 序号 column without its header. */
function holdsBareNumbers(grid: SheetGrid, headerBottom: number, col: number): boolean {
  const last = lastSampledRow(grid, headerBottom);
  let numbers = 0;
  let other = 0;
  for (let r = headerBottom + 1; r <= last; r++) {
    const t = normaliseText(cellText(valueAt(grid, r, col)));
    if (t === '') continue;
    if (BARE_NUMBER.test(t)) numbers++;
    else other++;
  }
  return numbers >= 2 && other * 5 <= numbers;
}

/** Whether most texts under the header are numbered measures (1.… / 1、… / （1）…), not headings or plain text. */
function holdsNumberedMeasures(grid: SheetGrid, headerBottom: number, col: number): boolean {
  const last = lastSampledRow(grid, headerBottom);
  let numbered = 0;
  let other = 0;
  for (let r = headerBottom + 1; r <= last; r++) {
    const t = normaliseText(cellText(valueAt(grid, r, col)));
    if (t === '' || headingOf(t)?.level === 'section') continue;
    if (measureNumberOf(t) !== null) numbered++;
    else other++;
  }
  return numbered >= 2 && numbered >= other;
}

/** The header key of a column over all the header's rows. */
function headerKeyOver(grid: SheetGrid, header: HeaderCandidate, col: number): string {
  let key = '';
  for (let r = header.top; r <= header.bottom; r++) key += headerKey(valueAt(grid, r, col));
  return key;
}

/** Header words of a remarks column, which some tables use for the due dates. */
const NOTE_HEADERS = new Set(['备注', '说明', '备注说明']);

/** Any year: only whether a cell reads as a deadline matters here, not which date it names. */
const ANY_PLAN_YEAR = 2024;

/** Whether the non-blank cells under the header (at least one) all read as deadlines. */
function holdsOnlyDeadlines(grid: SheetGrid, headerBottom: number, col: number): boolean {
  const last = lastSampledRow(grid, headerBottom);
  let deadlines = 0;
  for (let r = headerBottom + 1; r <= last; r++) {
    const value = valueAt(grid, r, col);
    if (cellText(value) === '') continue;
    if (parseDeadline(value, ANY_PLAN_YEAR).kind === 'unknown') return false;
    deadlines++;
  }
  return deadlines > 0;
}

/** Of two measure headers (整改目标 | 整改措施), the one naming the steps taken holds the measures. */
const STEP_HEADER = /措施|举措/;

function columnsFrom(grid: SheetGrid, merges: MergeIndex, header: HeaderCandidate): { columns: ColumnMap; lastColumn: number } {
  const roles = new Map(header.roles);
  const measureColumns = [...header.byColumn].filter(([, role]) => role === 'measure').map(([col]) => col).sort((a, b) => a - b);
  if (measureColumns.length > 1) {
    const steps = measureColumns.find((col) => STEP_HEADER.test(headerKeyOver(grid, header, col)));
    if (steps !== undefined) roles.set('measure', steps);
  }
  // 责任单位 + 配合单位 and no 牵头单位: the unit that answers for the task is the lead, the cooperating ones
  // are responsible (a 责任单位 column alone stays the responsible column).
  if (!roles.has('lead')) {
    const unitColumns = [...header.byColumn].filter(([, role]) => role === 'responsible').map(([col]) => col).sort((a, b) => a - b);
    const key = (col: number) => headerKeyOver(grid, header, col);
    const answering = unitColumns.find((col) => /责任|主责|承办/.test(key(col)) && !/配合|协办|参与/.test(key(col)));
    const cooperating = unitColumns.find((col) => /配合|协办|参与/.test(key(col)));
    if (answering !== undefined && cooperating !== undefined) {
      roles.set('lead', answering);
      roles.set('responsible', cooperating);
    }
  }
  // No 完成时限 column, but a 备注 column that holds nothing but deadlines (11月底前完成): the table puts the due
  // dates there, so that column is the deadline column.
  if (!roles.has('deadline')) {
    const assignedCols = new Set(roles.values());
    for (let c = grid.originCol; c < grid.originCol + (grid.values[0]?.length ?? 0); c++) {
      if (assignedCols.has(c) || merges.ownerOf(header.top, c)) continue;
      if (NOTE_HEADERS.has(headerKeyOver(grid, header, c)) && holdsOnlyDeadlines(grid, header.bottom, c)) {
        roles.set('deadline', c);
        break;
      }
    }
  }
  // 工作任务 | 主要任务 (or 重点工作): two task headers and no measure header — the second holds the measures.
  if (!roles.has('measure')) {
    const taskColumns = [...header.byColumn].filter(([, role]) => role === 'task').map(([col]) => col).sort((a, b) => a - b);
    if (taskColumns.length >= 2) roles.set('measure', taskColumns[taskColumns.length - 1]);
  }
  const get = (role: HeaderRole): number | null => roles.get(role) ?? null;
  const assigned = new Set(roles.values());
  let task = get('task');
  let measure = get('measure');
  let section: number | null = null;
  let subsection: number | null = null;
  // 工作任务 | 完成时限 | 牵头单位 | 责任单位 | 工作要求: the requirement column after the units details the task; the
  // numbered measures are in the task column.
  const unitCols = [get('lead'), get('responsible')].filter((c): c is number => c !== null);
  if (task !== null && measure !== null && unitCols.length && measure > Math.max(task, ...unitCols) && holdsNumberedMeasures(grid, header.bottom, task)) {
    measure = task;
    task = null;
  }
  if (task !== null) {
    // 工作任务 over two columns (merged, or with a blank unnamed header cell to its right) = section + subsection.
    const right = headerMergeRight(merges, header, task);
    const spansTwo =
      right > task ||
      (!assigned.has(task + 1) &&
        task + 1 !== measure &&
        headerCellBlank(grid, merges, header, task + 1) &&
        hasDataBelow(grid, header.bottom, task + 1));
    const second = spansTwo && task + 1 < grid.originCol + (grid.values[0]?.length ?? 0) ? task + 1 : null;
    if (measure === null) {
      if (second !== null && !assigned.has(second)) {
        section = task;
        measure = second;
      } else {
        measure = task;
      }
    } else {
      section = task;
      // 目标 | 序号 | 任务 | 有关要求: a second task header before the measures names the group each measure
      // belongs to, under the section.
      const inner = [...header.byColumn].filter(([col, role]) => role === 'task' && col > task && col < (measure as number));
      if (inner.length > 0) subsection = Math.min(...inner.map(([col]) => col));
      // 工作任务 printed over the headings and the 序号 (two or three columns): a column of bare numbers is the
      // number column, the other one the subsection.
      const coveredRight = Math.min(Math.max(right, second ?? task), measure - 1);
      for (let c = task + 1; c <= coveredRight; c++) {
        if (assigned.has(c)) continue;
        if (!roles.has('number') && holdsBareNumbers(grid, header.bottom, c)) roles.set('number', c);
        else if (subsection === null) subsection = c;
      }
    }
  }
  const width = grid.values[0]?.length ?? 0;
  let lastColumn = grid.originCol;
  for (let c = grid.originCol; c < grid.originCol + width; c++) {
    if (!headerCellBlank(grid, merges, header, c)) lastColumn = Math.max(lastColumn, headerMergeRight(merges, header, c));
  }
  const columns: ColumnMap = {
    section,
    subsection,
    measure: measure as number,
    deadline: get('deadline'),
    lead: get('lead'),
    responsible: get('responsible'),
    status: get('status'),
    number: get('number'),
  };
  const explanation = get('explanation');
  const doneDate = get('doneDate');
  if (explanation !== null) columns.explanation = explanation;
  if (doneDate !== null) columns.doneDate = doneDate;
  return { columns, lastColumn };
}

function applyOverrides(grid: SheetGrid, columns: ColumnMap, overrides: Partial<ColumnMap> | undefined): ColumnMap {
  if (!overrides) return columns;
  const width = grid.values[0]?.length ?? 0;
  const merged: ColumnMap = { ...columns };
  for (const [role, col] of Object.entries(overrides) as [ColumnRole, number | null | undefined][]) {
    if (col === undefined) continue;
    if (col === null) {
      if (role === 'measure') throw badOverride(role, col);
      merged[role] = null as never;
      continue;
    }
    if (!Number.isInteger(col) || col < grid.originCol || col >= grid.originCol + width) throw badOverride(role, col);
    merged[role] = col as never;
  }
  return merged;
}

/** A column's role in words, as the header would name it. */
export function columnRoleName(role: ColumnRole): { zh: string; en: string } {
  return role in ROLE_NAMES ? ROLE_NAMES[role as HeaderRole] : { zh: role === 'section' ? '工作任务（大类）' : '工作任务（小类）', en: role };
}

function badOverride(role: ColumnRole, col: number | null): UserFacingError {
  const name = columnRoleName(role);
  const where = col === null ? '（空）' : columnLetter(col);
  return new UserFacingError('layout.bad_override', {
    zh: `手动指定的“${name.zh}”列 ${where} 不在表格范围内，请重新选择。`,
    en: `The column set by hand for ${name.en} (${col === null ? 'none' : where}) is outside the table; choose it again.`,
  });
}

/**
 * The table on a sheet. Throws UserFacingError `layout.empty` or `layout.no_header`. A caller that has
 * already indexed the grid's merges passes the index, so it is built once.
 */
export function detectLayout(grid: SheetGrid, overrides?: Partial<ColumnMap>, merges: MergeIndex = new MergeIndex(grid)): Layout {
  if (grid.values.length === 0 || (grid.values[0]?.length ?? 0) === 0 || gridIsBlank(grid)) {
    throw new UserFacingError('layout.empty', {
      zh: `工作表“${grid.sheet}”是空的，没有可检查的内容。`,
      en: `Sheet "${grid.sheet}" is empty: there is nothing to check.`,
    });
  }
  const named = findTableHeader(grid, merges);
  const header = named ?? headerByShape(grid, merges);
  if (!header) throw noHeaderError(grid.sheet);
  const found = columnsFrom(grid, merges, header);
  const columns = applyOverrides(grid, found.columns, overrides);
  let lastColumn = found.lastColumn;
  for (const col of Object.values(columns)) if (typeof col === 'number') lastColumn = Math.max(lastColumn, col);

  let lastDataRow = header.bottom;
  const firstCol = Math.min(grid.originCol, ...Object.values(columns).filter((c): c is number => typeof c === 'number'));
  for (let r = grid.originRow + grid.values.length - 1; r > header.bottom; r--) {
    let blank = true;
    for (let c = firstCol; c <= lastColumn && blank; c++) blank = cellText(valueAt(grid, r, c)) === '';
    if (!blank) {
      lastDataRow = r;
      break;
    }
  }
  const title = titleAbove(grid, header.top);
  return {
    headerRow: header.bottom + 1,
    firstDataRow: header.bottom + 2,
    lastDataRow: lastDataRow + 1,
    columns,
    lastColumn,
    title,
    titleYear: yearInTitle(title),
    ...(named ? {} : { columnsByContent: true }),
  };
}
