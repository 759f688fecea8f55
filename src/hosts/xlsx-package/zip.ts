/**
 * The zip container of an .xlsx, read and written by hand so that a part nobody changes keeps its exact
 * compressed bytes: fflate inflates and deflates, but its zip functions always recompress. Only what Office
 * files use is supported — stored or deflated entries, no encryption, no zip64 (a package over 4 GB).
 * Pure code, no Node APIs: it runs in the pane too.
 */
import { deflateSync, inflateSync } from 'fflate';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** DOS time and date, kept as found. */
  time: number;
  date: number;
  /** General-purpose flags as found (bit 11: the name is UTF-8). */
  flags: number;
  /** The entry's data exactly as stored in the archive. */
  compressed: Uint8Array;
}

export class ZipFormatError extends Error {}

/**
 * The raw-deflate codec and checksum. fflate's (pure JavaScript) by default, so the pane can use this module;
 * the CLI installs Node's native zlib, several times faster on a 30 MB sheet.
 */
export interface ZipCodec {
  inflateRaw(data: Uint8Array, size: number): Uint8Array;
  deflateRaw(data: Uint8Array, level: number): Uint8Array;
  crc32(data: Uint8Array): number;
}

const portableCodec: ZipCodec = {
  inflateRaw: (data, size) => inflateSync(data, { out: new Uint8Array(size) }),
  deflateRaw: (data, level) => deflateSync(data, { level: level as 1 | 6 }),
  crc32: (data) => crc32(data),
};
let codec: ZipCodec = portableCodec;

export function useZipCodec(next: ZipCodec | null): void {
  codec = next ?? portableCodec;
}

const LOCAL_SIGNATURE = 0x04034b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const END_SIGNATURE = 0x06054b50;
const UTF8_FLAG = 0x0800;
/** Bit 3: sizes and CRC follow the data in a descriptor (they are taken from the central directory instead). */
const DESCRIPTOR_FLAG = 0x0008;

