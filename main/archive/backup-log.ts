import type { ReadonlyDb } from '../store/readonly-db.js';
import type { Db } from '../store/database.js';
import { getSetting, setSetting } from '../store/settings.js';

/** The last good backup of this ledger, kept in the ledger itself so every window and the CLI agree. */
export interface BackupRecord {
  at: string;
  file: string;
  bytes: number;
  encrypted: boolean;
}

const KEY = 'backup.last';

export function lastBackup(db: ReadonlyDb): BackupRecord | undefined {
  return getSetting<BackupRecord>(db, KEY);
}

export function recordBackup(db: Db, backup: BackupRecord): void {
  setSetting(db, KEY, backup);
}
