/** `allocation collect` — 汇总: check the returned copies and merge their answers into the master. */
import * as fs from 'fs';
import * as path from 'path';
import { UserFacingError } from '../../domain/errors';
import { chineseDate, localDateTime } from '../../domain/dates';
import { countOf, pick } from '../../domain/i18n';
import { parseSplitRole, type ReturnLogEntry } from '../../domain/returns';
import type { Lang } from '../../domain/types';
import { runCollect, type CollectResult, type ReturnSource } from '../../workflows/collect';
import { parseArgs, stringOption, type OptionSpec } from '../args';
import type { CliContext, Command } from '../command';
import { PackageFile } from '../package-file';
import { PROGRESS_MIN_RETURNS, withProgress } from '../progress';
import { assertReturnWithinBudget } from '../return-files';
import { describeWrite, OUTPUT_HELP, OUTPUT_OPTIONS, openForPatch, resolveOutputTarget, writeOutput, type OutputTarget } from '../output-file';
import { DATE_FORMS_HELP, generatedAt, parseAsOf, parseFormat, parseSoonOption, READ_OPTIONS, READ_OPTIONS_HELP, readOptions } from '../options';

const COLLECT_OPTIONS: OptionSpec[] = [
  ...OUTPUT_OPTIONS,
  { name: 'as-of', value: true },
  { name: 'soon', value: true },
  { name: 'format', value: true },
  { name: 'by', value: true },
  ...READ_OPTIONS,
];

const HELP = `allocation collect <任务分工.xlsx> <回收表.xlsx…|文件夹…> -o <输出.xlsx> [选项]
汇总：逐份核对各单位交回的回收表（举措是否被改动、行是否被删除或新增、是否本单位的事项、完成情况是否填写和可识别、
滞后/未启动/逾期是否有进展说明、完成日期是否有效），再把完成情况、进展说明、完成日期、填报单位、填报时间写入总表
（缺少的列添加在表格最后一列之后；任务列绝不改动），并生成“回收情况”工作表（已报、未报单位和每份文件的问题）。
多个单位填报同一举措时以牵头单位为准，其他单位的情况记入进展说明；相互矛盾的填报列为问题。
无法打开、不属于本表或单位不明的文件会报告并跳过，其余照常汇总；输出文件要么完整写入，要么不写。
同样的回收表再汇总一次不会改变任何单元格。
Collect: check every returned copy against the master, write the answers into its report columns (added after
the table when missing; task columns are never changed) and a 回收情况 sheet listing who returned, who is missing
and each file's problems. The lead unit's answer decides a measure answered by several units. Bad files are
reported and skipped; the output is written whole or not at all; collecting the same returns again changes nothing.

选项 / Options:
${OUTPUT_HELP}
  --as-of 日期        核对逾期和完成日期所用的日期（默认今天）/ judge overdue measures and completion dates as of this date
${DATE_FORMS_HELP}
  --soon N            总表已标色时，按新的完成情况重新标色所用的临期窗口（默认取工作簿中保存的设置，否则 10）/
                      the due-soon window a coloured master is coloured again with (default: the workbook's setting, else 10)
  --format text|json  输出格式（默认 text）/ output format (default text)
  --by lead|responsible|both
                      按何种方式下发，用于判断哪些单位未报（默认 both）/ how the copies were split, for the missing units
${READ_OPTIONS_HELP}

退出码 / Exit codes: 0 全部采用且无错误/all accepted, no errors · 1 有文件未采用或有错误/some file rejected or errors found ·
                    2 无法处理总表或参数，未写入任何文件 / master or arguments unusable, nothing written

示例 / Example:
  allocation collect samples/liangjiang-2022.xlsx 下发/ -o 汇总.xlsx --as-of 2022-09-15`;

/** A FIFO, socket or device in the folder is not a return (reading one would block); a symlink to a file is. */
function isRegularFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The returned files: files as given, folders as their regular .xlsx files (sorted; Office lock files and the
 * master/output left out).
 */
export function returnSources(given: string[], ctx: CliContext, target: OutputTarget): ReturnSource[] {
  const skip = new Set([target.inputPath, target.outputPath]);
  const sources: ReturnSource[] = [];
  const add = (name: string, absolute: string) => {
    let receivedAt: string | null = null;
    try {
      receivedAt = localDateTime(fs.statSync(absolute).mtime);
    } catch {
      // Missing or unreadable: opening it reports why.
    }
    sources.push({
      name,
      receivedAt,
      open: async () => {
        await assertReturnWithinBudget(absolute, name);
        return PackageFile.open(absolute);
      },
    });
  };
  for (const name of given) {
    const absolute = path.resolve(ctx.cwd, name);
    if (fs.existsSync(absolute) && fs.statSync(absolute).isDirectory()) {
      const files = fs
        .readdirSync(absolute)
        .filter((f) => /\.xlsx$/i.test(f) && !f.startsWith('~$') && !f.startsWith('.') && isRegularFile(path.join(absolute, f)))
        .sort((a, b) => a.localeCompare(b, 'zh-CN'));
      for (const f of files) if (!skip.has(path.join(absolute, f))) add(path.join(name, f), path.join(absolute, f));
    } else {
      add(name, absolute);
    }
  }
  if (!sources.length) {
    throw new UserFacingError('collect.no_returns', {
      zh: '请在总表之后指定要汇总的回收表文件或所在文件夹（文件夹中没有 .xlsx 文件）',
      en: 'Give the returned files, or the folder holding them, after the master (no .xlsx file found)',
    });
  }
  return sources;
}

const VERDICTS = {
  blank: { zh: '交回空表：未填写，仍须填报', en: 'BLANK: nothing filled in, still to report' },
  accepted: { zh: '已采用', en: 'accepted' },
  rejected: { zh: '未采用', en: 'REJECTED' },
} as const;

