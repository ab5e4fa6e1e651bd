import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { forgetTempFile, noteTempFile } from '../export/temp-registry.js';

/**
 * A private folder (0700) for the pieces of a backup or restore in progress: a ledger snapshot,
 * restored parts. Its name carries our process id, so a folder left by a killed process can be told
 * from one still in use and swept at the next start.
 */
export function makeWorkFolder(parent: string, job: 'backup' | 'restore'): string {
  fs.mkdirSync(parent, { recursive: true });
  const folder = path.join(parent, `.~taizhang-${job}-${process.pid}-${randomBytes(4).toString('hex')}`);
  fs.mkdirSync(folder, { mode: 0o700 });
  // mkdir's mode is cut by the umask; the folder must be private whatever the umask.
  fs.chmodSync(folder, 0o700);
  noteTempFile(folder);
  return folder;
}

/** Removes a work folder and all in it; never throws (it runs while another error is reported). */
export function removeWorkFolder(folder: string): void {
  try {
    fs.rmSync(folder, { recursive: true, force: true });
    forgetTempFile(folder);
  } catch {
    // Swept at the next start: the name says which process made it.
  }
}
