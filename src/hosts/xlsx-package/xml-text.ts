/**
 * Text as SpreadsheetML stores it. Besides XML's own escapes, Excel writes characters XML cannot hold (and a
 * carriage return) as `_xHHHH_`, and a literal `_xHHHH_` in the text with its underscore escaped as `_x005F_`.
 */

const EXCEL_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** `_x000D_` → CR, `_x005F_x0041_` → the literal `_x0041_` (the regex resumes after each match). */
export function decodeExcelText(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(EXCEL_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const hex4 = (code: number): string => `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;

/**
 * The inverse, as Excel writes it: a literal `_xHHHH_` gets its underscore escaped, control characters other
 * than tab and line feed (and CR, which Excel never writes raw) become `_xHHHH_`, and so do the lone
 * surrogates and U+FFFE/U+FFFF XML forbids.
 */
export function encodeExcelText(s: string): string {
  const escaped = s.replace(EXCEL_ESCAPE, (m) => `_x005F${m}`);
  let out = '';
  let from = 0;
  for (let i = 0; i < escaped.length; i++) {
    const code = escaped.charCodeAt(i);
    let bad = (code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0xfffe || code === 0xffff;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = escaped.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      bad = true;
    } else if (code >= 0xdc00 && code <= 0xdfff) bad = true;
    if (!bad) continue;
    out += escaped.slice(from, i) + hex4(code);
    from = i + 1;
  }
  return from === 0 ? escaped : out + escaped.slice(from);
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\n\r\t]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' })[c] as string);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9A-Fa-f]+|#\d+|amp|lt|gt|quot|apos);/g, (m, e: string) => {
    if (e[0] !== '#') return ENTITIES[e] ?? m;
    return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** A start tag read from raw XML text: where it ends, its name and its attributes (values unescaped). */
export interface RawTag {
  name: string;
  /** Index just past the closing `>`. */
  end: number;
  selfClosing: boolean;
  attrs: Record<string, string>;
  /** Index of the attribute list's start (just after the name) and of the `>` or `/>`. */
  attrsStart: number;
  attrsEnd: number;
}

const NAME_END = /[\s/>]/;

/** Reads the start tag at `at` (which must be a `<`); attribute values may hold `>`, so quotes are followed. */
export function readTag(xml: string, at: number): RawTag {
  let i = at + 1;
  while (i < xml.length && !NAME_END.test(xml[i])) i++;
  const name = xml.slice(at + 1, i);
  const attrsStart = i;
  const attrs: Record<string, string> = {};
  for (;;) {
    while (i < xml.length && (xml[i] === ' ' || xml[i] === '\n' || xml[i] === '\r' || xml[i] === '\t')) i++;
    const c = xml[i];
    if (c === '>' || c === undefined) return { name, end: i + 1, selfClosing: false, attrs, attrsStart, attrsEnd: i };
    if (c === '/') return { name, end: i + 2, selfClosing: true, attrs, attrsStart, attrsEnd: i };
    const eq = xml.indexOf('=', i);
    const key = xml.slice(i, eq).trim();
    let q = eq + 1;
    while (xml[q] !== '"' && xml[q] !== "'") q++;
    const close = xml.indexOf(xml[q], q + 1);
    attrs[key] = unescapeXml(xml.slice(q + 1, close));
    i = close + 1;
  }
}

/** The local name of a possibly prefixed element name (`x:row` → `row`). */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
