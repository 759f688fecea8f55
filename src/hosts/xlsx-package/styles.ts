/**
 * xl/styles.xml as the package host needs it: the number format, font and fill of each cell format (xf),
 * and new fonts, fills and xfs appended without touching the ones already there (every existing index keeps
 * its meaning, so no cell of the clerk's changes its look unless its own `s` changes).
 *
 * Fills and font colours are also given in ExcelJS's model (`{type:'pattern', pattern, fgColor:{argb}}` …):
 * that is the shape colour-token.ts resolves and records, so a colour token from this host and from the
 * ExcelJS host mean the same thing and either host can restore the other's.
 */
import type ExcelJS from 'exceljs';
import { escapeAttr, readTag } from './xml-text';

export interface Xf {
  numFmtId: number;
  fontId: number;
  fillId: number;
  /** The element as written (`<xf …/>` or `<xf …>…</xf>`), for copying with a changed font or fill. */
  xml: string;
}

interface Section {
  items: string[];
  /** How many items the file had (the ones after it are ours). */
  original: number;
}

/** Built-in number formats Excel shows as dates or times (ECMA-376 18.8.30, with the zh-CN ids 27–36, 50–58). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A format code shows a date or time when, outside quotes and [..] sections, it holds y m d h s (or b, Buddhist year). */
export function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[ymdhsb]/i.test(bare.replace(/General/gi, ''));
}

type ColourModel = Partial<ExcelJS.Color> & { theme?: number; tint?: number; indexed?: number };

/** A `<color>`/`<fgColor>`/`<bgColor>` element's attributes as ExcelJS models them (undefined: automatic). */
export function colourModel(attrs: Record<string, string>): ColourModel | undefined {
  if (attrs.rgb) return { argb: attrs.rgb };
  if (attrs.theme) {
    const m: ColourModel = { theme: parseInt(attrs.theme, 10) };
    if (attrs.tint) m.tint = parseFloat(attrs.tint);
    return m;
  }
  if (attrs.indexed) return { indexed: parseInt(attrs.indexed, 10) };
  return undefined;
}

export function colourXml(tag: string, c: ColourModel | undefined | null): string {
  if (!c) return `<${tag} auto="1"/>`;
  if (c.argb) return `<${tag} rgb="${escapeAttr(c.argb)}"/>`;
  if (c.theme !== undefined) return `<${tag} theme="${c.theme}"${c.tint !== undefined ? ` tint="${c.tint}"` : ''}/>`;
  if (c.indexed !== undefined) return `<${tag} indexed="${c.indexed}"/>`;
  return `<${tag} auto="1"/>`;
}

/** Every start tag in a fragment, in order (the fragments here are small: one font or fill). */
function tagsOf(xml: string): ReturnType<typeof readTag>[] {
  const tags: ReturnType<typeof readTag>[] = [];
  for (let i = xml.indexOf('<'); i >= 0; i = xml.indexOf('<', i + 1)) {
    if (xml[i + 1] === '/' || xml[i + 1] === '?' || xml[i + 1] === '!') continue;
    tags.push(readTag(xml, i));
  }
  return tags;
}

const local = (name: string): string => name.slice(name.indexOf(':') + 1);

/** A `<fill>` element as ExcelJS models it. */
export function fillModel(xml: string): ExcelJS.Fill {
  const tags = tagsOf(xml);
  const pattern = tags.find((t) => local(t.name) === 'patternFill');
  if (pattern) {
    const m: Record<string, unknown> = { type: 'pattern', pattern: pattern.attrs.patternType };
    for (const t of tags) {
      const n = local(t.name);
      if (n === 'fgColor' || n === 'bgColor') {
        const c = colourModel(t.attrs);
        if (c) m[n] = c;
      }
    }
    return m as unknown as ExcelJS.Fill;
  }
  const gradient = tags.find((t) => local(t.name) === 'gradientFill');
  if (gradient) {
    const a = gradient.attrs;
    const m: Record<string, unknown> = { type: 'gradient', stops: [] };
    if (a.degree) {
      m.gradient = 'angle';
      m.degree = parseInt(a.degree, 10);
    } else if (a.type === 'path') {
      m.gradient = 'path';
      const center: Record<string, number> = { left: a.left ? parseFloat(a.left) : 0, top: a.top ? parseFloat(a.top) : 0 };
      if (a.right !== a.left) center.right = a.right ? parseFloat(a.right) : 0;
      if (a.bottom !== a.top) center.bottom = a.bottom ? parseFloat(a.bottom) : 0;
      m.center = center;
    }
    const stops = m.stops as { position: number; color?: ColourModel }[];
    for (const t of tags) {
      if (local(t.name) === 'stop') stops.push({ position: parseFloat(t.attrs.position) });
      else if (local(t.name) === 'color' && stops.length) stops[stops.length - 1].color = colourModel(t.attrs);
    }
    return m as unknown as ExcelJS.Fill;
  }
  return {} as ExcelJS.Fill;
}

