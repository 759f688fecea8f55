/**
 * Cell colours in ExcelJS terms: the exact snapshot a restore puts back (the token), and the normalised
 * '#RRGGBB' form the domain compares. Excel stores colours as ARGB, as an index into the workbook theme
 * (with a tint), or as an index into the legacy 64-colour palette; normalising resolves all three.
 */
import type ExcelJS from 'exceljs';

/** The legacy indexed palette (BIFF8 default colours), used by files from old Excel versions and WPS. */
const INDEXED_PALETTE = [
  '000000', 'FFFFFF', 'FF0000', '00FF00', '0000FF', 'FFFF00', 'FF00FF', '00FFFF',
  '000000', 'FFFFFF', 'FF0000', '00FF00', '0000FF', 'FFFF00', 'FF00FF', '00FFFF',
  '800000', '008000', '000080', '808000', '800080', '008080', 'C0C0C0', '808080',
  '9999FF', '993366', 'FFFFCC', 'CCFFFF', '660066', 'FF8080', '0066CC', 'CCCCFF',
  '000080', 'FF00FF', 'FFFF00', '00FFFF', '800080', '800000', '008080', '0000FF',
  '00CCFF', 'CCFFFF', 'CCFFCC', 'FFFF99', '99CCFF', 'FF99CC', 'CC99FF', 'FFCC99',
  '3366FF', '33CCCC', '99CC00', 'FFCC00', 'FF9900', 'FF6600', '666699', '969696',
  '003366', '339966', '003300', '333300', '993300', '993366', '333399', '333333',
];
/** Indexed 64 is the system foreground ("automatic" font colour). */
const INDEXED_AUTOMATIC = 64;

/** Theme colours in the order a `theme` index counts them (lt1, dk1, lt2, dk2, accent1–6, hlink, folHlink). */
export type ThemePalette = string[];

/** Office's default theme, for workbooks whose theme part is missing or unreadable. */
export const OFFICE_THEME: ThemePalette = [
  'FFFFFF', '000000', 'E7E6E6', '44546A', '4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47', '0563C1', '954F72',
];

const SCHEME_SLOTS = ['lt1', 'dk1', 'lt2', 'dk2', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6', 'hlink', 'folHlink'];

/** Reads the colour scheme from theme1.xml; falls back to Office's defaults slot by slot. */
export function themePaletteFromXml(xml: string | null): ThemePalette {
  if (!xml) return OFFICE_THEME;
  return SCHEME_SLOTS.map((slot, i) => {
    const m = new RegExp(`<a:${slot}>([\\s\\S]*?)</a:${slot}>`).exec(xml);
    const rgb = m && (/(?:srgbClr val|lastClr)="([0-9A-Fa-f]{6})"/.exec(m[1]) ?? null);
    return rgb ? rgb[1].toUpperCase() : OFFICE_THEME[i];
  });
}

/** Excel's tint: towards white for a positive tint, towards black for a negative one (in HSL lightness). */
function applyTint(hex: string, tint: number): string {
  if (!tint) return hex;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  let h = 0;
  let s = 0;
  let l = (max + min) / 2;
  const d = max - min;
  if (d) {
    s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
    h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
    h /= 6;
  }
  l = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  const hue = (p: number, q: number, t: number): number => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    if (u < 1 / 6) return p + (q - p) * 6 * u;
    if (u < 1 / 2) return q;
    if (u < 2 / 3) return p + (q - p) * (2 / 3 - u) * 6;
    return p;
  };
  let rgb: number[];
  if (!s) rgb = [l, l, l];
  else {
    const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
    const p = 2 * l - q;
    rgb = [hue(p, q, h + 1 / 3), hue(p, q, h), hue(p, q, h - 1 / 3)];
  }
  return rgb.map((v) => Math.round(Math.min(1, Math.max(0, v)) * 255).toString(16).padStart(2, '0')).join('').toUpperCase();
}

/** ExcelJS colour object → '#RRGGBB', or null when it means "automatic" or cannot be resolved. */
export function resolveColour(colour: Partial<ExcelJS.Color> | undefined | null, theme: ThemePalette): string | null {
  if (!colour) return null;
  const c = colour as { argb?: string; theme?: number; tint?: number; indexed?: number };
  if (typeof c.argb === 'string' && /^[0-9A-Fa-f]{6,8}$/.test(c.argb)) return `#${c.argb.slice(-6).toUpperCase()}`;
  if (typeof c.theme === 'number' && theme[c.theme]) return `#${applyTint(theme[c.theme], c.tint ?? 0)}`;
  if (typeof c.indexed === 'number' && c.indexed !== INDEXED_AUTOMATIC && INDEXED_PALETTE[c.indexed]) {
    return `#${INDEXED_PALETTE[c.indexed]}`;
  }
  return null;
}

/** The fill a clerk sees: a solid pattern's colour; null for no fill (and for patterns/gradients we cannot name). */
export function normaliseFill(fill: ExcelJS.Fill | undefined, theme: ThemePalette): string | null {
  if (!fill || fill.type !== 'pattern' || fill.pattern !== 'solid') return null;
  return resolveColour(fill.fgColor, theme);
}

/**
 * What a cell's colours were, exactly: the whole fill object (or its absence) and the font's colour object
 * (or its absence). JSON with a fixed key order, so equal styles give equal tokens.
 */
export interface ColourSnapshot {
  fill: ExcelJS.Fill | null;
  fontColor: Partial<ExcelJS.Color> | null;
  /** False when the cell had no font of its own (it showed the workbook's default font). */
  hasFont: boolean;
}

/** Deterministic JSON: object keys sorted, so the same colours always give the same token. */
function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}

export function colourToken(style: Partial<ExcelJS.Style>): string {
  const snapshot: ColourSnapshot = { fill: style.fill ?? null, fontColor: style.font?.color ?? null, hasFont: !!style.font };
  return `xlsx1:${stableJson(snapshot)}`;
}

/** Reads a token back; null when it is not one of ours (e.g. a token the Excel host wrote). */
export function parseColourToken(token: string): ColourSnapshot | null {
  if (!token.startsWith('xlsx1:')) return null;
  try {
    const raw = JSON.parse(token.slice('xlsx1:'.length)) as Partial<ColourSnapshot>;
    if (!raw || typeof raw !== 'object') return null;
    return { fill: (raw.fill as ExcelJS.Fill | null) ?? null, fontColor: raw.fontColor ?? null, hasFont: raw.hasFont !== false };
  } catch {
    return null;
  }
}

/** The workbook's default font (the first font in styles.xml), which a cell without a font of its own shows. */
export function defaultFontFromStylesXml(xml: string | null): Partial<ExcelJS.Font> {
  const fallback: Partial<ExcelJS.Font> = { name: 'Calibri', size: 11 };
  const font = xml ? /<fonts\b[^>]*>\s*<font>([\s\S]*?)<\/font>/.exec(xml) : null;
  if (!font) return fallback;
  const name = /<name val="([^"]*)"/.exec(font[1]);
  const size = /<sz val="([\d.]+)"/.exec(font[1]);
  return { name: name ? name[1] : fallback.name, size: size ? Number(size[1]) : fallback.size };
}
