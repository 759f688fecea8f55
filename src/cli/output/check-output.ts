/**
 * How `allocation check` shows its result: readable text for the clerk, or JSON for scripts. The JSON shape
 * is a contract scripts rely on: fields may be added, none renamed. Other commands reuse the pieces.
 */
import { columnLetter } from '../../domain/address';
import { countOf, pick } from '../../domain/i18n';
import type { ColumnMap, DeadlineKind, Finding, Lang, LocalText, SheetAnalysis, Severity, Task } from '../../domain/types';
import type { CheckResult, DirectorySource } from '../../workflows/check';

export interface FindingCounts {
  tasks: number;
  errors: number;
  warnings: number;
  info: number;
}

export function countFindings(analysis: SheetAnalysis): FindingCounts {
  const counts: FindingCounts = { tasks: analysis.tasks.length, errors: 0, warnings: 0, info: 0 };
  for (const f of analysis.findings) {
    if (f.severity === 'error') counts.errors++;
    else if (f.severity === 'warning') counts.warnings++;
    else counts.info++;
  }
  return counts;
}

// ---- JSON ---------------------------------------------------------------------------------------------------

export interface TaskJson {
  row: number;
  rows: [number, number];
  no: string;
  section: string | null;
  subsection: string | null;
  measure: string;
  deadline: { text: string; kind: DeadlineKind; due: string | null };
  lead: string[];
  responsible: string[];
  status: { text: string; state: string; doneOn: string | null } | null;
}

export interface FindingJson {
  severity: Severity;
  code: string;
  cell: string | null;
  row: number | null;
  message: string;
  suggestion: string | null;
}

export interface CheckJson {
  file: string;
  sheet: string;
  title: string | null;
  planYear: number;
  asOf: string;
  headerRow: number;
  columns: Record<keyof ColumnMap, string | null>;
  tasks: TaskJson[];
  findings: FindingJson[];
  counts: FindingCounts;
  /** Which directory the check used (as the text output and the pane say it) and its size. */
  directory: { source: DirectorySource; units: number; groups: number };
}

const COLUMN_ORDER: (keyof ColumnMap)[] = ['section', 'subsection', 'measure', 'deadline', 'lead', 'responsible', 'status', 'number'];

export function columnsJson(columns: ColumnMap): CheckJson['columns'] {
  const out = {} as CheckJson['columns'];
  for (const role of COLUMN_ORDER) {
    const col = columns[role];
    out[role] = typeof col === 'number' ? columnLetter(col) : null;
  }
  for (const role of ['explanation', 'doneDate'] as const) {
    const col = columns[role];
    if (typeof col === 'number') out[role] = columnLetter(col);
  }
  return out;
}

export function taskJson(task: Task): TaskJson {
  return {
    row: task.row,
    rows: task.rows,
    no: task.no,
    section: task.section,
    subsection: task.subsection,
    measure: task.measure,
    deadline: { text: task.deadline.text, kind: task.deadline.kind, due: task.deadline.due },
    lead: task.lead,
    responsible: task.responsible,
    status: task.status ? { text: task.status.text, state: task.status.state, doneOn: task.status.doneOn } : null,
  };
}

export function findingJson(f: Finding, lang: Lang): FindingJson {
  return { severity: f.severity, code: f.code, cell: f.cell, row: f.row, message: pick(f.message, lang), suggestion: f.suggestion };
}

/** The `check --format json` object; callers (highlight states, summary) add their fields to it. */
export function checkJson(result: CheckResult, context: { file: string; asOf: string; lang: Lang }): CheckJson {
  const a = result.analysis;
  return {
    file: context.file,
    sheet: a.sheet,
    title: a.title,
    planYear: a.planYear,
    asOf: context.asOf,
    headerRow: a.layout.headerRow,
    columns: columnsJson(a.layout.columns),
    tasks: a.tasks.map(taskJson),
    findings: a.findings.map((f) => findingJson(f, context.lang)),
    counts: countFindings(a),
    directory: { source: result.directorySource, units: result.directory.data.units.length, groups: result.directory.data.groups.length },
  };
}

// ---- text ---------------------------------------------------------------------------------------------------

const SEVERITY_HEADING: Record<Severity, LocalText> = {
  error: { zh: '错误', en: 'Errors' },
  warning: { zh: '警告', en: 'Warnings' },
  info: { zh: '提示', en: 'Notes' },
};

const ROLE_LABEL: Record<keyof ColumnMap, LocalText> = {
  section: { zh: '工作任务', en: 'section' },
  subsection: { zh: '小类', en: 'subsection' },
  measure: { zh: '举措', en: 'measure' },
  deadline: { zh: '完成时限', en: 'deadline' },
  lead: { zh: '牵头单位', en: 'lead' },
  responsible: { zh: '责任单位', en: 'responsible' },
  status: { zh: '完成情况', en: 'status' },
  number: { zh: '序号', en: 'number' },
  explanation: { zh: '进展说明', en: 'explanation' },
  doneDate: { zh: '完成日期', en: 'done date' },
};

const KIND_LABEL: Record<DeadlineKind, LocalText> = {
  date: { zh: '有明确日期', en: 'fixed date' },
  ongoing: { zh: '长期', en: 'ongoing' },
  timely: { zh: '及时公开', en: 'timely' },
  periodic: { zh: '定期', en: 'periodic' },
  unknown: { zh: '无法识别', en: 'not understood' },
  invalid: { zh: '无效日期', en: 'invalid' },
};

