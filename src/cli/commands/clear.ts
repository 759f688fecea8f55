/** `allocation clear` — put back the colours a highlight replaced, exactly, into a new file (or in place). */
import { countOf } from '../../domain/i18n';
import { parseState } from '../../domain/workbook-state';
import { runClear } from '../../workflows/clear';
import { parseArgs, stringOption } from '../args';
import { inputFile } from '../options';
import type { CliContext, Command } from '../command';
import { describeWrite, OUTPUT_HELP, OUTPUT_OPTIONS, openForPatch, resolveOutputTarget, writeOutput } from '../output-file';

const HELP = `allocation clear <输入.xlsx> -o <输出.xlsx> [选项]
清除 allocation highlight 所加的标色，把单元格恢复为标色前的原始颜色；手工改过颜色的单元格保留您的颜色。
Remove the colours \`allocation highlight\` added and put back each cell's original colours exactly; cells you
recoloured by hand keep your colour.

选项 / Options:
${OUTPUT_HELP}
  --sheet NAME        只清除这张工作表（默认：清除本工具标过色的每张工作表） /
                      clear only this sheet (default: every sheet this tool coloured)
  --lang zh-CN|en-US  输出语言 / output language

退出码 / Exit codes: 0 已写入/written · 2 无法处理输入，未写入任何文件 / input unusable, nothing written`;

export const clearCommand: Command = {
  name: 'clear',
  summary: { zh: '清除标色，恢复原始颜色', en: 'Remove the colour-coding, restoring original colours' },
  help: HELP,
  async run(argv: string[], ctx: CliContext): Promise<number> {
    const args = parseArgs(argv, [...OUTPUT_OPTIONS, { name: 'sheet', value: true }, { name: 'lang', value: true }]);
    const input = inputFile(args, ctx, 'clear');
    const target = resolveOutputTarget(ctx, input.given, args);
    const host = await openForPatch(target);
    const sheet = stringOption(args, 'sheet');
    const en = ctx.lang === 'en-US';
    // Without --sheet, every sheet this tool coloured is cleared (a file may have been highlighted sheet by sheet).
    // Records of sheets no longer in the workbook (deleted or renamed since) have nothing to restore.
    const snapshot = sheet === undefined ? await host.read() : null;
    const existing = new Set(snapshot?.sheets.map((s) => s.name.toLowerCase()) ?? []);
    const sheets = snapshot ? Object.keys(parseState(snapshot.stateText).state.highlights).filter((n) => existing.has(n.toLowerCase())) : [sheet as string];
    if (!sheets.length) {
      ctx.out(en ? 'This workbook carries no colour-coding from this tool; the copy is unchanged.\n' : '该工作簿没有本工具的标色记录，内容未改动。\n');
    }
    for (const name of sheets) {
      const result = await runClear(host, { sheet: name });
      if (!result.hadRecord) {
        ctx.out(en ? `Sheet "${result.sheet}" carries no colour-coding from this tool; it is unchanged.\n` : `工作表“${result.sheet}”没有本工具的标色记录，未改动。\n`);
      } else {
        ctx.out(
          en
            ? `Sheet "${result.sheet}": original colours put back in ${countOf(result.restoredCells, 'cell')}; ${result.keptUserColour === 1 ? '1 cell keeps' : `${result.keptUserColour} cells keep`} the colour you gave them by hand${result.restoredHeaderFooter ? '; the printed header and footer are as before' : ''}.\n`
            : `工作表“${result.sheet}”：已恢复 ${result.restoredCells} 个单元格的原始颜色；${result.keptUserColour} 个单元格保留您手工设置的颜色${result.restoredHeaderFooter ? '；页眉页脚已恢复原样' : ''}。\n`,
        );
      }
    }
    ctx.out(describeWrite(await writeOutput(host, target), ctx, ctx.lang));
    return 0;
  },
};
