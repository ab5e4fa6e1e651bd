import fs from 'node:fs';
import path from 'node:path';
import { isTempName } from '../export/temp-registry.js';

/**
 * Evidence files live beside the ledger, never inside SQLite: `<ledger>.files/ab/cd…`, each stored
 * once under its SHA-256. The folder travels with the ledger in backups.
 */
export function attachmentFolderOf(dbFile: string): string {
  return `${path.resolve(dbFile)}.files`;
}

/** Every stored file under the folder, as paths relative to it with '/' separators, sorted. */
export function listAttachmentFiles(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  const found: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      // Links could point anywhere on the machine; only files the app itself stored are kept. A file
      // the store is still writing (or left by a killed process) is not evidence yet.
      if (isTempName(entry.name)) continue;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), relative);
      else if (entry.isFile()) found.push(relative);
    }
  };
  walk(folder, '');
  return found.sort();
}
