/**
 * The unit directory in and out of the product: the 单位名录 sheet (read from a workbook, written by the pane),
 * the CLI's `--units` file (JSON or CSV), and a directory made from the units a sheet actually names.
 * Every reader ends in the same validation, so a bad directory gets the same clear message wherever it
 * comes from, and nothing is half-loaded.
 */
import { UserFacingError } from '../errors';
import { pick } from '../i18n';
import type { CellRange, Lang, LocalText, SheetGrid } from '../types';
import type { SheetSpec, SpecCell } from '../sheet-spec';
import { cellText, compactText, normaliseText } from '../text';
import { rowHeightFor, wrappedLines } from '../text-metrics';
import { parseDelimited } from './csv';
import { UnitDirectory, type UnitDirectoryData, type UnitEntry, type UnitGroupEntry } from './directory';
import { normaliseUnitName, unitMatchKey } from './normalise';
import { isGroupByForm } from './sheet-units';
import { splitUnits } from './split';

import { UNIT_DIRECTORY_SHEET } from '../sheet-names';
export { UNIT_DIRECTORY_SHEET };

/** Column titles of a directory sheet, matched after removing spaces and lower-casing. */
const HEADER_WORDS = {
  name: ['单位名称', '单位', '名称', '单位全称', '单位/分组', 'name', 'unit', 'unitname'],
  aliases: ['别名', '简称', '别称', '其他名称', '其他写法', 'aliases', 'alias'],
  category: ['类别', '分类', '类型', '单位类别', 'category'],
  groupsOf: ['所属分组', '分组', 'group', 'groups'],
  members: ['成员单位', '成员', 'members', 'memberunits'],
  memberCategories: ['成员类别', 'membercategories'],
} as const;
type DirectoryColumn = keyof typeof HEADER_WORDS;

/** The 类别 value that marks a row as a group. */
const GROUP_CATEGORY: LocalText = { zh: '分组', en: 'Group' };
/** How far down a title and notes may push the header row. */
const HEADER_SEARCH_ROWS = 10;

/** One entry read from a source, with where it came from for messages (`第5行`, `units[3]`). */
interface Located<T> {
  entry: T;
  where: LocalText;
}

function invalid(source: LocalText, where: LocalText | null, problem: LocalText): UserFacingError {
  const at = where ? { zh: `${where.zh}：`, en: `${where.en}: ` } : { zh: '', en: '' };
  return new UserFacingError('units.invalid', {
    zh: `${source.zh}有误：${at.zh}${problem.zh}`,
    en: `${source.en} is not valid: ${at.en}${problem.en}`,
  });
}

/**
 * The one validation every source goes through: names in display form, aliases de-duplicated, no name or
 * alias shared by two entries (after the directory's matching rules, so `区司法局` clashes with `司法局`),
 * members that are units or groups of the directory, stored under their canonical names.
 */
