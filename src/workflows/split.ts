/**
 * 下发: one copy of the master per unit, each holding the measures the unit leads and/or is responsible
 * for, in the master's look (column widths, body font) where the host reads it. One round trip (the read
 * inside runCheck; two when the workbook carries its own 单位名录); nothing is written to the master. The result is the sheets of each unit's workbook as SheetSpecs: the CLI writes
 * them to files, the pane offers them for download.
 */
import { isValidIsoDate } from '../domain/dates';
import { UserFacingError } from '../domain/errors';
import { planSplit, returnCopy, splitArchiveName, splitSetStem, type ReturnIdentity, type SplitRole } from '../domain/returns';
import type { SheetSpec } from '../domain/sheet-spec';
import type { ColumnMap, Task } from '../domain/types';
import type { UnitDirectory } from '../domain/units';
import type { WorkbookHost } from '../ports/workbook-host';
import { runCheck, type CheckResult } from './check';
import { readReturnIdentity } from './return-identity';

export interface SplitOptions {
  /** The 任务分工 sheet; default: the active sheet. */
  sheet?: string;
  planYear?: number;
  directory?: UnitDirectory;
  columns?: Partial<ColumnMap>;
  /** Which units receive a measure: its lead units, its responsible units, or both (default). */
  by?: SplitRole;
  /** When the copies are made ('YYYY-MM-DD HH:mm', the caller's clock); stamped into each copy. */
  generatedAt: string;
  /** 报送时限: the ISO date the copies are due back (stated in each copy and remembered in its identity). */
  due?: string | null;
  /** The clerk's own words for the copies' dropdown (after the standard four); default: the saved 完成情况选项. */
  statusChoices?: readonly string[];
}

export interface UnitWorkbook {
  unit: string;
  /** A safe, unique file name for the unit's workbook ('2022年政务公开任务分工-办公室-回收表.xlsx'). */
  fileName: string;
  measureCount: number;
  /** The measures it receives: indexes into check.analysis.tasks, in master order. */
  taskIndexes: number[];
  /** The workbook's sheets in order: the visible copy, then the very-hidden identity. */
  specs: SheetSpec[];
  identity: ReturnIdentity;
}

export interface SplitResult {
  sheet: string;
  by: SplitRole;
  workbooks: UnitWorkbook[];
  /** The one zip holding every copy, named like them ('2022年政务公开任务分工-各单位回收表.zip'). */
  archiveName: string;
  /** Measures no unit receives (no unit named in the chosen role). */
  unassigned: Task[];
  check: CheckResult;
}

export async function runSplit(host: WorkbookHost, options: SplitOptions): Promise<SplitResult> {
  // A bad option is refused before the workbook is read.
  const due = options.due ?? null;
  if (due !== null && !isValidIsoDate(due)) {
    throw new UserFacingError('split.bad_due', {
      zh: `报送时限“${due}”不是有效日期，请写成 2022-09-15、2022/9/15 或 2022年9月15日`,
      en: `The return deadline "${due}" is not a valid date; write it as 2022-09-15, 2022/9/15 or 2022年9月15日`,
    });
  }
  const check = await runCheck(host, { sheet: options.sheet, planYear: options.planYear, directory: options.directory, columns: options.columns, look: true });
  if (await readReturnIdentity(host, check.snapshot)) {
    throw new UserFacingError('split.is_return', {
      zh: '这个工作簿是下发给单位的回收表，不是任务分工总表；请对总表执行下发',
      en: 'This workbook is a return copy issued to a unit, not the master allocation table; split the master instead',
    });
  }
  const by = options.by ?? 'both';
  const { analysis } = check;
  const grid = check.snapshot.grid!;
  const plan = planSplit(analysis, check.directory, by);
  if (!plan.recipients.length) {
    throw new UserFacingError('split.no_units', {
      zh: `工作表“${analysis.sheet}”中没有任何举措写明${by === 'lead' ? '牵头单位' : by === 'responsible' ? '责任单位' : '牵头或责任单位'}，无法下发`,
      en: `No measure on sheet "${analysis.sheet}" names a ${by === 'lead' ? 'lead' : by === 'responsible' ? 'responsible' : 'lead or responsible'} unit: nothing to split`,
    });
  }
  // The master's column widths and body font, where the host can read them (read with the sheet).
  const look = check.snapshot.look;
  const statusChoices = options.statusChoices ?? check.state.settings.statusChoices;
  const workbooks = plan.recipients.map((recipient) => {
    const copy = returnCopy(grid, analysis, recipient, { by, generatedAt: options.generatedAt, look, due, statusChoices });
    return { unit: recipient.unit, fileName: recipient.fileName, measureCount: recipient.taskIndexes.length, taskIndexes: recipient.taskIndexes, specs: copy.specs, identity: copy.identity };
  });
  return { sheet: analysis.sheet, by, workbooks, archiveName: splitArchiveName(splitSetStem(analysis)), unassigned: plan.unassigned.map((i) => analysis.tasks[i]), check };
}
