/**
 * What a cell's fill and font colour, as Office.js reports them, mean — and how to put them back.
 *
 * The signals, each from Microsoft:
 *  - `fill.color` reads "#FFFFFF" for no fill as for a white fill (office-js #4900, #6218), and the automatic
 *    font colour reads "#000000";
 *  - from ExcelApi 1.9 `fill.pattern` says 'None' for no fill — but builds have been seen answering null for both
 *    no fill and white (office-js #4900); Microsoft's answer there: `fill.tintAndShade` (1.9) is null for no fill
 *    and a number for any fill, white included. So 'None', or no pattern and no tint, is no fill;
 *  - `pattern` 'LinearGradient' / 'RectangularGradient' is a gradient, which "is not supported" for writing
 *    (Excel.RangeFill.pattern; setting it fails with UnsupportedFillType): such a cell cannot be restored once
 *    painted, so it is reported as not restorable and the workflows leave it alone.
 * Below ExcelApi 1.9 there is no pattern or tint: a white fill is taken as no fill, and restoring puts back "no
 * fill" (it looks the same, bar gridlines); a coloured fill may be a pattern or gradient that comes back solid, so
 * it is marked `fillKindUnknown` for the workflows to say so. The automatic font colour cannot be told from black
 * at any level.
 */
import { normaliseColour } from '../../domain/colours';
import type { CellStyle } from '../../domain/types';

export interface ColourToken {
  /** '#RRGGBB'; 'none' for no fill (→ fill.clear()); 'gradient' for a fill Office.js cannot write (left as is). */
  fill: string;
  font: string;
  /** ≥ 1.9 only, for patterned fills. */
  pattern?: string;
  patternColor?: string;
}

export interface ObservedColours {
  fill: string | null;
  font: string | null;
  pattern?: string | null;
  patternColor?: string | null;
  tintAndShade?: number | null;
}

const GRADIENTS = new Set(['LinearGradient', 'RectangularGradient']);

export function isGradientPattern(pattern: string | null | undefined): boolean {
  return typeof pattern === 'string' && GRADIENTS.has(pattern);
}

/** The fill properties to ask for at a level: from 1.9 the pattern and tint as well as the colour. */
export const FILL_PROPERTIES_1_9 = ['color', 'pattern', 'patternColor', 'tintAndShade'];

export function cellStyle(row: number, col: number, observed: ObservedColours, patternsKnown: boolean): CellStyle {
  const fillHex = normaliseColour(observed.fill) ?? '#FFFFFF';
  const fontHex = normaliseColour(observed.font) ?? '#000000';
  const font = fontHex === '#000000' ? null : fontHex;
  if (patternsKnown && isGradientPattern(observed.pattern)) {
    const token: ColourToken = { fill: 'gradient', font: fontHex };
    return { row, col, fill: fillHex, font, token: JSON.stringify(token), fillNotRestorable: true };
  }
  const pattern = patternsKnown ? (observed.pattern ?? null) : null;
  const noFill = patternsKnown ? pattern === 'None' || (pattern === null && observed.tintAndShade == null) : fillHex === '#FFFFFF';
  const token: ColourToken = { fill: noFill ? 'none' : fillHex, font: fontHex };
  if (pattern && pattern !== 'None' && pattern !== 'Solid') {
    token.pattern = pattern;
    const pc = normaliseColour(observed.patternColor);
    if (pc) token.patternColor = pc;
  }
  const style: CellStyle = { row, col, fill: noFill ? null : fillHex, font, token: JSON.stringify(token) };
  if (!patternsKnown && !noFill) style.fillKindUnknown = true;
  return style;
}

export function parseToken(style: CellStyle): ColourToken {
  try {
    const t = JSON.parse(style.token) as Partial<ColourToken>;
    if (t && typeof t.fill === 'string' && typeof t.font === 'string') return t as ColourToken;
  } catch {
    // A token written by another host (the CLI's ExcelJS snapshot): fall back to the normalised colours.
  }
  return { fill: style.fill ?? 'none', font: style.font ?? '#000000' };
}

/**
 * Puts a token's colours on a range or on areas; from 1.9 the pattern too (solid unless the token says
 * otherwise). No fill is a cleared fill, never white paint; a gradient is left as it is (only the font changes).
 */
export function applyToken(format: { fill: Excel.RangeFill; font: Excel.RangeFont }, token: ColourToken, patterns: boolean): void {
  if (token.fill === 'none') format.fill.clear();
  else if (token.fill !== 'gradient') {
    format.fill.color = token.fill;
    if (patterns) {
      format.fill.pattern = (token.pattern ?? 'Solid') as Excel.FillPattern;
      if (token.pattern && token.patternColor) format.fill.patternColor = token.patternColor;
    }
  }
  format.font.color = token.font;
}
