import fs from 'node:fs';
import path from 'node:path';
import { TaizhangError } from '../store/errors.js';
import { toUserError } from '../errors/user-message.js';
import { removeQuietly, tempPathIn, TEMP_FILE_MODE } from '../export/atomic-file.js';

/**
 * Writes a file beside its destination and renames it into place, so a failure never leaves a
 * half-written document, and an existing file is only replaced when the caller says so.
 */
export function writeFileAside(file: string, bytes: Uint8Array, options: { overwrite: boolean }): string {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  if (!fs.existsSync(dir)) throw new TaizhangError('bad-file', `输出目录不存在：${dir}`);
  if (fs.existsSync(target) && !options.overwrite) {
    throw new TaizhangError('conflict', `文件已存在：${target}，未作修改；如需覆盖请加 --force`);
  }
  const temp = tempPathIn(dir, 'docx');
  try {
    fs.writeFileSync(temp, bytes, { flag: 'wx', mode: TEMP_FILE_MODE });
    fs.renameSync(temp, target);
    removeQuietly(temp);
  } catch (error) {
    removeQuietly(temp);
    throw toUserError(error, { file: target, where: 'write report' });
  }
  return target;
}
