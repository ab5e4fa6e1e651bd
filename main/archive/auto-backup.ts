import fs from 'node:fs';
import dayjs from 'dayjs';
import { userMessage } from '../errors/user-message.js';
import { queuedWrite } from '../store/write-queue.js';
import { listOwnBackups } from './backup-names.js';
import { autoBackupSetting, setAutoBackupProblem } from './backup-settings.js';
import { backupToFolder, backupUnitName, type LedgerHost } from './backup-to-folder.js';
import { backupsToKeep } from './rotation.js';

export interface AutoBackupOptions {
  /** How often to look whether today's backup exists. */
  checkEveryMs?: number;
  /** The first look after start: soon, but not while the app is still opening. */
  firstCheckMs?: number;
  now?: () => Date;
  /** Where a failed automatic backup is told besides the page (the host's terminal). */
  log?: (line: string) => void;
}

export interface AutoBackup {
  /** Backs up into the chosen folder unless today's backup is already there. */
  check(): Promise<void>;
  /** Stops the timer and takes the backup on quit; the ledger must still be open. */
  close(): Promise<void>;
  /** A backup is being written now. */
  readonly running: boolean;
}

const HOUR = 60 * 60 * 1000;

/**
 * Automatic backups into the folder the user picked (archive.setAuto): once a day — checked every
 * hour, since a school computer is rarely on at any given time — and on quit, each followed by
 * rotation (rotation.ts). A failure (the USB stick is not plugged in) is kept for the page to show
 * and tried again at the next check; it never stops the app.
 */
export function startAutoBackup(host: LedgerHost, options: AutoBackupOptions = {}): AutoBackup {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  let running: Promise<void> | null = null;
  let closed = false;

  async function backupAndRotate(): Promise<void> {
    const { on, folder } = autoBackupSetting(host.db);
    if (!on || !folder) return;
    try {
      await backupToFolder(host, folder, { now: now() });
      const { remove } = backupsToKeep(listOwnBackups(folder, backupUnitName(host.db)));
      for (const old of remove) fs.rmSync(old.file, { force: true });
      await queuedWrite(host.db, () => setAutoBackupProblem(host.db, null));
    } catch (error) {
      const message = userMessage(error, { dbFile: host.dbFile, file: folder, where: 'auto backup' });
      log(`自动备份失败：${message}`);
      if (host.db.open)
        await queuedWrite(host.db, () => setAutoBackupProblem(host.db, { at: now().toISOString(), message }));
    }
  }

  function hasTodaysBackup(folder: string): boolean {
    const today = dayjs(now());
    return listOwnBackups(folder, backupUnitName(host.db)).some((b) => dayjs(b.at).isSame(today, 'day'));
  }

  function once(job: () => Promise<void>): Promise<void> {
    running ??= job().finally(() => {
      running = null;
    });
    return running;
  }

  const check = () =>
    once(async () => {
      const { on, folder } = autoBackupSetting(host.db);
      if (!on || !folder) return;
      let due = true;
      try {
        due = !hasTodaysBackup(folder);
      } catch {
        // An unreadable folder: the backup itself says why.
      }
      if (due) await backupAndRotate();
    });

  const first = setTimeout(() => void check(), options.firstCheckMs ?? 60_000);
  const every = setInterval(() => void check(), options.checkEveryMs ?? HOUR);
  first.unref();
  every.unref();

  return {
    get running() {
      return running !== null;
    },
    check: () => (closed ? Promise.resolve() : check()),
    async close() {
      if (closed) return;
      closed = true;
      clearTimeout(first);
      clearInterval(every);
      await running;
      await once(backupAndRotate);
    },
  };
}
