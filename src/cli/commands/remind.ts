/** `allocation remind` — the 催办 text per unit (and the 通报 paragraph) as of a date; the file is only read. */
import { countOf, pick } from '../../domain/i18n';
import { chineseDate } from '../../domain/dates';
import { DEFAULT_REPLY_WORKDAYS, ROLE_NAMES } from '../../domain/reminders';
import { DEFAULT_SOON_DAYS } from '../../domain/row-state';
import { PackageFile } from '../package-file';
import { runRemind, type RemindResult } from '../../workflows/remind';
import { parseSoonDays } from '../../workflows/highlight';
import { parseArgs, stringOption, type OptionSpec } from '../args';
import type { CliContext, Command } from '../command';
import { DATE_FORMS_HELP, inputFile, parseAsOf, parseFormat, READ_OPTIONS, READ_OPTIONS_HELP, readOptions } from '../options';
import { UserFacingError } from '../../domain/errors';

const REMIND_OPTIONS: OptionSpec[] = [
  ...READ_OPTIONS,
  { name: 'as-of', value: true },
  { name: 'soon', value: true },
  { name: 'unit', value: true },
  { name: 'reply-by', value: true },
  { name: 'format', value: true },
];

const HELP = `allocation remind <文件.xlsx> [--as-of 日期] [--unit 单位] [--format text|json] [选项]
列出截至某日需要催办的单位：每个单位逾期和临期的任务（编号、摘要、完成时限、逾期或剩余工作日、牵头/责任），
以及可直接发送的催办通知（“请XX局于X月X日前报送第7、19项任务进展情况……”）和一段通报文字。
只读取文件，不作任何改动。“各部门”“各驻区机构”等按单位名录展开到成员单位，成员不明的（如“各街道”）作为一个单位。
Lists the units to chase as of a date: each unit's overdue and due-soon tasks (number, short text, deadline,
working days overdue or left, lead or responsible), a ready-to-send reminder per unit and a notice paragraph.
The file is only read. Groups such as 各部门 are expanded through the unit directory.

选项 / Options:
  --as-of 日期        统计截至日期（默认：该表上次标色所用的日期，否则今天）/
                      as-of date (default: the date the sheet was last coloured as of, else today)
  --soon N            临期窗口：N 个工作日内到期（默认：工作簿保存的设置，否则 ${DEFAULT_SOON_DAYS}）/
                      due-soon window in working days (default: the workbook's setting, else ${DEFAULT_SOON_DAYS})
  --unit NAME         只列出这个单位（名录中的名称、简称或单位组）/ only this unit (directory name, alias or group)
  --reply-by 日期     报送时限（默认：统计截至日后第 ${DEFAULT_REPLY_WORKDAYS} 个工作日）/
                      report-by date (default: the ${DEFAULT_REPLY_WORKDAYS}rd working day after the as-of date)
${DATE_FORMS_HELP}
  --format text|json  输出格式（默认 text）/ output format (default text)
${READ_OPTIONS_HELP}

退出码 / Exit codes:
  0  没有需要催办的单位 / no unit to chase
  1  有需要催办的单位（已列出）/ units to chase (listed)
  2  无法处理输入 / the input could not be used

示例 / Example:
  allocation remind samples/liangjiang-2022-returns.xlsx --as-of 2022-09-15
  allocation remind samples/liangjiang-2022-returns.xlsx --as-of 2022-09-15 --unit 经济运行局 --format json`;

function parseSoon(raw: string | undefined): number | undefined {
  return raw === undefined ? undefined : parseSoonDays(raw);
}

function parseReplyBy(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  try {
    return parseAsOf(raw, '');
  } catch {
    throw new UserFacingError('cli.bad_date', {
      zh: `--reply-by 应为一个日期（如 2022-09-20、2022/9/20 或 2022年9月20日），而不是“${raw}”`,
      en: `--reply-by must be a date (e.g. 2022-09-20, 2022/9/20 or 2022年9月20日), not "${raw}"`,
    });
  }
}