function assembleDirectory(
  units: Located<UnitEntry>[],
  groups: Located<UnitGroupEntry>[],
  source: LocalText,
): UnitDirectoryData {
  if (units.length === 0 && groups.length === 0) {
    throw invalid(source, null, { zh: '没有任何单位', en: 'it lists no units' });
  }
  const owners = new Map<string, { name: string; where: LocalText }>();
  const claim = (written: string, owner: string, where: LocalText): void => {
    const key = unitMatchKey(written);
    const previous = owners.get(key);
    if (previous && previous.name !== owner) {
      throw invalid(source, where, {
        zh: `“${written}”与${previous.where.zh}的“${previous.name}”是同一个名称，一个名称只能属于一个单位或分组`,
        en: `"${written}" is the same name as "${previous.name}" (${previous.where.en}); a name can belong to one unit or group only`,
      });
    }
    owners.set(key, { name: owner, where });
  };
  const cleanNames = (names: string[]): string[] => [...new Set(names.map(normaliseUnitName).filter((n) => n !== ''))];

  const cleanUnits: UnitEntry[] = units.map(({ entry, where }) => {
    const name = normaliseUnitName(entry.name);
    if (name === '') throw invalid(source, where, { zh: '单位名称为空', en: 'the unit name is empty' });
    return { name, aliases: cleanNames(entry.aliases).filter((a) => a !== name), category: normaliseText(entry.category) };
  });
  const cleanGroups: UnitGroupEntry[] = groups.map(({ entry, where }) => {
    const name = normaliseUnitName(entry.name);
    if (name === '') throw invalid(source, where, { zh: '分组名称为空', en: 'the group name is empty' });
    const group: UnitGroupEntry = {
      name,
      aliases: cleanNames(entry.aliases).filter((a) => a !== name),
      members: entry.members && entry.members.length > 0 ? cleanNames(entry.members) : null,
    };
    const categories = (entry.memberCategories ?? []).map(normaliseText).filter((c) => c !== '');
    if (categories.length > 0) group.memberCategories = [...new Set(categories)];
    return group;
  });
  // Names before aliases, so a clash is reported against the entry's own name where there is one.
  cleanUnits.forEach((u, i) => claim(u.name, u.name, units[i].where));
  cleanGroups.forEach((g, i) => claim(g.name, g.name, groups[i].where));
  cleanUnits.forEach((u, i) => u.aliases.forEach((a) => claim(a, u.name, units[i].where)));
  cleanGroups.forEach((g, i) => g.aliases.forEach((a) => claim(a, g.name, groups[i].where)));

  const lookup = new UnitDirectory({ units: cleanUnits, groups: cleanGroups });
  cleanGroups.forEach((group, i) => {
    if (!group.members) return;
    group.members = [
      ...new Set(
        group.members.map((member) => {
          const r = lookup.resolve(member);
          if (r.kind === 'unit') return r.canonical;
          if (r.kind === 'group' && r.group !== group.name) return r.group;
          throw invalid(source, groups[i].where, {
            zh:
              r.kind === 'group'
                ? `分组“${group.name}”不能以自己为成员`
                : `分组“${group.name}”的成员“${member}”不在单位名录中${r.suggestion ? `（是否为“${r.suggestion}”？）` : ''}，请先把它作为单位列出`,
            en:
              r.kind === 'group'
                ? `the group "${group.name}" cannot be its own member`
                : `member "${member}" of the group "${group.name}" is not in the directory${r.suggestion ? ` (did you mean "${r.suggestion}"?)` : ''}; list it as a unit first`,
          });
        }),
      ),
    ];
  });
  return { units: cleanUnits, groups: cleanGroups };
}

// ---------------------------------------------------------------------------------------------------------
// The 单位名录 sheet

/** A 单位名录 header or category word as compared: no spaces, lower case (单位名称, Unit Name). */
function directoryWordKey(value: string): string {
  return compactText(value).toLowerCase();
}

function findDirectoryHeader(rows: string[][]): { row: number; columns: Partial<Record<DirectoryColumn, number>> } | null {
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS); r++) {
    const columns: Partial<Record<DirectoryColumn, number>> = {};
    rows[r].forEach((cell, c) => {
      const key = directoryWordKey(cell);
      for (const column of Object.keys(HEADER_WORDS) as DirectoryColumn[]) {
        if (columns[column] === undefined && (HEADER_WORDS[column] as readonly string[]).includes(key)) {
          columns[column] = c;
        }
      }
    });
    if (columns.name !== undefined) return { row: r, columns };
  }
  return null;
}

function isGroupCategory(category: string): boolean {
  const key = directoryWordKey(category);
  return key === GROUP_CATEGORY.zh || key === GROUP_CATEGORY.en.toLowerCase();
}

