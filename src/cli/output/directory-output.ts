/** The review list `allocation directory` prints before making the 单位名录: what goes in, as what, and what stays out. */
import { countOf } from '../../domain/i18n';
import type { Lang } from '../../domain/types';
import type { DirectoryReviewEntry } from '../../workflows/directory';

export interface DirectoryChoices {
  /** Variant spellings merged into their entry as aliases. */
  merged: readonly string[];
  /** Names kept out of the directory. */
  leftOut: readonly string[];
}

export function directoryReviewText(sheet: string, review: readonly DirectoryReviewEntry[], choices: DirectoryChoices, lang: Lang): string {
  const en = lang === 'en-US';
  const merged = new Set(choices.merged);
  const leftOut = new Set(choices.leftOut);
  const tasks = (n: number) => (en ? `${n} task${n === 1 ? '' : 's'}` : `${n} 项任务`);
  const units = review.filter((e) => e.kind === 'unit').length;
  const groups = review.length - units;
  const lines = [
    en
      ? `Units named on sheet "${sheet}": ${countOf(units, 'unit')}, ${countOf(groups, 'group')} (near-duplicate spellings under their unit)`
      : `工作表“${sheet}”中出现的单位：${units} 个单位、${groups} 个单位组（近似写法列在其单位之下）`,
  ];
  for (const entry of review) {
    const notes: string[] = [];
    if (entry.kind === 'group') notes.push(en ? 'group' : '单位组');
    if (leftOut.has(entry.name)) notes.push(entry.stray ? (en ? 'reads like stray text: left out (--keep to list it)' : '像是误填的文字，不列入（用 --keep 保留）') : en ? 'left out' : '不列入');
    else if (entry.stray) notes.push(en ? 'reads like stray text: kept' : '像是误填的文字，已保留');
    lines.push(`  ${entry.name}  ${tasks(entry.tasks)}${notes.length ? `  〔${notes.join(en ? '; ' : '；')}〕` : ''}`);
    for (const v of entry.variants) {
      const as = leftOut.has(v.name)
        ? en ? 'left out' : '不列入'
        : merged.has(v.name)
          ? en ? `merged into ${entry.name} as an alias` : `已合并为“${entry.name}”的别名`
          : en ? `listed as a unit of its own (--merge "${v.name}" to make it an alias)` : `单列为单位（用 --merge ${v.name} 合并为别名）`;
      lines.push(en ? `    near-duplicate: ${v.name}  ${tasks(v.tasks)}  — ${as}` : `    近似写法：${v.name}  ${tasks(v.tasks)}  — ${as}`);
    }
  }
  return lines.join('\n') + '\n';
}