export function remindJson(result: RemindResult) {
  return {
    sheet: result.sheet,
    asOf: result.asOf,
    asOfSource: result.asOfSource,
    soonDays: result.soonDays,
    replyBy: result.plan.replyBy,
    unit: result.unit,
    units: result.units.map((u) => ({
      unit: u.unit,
      overdue: u.overdue,
      dueSoon: u.dueSoon,
      items: u.items.map((i) => ({
        no: i.no,
        row: i.row,
        shortText: i.shortText,
        deadline: i.deadlineText,
        due: i.due,
        kind: i.kind,
        workdays: i.workdays,
        role: i.role,
      })),
      text: u.text,
    })),
    notice: result.plan.notice,
  };
}

export function remindText(result: RemindResult, ctx: CliContext): string {
  const en = ctx.lang === 'en-US';
  const lines: string[] = [];
  const source = { option: '', highlight: en ? ' (the date the sheet was last coloured as of)' : '（该表上次标色所用的日期）', today: en ? ' (today)' : '（今天）' }[result.asOfSource];
  lines.push(
    en
      ? `Sheet "${result.sheet}", as of ${result.asOf}${source}, due soon = within ${countOf(result.soonDays, 'working day')}; reply by ${result.plan.replyBy}`
      : `工作表“${result.sheet}”，统计截至${chineseDate(result.asOf)}${source}，临期标准 ${result.soonDays} 个工作日；报送时限${chineseDate(result.plan.replyBy)}`,
  );
  if (!result.units.length) {
    lines.push(
      result.unit
        ? en ? `${result.unit} has no overdue or due-soon task.` : `${result.unit}没有逾期或临期的任务。`
        : en ? 'No unit to chase: no task is overdue or due soon.' : '没有需要催办的单位：无逾期或临期任务。',
    );
  } else {
    lines.push(en ? `Units to chase: ${result.units.length}` : `需催办单位：${result.units.length} 个`);
  }
  for (const u of result.units) {
    lines.push('', en ? `■ ${u.unit} (overdue ${u.overdue}, due soon ${u.dueSoon})` : `■ ${u.unit}（逾期 ${u.overdue} 项，临期 ${u.dueSoon} 项）`);
    for (const i of u.items) {
      const no = i.no ? (en ? `No. ${i.no}` : `第${i.no}项`) : en ? `row ${i.row}` : `第${i.row}行`;
      const days = i.kind === 'overdue' ? (en ? `${countOf(i.workdays, 'working day')} overdue` : `逾期 ${i.workdays} 个工作日`) : en ? `${countOf(i.workdays, 'working day')} left` : `剩余 ${i.workdays} 个工作日`;
      lines.push(`  ${no}  ${i.shortText}  ${en ? 'deadline' : '时限'}：${i.deadlineText}  ${days}  ${pick(ROLE_NAMES[i.role], ctx.lang)}`);
    }
    lines.push(en ? '  Reminder (zh-CN):' : '  催办通知：', `  ${u.text}`);
  }
  if (!result.unit) lines.push('', en ? 'Notice paragraph (zh-CN):' : '通报参考段落：', result.plan.notice);
  return lines.join('\n') + '\n';
}

export const remindCommand: Command = {
  name: 'remind',
  summary: { zh: '列出需催办的单位及催办通知、通报文字', en: 'list the units to chase, with reminder and notice texts' },
  help: HELP,
  async run(argv: string[], ctx: CliContext): Promise<number> {
    const args = parseArgs(argv, REMIND_OPTIONS);
    const format = parseFormat(stringOption(args, 'format'));
    const rawAsOf = stringOption(args, 'as-of');
    const asOf = rawAsOf === undefined ? undefined : parseAsOf(rawAsOf, ctx.today);
    const soonDays = parseSoon(stringOption(args, 'soon'));
    const replyBy = parseReplyBy(stringOption(args, 'reply-by'));
    const unit = stringOption(args, 'unit');
    const file = inputFile(args, ctx, 'remind');
    const read = await readOptions(args, ctx);
    const host = await PackageFile.open(file.absolute);
    const result = await runRemind(host, { ...read, asOf, soonDays, replyBy, unit, today: ctx.today });
    ctx.out(format === 'json' ? JSON.stringify(remindJson(result), null, 2) + '\n' : remindText(result, ctx));
    return result.units.length ? 1 : 0;
  },
};