/** Reads rows of display text (a sheet or a CSV file) whose first rows hold a title and the header. */
function directoryFromRows(rows: string[][], source: LocalText, rowOffset: number): UnitDirectoryData {
  const header = findDirectoryHeader(rows);
  if (!header) {
    throw new UserFacingError('units.not_directory', {
      zh: `${source.zh}不是单位名录：前${HEADER_SEARCH_ROWS}行中找不到“单位名称”列标题。单位名录需要一行列标题，至少有“单位名称”，可选“类别”“别名”“成员单位”“成员类别”“所属分组”。`,
      en: `${source.en} is not a unit directory: no "单位名称" (unit name) column title in its first ${HEADER_SEARCH_ROWS} rows. A directory needs a header row with at least 单位名称, optionally 类别, 别名, 成员单位, 成员类别, 所属分组.`,
    });
  }
  const { columns } = header;
  const read = (row: string[], column: DirectoryColumn): string => {
    const c = columns[column];
    return c === undefined ? '' : (row[c] ?? '');
  };
  const units: Located<UnitEntry>[] = [];
  const groups: Located<UnitGroupEntry>[] = [];
  const joins: { unit: string; groups: string[]; where: LocalText }[] = [];
  for (let r = header.row + 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.every((cell) => cell.trim() === '')) continue;
    const where = { zh: `第${r + 1 + rowOffset}行`, en: `row ${r + 1 + rowOffset}` };
    const name = read(row, 'name');
    const category = read(row, 'category').trim();
    const members = splitUnits(read(row, 'members'));
    const memberCategories = splitUnits(read(row, 'memberCategories'));
    const explicitlyUnit = category !== '' && !isGroupCategory(category);
    const isGroup =
      isGroupCategory(category) ||
      (!explicitlyUnit && (normaliseUnitName(name).startsWith('各') || members.length > 0 || memberCategories.length > 0));
    if (normaliseUnitName(name) === '') {
      throw invalid(source, where, {
        zh: '这一行有内容但“单位名称”为空',
        en: 'the row has content but no unit name',
      });
    }
    if (isGroup) {
      const entry: UnitGroupEntry = { name, aliases: splitUnits(read(row, 'aliases')), members };
      if (memberCategories.length > 0) entry.memberCategories = memberCategories;
      groups.push({ entry, where });
    } else {
      units.push({ entry: { name, aliases: splitUnits(read(row, 'aliases')), category }, where });
      const memberOf = splitUnits(read(row, 'groupsOf'));
      if (memberOf.length > 0) joins.push({ unit: normaliseUnitName(name), groups: memberOf, where });
    }
  }
  // 所属分组 on a unit row adds the unit to that group, creating the group if no row lists it.
  for (const join of joins) {
    for (const groupName of join.groups) {
      const key = unitMatchKey(groupName);
      let group = groups.find((g) => [g.entry.name, ...g.entry.aliases].some((n) => unitMatchKey(n) === key));
      if (!group) {
        group = { entry: { name: groupName, aliases: [], members: [] }, where: join.where };
        groups.push(group);
      }
      group.entry.members = [...(group.entry.members ?? []), join.unit];
    }
  }
  return assembleDirectory(units, groups, source);
}

/** A 单位名录 sheet as read from a workbook. Throws UserFacingError when the sheet is not one. */
export function directoryFromGrid(grid: SheetGrid): UnitDirectoryData {
  const rows = grid.values.map((row) => row.map((value) => cellText(value)));
  return directoryFromRows(rows, { zh: `工作表“${grid.sheet}”`, en: `Sheet "${grid.sheet}"` }, grid.originRow);
}

const CSV_SOURCE: LocalText = { zh: '单位名录 CSV 文件', en: 'The unit directory CSV file' };
const JSON_SOURCE: LocalText = { zh: '单位名录 JSON 文件', en: 'The unit directory JSON file' };

/**
 * The CLI's `--units FILE.csv`: the same columns as the 单位名录 sheet. Expects text decoded as UTF-8; the
 * replacement character in it means the file was not UTF-8 — what Excel's plain "CSV" writes on a Chinese
 * Windows (GBK) — and the clerk is told how to save it instead of seeing garbled names.
 */
