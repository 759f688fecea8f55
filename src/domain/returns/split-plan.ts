/**
 * 下发: who receives which measures. Each measure goes to every unit it names as lead and/or responsible;
 * a group (各部门, 各街道, …成员单位) is expanded through the unit directory, so every 部门 receives the
 * measures assigned to 各部门, and a group whose members the directory does not know stays one recipient.
 */
import { cutToUtf8Bytes, utf8Length } from '../text';
import type { SheetAnalysis, Task } from '../types';
import type { UnitDirectory } from '../units';
import type { SplitRole } from './identity';

export interface SplitRecipient {
  /** Canonical unit name (or a group with unknown members, or a name the directory does not know). */
  unit: string;
  /** Index into analysis.tasks of each measure the unit receives, in master order. */
  taskIndexes: number[];
  /** A file name for the unit's workbook, safe on Windows, macOS and Linux, unique within the plan. */
  fileName: string;
}

export interface SplitPlan {
  by: SplitRole;
  recipients: SplitRecipient[];
  /** Measures that name no unit in the chosen role (nobody receives them). */
  unassigned: number[];
}

/** The units that receive a task: its lead and/or responsible units, groups expanded, without repeats. */
export function recipientsOf(task: Task, directory: UnitDirectory, by: SplitRole): string[] {
  const names = [...(by !== 'responsible' ? task.lead : []), ...(by !== 'lead' ? task.responsible : [])];
  const out = new Set<string>();
  for (const name of names) for (const unit of directory.expand(name)) out.add(unit);
  return [...out];
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not hold
const UNSAFE_FILE_CHARS = /[\\/:*?"<>|\u0000-\u001F]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const MAX_FILE_STEM = 80;
/** The longest file name (one path component) Windows, macOS and Linux all accept, in UTF-8 bytes. */
export const MAX_FILE_NAME_BYTES = 255;
const COPY_SUFFIX = '-回收表.xlsx';
const ARCHIVE_SUFFIX = '-各单位回收表.zip';

/** A unit name as a file stem: characters no file system accepts become _, no leading/trailing dots or spaces. */
export function safeFileStem(name: string): string {
  let stem = name.replace(UNSAFE_FILE_CHARS, '_').replace(/^[\s.]+|[\s.]+$/g, '').slice(0, MAX_FILE_STEM);
  if (!stem || WINDOWS_RESERVED.test(stem)) stem = `_${stem}`;
  return stem;
}

/** The text cut to at most `bytes` UTF-8 bytes, without the dots and spaces a file name may not end with. */
function cutToBytes(s: string, bytes: number): string {
  return cutToUtf8Bytes(s, bytes).replace(/[\s.]+$/, '');
}

/**
 * What the set of copies is called: the table's title with its plan year in front when the title does not
 * name it (2022年政务公开任务分工), else the sheet's name with the year (2022年任务分工).
 */
export function splitSetStem(analysis: Pick<SheetAnalysis, 'title' | 'sheet' | 'planYear'>): string {
  const title = (analysis.title ?? '').replace(/\s+/g, '');
  const base = title || analysis.sheet.trim();
  const named = base.includes(String(analysis.planYear)) ? base : `${analysis.planYear}年${base}`;
  // safeFileStem drops the dots and spaces a name may not end with.
  return safeFileStem(named);
}

/**
 * A copy's file name: set stem, unit, 回收表 (2022年政务公开任务分工-办公室-回收表.xlsx), within
 * MAX_FILE_NAME_BYTES — the set stem gives way first, then the unit — with `tag` ((2), (3)…) keeping it unique.
 */
export function copyFileName(setStem: string, unit: string, tag = ''): string {
  const unitStem = safeFileStem(unit);
  const fixed = utf8Length(`-${tag}${COPY_SUFFIX}`);
  const unitPart = cutToBytes(unitStem, Math.max(1, MAX_FILE_NAME_BYTES - fixed - utf8Length('_-')));
  const setPart = cutToBytes(setStem, MAX_FILE_NAME_BYTES - fixed - utf8Length(unitPart) - 1) || '_';
  return `${setPart}-${unitPart}${tag}${COPY_SUFFIX}`;
}

/** The one zip holding every copy (2022年政务公开任务分工-各单位回收表.zip). */
export function splitArchiveName(setStem: string): string {
  return `${cutToBytes(setStem, MAX_FILE_NAME_BYTES - utf8Length(ARCHIVE_SUFFIX)) || '_'}${ARCHIVE_SUFFIX}`;
}

/** Recipients in the order the master first names them. */
export function planSplit(analysis: SheetAnalysis, directory: UnitDirectory, by: SplitRole): SplitPlan {
  const byUnit = new Map<string, number[]>();
  const unassigned: number[] = [];
  analysis.tasks.forEach((task, i) => {
    const units = recipientsOf(task, directory, by);
    if (!units.length) unassigned.push(i);
    for (const unit of units) {
      const list = byUnit.get(unit);
      if (list) list.push(i);
      else byUnit.set(unit, [i]);
    }
  });
  const setStem = splitSetStem(analysis);
  const usedNames = new Set<string>();
  const recipients = [...byUnit].map(([unit, taskIndexes]) => {
    let fileName = copyFileName(setStem, unit);
    // File systems that ignore case would let two names collide (and two units may cut to one): number the later one.
    for (let n = 2; usedNames.has(fileName.toLowerCase()); n++) fileName = copyFileName(setStem, unit, `(${n})`);
    usedNames.add(fileName.toLowerCase());
    return { unit, taskIndexes, fileName };
  });
  return { by, recipients, unassigned };
}
