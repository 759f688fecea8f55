/**
 * What one returned file may cost before it is opened. A unit's copy holds the measures it was given — a few
 * kilobytes to a few hundred; a return far beyond that (a million-row sheet pasted in, a zip that inflates to
 * gigabytes) would take the whole collect down with it. Such a file is refused on its own, with a message,
 * and the other returns still merge. Only regular files are opened: a FIFO or device named *.xlsx would
 * block the read for ever.
 */
import { promises as fsp } from 'fs';
import { UserFacingError } from '../domain/errors';
import { visibleName as displayName } from '../domain/text';

/** The file itself: 16 MB is some hundred times the largest real return copy. */
export const MAX_RETURN_FILE_BYTES = 16 * 1024 * 1024;
/**
 * All its parts, inflated, as the zip's directory declares them. ExcelJS takes some 13 times that in heap to load
 * it (measured: 60 000 rows, 18 MB inflated, 230 MB), so 32 MB keeps one return under half a gigabyte.
 */
export const MAX_RETURN_INFLATED_BYTES = 32 * 1024 * 1024;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/**
 * The inflated size of every part, summed from the zip's central directory (no part is inflated); null when
 * the bytes hold no readable directory (opening the file then says what it is). A ZIP64 size marker counts
 * as over any budget.
 */
export function declaredInflatedBytes(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - EOCD_SIZE; i >= Math.max(0, bytes.length - EOCD_SIZE - MAX_COMMENT); i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE) return null;
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}

function megabytes(n: number): string {
  return Number.isFinite(n) ? `${Math.ceil(n / (1024 * 1024))} MB` : '> 4 GB';
}

/** Throws a UserFacingError when the file is not a regular file or is beyond what one return may cost. */
export async function assertReturnWithinBudget(absolute: string, name: string): Promise<void> {
  const stat = await fsp.stat(absolute).catch(() => null);
  if (!stat) return; // opening it says why it cannot be read
  const shown = displayName(name);
  if (!stat.isFile()) {
    throw new UserFacingError('collect.not_a_file', {
      zh: `“${shown}”不是普通文件（可能是管道、设备或快捷方式），已跳过`,
      en: `"${shown}" is not a regular file (a pipe, device or the like); skipped`,
    });
  }
  const tooLarge = (size: string, what: { zh: string; en: string }) =>
    new UserFacingError('collect.return_too_large', {
      zh: `“${shown}”${what.zh}（${size}），远超一份回收表应有的大小，为不拖垮整个汇总已跳过；请核对是否交错了文件`,
      en: `"${shown}" ${what.en} (${size}), far beyond any return copy; skipped so the collect can go on. Check that the right file was returned`,
    });
  if (stat.size > MAX_RETURN_FILE_BYTES) throw tooLarge(megabytes(stat.size), { zh: '文件过大', en: 'is too large' });
  const inflated = declaredInflatedBytes(await fsp.readFile(absolute));
  if (inflated !== null && inflated > MAX_RETURN_INFLATED_BYTES) {
    throw tooLarge(megabytes(inflated), { zh: '解压后过大', en: 'inflates too far' });
  }
}