/** `共 54 项任务：错误 0 个，警告 1 个，提示 0 个` */
export function totalsLine(counts: FindingCounts, lang: Lang): string {
  return lang === 'en-US'
    ? `${countOf(counts.tasks, 'task')}: ${countOf(counts.errors, 'error')}, ${countOf(counts.warnings, 'warning')}, ${countOf(counts.info, 'note')}`
    : `共 ${counts.tasks} 项任务：错误 ${counts.errors} 个，警告 ${counts.warnings} 个，提示 ${counts.info} 个`;
}

/** Findings grouped by severity (errors first), each line led by its cell address; empty groups left out. */
export function findingsText(findings: Finding[], lang: Lang): string[] {
  const lines: string[] = [];
  for (const severity of ['error', 'warning', 'info'] as Severity[]) {
    const group = findings.filter((f) => f.severity === severity);
    if (!group.length) continue;
    const heading = pick(SEVERITY_HEADING[severity], lang);
    lines.push(lang === 'en-US' ? `${heading} (${group.length})` : `${heading}（${group.length}）`);
    for (const f of group) lines.push(`  ${pick(f.message, lang)}`);
    lines.push('');
  }
  return lines;
}

/** `列：工作任务 A · 小类 B · 举措 C · …` in the sheet's column order. */
function columnsLine(columns: ColumnMap, lang: Lang): string {
  const found: [number, string][] = [];
  for (const role of [...COLUMN_ORDER, 'explanation', 'doneDate'] as (keyof ColumnMap)[]) {
    const col = columns[role];
    if (typeof col === 'number') found.push([col, `${pick(ROLE_LABEL[role], lang)} ${columnLetter(col)}`]);
  }
  found.sort((a, b) => a[0] - b[0]);
  return (lang === 'en-US' ? 'Columns: ' : '列：') + found.map(([, label]) => label).join(' · ');
}

function deadlineKindsLine(tasks: Task[], hasColumn: boolean, lang: Lang): string {
  // Without the column every task would count as 无法识别: say what is really the matter.
  if (!hasColumn) return lang === 'en-US' ? 'Deadlines: no deadline column' : '完成时限：无完成时限列';
  const counts = new Map<DeadlineKind, number>();
  for (const t of tasks) counts.set(t.deadline.kind, (counts.get(t.deadline.kind) ?? 0) + 1);
  const parts = (Object.keys(KIND_LABEL) as DeadlineKind[])
    .filter((k) => counts.get(k))
    .map((k) => (lang === 'en-US' ? `${pick(KIND_LABEL[k], lang)} ${counts.get(k)}` : `${KIND_LABEL[k].zh} ${counts.get(k)} 项`));
  return (lang === 'en-US' ? 'Deadlines: ' : '完成时限：') + (parts.join(lang === 'en-US' ? ', ' : '，') || '—');
}

/** The whole text report of one check. */
/** Which directory the check used, as the pane says it too. */
const DIRECTORY_SOURCE: Record<DirectorySource, { zh: string; en: string }> = {
  option: { zh: '指定的单位名录文件', en: 'the directory file given' },
  workbook: { zh: '本工作簿的单位名录', en: 'this workbook’s 单位名录 sheet' },
  sheet: { zh: '表中出现的单位', en: 'the units found in the sheet' },
};

export function checkText(result: CheckResult, context: { file: string; lang: Lang }): string {
  const a = result.analysis;
  const lang = context.lang;
  const en = lang === 'en-US';
  const layout = a.layout;
  const lines: string[] = [];
  lines.push(a.title ?? (en ? '(no title)' : '（无标题）'));
  lines.push(
    en
      ? `File ${context.file} · sheet "${a.sheet}" · plan year ${a.planYear} · header row ${layout.headerRow} · data rows ${layout.firstDataRow}–${layout.lastDataRow}`
      : `文件 ${context.file} · 工作表“${a.sheet}” · 计划年度 ${a.planYear} 年 · 表头第 ${layout.headerRow} 行 · 数据第 ${layout.firstDataRow}—${layout.lastDataRow} 行`,
  );
  lines.push(columnsLine(layout.columns, lang));
  lines.push(deadlineKindsLine(a.tasks, layout.columns.deadline !== null, lang));
  const dir = result.directory.data;
  const source = DIRECTORY_SOURCE[result.directorySource];
  lines.push(
    en
      ? `Unit directory: ${source.en} (${countOf(dir.units.length, 'unit')}, ${countOf(dir.groups.length, 'group')})`
      : `单位名录：${source.zh}（${dir.units.length} 个单位、${dir.groups.length} 个单位组）`,
  );
  if (result.stateDamaged) {
    lines.push(en ? 'Note: the tool’s saved state in this workbook could not be read and is ignored.' : '注意：工作簿中本工具保存的状态无法读取，已忽略。');
  }
  lines.push('');
  const findingLines = findingsText(a.findings, lang);
  if (findingLines.length) lines.push(...findingLines);
  else lines.push(en ? 'No problems found.' : '未发现问题。', '');
  lines.push(totalsLine(countFindings(a), lang));
  return lines.join('\n') + '\n';
}
