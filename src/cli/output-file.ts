/**
 * Where a command that changes a workbook writes it, shared by highlight, clear, summary, report, collect, carry and
 * import --into:
 *  - `-o out.xlsx` writes a new file; the input is never overwritten, and `-o` naming the input is refused;
 *  - `--in-place` overwrites the input, after copying it to `<input>.bak` (never overwriting an older backup);
 *  - each of them patches the file (openForPatch): only a workbook a change cannot keep intact is refused,
 *    unless `--force`;
 *  - the file is written by the host's atomic save (temp file + rename): never a half-written output.
 */
import * as fs from 'fs';
import * as path from 'path';
import { UserFacingError } from '../domain/errors';
import { flag, stringOption, type OptionSpec, type ParsedArgs } from './args';
import type { CliIO } from './command';
import { errnoText } from './errno-text';
import { PackageFile } from './package-file';
import type { LocalText } from '../domain/types';

export const OUTPUT_OPTIONS: OptionSpec[] = [
  { name: 'output', alias: 'o', value: true },
  { name: 'in-place', value: false },
  { name: 'force', value: false },
];

/** Help lines for the options above, to paste into a command's --help. */
export const OUTPUT_HELP = [
  '  -o, --output FILE   写入新文件（.xlsx），不改动输入文件 / write a new .xlsx file; the input stays as it is',
  '  --in-place          直接改写输入文件，先备份为 <输入文件>.bak / overwrite the input after backing it up to <input>.bak',
  '  --force             即使工作簿含有改动后无法保持完好的内容也继续（工作簿结构保护、数字签名、.xlsx 名下的宏）/',
  '                      go on even if the workbook holds content a change cannot keep intact',
  '                      (structure protection, a signature, macros under an .xlsx name)',
].join('\n');

export interface OutputTarget {
  inputPath: string;
  /** Where the result goes (the input itself with --in-place). */
  outputPath: string;
  inPlace: boolean;
  force: boolean;
}

/** Whether two paths name one file (through symlinks too); a path that does not exist yet is only itself. */
export function samePath(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    return fs.realpathSync(a) === fs.realpathSync(b);
  } catch {
    return false; // b does not exist yet: it cannot be the same file as a
  }
}

/** Validates the input/output arguments before anything is read or written. */
export function resolveOutputTarget(io: CliIO, input: string | undefined, args: ParsedArgs): OutputTarget {
  if (!input) {
    throw new UserFacingError('cli.missing_input', { zh: '请指定要处理的 .xlsx 文件', en: 'Give the .xlsx file to work on' });
  }
  const inputPath = path.resolve(io.cwd, input);
  const output = stringOption(args, 'output');
  const inPlace = flag(args, 'in-place');
  const force = flag(args, 'force');
  if (output && inPlace) {
    throw new UserFacingError('cli.output_conflict', {
      zh: '-o 与 --in-place 只能选一个：要么写入新文件，要么改写原文件',
      en: 'Use either -o or --in-place, not both: write a new file or overwrite the input',
    });
  }
  if (!output && !inPlace) {
    throw new UserFacingError('cli.missing_output', {
      zh: '请用 -o 指定输出文件（原文件不会被改动），或用 --in-place 改写原文件（会先备份为 .bak）',
      en: 'Give an output file with -o (the input is left as it is), or --in-place to overwrite the input (backed up to .bak first)',
    });
  }
  if (inPlace) return { inputPath, outputPath: inputPath, inPlace, force };

  const outputPath = path.resolve(io.cwd, output as string);
  if (samePath(inputPath, outputPath)) {
    throw new UserFacingError('cli.output_is_input', {
      zh: `输出文件与输入文件相同（${output}）。为防止误改原文件，请换一个输出文件名，或使用 --in-place（会先备份）`,
      en: `The output is the input file (${output}). To protect the original, choose another output name, or use --in-place (which backs it up first)`,
    });
  }
  if (path.extname(outputPath).toLowerCase() !== '.xlsx') {
    throw new UserFacingError('cli.output_not_xlsx', {
      zh: `输出文件名应以 .xlsx 结尾：${output}`,
      en: `The output file name must end in .xlsx: ${output}`,
    });
  }
  const dir = path.dirname(outputPath);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new UserFacingError('cli.output_dir_missing', {
      zh: `输出文件夹不存在：${dir}`,
      en: `The output folder does not exist: ${dir}`,
    });
  }
  return { inputPath, outputPath, inPlace, force };
}

