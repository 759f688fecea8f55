/**
 * `allocation directory` — make the workbook's 单位名录 sheet from the units its task sheet names, as the pane's
 * 单位名录 tab does: the review list first (near-duplicate spellings side by side, text that slipped into a unit
 * cell flagged), then the sheet, into a new file. A 单位名录 the clerk made is never written over.
 */
import { countOf } from '../../domain/i18n';
import { UserFacingError } from '../../domain/errors';
import { UNIT_DIRECTORY_SHEET } from '../../domain/units';
import { runCheck } from '../../workflows/check';
import { createDirectorySheet, directoryReview } from '../../workflows/directory';
import { flag, parseArgs, stringOption, type OptionSpec } from '../args';
import type { CliContext, Command } from '../command';
import { inputFile, listOption, parseYear } from '../options';
import { directoryReviewText } from '../output/directory-output';
import { describeWrite, OUTPUT_HELP, OUTPUT_OPTIONS, openForPatch, resolveOutputTarget, writeOutput } from '../output-file';
import { PackageFile } from '../package-file';

const DIRECTORY_OPTIONS: OptionSpec[] = [
  ...OUTPUT_OPTIONS,
  { name: 'review', value: false },
  { name: 'merge', value: true, repeatable: true },
  { name: 'keep', value: true, repeatable: true },
  { name: 'leave-out', value: true, repeatable: true },
  { name: 'sheet', value: true },
  { name: 'year', value: true },
  { name: 'lang', value: true },
];

const HELP = `allocation directory <输入.xlsx> -o <输出.xlsx> [选项]
allocation directory <输入.xlsx> --review
用任务分工表中出现的单位生成“${UNIT_DIRECTORY_SHEET}”工作表（本工具不内置任何机关的名录）。先列出待确认的名单：
同一单位的近似写法并排列出（如“经济运行局”旁的“经济运行处”，默认各自单列，用 --merge 合并为别名），
像是误填入单位栏的文字（如“2024年底前完成”）默认不列入（用 --keep 保留）。以后检查时直接使用这张名录。
再次生成时只替换本工具此前生成的“${UNIT_DIRECTORY_SHEET}”；您自己建立的“${UNIT_DIRECTORY_SHEET}”绝不会被覆盖。
Makes the ${UNIT_DIRECTORY_SHEET} (unit directory) sheet from the units the task sheet names (there is no built-in
directory of any body). The review list comes first: near-duplicate spellings side by side (each stays a unit
unless merged as an alias with --merge), text that slipped into a unit cell left out (unless kept with --keep).
Checks then use the directory. Only a ${UNIT_DIRECTORY_SHEET} this tool made is ever replaced, never one of yours.

选项 / Options:
${OUTPUT_HELP}
  --review            只列出名单，不写入任何文件 / print the review list only, write nothing
  --merge NAME        把近似写法 NAME 合并为其单位的别名（可多次）/ merge the variant spelling NAME into its unit as an alias (repeatable)
  --keep NAME         保留被视为误填文字的 NAME（可多次）/ keep NAME although it reads like stray text (repeatable)
  --leave-out NAME    不把 NAME 列入名录（可多次）/ leave NAME out of the directory (repeatable)
  --sheet NAME        取单位的工作表（默认：第一个可见工作表）/ the sheet whose units make the directory (default: the first visible one)
  --year YYYY         计划年度（默认：取自标题）/ plan year (default: from the title)
  --lang zh-CN|en-US  输出语言 / output language

退出码 / Exit codes: 0 已写入或已列出/written or listed · 2 无法处理输入，未写入任何文件 / input unusable, nothing written

示例 / Example:
  allocation directory 任务分工.xlsx --review
  allocation directory 任务分工.xlsx -o 含名录.xlsx --merge 经济运行处`;

/** A name given to --merge, --keep or --leave-out that the review does not list: a typo must not pass silently. */
function unknownName(option: string, name: string, what: { zh: string; en: string }): UserFacingError {
  return new UserFacingError('directory.unknown_name', {
    zh: `--${option} 指定的“${name}”不是名单中的${what.zh}（先用 --review 查看名单）`,
    en: `"${name}" given to --${option} is not ${what.en} in the review list (see it with --review)`,
  });
}

export const directoryCommand: Command = {
  name: 'directory',
  summary: { zh: '用表中出现的单位生成单位名录工作表', en: 'make the unit-directory sheet from the units the sheet names' },
  help: HELP,
  async run(argv: string[], ctx: CliContext): Promise<number> {
    const args = parseArgs(argv, DIRECTORY_OPTIONS);
    const input = inputFile(args, ctx, 'directory');
    const reviewOnly = flag(args, 'review');
    const target = reviewOnly ? null : resolveOutputTarget(ctx, input.given, args);
    const planYear = parseYear(stringOption(args, 'year'));
    const host = target ? await openForPatch(target) : await PackageFile.open(input.absolute);
    const check = await runCheck(host, { sheet: stringOption(args, 'sheet'), planYear, currentYear: Number(ctx.today.slice(0, 4)) });
    const review = directoryReview(check);

    const merged = listOption(args, 'merge');
    const kept = listOption(args, 'keep');
    const leaveOut = listOption(args, 'leave-out');
    const variants = new Set(review.flatMap((e) => e.variants.map((v) => v.name)));
    const strays = new Set(review.filter((e) => e.stray).map((e) => e.name));
    const listed = new Set([...review.map((e) => e.name), ...variants]);
    for (const name of merged) if (!variants.has(name)) throw unknownName('merge', name, { zh: '近似写法', en: 'a variant spelling' });
    for (const name of kept) if (!strays.has(name)) throw unknownName('keep', name, { zh: '疑似误填文字', en: 'flagged as stray text' });
    for (const name of leaveOut) if (!listed.has(name)) throw unknownName('leave-out', name, { zh: '单位', en: 'a name' });
    const leftOut = [...[...strays].filter((name) => !kept.includes(name)), ...leaveOut];

    ctx.out(directoryReviewText(check.analysis.sheet, review, { merged, leftOut }, ctx.lang));
    if (!target) return 0;
    const made = await createDirectorySheet(host, { check, lang: ctx.lang, merged, leftOut });
    const written = await writeOutput(host, target);
    ctx.out(
      ctx.lang === 'en-US'
        ? `Sheet "${made.sheetName}" made: ${countOf(made.units, 'unit')}, ${countOf(made.groups, 'group')}, ${countOf(made.aliases, 'alias', 'aliases')}.\n`
        : `已生成“${made.sheetName}”工作表：${made.units} 个单位、${made.groups} 个单位组、${made.aliases} 个别名。\n`,
    );
    ctx.out(describeWrite(written, ctx, ctx.lang));
    return 0;
  },
};
