import type { Db } from '../store/database.js';
import { nowIso } from '../store/database.js';
import { TaizhangError } from '../store/errors.js';
import { recordDateOf } from '../store/records.js';
import { recordIndexer } from '../store/search-index.js';
import { assertNotLocked } from '../submissions/locks.js';
import type { LedgerDefinition, RecordValues } from '../../shared/ledger-definition.js';

/** A record as stored, read for a write that changes it. */
export interface StoredRecord {
  id: number;
  ledger: string;
  unitId: number;
  recordDate: string;
  values: RecordValues;
}

/**
 * Writes of many records in one transaction (a bulk edit, a paste over existing rows, an undo of
 * either): each record is read, checked against the locks of where it is and where it would go,
 * and written with its search text, as records.update does for one.
 */
export class RecordRewriter {
  private readonly read;
  private readonly write;
  private readonly writeValues;
  private readonly index;
  private readonly now = nowIso();

  constructor(
    private readonly db: Db,
    private readonly def: LedgerDefinition,
  ) {
    this.read = db.prepare('SELECT id, ledger_key, unit_id, record_date, data FROM visible_records WHERE id = ?');
    this.write = db.prepare('UPDATE records SET record_date = ?, data = ?, updated_at = ? WHERE id = ?');
    // Leaving record_date out of the SET spares the indexes on it when it stays (nearly always).
    this.writeValues = db.prepare('UPDATE records SET data = ?, updated_at = ? WHERE id = ?');
    this.index = recordIndexer(db);
  }

  /** The record, which must exist and belong to this ledger. */
  get(id: number): StoredRecord {
    const row = this.read.get(id) as
      { id: number; ledger_key: string; unit_id: number; record_date: string; data: string } | undefined;
    if (!row) throw new TaizhangError('not-found', `记录不存在（编号 ${id}），可能已被删除`);
    if (row.ledger_key !== this.def.key) {
      throw new TaizhangError('bad-request', `编号 ${id} 的记录不属于${this.def.label}`);
    }
    return {
      id: row.id,
      ledger: row.ledger_key,
      unitId: row.unit_id,
      recordDate: row.record_date,
      values: JSON.parse(row.data) as RecordValues,
    };
  }

  /** Stores checked values (archived fields' values already carried over); refuses a locked period. */
  put(before: StoredRecord, values: RecordValues, reindex = true): void {
    if (!this.db.inTransaction) throw new Error('RecordRewriter.put needs an open transaction');
    const recordDate = recordDateOf(this.def, values, before.recordDate);
    assertNotLocked(this.db, before.ledger, before.unitId, before.recordDate);
    if (recordDate !== before.recordDate) assertNotLocked(this.db, this.def.key, before.unitId, recordDate);
    if (recordDate === before.recordDate) this.writeValues.run(JSON.stringify(values), this.now, before.id);
    else this.write.run(recordDate, JSON.stringify(values), this.now, before.id);
    if (reindex) this.index(before.id, this.def, values);
  }
}

/** The id of the audit row just written in this transaction: what names a batch for records.revert. */
export function lastAuditId(db: Db): number {
  return db.prepare('SELECT max(id) FROM audit_log').pluck().get() as number;
}

/** Sorted ids as runs [first, last], so a batch of 100,000 consecutive records stays a short row. */
export function idRuns(ids: number[]): Array<[number, number]> {
  const sorted = [...ids].sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const id of sorted) {
    const last = runs[runs.length - 1];
    if (last && id === last[1] + 1) last[1] = id;
    else if (!last || id !== last[1]) runs.push([id, id]);
  }
  return runs;
}

export function idsOfRuns(runs: Array<[number, number]>): number[] {
  const ids: number[] = [];
  for (const [first, last] of runs) for (let id = first; id <= last; id++) ids.push(id);
  return ids;
}
