/** `allocation summary` — write the 落实情况汇总 sheet (and print the annual-report paragraph) into a new file. */
import { DEFAULT_SUMMARY_SHEET_NAME } from '../../domain/summary-sheet';
import { runSummary } from '../../workflows/summary';
import type { CliContext, Command } from '../command';
import { parseSummaryArgs, READ_OPTIONS_HELP, SUMMARY_OPTIONS_HELP } from '../options';
import { summaryText } from '../output/summary-output';
import { describeWrite, OUTPUT_HELP, openForPatch, writeOutput } from '../output-file';
import { withProgress, withSheetProgress } from '../progress';

const HELP = `allocation summary <输入.xlsx> -o <输出.xlsx> [选项]
生成“${DEFAULT_SUMMARY_SHEET_NAME}”工作表：总体情况、分方面、牵头单位（逾期多的在前）、责任单位（“各部门”等按名录展开）、
按月份、逾期事项台账与临期事项、催办清单与通报、表格数据问题、分方面状态分布（数据条；堆积条形图仅在 Excel 加载项中生成），以及可直接用于政府信息公开工作年度报告的段落。
按 A4 横向排版，自带分页（续页重复表头），页脚有“第 X 页 共 Y 页”和统计截至日期，可直接打印。再次生成时只替换本工具此前生成的汇总表，绝不覆盖您自己的工作表；不改动任何单元格的值。
Writes the implementation-summary sheet (overview, by section, by lead unit with the most overdue first, by responsible
unit with groups expanded, by month, the ledger of overdue and due-soon tasks, data problems, states by section with
data bars, and the paragraph for the annual report), laid out to print on A4 landscape one page wide. Regenerating
replaces only the summary this tool made before, never a sheet of yours; no cell value is changed.

选项 / Options:
${OUTPUT_HELP}
${SUMMARY_OPTIONS_HELP}
${READ_OPTIONS_HELP}

退出码 / Exit codes: 0 已写入/written · 2 无法处理输入，未写入任何文件 / input unusable, nothing written

示例 / Example:
  allocation summary samples/liangjiang-2022-returns.xlsx -o 汇总.xlsx --as-of 2022-12-31`;

export const summaryCommand: Command = {
  name: 'summary',
  summary: { zh: '生成落实情况汇总表和年度报告段落', en: 'write the implementation summary sheet and report paragraph' },
  help: HELP,
  async run(argv: string[], ctx: CliContext): Promise<number> {
    const { target, options } = await parseSummaryArgs(argv, ctx, 'summary');
    const file = await openForPatch(target);
    // Read, the change, the save (and a read of an earlier summary it replaces, if any).
    const { result, written } = await withProgress(ctx.progress, ctx.lang, async (progress) => {
      const host = withSheetProgress(file, progress, 3);
      return { result: await runSummary(host, options), written: await writeOutput(host, target) };
    });
    ctx.out(summaryText(result, ctx.lang));
    ctx.out(describeWrite(written, ctx, ctx.lang));
    return 0;
  },
};
