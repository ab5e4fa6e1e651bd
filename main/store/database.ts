import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS, type Migration } from './migrations.js';
import { chainEarlierRows } from './audit-chain.js';
import { TaizhangError } from './errors.js';
import { toUserError } from '../errors/user-message.js';
import { createPrivateFile, refuseForeignFile, restrictToOwner } from './ledger-file.js';

export type Db = Database.Database;

export const SCHEMA_VERSION = MIGRATIONS.length;

export interface OpenOptions {
  /** Refuse to create the file when it does not exist. */
  mustExist?: boolean;
  /** better-sqlite3 built for another ABI (Electron's), see main/electron/native.ts. */
  nativeBinding?: string;
}

/**
 * Opens (creating when allowed) a ledger file and brings its schema up to date.
 * A file written by a newer Taizhang is refused untouched.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const resolved = path.resolve(file);
  const exists = fs.existsSync(resolved);
  if (!exists && options.mustExist) {
    throw new TaizhangError('bad-file', `台账文件不存在：${resolved}`);
  }
  let db: Db;
  try {
    if (exists) refuseForeignFile(resolved, options.nativeBinding);
    else createPrivateFile(resolved);
    db = new Database(resolved, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    db.pragma('busy_timeout = 5000');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      db.close();
      throw new TaizhangError(
        'newer-file',
        `台账文件 ${resolved} 由更新版本的台账归档创建（数据版本 ${version}，本程序支持到 ${SCHEMA_VERSION}），为避免损坏未作任何修改，请升级程序后再打开`,
      );
    }
    db.pragma('journal_mode = WAL');
    restrictToOwner(resolved);
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, version);
    chainEarlierRows(db);
    return db;
  } catch (error) {
    if (error instanceof TaizhangError) throw error;
    throw toUserError(error, {
      dbFile: resolved,
      where: 'open ledger',
      fallback: `无法打开台账文件 ${resolved}：请确认它是台账归档的台账文件，且有读写权限`,
    });
  }
}

/**
 * Runs migrations `from` onwards, each in one transaction together with its PRAGMA user_version
 * bump, so a failure or a crash leaves the file at the version before it. `migrations` is the list
 * tests substitute (a prefix of it, or one that fails); the app always runs MIGRATIONS.
 */
export function migrate(db: Db, from: number, migrations: readonly Migration[] = MIGRATIONS): void {
  for (let version = from; version < migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

export function nowIso(): string {
  return new Date().toISOString();
}
