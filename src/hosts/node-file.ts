/**
 * The file system side of the xlsx hosts, shared by both: reading an input with a message for each way it can
 * fail, and writing an output atomically. Node only (the hosts themselves work on bytes).
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import { UserFacingError } from '../domain/errors';
import { text } from '../domain/i18n';

/** The mode and owner a replaced file had, given to the file that replaces it. */
export interface FileKeep {
  mode: number;
  uid: number;
  gid: number;
}

export async function readInputFile(file: string): Promise<Uint8Array> {
  try {
    return await fsp.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserFacingError('xlsx.not_found', text(`找不到文件：${file}`, `File not found: ${file}`));
    if (code === 'EISDIR') throw new UserFacingError('xlsx.is_directory', text(`这是文件夹，不是文件：${file}`, `This is a folder, not a file: ${file}`));
    const detail = e instanceof Error ? e.message : String(e);
    throw new UserFacingError('xlsx.cannot_read', text(`无法读取文件：${file}（${detail}）`, `Cannot read the file: ${file} (${detail})`));
  }
}

/**
 * Writes to a temporary file beside the target, then renames it over: the output is whole or absent.
 * `keep` gives the replaced file's mode and owner to the new one (set before the rename, so the file is
 * never readable by more people than before).
 */
export async function writeFileAtomically(target: string, bytes: Uint8Array, keep?: FileKeep): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  // A short name of its own: the target's name may already be near the 255-byte limit.
  const temp = path.join(dir, `.allocation-${process.pid}-${Date.now().toString(36)}.tmp`);
  try {
    await fsp.writeFile(temp, bytes, keep ? { mode: 0o600 } : undefined);
    if (keep) {
      await fsp.chown(temp, keep.uid, keep.gid).catch(() => undefined); // only root may give a file away
      await fsp.chmod(temp, keep.mode & 0o7777);
    }
    await fsp.rename(temp, target);
  } catch (e) {
    await fsp.rm(temp, { force: true });
    const detail = e instanceof Error ? ((e as NodeJS.ErrnoException).code ?? e.message) : String(e);
    throw new UserFacingError('xlsx.cannot_write', text(`无法写入文件：${target}（${detail}）`, `Cannot write the file: ${target} (${detail})`));
  }
}
