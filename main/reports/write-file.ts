import fs from 'node:fs';
import path from 'node:path';
import { TaizhangError } from '../store/errors.js';

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
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temp, bytes);
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    const detail = error instanceof Error ? error.message : String(error);
    throw new TaizhangError('bad-file', `无法写入文件 ${target}：${detail}`);
  }
  return target;
}
