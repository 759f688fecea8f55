/**
 * `allocation check <file.xlsx>` — read a 任务分工 sheet and report, cell by cell, what is wrong with it.
 * Exit 0: no errors · 1: errors found · 2: the input could not be used.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseTypedDate } from '../../domain/dates';
import { UserFacingError } from '../../domain/errors';
import { directoryFromCsv, directoryFromGrid, directoryFromJson, UNIT_DIRECTORY_SHEET, UnitDirectory } from '../../domain/units';
import { PackageFile } from '../package-file';
import { runCheck, type CheckResult } from '../../workflows/check';
import { parseArgs, stringOption, type OptionSpec, type ParsedArgs } from '../args';
import type { CliContext, Command } from '../command';
import { checkJson, checkText, countFindings } from '../format';
import { withRowStates } from '../states-json';
import { checkSummaryJson } from '../summary-output';

/** The options every command that reads a sheet shares (check, highlight, summary …); READ_OPTIONS_HELP describes them. */
export const READ_OPTIONS: OptionSpec[] = [
  { name: 'sheet', value: true },
  { name: 'year', value: true },
  { name: 'units', value: true },
  { name: 'lang', value: true },
];

const CHECK_OPTIONS: OptionSpec[] = [...READ_OPTIONS, { name: 'as-of', value: true }, { name: 'format', value: true }];

/** Help lines for the options every command that reads a sheet shares (check, highlight, summary …). */
export const READ_OPTIONS_HELP = [
  '  --sheet NAME        要检查的工作表（默认：第一个可见工作表）/ sheet to read (default: the first visible one)',
  '  --year YYYY         计划年度（默认：取自标题，如“2022年”，否则取完成时限中最常见的年份）/',
  '                      plan year (default: from the title, e.g. 2022年, else the commonest year in the deadlines)',
  '  --units FILE        单位名录：.json、.csv，或含“单位名录”工作表的 .xlsx（默认：工作簿自带的“单位名录”表，',
  '                      否则以表中出现的单位为名录）/ unit directory: .json, .csv, or an .xlsx with a 单位名录 sheet',
  '                      (default: the workbook’s own 单位名录 sheet, else the units the sheet names)',
  '  --lang zh-CN|en-US  输出语言（默认 zh-CN，或环境变量 ALLOCATION_LANG）/ output language (default zh-CN)',
].join('\n');

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
  --as-of YYYY-MM-DD  以哪一天为准（默认：今天；写入 JSON 的 asOf）/ the date the check is as of (default: today)
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

export function parseYear(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const year = Number(raw);
  if (!/^\d{4}$/.test(raw.trim()) || year < 1990 || year > 2100) {
    throw new UserFacingError('cli.bad_year', {
      zh: `--year 应为四位年份（如 2022），而不是“${raw}”`,
      en: `--year must be a four-digit year such as 2022, not "${raw}"`,
    });
  }
  return year;
}

export function parseAsOf(raw: string | undefined, today: string): string {
  if (raw === undefined) return today;
  const iso = parseTypedDate(raw);
  if (iso === null) {
    throw new UserFacingError('cli.bad_date', {
      zh: `--as-of 应为一个日期（如 2022-09-15、2022/9/15 或 2022年9月15日），而不是“${raw}”`,
      en: `--as-of must be a date (e.g. 2022-09-15, 2022/9/15 or 2022年9月15日), not "${raw}"`,
    });
  }
  return iso;
}

export function parseFormat(raw: string | undefined): 'text' | 'json' {
  if (raw === undefined || raw === 'text' || raw === 'json') return raw ?? 'text';
  throw new UserFacingError('cli.bad_format', {
    zh: `--format 只能是 text 或 json，而不是“${raw}”`,
    en: `--format must be text or json, not "${raw}"`,
  });
}

/** The one input workbook of a command: given, existing, a file. */
export function inputFile(args: ParsedArgs, ctx: CliContext, command: string): { given: string; absolute: string } {
  if (args.positionals.length !== 1) {
    throw new UserFacingError('cli.missing_file', {
      zh: args.positionals.length
        ? `只能指定一个输入文件（收到 ${args.positionals.length} 个）。用法：allocation ${command} <文件.xlsx>`
        : `请指定要处理的 .xlsx 文件。用法：allocation ${command} <文件.xlsx>`,
      en: args.positionals.length
        ? `Give exactly one input file (got ${args.positionals.length}). Usage: allocation ${command} <file.xlsx>`
        : `Name the .xlsx file to work on. Usage: allocation ${command} <file.xlsx>`,
    });
  }
  const given = args.positionals[0];
  const absolute = path.resolve(ctx.cwd, given);
  assertReadableFile(absolute, given);
  return { given, absolute };
}

function assertReadableFile(absolute: string, given: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolute);
  } catch {
    throw new UserFacingError('cli.file_not_found', { zh: `找不到文件：${given}`, en: `File not found: ${given}` });
  }
  if (!stat.isFile()) {
    throw new UserFacingError('cli.not_a_file', { zh: `“${given}”不是文件`, en: `"${given}" is not a file` });
  }
}

/** `--units FILE`: a .json or .csv directory, or an .xlsx workbook with a 单位名录 sheet. */
export async function loadUnitsOption(args: ParsedArgs, ctx: CliContext): Promise<UnitDirectory | undefined> {
  const given = stringOption(args, 'units');
  if (given === undefined) return undefined;
  const absolute = path.resolve(ctx.cwd, given);
  assertReadableFile(absolute, given);
  const ext = path.extname(absolute).toLowerCase();
  if (ext === '.json') return new UnitDirectory(directoryFromJson(fs.readFileSync(absolute, 'utf8')));
  if (ext === '.csv' || ext === '.txt') return new UnitDirectory(directoryFromCsv(fs.readFileSync(absolute, 'utf8')));
  if (ext === '.xlsx' || ext === '.xlsm') {
    const host = await PackageFile.open(absolute);
    const snapshot = await host.read({ sheet: UNIT_DIRECTORY_SHEET });
    if (!snapshot.grid) {
      throw new UserFacingError('cli.units_no_sheet', {
        zh: `--units 指定的工作簿“${given}”中没有名为“${UNIT_DIRECTORY_SHEET}”的工作表`,
        en: `The workbook "${given}" given to --units has no sheet named ${UNIT_DIRECTORY_SHEET}`,
      });
    }
    return new UnitDirectory(directoryFromGrid(snapshot.grid));
  }
  throw new UserFacingError('cli.units_format', {
    zh: `--units 只接受 .json、.csv 或 .xlsx 文件，而不是“${given}”`,
    en: `--units takes a .json, .csv or .xlsx file, not "${given}"`,
  });
}

/** The READ_OPTIONS' values, validated (and the --units file read) before the workbook is opened. */
export async function readOptions(args: ParsedArgs, ctx: CliContext): Promise<{ sheet?: string; planYear?: number; directory?: UnitDirectory }> {
  return { sheet: stringOption(args, 'sheet'), planYear: parseYear(stringOption(args, 'year')), directory: await loadUnitsOption(args, ctx) };
}

/** Opens the input and runs the check with the options every reading command shares. */
async function checkFromArgs(args: ParsedArgs, ctx: CliContext, command: string): Promise<{ file: string; result: CheckResult }> {
  const file = inputFile(args, ctx, command);
  const read = await readOptions(args, ctx);
  const host = await PackageFile.open(file.absolute);
  // "This year" (the last-resort plan year) follows the CLI's today, so ALLOCATION_TODAY and tests pin it too.
  const currentYear = Number(ctx.today.slice(0, 4));
  const result = await runCheck(host, { ...read, currentYear });
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
