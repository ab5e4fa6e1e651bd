import fs from 'node:fs';
import { TaizhangError } from '../../store/errors.js';

/**
 * The backup password, from a file or the environment — never from the command line, where every
 * user of the machine can read it in the process list.
 */
export function backupPassword(passwordFile: string | undefined): string {
  let password: string | undefined;
  if (passwordFile !== undefined) {
    password = fs.readFileSync(passwordFile, 'utf8').split(/\r?\n/)[0];
  } else {
    password = process.env.TAIZHANG_BACKUP_PASSWORD;
  }
  if (!password) {
    throw new TaizhangError(
      'bad-request',
      '需要备份密码：请用 --password-file 指定存放密码的文件，或设置环境变量 TAIZHANG_BACKUP_PASSWORD',
    );
  }
  if (password.length < 6) throw new TaizhangError('bad-request', '备份密码至少需要 6 个字符');
  return password;
}
