import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../store/database.js';
import type { ReadonlyDb } from '../store/readonly-db.js';
import { SCHEMA_VERSION } from '../store/database.js';
import { TaizhangError } from '../store/errors.js';
import { toUserError } from '../errors/user-message.js';

/**
 * Opens a ledger file for reading only, as the export worker does: it runs in its own thread
 * (better-sqlite3 handles cannot cross threads) and must never change the file it reads. The
 * schema must already be current, since a read-only handle cannot migrate it.
 */
export function openReadOnly(file: string, nativeBinding?: string): ReadonlyDb {
  const resolved = path.resolve(file);
  if (!fs.existsSync(resolved)) throw new TaizhangError('bad-file', `台账文件不存在：${resolved}`);
  let db: Db;
  try {
    db = new Database(resolved, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    db.pragma('busy_timeout = 5000');
  } catch (error) {
    throw toUserError(error, { dbFile: resolved, where: 'open read-only' });
  }
  let version: number;
  try {
    version = db.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    db.close();
    throw toUserError(error, { dbFile: resolved, where: 'open read-only' });
  }
  if (version !== SCHEMA_VERSION) {
    db.close();
    const newer = version > SCHEMA_VERSION;
    const why = newer ? '由更新版本的台账归档创建，请升级程序' : '数据版本较旧，请先用本程序打开一次以完成升级';
    throw new TaizhangError(
      newer ? 'newer-file' : 'bad-file',
      `台账文件 ${resolved} ${why}（数据版本 ${version}，本程序为 ${SCHEMA_VERSION}）`,
    );
  }
  return db;
}
