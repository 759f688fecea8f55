/**
 * The paragraph on the allocation's implementation for the 政府信息公开工作年度报告 (section 一 or 六), written
 * from the summary model so its numbers are exactly those of the summary sheet.
 *
 * It states only what the data shows; what the office does about late tasks (已建立工作台账…) is the clerk's
 * closing sentence, from the settings, and absent unless written there.
 *
 * It follows the report's usual form — 共X项任务，已完成X项，完成率X% — and never states an empty figure:
 * a clause whose count is 0 is left out rather than written as 0项 (the one exception is the explicit
 * 无逾期未完成事项, which is the statement a report wants when nothing is overdue).
 */
import { carriedSentence } from './carry-over';
import { chineseDate } from './dates';
import type { Lang } from './types';
import type { SummaryModel } from './summary';


const EN_MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

function englishDate(iso: string): string {
  return `${EN_MONTHS[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8, 10))}, ${Number(iso.slice(0, 4))}`;
}

/**
 * A ratio as a percentage with one decimal: 38/54 → '70.4'. Rounds half up on the decimal value (as
 * Excel's '0.0%' format shows it), not on the binary float, so the paragraph matches the sheet.
 */
export function percent(ratio: number): string {
  const tenths = Math.round(Number((ratio * 1000).toPrecision(12)));
  return (tenths / 10).toFixed(1);
}

/** The title as a document name: 《…》 added once, whatever the sheet wrote. */
function documentName(title: string): string {
  return `《${title.replace(/^《+|》+$/g, '').trim()}》`;
}

/** 经济运行局、市场监管局 for two or fewer; 经济运行局、市场监管局等3个单位 from three on. */
function zhUnitList(units: string[]): string {
  if (units.length <= 2) return units.join('、');
  return `${units.slice(0, 2).join('、')}等${units.length}个单位`;
}

function zhParagraph(m: SummaryModel): string {
  const source = m.title ? `对照${documentName(m.title)}，` : '';
  if (m.total === 0) return `${source}截至${chineseDate(m.asOf)}，表中未列出任务事项。`;

  const scope = `${m.sectionCount ? `${m.sectionCount}个方面` : ''}${m.subsectionCount ? `${m.subsectionCount}类` : ''}`;
  const opening = m.title
    ? `${source}全年共部署${scope}${m.total}项重点任务。`
    : `${m.planYear}年共部署${scope}${m.total}项重点任务。`;

  const s = m.states;
  const clauses: string[] = [];
  if (m.completed > 0) {
    const late = s.done_late ? `（其中逾期完成${s.done_late}项）` : '';
    clauses.push(`已完成${m.completed}项${late}，完成率${percent(m.completed / m.total)}%`);
  }
  const due = m.dueCompletion;
  // Only when it says something the overall rate does not: some measures are not yet due or have no date.
  if (due.completed > 0 && due.due !== m.total && due.rate !== null) {
    clauses.push(`已到完成时限的${due.due}项任务中完成${due.completed}项，到期完成率${percent(due.rate)}%`);
  }
  const progressing = [
    s.on_track ? `${s.on_track}项按序时推进` : '',
    s.behind ? `${s.behind}项进度滞后` : '',
    s.due_soon ? `${s.due_soon}项临近完成时限` : '',
  ].filter(Boolean);
  if (progressing.length) clauses.push(progressing.join('，'));
  if (s.ongoing) clauses.push(`长期开展事项${s.ongoing}项持续推进`);
  if (s.unknown) clauses.push(`${s.unknown}项完成时限待明确`);
  if (s.overdue) {
    const units = m.overdueUnits.map((u) => u.unit);
    const involved = units.length ? `，涉及${zhUnitList(units)}` : '';
    clauses.push(`逾期未完成${s.overdue}项${involved}`);
  } else {
    clauses.push('无逾期未完成事项');
  }
  const carried = m.carryOver ? carriedSentence(m.carryOver).zh : '';
  return `${opening}截至${chineseDate(m.asOf)}，${clauses.join('；')}。${carried}${closingSentence(m.reportClosing, '。')}`;
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

function enUnitList(units: string[]): string {
  if (units.length <= 2) return units.join(' and ');
  const others = units.length - 2;
  return `${units.slice(0, 2).join(', ')} and ${count(others, 'other unit')}`;
}

function enParagraph(m: SummaryModel): string {
  const source = m.title ? `Against the ${m.title.replace(/^《+|》+$/g, '')}, ` : '';
  if (m.total === 0) return `${source}as of ${englishDate(m.asOf)} the sheet lists no tasks.`.replace(/^a/, 'A');

  const scopeParts = [
    m.sectionCount ? count(m.sectionCount, 'area') : '',
    m.subsectionCount ? count(m.subsectionCount, 'category', 'categories') : '',
  ].filter(Boolean);
  const scope = scopeParts.length ? ` in ${scopeParts.join(' and ')}` : '';
  const year = m.title ? 'the year' : String(m.planYear);
  const opening = `${source}${count(m.total, 'key task')} ${m.total === 1 ? 'was' : 'were'} assigned for ${year}${scope}.`;

  const s = m.states;
  const clauses: string[] = [];
  if (m.completed > 0) {
    const late = s.done_late ? `, ${s.done_late} of them late` : '';
    clauses.push(`${m.completed} completed (completion rate ${percent(m.completed / m.total)}%${late})`);
  }
  const due = m.dueCompletion;
  if (due.completed > 0 && due.due !== m.total && due.rate !== null) {
    clauses.push(`of the ${count(due.due, 'task')} past their deadline, ${due.completed} completed (${percent(due.rate)}%)`);
  }
  if (s.on_track) clauses.push(`${s.on_track} on schedule`);
  if (s.behind) clauses.push(`${s.behind} behind schedule`);
  if (s.due_soon) clauses.push(`${s.due_soon} close to the deadline`);
  if (s.ongoing) clauses.push(`${count(s.ongoing, 'long-term task')} being carried out continuously`);
  if (s.unknown) clauses.push(`${s.unknown} without a clear deadline yet`);
  if (s.overdue) {
    const units = m.overdueUnits.map((u) => u.unit);
    const involved = units.length ? `, involving ${enUnitList(units)}` : '';
    clauses.push(`${s.overdue} overdue and not completed${involved}`);
  } else {
    clauses.push('none overdue');
  }
  const carried = m.carryOver ? ` ${carriedSentence(m.carryOver).en}` : '';
  const sentence = `As of ${englishDate(m.asOf)}: ${clauses.join('; ')}.${carried}`;
  const closing = m.reportClosing ? ` ${closingSentence(m.reportClosing, '.')}` : '';
  return `${opening.charAt(0).toUpperCase()}${opening.slice(1)} ${sentence}${closing}`;
}

/** The clerk's closing sentence as written, ended with a full stop when it has none; '' when there is none. */
function closingSentence(closing: string | null, stop: string): string {
  if (!closing) return '';
  return /[。.！!？?]$/.test(closing) ? closing : `${closing}${stop}`;
}

/** The paragraph for the annual report: zh-CN for the report itself, en-US for the pane's en-US users. */
export function reportParagraph(model: SummaryModel, lang: Lang = 'zh-CN'): string {
  return lang === 'en-US' ? enParagraph(model) : zhParagraph(model);
}