export function directoryFromCsv(text: string): UnitDirectoryData {
  if (text.includes('\uFFFD')) {
    throw new UserFacingError('units.bad_encoding', {
      zh: '单位名录 CSV 文件不是 UTF-8 编码（可能是 GBK）。请在 Excel 中“另存为”，文件类型选“CSV UTF-8(逗号分隔)”后再试。',
      en: 'The unit directory CSV file is not UTF-8 encoded (probably GBK). In Excel use Save As with the type "CSV UTF-8 (Comma delimited)" and try again.',
    });
  }
  return directoryFromRows(parseDelimited(text), CSV_SOURCE, 0);
}

/**
 * The CLI's `--units FILE.json`: `{"units": [{"name", "aliases"?, "category"?} | "name", …], "groups"?:
 * [{"name", "aliases"?, "members"?, "memberCategories"?}, …]}` — the shape of UnitDirectoryData, with the
 * optional fields optional. Messages name the entry that is wrong (`units[3].name`).
 */
export function directoryFromJson(text: string): UnitDirectoryData {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new UserFacingError('units.bad_json', {
      zh: `单位名录文件不是有效的 JSON：${(e as Error).message}`,
      en: `The unit directory file is not valid JSON: ${(e as Error).message}`,
    });
  }
  const fail = (path: string, zh: string, en: string): never => {
    throw invalid(JSON_SOURCE, { zh: path, en: path }, { zh, en });
  };
  if (!isObject(raw) || !Array.isArray(raw.units)) {
    return fail('顶层', '应为一个对象，含 "units" 数组（可选 "groups" 数组）', 'expected an object with a "units" array (and optionally "groups")');
  }
  if (raw.groups !== undefined && !Array.isArray(raw.groups)) fail('groups', '应为数组', 'must be an array');
  const texts = (value: unknown, path: string): string[] => {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
      return fail(path, '应为文本数组', 'must be an array of strings');
    }
    return value as string[];
  };
  const name = (value: unknown, path: string): string =>
    typeof value === 'string' && value.trim() !== '' ? value : fail(path, '应为非空文本', 'must be a non-empty string');

  const units = (raw.units as unknown[]).map((u, i): Located<UnitEntry> => {
    const at = `units[${i}]`;
    const where = { zh: at, en: at };
    if (typeof u === 'string') return { entry: { name: name(u, at), aliases: [], category: '' }, where };
    if (!isObject(u)) return fail(at, '应为文本或对象', 'must be a string or an object');
    if (u.category !== undefined && typeof u.category !== 'string') fail(`${at}.category`, '应为文本', 'must be a string');
    return {
      entry: { name: name(u.name, `${at}.name`), aliases: texts(u.aliases, `${at}.aliases`), category: (u.category as string) ?? '' },
      where,
    };
  });
  const groups = ((raw.groups ?? []) as unknown[]).map((g, i): Located<UnitGroupEntry> => {
    const at = `groups[${i}]`;
    if (!isObject(g)) return fail(at, '应为对象', 'must be an object');
    const entry: UnitGroupEntry = {
      name: name(g.name, `${at}.name`),
      aliases: texts(g.aliases, `${at}.aliases`),
      members: g.members === null ? null : texts(g.members, `${at}.members`),
    };
    const categories = texts(g.memberCategories, `${at}.memberCategories`);
    if (categories.length > 0) entry.memberCategories = categories;
    return { entry, where: { zh: at, en: at } };
  });
  return assembleDirectory(units, groups, JSON_SOURCE);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------------------
// Writing the sheet

/**
 * Names in the 别名 and 成员单位 cells go one per line: the row height then follows from the number of names
 * (hosts do not auto-fit wrapped rows), and a clerk adds a name by adding a line. Widths fit the longest
 * default name (重庆市规划和自然资源局两江新区分局, 34 units) and the group notes on one line.
 */
