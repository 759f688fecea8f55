/**
 * 催办: the units to chase and the text to send each of them, as of a date — one read, no change to the workbook.
 *
 * The as-of date and the due-soon window are the highlight's: the date the sheet was last coloured as of (the
 * saved record) unless one is given, and the saved due-soon setting — so the units chased are the rows the
 * clerk sees in red and yellow.
 */
import { UserFacingError } from '../domain/errors';
import { buildReminders, resolveReplyBy, type ReminderPlan, type UnitReminder } from '../domain/reminders';
import { buildSummary, type SummaryModel } from '../domain/summary';
import type { ColumnMap } from '../domain/types';
import type { UnitDirectory } from '../domain/units';
import type { WorkbookHost } from '../ports/workbook-host';
import { highlightOf } from '../domain/workbook-state';
import { runCheck, type CheckResult } from './check';
import { resolveSoonDays, validateAsOf, validateSoonDays } from './highlight';

export interface RemindOptions {
  sheet?: string;
  /** Default: the date the sheet was last coloured as of, else `today`. */
  asOf?: string;
  /** Default: the workbook's saved setting, else 10. */
  soonDays?: number;
  /** Only this unit (a directory name, alias or group, or the name as the sheet writes it). */
  unit?: string;
  /** Report-by date; default: the saved reply days (else 3 working days) after the as-of date. */
  replyBy?: string;
  /** The caller's today (ISO), the as-of date when neither the options nor a saved colouring give one. */
  today: string;
  directory?: UnitDirectory;
  planYear?: number;
  columns?: Partial<ColumnMap>;
}

export interface RemindResult {
  sheet: string;
  asOf: string;
  /** Where the as-of date came from: given, the saved colouring's, or today. */
  asOfSource: 'option' | 'highlight' | 'today';
  soonDays: number;
  plan: ReminderPlan;
  /** The units reported: all of the plan's, or the one asked for (none when it has nothing late). */
  units: UnitReminder[];
  /** The unit asked for, as the plan names it; null when all were asked for. */
  unit: string | null;
  model: SummaryModel;
  check: CheckResult;
}

/** The plan's name for the unit the clerk typed: its canonical directory name, group name, or as typed. */
function unitNamed(name: string, directory: UnitDirectory): string {
  const r = directory.resolve(name.trim());
  return r.kind === 'unit' ? r.canonical : r.kind === 'group' ? r.group : name.trim();
}

export async function runRemind(host: WorkbookHost, options: RemindOptions): Promise<RemindResult> {
  if (options.asOf !== undefined) validateAsOf(options.asOf);
  if (options.soonDays !== undefined) validateSoonDays(options.soonDays);
  validateAsOf(options.today);

  const check = await runCheck(host, { sheet: options.sheet, planYear: options.planYear, directory: options.directory, columns: options.columns });
  const saved = highlightOf(check.state, check.analysis.sheet)?.asOf;
  const asOfSource = options.asOf !== undefined ? 'option' : saved ? 'highlight' : 'today';
  const asOf = options.asOf ?? saved ?? options.today;
  validateAsOf(asOf);
  const soonDays = resolveSoonDays(options.soonDays, check.state);
  const replyBy = resolveReplyBy(asOf, options.replyBy, check.state.settings.remindReplyDays);

  const model = buildSummary(check.analysis, { asOf, soonDays, directory: check.directory, generatedAt: asOf });
  const plan = buildReminders(model, { directory: check.directory, replyBy });

  let units = plan.units;
  let unit: string | null = null;
  if (options.unit !== undefined) {
    unit = unitNamed(options.unit, check.directory);
    units = plan.units.filter((u) => u.unit === unit);
    const known = check.directory.resolve(options.unit.trim()).kind !== 'unknown' || check.analysis.tasks.some((t) => [...t.lead, ...t.responsible].includes(unit as string));
    if (!units.length && !known) {
      const names = plan.units.map((u) => u.unit);
      throw new UserFacingError('remind.unknown_unit', {
        zh: `单位“${options.unit}”既不在单位名录中，也未出现在任务分工表中。${names.length ? `需催办的单位：${names.join('、')}` : '当前没有需催办的单位'}`,
        en: `"${options.unit}" is neither in the unit directory nor named in the sheet. ${names.length ? `Units to chase: ${names.join(', ')}` : 'No unit needs chasing now'}`,
      });
    }
  }
  return { sheet: check.analysis.sheet, asOf, asOfSource, soonDays, plan, units, unit, model, check };
}
