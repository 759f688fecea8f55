/**
 * The colour of each row state. Defaults follow the 红黄绿 convention of 督查督办 offices, in Excel's own
 * "Good / Neutral / Bad" palette so the sheet looks like something Excel made, and every pair keeps the
 * text readable (dark font on a light fill). States mapped to null are left untouched.
 * The clerk can override any pair (ProductSettings.colours, saved in the workbook).
 */
import type { StateColours } from './workbook-state';
import type { RowState } from './types';

export const DEFAULT_COLOURS: Readonly<Record<RowState, StateColours | null>> = {
  overdue: { fill: '#FFC7CE', font: '#9C0006' },
  due_soon: { fill: '#FFEB9C', font: '#9C5700' },
  behind: { fill: '#FFEB9C', font: '#9C5700' },
  done: { fill: '#C6EFCE', font: '#006100' },
  // A light orange: "done, but late" sits between green and red; the dark brown font stays readable on it.
  done_late: { fill: '#FCE4D6', font: '#833C0B' },
  ongoing: { fill: '#EDEDED', font: '#404040' },
  on_track: null,
  unknown: null,
};

const HEX_COLOUR = /^#?([0-9a-fA-F]{6})$/;

/** '#rrggbb' / 'RRGGBB' → '#RRGGBB'; null for anything else. Hosts and the domain compare colours in this form. */
export function normaliseColour(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const m = HEX_COLOUR.exec(value.trim());
  return m ? `#${m[1].toUpperCase()}` : null;
}

/**
 * Defaults overlaid with the clerk's choices. A malformed override is ignored (the default stays) rather than
 * failing the whole highlight: settings travel inside workbooks and may have been edited by hand.
 */
export function resolveColours(
  overrides?: Partial<Record<RowState, StateColours>> | null,
): Record<RowState, StateColours | null> {
  const colours: Record<RowState, StateColours | null> = { ...DEFAULT_COLOURS };
  if (!overrides) return colours;
  for (const state of Object.keys(colours) as RowState[]) {
    const o = overrides[state];
    const fill = normaliseColour(o?.fill);
    const font = normaliseColour(o?.font);
    if (fill && font) colours[state] = { fill, font };
  }
  return colours;
}
