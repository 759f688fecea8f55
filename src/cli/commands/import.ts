/**
 * `allocation import <通知.docx> -o <台账.xlsx>` — bring the 任务分工 table of a Word notice into a workbook as a new
 * sheet, then check it. Into a new workbook by default, or a copy of an existing one (--into); never over a sheet.
 */
import { countOf } from '../../domain/i18n';
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { UserFacingError } from '../../domain/errors';
import { XlsxHost } from '../../hosts/xlsx';
import { runImportNotice, type ImportResult } from '../../workflows/import-notice';
import { flag, parseArgs, stringOption, type OptionSpec } from '../args';
import type { CliContext, Command } from '../command';
import { checkText, countFindings } from '../output/check-output';
import { describeWrite, OUTPUT_OPTIONS, openForPatch, resolveOutputTarget, writeOutput, type OutputTarget } from '../output-file';
import { inputFile, loadUnitsOption, parseYear } from '../options';

const IMPORT_OPTIONS: OptionSpec[] = [
  ...OUTPUT_OPTIONS,
  { name: 'into', value: true },
  { name: 'sheet', value: true },
  { name: 'year', value: true },
  { name: 'units', value: true },
  { name: 'lang', value: true },
];

const HELP = `allocation import <通知.docx> -o <输出.xlsx> [选项]
allocation import <notice.docx> -o <output.xlsx> [options]

从印发任务分工的 Word 通知（.docx）中找到任务分工表（表头含“牵头单位”“责任单位”“完成时限”等），按原样写入
工作簿的新工作表“任务分工”：标题（附件标题，否则通知标题）跨列合并、表头、每个单元格的文字原样（单元格内分段以
换行分隔）、合并单元格（跨列与上下合并）、列宽取自文档表格、自动换行和边框；跨页续表合并为一张，重复的表头去掉。
写入后立即检查，列出发现的问题。不会覆盖任何已有工作表。
Finds the task-allocation table in a Word notice (.docx) — the one whose header names 牵头单位, 责任单位,
完成时限 and the like — and writes it to a new sheet 任务分工 as a clerk would lay it out: the title (the
attachment's heading, else the notice's title) merged across, the header, every cell's text exactly
(paragraphs in a cell joined by line breaks), spans and vertical merges as merged cells, column widths from
the document's grid, wrapped text and borders; a table continued over pages becomes one, its repeated headers
dropped. It is then checked. No existing sheet is ever written over.

.doc、.wps、.pdf 文件无法读取：请在 Word 或 WPS 中另存为 .docx 后再导入（按文件内容判断，不只看扩展名）。
A .doc, .wps or .pdf cannot be read: save it as .docx in Word or WPS first (told by content, not the name).

选项 / Options:
  -o, --output FILE   写入的新 .xlsx 文件（不得已存在）/ the new .xlsx to write (must not exist yet)
  --into BOOK.xlsx    写入已有工作簿的副本（与 -o 合用），或用 --in-place 直接写入它（先备份为 .bak）/
                      add the sheet to a copy of an existing workbook (with -o), or to it with --in-place (backed up first)
  --in-place          与 --into 合用 / with --into: write into that workbook, after backing it up to .bak
  --force             即使工作簿含有本工具无法保留的内容也继续 / go on even if the workbook holds content this tool cannot keep
  --sheet NAME        新工作表的名称（默认“任务分工”，已有时为“任务分工(2)”等；指定的名称已存在则拒绝）/
                      the new sheet's name (default 任务分工, or 任务分工(2)… when taken; a name given that exists is refused)
  --year YYYY         检查时的计划年度（默认取自标题）/ plan year for the check (default: from the title)
  --units FILE        检查用的单位名录 / unit directory for the check
  --lang zh-CN|en-US  输出语言 / output language
  -h, --help          显示本帮助 / show this help

退出码 / Exit codes: 0 已写入，检查无错误 / written, no errors · 1 已写入，检查发现错误 / written, the check found
  errors · 2 无法处理输入，未写入任何文件 / input unusable, nothing written

示例 / Example:
  allocation import samples/liangjiang-2022-notice.docx -o 任务分工台账.xlsx
  allocation import 通知.docx --into 台账.xlsx -o 台账-已导入.xlsx --sheet 2023年任务分工`;

