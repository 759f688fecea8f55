/**
 * Every kind of finding the product makes: its severity, its name in words for printed reports (a 主任 reads
 * 责任单位未填写, never `responsible.missing`) and the message it says, zh-CN first. The catalogue is checked
 * against the `FindingCode` union both ways, so a code cannot be raised without a name and a message in both
 * languages, nor an entry linger for a code no longer raised.
 */
import { cellAddress, columnIndex, rangeAddress } from './address';
import { chineseDateIn } from './dates';
import { chineseNumeral } from './numbering';
import type { CellRange, Finding, FindingCode, LocalText, ReturnFindingCode, Severity, SheetFindingCode } from './types';
import { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR } from './workdays';

/** Cells longer than this are almost always a paste gone wrong (a whole document in one cell). */
export const SUSPICIOUS_CELL_CHARS = 5000;

export type UnitRole = 'lead' | 'responsible';
const UNIT_ROLE_NAME: Record<UnitRole, LocalText> = {
  lead: { zh: '牵头单位', en: 'lead unit' },
  responsible: { zh: '责任单位', en: 'responsible unit' },
};
/** A name written both as a lead and as a responsible unit. */
const ANY_UNIT_ROLE_NAME: LocalText = { zh: '单位', en: 'unit' };

export type NumberingLevel = 'section' | 'subsection' | 'measure';
export type GuessedPlanYearSource = 'document' | 'deadlines' | 'measures' | 'current';

/** A finding about one name lists this many of its cells, then says how many more. */
const CELLS_LISTED = 8;
/** directory.mismatch lists this many of the unknown names. */
const NAMES_LISTED = 5;

interface Kind<P = never> {
  severity: Severity;
  name: LocalText;
  message: (p: P) => LocalText;
}

type NoParams = Record<string, never>;

function kind<P = NoParams>(severity: Severity, name: LocalText, message: (p: P) => LocalText): Kind<P> {
  return { severity, name, message };
}

/**
 * A blank-cell message. When the host cannot report merged cells (Excel before ExcelApi 1.13), a cell merged
 * with the one above reads as blank: say so, rather than let the clerk hunt for a value that is there.
 */
function blank(message: LocalText, mergesKnown: boolean): LocalText {
  if (mergesKnown) return message;
  return {
    zh: `${message.zh}（当前 Excel 版本无法读取合并单元格：如此格与上方单元格合并，可忽略本条）`,
    en: `${message.en} (this Excel version cannot report merged cells: if this cell is merged with the one above, ignore this)`,
  };
}

function listCells(cells: readonly string[], lang: 'zh' | 'en'): string {
  const shown = cells.slice(0, CELLS_LISTED).join(lang === 'zh' ? '、' : ', ');
  if (cells.length <= CELLS_LISTED) return shown;
  return lang === 'zh' ? `${shown}等 ${cells.length} 处` : `${shown} and ${cells.length - CELLS_LISTED} more`;
}

function listNames(names: readonly string[], lang: 'zh' | 'en'): string {
  const shown = names.slice(0, NAMES_LISTED).map((n) => `“${n}”`).join(lang === 'zh' ? '、' : ', ');
  if (names.length <= NAMES_LISTED) return shown;
  return lang === 'zh' ? `${shown}等 ${names.length} 个` : `${shown} and ${names.length - NAMES_LISTED} more`;
}

/** A heading or measure number as the table prints it: “三、”, “（2）”, 第 4 项. */
function numberShown(level: NumberingLevel, n: number, arabic: boolean): LocalText {
  const numeral = arabic ? String(n) : chineseNumeral(n);
  if (level === 'section') return { zh: `“${numeral}、”`, en: `${numeral}、` };
  if (level === 'subsection') return { zh: `“（${numeral}）”`, en: `（${numeral}）` };
  return { zh: `第 ${n} 项`, en: `number ${n}` };
}

const LEVEL_NAME: Record<NumberingLevel, LocalText> = {
  section: { zh: '部分', en: 'section' },
  subsection: { zh: '小类', en: 'subsection' },
  measure: { zh: '举措', en: 'measure' },
};