const SHEET_COLUMNS: { title: LocalText; width: number }[] = [
  { title: { zh: '单位名称', en: 'Name' }, width: 30 },
  { title: { zh: '类别', en: 'Category' }, width: 13 },
  { title: { zh: '别名', en: 'Aliases' }, width: 36 },
  { title: { zh: '成员单位', en: 'Members' }, width: 24 },
  { title: { zh: '成员类别', en: 'Member categories' }, width: 22 },
  { title: { zh: '说明', en: 'Notes' }, width: 50 },
];
/** The sheet's body font size, and the padding of a row in points. */
const FONT_SIZE = 11;
const ROW_PADDING = 3;

const SHEET_NOTE: LocalText = {
  zh:
    '任务分工助手按本表识别单位：别名和写法差异（如“区司法局”“管委会办公室”）都归到单位名称。类别为“分组”的行是单位分组，' +
    '按“成员单位”和“成员类别”展开；没有成员的分组作为一个单位接收任务。可直接增删改，多个名称分行或用顿号分隔。',
  en:
    'The Task Allocation Assistant recognises units by this sheet: aliases and variant spellings map to the unit name. ' +
    'Rows of category "Group" are groups, expanded through Members and Member categories; a group without members ' +
    'receives tasks as one unit. Edit freely; put several names on separate lines or separate them with 、.',
};

/** What a group row stands for, from how the directory expands it. */
function groupNote(group: UnitGroupEntry, directory: UnitDirectory): LocalText {
  const categories = group.memberCategories ?? [];
  const count = directory.expand(group.name).filter((n) => n !== group.name).length;
  const ofCategories = { zh: `类别为${categories.join('、')}的全部单位`, en: `all units of category ${categories.join(', ')}` };
  if (count > 0) {
    return categories.length > 0
      ? { zh: `${ofCategories.zh}，共${count}个`, en: `${ofCategories.en}: ${count}` }
      : { zh: `共${count}个单位`, en: `${count} units` };
  }
  return categories.length > 0
    ? { zh: `${ofCategories.zh}；暂无，作为一个单位接收任务`, en: `${ofCategories.en}; none yet, so it receives tasks as one unit` }
    : { zh: '成员未列明，作为一个单位接收任务', en: 'Members not listed: receives tasks as one unit' };
}

/** The 单位名录 sheet the pane creates: a title, a note on how it is used, the header, one row per unit and group. */
export function directorySheetSpec(data: UnitDirectoryData, lang: Lang = 'zh-CN'): SheetSpec {
  const t = (text: LocalText): string => pick(text, lang);
  const directory = new UnitDirectory(data);
  const width = SHEET_COLUMNS.length;
  const headerRow = 2;
  const fullRow = (row: number): CellRange => ({ top: row, left: 0, bottom: row, right: width - 1 });
  const padded = (first: SpecCell): SpecCell[] => [first, ...Array.from({ length: width - 1 }, () => ({ v: null, s: first.s }))];
  const lines = (names: readonly string[] | null | undefined): string => (names ?? []).join('\n');
  const linesOf = (cells: string[]): number => Math.max(...cells.map((text, i) => wrappedLines(text, SHEET_COLUMNS[i].width, FONT_SIZE)));

  const entries: { cells: string[]; style: string }[] = [
    ...data.units.map((u) => ({ cells: [u.name, u.category, lines(u.aliases), '', '', ''], style: 'cell' })),
    ...data.groups.map((g) => ({
      cells: [g.name, t(GROUP_CATEGORY), lines(g.aliases), lines(g.members), (g.memberCategories ?? []).join('、'), t(groupNote(g, directory))],
      style: 'group',
    })),
  ];
  const sheetWidth = SHEET_COLUMNS.reduce((sum, c) => sum + c.width, 0);
  const rowHeights: Record<number, number> = { 0: 28, 1: rowHeightFor(wrappedLines(t(SHEET_NOTE), sheetWidth, FONT_SIZE), FONT_SIZE, ROW_PADDING) };
  entries.forEach((e, i) => {
    // A blank cell is one line, so the row needs what its tallest cell needs.
    const lineCount = linesOf(e.cells);
    if (lineCount > 1) rowHeights[headerRow + 1 + i] = rowHeightFor(lineCount, FONT_SIZE, ROW_PADDING);
  });

  return {
    name: UNIT_DIRECTORY_SHEET,
    marker: 'unit-directory',
    rows: [
      padded({ v: t({ zh: '单位名录', en: 'Unit directory' }), s: 'title' }),
      padded({ v: t(SHEET_NOTE), s: 'note' }),
      SHEET_COLUMNS.map((c) => ({ v: t(c.title), s: 'header' })),
      ...entries.map((e) => e.cells.map((v): SpecCell => ({ v, s: e.style }))),
    ],
    merges: [fullRow(0), fullRow(1)],
    columnWidths: SHEET_COLUMNS.map((c) => c.width),
    styles: {
      title: { bold: true, fontSize: 16, horizontal: 'center', vertical: 'middle' },
      note: { italic: true, fontColor: '#595959', wrap: true, vertical: 'top' },
      header: { bold: true, fill: '#DDEBF7', border: true, horizontal: 'center', vertical: 'middle', wrap: true },
      cell: { border: true, wrap: true, vertical: 'top' },
      group: { border: true, wrap: true, vertical: 'top', fill: '#F2F2F2' },
    },
    freeze: { rows: headerRow + 1, cols: 1 },
    print: { landscape: true, fitToWidth: true, repeatRows: [headerRow, headerRow], paper: 'A4' },
    font: { name: '等线', size: FONT_SIZE },
    rowHeights,
  };
}

