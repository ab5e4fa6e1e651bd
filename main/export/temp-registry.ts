import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';

/**
 * Temp files hold the same minors' data as the finished export (or backup). A process killed mid-export
 * cannot remove its own, so each names its process id, and the next start of the app, the host
 * or the CLI removes those whose process is gone. The files beside an export's target could be
 * in any folder; a marker in a private folder says where each one is.
 */

/** The private folder each browser host makes for its exports: taizhang-exports-<pid>-XXXXXX. */
const EXPORTS_FOLDER_PREFIX = 'taizhang-exports-';
const EXPORTS_FOLDER = /^taizhang-exports-(\d+)-/;

// Exports' temp files, and the temp files and private work folders of backups, restores and
// evidence files being stored (main/archive, main/attachments).
const TEMP_FILE = /^\.~taizhang-(?:export|backup|restore|attach)-(\d+)-[0-9a-f]{8}(?:\.(?:xlsx|docx))?(?:\.tmp)?$/;
const MARKER = /^(\d+)-[0-9a-f]{16}$/;

/** Whether a file or folder name is one of ours being written (a temp file or a work folder). */
export function isTempName(name: string): boolean {
  return TEMP_FILE.test(name);
}

/** The hidden name of a file being written beside its target. */
export function tempFileName(extension: 'xlsx' | 'docx'): string {
  return `.~taizhang-export-${process.pid}-${randomUUID().slice(0, 8)}.${extension}.tmp`;
}

export function exportsFolderPrefix(): string {
  return `${EXPORTS_FOLDER_PREFIX}${process.pid}-`;
}

const ownUid = (): number | undefined => process.getuid?.();

/** Whether this user owns the entry (where the system knows owners) and it is not a link. */
function ours(stat: fs.Stats): boolean {
  const uid = ownUid();
  return !stat.isSymbolicLink() && (uid === undefined || stat.uid === uid);
}

/** The markers' folder in the temp folder, this user's only; null if someone else holds the name. */
function markerFolder(create: boolean): string | null {
  const user = ownUid() ?? os.userInfo().username.replace(/[^\w-]/g, '_');
  const dir = path.join(os.tmpdir(), `taizhang-pending-${user}`);
  try {
    if (create) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = fs.lstatSync(dir);
    if (!stat.isDirectory() || !ours(stat)) return null;
    if (create && (stat.mode & 0o077) !== 0) fs.chmodSync(dir, 0o700);
    return dir;
  } catch {
    return null;
  }
}

function markerName(file: string): string {
  return `${process.pid}-${createHash('sha256').update(file).digest('hex').slice(0, 16)}`;
}

/** Leaves word of a temp file being written, for the sweep should this process be killed. */
export function noteTempFile(file: string): void {
  const dir = markerFolder(true);
  if (!dir) return;
  try {
    fs.writeFileSync(path.join(dir, markerName(file)), path.resolve(file), { mode: 0o600 });
  } catch {
    // Without a marker the file is only left behind if the process is killed: not worth failing the export.
  }
}

export function forgetTempFile(file: string): void {
  const dir = markerFolder(false);
  if (dir) fs.rmSync(path.join(dir, markerName(path.resolve(file))), { force: true });
}

/** Whether a process of this machine with this id is still running (the sweeps' test for "gone"). */
export function processRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A temp file, or a work folder with all in it, if this user made it and it is not a link. */
function removeIfOurs(file: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch {
    return;
  }
  if (ours(stat) && (stat.isFile() || stat.isDirectory())) fs.rmSync(file, { recursive: true, force: true });
}

function removeStaleMarked(): void {
  const dir = markerFolder(false);
  if (!dir) return;
  for (const name of fs.readdirSync(dir)) {
    const pid = MARKER.exec(name)?.[1];
    if (pid === undefined || processRunning(Number(pid))) continue;
    const marker = path.join(dir, name);
    let file: string;
    try {
      file = fs.readFileSync(marker, 'utf8');
    } catch {
      continue;
    }
    // Only ever a temp file of ours, whatever the marker says.
    const tempOfOurs = path.isAbsolute(file) && TEMP_FILE.test(path.basename(file));
    try {
      if (tempOfOurs) removeIfOurs(file);
    } catch {
      // A read-only folder or an unplugged drive: the marker stays for the next start.
    }
    if (!tempOfOurs || !fs.existsSync(file)) fs.rmSync(marker, { force: true });
  }
}

function removeStaleFolders(): void {
  const root = os.tmpdir();
  for (const name of fs.readdirSync(root)) {
    const pid = EXPORTS_FOLDER.exec(name)?.[1];
    if (pid === undefined || processRunning(Number(pid))) continue;
    const folder = path.join(root, name);
    try {
      const stat = fs.lstatSync(folder);
      if (stat.isDirectory() && ours(stat)) fs.rmSync(folder, { recursive: true, force: true });
    } catch {
      // Another user's, or removed meanwhile.
    }
  }
}

/** Removes the temp files and export folders of processes that are gone; never fails the start. */
export function sweepStaleTempFiles(): void {
  for (const sweep of [removeStaleMarked, removeStaleFolders]) {
    try {
      sweep();
    } catch {
      // Whatever is left is tried again at the next start.
    }
  }
}
