import type { Db } from '../store/database.js';
import { BulkInsert, type BulkRow } from '../store/bulk.js';
import { getLedgerDefinition } from '../store/ledger-types.js';
import { rememberMapping } from './mapping-memory.js';
import { planCounts, planImport, type ImportPlan, type ImportRequest, type ImportWatch } from './import-plan.js';

const WRITE_BATCH = 5000;

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

/**
 * Imports a workbook in one pass and one transaction: each row is validated as it is read and,
 * when good (and not a duplicate, unless allowed), written at once; at the end the user's column
 * choices for this header layout and one audit row join it. If the plan turns out to have a
 * blocking problem (say a column with content that nobody mapped, found only at the last row),
 * or anything fails, the transaction is rolled back: nothing is written, or everything.
 * `result` is null when the plan blocked the import.
 */
export async function importRecords(
  db: Db,
  request: ImportRequest,
  options: ImportOptions,
): Promise<{ plan: ImportPlan; result: CommitResult | null }> {
  const allow = options.allowDuplicates ?? false;
  const bulk = new BulkInsert(db, getLedgerDefinition(db, request.ledger), request.unitId, { prevalidated: true });
  // A 16 MB page cache (SQLite's default is 2 MB) keeps the growing index pages in memory for the
  // length of the transaction instead of spilling them to the WAL and reading them back.
  db.pragma('cache_size = -16384');
  // IMMEDIATE: take the write lock now, not at the first good row, so no other writer can slip in
  // between the duplicate check (against the records there are) and the writes.
  db.exec('BEGIN IMMEDIATE');
  // Rows are written a batch at a time: SQLite's and the FTS index's working pages stay in the
  // CPU's caches, where writing each row between parsing the next costs half as much again.
  let batch: BulkRow[] = [];
  const flush = () => {
    for (const row of batch) bulk.add(row);
    batch = [];
  };
  try {
    const plan = await planImport(
      db,
      request,
      (row) => {
        if (!allow && row.duplicate) return;
        batch.push({ values: row.values });
        if (batch.length >= WRITE_BATCH) flush();
      },
      options.watch,
    );
    flush();
    if (plan.blocking.length > 0) {
      db.exec('ROLLBACK');
      return { plan, result: null };
    }
    rememberMapping(db, plan.layoutKey, plan.choices);
    const { skipped } = planCounts(plan, allow);
    const written =
      bulk.count > 0
        ? bulk.finish({ operator: options.operator, source: `xlsx:${plan.fileName}!${plan.sheet}` })
        : null;
    db.exec('COMMIT');
    return {
      plan,
      result: { imported: bulk.count, skipped, firstId: written?.firstId ?? null, lastId: written?.lastId ?? null },
    };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