/** `<input>.bak`, or `<input>.bak2`, `.bak3` … when older backups exist (an older backup is never overwritten). */
export function backupPathFor(inputPath: string): string {
  let candidate = `${inputPath}.bak`;
  for (let n = 2; fs.existsSync(candidate); n++) candidate = `${inputPath}.bak${n}`;
  return candidate;
}

/**
 * Opens the input of a command that changes colours or writes product sheets: the package host patches the
 * file, so only what patching cannot keep safe is refused (PackageHost.refusals says what and why), unless --force.
 */
export async function openForPatch(target: OutputTarget): Promise<PackageFile> {
  const file = await PackageFile.open(target.inputPath);
  if (!target.force) {
    const risks = file.host.refusals(target.outputPath);
    if (risks.length) throw patchRefusal(risks);
  }
  return file;
}

function patchRefusal(risks: LocalText[]): UserFacingError {
  return new UserFacingError('xlsx.cannot_patch_safely', {
    zh: `这个工作簿含有改动后无法保持完好的内容：${risks.map((r) => r.zh).join('、')}。为安全起见，未写入任何文件。请在 Excel 中使用任务分工助手加载项，或确认后加 --force 重新运行。`,
    en: `This workbook holds content a change cannot keep intact: ${risks.map((r) => r.en).join(', ')}. Nothing was written. Use the add-in inside Excel, or re-run with --force if that is acceptable.`,
  });
}

export interface SavableWorkbook {
  save(path: string, keep?: { mode: number; uid: number; gid: number }): Promise<void>;
}

/** Writes the workbook where the target says; with --in-place the input is first copied to a backup. */
export async function writeOutput(host: SavableWorkbook, target: OutputTarget): Promise<{ written: string; backup: string | null }> {
  let backup: string | null = null;
  if (target.inPlace) {
    // Through a symlink to the file it names: the link stays a link, the file keeps its mode and owner.
    const real = fs.realpathSync(target.inputPath);
    const st = fs.statSync(real);
    backup = backupPathFor(target.inputPath);
    try {
      // COPYFILE_EXCL: should another process create the name in between, fail rather than overwrite it.
      fs.copyFileSync(real, backup, fs.constants.COPYFILE_EXCL);
      fs.chmodSync(backup, st.mode & 0o7777);
    } catch (e) {
      fs.rmSync(backup, { force: true });
      const why = errnoText(e);
      throw new UserFacingError('cli.cannot_backup', {
        zh: `无法备份原文件为 ${backup}（${why.zh}），原文件未改动`,
        en: `Cannot back up the original to ${backup} (${why.en}); the original is unchanged`,
      });
    }
    await host.save(real, { mode: st.mode, uid: st.uid, gid: st.gid });
    return { written: target.outputPath, backup };
  }
  await host.save(target.outputPath);
  return { written: target.outputPath, backup };
}

/** The lines a command prints after writing, zh-CN or en-US. */
export function describeWrite(result: { written: string; backup: string | null }, io: CliIO, lang: 'zh-CN' | 'en-US'): string {
  const rel = (p: string) => path.relative(io.cwd, p) || p;
  const lines = [lang === 'en-US' ? `Written: ${rel(result.written)}` : `已写入：${rel(result.written)}`];
  if (result.backup) lines.push(lang === 'en-US' ? `Backup of the original: ${rel(result.backup)}` : `原文件已备份：${rel(result.backup)}`);
  return lines.join('\n') + '\n';
}
