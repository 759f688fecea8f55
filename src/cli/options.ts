/**
 * The options the commands share, their help lines and their validation: what a command that reads a sheet,
 * judges it as of a date, or writes a summary takes. Each command adds its own on top; no command imports another.
 */
import * as fs from 'fs';
import * as path from 'path';
import { localDateTime, parseTypedDate } from '../domain/dates';
import { UserFacingError } from '../domain/errors';
import { DEFAULT_SOON_DAYS } from '../domain/row-state';
import { DEFAULT_SUMMARY_SHEET_NAME } from '../domain/summary-sheet';
import { directoryFromCsv, directoryFromGrid, directoryFromJson, UNIT_DIRECTORY_SHEET, UnitDirectory } from '../domain/units';
import { isPlanYearText, PLAN_YEAR_TAKES } from '../domain/workbook-state';
import { parseSoonDays } from '../workflows/highlight';
import type { SummaryOptions } from '../workflows/summary';
import { parseArgs, stringOption, type OptionSpec, type ParsedArgs } from './args';
import type { CliContext } from './command';
import { OUTPUT_OPTIONS, resolveOutputTarget, type OutputTarget } from './output-file';
import { PackageFile } from './package-file';

/** The options every command that reads a sheet shares (check, highlight, summary …); READ_OPTIONS_HELP describes them. */
export const READ_OPTIONS: OptionSpec[] = [
  { name: 'sheet', value: true },
  { name: 'year', value: true },
  { name: 'units', value: true },
  { name: 'lang', value: true },
];

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

/** Every value of a repeatable option, in the order given (none: empty). */
export function listOption(args: ParsedArgs, name: string): string[] {
  const v = args.options[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

export function parseYear(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!isPlanYearText(raw.trim())) {
    throw new UserFacingError('cli.bad_year', {
      zh: `--year 应为${PLAN_YEAR_TAKES.zh}（如 2022），而不是“${raw}”`,
      en: `--year must be ${PLAN_YEAR_TAKES.en} (such as 2022), not "${raw}"`,
    });
  }
  return Number(raw);
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


export const SUMMARY_OPTIONS: OptionSpec[] = [...DATED_CHANGE_OPTIONS, { name: 'name', value: true }];

/** How the help says a date option may be typed (parseTypedDate reads every form). */
export const DATE_FORMS_HELP = '                      日期可写作 2022-09-15、2022/9/15、2022.9.15 或 2022年9月15日 / a date may be typed in any of these forms';

export const SUMMARY_OPTIONS_HELP = [
  '  --as-of 日期        统计截至日期（默认今天）/ count as of this date (default: today)',
  DATE_FORMS_HELP,
  `  --soon N            临期窗口：N 个工作日内到期（默认 ${DEFAULT_SOON_DAYS}）/ due-soon window in working days (default ${DEFAULT_SOON_DAYS})`,
  `  --name NAME         汇总表名称（默认“${DEFAULT_SUMMARY_SHEET_NAME}”；与您自己的工作表重名时自动改为“名称(2)”）/`,
  `                      summary sheet name (default ${DEFAULT_SUMMARY_SHEET_NAME}; a clash with your own sheet gives "NAME(2)")`,
].join('\n');

/** Now as the sheet shows it: today's date (injectable through CliIO.today) and the local time of day. */
export function generatedAt(ctx: CliContext, now: Date = new Date()): string {
  return `${ctx.today} ${localDateTime(now).slice('YYYY-MM-DD '.length)}`;
}

/** The arguments `summary` and `report` share, validated before anything is opened or written. */
export async function parseSummaryArgs(argv: string[], ctx: CliContext, command: string): Promise<{ target: OutputTarget; options: SummaryOptions }> {
  const args = parseArgs(argv, SUMMARY_OPTIONS);
  const { target, ...inputs } = await datedChangeInputs(args, ctx, command);
  const options: SummaryOptions = { ...inputs, sheetName: stringOption(args, 'name'), generatedAt: generatedAt(ctx), lang: ctx.lang };
  return { target, options };
}

