/**
 * The workbook's settings (what the pane's 设置 and its 判断日期/临期 fields save) by name, for `allocation
 * settings`: each key says how it reads, which values it takes, and how a value changes the settings. A key
 * may be given by its name (soonDays) or its Chinese label (临期天数); an empty value removes the setting, so
 * the default applies again. Every value is checked before anything is written.
 */
import { columnIndex, columnLetter } from './address';
import { DEFAULT_COLOURS, normaliseColour, resolveColours } from './colours';
import { parseTypedDate } from './dates';
import { UserFacingError } from './errors';
import { assertSheetName } from './product-sheets';
import { DEFAULT_REPLY_WORKDAYS, isReplyWorkdays, MAX_REPLY_WORKDAYS } from './reminders';
import { MAX_OWN_STATUS_CHOICES, readStatusChoices, STANDARD_STATUS_CHOICES, statusChoicesText } from './status-choices';
import { DEFAULT_SOON_DAYS, isSoonDays, MAX_SOON_DAYS, STATE_NAMES } from './state-words';
import { ROW_STATES, type ColumnMap, type ColumnRole, type LocalText, type RowState } from './types';
import { isPlanYearText, nameKeyed, ownEntry, PLAN_YEAR_TAKES, REPORT_CLOSING_MAX, withEntry, type ProductSettings, type StateColours } from './workbook-state';

/** Where a setting applies: the workbook, or (column corrections) one sheet. */
export interface SettingScope {
  /** The sheet a column correction is for; required by the column keys only. */
  sheet?: string;
}

export interface SettingKey {
  key: string;
  label: LocalText;
  /** What the key takes, for help and for the message when a value is refused. */
  takes: LocalText;
  /** The saved value as text; null: not set (the default applies, which `defaultText` names). */
  show(settings: ProductSettings, scope: SettingScope): string | null;
  defaultText: LocalText;
  /** The settings with this key set to `raw` ('' removes it); throws a UserFacingError for a value it cannot take. */
  set(settings: ProductSettings, raw: string, scope: SettingScope): ProductSettings;
}

function refuse(key: SettingKey, raw: string): never {
  throw new UserFacingError('settings.bad_value', {
    zh: `设置项“${key.label.zh}”（${key.key}）不能取值“${raw}”：应为${key.takes.zh}`,
    en: `Setting ${key.key} (${key.label.en}) cannot be "${raw}": it takes ${key.takes.en}`,
  });
}

function without<K extends keyof ProductSettings>(settings: ProductSettings, name: K): ProductSettings {
  const next = { ...settings };
  delete next[name];
  return next;
}

/** A whole-number setting within limits. */
function wholeNumberKey(
  key: 'planYear' | 'soonDays' | 'remindReplyDays',
  label: LocalText,
  takes: LocalText,
  defaultText: LocalText,
  accepts: (n: number) => boolean,
): SettingKey {
  const self: SettingKey = {
    key,
    label,
    takes,
    defaultText,
    show: (s) => (s[key] === undefined ? null : String(s[key])),
    set(s, raw) {
      if (raw.trim() === '') return without(s, key);
      const n = Number(raw.trim());
      if (!/^\d+$/.test(raw.trim()) || !accepts(n)) refuse(self, raw);
      return { ...s, [key]: n };
    },
  };
  return self;
}

function textKey(key: 'summarySheetName' | 'reportClosing', label: LocalText, takes: LocalText, defaultText: LocalText, check: (text: string, self: SettingKey, raw: string) => void): SettingKey {
  const self: SettingKey = {
    key,
    label,
    takes,
    defaultText,
    show: (s) => s[key] ?? null,
    set(s, raw) {
      const text = raw.trim();
      if (text === '') return without(s, key);
      check(text, self, raw);
      return { ...s, [key]: text };
    },
  };
  return self;
}

/** States the product colours (the others are left as the clerk made them), as the pane lists them. */
const COLOURED_STATES = ROW_STATES.filter((s) => DEFAULT_COLOURS[s] !== null);

function colourKey(state: RowState, part: keyof StateColours): SettingKey {
  const partName = part === 'fill' ? { zh: '填充色', en: 'fill' } : { zh: '字体颜色', en: 'font colour' };
  const self: SettingKey = {
    key: `${part}.${state}`,
    label: { zh: `${STATE_NAMES[state].zh}${partName.zh}`, en: `${STATE_NAMES[state].en} ${partName.en}` },
    takes: { zh: '#RRGGBB 形式的颜色（如 #FFC7CE）', en: 'a colour as #RRGGBB (e.g. #FFC7CE)' },
    defaultText: { zh: DEFAULT_COLOURS[state]![part], en: DEFAULT_COLOURS[state]![part] },
    show: (s) => s.colours?.[state]?.[part] ?? null,
    set(s, raw) {
      const colours = { ...(s.colours ?? {}) };
      if (raw.trim() === '') {
        // Removing one part keeps the other only if it differs from the default.
        const kept = colours[state];
        delete colours[state];
        const other = part === 'fill' ? 'font' : 'fill';
        if (kept && kept[other] !== DEFAULT_COLOURS[state]![other]) colours[state] = { ...DEFAULT_COLOURS[state]!, [other]: kept[other] };
      } else {
        const colour = normaliseColour(raw);
        if (!colour) refuse(self, raw);
        // The other part stays as it is now (saved, or the default).
        colours[state] = { ...resolveColours(s.colours)[state]!, [part]: colour };
      }
      const next: ProductSettings = { ...s, colours };
      if (Object.keys(colours).length === 0) delete next.colours;
      return next;
    },
  };
  return self;
}

