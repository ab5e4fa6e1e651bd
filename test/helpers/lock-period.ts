import type { Db } from '../../main/store/database.js';

/**
 * Locks a ledger's first half of 2019 for a unit as a finished submission does (the rows
 * main/submissions/locks.ts reads), without writing its files. Returns the submission's id.
 */
export function lock2019H1(db: Db, unitId: number, ledger: string): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO submissions (unit_id, period, period_label, period_from, period_to, created_at, operator, folder, state)
         VALUES (?, '2019H1', '2019年上半年', '2019-01-01', '2019-06-30', '2019-07-01T02:00:00.000Z', '测试员', '报送/2019H1', 'locked')`,
      )
      .run(unitId).lastInsertRowid,
  );
  db.prepare('INSERT INTO submission_ledgers (submission_id, ledger_key) VALUES (?, ?)').run(id, ledger);
  return id;
}
