/**
 * `allocation check <file.xlsx>` — read a 任务分工 sheet and report, cell by cell, what is wrong with it.
 * Exit 0: no errors · 1: errors found · 2: the input could not be used.
 */
import { runCheck, type CheckResult } from '../../workflows/check';
import { parseArgs, stringOption, type OptionSpec, type ParsedArgs } from '../args';
import type { CliContext, Command } from '../command';
import { DATE_FORMS_HELP, inputFile, parseAsOf, parseFormat, READ_OPTIONS, READ_OPTIONS_HELP, readOptions } from '../options';
import { checkJson, checkText, countFindings } from '../output/check-output';
import { checkSummaryJson } from '../output/summary-output';
import { withRowStates } from '../output/states-json';
import { PackageFile } from '../package-file';
import { withProgress, withSheetProgress } from '../progress';

const CHECK_OPTIONS: OptionSpec[] = [...READ_OPTIONS, { name: 'as-of', value: true }, { name: 'format', value: true }];

const HELP = `allocation check <文件.xlsx> [选项]
allocation check <file.xlsx> [options]

检查任务分工表：找到表头和各列，读出每项任务（举措、完成时限、牵头单位、责任单位、完成情况），
并逐个单元格指出问题：缺少牵头单位或责任单位、名录中没有的单位（未指定名录时：同一单位的不同写法、
误填入单位栏的文字）、重复的单位、无法识别或无效的完成时限、超出计划年度的时限、编号不连续或重复、
空白举措、无法识别的完成情况、错误值单元格等。
Reads a task-allocation sheet (header, columns, every task) and reports, cell by cell, what is wrong:
missing lead or responsible units, units not in the directory (with no directory: one unit spelt two
ways, other text in a unit cell), duplicates, deadlines not understood or invalid or outside the plan
year, numbering gaps and repeats, empty measures, unrecognised statuses, error cells.

选项 / Options:
${READ_OPTIONS_HELP}
  --as-of 日期        以哪一天为准（默认：今天；写入 JSON 的 asOf）/ the date the check is as of (default: today)
${DATE_FORMS_HELP}
  --format text|json  输出格式（默认 text）/ output format (default text)
  -h, --help          显示本帮助 / show this help

输出 / Output:
  text  按严重程度（错误 / 警告 / 提示）分组列出问题及单元格地址，最后一行为合计。
        findings grouped by severity with their cell addresses, then one totals line.
  json  {file, sheet, title, planYear, asOf, headerRow, columns, tasks[], findings[], counts, …,
         summary}：summary 为落实情况汇总的全部数字（与 allocation summary 生成的汇总表一致）及年度报告段落 /
         summary holds every figure of the summary sheet (as allocation summary writes it) and the report paragraph

退出码 / Exit codes:
  0  没有错误（可能有警告或提示）/ no errors (there may be warnings or notes)
  1  发现错误 / errors found
  2  无法读取输入（文件不存在、不是 .xlsx、找不到表头等）/ the input could not be used

示例 / Example:
  allocation check samples/liangjiang-2022.xlsx
  allocation check 任务分工.xlsx --sheet Sheet1 --year 2023 --format json
`;

/** Opens the input and runs the check with the options every reading command shares. */
async function checkFromArgs(args: ParsedArgs, ctx: CliContext, command: string): Promise<{ file: string; result: CheckResult }> {
  const file = inputFile(args, ctx, command);
  const read = await readOptions(args, ctx);
  const host = await PackageFile.open(file.absolute);
  // "This year" (the last-resort plan year) follows the CLI's today, so ALLOCATION_TODAY and tests pin it too.
  const currentYear = Number(ctx.today.slice(0, 4));
  const result = await withProgress(ctx.progress, ctx.lang, (progress) => runCheck(withSheetProgress(host, progress, 1), { ...read, currentYear }));
  return { file: file.given, result };
}

export const checkCommand: Command = {
  name: 'check',
  summary: { zh: '检查任务分工表，逐个单元格指出问题', en: 'check a task-allocation sheet cell by cell' },
  help: HELP,
  async run(argv, ctx) {
    const args = parseArgs(argv, CHECK_OPTIONS);
    const format = parseFormat(stringOption(args, 'format'));
    const asOf = parseAsOf(stringOption(args, 'as-of'), ctx.today);
    const { file, result } = await checkFromArgs(args, ctx, 'check');
    if (format === 'json') {
      const json = withRowStates(checkJson(result, { file, asOf, lang: ctx.lang }), result, asOf);
      ctx.out(JSON.stringify({ ...json, summary: checkSummaryJson(result, asOf, json.soonDays, ctx.lang) }, null, 2) + '\n');
    } else ctx.out(checkText(result, { file, lang: ctx.lang }));
    return countFindings(result.analysis).errors > 0 ? 1 : 0;
  },
};
