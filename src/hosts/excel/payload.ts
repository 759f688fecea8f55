/**
 * Request and response sizes as Excel counts them: UTF-8 bytes of the JSON (a CJK character is 3 bytes).
 * Excel on the web refuses either above 5 MB; the host plans its round trips with this measure, and the
 * simulator enforces the limit with it.
 */
export const WEB_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function jsonBytes(v: unknown): number {
  return v === undefined ? 0 : utf8Length(JSON.stringify(v));
}
