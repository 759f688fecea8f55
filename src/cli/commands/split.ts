/** `allocation split` — 下发: one workbook per unit holding the measures it leads and/or is responsible for. */
import { countOf } from '../../domain/i18n';
import * as fs from 'fs';
import * as path from 'path';
import { parseTypedDate } from '../../domain/dates';
import { isUserFacingError, UserFacingError } from '../../domain/errors';
import { parseSplitRole } from '../../domain/returns';
import { readStatusChoices } from '../../domain/status-choices';
import { displayWidth } from '../../domain/text-metrics';
import { XlsxHost, writeSpecsToWorkbook } from '../../hosts/xlsx';
import { runSplit, type SplitResult } from '../../workflows/split';
import { flag, parseArgs, stringOption, type OptionSpec } from '../args';
import type { CliContext, Command } from '../command';
import { generatedAt, inputFile, READ_OPTIONS, READ_OPTIONS_HELP, readOptions } from '../options';
import { PackageFile } from '../package-file';
import { errnoText } from '../errno-text';

const SPLIT_OPTIONS: OptionSpec[] = [
  { name: 'out', value: true },
  { name: 'by', value: true },
  { name: 'due', value: true },
  { name: 'status-choices', value: true },
  { name: 'force', value: false },
  ...READ_OPTIONS,
];

const HELP = `allocation split <任务分工.xlsx> --out <文件夹> [选项]
下发：为每个单位生成一个工作簿（如“2022年政务公开任务分工-办公室-回收表.xlsx”），只含该单位牵头或负责的举措；“各部门”“各街道”等按单位名录展开
（成员不明的组作为一个单位）。每个工作簿保留总表的标题、表头和分类标题，增加“完成情况”（下拉选择标准用语）、
“进展说明”“完成日期”三列；任务列已保护（无密码），只有这三列可填。隐藏的下发标识供 allocation collect 核对。
Split: one workbook per unit (named after it) with only the measures it leads or is responsible for; groups such
as 各部门 are expanded through the unit directory. Each copy keeps the master's title, header and headings, adds
完成情况 (a dropdown of the standard words), 进展说明 and 完成日期, locks the task columns (no password), and
carries a hidden identity that allocation collect checks.

选项 / Options:
  --out DIR           输出文件夹（不存在则新建）/ output folder (created if missing)
  --by lead|responsible|both
                      按牵头单位、责任单位或两者下发（默认 both）/ send to lead units, responsible units or both (default)
  --due 日期          报送时限，写入每份回收表（如 2022-09-15、2022/9/15、2022年9月15日）/ the date the copies are
                      due back, stated in each copy
  --status-choices 词语
                      下拉列表在 4 个标准选项之后增加的完成情况用语，用顿号或逗号分隔（如 已整改、部分整改；
                      默认取工作簿设置中的“完成情况选项”）/ status words the dropdown offers after the 4 standard
                      ones, separated by 、 or commas (default: the workbook's saved statusChoices)
  --force             覆盖文件夹中已有的同名文件（输入文件本身从不覆盖）/ overwrite files of the same name in the folder
                      (never the input itself)
${READ_OPTIONS_HELP}

退出码 / Exit codes: 0 已生成/written · 2 无法处理输入，未写入任何文件（写入中途失败时列出已写入的文件）/
  input unusable, nothing written (a failure while moving the set in names the files that are in place)

示例 / Example:
  allocation split samples/liangjiang-2022.xlsx --out 下发`;

/** --due as an ISO date: typed as a clerk types it (2022/9/15, 2022.9.15, 2022年9月15日). */
function dueOption(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const iso = parseTypedDate(raw);
  if (!iso) {
    throw new UserFacingError('split.bad_due', {
      zh: `--due 的报送时限“${raw}”不是有效日期，请写成 2022-09-15、2022/9/15 或 2022年9月15日`,
      en: `--due "${raw}" is not a valid date; write it as 2022-09-15, 2022/9/15 or 2022年9月15日`,
    });
  }
  return iso;
}

/** --status-choices as words, checked as the setting 完成情况选项 is; absent: the workbook's saved ones. */
function statusChoicesOption(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const reading = readStatusChoices(raw);
  if (!reading.ok) {
    throw new UserFacingError('split.bad_status_choices', {
      zh: `--status-choices 不能取值“${raw}”：${reading.problem.zh}`,
      en: `--status-choices cannot be "${raw}": ${reading.problem.en}`,
    });
  }
  return reading.words;
}

