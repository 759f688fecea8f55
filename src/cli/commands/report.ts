/** `allocation report` — colour-code the rows AND write the summary sheet, in one go, into a new file. */
import { runReport } from '../../workflows/report';
import type { CliContext, Command } from '../command';
import { describeWrite, OUTPUT_HELP, openForPatch, writeOutput } from '../output-file';
import { withProgress, withSheetProgress } from '../progress';
import { parseSummaryArgs, READ_OPTIONS_HELP, SUMMARY_OPTIONS_HELP } from '../options';
import { formatHighlightResult } from '../output/highlight-output';
import { summaryText } from '../output/summary-output';

const HELP = `allocation report <输入.xlsx> -o <输出.xlsx> [选项]
一次完成 highlight（按截至日期给任务行标色）和 summary（生成落实情况汇总表与年度报告段落），两者使用同一个截至日期，
数字一致。只改颜色、新增汇总表，不改动任何单元格的值；原始颜色保存在工作簿中，可用 allocation clear 恢复。
Does highlight (colour-code task rows as of a date) and summary (the implementation summary sheet and the
annual-report paragraph) in one go, with the same as-of date and the same figures. Only colours change and
the summary sheet is added; no value is changed, and \`allocation clear\` restores the original colours.

选项 / Options:
${OUTPUT_HELP}
${SUMMARY_OPTIONS_HELP}
${READ_OPTIONS_HELP}

退出码 / Exit codes: 0 已写入/written · 2 无法处理输入，未写入任何文件 / input unusable, nothing written

示例 / Example:
  allocation report samples/liangjiang-2022-returns.xlsx -o 报告.xlsx --as-of 2022-12-31`;

export const reportCommand: Command = {
  name: 'report',
  summary: { zh: '一次完成标色和落实情况汇总', en: 'colour-code and summarise in one go' },
  help: HELP,
  async run(argv: string[], ctx: CliContext): Promise<number> {
    const { target, options } = await parseSummaryArgs(argv, ctx, 'report');
    const file = await openForPatch(target);
    // Read, the original colours, the change, the save (as highlight; report writes both in one apply).
    const { result, written } = await withProgress(ctx.progress, ctx.lang, async (progress) => {
      const host = withSheetProgress(file, progress, 4);
      return { result: await runReport(host, options), written: await writeOutput(host, target) };
    });
    ctx.out(formatHighlightResult(result.highlight, ctx.lang));
    ctx.out(summaryText(result.summary, ctx.lang));
    ctx.out(describeWrite(written, ctx, ctx.lang));
    return 0;
  },
};
