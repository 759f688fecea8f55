/** How highlight (and report) show what the colour-coding did: counts per state, then what happened to the cells. */
import { chineseDate } from '../../domain/dates';
import { countOf, pick } from '../../domain/i18n';
import { STATE_NAMES } from '../../domain/row-state';
import { displayWidth } from '../../domain/text-metrics';
import { ROW_STATES, type Lang } from '../../domain/types';
import type { HighlightResult } from '../../workflows/highlight';

/** Counts per state, one line each with the state's name, then what happened to the cells. */
export function formatHighlightResult(result: HighlightResult, lang: Lang): string {
  const en = lang === 'en-US';
  const lines = [
    en
      ? `Sheet "${result.sheet}", as of ${result.plan.asOf} (due soon = within ${result.plan.soonDays} working days): ${countOf(result.plan.tasks.length, 'task')}`
      : `工作表“${result.sheet}”，截至${chineseDate(result.plan.asOf)}（临期：${result.plan.soonDays} 个工作日内到期）：共 ${result.plan.tasks.length} 项任务`,
  ];
  const names = ROW_STATES.map((state) => pick(STATE_NAMES[state], lang));
  const width = Math.max(...names.map(displayWidth));
  ROW_STATES.forEach((state, i) => lines.push(`  ${names[i]}${' '.repeat(width - displayWidth(names[i]) + 2)}${result.counts[state]}`));
  lines.push(
    en
      ? `Coloured cells: ${result.colouredCells}; original colours put back: ${result.restoredCells}; cells kept with your own colour: ${result.userColouredCells}`
      : `已着色单元格 ${result.colouredCells} 个；恢复原色 ${result.restoredCells} 个；保留手工改色 ${result.userColouredCells} 个`,
  );
  for (const w of result.warnings) lines.push((en ? 'Warning: ' : '注意：') + pick(w, lang));
  return lines.join('\n') + '\n';
}