/** The column roles in the order the pane lists them, with the header words a clerk knows them by. */
const COLUMN_ROLE_LABELS: [ColumnRole, LocalText][] = [
  ['section', { zh: '大项（部分）', en: 'Section' }],
  ['subsection', { zh: '小项', en: 'Subsection' }],
  ['number', { zh: '序号', en: 'No.' }],
  ['measure', { zh: '工作任务/措施', en: 'Task / measure' }],
  ['deadline', { zh: '完成时限', en: 'Deadline' }],
  ['lead', { zh: '牵头单位', en: 'Lead unit' }],
  ['responsible', { zh: '责任单位', en: 'Responsible units' }],
  ['status', { zh: '完成情况', en: 'Progress' }],
  ['explanation', { zh: '进展说明', en: 'Progress notes' }],
  ['doneDate', { zh: '完成日期', en: 'Completion date' }],
];
const NO_COLUMN = ['none', '无'];

function sheetOf(scope: SettingScope, self: SettingKey): string {
  if (scope.sheet === undefined) {
    throw new UserFacingError('settings.column_needs_sheet', {
      zh: `设置项“${self.label.zh}”（${self.key}）按工作表保存：请用 --sheet 指明是哪张工作表的列`,
      en: `Setting ${self.key} (${self.label.en}) is kept per sheet: name the sheet with --sheet`,
    });
  }
  return scope.sheet;
}

function columnKey(role: ColumnRole, label: LocalText): SettingKey {
  const self: SettingKey = {
    key: `column.${role}`,
    label: { zh: `“${label.zh}”列`, en: `${label.en} column` },
    takes:
      role === 'measure'
        ? { zh: '列字母（如 C）', en: 'a column letter (e.g. C)' }
        : { zh: '列字母（如 C），或 none/无 表示表中没有这一列', en: 'a column letter (e.g. C), or none when the table has no such column' },
    defaultText: { zh: '按表头自动识别', en: 'found from the header' },
    show(s, scope) {
      if (scope.sheet === undefined) return null;
      const col = ownEntry(s.columns, scope.sheet)?.[role];
      return col === undefined ? null : col === null ? 'none' : columnLetter(col);
    },
    set(s, raw, scope) {
      const sheet = sheetOf(scope, self);
      const text = raw.trim();
      const perSheet = nameKeyed(Object.entries(s.columns ?? {}));
      const own: Partial<ColumnMap> = { ...(ownEntry(perSheet, sheet) ?? {}) };
      if (text === '') delete own[role];
      else if (NO_COLUMN.includes(text.toLowerCase()) && role !== 'measure') (own as Record<ColumnRole, number | null>)[role] = null;
      else {
        const col = columnIndex(text);
        // Excel's last column is XFD (16 384 columns).
        if (col < 0 || col >= 16384) refuse(self, raw);
        (own as Record<ColumnRole, number | null>)[role] = col;
      }
      const columns = withEntry(perSheet, sheet, Object.keys(own).length ? own : undefined);
      const next: ProductSettings = { ...s, columns };
      if (Object.keys(columns).length === 0) delete next.columns;
      return next;
    },
  };
  return self;
}

