import Database from 'better-sqlite3';
import { migrate, type Db } from '../../main/store/database.js';
import { MIGRATIONS } from '../../main/store/migrations.js';

/**
 * A connection with the settings openDatabase gives one before it migrates (WAL, foreign keys),
 * so a migration under test runs as it would for a user.
 */
export function openUnmigrated(file: string): Db {
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  return db;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Brings the file to schema version `version` exactly as openDatabase would, and no further. */
export function updateToVersion(db: Db, version: number): void {
  const from = schemaVersion(db);
  if (version < from || version > MIGRATIONS.length) {
    throw new Error(`cannot bring a version ${from} file to version ${version} (latest: ${MIGRATIONS.length})`);
  }
  migrate(db, from, MIGRATIONS.slice(0, version));
}