function reportLine(report: ReturnLogEntry, done: number, total: number, lang: Lang): string {
  const en = lang === 'en-US';
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const warnings = report.findings.filter((f) => f.severity === 'warning').length;
  const unit = report.unit ?? (en ? '(unknown unit)' : '（单位不明）');
  // A copy sent back as issued is neither taken nor missing: the unit has still to report (as 回收情况 says).
  const verdict = pick(VERDICTS[report.blank ? 'blank' : report.accepted ? 'accepted' : 'rejected'], lang);
  const merged = report.blank ? [] : [en ? `${report.answered} merged` : `汇总 ${report.answered} 项`];
  const counts = en
    ? [...merged, countOf(errors, 'error'), countOf(warnings, 'warning')].join(' · ')
    : [...merged, `错误 ${errors}`, `警告 ${warnings}`].join(' · ');
  return `[${done}/${total}] ${report.file}  ${unit}  ${verdict}  ${counts}\n`;
}

function findingLines(report: ReturnLogEntry, lang: Lang): string {
  return report.findings.map((f) => `    ${pick(f.message, lang)}\n`).join('');
}

function summaryText(result: CollectResult, lang: Lang): string {
  const en = lang === 'en-US';
  const { expectedUnits, missingUnits, blankUnits } = result;
  const returned = expectedUnits.length - missingUnits.length - blankUnits.length;
  const lines = [
    en
      ? `Returned: ${returned} of ${expectedUnits.length} units${blankUnits.length ? `; sent back blank (still to report): ${blankUnits.join(', ')}` : ''}${missingUnits.length ? `; missing: ${missingUnits.join(', ')}` : ''}`
      : `已报 ${returned}/${expectedUnits.length} 个单位${blankUnits.length ? `；交回空表、仍须填报：${blankUnits.join('、')}` : ''}${missingUnits.length ? `；未报：${missingUnits.join('、')}` : ''}`,
    en
      ? `Updated ${countOf(result.updated, 'measure')} (${countOf(result.cellsWritten, 'cell')} written); returns log sheet: "${result.logSheet}"`
      : `本次更新 ${result.updated} 项（写入 ${result.cellsWritten} 个单元格）；回收情况表：“${result.logSheet}”`,
  ];
  if (result.recoloured) {
    const asOf = result.recoloured.plan.asOf;
    lines.push(en ? `The master was coloured: coloured again as of ${asOf} with the new answers` : `总表原已标色：已按${chineseDate(asOf)}和新的完成情况重新标色`);
  }
  if (result.recolourError) lines.push(pick(result.recolourError, lang));
  return lines.join('\n') + '\n';
}

function jsonOutput(result: CollectResult, lang: Lang): string {
  return JSON.stringify(
    {
      master: result.sheet,
      returns: result.returns.map((r) => ({
        file: r.file,
        unit: r.unit,
        accepted: r.accepted,
        blank: r.blank === true,
        answered: r.answered,
        receivedAt: r.receivedAt,
        findings: r.findings.map((f) => ({ severity: f.severity, code: f.code, cell: f.cell, row: f.row, message: pick(f.message, lang) })),
      })),
      merged: result.updated,
      cellsWritten: result.cellsWritten,
      missingUnits: result.missingUnits,
      blankUnits: result.blankUnits,
      expectedUnits: result.expectedUnits,
      addedColumns: result.addedColumns,
      recoloured: result.recoloured ? { asOf: result.recoloured.plan.asOf, soonDays: result.recoloured.plan.soonDays, states: result.recoloured.counts } : null,
      logSheet: result.logSheet,
    },
    null,
    2,
  );
}

export const collectCommand: Command = {
  name: 'collect',
  summary: { zh: '汇总：核对回收表并写入总表', en: 'check the returned copies and merge them into the master' },
  help: HELP,
  async run(argv: string[], ctx: CliContext): Promise<number> {
    const args = parseArgs(argv, COLLECT_OPTIONS);
    const [master, ...returns] = args.positionals;
    const target = resolveOutputTarget(ctx, master, args);
    if (!fs.existsSync(target.inputPath)) {
      throw new UserFacingError('xlsx.not_found', { zh: `找不到文件：${master}`, en: `File not found: ${master}` });
    }
    const format = parseFormat(stringOption(args, 'format'));
    const asOf = parseAsOf(stringOption(args, 'as-of'), ctx.today);
    const by = parseSplitRole(stringOption(args, 'by'));
    const read = await readOptions(args, ctx);
    const sources = returnSources(returns, ctx, target);
    const host = await openForPatch(target);
    const result = await withProgress(ctx.progress, ctx.lang, (progress) =>
      runCollect(host, sources, {
        ...read,
        asOf,
        soonDays: parseSoonOption(args),
        by,
        generatedAt: generatedAt(ctx),
        lang: ctx.lang,
        onProgress: (done, total, report) => {
          if (format === 'text') progress.around(() => ctx.out(reportLine(report, done, total, ctx.lang) + findingLines(report, ctx.lang)));
          if (total >= PROGRESS_MIN_RETURNS && done < total) progress.show(done, total, { zh: '份回收表已核对', en: 'returns checked' });
        },
      }),
    );
    const written = await writeOutput(host, target);
    if (format === 'json') ctx.out(jsonOutput(result, ctx.lang) + '\n');
    else ctx.out(summaryText(result, ctx.lang) + describeWrite(written, ctx, ctx.lang));
    const problems = result.returns.some((r) => !r.accepted || r.findings.some((f) => f.severity === 'error'));
    return problems ? 1 : 0;
  },
};
