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

/**
 * The last `pattern` (ASCII) at or after `from`; -1 when there is none. For an end tag that occurs once in a
 * part, near its end (`</sheetData>`): searched from the end, it costs the tail rather than the whole sheet.
 */
export function findLast(bytes: Uint8Array, pattern: string, from: number): number {
  const first = pattern.charCodeAt(0);
  const n = pattern.length;
  for (let i = bytes.lastIndexOf(first, bytes.length - n); i >= from && i >= 0; i = i > 0 ? bytes.lastIndexOf(first, i - 1) : -1) {
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

/**
 * The first start tag `open` (`<row`, `<x:c`) at or after `from` and before `to` whose name ends there (so `<c`
 * does not stop at `<col`); -1 when there is none.
 */
export function findElement(bytes: Uint8Array, open: string, from: number, to = bytes.length): number {
  for (let at = find(bytes, open, from, to); at >= 0 && at < to; at = find(bytes, open, at + 1, to)) {
    if (isNameEnd(bytes[at + open.length])) return at;
  }
  return -1;
}

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

/** Copies up to this many bytes long are made byte by byte. */
const SHORT_COPY = 64;

/**
 * An output that grows in place: a patched 30 MB sheet written as one buffer, instead of as hundreds of
 * thousands of slices and short encoded strings joined at the end.
 */
export class ByteWriter {
  private buf: Uint8Array;
  private length = 0;

  constructor(expected: number) {
    this.buf = new Uint8Array(Math.max(1024, expected));
  }

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.length + n, Math.ceil(this.buf.length * 1.5)));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  /** Copies bytes[from, to). */
  copy(bytes: Uint8Array, from: number, to: number): void {
    if (to <= from) return;
    const n = to - from;
    this.room(n);
    if (n <= SHORT_COPY) {
      // A cell's tag or the run between two patched cells: a loop costs less than a view made to copy from.
      const buf = this.buf;
      const at = this.length;
      for (let i = 0; i < n; i++) buf[at + i] = bytes[from + i];
    } else this.buf.set(bytes.subarray(from, to), this.length);
    this.length += n;
  }

  /** Writes a text as UTF-8 (byte for byte when it is ASCII, as the markup the patches write is). */
  text(text: string): void {
    this.room(text.length);
    const start = this.length;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c > 127) {
        this.length = start;
        const encoded = encoder.encode(text);
        this.copy(encoded, 0, encoded.length);
        return;
      }
      this.buf[start + i] = c;
    }
    this.length = start + text.length;
  }

  /** How many bytes were written so far. */
  get position(): number {
    return this.length;
  }

  /** Drops what was written after `position`. */
  truncate(position: number): void {
    this.length = Math.min(this.length, position);
  }

  /** What was written (a view of the buffer, no copy). */
  result(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

const isSpace = (b: number): boolean => b === 32 || b === 9 || b === 10 || b === 13;

/**
 * The value of attribute `name` in the start tag bytes[at, gt) (gt at its `>`), read attribute by attribute as
 * readTag reads them: [start, end) of the value between its quotes, or null when the tag has no such attribute.
 * `name` is ASCII.
 */
export function tagAttr(bytes: Uint8Array, at: number, gt: number, name: string): [number, number] | null {
  let i = at + 1;
  while (i < gt && !isSpace(bytes[i]) && bytes[i] !== 47 && bytes[i] !== 62) i++;
  for (;;) {
    while (i < gt && isSpace(bytes[i])) i++;
    if (i >= gt || bytes[i] === 47) return null;
    const eq = bytes.indexOf(61, i);
    if (eq < 0 || eq >= gt) return null;
    let keyEnd = eq;
    while (keyEnd > i && isSpace(bytes[keyEnd - 1])) keyEnd--;
    let q = eq + 1;
    while (q < gt && bytes[q] !== 34 && bytes[q] !== 39) q++;
    if (q >= gt) return null;
    const close = bytes.indexOf(bytes[q], q + 1);
    if (close < 0) return null;
    if (keyEnd - i === name.length) {
      let k = 0;
      while (k < name.length && bytes[i + k] === name.charCodeAt(k)) k++;
      if (k === name.length) return [q + 1, close];
    }
    i = close + 1;
  }
}

/** The 0-based column of a cell reference's letters in bytes[from, to) ("AB12" → 27), as columnOf reads text. */
export function columnOfBytes(bytes: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = bytes[i] & ~0x20;
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** A run of ASCII digits as a number (a row's r); NaN when the bytes hold anything else. */
export function digitsOf(bytes: Uint8Array, from: number, to: number): number {
  if (to <= from) return NaN;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = bytes[i] - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
}

/** Where a cell's r, s and t values sit in its start tag ([start, end) between the quotes; -1 when absent). */
export interface CellTagAttrs {
  r: number;
  rEnd: number;
  s: number;
  sEnd: number;
  t: number;
  tEnd: number;
}

/**
 * A cell's start tag bytes[at, gt) (gt at its `>`) read attribute by attribute in one pass, into `into` (reused
 * from cell to cell: a sheet holds millions). Names other than r, s and t (cm, vm, ph) are skipped; reading
 * stops at anything that is not `name="value"`.
 */
export function readCellAttrs(bytes: Uint8Array, at: number, gt: number, into: CellTagAttrs): CellTagAttrs {
  into.r = into.rEnd = into.s = into.sEnd = into.t = into.tEnd = -1;
  let i = at + 1;
  while (i < gt && !isNameEnd(bytes[i])) i++;
  while (i < gt) {
    while (i < gt && isSpace(bytes[i])) i++;
    const name = i;
    while (i < gt && bytes[i] !== 61 && !isSpace(bytes[i]) && bytes[i] !== 47) i++;
    const nameLength = i - name;
    while (i < gt && isSpace(bytes[i])) i++;
    if (nameLength === 0 || bytes[i] !== 61) return into;
    i++;
    while (i < gt && isSpace(bytes[i])) i++;
    const quote = bytes[i];
    if (quote !== 34 && quote !== 39) return into;
    const start = i + 1;
    const end = bytes.indexOf(quote, start);
    if (end < 0 || end > gt) return into;
    if (nameLength === 1) {
      const n = bytes[name];
      if (n === 114) {
        into.r = start;
        into.rEnd = end;
      } else if (n === 115) {
        into.s = start;
        into.sEnd = end;
      } else if (n === 116) {
        into.t = start;
        into.tEnd = end;
      }
    }
    i = end + 1;
  }
  return into;
}

/** Whether bytes at `at` spell `pattern` (ASCII). */
export function bytesAre(bytes: Uint8Array, at: number, pattern: string): boolean {
  if (at + pattern.length > bytes.length) return false;
  for (let k = 0; k < pattern.length; k++) if (bytes[at + k] !== pattern.charCodeAt(k)) return false;
  return true;
}

/**
 * When bytes from `from` are `<v>text</v></c>` (with the part's prefix) and the text holds no `&` or byte beyond
 * ASCII, where the text ends; -1 otherwise (a formula, an inline string, an entity: read the general way).
 */
export function plainValueAt(bytes: Uint8Array, from: number, limit: number, valueOpen: string, valueThenCellClose: string): number {
  if (!bytesAre(bytes, from, valueOpen)) return -1;
  const textStart = from + valueOpen.length;
  const end = bytes.indexOf(60, textStart);
  if (end < 0 || end >= limit || !bytesAre(bytes, end, valueThenCellClose)) return -1;
  for (let i = textStart; i < end; i++) {
    const b = bytes[i];
    if (b === 38 || b > 127) return -1;
  }
  return end;
}
