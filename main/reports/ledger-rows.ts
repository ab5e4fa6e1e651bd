import type { ReadonlyDb } from '../store/readonly-db.js';

/** Which records a report counts: one unit's records whose date falls in [from, to]. */
export interface Scope {
  unitId: number;
  from: string;
  to: string;
}

export interface LedgerRow {
  id: number;
  recordDate: string;
  values: Record<string, string | number | null>;
}

const FIELD_KEY = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * The chosen fields of a ledger's records in scope, oldest first, for what a report writes about
 * one by one (the activities). Figures are not counted from these: SQLite sums them
 * (figure-sql.ts), so no row of a 300,000-record ledger reaches JavaScript.
 */
export function ledgerRows(db: ReadonlyDb, ledger: string, fields: readonly string[], scope: Scope): LedgerRow[] {
  for (const field of fields) {
    if (!FIELD_KEY.test(field)) throw new Error(`bad field key ${field}`);
  }
  const columns = fields.map((field, i) => `, json_extract(r.data, '$.${field}') AS f${i}`).join('');
  const rows = db
    .prepare(
      `SELECT r.id, r.record_date${columns} FROM visible_records r
       WHERE r.ledger_key = ? AND r.unit_id = ? AND r.record_date >= ? AND r.record_date <= ?
       ORDER BY r.record_date, r.id`,
    )
    .all(ledger, scope.unitId, scope.from, scope.to) as Array<Record<string, string | number | null>>;
  return rows.map((row) => {
    const values: LedgerRow['values'] = {};
    fields.forEach((field, i) => {
      values[field] = row[`f${i}`] ?? null;
    });
    return { id: Number(row.id), recordDate: String(row.record_date), values };
  });
}
