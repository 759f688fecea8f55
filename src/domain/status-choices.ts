/**
 * The words a 下发 copy's 完成情况 dropdown offers: the standard four, the clerk's own (saved in the settings as
 * 完成情况选项), then the words the master already uses. The clerk's words are checked when they are saved, so
 * a copy never offers a word that collect could not read back.
 */
import type { LocalText, SheetAnalysis } from './types';
import { parseStatus, STATUS_CHOICES } from './status';

/** 已完成, 序时推进, 进度滞后, 未启动: always offered, first. */
export const STANDARD_STATUS_CHOICES: readonly string[] = STATUS_CHOICES.slice(0, 4);
/** The most words a dropdown offers: a list, not a thesaurus (and within Excel's 255-character limit). */
export const MAX_STATUS_CHOICES = 10;
/** The clerk's own words, at most: what is left of the dropdown after the standard four. */
export const MAX_OWN_STATUS_CHOICES = MAX_STATUS_CHOICES - STANDARD_STATUS_CHOICES.length;
export const MAX_CHOICE_LENGTH = 12;

/** The separators a clerk lists words with: 、，, ；; / and spaces. */
const CHOICE_SEPARATORS = /[、，,；;/\s]+/;

/** A word fit for the dropdown: short, and no figure or comma (a sentence or a date, and a comma splits the list). */
export function isDropdownWord(word: string): boolean {
  return word !== '' && word.length <= MAX_CHOICE_LENGTH && !/[\d,]/.test(word);
}

/** Why a word the clerk typed cannot be a choice; null when it can. */
function choiceProblem(word: string): LocalText | null {
  if (!isDropdownWord(word)) {
    return { zh: `“${word}”不能作为选项（每项不超过 ${MAX_CHOICE_LENGTH} 个字，不含数字）`, en: `"${word}" cannot be a choice (at most ${MAX_CHOICE_LENGTH} characters, no figures)` };
  }
  // The plan year does not matter: a choice has no date in it.
  if (!parseStatus(word, 2000).recognised) {
    return { zh: `“${word}”看不出是完成、推进、滞后还是未启动，回收时无法判断`, en: `"${word}" reads as neither done, in progress, behind nor not started, so a return using it could not be judged` };
  }
  return null;
}

export type StatusChoicesReading = { ok: true; words: string[] } | { ok: false; problem: LocalText };

/**
 * The clerk's list as typed (已整改、部分整改): its words in order, repeats and the standard four dropped; or
 * what is wrong with it. An empty text is an empty list.
 */
export function readStatusChoices(text: string): StatusChoicesReading {
  const words: string[] = [];
  for (const word of text.split(CHOICE_SEPARATORS).map((w) => w.trim()).filter((w) => w !== '')) {
    const problem = choiceProblem(word);
    if (problem) return { ok: false, problem };
    if (!words.includes(word) && !STANDARD_STATUS_CHOICES.includes(word)) words.push(word);
  }
  if (words.length > MAX_OWN_STATUS_CHOICES) {
    return {
      ok: false,
      problem: { zh: `最多 ${MAX_OWN_STATUS_CHOICES} 个选项（另有 ${STANDARD_STATUS_CHOICES.length} 个标准选项），现有 ${words.length} 个`, en: `at most ${MAX_OWN_STATUS_CHOICES} choices (besides the ${STANDARD_STATUS_CHOICES.length} standard ones); there are ${words.length}` },
    };
  }
  return { ok: true, words };
}

/** The saved list as the clerk reads it: 已整改、部分整改. */
export function statusChoicesText(words: readonly string[] | undefined): string {
  return (words ?? []).join('、');
}

/**
 * The dropdown's words: 已完成, 序时推进, 进度滞后, 未启动; then the settings' own (the clerk chose them, so the
 * master's wording never crowds them out); then the words the master already uses (most used first,
 * recognised ones only). Other wording stays allowed.
 */
export function statusChoicesFor(analysis: SheetAnalysis, extra: readonly string[] = []): string[] {
  const choices = [...STANDARD_STATUS_CHOICES];
  const used = new Map<string, number>();
  for (const task of analysis.tasks) {
    const text = task.status?.recognised ? task.status.text.trim() : '';
    if (text) used.set(text, (used.get(text) ?? 0) + 1);
  }
  const byUse = [...used].sort((a, b) => b[1] - a[1]).map(([text]) => text);
  for (const word of [...extra.map((w) => w.trim()), ...byUse]) {
    if (choices.length >= MAX_STATUS_CHOICES) break;
    // Saved settings travel in the file and may have been edited by hand: an unfit word is left out.
    if (isDropdownWord(word) && !choices.includes(word)) choices.push(word);
  }
  return choices;
}
