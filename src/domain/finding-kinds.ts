/**
 * What each kind of finding is called in words, for printed reports: a 主任 reads 责任单位未填写, never the
 * code `responsible.missing` the check and the JSON output use to tell kinds apart.
 */
import type { LocalText } from './types';

const KIND_NAMES: Record<string, LocalText> = {
  'calendar.beyond_data': { zh: '日期超出节假日日历范围', en: 'Date beyond the holiday calendar' },
  'cell.error': { zh: '单元格为错误值', en: 'Error value in a cell' },
  'cell.too_long': { zh: '单元格文字过长', en: 'Cell text too long' },
  'column.deadline_missing': { zh: '未找到完成时限列', en: 'No deadline column' },
  'column.lead_missing': { zh: '未找到牵头单位列', en: 'No lead-unit column' },
  'column.responsible_missing': { zh: '未找到责任单位列', en: 'No responsible-unit column' },
  'column.units_missing': { zh: '未找到单位列', en: 'No unit column' },
  'deadline.invalid': { zh: '完成时限日期不存在', en: 'Impossible deadline date' },
  'deadline.missing': { zh: '完成时限未填写', en: 'Deadline blank' },
  'deadline.reading': { zh: '完成时限按某种读法理解', en: 'Deadline read one of several ways' },
  'deadline.outside_plan_year': { zh: '完成时限不在计划年度内', en: 'Deadline outside the plan year' },
  'deadline.unknown': { zh: '完成时限无法识别', en: 'Deadline not understood' },
  'directory.mismatch': { zh: '单位名录与表格不一致', en: 'Directory does not match the sheet' },
  'layout.header_repeated': { zh: '表头重复出现', en: 'Header repeated in the table' },
  'lead.blank_column': { zh: '牵头单位列多处留空', en: 'Lead-unit column left blank' },
  'lead.missing': { zh: '牵头单位未填写', en: 'Lead unit blank' },
  'lead.rule': { zh: '按文件说明认定牵头单位', en: 'Lead units read by the document’s rule' },
  'measure.empty': { zh: '任务内容为空', en: 'Measure text blank' },
  'numbering.duplicate': { zh: '任务编号重复', en: 'Measure number repeated' },
  'numbering.gap': { zh: '任务编号不连续', en: 'Gap in the measure numbers' },
  'plan_year.guessed': { zh: '计划年度由推断得出', en: 'Plan year inferred' },
  'responsible.blank_column': { zh: '责任单位列多处留空', en: 'Responsible-unit column left blank' },
  'responsible.missing': { zh: '责任单位未填写', en: 'Responsible unit blank' },
  'sheet.far_content_ignored': { zh: '表格外远处的内容未读取', en: 'Content far from the table not read' },
  'status.unrecognised': { zh: '完成情况用语无法识别', en: 'Status wording not recognised' },
  'table.stopped': { zh: '表格在注释或另一张表前结束', en: 'Table ends before a note or another table' },
  'table.no_tasks': { zh: '表头下没有任务行', en: 'No task rows under the header' },
  'unit.duplicate': { zh: '同一单位重复填写', en: 'Unit named twice' },
  'unit.stray_text': { zh: '单位栏中的内容不像单位名称', en: 'Unit cell holds other text' },
  'unit.unknown': { zh: '单位不在单位名录中', en: 'Unit not in the directory' },
  'unit.variant': { zh: '同一单位有不同写法', en: 'One unit spelt two ways' },
  'units.missing': { zh: '单位未填写', en: 'Units blank' },
};

const OTHER: LocalText = { zh: '其他问题', en: 'Other problem' };

/** The kind of a finding in words; a code this table does not know is 其他问题, never the code itself. */
export function findingKindName(code: string): LocalText {
  return Object.prototype.hasOwnProperty.call(KIND_NAMES, code) ? KIND_NAMES[code] : OTHER;
}
