/**
 * `allocation settings` — show the settings saved in a workbook (what the pane's 设置 and its 判断日期/临期 fields
 * keep), or change them with --set key=value into a new file. The settings travel inside the file, so the pane,
 * the CLI and every colleague see the same ones.
 */
import * as path from 'path';
import { UserFacingError } from '../../domain/errors';
import { SETTING_KEYS, applySettingAssignments, type SettingScope } from '../../domain/setting-keys';
import { readSettings, saveSettings } from '../../workflows/settings';
import { parseArgs, stringOption, type OptionSpec } from '../args';
import type { CliContext, Command } from '../command';
import { inputFile, listOption, parseFormat } from '../options';
import { describeWrite, OUTPUT_HELP, OUTPUT_OPTIONS, openForPatch, resolveOutputTarget, writeOutput } from '../output-file';
import { settingsText } from '../output/settings-output';
import { PackageFile } from '../package-file';

const SETTINGS_OPTIONS: OptionSpec[] = [
  ...OUTPUT_OPTIONS,
  { name: 'set', value: true, repeatable: true },
  { name: 'sheet', value: true },
  { name: 'format', value: true },
  { name: 'lang', value: true },
];

const KEYS_HELP = SETTING_KEYS.map((k) => `  ${k.key.padEnd(22)} ${k.label.zh}：${k.takes.zh}（默认：${k.defaultText.zh}）/ ${k.label.en}: ${k.takes.en}`).join('\n');

const HELP = `allocation settings <输入.xlsx> [--sheet NAME]
allocation settings <输入.xlsx> --set 设置项=值 [--set …] -o <输出.xlsx>
查看或修改工作簿中保存的设置（与加载项“设置”页及判断日期、临期天数相同，随文件保存，同事打开看到的一样）。
不带 --set 时只显示，不写入任何文件；带 --set 时写入新文件。设置项可写英文名或中文名（如 临期天数=5）；
“设置项=”（值为空）删除该项，恢复默认。任何一个值无效时不写入任何文件。
Shows or changes the settings saved in the workbook (the add-in's 设置 and its as-of date and due-soon window;
they travel with the file). Without --set nothing is written; with --set the change goes into a new file.
A key may be given by its name or its Chinese label; key= (empty) removes it, so the default applies again.
If any value is not usable, nothing is written.

选项 / Options:
  --set KEY=VALUE     修改一项设置（可多次）/ change one setting (repeatable)
  --sheet NAME        列设置（column.*）所属的工作表 / the sheet the column settings (column.*) are for
  --format text|json  输出格式（默认 text；json 为 {settings, written}，settings 即工作簿中保存的原样）/
                      output format (default text; json is {settings, written}, the settings as saved)
${OUTPUT_HELP}
  --lang zh-CN|en-US  输出语言 / output language

设置项 / Settings:
${KEYS_HELP}

退出码 / Exit codes: 0 已显示或已写入/shown or written · 2 无法处理输入，未写入任何文件 / input unusable, nothing written

示例 / Example:
  allocation settings 任务分工.xlsx
  allocation settings 任务分工.xlsx --set 判断日期=2022-09-15 --set soonDays=5 -o 已设置.xlsx
  allocation settings 任务分工.xlsx --sheet 任务分工 --set column.status=H -o 已设置.xlsx`;

export const settingsCommand: Command = {
  name: 'settings',
  summary: { zh: '查看或修改工作簿保存的设置（判断日期、临期天数等）', en: 'show or change the settings saved in the workbook' },
  help: HELP,
  async run(argv: string[], ctx: CliContext): Promise<number> {
    const args = parseArgs(argv, SETTINGS_OPTIONS);
    const input = inputFile(args, ctx, 'settings');
    const assignments = listOption(args, 'set');
    const scope: SettingScope = { sheet: stringOption(args, 'sheet') };
    const format = parseFormat(stringOption(args, 'format'));
    const en = ctx.lang === 'en-US';
    if (assignments.length === 0) {
      const { settings, damaged } = await readSettings(await PackageFile.open(input.absolute), scope);
      if (damaged) ctx.err(en ? 'Warning: the saved settings could not be read; they are shown as empty.\n' : '注意：工作簿中保存的设置无法读取，按空设置显示。\n');
      ctx.out(format === 'json' ? JSON.stringify({ settings, written: null }, null, 2) + '\n' : settingsText(settings, scope, ctx.lang));
      return 0;
    }
    const target = resolveOutputTarget(ctx, input.given, args);
    // Every value is checked before the workbook is opened for writing: a bad one changes nothing.
    applySettingAssignments({}, assignments, scope);
    const host = await openForPatch(target);
    const { damaged, sheets } = await readSettings(host, scope);
    if (scope.sheet !== undefined && !sheets.includes(scope.sheet)) {
      throw new UserFacingError('settings.no_such_sheet', {
        zh: `工作簿中没有名为“${scope.sheet}”的工作表，列设置无处可用，未写入任何文件`,
        en: `The workbook has no sheet called "${scope.sheet}", so its column settings would apply to nothing; nothing was written`,
      });
    }
    if (damaged) ctx.err(en ? 'Warning: the saved settings could not be read; they start again from empty.\n' : '注意：工作簿中保存的设置无法读取，将从空设置开始保存。\n');
    const saved = await saveSettings(host, (current) => applySettingAssignments(current, assignments, scope), scope);
    const written = await writeOutput(host, target);
    if (format === 'json') ctx.out(JSON.stringify({ settings: saved, written: path.relative(ctx.cwd, written.written) || written.written }, null, 2) + '\n');
    else ctx.out(settingsText(saved, scope, ctx.lang) + describeWrite(written, ctx, ctx.lang));
    return 0;
  },
};