function planYearGuess(source: GuessedPlanYearSource, year: number): LocalText {
  switch (source) {
    case 'document':
      return {
        zh: `标题中没有年份，按文号中的年份将计划年度定为 ${year} 年，可在设置中或用 --year 修改`,
        en: `The title names no year; the plan year is taken as ${year}, the year of the document number (change it in the settings or with --year)`,
      };
    case 'deadlines':
      return {
        zh: `标题中没有年份，按完成时限中最常见的年份将计划年度定为 ${year} 年，可在设置中或用 --year 修改`,
        en: `The title names no year; the plan year is taken as ${year}, the commonest year in the deadlines (change it in the settings or with --year)`,
      };
    case 'measures':
      return {
        zh: `标题和完成时限中都没有年份，按任务内容中最常见的年份将计划年度定为 ${year} 年，可在设置中或用 --year 修改`,
        en: `Neither the title nor the deadlines name a year; the plan year is taken as ${year}, the commonest year in the measures (change it in the settings or with --year)`,
      };
    case 'current':
      return {
        zh: `标题、文号、完成时限和任务内容中都没有年份，计划年度暂定为今年即 ${year} 年，请在设置中或用 --year 确认`,
        en: `No year in the title, document number, deadlines or measures; the plan year is taken as this year, ${year} (confirm it in the settings or with --year)`,
      };
  }
}

