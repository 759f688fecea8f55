/**
 * 下发: who receives which measures. Each measure goes to every unit it names as lead and/or responsible;
 * a group (各部门, 各街道, …成员单位) is expanded through the unit directory, so every 部门 receives the
 * measures assigned to 各部门, and a group whose members the directory does not know stays one recipient.
 */
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

/** A unit name as a file stem: characters no file system accepts become _, no leading/trailing dots or spaces. */
export function safeFileStem(name: string): string {
  let stem = name.replace(UNSAFE_FILE_CHARS, '_').replace(/^[\s.]+|[\s.]+$/g, '').slice(0, MAX_FILE_STEM);
  if (!stem || WINDOWS_RESERVED.test(stem)) stem = `_${stem}`;
  return stem;
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
  const usedStems = new Set<string>();
  const recipients = [...byUnit].map(([unit, taskIndexes]) => {
    const base = safeFileStem(unit);
    let stem = base;
    // File systems that ignore case would let two stems collide; number the later one.
    for (let n = 2; usedStems.has(stem.toLowerCase()); n++) stem = `${base}(${n})`;
    usedStems.add(stem.toLowerCase());
    return { unit, taskIndexes, fileName: `${stem}.xlsx` };
  });
  return { by, recipients, unassigned };
}
