import type { Db } from './database.js';
import { nowIso } from './database.js';
import { writeAudit } from './audit.js';
import { recordIndexer } from './search-index.js';
import { checkValues, recordDateOf } from './records.js';
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
}

export interface BulkResult {
  inserted: number;
  firstId: number | null;
  lastId: number | null;
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
  const insert = db.prepare(
    `INSERT INTO records (ledger_key, unit_id, record_date, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const index = recordIndexer(db);
  return db.transaction(() => {
    const now = nowIso();
    let firstId: number | null = null;
    let lastId: number | null = null;
    let inserted = 0;
    for (const row of rows) {
      const values = options.prevalidated ? (row.values as RecordValues) : checkValues(def, row.values);
      const id = Number(
        insert.run(def.key, unitId, recordDateOf(def, values, row.recordDate), JSON.stringify(values), now, now)
          .lastInsertRowid,
      );
      index(id, def, values);
      firstId ??= id;
      lastId = id;
      inserted++;
    }
    writeAudit(db, {
      operator: audit.operator,
      action: 'import',
      entity: 'ledger',
      entityId: def.key,
      after: { source: audit.source, unitId, inserted, firstId, lastId },
    });
    return { inserted, firstId, lastId };
  })();
}
