import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../store/database.js';
import { BulkInsert, type BulkRow } from '../store/bulk.js';
import { getLedgerDefinition } from '../store/ledger-types.js';
import { abandonBatch, countBatchRows, finishBatch, startBatch, sweepAbandoned } from '../store/import-batches.js';
import { rememberMapping } from './mapping-memory.js';
import { planCounts, planImport, type ImportPlan, type ImportRequest, type ImportWatch } from './import-plan.js';
import { sourceName, type WorkbookSource } from './workbook-file.js';

/**
 * Rows per write transaction. The write lock is held only while a chunk is written (about a tenth
 * of a second), never while rows are read, so a save from the app gets in between chunks.
 */
const WRITE_CHUNK = 2000;

export interface CommitResult {
  imported: number;
  skipped: number;
  firstId: number | null;
  lastId: number | null;
}

export interface ImportOptions {
  operator: string;
  allowDuplicates?: boolean;
  watch?: ImportWatch;
}

/** The file's SHA-256, or null when it cannot be read (planImport then says why, in Chinese). */
async function sha256Of(source: WorkbookSource): Promise<string | null> {
  const hash = createHash('sha256');
  if ('bytes' in source) return hash.update(source.bytes).digest('hex');
  try {
    await pipeline(fs.createReadStream(source.path), hash);
    return hash.digest('hex');
  } catch {
    return null;
  }
}

/**
 * Imports a workbook in one pass: each row is validated as it is read and, when good (and not a
 * duplicate, unless allowed), written in a chunk of the import's batch, whose rows no reader sees.
 * At the end one small transaction marks the batch done, remembers the user's column choices for
 * this header layout and writes the audit row: only then do the rows appear. If the plan turns out
 * to have a blocking problem (a column with content nobody mapped, found only at the last row), or
 * anything fails or is cancelled, the batch is abandoned and its rows deleted: nothing is written,
 * or everything. `result` is null when the plan blocked the import.
 */
export async function importRecords(
  db: Db,
  request: ImportRequest,
  options: ImportOptions,
): Promise<{ plan: ImportPlan; result: CommitResult | null }> {
  const allow = options.allowDuplicates ?? false;
  const def = getLedgerDefinition(db, request.ledger);
  const sha256 = await sha256Of(request.source);
  if (sha256 === null) return { plan: await planImport(db, request), result: null };
  const fileName = sourceName(request.source);
  const batchId = startBatch(db, {
    ledger: def.key,
    unitId: request.unitId,
    fileName,
    sha256,
    operator: options.operator,
  });
  const bulk = new BulkInsert(db, def, request.unitId, { prevalidated: true, batchId });
  // A 16 MB page cache (SQLite's default is 2 MB) keeps the growing index pages in memory from one
  // chunk to the next instead of reading them back.
  db.pragma('cache_size = -16384');
  // A chunk need not reach the disk on its own: rows count only once the batch is done, and that
  // commit (synchronous=FULL again) syncs the log with every chunk before it.
  db.pragma('synchronous = NORMAL');
  let pending: BulkRow[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const rows = pending;
    pending = [];
    db.transaction(() => {
      for (const row of rows) bulk.add(row);
      countBatchRows(db, batchId, rows.length);
    }).immediate();
  };
  const abandon = () => {
    abandonBatch(db, batchId);
    sweepAbandoned(db);
  };
  try {
    const plan = await planImport(
      db,
      request,
      (row) => {
        if (!allow && row.duplicate) return;
        pending.push({ values: row.values });
        if (pending.length >= WRITE_CHUNK) flush();
      },
      options.watch,
    );
    flush();
    db.pragma('synchronous = FULL');
    if (plan.blocking.length > 0) {
      abandon();
      return { plan, result: null };
    }
    const { skipped } = planCounts(plan, allow);
    const written = db
      .transaction(() => {
        finishBatch(db, batchId, { skipped, rejected: plan.rejected.length });
        rememberMapping(db, plan.layoutKey, plan.choices);
        return bulk.count > 0
          ? bulk.finish({
              operator: options.operator,
              source: `xlsx:${plan.fileName}!${plan.sheet}`,
              details: { batchId, sha256, skipped, rejected: plan.rejected.length },
            })
          : null;
      })
      .immediate();
    return {
      plan,
      result: { imported: bulk.count, skipped, firstId: written?.firstId ?? null, lastId: written?.lastId ?? null },
    };
  } catch (error) {
    try {
      db.pragma('synchronous = FULL');
      abandon();
    } catch {
      // The batch stays invisible either way; the next open of the ledger sweeps it.
    }
    throw error;
  }
}
