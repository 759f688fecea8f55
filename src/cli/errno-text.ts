/** What a file-system error code means, in words a clerk can act on (zh-CN, en-US); the code itself follows. */
import type { LocalText } from '../domain/types';

const MEANINGS: Record<string, LocalText> = {
  ENOSPC: { zh: '磁盘空间不足', en: 'the disk is full' },
  EDQUOT: { zh: '磁盘配额已用完', en: 'the disk quota is used up' },
  EROFS: { zh: '该位置是只读的', en: 'the location is read-only' },
  EACCES: { zh: '没有写入权限', en: 'no permission to write there' },
  EPERM: { zh: '没有写入权限', en: 'no permission to write there' },
  ENAMETOOLONG: { zh: '文件名过长', en: 'the file name is too long' },
  ENOENT: { zh: '文件夹不存在', en: 'the folder does not exist' },
  ENOTDIR: { zh: '路径中有一段不是文件夹', en: 'part of the path is not a folder' },
  EISDIR: { zh: '同名的是一个文件夹', en: 'a folder has that name' },
  EBUSY: { zh: '文件正被其他程序占用', en: 'the file is in use by another program' },
  EMFILE: { zh: '同时打开的文件过多', en: 'too many files are open' },
  EIO: { zh: '磁盘读写出错', en: 'a disk read/write error' },
};

/** "磁盘空间不足，ENOSPC" for an errno error; a UserFacingError's or any other error's own text otherwise. */
export function errnoText(e: unknown): LocalText {
  const code = typeof e === 'object' && e !== null ? (e as NodeJS.ErrnoException).code : undefined;
  const meaning = code && Object.prototype.hasOwnProperty.call(MEANINGS, code) ? MEANINGS[code] : null;
  if (meaning && code) return { zh: `${meaning.zh}，${code}`, en: `${meaning.en}, ${code}` };
  if (code) return { zh: code, en: code };
  const message = e instanceof Error ? e.message : String(e);
  return { zh: message, en: message };
}
