/**
 * The coloured 任务分工 sheet on paper: its header carries the legend (a square in each state's fill colour and the
 * state's name) and its footer the date the colours are judged as of, the due-soon window and 第 X 页 共 Y 页 —
 * so a printed page says what its colours mean without the pane.
 *
 * 标色 saves the header and footer the sheet had before and 清除标色 puts them back, as with the cells' colours:
 * the sections the legend does not use (header left and right, footer right) stay the clerk's throughout.
 */
import { chineseDate } from './dates';
import { pick } from './i18n';
import { STATE_NAMES, type StateCounts } from './row-state';
import { headerFooterCode, headerFooterLiteral, sameHeaderFooter, type HeaderFooterSpec, type PageHeaderFooter } from './sheet-spec';
import type { Lang, RowState, StateColours } from './types';
import { ROW_STATES } from './types';

/** Excel's header/footer colour code: &K and six hex digits (learn.microsoft.com: header and footer codes). */
function colourCode(hex: string): string {
  return `&K${hex.replace(/^#/, '').toUpperCase()}`;
}

/**
 * Office takes a header or footer line (&L…&C…&R…, codes included) of at most 255 characters ([MS-OI29500]
 * 2.1.651 ff. on oddHeader/oddFooter; [MS-XLSB] 2.5.73 HeaderFooterString).
 */
export const MAX_HEADER_FOOTER_CHARS = 255;

/**
 * The legend line: every state that has a colour and at least one row in it, in the legend's usual order. When the
 * coloured form would be too long for Excel, the same legend without colour codes.
 */
export function legendLine(counts: StateCounts, colours: Record<RowState, StateColours | null>, lang: Lang): string {
  const shown = ROW_STATES.filter((s) => colours[s] && counts[s] > 0);
  if (!shown.length) return '';
  const label = lang === 'en-US' ? 'Colours: ' : '标色说明：';
  const gap = lang === 'en-US' ? '  ' : '\u3000';
  const name = (s: RowState) => headerFooterLiteral(pick(STATE_NAMES[s], lang));
  // The square in the row's fill, the name in the row's font colour: the printed rows look like that.
  const coloured = label + shown.map((s) => `${colourCode(colours[s]!.fill)}■${colourCode(colours[s]!.font)}${name(s)}`).join(gap);
  if (coloured.length + 20 <= MAX_HEADER_FOOTER_CHARS) return coloured;
  return label + shown.map(name).join(gap);
}

export interface HighlightPrintOptions {
  asOf: string;
  soonDays: number;
  counts: StateCounts;
  colours: Record<RowState, StateColours | null>;
  lang: Lang;
}

/** The header and footer the coloured sheet prints with, built over the clerk's own (`original`). */
export function highlightHeaderFooter(original: PageHeaderFooter, options: HighlightPrintOptions): PageHeaderFooter {
  const { asOf, soonDays, lang } = options;
  const asOfText =
    lang === 'en-US'
      ? `Coloured as of ${asOf} (due soon: within ${soonDays} working days)`
      : `标色截至${chineseDate(asOf)}（临期：${soonDays}个工作日内）`;
  const header = { ...original.header, center: legendLine(options.counts, options.colours, lang) };
  const footer = { ...original.footer, left: headerFooterLiteral(asOfText), center: lang === 'en-US' ? 'Page &P of &N' : '第 &P 页 共 &N 页' };
  return { header: withinLimit(header, ['center']), footer: withinLimit(footer, ['left', 'center']) };
}

/** A line over Excel's limit loses the clerk's sections while the legend is printed (clear puts them back). */
function withinLimit(line: Required<HeaderFooterSpec>, ours: (keyof HeaderFooterSpec)[]): Required<HeaderFooterSpec> {
  if (headerFooterCode(line).length <= MAX_HEADER_FOOTER_CHARS) return line;
  const only = { left: '', center: '', right: '' };
  for (const k of ours) only[k] = line[k];
  return only;
}

/** What the workbook remembers of the header and footer: the clerk's, and the one the product printed over it. */
export interface PrintedRecord {
  original: PageHeaderFooter;
  applied: PageHeaderFooter;
}

/**
 * 标色 over the header and footer as they are now (`current`): the clerk's original is the one saved last time when
 * the sheet still prints the product's, else what the sheet has now (the clerk changed it since, or it was never
 * coloured). Returns the record to keep and the header/footer to write (null when the sheet already has it).
 */
export function reconcilePrinted(
  current: PageHeaderFooter,
  previous: PrintedRecord | undefined,
  options: HighlightPrintOptions,
): { record: PrintedRecord; write: PageHeaderFooter | null } {
  const original = previous && sameHeaderFooter(current, previous.applied) ? previous.original : current;
  const applied = highlightHeaderFooter(original, options);
  return { record: { original, applied }, write: sameHeaderFooter(current, applied) ? null : applied };
}

/**
 * 清除标色: the header and footer to put back, or null to leave the sheet's — when it no longer prints the
 * product's legend, the clerk has changed it since, and the clerk's change is kept (as a recoloured cell is).
 */
export function restorePrinted(current: PageHeaderFooter, record: PrintedRecord | undefined): PageHeaderFooter | null {
  if (!record || !sameHeaderFooter(current, record.applied)) return null;
  return record.original;
}

/**
 * A saved record as read back from the workbook: usable only when both halves have all six sections as text no
 * longer than Excel takes (the state travels in the file and may have been edited by hand).
 */
export function validPrintedRecord(value: unknown): PrintedRecord | undefined {
  const isSection = (v: unknown) => typeof v === 'string' && v.length <= MAX_HEADER_FOOTER_CHARS;
  const isLine = (l: unknown) => !!l && typeof l === 'object' && ['left', 'center', 'right'].every((k) => isSection((l as Record<string, unknown>)[k]));
  const isPage = (p: unknown): p is PageHeaderFooter => !!p && typeof p === 'object' && isLine((p as PageHeaderFooter).header) && isLine((p as PageHeaderFooter).footer);
  if (!value || typeof value !== 'object') return undefined;
  const r = value as PrintedRecord;
  return isPage(r.original) && isPage(r.applied) ? r : undefined;
}