/** An ExcelJS fill model back as a `<fill>` element (for restoring a colour recorded as a token). */
export function fillXmlOf(fill: ExcelJS.Fill | null): string {
  if (!fill || !(fill as { type?: string }).type) return '<fill><patternFill patternType="none"/></fill>';
  if (fill.type === 'pattern') {
    const p = fill as ExcelJS.FillPattern;
    const colours = (p.fgColor ? colourXml('fgColor', p.fgColor) : '') + (p.bgColor ? colourXml('bgColor', p.bgColor) : '');
    const type = p.pattern ? ` patternType="${escapeAttr(p.pattern)}"` : '';
    return colours ? `<fill><patternFill${type}>${colours}</patternFill></fill>` : `<fill><patternFill${type}/></fill>`;
  }
  const g = fill as unknown as { gradient?: string; degree?: number; center?: Record<string, number>; stops?: { position: number; color?: ColourModel }[] };
  let attrs = '';
  if (g.gradient === 'angle') attrs = ` degree="${g.degree}"`;
  else if (g.gradient === 'path' && g.center) {
    const c = g.center as { left?: number; right?: number; top?: number; bottom?: number };
    attrs = ` type="path" left="${c.left ?? 0}" right="${c.right ?? c.left ?? 0}" top="${c.top ?? 0}" bottom="${c.bottom ?? c.top ?? 0}"`;
  }
  const stops = (g.stops ?? []).map((s) => `<stop position="${s.position}">${colourXml('color', s.color)}</stop>`).join('');
  return `<fill><gradientFill${attrs}>${stops}</gradientFill></fill>`;
}

/** A `<font>` element's colour as ExcelJS models it (undefined: automatic or none). */
export function fontColourModel(xml: string): ColourModel | undefined {
  const tag = tagsOf(xml).find((t) => local(t.name) === 'color');
  return tag ? colourModel(tag.attrs) : undefined;
}

/** The font element with its colour replaced (or removed, for null). */
export function withFontColour(fontXml: string, colour: ColourModel | null | undefined): string {
  const prefix = /^<(\w+:)?font\b/.exec(fontXml)?.[1] ?? '';
  const withoutColour = fontXml.replace(new RegExp(`<${prefix}color\\b[^>]*?(?:/>|>\\s*</${prefix}color>)`, 'g'), '');
  if (colour === null || colour === undefined) return withoutColour.replace(new RegExp(`^<${prefix}font\\b[^>]*>\\s*</${prefix}font>$`), `<${prefix}font/>`);
  const element = colourXml(`${prefix}color`, colour);
  if (/\/>$/.test(withoutColour) && !withoutColour.includes('</')) return withoutColour.replace(/\s*\/>$/, `>${element}</${prefix}font>`);
  // After sz where there is one: Excel's own order (b i strike … sz color name family …), kept for readers that care.
  const sz = new RegExp(`<${prefix}sz\\b[^>]*?/>`).exec(withoutColour);
  if (sz) return withoutColour.slice(0, sz.index + sz[0].length) + element + withoutColour.slice(sz.index + sz[0].length);
  return withoutColour.replace(new RegExp(`</${prefix}font>$`), `${element}</${prefix}font>`);
}

function setAttr(tagXml: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}=)("[^"]*"|'[^']*')`);
  if (re.test(tagXml)) return tagXml.replace(re, `$1"${value}"`);
  return tagXml.replace(/^(<[\w:]+)/, `$1 ${name}="${value}"`);
}

/**
 * What an xf means: its indexes and children, without the apply* flags (which only say whether the cell's
 * format overrides its cell style's) — two xfs equal here look the same.
 */
