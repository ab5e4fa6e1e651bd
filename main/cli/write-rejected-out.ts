import fs from 'node:fs';
import path from 'node:path';
import { TaizhangError } from '../store/errors.js';
import { userMessage } from '../errors/user-message.js';
import { commitTempFile, removeQuietly, tempPathIn, TEMP_FILE_MODE } from '../export/atomic-file.js';

/**
 * Writes the rejected rows' workbook (--rejected-out) whole or not at all: into a temp file
 * beside it, then renamed over whatever was there, since the user named this file to be written.
 */
export function writeRejectedOut(bytes: Uint8Array, file: string): void {
  const target = path.resolve(file);
  const temp = tempPathIn(path.dirname(target));
  try {
    fs.writeFileSync(temp, bytes, { mode: TEMP_FILE_MODE });
    commitTempFile(temp, target, true);
  } catch (error) {
    throw new TaizhangError(
      'bad-file',
      `无法写出待修正文件 ${target}：${userMessage(error, { file: target, where: 'import xlsx --rejected-out' })}`,
    );
  } finally {
    removeQuietly(temp);
  }
}
