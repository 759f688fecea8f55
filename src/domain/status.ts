/**
 * 完成情况 cells (what departments write back) → {@link Status}.
 *
 * Departments answer in their own words, so the text is read by the words that carry the meaning, in this
 * order (the first that applies decides):
 *  1. Not-done phrases are taken out first: 未完成, 尚未完成, 未办结, 没有完成 … never count as done, and
 *     neither do partial ones (基本完成, 部分完成, 完成60%) or plans (计划9月底完成, 争取年底前办结).
 *     So are stages of the measure: 已完成设计, 已完成招标, 已完成初稿, 已完成前期调研, 设计已完成 say the design
 *     (the tender, the draft, the groundwork) is done, not the measure — in progress. Only words that always
 *     name a stage count; any other object (已完成年报编制, 已完成调研报告) may be the measure itself (step 6).
 *  2. `done` — a done word ending a clause: 已完成, 完成, 提前完成, 已办结, 办结销号, 已办理完毕, 已整改, 已落实,
 *     已于7月20日完成, 7.20完成, 已完成，并于7月20日在门户网站公开. Unless something was not done (一期已完成，
 *     二期未完成; 一项已完成，一项未启动 → in progress), this beats the words below: 因故滞后，现已完成 is done.
 *  3. `behind` — 未整改到位, 整改不到位, 欠进度, 慢序时, 进度滞后, 严重滞后, 未达到序时进度, 推进缓慢, 逾期, 未按期完成 ….
 *  4. `not_started` — 未启动, 暂未开启, 未开展, 尚未启动, 未开工, 无法开工, 仍未承接, 开工尚无时间表, 未整改 ….
 *  5. `in_progress` — 仍在施工, 已基本整改到位, 部分整改, 持续整改, 序时推进, 正按序时推进, 正在推进, 正在办理, 推进中, 进行中, 持续推进, 达进度, 超进度, and
 *     the not-done, partial and stage phrases of step 1. A bare 未完成 says "not finished", nothing more: it is
 *     in progress, not behind — whether it is late is the deadline's business (the row turns overdue when the
 *     date passes), and calling every 未完成 "behind" would paint on-schedule tasks yellow.
 *  6. `done` — a done word inside a clause (已完成年报编制), when nothing above applied.
 *  7. Anything else non-blank is `unknown` with `recognised: false`: the engine warns, it never guesses.
 *
 * `doneOn` is the completion date written in a done status (the last full date not followed by 前/起), in the
 * plan year unless a year is written; else null.
 */
import { compactDateText, scanDates } from './date-text';
import { cellText } from './text';
import type { CellValue, ProgressState, Status } from './types';

/**
 * Standard words per state, most common first — for a dropdown (data validation) in the 完成情况 column.
 * Every word parses back to its own state.
 */
export const STATUS_WORDS: Record<ProgressState, string[]> = {
  done: ['已完成', '提前完成', '已办结', '办结销号', '已办理完毕'],
  in_progress: ['序时推进', '正在推进', '正在办理', '持续推进', '超进度'],
  behind: ['进度滞后', '欠进度', '慢序时', '严重滞后', '推进缓慢'],
  not_started: ['未启动', '暂未开启', '未开展'],
  unknown: [],
};

/** The dropdown list: one word per state first (已完成, 序时推进, 进度滞后, 未启动), then the rest. */
export const STATUS_CHOICES: readonly string[] = (() => {
  const states: ProgressState[] = ['done', 'in_progress', 'behind', 'not_started'];
  const leaders = states.map((s) => STATUS_WORDS[s][0]);
  const rest = states.flatMap((s) => STATUS_WORDS[s].slice(1));
  return [...leaders, ...rest];
})();

