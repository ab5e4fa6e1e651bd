import fs from 'node:fs';
import path from 'node:path';
import { readSettingFile, writeSettingFile } from './setting-file.js';

/*
 * Which ledger file the app opens when it chooses one itself (`npm start`, the desktop app without
 * TAIZHANG_DB): the one last switched to in the app, kept beside the operator's name. A ledger named
 * explicitly (--db, TAIZHANG_DB) is opened as named and never remembered.
 */

const FILE_NAME = 'ledger.json';
/** The ledger an installation starts with before any switch. */
export const DEFAULT_LEDGER_NAME = 'taizhang.db';

/** The ledger file last switched to, while it still exists; undefined otherwise. */
export function rememberedLedger(folder: string): string | undefined {
  const file = (readSettingFile(folder, FILE_NAME) as { file?: unknown } | undefined)?.file;
  // A file since deleted or moved (a USB stick): the default ledger opens instead of an error at every start.
  if (typeof file !== 'string' || !path.isAbsolute(file)) return undefined;
  return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ? file : undefined;
}

export function rememberLedger(folder: string, file: string): void {
  writeSettingFile(folder, FILE_NAME, { file: path.resolve(file) }, '当前台账文件的选择');
}

/**
 * The ledger the app opens when none is named: the remembered one, else `taizhang.db` in the
 * folder, which is made this user's alone first (the ledger holds minors' ID numbers).
 */
export function appLedgerFile(folder: string): string {
  const remembered = rememberedLedger(folder);
  if (remembered) return remembered;
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  fs.chmodSync(folder, 0o700);
  return path.join(folder, DEFAULT_LEDGER_NAME);
}
