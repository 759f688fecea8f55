/** `allocation carry` — 回头看: last year's unfinished measures into this year's workbook as 上年未完成事项. */
import * as fs from 'fs';
import * as path from 'path';
import { CARRY_OVER_SHEET_NAME } from '../../domain/carry-over';
import { chineseDate } from '../../domain/dates';
import { UserFacingError } from '../../domain/errors';
import { pick } from '../../domain/i18n';
import { runCarryOver, type CarryOverResult } from '../../workflows/carry-over';
import { parseArgs, stringOption, type OptionSpec } from '../args';
import type { CliContext, Command } from '../command';
import { describeWrite, OUTPUT_HELP, OUTPUT_OPTIONS, openForPatch, resolveOutputTarget, samePath, writeOutput } from '../output-file';
import { PackageFile } from '../package-file';
import { DATE_FORMS_HELP, generatedAt, parseAsOf, READ_OPTIONS, READ_OPTIONS_HELP, readOptions } from '../options';

const CARRY_OPTIONS: OptionSpec[] = [
  ...READ_OPTIONS,
  ...OUTPUT_OPTIONS,
  { name: 'as-of', value: true },
  { name: 'last-sheet', value: true },
  { name: 'name', value: true },
];

const HELP = `allocation carry <上年台账.xlsx> <今年任务分工.xlsx> -o <输出.xlsx> [--as-of 日期] [选项]
回头看：找出上年台账中到年底（或 --as-of 指定的日期）仍未完成的任务——逾期未完成、进度滞后、时限在次年的，以及没有时限
而完成情况写明未完成的——在今年的任务分工表中逐项查找（按内容比对，编号变了也能找到），写入今年工作簿的
“${CARRY_OVER_SHEET_NAME}”工作表：上年编号、措施、时限、单位、上年完成情况、逾期工作日、今年对应任务和目前进展。
上年台账只读取，不作任何改动；今年的任务分工表不改动任何单元格。再次运行时替换本工具此前生成的表，保留您填写的“目前进展”。
Carry-over: last year's measures not finished by its year end (or --as-of) are looked up in this year's sheet (by
content, so renumbering does not matter) and listed in this year's workbook as the sheet ${CARRY_OVER_SHEET_NAME}.
Last year's file is only read; no cell of this year's sheet is changed.

选项 / Options:
${OUTPUT_HELP}
  --as-of 日期        按此日期判断上年任务是否完成（默认：上年 12 月 31 日）/
                      judge last year's measures as of this date (default: 31 December of last year)
${DATE_FORMS_HELP}
  --last-sheet NAME   上年台账中的工作表（默认：其当前工作表）/ the sheet in last year's file (default: its active one)
  --name NAME         生成的工作表名称（默认“${CARRY_OVER_SHEET_NAME}”）/ name of the sheet written
${READ_OPTIONS_HELP}

退出码 / Exit codes: 0 已写入/written · 2 无法处理输入，未写入任何文件 / input unusable, nothing written

示例 / Example:
  allocation carry 2022年台账.xlsx 2023年任务分工.xlsx -o 2023年任务分工-回头看.xlsx`;

export function carryText(result: CarryOverResult, lang: 'zh-CN' | 'en-US'): string {
  const m = result.model;
  const asOf = lang === 'zh-CN' ? chineseDate(m.asOf) : m.asOf;
  const listed = m.measures.filter((x) => x.thisYear).length;
  const lines = [
    pick(
      {
        zh: `上年（${m.lastYear}年）“${m.lastSheet}”截至${asOf}：已完成 ${m.doneCount} 项，长期开展 ${m.ongoingCount} 项，未完成 ${m.measures.length} 项（今年已列入 ${listed} 项）。`,
        en: `Last year (${m.lastYear}) "${m.lastSheet}" as of ${asOf}: ${m.doneCount} done, ${m.ongoingCount} ongoing, ${m.measures.length} not finished (${listed} in this year's sheet).`,
      },
      lang,
    ),
    pick(result.sentence, lang),
    ...result.warnings.map((w) => pick(w, lang)),
    pick({ zh: `已写入工作表“${result.sheetName}”。`, en: `Sheet "${result.sheetName}" written.` }, lang),
  ];
  return lines.join('\n') + '\n';
}

export const carryCommand: Command = {
  name: 'carry',
  summary: { zh: '回头看：把上年未完成的任务列入今年的工作簿', en: 'carry last year’s unfinished measures into this year’s workbook' },
  help: HELP,
  async run(argv: string[], ctx: CliContext): Promise<number> {
    const args = parseArgs(argv, CARRY_OPTIONS);
    if (args.positionals.length !== 2) {
      throw new UserFacingError('cli.carry_files', {
        zh: `请依次指定上年台账和今年的任务分工两个文件（收到 ${args.positionals.length} 个）。用法：allocation carry <上年台账.xlsx> <今年任务分工.xlsx> -o <输出.xlsx>`,
        en: `Give last year's ledger and this year's sheet, in that order (got ${args.positionals.length}). Usage: allocation carry <last-year.xlsx> <this-year.xlsx> -o <out.xlsx>`,
      });
    }
    const [lastGiven, thisGiven] = args.positionals;
    const lastPath = path.resolve(ctx.cwd, lastGiven);
    if (!fs.existsSync(lastPath) || !fs.statSync(lastPath).isFile()) {
      throw new UserFacingError('cli.file_not_found', { zh: `找不到文件：${lastGiven}`, en: `File not found: ${lastGiven}` });
    }
    const target = resolveOutputTarget(ctx, thisGiven, args);
    if (samePath(lastPath, target.inputPath)) {
      throw new UserFacingError('carry.same_file', {
        zh: '上年台账和今年的任务分工是同一个文件。请分别指定两个文件',
        en: 'Last year’s ledger and this year’s sheet are the same file. Give two files',
      });
    }
    if (samePath(lastPath, target.outputPath)) {
      throw new UserFacingError('cli.output_is_input', {
        zh: `输出文件是上年台账（${lastGiven}）。上年台账只读取、从不改写，请换一个输出文件名`,
        en: `The output is last year's ledger (${lastGiven}), which is only ever read. Choose another output name`,
      });
    }
    const asOfRaw = stringOption(args, 'as-of');
    const asOf = asOfRaw === undefined ? undefined : parseAsOf(asOfRaw, ctx.today);
    const read = await readOptions(args, ctx);
    const last = await PackageFile.open(lastPath);
    const host = await openForPatch(target);
    const result = await runCarryOver(host, last, {
      ...read,
      asOf,
      lastSheet: stringOption(args, 'last-sheet'),
      sheetName: stringOption(args, 'name'),
      createdAt: generatedAt(ctx),
      lang: ctx.lang,
    });
    const written = await writeOutput(host, target);
    ctx.out(carryText(result, ctx.lang));
    ctx.out(describeWrite(written, ctx, ctx.lang));
    return 0;
  },
};
