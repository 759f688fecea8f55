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
