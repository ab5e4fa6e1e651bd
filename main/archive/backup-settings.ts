import type { Db } from '../store/database.js';
import { getSetting, setSetting } from '../store/settings.js';

/** Where this ledger's backups go, kept in the ledger itself so the desktop app, the host and the CLI agree. */
export interface AutoBackupSetting {
  on: boolean;
  folder: string | null;
}

export interface AutoBackupProblem {
  at: string;
  message: string;
}

const AUTO = 'backup.auto';
const PROBLEM = 'backup.autoProblem';
const FOLDER = 'backup.folder';

export function autoBackupSetting(db: Db): AutoBackupSetting {
  return getSetting<AutoBackupSetting>(db, AUTO) ?? { on: false, folder: null };
}

export function setAutoBackupSetting(db: Db, setting: AutoBackupSetting): void {
  setSetting(db, AUTO, setting);
}

export function autoBackupProblem(db: Db): AutoBackupProblem | null {
  return getSetting<AutoBackupProblem | null>(db, PROBLEM) ?? null;
}

export function setAutoBackupProblem(db: Db, problem: AutoBackupProblem | null): void {
  setSetting(db, PROBLEM, problem);
}

/** The folder the last backup made from the page went to. */
export function lastBackupFolder(db: Db): string | null {
  return getSetting<string>(db, FOLDER) ?? null;
}

export function setLastBackupFolder(db: Db, folder: string): void {
  setSetting(db, FOLDER, folder);
}