function newWorkbookTarget(ctx: CliContext, output: string | undefined, inPlace: boolean): OutputTarget {
  if (inPlace) {
    throw new UserFacingError('import.in_place_without_into', {
      zh: '--in-place 需与 --into 合用，指明要写入的已有工作簿',
      en: '--in-place goes with --into, naming the existing workbook to write into',
    });
  }
  if (!output) {
    throw new UserFacingError('cli.missing_output', {
      zh: '请用 -o 指定要生成的 .xlsx 文件，或用 --into 指定已有工作簿',
      en: 'Give the .xlsx to create with -o, or an existing workbook with --into',
    });
  }
  const outputPath = path.resolve(ctx.cwd, output);
  if (path.extname(outputPath).toLowerCase() !== '.xlsx') {
    throw new UserFacingError('cli.output_not_xlsx', { zh: `输出文件名应以 .xlsx 结尾：${output}`, en: `The output file name must end in .xlsx: ${output}` });
  }
  if (fs.existsSync(outputPath)) {
    throw new UserFacingError('import.output_exists', {
      zh: `输出文件已存在：${output}。导入不会覆盖它；要加入这个工作簿，请用 --into ${output} -o <新文件.xlsx>`,
      en: `The output file exists: ${output}. Import never overwrites it; to add to that workbook, use --into ${output} -o <new.xlsx>`,
    });
  }
  const dir = path.dirname(outputPath);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new UserFacingError('cli.output_dir_missing', { zh: `输出文件夹不存在：${dir}`, en: `The output folder does not exist: ${dir}` });
  }
  return { inputPath: outputPath, outputPath, inPlace: false, force: false };
}

function importLine(result: ImportResult, lang: 'zh-CN' | 'en-US'): string {
  const joined = result.parts > 1;
  if (lang === 'en-US') {
    return `Imported ${countOf(result.rows, 'row')} to the new sheet "${result.sheet}"${result.title ? ` (title: ${result.title})` : ''}${joined ? `; ${result.parts} parts of a table continued over pages were joined` : ''}.\n`;
  }
  return `已导入 ${result.rows} 行到新工作表“${result.sheet}”${result.title ? `（标题：${result.title}）` : ''}${joined ? `；跨页续表 ${result.parts} 段已合并` : ''}。\n`;
}

export const importCommand: Command = {
  name: 'import',
  summary: { zh: '从 Word 通知（.docx）导入任务分工表', en: 'import the task table of a Word notice (.docx)' },
  help: HELP,
  async run(argv, ctx) {
    const args = parseArgs(argv, IMPORT_OPTIONS);
    const notice = inputFile(args, ctx, 'import');
    const into = stringOption(args, 'into');
    const target = into ? resolveOutputTarget(ctx, into, args) : newWorkbookTarget(ctx, stringOption(args, 'output'), flag(args, 'in-place'));
    if (into && !fs.existsSync(target.inputPath)) {
      throw new UserFacingError('cli.file_not_found', { zh: `找不到文件：${into}`, en: `File not found: ${into}` });
    }
    if (path.resolve(target.outputPath) === notice.absolute) {
      throw new UserFacingError('cli.output_is_input', { zh: '输出文件不能是通知文件本身', en: 'The output cannot be the notice itself' });
    }
    const planYear = parseYear(stringOption(args, 'year'));
    const directory = await loadUnitsOption(args, ctx);
    const bytes = new Uint8Array(fs.readFileSync(notice.absolute));
    const host = into ? await openForPatch(target) : XlsxHost.fromWorkbook(new ExcelJS.Workbook());
    const result = await runImportNotice(host, bytes, {
      sheet: stringOption(args, 'sheet'),
      ...(planYear !== undefined ? { planYear } : {}),
      ...(directory ? { directory } : {}),
      currentYear: Number(ctx.today.slice(0, 4)),
    });
    const written = await writeOutput(host, target);
    ctx.out(importLine(result, ctx.lang));
    ctx.out(checkText(result.check, { file: path.relative(ctx.cwd, written.written) || written.written, lang: ctx.lang }));
    ctx.out(describeWrite(written, ctx, ctx.lang));
    return countFindings(result.check.analysis).errors > 0 ? 1 : 0;
  },
};