/** CRC-32 tables for slicing by four bytes at a time (four times fewer table steps than byte by byte). */
const CRC_TABLES = (() => {
  const t = new Uint32Array(4 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    for (let k = 1; k < 4; k++) t[k * 256 + n] = (t[(k - 1) * 256 + n] >>> 8) ^ t[t[(k - 1) * 256 + n] & 0xff];
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  const t = CRC_TABLES;
  let c = 0xffffffff;
  let i = 0;
  const n4 = data.length - (data.length % 4);
  for (; i < n4; i += 4) {
    c ^= data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
    c = t[768 + (c & 0xff)] ^ t[512 + ((c >>> 8) & 0xff)] ^ t[256 + ((c >>> 16) & 0xff)] ^ t[c >>> 24];
  }
  for (; i < data.length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');
const encoder = new TextEncoder();

function findEnd(bytes: Uint8Array, view: DataView): number {
  // The end record is 22 bytes plus a comment of at most 65 535 bytes.
  const stop = Math.max(0, bytes.length - 22 - 65_535);
  for (let i = bytes.length - 22; i >= stop; i--) if (view.getUint32(i, true) === END_SIGNATURE) return i;
  throw new ZipFormatError('no end of central directory');
}

/** The entries of an archive in their stored order (directories left out), their data not yet inflated. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEnd(bytes, view);
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw new ZipFormatError('zip64 archives are not supported');
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) throw new ZipFormatError('broken central directory');
    const flags = view.getUint16(offset + 8, true);
    const method = view.getUint16(offset + 10, true);
    const time = view.getUint16(offset + 12, true);
    const date = view.getUint16(offset + 14, true);
    const crc = view.getUint32(offset + 16, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const size = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const localOffset = view.getUint32(offset + 42, true);
    const rawName = bytes.subarray(offset + 46, offset + 46 + nameLength);
    const name = (flags & UTF8_FLAG ? utf8 : latin1).decode(rawName);
    offset += 46 + nameLength + extraLength + commentLength;
    if (flags & 0x0001) throw new ZipFormatError(`encrypted entry ${name}`);
    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== LOCAL_SIGNATURE) throw new ZipFormatError(`broken entry ${name}`);
    const dataStart = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (dataStart + compressedSize > bytes.length) throw new ZipFormatError(`truncated entry ${name}`);
    if (name.endsWith('/')) continue;
    entries.push({ name, method, crc, compressedSize, size, time, date, flags, compressed: bytes.subarray(dataStart, dataStart + compressedSize) });
  }
  return entries;
}

/** An entry's content. */
export function inflateEntry(entry: ZipEntry): Uint8Array {
  if (entry.method === 0) return entry.compressed;
  if (entry.method !== 8) throw new ZipFormatError(`unsupported compression ${entry.method} in ${entry.name}`);
  const out = codec.inflateRaw(entry.compressed, entry.size);
  if (out.length !== entry.size) throw new ZipFormatError(`wrong size for ${entry.name}`);
  return out;
}

/** A new deflated entry holding `content`, dated as given (DOS time and date). */
export function newEntry(name: string, content: Uint8Array, stamp: { time: number; date: number }): ZipEntry {
  // A large part (a sheet of 100 000 rows) at the fastest level: deflating it is otherwise most of a save.
  const compressed = codec.deflateRaw(content, content.length > 1 << 20 ? 1 : 6);
  return { name, method: 8, crc: codec.crc32(content), compressedSize: compressed.length, size: content.length, time: stamp.time, date: stamp.date, flags: UTF8_FLAG, compressed };
}

/** DOS time and date of a JavaScript date (local time, as zip tools write it). */
export function dosStamp(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** An archive of the entries, in order; each entry's stored bytes are written as they are. */
export function writeZip(entries: ZipEntry[]): Uint8Array {
  const names = entries.map((e) => encoder.encode(e.name));
  let total = 22;
  entries.forEach((e, i) => (total += 30 + names[i].length + e.compressed.length + 46 + names[i].length));
  if (total > 0xffffffff || entries.length > 0xfffe) throw new ZipFormatError('the package would need zip64');
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  const header = (signatureAt: number, e: ZipEntry, flags: number, name: Uint8Array, field: number): void => {
    view.setUint16(signatureAt + field, flags, true);
    view.setUint16(signatureAt + field + 2, e.method, true);
    view.setUint16(signatureAt + field + 4, e.time, true);
    view.setUint16(signatureAt + field + 6, e.date, true);
    view.setUint32(signatureAt + field + 8, e.crc, true);
    view.setUint32(signatureAt + field + 12, e.compressedSize, true);
    view.setUint32(signatureAt + field + 16, e.size, true);
    view.setUint16(signatureAt + field + 20, name.length, true);
  };
  entries.forEach((e, i) => {
    const name = names[i];
    // The name's encoding flag follows what we write (UTF-8); sizes are in the header, so no descriptor.
    const flags = ((e.flags & ~DESCRIPTOR_FLAG) | UTF8_FLAG) & 0xffff;
    offsets.push(at);
    view.setUint32(at, LOCAL_SIGNATURE, true);
    view.setUint16(at + 4, 20, true);
    header(at, e, flags, name, 6);
    out.set(name, at + 30);
    out.set(e.compressed, at + 30 + name.length);
    at += 30 + name.length + e.compressed.length;
  });
  const centralStart = at;
  entries.forEach((e, i) => {
    const name = names[i];
    const flags = ((e.flags & ~DESCRIPTOR_FLAG) | UTF8_FLAG) & 0xffff;
    view.setUint32(at, CENTRAL_SIGNATURE, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 20, true);
    header(at, e, flags, name, 8);
    view.setUint32(at + 42, offsets[i], true);
    out.set(name, at + 46);
    at += 46 + name.length;
  });
  view.setUint32(at, END_SIGNATURE, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}
