import type { ApiMethod } from '../../shared/api-methods.js';
import type { ApiOutput, ParsedInput } from '../../shared/api.js';
import { BACKUP_WARN_DAYS } from '../../shared/archive-api.js';
import type { ApiContext } from '../handlers.js';
import { queuedWrite } from '../store/write-queue.js';
import { runInArchiveWorker } from './archive-in-worker.js';
import { lastBackup } from './backup-log.js';
import {
  autoBackupProblem,
  autoBackupSetting,
  lastBackupFolder,
  setAutoBackupSetting,
  setLastBackupFolder,
} from './backup-settings.js';
import { backupToFolder, readyFolder, userPath } from './backup-to-folder.js';

type ArchiveMethod = Extract<ApiMethod, `archive.${string}`>;
type ArchiveHandlers = {
  [M in ArchiveMethod]: (ctx: ApiContext, input: ParsedInput<M>) => ApiOutput<M> | Promise<ApiOutput<M>>;
};

const DAY_MS = 86_400_000;

function autoStatus(ctx: ApiContext): ApiOutput<'archive.setAuto'> {
  return { ...autoBackupSetting(ctx.db), problem: autoBackupProblem(ctx.db) };
}

export const ARCHIVE_HANDLERS: ArchiveHandlers = {
  'archive.status': (ctx) => {
    const last = lastBackup(ctx.db) ?? null;
    const daysSince = last ? Math.max(0, Math.floor((Date.now() - Date.parse(last.at)) / DAY_MS)) : null;
    return {
      last,
      daysSince,
      overdue: daysSince === null || daysSince >= BACKUP_WARN_DAYS,
      folder: lastBackupFolder(ctx.db),
      auto: autoStatus(ctx),
    };
  },
  'archive.backup': async (ctx, input) => {
    const folder = userPath(input.folder, '备份文件夹');
    const result = await backupToFolder(ctx, folder, { password: input.password });
    await queuedWrite(ctx.db, () => setLastBackupFolder(ctx.db, folder));
    return result;
  },
  'archive.inspect': (ctx, input) =>
    runInArchiveWorker(
      { kind: 'inspect', file: userPath(input.file, '备份文件路径'), password: input.password },
      { nativeBinding: ctx.nativeBinding },
    ),
  'archive.restore': (ctx, input) =>
    runInArchiveWorker(
      {
        kind: 'restore',
        inFile: userPath(input.file, '备份文件路径'),
        dbFile: userPath(input.target, '新台账文件路径'),
        password: input.password,
      },
      { nativeBinding: ctx.nativeBinding },
    ),
  'archive.verify': (ctx) =>
    runInArchiveWorker({ kind: 'verify', dbFile: ctx.dbFile }, { nativeBinding: ctx.nativeBinding }),
  'archive.setAuto': async (ctx, input) => {
    const current = autoBackupSetting(ctx.db);
    if (input.folder === null) {
      await queuedWrite(ctx.db, () => setAutoBackupSetting(ctx.db, { on: false, folder: current.folder }));
      return autoStatus(ctx);
    }
    const folder = userPath(input.folder, '自动备份文件夹');
    readyFolder(folder);
    await queuedWrite(ctx.db, () => setAutoBackupSetting(ctx.db, { on: true, folder }));
    // Today's backup is taken now rather than at the next hourly look.
    void ctx.autoBackup?.check();
    return autoStatus(ctx);
  },
};