/** What a font or fill means: its child elements in any order (Excel writes them in varying orders). */
function partMeaning(xml: string): string {
  const open = readTag(xml, 0);
  const inner = xml.slice(open.end).replace(/<\/[\w:]+>\s*$/, '');
  const children = inner.match(/<[^>]+>/g) ?? [];
  return `${xml.slice(0, open.end)}|${children.map((c) => c.replace(/\s+\/>$/, '/>')).sort().join('')}`;
}

function xfMeaning(xml: string): string {
  const tag = readTag(xml, 0);
  const a = tag.attrs;
  const keys = ['numFmtId', 'fontId', 'fillId', 'borderId', 'xfId', 'quotePrefix', 'pivotButton'];
  return `${keys.map((k) => `${k}=${Number(a[k] ?? 0)}`).join(' ')}|${xml.slice(tag.end)}`;
}

export class StyleSheet {
  private readonly sections: Record<'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellXfs', Section>;
  readonly numFmts = new Map<number, string>();
  private readonly xfs: Xf[];
  private readonly fontIndex = new Map<string, number>();
  private readonly fillIndex = new Map<string, number>();
  private readonly xfIndex = new Map<string, number>();
  /** xfs by what they mean (apply* flags aside), so a restored format finds the one the cell had. */
  private readonly xfMeaning = new Map<string, number>();
  private readonly borderIndex = new Map<string, number>();
  private readonly numFmtIndex = new Map<string, number>();
  private nextNumFmtId = 164;
  private readonly prefix: string;

  constructor(private readonly xml: string | null) {
    this.prefix = (xml && /<(\w+:)?styleSheet\b/.exec(xml)?.[1]) || '';
    const p = this.prefix;
    const itemsOf = (section: string, item: string): Section => {
      const inner = xml ? this.inner(section) : null;
      const items = inner ? inner.match(new RegExp(`<${p}${item}\\b(?:[^>]*?/>|[^>]*>[\\s\\S]*?</${p}${item}>)`, 'g')) ?? [] : [];
      return { items, original: items.length };
    };
    this.sections = {
      numFmts: itemsOf('numFmts', 'numFmt'),
      fonts: itemsOf('fonts', 'font'),
      fills: itemsOf('fills', 'fill'),
      borders: itemsOf('borders', 'border'),
      cellXfs: itemsOf('cellXfs', 'xf'),
    };
    for (const f of this.sections.numFmts.items) {
      const t = readTag(f, 0);
      const id = parseInt(t.attrs.numFmtId, 10);
      this.numFmts.set(id, t.attrs.formatCode ?? '');
      this.numFmtIndex.set(t.attrs.formatCode ?? '', id);
      if (id >= this.nextNumFmtId) this.nextNumFmtId = id + 1;
    }
    this.xfs = this.sections.cellXfs.items.map((x) => {
      const a = readTag(x, 0).attrs;
      return { numFmtId: parseInt(a.numFmtId ?? '0', 10) || 0, fontId: parseInt(a.fontId ?? '0', 10) || 0, fillId: parseInt(a.fillId ?? '0', 10) || 0, xml: x };
    });
    const index = (items: string[], into: Map<string, number>): void =>
      items.forEach((f, i) => {
        if (!into.has(f)) into.set(f, i);
        const meaning = partMeaning(f);
        if (!into.has(meaning)) into.set(meaning, i);
      });
    index(this.sections.fonts.items, this.fontIndex);
    index(this.sections.fills.items, this.fillIndex);
    index(this.sections.borders.items, this.borderIndex);
    this.xfs.forEach((x, i) => {
      if (!this.xfIndex.has(x.xml)) this.xfIndex.set(x.xml, i);
      const key = xfMeaning(x.xml);
      if (!this.xfMeaning.has(key)) this.xfMeaning.set(key, i);
    });
  }

  private inner(section: string): string | null {
    const p = this.prefix;
    const open = new RegExp(`<${p}${section}\\b[^>]*?(/?)>`).exec(this.xml as string);
    if (!open || open[1] === '/') return null;
    const close = (this.xml as string).indexOf(`</${p}${section}>`, open.index);
    return close < 0 ? null : (this.xml as string).slice(open.index + open[0].length, close);
  }

  get hasXml(): boolean {
    return this.xml !== null;
  }

  xf(index: number): Xf | undefined {
    return this.xfs[index];
  }

  fontXml(index: number): string | undefined {
    return this.sections.fonts.items[index];
  }

  fillXml(index: number): string | undefined {
    return this.sections.fills.items[index];
  }