/** Names the staging folder's manifest: what tells a leftover set of ours from a clerk's folder. */
const MANIFEST = 'allocation-split.json';
const MANIFEST_KIND = 'allocation-split-set';

/** The input is never an output, whatever the flags: compared as files (device and inode), not as names. */
function refuseInputAsTarget(input: string, targets: string[]): void {
  const inputStat = fs.statSync(input);
  for (const target of targets) {
    let st: fs.Stats;
    try {
      st = fs.statSync(target);
    } catch {
      continue;
    }
    if (st.dev === inputStat.dev && st.ino === inputStat.ino) {
      throw new UserFacingError('split.target_is_input', {
        zh: `要生成的“${path.basename(target)}”就是输入的总表本身，不能覆盖。请换一个 --out 文件夹`,
        en: `"${path.basename(target)}" to be written is the master itself, which is never overwritten. Choose another --out folder`,
      });
    }
  }
}

interface StagingManifest {
  kind: string;
  files: string[];
}

function readManifest(folder: string): StagingManifest | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(folder, MANIFEST), 'utf8')) as unknown;
    if (!parsed || typeof parsed !== 'object') return null;
    const m = parsed as Partial<StagingManifest>;
    if (m.kind !== MANIFEST_KIND || !Array.isArray(m.files) || !m.files.every((f) => typeof f === 'string')) return null;
    return { kind: m.kind, files: m.files };
  } catch {
    return null;
  }
}

/**
 * Files of an earlier run's set that were moved into the folder before it stopped (its staging folder,
 * recognised by its manifest, still lists them); the staging folders themselves are removed.
 */
function leftoverSplitFiles(dir: string): Set<string> {
  const moved = new Set<string>();
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return moved;
  }
  for (const entry of entries) {
    if (!entry.isDirectory() || !entry.name.startsWith('.split-')) continue;
    const folder = path.join(dir, entry.name);
    const manifest = readManifest(folder);
    if (!manifest) continue;
    manifest.files.forEach((name, i) => {
      if (!fs.existsSync(path.join(folder, `${i}.xlsx`)) && fs.existsSync(path.join(dir, name))) moved.add(name);
    });
    fs.rmSync(folder, { recursive: true, force: true });
  }
  return moved;
}

/**
 * Writes the whole set into a staging folder inside the target (short names, same file system), then
 * moves the files in. A failure while writing leaves the folder as it was; a failure while moving names
 * exactly which files are in place, and a rerun replaces them without --force.
 */
async function writeSet(dir: string, names: string[], books: XlsxHost[]): Promise<void> {
  let staging: string;
  try {
    staging = fs.mkdtempSync(path.join(dir, '.split-'));
  } catch (e) {
    throw cannotWrite(dir, e, []);
  }
  try {
    fs.writeFileSync(path.join(staging, MANIFEST), JSON.stringify({ kind: MANIFEST_KIND, files: names }));
    for (let i = 0; i < books.length; i++) await books[i].save(path.join(staging, `${i}.xlsx`));
  } catch (e) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw cannotWrite(dir, e, []);
  }
  const placed: string[] = [];
  for (let i = 0; i < names.length; i++) {
    try {
      fs.renameSync(path.join(staging, `${i}.xlsx`), path.join(dir, names[i]));
      placed.push(names[i]);
    } catch (e) {
      throw cannotWrite(dir, e, placed);
    }
  }
  fs.rmSync(staging, { recursive: true, force: true });
}

function cannotWrite(dir: string, e: unknown, placed: string[]): UserFacingError {
  const why = isUserFacingError(e) ? e.text : errnoText(e);
  const detail = why.zh;
  const detailEn = why.en;
  const zhPlaced = placed.length ? `已写入 ${placed.length} 个文件：${placed.join('、')}；重新执行即可补齐（无需 --force）` : '文件夹中未写入任何文件';
  const enPlaced = placed.length ? `${placed.length === 1 ? '1 file is' : `${placed.length} files are`} in place: ${placed.join(', ')}; run again to complete the set (no --force needed)` : 'nothing was written to the folder';
  return new UserFacingError('split.cannot_write', {
    zh: `无法在“${dir}”中写入下发文件（${detail}）。${zhPlaced}`,
    en: `Cannot write the units' workbooks in "${dir}" (${detailEn}). ${enPlaced}`,
  });
}

