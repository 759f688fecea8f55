/** `allocation highlight` — colour-code the task rows by state as of a date, into a new file (or in place). */
import { DEFAULT_SOON_DAYS, STATE_DESCRIPTIONS, STATE_NAMES } from '../../domain/row-state';
import { ROW_STATES } from '../../domain/types';
import type { Lang } from '../../domain/types';
import type { WorkbookHost } from '../../ports/workbook-host';
import { runHighlight, type HighlightOptions } from '../../workflows/highlight';
import { parseArgs } from '../args';
import type { CliContext, Command } from '../command';
import { DATE_FORMS_HELP, DATED_CHANGE_OPTIONS, datedChangeInputs, READ_OPTIONS_HELP } from '../options';
import { formatHighlightResult } from '../output/highlight-output';
import { describeWrite, OUTPUT_HELP, openForPatch, writeOutput } from '../output-file';
import { withProgress, withSheetProgress } from '../progress';

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
  --as-of 日期        截至日期（默认今天） / judge states as of this date (default: today)
${DATE_FORMS_HELP}
  --soon N            临期窗口：N 个工作日内到期（默认 ${DEFAULT_SOON_DAYS}，按国家法定节假日和调休计算） /
                      due-soon window in working days (default ${DEFAULT_SOON_DAYS}, official holidays and make-up days)
${READ_OPTIONS_HELP}

状态 / States:
${STATES_HELP}

退出码 / Exit codes: 0 已写入/written · 2 无法处理输入，未写入任何文件 / input unusable, nothing written`;

/**
 * Highlights and puts the result in words, in a frame of its own that ends before the save: the result's check
 * (the grid, the analysis: some 80 MB at 100 000 rows) is then not kept alive through the save.
 */
async function highlightInWords(host: WorkbookHost, options: HighlightOptions, lang: Lang): Promise<string> {
  return formatHighlightResult(await runHighlight(host, options), lang);
}

export const highlightCommand: Command = {
  name: 'highlight',
  summary: { zh: '按截至日期给任务行标色（逾期/临期/已完成…）', en: 'Colour-code task rows by state as of a date' },
  help: HELP,
  async run(argv: string[], ctx: CliContext): Promise<number> {
    const args = parseArgs(argv, DATED_CHANGE_OPTIONS);
    const { target, ...options } = await datedChangeInputs(args, ctx, 'highlight');
    const file = await openForPatch(target);
    // Read, the original colours, the change, the save.
    const { shown, written } = await withProgress(ctx.progress, ctx.lang, async (progress) => {
      const host = withSheetProgress(file, progress, 4);
      const words = await highlightInWords(host, { ...options, lang: ctx.lang }, ctx.lang);
      return { shown: words, written: await writeOutput(host, target) };
    });
    ctx.out(shown);
    ctx.out(describeWrite(written, ctx, ctx.lang));
    return 0;
  },
};