// ---------------------------------------------------------------------------------------------------------
// A directory from the units a sheet names

/**
 * "Make the directory from this sheet": the entries of `base` that the names refer to (directly, or as
 * members of a named group — so 各部门 brings every 部门), followed by every name `base` does not know, in
 * the order first seen: a name that reads like a group (各…, …成员单位, 市直有关部门; see `isGroupByForm`) as a group with unlisted members,
 * anything else as a unit of unknown category. Near-misses of base names are added as written: the caller
 * passes only the names it wants (the pane shows the suggestions first).
 */
export function directoryFromUnitNames(names: readonly string[], base: UnitDirectoryData): UnitDirectoryData {
  const directory = new UnitDirectory(base);
  const usedUnits = new Set<string>();
  const usedGroups = new Set<string>();
  const newUnits: UnitEntry[] = [];
  const newGroups: UnitGroupEntry[] = [];
  const newKeys = new Set<string>();
  const useGroup = (group: string): void => {
    if (usedGroups.has(group)) return;
    usedGroups.add(group);
    const entry = base.groups.find((g) => g.name === group);
    for (const member of entry?.members ?? []) {
      const r = directory.resolve(member);
      if (r.kind === 'group') useGroup(r.group);
    }
    for (const unit of directory.expand(group)) if (unit !== group) usedUnits.add(unit);
  };
  for (const written of names) {
    const name = normaliseUnitName(written);
    if (name === '') continue;
    const r = directory.resolve(name);
    if (r.kind === 'unit') usedUnits.add(r.canonical);
    else if (r.kind === 'group') useGroup(r.group);
    else if (!newKeys.has(unitMatchKey(name))) {
      newKeys.add(unitMatchKey(name));
      if (isGroupByForm(name)) newGroups.push({ name, aliases: [], members: null });
      else newUnits.push({ name, aliases: [], category: '' });
    }
  }
  return {
    units: [...base.units.filter((u) => usedUnits.has(u.name)), ...newUnits],
    groups: [...base.groups.filter((g) => usedGroups.has(g.name)), ...newGroups],
  };
}

/**
 * The directory a sheet implies when the clerk has given none: every unit its tasks name (lead units first,
 * in sheet order), and every group by its form, with no members listed.
 */
export function directoryFromTasks(tasks: readonly { lead: readonly string[]; responsible: readonly string[] }[]): UnitDirectoryData {
  const names: string[] = [];
  for (const task of tasks) names.push(...task.lead, ...task.responsible);
  return directoryFromUnitNames(names, { units: [], groups: [] });
}