/** 已整改 and 已落实 (审计整改 reports count 已整改 / 持续整改 / 未整改 items) are results; 整改中 and 落实中 are not. */
const DONE_VERB = '(?:完成|办结|办理完毕|完毕|落实到位|整改到位|销号|已(?:整改|落实)(?!中))';
/** 未完成, 尚未完成, 没有完成, 未能按期完成, 未全部办结, 未整改完成 … */
const NEGATED_DONE = new RegExp(`(?:尚|仍|还|均)?(?:未|没有|没|未能|不能|无法)(?:按期|按时|如期|全部|全面|能)?(?:整改)?${DONE_VERB}`, 'g');
/** 计划9月底完成, 预计下月办结, 争取年底前完成: a plan, not a result. */
const PLANNED_DONE = new RegExp(`(?:计划|拟|预计|将|争取|力争|确保|准备|有望)[^,;，；。]{0,16}?${DONE_VERB}`, 'g');
/** 基本完成, 部分完成, 初步完成, and any percentage below 100. */
const PARTIAL_DONE_SOURCE = '(?:基本|部分|大部分|初步)(?:已)?(?:完成|办结|整改到位|到位|整改)|(?:^|[^\\d.])[1-9]?\\d(?:\\.\\d+)?%';
const PARTIAL_DONE = new RegExp(PARTIAL_DONE_SOURCE, 'g');
const HAS_PARTIAL_DONE = new RegExp(PARTIAL_DONE_SOURCE);
/** Objects that name a stage of a measure, never the whole of one. */
const STAGE = '(?:(?:方案|初步|施工图|规划|工程)?设计|(?:公开)?招(?:投)?标|初稿|草稿|征求意见|送审稿|前期|立项|可研|可行性研究|选址|摸底|初步|阶段性|第一阶段|一期|首期|首批|第一批)';
/** 已完成设计, 完成前期工作 (a stage as the object) and 设计已完成, 前期调研均已完成 (a stage as the subject). */
const STAGE_DONE = new RegExp(`完成(?:了)?${STAGE}|${STAGE}(?:调研|准备|手续|工作|任务|阶段|环节)?(?:已经?|均已|已全部)完成`, 'g');
/** A done word that ends its clause (or the cell). */
const DONE_AT_CLAUSE_END = new RegExp(`${DONE_VERB}(?:了)?(?:$|[,;，；。!！)）])`);
const DONE_ANYWHERE = new RegExp(DONE_VERB);
const BEHIND = /(?:未|没有|尚未|仍未)整改到位|整改不到位|整改不力|欠进度|慢序时|滞后|未达到?序时|未达进度|缓慢|落后|延期|逾期|延迟|延误|进度慢|拖延|(?:未|没有|未能|不能|无法)(?:按期|按时|如期)/;
const NOT_STARTED = /(?:未|尚未|暂未|还未|没有|暂无|仍未|无法)(?:启动|开启|开展|开始|实施|动工|开工|承接|整改(?!到位|完成|完毕|销号))|尚无时间表|暂无时间表/;
const IN_PROGRESS = /施工|整改中|持续整改|建设中|序时|推进|正在|进行中|办理中|实施中|落实中|开展中|已启动|已开展|已开始|按计划|有序|稳步|达进度|超进度/;
const NOT_DONE_MARK = '¬';
const STAGE_DONE_MARK = '§';

function classify(compact: string): ProgressState {
  let notDone = false;
  let stageDone = false;
  let s = compact;
  if (DONE_ANYWHERE.test(s)) {
    // A stage done is not "something not done": 已完成设计，现已全部完成 is still done as a whole.
    const withoutStages = s.replace(STAGE_DONE, STAGE_DONE_MARK);
    stageDone = withoutStages !== s;
    const stripped = withoutStages
      .replace(NEGATED_DONE, NOT_DONE_MARK)
      .replace(PLANNED_DONE, NOT_DONE_MARK)
      .replace(PARTIAL_DONE, NOT_DONE_MARK);
    notDone = stripped !== withoutStages;
    s = stripped;
  } else {
    notDone = HAS_PARTIAL_DONE.test(s);
  }
  const notStarted = NOT_STARTED.test(compact);
  // 第一项已完成，第二项未启动: part done, part not started — in progress as a whole.
  if (!notDone && DONE_AT_CLAUSE_END.test(s)) return notStarted ? 'in_progress' : 'done';
  // Read on the original text: 未按期完成 is a not-done phrase and also says "late".
  if (BEHIND.test(compact)) return 'behind';
  if (notStarted) return 'not_started';
  if (notDone || stageDone || IN_PROGRESS.test(s)) return 'in_progress';
  if (DONE_ANYWHERE.test(s)) return 'done';
  return 'unknown';
}

/** The completion date written in a done status: the last full date that is not a limit (前) or a start (起). */
function completionDate(compact: string, planYear: number): string | null {
  const mentions = scanDates(compact, planYear);
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i];
    if (m.precision === 'day' && m.due !== null && !m.before && !m.isStart) return m.due;
  }
  return null;
}

/**
 * Parses one 完成情况 cell. Blank → `unknown`, recognised. Never throws. Only text is read: a number, date or
 * error in a status cell is not a status word, so it is `unknown` and not recognised.
 */
export function parseStatus(value: CellValue, planYear: number): Status {
  const text = cellText(value);
  if (text === '') return { text: '', state: 'unknown', doneOn: null, recognised: true };
  if (typeof value !== 'string') return { text, state: 'unknown', doneOn: null, recognised: false };
  const compact = compactDateText(text);
  const state = classify(compact);
  return {
    text,
    state,
    doneOn: state === 'done' ? completionDate(compact, planYear) : null,
    recognised: state !== 'unknown',
  };
}