/** The findings of the check of one sheet (`analyseSheet`). */
const SHEET_KINDS = {
  'calendar.beyond_data': kind('warning', { zh: '日期超出节假日日历范围', en: 'Date beyond the holiday calendar' }, (p: { year: number }) => ({
    zh: `内置的法定节假日日历只覆盖 ${CALENDAR_FIRST_YEAR}—${CALENDAR_LAST_YEAR} 年，${p.year} 年的工作日按周一至周五计算，未计节假日和调休`,
    en: `The built-in holiday calendar covers ${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR} only; working days in ${p.year} are counted Monday to Friday, without holidays or make-up days`,
  })),
  'cell.error': kind('error', { zh: '单元格为错误值', en: 'Error value in a cell' }, (p: { text: string }) => ({
    zh: `单元格是错误值 ${p.text}（公式计算出错），请改为实际内容`,
    en: `the cell holds the error value ${p.text} (a formula failed); replace it with the actual content`,
  })),
  'cell.too_long': kind('warning', { zh: '单元格文字过长', en: 'Cell text too long' }, (p: { length: number }) => ({
    zh: `单元格有 ${p.length} 个字，超过 ${SUSPICIOUS_CELL_CHARS} 字，可能是粘贴出错`,
    en: `the cell holds ${p.length} characters, more than ${SUSPICIOUS_CELL_CHARS}; probably a paste gone wrong`,
  })),
  'column.deadline_missing': kind<NoParams>('warning', { zh: '未找到完成时限列', en: 'No deadline column' }, () => ({
    zh: '表格没有“完成时限”列：无法判断任务是否逾期',
    en: 'The table has no deadline (完成时限) column: overdue tasks cannot be found',
  })),
  'column.lead_missing': kind('info', { zh: '未找到牵头单位列', en: 'No lead-unit column' }, (p: { responsibleColumn: string }) => ({
    zh: `表格没有“牵头单位”列，${p.responsibleColumn} 列所列单位均按责任单位处理`,
    en: `The table has no lead unit column; the units in column ${p.responsibleColumn} are all taken as responsible`,
  })),
  'column.responsible_missing': kind<NoParams>('info', { zh: '未找到责任单位列', en: 'No responsible-unit column' }, () => ({
    zh: '表格没有“责任单位”列，只按牵头单位统计',
    en: 'The table has no responsible unit column; tasks are counted by lead unit only',
  })),
  'column.units_missing': kind<NoParams>('warning', { zh: '未找到单位列', en: 'No unit column' }, () => ({
    zh: '表格没有“牵头单位”或“责任单位”列：无法按单位统计',
    en: 'The table has no lead or responsible unit column: nothing can be counted by unit',
  })),
  'deadline.invalid': kind('error', { zh: '完成时限日期不存在', en: 'Impossible deadline date' }, (p: { text: string; why: LocalText | null }) => ({
    zh: `完成时限“${p.text}”不是有效日期${p.why ? `（${p.why.zh}）` : ''}`,
    en: `the deadline “${p.text}” is not a valid date${p.why ? ` (${p.why.en})` : ''}`,
  })),
  'deadline.missing': kind('warning', { zh: '完成时限未填写', en: 'Deadline blank' }, (p: { mergesKnown: boolean }) =>
    blank({ zh: '完成时限为空', en: 'the deadline is blank' }, p.mergesKnown)),
  'deadline.reading': kind('info', { zh: '完成时限按某种读法理解', en: 'Deadline read one of several ways' }, (p: { text: string; reading: LocalText }) => ({
    zh: `完成时限“${p.text}”：${p.reading.zh}`,
    en: `the deadline “${p.text}”: ${p.reading.en}`,
  })),
  'deadline.outside_plan_year': kind('warning', { zh: '完成时限不在计划年度内', en: 'Deadline outside the plan year' }, (p: { text: string; due: string; planYear: number }) => ({
    zh: `完成时限“${p.text}”（${chineseDateIn(p.due)}）不在计划年度 ${p.planYear} 年内，请核对`,
    en: `the deadline “${p.text}” (${p.due}) is outside the plan year ${p.planYear}; please check`,
  })),
  'deadline.unknown': kind('warning', { zh: '完成时限无法识别', en: 'Deadline not understood' }, (p: { text: string }) => ({
    zh: `无法识别完成时限“${p.text}”，请写成如“9月30日前”“2022年底前”“长期开展”的形式`,
    en: `the deadline “${p.text}” is not understood; write it like 9月30日前, 2022年底前 or 长期开展`,
  })),
  'directory.mismatch': kind('info', { zh: '单位名录与表格不一致', en: 'Directory does not match the sheet' }, (p: { unknown: readonly string[]; total: number }) => ({
    zh:
      `表中 ${p.total} 个单位名称有 ${p.unknown.length} 个不在单位名录中（${listNames(p.unknown, 'zh')}），` +
      '单位名录可能不是本表所属地区或部门的，因此不再逐格提示：请在“单位名录”表中补充这些单位（可由本表的单位名称生成），或不指定单位名录',
    en:
      `${p.unknown.length} of the ${p.total} unit names in the table are not in the unit directory (${listNames(p.unknown, 'en')}); ` +
      'the directory seems to belong to another body, so they are not flagged cell by cell: add these units to the 单位名录 sheet (it can be made from the names in this table), or check without a directory',
  })),
  'layout.columns_by_content': kind(
    'warning',
    { zh: '表头未识别，按内容判断各列', en: 'Columns judged by their content' },
    (p: { headerRow: number; columns: readonly { column: string; role: LocalText }[] }) => ({
      zh: `第 ${p.headerRow} 行的表头中没有可识别的列名，已按各列内容判断：${p.columns.map((c) => `${c.column} 列为${c.role.zh}`).join('，')}；如有误，请在设置中手动指定各列`,
      en: `No column name in the header in row ${p.headerRow} is recognised; the columns were judged by their content: ${p.columns.map((c) => `column ${c.column} as ${c.role.en}`).join(', ')}; if that is wrong, set the columns by hand in the settings`,
    }),
  ),
  'layout.header_repeated': kind<NoParams>('info', { zh: '表头重复出现', en: 'Header repeated in the table' }, () => ({
    zh: '这一行重复了表头，已跳过（若下面是另一张表，其任务按同一张表读取）',
    en: 'this row repeats the header and is skipped (if another table starts here, its tasks are read as part of this one)',
  })),
  'lead.blank_column': kind('info', { zh: '牵头单位列多处留空', en: 'Lead-unit column left blank' }, (p: { column: string; blanks: number; tasks: number }) => ({
    zh: `${p.column} 列（牵头单位）有 ${p.blanks} 项任务未填写（共 ${p.tasks} 项），表格似乎有意不逐项指定牵头单位：这些任务按所列责任单位统计`,
    en: `Column ${p.column} (lead unit) is blank for ${p.blanks} of the ${p.tasks} tasks; the table seems to leave the lead out on purpose: those tasks are counted by their responsible units`,
  })),
  'lead.missing': kind('error', { zh: '牵头单位未填写', en: 'Lead unit blank' }, (p: { mergesKnown: boolean }) =>
    blank({ zh: '牵头单位为空，本表其他任务都填写了牵头单位', en: 'the lead unit is blank, while the other tasks of the table name one' }, p.mergesKnown)),
  'lead.rule': kind('info', { zh: '按文件说明认定牵头单位', en: 'Lead units read by the document’s rule' }, (p: { rule: string }) => ({
    zh: `按文件的说明“${p.rule}”，各项任务所列的第一个单位均按牵头单位、其余按责任单位处理`,
    en: `As the document says (“${p.rule}”), the first unit listed for each task is taken as its lead and the others as responsible`,
  })),
  'measure.empty': kind<NoParams>('error', { zh: '任务内容为空', en: 'Measure text blank' }, () => ({
    zh: '这一行有单位或时限，但没有举措内容',
    en: 'this row has units or a deadline but no measure text',
  })),
  'numbering.duplicate': kind('warning', { zh: '任务编号重复', en: 'Measure number repeated' }, (p: { level: NumberingLevel; value: number; arabic: boolean }) => ({
    zh: `${LEVEL_NAME[p.level].zh}编号${numberShown(p.level, p.value, p.arabic).zh}重复`,
    en: `the ${LEVEL_NAME[p.level].en} numbering repeats ${numberShown(p.level, p.value, p.arabic).en}`,
  })),
  'numbering.gap': kind('warning', { zh: '任务编号不连续', en: 'Gap in the measure numbers' }, (p: { level: NumberingLevel; value: number; expected: number; arabic: boolean }) => {
    const here = numberShown(p.level, p.value, p.arabic);
    const expected = numberShown(p.level, p.expected, p.arabic);
    return {
      zh: `${LEVEL_NAME[p.level].zh}编号不连续：此处为${here.zh}，应为${expected.zh}`,
      en: `the ${LEVEL_NAME[p.level].en} numbering skips: ${here.en} here, ${expected.en} expected`,
    };
  }),
  'plan_year.guessed': kind('info', { zh: '计划年度由推断得出', en: 'Plan year inferred' }, (p: { source: GuessedPlanYearSource; year: number }) =>
    planYearGuess(p.source, p.year)),
  'responsible.blank_column': kind('info', { zh: '责任单位列多处留空', en: 'Responsible-unit column left blank' }, (p: { column: string; blanks: number; tasks: number }) => ({
    zh: `${p.column} 列（责任单位）有 ${p.blanks} 项任务未填写（共 ${p.tasks} 项），这些任务按牵头单位独自负责统计`,
    en: `Column ${p.column} (responsible unit) is blank for ${p.blanks} of the ${p.tasks} tasks; those tasks are counted as the lead unit’s alone`,
  })),
  'responsible.missing': kind('warning', { zh: '责任单位未填写', en: 'Responsible unit blank' }, (p: { lead: readonly string[]; mergesKnown: boolean }) =>
    blank(
      {
        zh: p.lead.length ? `责任单位为空（牵头单位：${p.lead.join('、')}），请确认是否由牵头单位自行负责` : '责任单位为空',
        en: p.lead.length ? `the responsible unit is blank (lead: ${p.lead.join('、')}); confirm the lead unit handles it alone` : 'the responsible unit is blank',
      },
      p.mergesKnown,
    )),
  'sheet.far_content_ignored': kind('warning', { zh: '表格外远处的内容未读取', en: 'Content far from the table not read' }, (p: { used: CellRange; read: string; farRow: number | null; farColumn: string | null }) => {
    const zh: string[] = [];
    const en: string[] = [];
    if (p.farRow !== null) {
      zh.push(`第 ${p.farRow} 行`);
      en.push(`row ${p.farRow}`);
    }
    if (p.farColumn !== null) {
      zh.push(`${p.farColumn} 列`);
      en.push(`column ${p.farColumn}`);
    }
    const used = rangeAddress(p.used);
    return {
      zh: `工作表的已用区域为 ${used}，远大于表格本身（${p.read}）。远离表格的内容（最远到${zh.join('、')}）未读取、未检查；如是误输入，请删除这些单元格后再检查。`,
      en: `The sheet's used range is ${used}, far larger than the table (${p.read}). Content far from the table (as far as ${en.join(' and ')}) was not read or checked; if it was entered by mistake, delete those cells and check again.`,
    };
  }),
  'status.unrecognised': kind('warning', { zh: '完成情况用语无法识别', en: 'Status wording not recognised' }, (p: { text: string }) => ({
    zh: `完成情况“${p.text}”无法归类，请写明“已完成”“序时推进”“进度滞后”或“未启动”等`,
    en: `the status “${p.text}” is not recognised; write e.g. 已完成, 序时推进, 进度滞后 or 未启动`,
  })),
  'table.stopped': kind('info', { zh: '表格在注释或另一张表前结束', en: 'Table ends before a note or another table' }, (p: { lastRow: number; note: string | null }) =>
    p.note !== null
      ? {
        zh: `表格读到第 ${p.lastRow} 行为止：第 ${p.lastRow + 1} 行起是表下的注释（“${p.note}”），不作为任务读取`,
        en: `The table is read up to row ${p.lastRow}: from row ${p.lastRow + 1} on is a note under it ("${p.note}"), not read as tasks`,
      }
      : {
        zh: `表格读到第 ${p.lastRow} 行为止：第 ${p.lastRow + 1} 行是另一张表的表头，其下内容不作为本表任务读取`,
        en: `The table is read up to row ${p.lastRow}: row ${p.lastRow + 1} is the header of another table, whose rows are not read as tasks of this one`,
      }),
  'table.no_tasks': kind('warning', { zh: '表头下没有任务行', en: 'No task rows under the header' }, (p: { headerRow: number }) => ({
    zh: `第 ${p.headerRow} 行的表头下没有任务行：表头下方是空的，或只有分组标题；请检查是否选对了工作表，或把任务填在表头下方`,
    en: `The header in row ${p.headerRow} has no task rows under it: below it is blank or holds only headings; check the sheet, or enter the tasks under the header`,
  })),
  'unit.duplicate': kind('warning', { zh: '同一单位重复填写', en: 'Unit named twice' }, (p: { role: UnitRole; name: string }) => ({
    zh: `${UNIT_ROLE_NAME[p.role].zh}“${p.name}”在同一单元格中重复出现`,
    en: `the ${UNIT_ROLE_NAME[p.role].en} “${p.name}” appears twice in the cell`,
  })),
  'unit.stray_text': kind('warning', { zh: '单位栏中的内容不像单位名称', en: 'Unit cell holds other text' }, (p: { role: UnitRole; name: string; cells: readonly string[] }) => ({
    zh: `${UNIT_ROLE_NAME[p.role].zh}中的“${p.name}”不像单位名称（${listCells(p.cells, 'zh')}），可能是其他内容误填入了单位栏，请核对`,
    en: `“${p.name}” in the ${UNIT_ROLE_NAME[p.role].en} column does not look like a unit's name (${listCells(p.cells, 'en')}); other text may have slipped into the unit cell`,
  })),
  'unit.unknown': kind('warning', { zh: '单位不在单位名录中', en: 'Unit not in the directory' }, (p: { role: UnitRole | null; name: string; cells: readonly string[]; suggestion: string | null }) => {
    const role = p.role === null ? ANY_UNIT_ROLE_NAME : UNIT_ROLE_NAME[p.role];
    const n = p.cells.length;
    return {
      zh: `${role.zh}“${p.name}”${n > 1 ? `（共 ${n} 处：${listCells(p.cells, 'zh')}）` : ''}不在单位名录中${p.suggestion ? `，是否为“${p.suggestion}”？` : '（如确为新单位，请在“单位名录”中添加）'}`,
      en: `the ${role.en} “${p.name}”${n > 1 ? ` (${n} cells: ${listCells(p.cells, 'en')})` : ''} is not in the unit directory${p.suggestion ? `; did you mean “${p.suggestion}”?` : ' (if it is a new unit, add it to the 单位名录 directory)'}`,
    };
  }),
  'unit.variant': kind('warning', { zh: '同一单位有不同写法', en: 'One unit spelt two ways' }, (p: { name: string; cells: readonly string[]; preferred: string; preferredCells: number }) => ({
    zh: `“${p.name}”（${listCells(p.cells, 'zh')}）与表中写了 ${p.preferredCells} 处的“${p.preferred}”可能是同一单位的不同写法，建议统一为“${p.preferred}”`,
    en: `“${p.name}” (${listCells(p.cells, 'en')}) may be another spelling of “${p.preferred}”, written in ${p.preferredCells} cell(s); consider writing “${p.preferred}” throughout`,
  })),
  'units.missing': kind('error', { zh: '单位未填写', en: 'Units blank' }, (p: { mergesKnown: boolean }) =>
    blank({ zh: '责任单位为空，这项任务没有任何单位负责', en: 'the unit cell is blank: no unit is in charge of this task' }, p.mergesKnown)),
} satisfies Record<SheetFindingCode, Kind>;

