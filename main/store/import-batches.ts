import type { Db } from './database.js';
import { nowIso } from './database.js';
import { TaizhangError } from './errors.js';

/*
 * An import writes its rows in short transactions, so other saves get the write lock in between,
 * and keeps its all-or-nothing promise through its batch: readers see only records of batches that
 * are done (the visible_records view), marking a batch done is one small commit, and the rows of a
 * batch that ends any other way are deleted afterwards, a chunk at a time.
 */

export type BatchState = 'running' | 'done' | 'abandoned';

export interface NewBatch {
  ledger: string;
  unitId: number;
  fileName: string;
  sha256: string;
  operator: string;
}

/** Rows deleted per transaction when a batch is swept: short enough for a save to get in between. */
const SWEEP_CHUNK = 2_000;

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Marks abandoned the running batches whose process has ended (killed, crashed, powered off). */
export function abandonStaleBatches(db: Db): number {
  const running = db.prepare(`SELECT id, pid FROM import_batches WHERE state = 'running'`).all() as Array<{
    id: number;
    pid: number;
  }>;
  const stale = running.filter((b) => !processAlive(b.pid));
  for (const batch of stale) abandonBatch(db, batch.id);
  return stale.length;
}

/**
 * Opens a batch for an import into one ledger and unit. Refused while another live process imports
 * into the same ledger and unit: both would check duplicates against records that lack the other's.
 */
export function startBatch(db: Db, batch: NewBatch): number {
  return db
    .transaction(() => {
      abandonStaleBatches(db);
      const other = db
        .prepare(
          `SELECT b.pid, t.label, b.rows_written AS rows FROM import_batches b JOIN ledger_types t ON t.key = b.ledger_key
           WHERE b.state = 'running' AND b.ledger_key = ? AND b.unit_id = ? AND b.pid <> ?`,
        )
        .get(batch.ledger, batch.unitId, process.pid) as { pid: number; label: string; rows: number } | undefined;
      if (other) {
        throw new TaizhangError(
          'conflict',
          `另一个程序（进程 ${other.pid}）正在向“${other.label}”导入（已写入 ${other.rows} 行），请等它完成后再导入`,
        );
      }
      return Number(
        db
          .prepare(
            `INSERT INTO import_batches (ledger_key, unit_id, file_name, file_sha256, operator, pid, started_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(batch.ledger, batch.unitId, batch.fileName, batch.sha256, batch.operator, process.pid, nowIso())
          .lastInsertRowid,
      );
    })
    .immediate();
}

/** Adds rows just written to the batch's count; call inside the transaction that wrote them. */
export function countBatchRows(db: Db, batchId: number, rows: number): void {
  db.prepare('UPDATE import_batches SET rows_written = rows_written + ? WHERE id = ?').run(rows, batchId);
}

/** Makes the batch's rows visible; call inside the transaction that writes its audit row. */
export function finishBatch(db: Db, batchId: number, counts: { skipped: number; rejected: number }): void {
  const { changes } = db
    .prepare(
      `UPDATE import_batches SET state = 'done', finished_at = ?, rows_skipped = ?, rows_rejected = ?
       WHERE id = ? AND state = 'running'`,
    )
    .run(nowIso(), counts.skipped, counts.rejected, batchId);
  if (changes !== 1) throw new TaizhangError('conflict', `导入批次 ${batchId} 已被放弃，未导入任何记录，请重新导入`);
}

/** The batch's rows stay invisible for good; sweepAbandoned deletes them. */
export function abandonBatch(db: Db, batchId: number): void {
  db.prepare(`UPDATE import_batches SET state = 'abandoned', finished_at = ? WHERE id = ? AND state = 'running'`).run(
    nowIso(),
    batchId,
  );
}

/**
 * Deletes the rows of abandoned batches, one short transaction per chunk, and returns how many.
 * `until` lets a caller stop between chunks (a worker being told to end); the rest waits for the
 * next sweep.
 */
export function sweepAbandoned(db: Db, until: () => boolean = () => false): number {
  const abandoned = `SELECT r.id FROM records r JOIN import_batches b ON b.id = r.import_batch_id WHERE b.state = 'abandoned'`;
  // Looked for first, so a file with nothing to sweep is not written to (it may be read-only).
  const left = db.prepare(`SELECT EXISTS (${abandoned})`).pluck();
  const chunk = db.prepare(`DELETE FROM records WHERE id IN (${abandoned} LIMIT ?)`);
  let deleted = 0;
  while (!until() && left.get() === 1) {
    deleted += db.transaction(() => chunk.run(SWEEP_CHUNK).changes).immediate();
  }
  return deleted;
}

/** The import holding up a save, said as the user knows it, with how far it has got. */
export function runningImportLine(db: Db): string | null {
  const running = db
    .prepare(
      `SELECT t.label, b.file_name AS fileName, b.rows_written AS rows FROM import_batches b
       JOIN ledger_types t ON t.key = b.ledger_key WHERE b.state = 'running' ORDER BY b.id LIMIT 1`,
    )
    .get() as { label: string; fileName: string; rows: number } | undefined;
  if (!running) return null;
  return `正在把 ${running.fileName} 导入“${running.label}”（已写入 ${running.rows.toLocaleString('zh-CN')} 行）`;
}
