import type { Db } from './database.js';
import { nowIso } from './database.js';
import { writeAudit } from './audit.js';
import { newRecordIndexer } from './search-index.js';
import { checkValues, recordDateOf } from './records.js';
import { assertNotLocked } from '../submissions/locks.js';
import type { LedgerDefinition, RecordValues } from '../../shared/ledger-definition.js';

export interface BulkRow {
  values: Record<string, unknown>;
  recordDate?: string;
}

export interface BulkOptions {
  /**
   * The rows' values are already the output of checkValues (an import plan validated every row),
   * so they are written as given. Only for callers that validated against this same definition.
   */
  prevalidated?: boolean;
  /** The import batch the rows belong to (main/store/import-batches.ts): invisible until it is done. */
  batchId?: number;
}

export interface BulkResult {
  inserted: number;
  firstId: number | null;
  lastId: number | null;
}

/**
 * Adds records one at a time to a transaction the caller holds open, then writes the one audit
 * row for the batch. Used where rows arrive over time (an import writes each row as it is read).
 */
export class BulkInsert {
  private readonly insert;
  private readonly index;
  private readonly now = nowIso();
  private firstId: number | null = null;
  private lastId: number | null = null;
  private inserted = 0;

  constructor(
    private readonly db: Db,
    private readonly def: LedgerDefinition,
    private readonly unitId: number,
    private readonly options: BulkOptions = {},
  ) {
    this.insert = db.prepare(
      `INSERT INTO records (ledger_key, unit_id, record_date, data, created_at, updated_at, import_batch_id)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.index = newRecordIndexer(db);
  }

  get count(): number {
    return this.inserted;
  }

  add(row: BulkRow): number {
    if (!this.db.inTransaction) throw new Error('BulkInsert.add needs an open transaction');
    const { def, now } = this;
    const values = this.options.prevalidated ? (row.values as RecordValues) : checkValues(def, row.values);
    const recordDate = recordDateOf(def, values, row.recordDate);
    // One row in a submitted period refuses the whole import (it is all or nothing), naming the submission.
    assertNotLocked(this.db, def.key, this.unitId, recordDate);
    const id = Number(
      this.insert.run(def.key, this.unitId, recordDate, JSON.stringify(values), now, now, this.options.batchId ?? null)
        .lastInsertRowid,
    );
    this.index(id, def, values);
    this.firstId ??= id;
    this.lastId = id;
    this.inserted++;
    return id;
  }

  /** Writes the batch's audit row, naming its source and the id range it created, and anything else given. */
  finish(audit: { operator: string; source: string; details?: Record<string, unknown> }): BulkResult {
    const result = { inserted: this.inserted, firstId: this.firstId, lastId: this.lastId };
    writeAudit(this.db, {
      operator: audit.operator,
      action: 'import',
      entity: 'ledger',
      entityId: this.def.key,
      after: { source: audit.source, unitId: this.unitId, ...result, ...audit.details },
    });
    return result;
  }
}

/**
 * Inserts many records in one transaction: all of them, or (on any error) none.
 * One audit row records the batch, naming its source and the id range it created.
 */
export function insertRecordsBulk(
  db: Db,
  def: LedgerDefinition,
  unitId: number,
  rows: Iterable<BulkRow>,
  audit: { operator: string; source: string },
  options: BulkOptions = {},
): BulkResult {
  return db.transaction(() => {
    const bulk = new BulkInsert(db, def, unitId, options);
    for (const row of rows) bulk.add(row);
    return bulk.finish(audit);
  })();
}