/** Every setting, in the order `allocation settings` lists them. */
export const SETTING_KEYS: readonly SettingKey[] = [
  {
    key: 'asOf',
    label: { zh: '判断日期', en: 'As-of date' },
    takes: { zh: '一个日期（如 2022-09-15、2022/9/15 或 2022年9月15日）', en: 'a date (e.g. 2022-09-15, 2022/9/15 or 2022年9月15日)' },
    defaultText: { zh: '当天', en: 'today' },
    show: (s) => s.asOf ?? null,
    set(s, raw) {
      if (raw.trim() === '') return without(s, 'asOf');
      const iso = parseTypedDate(raw.trim());
      if (iso === null) refuse(this, raw);
      return { ...s, asOf: iso };
    },
  },
  wholeNumberKey(
    'soonDays',
    { zh: '临期天数', en: 'Due-soon window' },
    { zh: `0 到 ${MAX_SOON_DAYS} 之间的工作日天数`, en: `a number of working days from 0 to ${MAX_SOON_DAYS}` },
    { zh: `${DEFAULT_SOON_DAYS} 个工作日`, en: `${DEFAULT_SOON_DAYS} working days` },
    isSoonDays,
  ),
  wholeNumberKey(
    'planYear',
    { zh: '计划年度', en: 'Plan year' },
    PLAN_YEAR_TAKES,
    { zh: '取自标题，否则取完成时限中最常见的年份', en: 'from the title, else the commonest year in the deadlines' },
    (n) => isPlanYearText(String(n)),
  ),
  wholeNumberKey(
    'remindReplyDays',
    { zh: '催办报送天数', en: 'Reminder reply days' },
    { zh: `1 到 ${MAX_REPLY_WORKDAYS} 之间的工作日天数`, en: `a number of working days from 1 to ${MAX_REPLY_WORKDAYS}` },
    { zh: `${DEFAULT_REPLY_WORKDAYS} 个工作日`, en: `${DEFAULT_REPLY_WORKDAYS} working days` },
    isReplyWorkdays,
  ),
  {
    key: 'statusChoices',
    label: { zh: '完成情况选项', en: 'Status choices' },
    takes: {
      zh: `用顿号或逗号分隔的完成情况用语，最多 ${MAX_OWN_STATUS_CHOICES} 个，排在下发表下拉列表的 ${STANDARD_STATUS_CHOICES.length} 个标准选项之后（如 已整改、部分整改）`,
      en: `status words separated by 、 or commas, at most ${MAX_OWN_STATUS_CHOICES}, offered in the copies' dropdown after the ${STANDARD_STATUS_CHOICES.length} standard ones (e.g. 已整改、部分整改)`,
    },
    defaultText: { zh: `只有标准选项：${STANDARD_STATUS_CHOICES.join('、')}`, en: `the standard ones only: ${STANDARD_STATUS_CHOICES.join('、')}` },
    show: (s) => (s.statusChoices?.length ? statusChoicesText(s.statusChoices) : null),
    set(s, raw) {
      const reading = readStatusChoices(raw);
      if (!reading.ok) {
        throw new UserFacingError('settings.bad_value', {
          zh: `设置项“${this.label.zh}”（${this.key}）不能取值“${raw}”：${reading.problem.zh}`,
          en: `Setting ${this.key} (${this.label.en}) cannot be "${raw}": ${reading.problem.en}`,
        });
      }
      return reading.words.length ? { ...s, statusChoices: reading.words } : without(s, 'statusChoices');
    },
  },
  textKey(
    'summarySheetName',
    { zh: '汇总表名称', en: 'Summary sheet name' },
    { zh: 'Excel 允许的工作表名称', en: 'a sheet name Excel allows' },
    { zh: '落实情况汇总', en: '落实情况汇总' },
    (text) => assertSheetName(text),
  ),
  textKey(
    'reportClosing',
    { zh: '年报段落结束语', en: 'Report paragraph closing' },
    { zh: `不超过 ${REPORT_CLOSING_MAX} 个字符的一句话`, en: `one sentence of at most ${REPORT_CLOSING_MAX} characters` },
    { zh: '无（段落只写事实）', en: 'none (the paragraph ends with the facts)' },
    (text, self, raw) => {
      if (text.length > REPORT_CLOSING_MAX) refuse(self, raw);
    },
  ),
  ...COLOURED_STATES.flatMap((state) => [colourKey(state, 'fill'), colourKey(state, 'font')]),
  ...COLUMN_ROLE_LABELS.map(([role, label]) => columnKey(role, label)),
];

/** The key a name means: its key (soonDays) or its Chinese label (临期天数), case aside. */
export function settingKey(name: string): SettingKey {
  const wanted = name.trim().toLowerCase();
  const found = SETTING_KEYS.find((k) => k.key.toLowerCase() === wanted || k.label.zh === name.trim());
  if (!found) {
    throw new UserFacingError('settings.unknown_key', {
      zh: `没有名为“${name}”的设置项。可设置：${SETTING_KEYS.map((k) => k.key).join('、')}`,
      en: `There is no setting called "${name}". Settings: ${SETTING_KEYS.map((k) => k.key).join(', ')}`,
    });
  }
  return found;
}

/** `key=value` as given on the command line, split at the first =. */
export function parseSettingAssignment(text: string): { key: SettingKey; value: string } {
  const eq = text.indexOf('=');
  if (eq <= 0) {
    throw new UserFacingError('settings.bad_assignment', {
      zh: `--set 应写成“设置项=值”（如 soonDays=5 或 临期天数=5），而不是“${text}”`,
      en: `--set takes key=value (e.g. soonDays=5), not "${text}"`,
    });
  }
  return { key: settingKey(text.slice(0, eq)), value: text.slice(eq + 1) };
}

/** The settings with every assignment applied in order; throws on the first value that cannot be taken. */
export function applySettingAssignments(settings: ProductSettings, assignments: readonly string[], scope: SettingScope): ProductSettings {
  return assignments.map(parseSettingAssignment).reduce((current, { key, value }) => key.set(current, value, scope), settings);
}
