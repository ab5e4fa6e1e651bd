import fs from 'node:fs';
import path from 'node:path';
import { TaizhangError } from '../store/errors.js';
import { toUserError } from '../errors/user-message.js';
import { commitTempFile, removeQuietly, tempPathIn, TEMP_FILE_MODE } from './atomic-file.js';

const COPY_PROBLEMS: Record<string, string> = {
  EACCES: '没有写入权限',
  EPERM: '没有写入权限',
  EROFS: '该位置只读',
  ENOSPC: '磁盘空间不足',
  EDQUOT: '磁盘配额已满',
  ENOENT: '文件夹不存在',
};

/**
 * Copies a finished export to where the user chose to save it. The copy goes to a temp file in
 * the target's folder first (the target may be on another drive) and is renamed onto the target
 * only when complete, so a failed copy never leaves half a file or spoils an existing one.
 * `overwrite` is for a target the user has already agreed to replace (the save dialog asked).
 */
export function copyIntoPlace(source: string, target: string, overwrite: boolean): void {
  const temp = tempPathIn(path.dirname(target));
  try {
    fs.copyFileSync(source, temp, fs.constants.COPYFILE_EXCL);
    // A copy takes the source's mode; the saved file stays this user's alone whatever the source was.
    fs.chmodSync(temp, TEMP_FILE_MODE);
  } catch (error) {
    removeQuietly(temp);
    const why = COPY_PROBLEMS[(error as NodeJS.ErrnoException).code ?? ''];
    throw why ? new TaizhangError('bad-file', `无法保存到 ${target}：${why}`) : toUserError(error, { file: target });
  }
  try {
    commitTempFile(temp, target, overwrite);
  } finally {
    removeQuietly(temp);
  }
}

/** The path with .xlsx added when the user typed a name without it. */
export function withXlsxExtension(file: string): string {
  return /\.xlsx$/i.test(file) ? file : `${file}.xlsx`;
}