/** A master measure as findings about returns name it: 第3项“……”. */
export interface MeasureLabel {
  no: string;
  /** The measure's text, spaces removed and clipped. */
  text: string;
}

function measureLabel(m: MeasureLabel): LocalText {
  return m.no ? { zh: `第${m.no}项“${m.text}”`, en: `measure ${m.no} "${m.text}"` } : { zh: `“${m.text}”`, en: `"${m.text}"` };
}

/** Why a return could not be read: its task table, its size, or the file itself. */
export type UnreadableReturn =
  | { reason: 'no_table' }
  | { reason: 'tasks'; why: LocalText }
  | { reason: 'too_long'; rows: number; masterRows: number }
  | { reason: 'cannot_open'; why: LocalText }
  | { reason: 'cannot_read'; detail: string };

/** The findings of checking one department's returned copy against its master (`validateReturn`). */
const RETURN_KINDS = {
  'return.wrong_master': kind('error', { zh: '不是本表的回收表', en: 'Not a return of this table' }, (p: { masterTitle: string; issuedFrom: string | null }) =>
    p.issuedFrom === null
      ? {
        zh: `这不是从《${p.masterTitle}》下发的回收表（没有下发标识），未汇总`,
        en: `This is not a return copy issued from "${p.masterTitle}" (it carries no return identity); not merged`,
      }
      : {
        zh: `这是从另一份任务分工表（《${p.issuedFrom}》）下发的回收表，与《${p.masterTitle}》不符，未汇总`,
        en: `This return copy was issued from another allocation table ("${p.issuedFrom}"), not "${p.masterTitle}"; not merged`,
      }),
  'return.master_changed': kind<NoParams>('warning', { zh: '下发后任务分工表有改动', en: 'Table changed since issue' }, () => ({
    zh: '下发之后任务分工表的举措有改动；以下按序号和举措内容逐项核对',
    en: 'The allocation table’s measures changed after this copy was issued; rows are checked one by one by number and text',
  })),
  'return.unit_unknown': kind('error', { zh: '填报单位不明', en: 'Unknown returning unit' }, (p: { unit: string }) => ({
    zh: `回收表的填报单位“${p.unit}”既不在单位名录中，也不是本任务分工表中的单位，未汇总`,
    en: `The return's unit "${p.unit}" is neither in the unit directory nor named in this allocation table; not merged`,
  })),
  'return.unreadable': kind('error', { zh: '回收表无法读取', en: 'Return unreadable' }, (p: UnreadableReturn) => {
    switch (p.reason) {
      case 'no_table':
        return { zh: '无法读取回收表中的任务：找不到任务表', en: "The return's tasks cannot be read: no task table found" };
      case 'tasks':
        return { zh: `无法读取回收表中的任务：${p.why.zh}`, en: `The return's tasks cannot be read: ${p.why.en}` };
      case 'too_long':
        return {
          zh: `回收表行数（${p.rows} 行）远多于总表（${p.masterRows} 行），不是下发的回收表原样填报，已跳过`,
          en: `The return has ${p.rows} rows, far more than the master's ${p.masterRows}: not a copy as it was sent out; skipped`,
        };
      case 'cannot_open':
        return { zh: `无法打开：${p.why.zh}`, en: `Cannot be opened: ${p.why.en}` };
      case 'cannot_read':
        return { zh: `无法读取（${p.detail}）`, en: `Cannot be read (${p.detail})` };
    }
  }),
  'return.measure_text_changed': kind('error', { zh: '举措内容被改动', en: 'Measure text edited' }, (p: { measure: MeasureLabel; difference: LocalText }) => ({
    zh: `${measureLabel(p.measure).zh}的举措内容被改动：${p.difference.zh}；此行未汇总`,
    en: `the text of ${measureLabel(p.measure).en} was edited: ${p.difference.en}; this row was not merged`,
  })),
  'return.measure_added': kind('error', { zh: '新增的举措行', en: 'Row added' }, (p: { measure: MeasureLabel }) => ({
    zh: `${measureLabel(p.measure).zh}不是任务分工表中的举措（新增的行），未汇总`,
    en: `${measureLabel(p.measure).en} is not a measure of the allocation table (an added row); not merged`,
  })),
  'return.not_assigned': kind('error', { zh: '举措未分配给该单位', en: 'Measure not assigned to the unit' }, (p: { measure: MeasureLabel; unit: string }) => ({
    zh: `${measureLabel(p.measure).zh}并未分配给“${p.unit}”，此行未汇总`,
    en: `${measureLabel(p.measure).en} was not assigned to "${p.unit}"; this row was not merged`,
  })),
  'return.deadline_changed': kind('warning', { zh: '完成时限被改动', en: 'Deadline edited' }, (p: { returned: string; master: string }) => ({
    zh: `完成时限被改为“${p.returned}”，任务分工表中为“${p.master}”（以任务分工表为准）`,
    en: `the deadline was changed to "${p.returned}"; the allocation table says "${p.master}" (the table stands)`,
  })),
  'return.units_changed': kind('warning', { zh: '单位被改动', en: 'Units edited' }, (p: { lead: readonly string[]; responsible: readonly string[] }) => ({
    zh: `牵头/责任单位被改动（任务分工表中为 牵头：${p.lead.join('、') || '无'}；责任：${p.responsible.join('、') || '无'}，以任务分工表为准）`,
    en: `the lead/responsible units were edited (the table says lead: ${p.lead.join(', ') || 'none'}; responsible: ${p.responsible.join(', ') || 'none'}; the table stands)`,
  })),
  'return.nothing_filled': kind('warning', { zh: '交回空表', en: 'Sent back blank' }, (p: { unit: string }) => ({
    zh: `“${p.unit}”交回的回收表没有填写（完成情况均为空或与下发时预填的相同），未汇总；请该单位填报后重新报送`,
    en: `The return of "${p.unit}" was sent back without answers (every status blank or as the copy was pre-filled); not merged — the unit has still to report`,
  })),
  'return.status_blank': kind('warning', { zh: '未填写完成情况', en: 'Status blank' }, (p: { measure: MeasureLabel }) => ({
    zh: `${measureLabel(p.measure).zh}未填写完成情况`,
    en: `no status given for ${measureLabel(p.measure).en}`,
  })),
  'return.status_unrecognised': kind('warning', { zh: '完成情况用语无法识别', en: 'Status wording not recognised' }, (p: { text: string }) => ({
    zh: `完成情况“${p.text}”不是可识别的状态用语（如 已完成、序时推进、进度滞后、未启动），已按原文汇总`,
    en: `the status "${p.text}" is not a recognised status word (e.g. 已完成, 序时推进, 进度滞后, 未启动); merged as written`,
  })),
  'return.explanation_missing': kind('warning', { zh: '缺少进展说明', en: 'Explanation missing' }, (p: { overdueSince: string | null; status: string }) =>
    p.overdueSince !== null
      ? {
        zh: `已过完成时限（${chineseDateIn(p.overdueSince)}）仍未完成，请在“进展说明”中说明原因和计划`,
        en: `past its deadline (${p.overdueSince}) and not done: explain why and the plan under 进展说明`,
      }
      : {
        zh: `完成情况为“${p.status}”，请在“进展说明”中说明原因和计划`,
        en: `the status is "${p.status}": explain why and the plan under 进展说明`,
      }),
  'return.done_date_invalid': kind('warning', { zh: '完成日期不是日期', en: 'Completion date not a date' }, (p: { text: string }) => ({
    zh: `完成日期“${p.text}”不是日期，未汇总该日期`,
    en: `the completion date "${p.text}" is not a date; the date was not merged`,
  })),
  'return.done_date_future': kind('warning', { zh: '完成日期尚未到来', en: 'Completion date in the future' }, (p: { date: string; asOf: string }) => ({
    zh: `完成日期${chineseDateIn(p.date)}晚于${chineseDateIn(p.asOf)}，尚未到来，未汇总该日期`,
    en: `the completion date ${p.date} is after ${p.asOf}, still to come; the date was not merged`,
  })),
  'return.measure_missing': kind('error', { zh: '下发的举措缺失', en: 'Issued measure missing' }, (p: { measure: MeasureLabel }) => ({
    zh: `回收表中缺少下发的${measureLabel(p.measure).zh}（行被删除）`,
    en: `${measureLabel(p.measure).en}, issued to this unit, is missing from the return (row deleted)`,
  })),
  // Raised while collecting, about one return among the others.
  'return.claim_mismatch': kind('warning', { zh: '文件名与填报单位不符', en: 'File name names another unit' }, (p: { named: readonly string[]; claimed: string }) => ({
    zh: `文件名指向“${p.named.join('、')}”，但回收表内的标识自称“${p.claimed}”：可能是他人的回收表被改名，或标识被改动。请核对后再采用`,
    en: `The file name points to "${p.named.join(', ')}", but the copy's identity claims "${p.claimed}": another unit's copy renamed, or the identity edited. Check it before relying on it`,
  })),
  'return.duplicate_unit': kind('warning', { zh: '同一单位交回多份', en: 'Unit returned twice' }, (p: { unit: string; earlierFile: string }) => ({
    zh: `“${p.unit}”已交回另一份回收表（${p.earlierFile}），同一举措以本文件为准`,
    en: `"${p.unit}" also returned ${p.earlierFile}; where both answer a measure, this file is used`,
  })),
  'return.status_conflict': kind(
    'warning',
    { zh: '各单位填报的完成情况矛盾', en: 'Units’ statuses contradict' },
    (p: { measure: string; status: string; decider: string; deciderStatus: string; deciderLeads: boolean }) => ({
      zh: `第${p.measure}项：本单位填报“${p.status}”，与${p.deciderLeads ? '牵头单位' : ''}“${p.decider}”填报的“${p.deciderStatus}”矛盾（汇总以后者为准，本单位情况记入进展说明）`,
      en: `measure ${p.measure}: this unit says "${p.status}", contradicting ${p.deciderLeads ? 'the lead unit ' : ''}"${p.decider}" who says "${p.deciderStatus}" (the latter is merged; this unit's answer goes into 进展说明)`,
    }),
  ),
  'return.text_cut': kind('warning', { zh: '进展说明超长被截断', en: 'Explanation cut' }, (p: { measure: string; unit: string; file: string | null; limit: number }) => ({
    zh: `第${p.measure}项：${p.file ? `回收表“${p.file}”中` : ''}“${p.unit}”的进展说明与其他单位的合计超过 Excel 单元格 ${p.limit} 字上限，总表中已截断并注明“以下从略”，全文请看该回收表`,
    en: `Measure ${p.measure}: the explanation of "${p.unit}"${p.file ? ` in ${p.file}` : ''}, with the other units', exceeds Excel's ${p.limit}-character cell limit; it is cut in the master, marked as cut — read it in full in that return`,
  })),
} satisfies Record<ReturnFindingCode, Kind>;

