import fs from 'node:fs';
import path from 'node:path';
import { TaizhangError } from '../store/errors.js';
import { toUserError } from '../errors/user-message.js';
import { forgetTempFile, noteTempFile, tempFileName } from './temp-registry.js';

/**
 * Exports are written to a temp file in the target's own folder (so the final step is a rename
 * within one file system) and put in place only once complete. The file is noted for the sweep
 * at the next start, in case this process is killed before it can remove it.
 */
export function tempPathIn(dir: string, extension: 'xlsx' | 'docx' = 'xlsx'): string {
  const temp = path.join(path.resolve(dir), tempFileName(extension));
  noteTempFile(temp);
  return temp;
}

/** Temp files are written readable by this user only: they hold the export's data. */
export const TEMP_FILE_MODE = 0o600;

export function existingFileMessage(file: string): string {
  return `文件已存在，未作覆盖：${file}。如需替换，请选择覆盖（命令行加 --force）`;
}

/** Flushes a finished file to disk, so a crash right after the rename cannot leave it empty. */
function syncToDisk(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** A failed rename, in words: on Windows a file open in Excel or WPS cannot be replaced. */
function saveFailure(error: unknown, target: string): TaizhangError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const why = ['EPERM', 'EBUSY', 'EACCES'].includes(code)
    ? '文件可能正被 Excel 或 WPS 打开，或没有写入权限，请关闭后重试'
    : null;
  return why ? new TaizhangError('bad-file', `无法保存到 ${target}：${why}`) : toUserError(error, { file: target });
}

/**
 * Puts a finished temp file at `target`. Without `overwrite` an existing target is never
 * replaced: a hard link fails atomically when the name is taken; file systems without hard links
 * (FAT on USB sticks) fall back to a check followed by a rename.
 */
export function commitTempFile(temp: string, target: string, overwrite: boolean): void {
  syncToDisk(temp);
  if (!overwrite) {
    let linked = false;
    try {
      fs.linkSync(temp, target);
      linked = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' || fs.existsSync(target)) {
        throw new TaizhangError('conflict', existingFileMessage(target));
      }
    }
    if (linked) {
      removeQuietly(temp);
      return;
    }
  }
  try {
    fs.renameSync(temp, target);
  } catch (error) {
    throw saveFailure(error, target);
  }
  forgetTempFile(temp);
}

/** Removes a temp file if it is there; never throws (it runs while another error is reported). */
export function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Left for the sweep at the next start (main/export/temp-registry.ts).
  }
  if (!fs.existsSync(file)) forgetTempFile(file);
}

/**
 * Ends a failed write into a temp file and removes the file; never throws. The file is removed
 * once the stream has closed it: a failed pipeline settles before the stream's open (under way
 * since the stream was made) has finished, and a file removed before that is created again.
 */
export async function discardTempStream(stream: fs.WriteStream, file: string): Promise<void> {
  stream.destroy();
  if (!stream.closed) await new Promise<void>((resolve) => stream.once('close', () => resolve()));
  removeQuietly(file);
}
