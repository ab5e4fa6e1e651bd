import { failAbandonedSubmissions } from '../submissions/abandoned.js';
import path from 'node:path';
import type { ApiOutput } from '../../shared/api.js';
import type { ApiContext } from '../handlers.js';
import { openStore } from '../store/index.js';
import { SCHEMA_VERSION } from '../store/database.js';
import { TaizhangError } from '../store/errors.js';
import { userPath } from '../archive/backup-to-folder.js';
import { rememberLedger } from '../settings/ledger-choice.js';
import { APP_VERSION } from '../version.js';

const SWITCH = 'app.switchLedger';

/** What a call still running is doing, in the words of the refusal; the first matching prefix names it. */
const WORK_NAMES: ReadonlyArray<readonly [prefix: string, name: string]> = [
  [SWITCH, '另一次切换台账'],
  ['import.', '导入'],
  ['export.', '导出'],
  ['submissions.', '报送'],
  ['reports.', '报送材料的统计'],
  ['archive.backup', '备份'],
  ['archive.restore', '恢复'],
  ['archive.verify', '四性检测'],
  ['attachments.', '佐证材料的处理'],
  ['evidence.', '佐证材料的上传'],
  ['records.', '记录的保存'],
  ['ledgerTypes.', '台账类型的修改'],
];

/**
 * The calls of one transport still running (a handler awaiting its worker or its queued write):
 * each holds the ledger that was open when it began, so the ledger is not switched under it.
 */
export class CallsInFlight {
  private readonly counts = new Map<string, number>();

  /** Marks a call as running; the returned function marks it done. */
  begin(what: string): () => void {
    this.counts.set(what, (this.counts.get(what) ?? 0) + 1);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      const left = (this.counts.get(what) ?? 1) - 1;
      if (left > 0) this.counts.set(what, left);
      else this.counts.delete(what);
    };
  }

  /** How many of each call run now. */
  running(): Map<string, number> {
    return new Map(this.counts);
  }
}

export function appInfo(ctx: ApiContext): ApiOutput<'app.info'> {
  return { version: APP_VERSION, dbFile: ctx.dbFile, schemaVersion: SCHEMA_VERSION, transport: ctx.transport };
}

/** The work on the open ledger that a switch would cut short, named for the user. */
function runningWork(ctx: ApiContext): string[] {
  const names = new Set<string>();
  if (ctx.imports?.running) names.add('导入');
  if (ctx.exports?.running) names.add('导出');
  if (ctx.autoBackup?.running) names.add('自动备份');
  for (const [what, count] of ctx.calls?.running() ?? []) {
    // The switch being answered counts itself.
    if (what === SWITCH && count <= 1) continue;
    names.add(WORK_NAMES.find(([prefix]) => what.startsWith(prefix))?.[1] ?? '其他操作');
  }
  return [...names];
}

/**
 * Makes `file` the ledger every later call reads and writes. It is opened first (openStore refuses,
 * in one line, a file that is not a ledger or is from a newer version), so a refusal leaves the
 * ledger in use open and untouched; the old connection closes only once the new one serves. The
 * unit being filled in is the one stored in the new file.
 */
export async function switchLedger(ctx: ApiContext, file: string): Promise<ApiOutput<'app.switchLedger'>> {
  const target = path.resolve(userPath(file, '台账文件路径'));
  if (target === path.resolve(ctx.dbFile)) return appInfo(ctx);
  const busy = runningWork(ctx);
  if (busy.length > 0) {
    throw new TaizhangError('busy', `${busy.join('、')}正在进行，请等其完成或取消后再切换台账；仍在使用 ${ctx.dbFile}`);
  }
  const db = openStore(target, { mustExist: true, nativeBinding: ctx.nativeBinding });
  try {
    if (ctx.ledgerChoiceFolder) rememberLedger(ctx.ledgerChoiceFolder, target);
  } catch (error) {
    db.close();
    throw error;
  }
  const old = { db: ctx.db, exports: ctx.exports };
  ctx.db = db;
  ctx.dbFile = target;
  failAbandonedSubmissions(db, ctx.operator);
  // Export jobs read their ledger file in a worker; finished files not yet saved belong to the old ledger.
  ctx.exports = old.exports?.forLedger(target);
  await old.exports?.dispose();
  old.db.close();
  return appInfo(ctx);
}