type Catalogue = typeof SHEET_KINDS & typeof RETURN_KINDS;
const CATALOGUE: Catalogue = { ...SHEET_KINDS, ...RETURN_KINDS };

export type FindingParams<C extends FindingCode> = Parameters<Catalogue[C]['message']>[0];

export function findingMessage<C extends FindingCode>(code: C, params: FindingParams<C>): LocalText {
  return (CATALOGUE[code].message as (p: FindingParams<C>) => LocalText)(params);
}

export function findingSeverity(code: FindingCode): Severity {
  return CATALOGUE[code].severity;
}

/** The kind of a finding in words. */
export function findingKindName(code: FindingCode): LocalText {
  return CATALOGUE[code].name;
}

/** Every code the catalogue holds, for tests and tables that list the kinds. */
export function allFindingCodes(): FindingCode[] {
  return Object.keys(CATALOGUE) as FindingCode[];
}

/**
 * One finding, its message from the catalogue; `cell` (an A1 address) prefixes the message, `row` is 1-based.
 * For findings raised one at a time (collect's); a sheet's findings go through a FindingList.
 */
export function makeFinding<C extends FindingCode>(code: C, cell: string | null, row: number | null, params: FindingParams<C>, suggestion: string | null = null): Finding {
  const message = findingMessage(code, params);
  return {
    severity: CATALOGUE[code].severity,
    code,
    cell,
    row,
    message: cell ? { zh: `${cell}：${message.zh}`, en: `${cell}: ${message.en}` } : message,
    suggestion,
  };
}

