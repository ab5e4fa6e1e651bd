import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../store/database.js';
import { TaizhangError } from '../store/errors.js';
import { queuedWrite } from '../store/write-queue.js';
import { currentUnit, listUnits } from '../store/units.js';
import { runInArchiveWorker } from './archive-in-worker.js';
import type { ArchiveOutputs } from './archive-worker-job.js';
import { recordBackup } from './backup-log.js';
import { backupFileName } from './backup-names.js';

/** The open ledger a backup is taken of, by the API or by the automatic backups. */
export interface LedgerHost {
  db: Db;
  dbFile: string;
  operator: string;
  nativeBinding?: string;
}

/**
 * A path the user typed, as a full path: the page and the app run on one computer, but the app's
 * working folder is nobody's guess. A leading ~ is the user's home folder.
 */
export function userPath(text: string, what: string): string {
  const trimmed = text.trim();
  const expanded = /^~(?=$|[\\/])/.test(trimmed) ? path.join(os.homedir(), trimmed.slice(1)) : trimmed;
  if (!path.isAbsolute(expanded)) {
    throw new TaizhangError(
      'bad-request',
      `${what}请填写完整路径（如 D:\\台账备份 或 /home/用户名/台账备份），而不是“${trimmed.slice(0, 80)}”`,
    );
  }
  return path.normalize(expanded);
}

/** The unit named in the backup's file name: the one being filled in, else the first. */
export function backupUnitName(db: Db): string {
  return currentUnit(db)?.name ?? listUnits(db)[0]?.name ?? '台账';
}

/** The folder to write into; made when only its last level is missing (a USB stick not plugged in is not made up). */
export function readyFolder(folder: string): void {
  const stat = fs.statSync(folder, { throwIfNoEntry: false });
  if (stat?.isDirectory()) return;
  if (stat) throw new TaizhangError('bad-file', `${folder} 是文件而不是文件夹：请换一个备份文件夹`);
  if (!fs.existsSync(path.dirname(folder))) {
    throw new TaizhangError(
      'bad-file',
      `备份文件夹 ${folder} 不存在，其上级文件夹也不存在：请插入移动存储设备或换一个文件夹`,
    );
  }
  fs.mkdirSync(folder);
}

/**
 * Writes 台账备份-<单位>-<时间>.tzbak into `folder` in the archive worker (through its own read-only
 * connection) and, once it is complete, records it as the ledger's last good backup on the main
 * connection.
 */
export async function backupToFolder(
  host: LedgerHost,
  folder: string,
  options: { password?: string; now?: Date } = {},
): Promise<ArchiveOutputs['backup']> {
  readyFolder(folder);
  const unit = backupUnitName(host.db);
  // Names go by the second: a backup on quit right after the day's one takes the next free second.
  let at = options.now ?? new Date();
  while (fs.existsSync(path.join(folder, backupFileName(unit, at)))) at = new Date(at.getTime() + 1000);
  const out = path.join(folder, backupFileName(unit, at));
  const result = await runInArchiveWorker(
    { kind: 'backup', dbFile: host.dbFile, out, operator: host.operator, password: options.password },
    { nativeBinding: host.nativeBinding },
  );
  const record = {
    at: result.summary.createdAt,
    file: result.file,
    bytes: result.bytes,
    encrypted: result.summary.encrypted,
  };
  await queuedWrite(host.db, () => recordBackup(host.db, record));
  return result;
}
