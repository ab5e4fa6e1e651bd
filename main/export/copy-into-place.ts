import fs from 'node:fs';
import path from 'node:path';
import { toUserError } from '../errors/user-message.js';
import { commitTempFile, removeQuietly, tempPathIn, TEMP_FILE_MODE } from './atomic-file.js';

/**
 * Copies a finished export to where the user chose to save it. The copy goes to a temp file in
 * the target's folder first (the target may be on another drive) and is renamed onto the target
 * only when complete, so a failed copy never leaves half a file or spoils an existing one.
 * `overwrite` is for a target the user has already agreed to replace (the save dialog asked).
 */
export function copyIntoPlace(source: string, target: string, overwrite: boolean): void {
  const temp = tempPathIn(path.dirname(target));
  try {
    fs.copyFileSync(source, temp, fs.constants.COPYFILE_EXCL);
    // A copy takes the source's mode; the saved file stays this user's alone whatever the source was.
    fs.chmodSync(temp, TEMP_FILE_MODE);
  } catch (error) {
    removeQuietly(temp);
    throw toUserError(error, { file: target, where: 'save export' });
  }
  try {
    commitTempFile(temp, target, overwrite);
  } finally {
    removeQuietly(temp);
  }
}

/** The device a path lives on, or null when it cannot be looked at (a missing folder). */
function deviceOf(file: string): number | null {
  return fs.statSync(file, { throwIfNoEntry: false })?.dev ?? null;
}

/**
 * Saves a finished export that nobody needs where it is (the job's own file) at the user's target:
 * on the same drive it is linked or renamed into place, no byte copied; across drives it is copied.
 * The rules for an existing target are those of copyIntoPlace.
 */
export function moveIntoPlace(source: string, target: string, overwrite: boolean): void {
  const folder = deviceOf(path.dirname(target));
  if (folder !== null && folder === deviceOf(source)) commitTempFile(source, target, overwrite);
  else copyIntoPlace(source, target, overwrite);
}

/** The path with .xlsx added when the user typed a name without it. */
export function withXlsxExtension(file: string): string {
  return /\.xlsx$/i.test(file) ? file : `${file}.xlsx`;
}
