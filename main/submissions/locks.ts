import dayjs from 'dayjs';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/database.js';
import { nowIso } from '../store/database.js';
import { TaizhangError } from '../store/errors.js';
import { writeAudit } from '../store/audit.js';
import { getLedgerDefinition } from '../store/ledger-types.js';

/** States in which a submission holds its records still. */
export const LOCKING_STATES = ['generating', 'locked'] as const;

interface LockingRow {
  id: number;
  period_label: string;
  created_at: string;
  state: 'generating' | 'locked';
}

// Imports call the check once per row: the statement is prepared once per connection.
const lockQuery = new WeakMap<Db, Statement>();

function lockingSubmission(db: Db, ledger: string, unitId: number, recordDate: string): LockingRow | undefined {
  let query = lockQuery.get(db);
  if (!query) {
    query = db.prepare(
      `SELECT s.id, s.period_label, s.created_at, s.state
       FROM submission_ledgers l JOIN submissions s ON s.id = l.submission_id
       WHERE l.ledger_key = ? AND s.unit_id = ? AND s.state IN ('generating', 'locked')
         AND ? BETWEEN s.period_from AND s.period_to
       ORDER BY s.id LIMIT 1`,
    );
    lockQuery.set(db, query);
  }
  return query.get(ledger, unitId, recordDate) as LockingRow | undefined;
}

/** The day a submission was made, on the computer's own calendar, as people say it. */
export function submissionDay(createdAt: string): string {
  return dayjs(createdAt).format('YYYY-MM-DD');
}

/**
 * Refuses a write (create, edit, delete, import) of a record of `ledger` for `unitId` dated
 * `recordDate` when a submission holds that period, naming the submission. Every writer of
 * records calls this one check.
 */
export function assertNotLocked(db: Db, ledger: string, unitId: number, recordDate: string): void {
  const lock = lockingSubmission(db, ledger, unitId, recordDate);
  if (!lock) return;
  const label = getLedgerDefinition(db, ledger).label;
  const message =
    lock.state === 'generating'
      ? `${lock.period_label}的${label}正在报送（报送 #${lock.id}），请等报送完成后再修改`
      : `${lock.period_label}的${label}已于 ${submissionDay(lock.created_at)} 报送（报送 #${lock.id}），如需修改请先解锁`;
  throw new TaizhangError('conflict', message);
}

/** Writes one lock or unlock to the history and the audit log; inside the caller's transaction. */
/** assertNotLocked for a stored record: its evidence and its values are held alike. */
export function assertRecordNotLocked(db: Db, record: { ledger: string; unitId: number; recordDate: string }): void {
  assertNotLocked(db, record.ledger, record.unitId, record.recordDate);
}

export function recordLockChange(
  db: Db,
  change: { submissionId: number; action: 'lock' | 'unlock'; operator: string; reason: string | null; at?: string },
): void {
  const at = change.at ?? nowIso();
  db.prepare('INSERT INTO submission_locks (submission_id, action, at, operator, reason) VALUES (?, ?, ?, ?, ?)').run(
    change.submissionId,
    change.action,
    at,
    change.operator,
    change.reason,
  );
}

export const MAX_REASON = 500;

/** Lifts a submission's lock, so its period can be changed again; the reason is kept and audited. */
export function unlockSubmission(db: Db, id: number, reason: string, operator: string): void {
  const why = reason.trim();
  if (why === '') throw new TaizhangError('bad-request', `解锁报送 #${id} 须写明原因`);
  if ([...why].length > MAX_REASON) throw new TaizhangError('bad-request', `解锁原因不能超过 ${MAX_REASON} 个字`);
  db.transaction(() => {
    const row = db.prepare('SELECT state FROM submissions WHERE id = ?').get(id) as { state: string } | undefined;
    if (!row) throw new TaizhangError('not-found', `报送 #${id} 不存在`);
    if (row.state === 'unlocked') throw new TaizhangError('conflict', `报送 #${id} 已经解锁，无需再次解锁`);
    if (row.state === 'failed') throw new TaizhangError('conflict', `报送 #${id} 没有生成完成，未锁定任何记录`);
    db.prepare(`UPDATE submissions SET state = 'unlocked' WHERE id = ?`).run(id);
    recordLockChange(db, { submissionId: id, action: 'unlock', operator, reason: why });
    writeAudit(db, {
      operator,
      action: 'update',
      entity: 'submission',
      entityId: id,
      before: { state: row.state },
      after: { state: 'unlocked', reason: why },
    });
  })();
}
