/**
 * How the summary shows on the command line: the `"summary"` object of `check --format json` (the same
 * figures as the sheet) and the few lines `summary`, `report` and the demo print.
 */
import { chineseDate } from '../../domain/dates';
import { countOf, pick } from '../../domain/i18n';
import { percent, reportParagraph } from '../../domain/report-paragraph';
import { buildSummary, type StateCounts, type SummaryModel } from '../../domain/summary';
import type { Lang } from '../../domain/types';
import type { CheckResult } from '../../workflows/check';
import type { SummaryResult } from '../../workflows/summary';

export interface SummaryJson {
  asOf: string;
  soonDays: number;
  total: number;
  states: StateCounts;
  completed: number;
  /** completed / total, unrounded; null when there are no tasks. */
  completedShare: number | null;
  /** Tasks with a fixed due date on or before asOf, how many of them are done (incl. late), and the ratio. */
  dueCompletion: SummaryModel['dueCompletion'];
  sectionCount: number;
  subsectionCount: number;
  sections: SummaryModel['sections'];
  leadUnits: SummaryModel['leadUnits'];
  responsibleUnits: SummaryModel['responsibleUnits'];
  months: SummaryModel['months'];
  overdueUnits: SummaryModel['overdueUnits'];
  overdue: SummaryModel['overdue'];
  dueSoon: SummaryModel['dueSoon'];
  problems: {
    bySeverity: SummaryModel['problems']['bySeverity'];
    topCodes: { code: string; severity: string; count: number; example: string }[];
    distinctCodes: number;
  };
  /** The annual-report paragraph (zh-CN, whatever --lang says: it is text for the 年度报告). */
  paragraph: string;
}

export function summaryJson(model: SummaryModel, lang: Lang): SummaryJson {
  return {
    asOf: model.asOf,
    soonDays: model.soonDays,
    total: model.total,
    states: model.states,
    completed: model.completed,
    completedShare: model.completedShare,
    dueCompletion: model.dueCompletion,
    sectionCount: model.sectionCount,
    subsectionCount: model.subsectionCount,
    sections: model.sections,
    leadUnits: model.leadUnits,
    responsibleUnits: model.responsibleUnits,
    months: model.months,
    overdueUnits: model.overdueUnits,
    overdue: model.overdue,
    dueSoon: model.dueSoon,
    problems: {
      bySeverity: model.problems.bySeverity,
      topCodes: model.problems.topCodes.map((c) => ({ code: c.code, severity: c.severity, count: c.count, example: pick(c.example, lang) })),
      distinctCodes: model.problems.distinctCodes,
    },
    paragraph: reportParagraph(model),
  };
}

/** The headline figures, the sheet written, and the paragraph ready to paste into the report. */
export function summaryText(result: SummaryResult, lang: Lang): string {
  const m = result.model;
  const en = lang === 'en-US';
  const rate = (r: number | null) => (r === null ? '—' : `${percent(r)}%`);
  const lines = [
    en
      ? `Sheet "${result.sheet}", as of ${m.asOf}: ${countOf(m.total, 'task')}; completed ${m.completed} (${rate(m.completedShare)}); ` +
        `past their deadline ${m.dueCompletion.due}, of which completed ${m.dueCompletion.completed} (${rate(m.dueCompletion.rate)}); ` +
        `overdue ${m.states.overdue}; due soon ${m.states.due_soon}`
      : `工作表“${result.sheet}”，截至${chineseDate(m.asOf)}：共 ${m.total} 项任务；已完成 ${m.completed} 项（${rate(m.completedShare)}）；` +
        `已到完成时限 ${m.dueCompletion.due} 项，其中已完成 ${m.dueCompletion.completed} 项（${rate(m.dueCompletion.rate)}）；` +
        `逾期未完成 ${m.states.overdue} 项；临期 ${m.states.due_soon} 项`,
    result.replaced
      ? en
        ? `Summary sheet: "${result.sheetName}" (replaces the summary this tool made before)`
        : `汇总表：“${result.sheetName}”（替换了本工具此前生成的汇总表）`
      : en
        ? `Summary sheet: "${result.sheetName}"`
        : `汇总表：“${result.sheetName}”`,
  ];
  for (const w of result.warnings) lines.push((en ? 'Warning: ' : '注意：') + pick(w, lang));
  lines.push('', en ? 'Paragraph for the annual report (zh-CN):' : '年度报告参考段落：', result.paragraph);
  return lines.join('\n') + '\n';
}

/** The `"summary"` object of `check --format json`: the summary of the checked sheet with the same states. */
export function checkSummaryJson(result: CheckResult, asOf: string, soonDays: number, lang: Lang): SummaryJson {
  // generatedAt is not part of the JSON (it would make the output differ from run to run).
  return summaryJson(buildSummary(result.analysis, { asOf, soonDays, directory: result.directory, generatedAt: asOf }), lang);
}