function outputFolder(raw: string | undefined, ctx: CliContext): string {
  if (!raw) {
    throw new UserFacingError('cli.missing_out', {
      zh: '请用 --out 指定存放各单位工作簿的文件夹',
      en: 'Give the folder for the units’ workbooks with --out',
    });
  }
  const dir = path.resolve(ctx.cwd, raw);
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) {
    throw new UserFacingError('cli.out_not_folder', { zh: `--out 应为文件夹，而“${raw}”是文件`, en: `--out must be a folder, but "${raw}" is a file` });
  }
  if (!fs.existsSync(path.dirname(dir))) {
    throw new UserFacingError('cli.output_dir_missing', { zh: `输出文件夹的上级文件夹不存在：${path.dirname(dir)}`, en: `The output folder's parent does not exist: ${path.dirname(dir)}` });
  }
  return dir;
}

function report(result: SplitResult, dir: string, ctx: CliContext): string {
  const en = ctx.lang === 'en-US';
  const rel = path.relative(ctx.cwd, dir) || '.';
  // Aligned by display width: a CJK character takes two terminal columns.
  const width = Math.max(...result.workbooks.map((w) => displayWidth(w.fileName)));
  const lines = result.workbooks.map(
    (w) => `  ${w.fileName}${' '.repeat(width - displayWidth(w.fileName))}  ${en ? countOf(w.measureCount, 'measure') : `${w.measureCount} 项`}`,
  );
  const copies = result.workbooks.reduce((n, w) => n + w.measureCount, 0);
  const covered = result.check.analysis.tasks.length - result.unassigned.length;
  lines.push(
    en
      ? `Total: ${countOf(result.workbooks.length, 'unit')}, ${covered} of ${result.check.analysis.tasks.length} measures sent (${copies} unit-measures), in ${rel}`
      : `合计：${result.workbooks.length} 个单位，下发 ${covered}/${result.check.analysis.tasks.length} 项举措（按单位计 ${copies} 项），保存在 ${rel}`,
  );
  for (const task of result.unassigned) {
    lines.push(
      en
        ? `Not sent (no unit in the chosen role): row ${task.row}, measure ${task.no || '-'}`
        : `未下发（未写明相应单位）：第 ${task.row} 行，第 ${task.no || '-'} 项`,
    );
  }
  return lines.join('\n') + '\n';
}

export const splitCommand: Command = {
  name: 'split',
  summary: { zh: '下发：按单位拆分任务，生成各单位的回收表', en: 'split the tasks into one return workbook per unit' },
  help: HELP,
  async run(argv: string[], ctx: CliContext): Promise<number> {
    const args = parseArgs(argv, SPLIT_OPTIONS);
    const input = inputFile(args, ctx, 'split');
    const dir = outputFolder(stringOption(args, 'out'), ctx);
    const by = parseSplitRole(stringOption(args, 'by'));
    const due = dueOption(stringOption(args, 'due'));
    const statusChoices = statusChoicesOption(stringOption(args, 'status-choices'));
    const read = await readOptions(args, ctx);
    const host = await PackageFile.open(input.absolute);
    const result = await runSplit(host, { ...read, by, due, statusChoices, generatedAt: generatedAt(ctx) });
    const names = result.workbooks.map((w) => w.fileName);
    const targets = names.map((n) => path.join(dir, n));
    refuseInputAsTarget(input.absolute, targets);
    // A set a killed or failed earlier run left behind may be replaced without --force.
    const leftover = leftoverSplitFiles(dir);
    const existing = targets.filter((t) => fs.existsSync(t) && !leftover.has(path.basename(t)));
    if (existing.length && !flag(args, 'force')) {
      const listed = existing.map((t) => path.basename(t)).join('、');
      throw new UserFacingError('split.files_exist', {
        zh: `文件夹中已有同名文件：${listed}。请换一个文件夹，或先移走这些文件`,
        en: `The folder already holds: ${listed}. Choose another folder, or move these files away first`,
      });
    }
    // Every workbook is built before the first is written: a spec problem stops the run with nothing written.
    const books = result.workbooks.map((w) => XlsxHost.fromWorkbook(writeSpecsToWorkbook(w.specs)));
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch (e) {
      throw cannotWrite(dir, e, []);
    }
    await writeSet(dir, names, books);
    ctx.out(report(result, dir, ctx));
    return 0;
  },
};
