/**
 * Byte-level helpers for parts handled as UTF-8 bytes rather than text (a large sheet's markup is ASCII, so tags
 * can be found and read without decoding the part). Pure code, no Node APIs.
 */

/** The markup of a sheet is ASCII: a start tag's text, read from the bytes (a cell's or row's attributes are ASCII too). */
export function ascii(bytes: Uint8Array, from: number, to: number): string {
  let out = '';
  if (to - from <= 64) {
    // A tag: a loop is cheaper than a call through apply.
    for (let i = from; i < to; i++) out += String.fromCharCode(bytes[i]);
    return out;
  }
  for (let i = from; i < to; i += 4096) out += String.fromCharCode.apply(null, bytes.subarray(i, Math.min(to, i + 4096)) as unknown as number[]);
  return out;
}

/** The first `pattern` (ASCII) at or after `from` and before `to`; -1 when there is none. */
export function find(bytes: Uint8Array, pattern: string, from: number, to = bytes.length): number {
  const first = pattern.charCodeAt(0);
  const n = pattern.length;
  for (let i = bytes.indexOf(first, from); i >= 0 && i + n <= to; i = bytes.indexOf(first, i + 1)) {
    let k = 1;
    while (k < n && bytes[i + k] === pattern.charCodeAt(k)) k++;
    if (k === n) return i;
  }
  return -1;
}

const encoder = new TextEncoder();
/** A BOM at a part's start is kept as a character, so a part decoded and encoded again keeps it. */
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** UTF-8 bytes as text, a leading BOM kept. */
export function decodeUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** A short text as UTF-8: copied byte for byte when it is ASCII (the markup the patches write), encoded otherwise. */
export function utf8(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) return encoder.encode(text);
    out[i] = c;
  }
  return out;
}

/** The parts joined into one array. */
export function concat(parts: Uint8Array[]): Uint8Array {
  let total = 0;
  for (const p of parts) total += p.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Whether the byte after `<name` ends the element name (space, tab, line break, `>` or `/`). */
export const isNameEnd = (b: number): boolean => b === 32 || b === 62 || b === 47 || b === 9 || b === 10 || b === 13;

const isWordByte = (b: number): boolean => (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b === 95;

/** A worksheet's `<sheetData>` start tag: where it starts and ends, its namespace prefix (`x:` or ''); null when absent. */
export function sheetDataTag(bytes: Uint8Array): { at: number; end: number; prefix: string; selfClosing: boolean } | null {
  for (let name = find(bytes, 'sheetData', 0); name >= 0; name = find(bytes, 'sheetData', name + 1)) {
    if (!isNameEnd(bytes[name + 9])) continue;
    let at = name - 1;
    if (bytes[at] === 58) {
      at--;
      while (at >= 0 && isWordByte(bytes[at])) at--;
    }
    if (at < 0 || bytes[at] !== 60 || (bytes[name - 1] === 58 && at === name - 2)) continue;
    const end = bytes.indexOf(62, name) + 1;
    return { at, end, prefix: ascii(bytes, at + 1, name), selfClosing: bytes[end - 2] === 47 };
  }
  return null;
}
