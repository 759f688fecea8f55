/** `allocation highlight` — colour-code the task rows by state as of a date, into a new file (or in place). */
import { chineseDate } from '../../domain/dates';
import { pick } from '../../domain/i18n';
import { DEFAULT_SOON_DAYS, STATE_DESCRIPTIONS, STATE_NAMES } from '../../domain/row-state';
import { displayWidth } from '../../domain/text-metrics';
import { ROW_STATES } from '../../domain/types';
import { runHighlight, parseSoonDays, type HighlightResult } from '../../workflows/highlight';
import { parseArgs, stringOption, type OptionSpec, type ParsedArgs } from '../args';
import type { CliContext, Command } from '../command';
import { describeWrite, OUTPUT_HELP, OUTPUT_OPTIONS, openForPatch, resolveOutputTarget, writeOutput } from '../output-file';
import { inputFile, parseAsOf, READ_OPTIONS, READ_OPTIONS_HELP, readOptions } from './check';

/** The states in words, for --help: what each name means (colour is never the only signal). */
const STATES_HELP = ROW_STATES.map((s) => `  ${STATE_NAMES[s].zh}：${STATE_DESCRIPTIONS[s].zh} / ${STATE_NAMES[s].en}: ${STATE_DESCRIPTIONS[s].en}`).join('\n');

const HELP = `allocation highlight <输入.xlsx> -o <输出.xlsx> [选项]
按截至日期给任务行标色（红：逾期；黄：临期/滞后；绿：按期完成；浅橙：逾期完成；灰：长期/常态），
只改任务本身的单元格（从“举措”列到表格最后一列）的填充色和字体颜色，不改任何单元格的值。
标色前的原始颜色保存在工作簿中，可用 allocation clear 精确恢复；再次标色会按新日期重新着色；
手工改过颜色的单元格保留您的颜色。
Colour-code task rows by their state as of a date. Only fill and font colour of each task's own cells change,
never a value; the original colours are saved in the workbook so \`allocation clear\` restores them exactly.

选项 / Options:
${OUTPUT_HELP}
  --as-of YYYY-MM-DD  截至日期（默认今天） / judge states as of this date (default: today)
  --soon N            临期窗口：N 个工作日内到期（默认 ${DEFAULT_SOON_DAYS}，按国家法定节假日和调休计算） /
                      due-soon window in working days (default ${DEFAULT_SOON_DAYS}, official holidays and make-up days)
${READ_OPTIONS_HELP}

状态 / States:
${STATES_HELP}

退出码 / Exit codes: 0 已写入/written · 2 无法处理输入，未写入任何文件 / input unusable, nothing written`;

export function parseSoonOption(args: ParsedArgs): number | undefined {
  const raw = stringOption(args, 'soon');
  return raw === undefined ? undefined : parseSoonDays(raw);
}

/** The options of a command that judges a sheet as of a date and writes a changed copy (highlight, summary …). */
export const DATED_CHANGE_OPTIONS: OptionSpec[] = [...OUTPUT_OPTIONS, { name: 'as-of', value: true }, { name: 'soon', value: true }, ...READ_OPTIONS];

/** Every input of such a command, validated before the workbook is opened (bad input: nothing is read or written). */
export async function datedChangeInputs(args: ParsedArgs, ctx: CliContext, command: string) {
  const input = inputFile(args, ctx, command);
  return {
    target: resolveOutputTarget(ctx, input.given, args),
    asOf: parseAsOf(stringOption(args, 'as-of'), ctx.today),
    soonDays: parseSoonOption(args),
    ...(await readOptions(args, ctx)),
  };
}

/** Counts per state, one line each with the state's name, then what happened to the cells. */
export function formatHighlightResult(result: HighlightResult, ctx: CliContext): string {
  const en = ctx.lang === 'en-US';
  const lines = [
    en
      ? `Sheet "${result.sheet}", as of ${result.plan.asOf} (due soon = within ${result.plan.soonDays} working days): ${result.plan.tasks.length} tasks`
      : `工作表“${result.sheet}”，截至${chineseDate(result.plan.asOf)}（临期：${result.plan.soonDays} 个工作日内到期）：共 ${result.plan.tasks.length} 项任务`,
  ];
  const names = ROW_STATES.map((state) => pick(STATE_NAMES[state], ctx.lang));
  const width = Math.max(...names.map(displayWidth));
  ROW_STATES.forEach((state, i) => lines.push(`  ${names[i]}${' '.repeat(width - displayWidth(names[i]) + 2)}${result.counts[state]}`));
  lines.push(
    en
      ? `Coloured cells: ${result.colouredCells}; original colours put back: ${result.restoredCells}; cells kept with your own colour: ${result.userColouredCells}`
      : `已着色单元格 ${result.colouredCells} 个；恢复原色 ${result.restoredCells} 个；保留手工改色 ${result.userColouredCells} 个`,
  );
  for (const w of result.warnings) lines.push((en ? 'Warning: ' : '注意：') + pick(w, ctx.lang));
  return lines.join('\n') + '\n';
}

export const highlightCommand: Command = {
  name: 'highlight',
  summary: { zh: '按截至日期给任务行标色（逾期/临期/已完成…）', en: 'Colour-code task rows by state as of a date' },
  help: HELP,
  async run(argv: string[], ctx: CliContext): Promise<number> {
    const args = parseArgs(argv, DATED_CHANGE_OPTIONS);
    const { target, ...options } = await datedChangeInputs(args, ctx, 'highlight');
    const host = await openForPatch(target);
    const result = await runHighlight(host, { ...options, lang: ctx.lang });
    const written = await writeOutput(host, target);
    ctx.out(formatHighlightResult(result, ctx));
    ctx.out(describeWrite(written, ctx, ctx.lang));
    return 0;
  },
};