  /** The format code of an xf's number format (custom, or null for a built-in id). */
  isDateXf(index: number): boolean {
    const xf = this.xfs[index];
    if (!xf) return false;
    const custom = this.numFmts.get(xf.numFmtId);
    if (custom !== undefined) return isDateFormatCode(custom);
    return BUILTIN_DATE_FORMATS.has(xf.numFmtId);
  }

  /** Whether anything was added (styles.xml needs writing). */
  get changed(): boolean {
    return Object.values(this.sections).some((s) => s.items.length !== s.original);
  }

  private add(section: keyof StyleSheet['sections'], index: Map<string, number>, xml: string): number {
    const known = index.get(xml) ?? index.get(partMeaning(xml));
    if (known !== undefined) return known;
    const items = this.sections[section].items;
    items.push(xml);
    index.set(xml, items.length - 1);
    index.set(partMeaning(xml), items.length - 1);
    return items.length - 1;
  }

  addFont(xml: string): number {
    return this.add('fonts', this.fontIndex, xml);
  }

  addFill(xml: string): number {
    return this.add('fills', this.fillIndex, xml);
  }

  addBorder(xml: string): number {
    return this.add('borders', this.borderIndex, xml);
  }

  addNumFmt(code: string): number {
    const known = this.numFmtIndex.get(code);
    if (known !== undefined) return known;
    const id = this.nextNumFmtId++;
    this.sections.numFmts.items.push(`<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    this.numFmtIndex.set(code, id);
    this.numFmts.set(id, code);
    return id;
  }

  /** An xf index for the element (an equal one already there is reused). */
  addXf(xml: string): number {
    const known = this.xfIndex.get(xml);
    if (known !== undefined) return known;
    const a = readTag(xml, 0).attrs;
    this.sections.cellXfs.items.push(xml);
    this.xfs.push({ numFmtId: parseInt(a.numFmtId ?? '0', 10) || 0, fontId: parseInt(a.fontId ?? '0', 10) || 0, fillId: parseInt(a.fillId ?? '0', 10) || 0, xml });
    this.xfIndex.set(xml, this.xfs.length - 1);
    return this.xfs.length - 1;
  }

  /** The xf `base` (or the default one) with another font and/or fill. */
  deriveXf(base: number, change: { fontId?: number; fillId?: number }): number {
    let xml = this.xfs[base]?.xml ?? this.xfs[0]?.xml ?? `<${this.prefix}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const open = readTag(xml, 0);
    let head = xml.slice(0, open.end);
    const rest = xml.slice(open.end);
    if (change.fontId !== undefined) head = setAttr(setAttr(head, 'fontId', String(change.fontId)), 'applyFont', '1');
    if (change.fillId !== undefined) head = setAttr(setAttr(head, 'fillId', String(change.fillId)), 'applyFill', '1');
    xml = head + rest;
    const same = this.xfMeaning.get(xfMeaning(xml));
    return same ?? this.addXf(xml);
  }

  get elementPrefix(): string {
    return this.prefix;
  }

  /** styles.xml with the added items (the original text elsewhere untouched). */
  serialise(): string {
    if (this.xml === null) throw new Error('no styles part');
    let out = this.xml;
    const p = this.prefix;
    // Sections in reverse document order, so earlier offsets stay valid.
    for (const name of ['cellXfs', 'borders', 'fills', 'fonts', 'numFmts'] as const) {
      const s = this.sections[name];
      if (s.items.length === s.original) continue;
      const open = new RegExp(`<${p}${name}\\b[^>]*?(/?)>`).exec(out);
      const body = s.items.join('');
      if (!open) {
        // Only numFmts may be missing; it comes first inside styleSheet.
        const root = new RegExp(`<${p}styleSheet\\b[^>]*>`).exec(out) as RegExpExecArray;
        const at = root.index + root[0].length;
        out = `${out.slice(0, at)}<${p}${name} count="${s.items.length}">${body}</${p}${name}>${out.slice(at)}`;
        continue;
      }
      const head = setAttr(open[0].replace(/\/>$/, '>'), 'count', String(s.items.length)).replace(/\s*\/>$/, '>');
      const end = open[1] === '/' ? open.index + open[0].length : out.indexOf(`</${p}${name}>`, open.index) + `</${p}${name}>`.length;
      out = `${out.slice(0, open.index)}${head}${body}</${p}${name}>${out.slice(end)}`;
    }
    return out;
  }
}