interface CellRef {
  row: number;
  col: number;
}

/** Findings of one sheet: a finding repeated at the same cell is kept once; sorted by row, then column. */
export class FindingList {
  /** By code, cell and message (a merged cell shared by several measures is reported once), in the order raised. */
  private readonly byKey = new Map<string, Finding>();

  add<C extends FindingCode>(code: C, at: CellRef | null, params: FindingParams<C>, suggestion: string | null = null): void {
    const finding = makeFinding(code, at ? cellAddress(at.row, at.col) : null, at ? at.row + 1 : null, params, suggestion);
    const key = `${code}|${finding.cell}|${finding.message.zh}`;
    if (!this.byKey.has(key)) this.byKey.set(key, finding);
  }

  /** Takes in another list's findings (ones held back until it is known they apply), by the same keys. */
  addAll(other: FindingList): void {
    for (const [key, f] of other.byKey) if (!this.byKey.has(key)) this.byKey.set(key, f);
  }

  /** By row (table-level first), then column, then code; the column is read from the address once per finding. */
  sorted(): Finding[] {
    const keyed = [...this.byKey.values()].map((f) => ({ f, col: f.cell ? columnIndex(f.cell.replace(/\d+$/, '')) : -1 }));
    keyed.sort(
      (a, b) =>
        (a.f.row ?? 0) - (b.f.row ?? 0) ||
        a.col - b.col ||
        (a.f.code < b.f.code ? -1 : a.f.code > b.f.code ? 1 : 0),
    );
    return keyed.map((k) => k.f);
  }
}
