import type Database from 'better-sqlite3';

/** Records that have no audit row: every write puts both in one transaction, so this must be 0. */
export function recordsWithoutAudit(db: Database.Database): number {
  const row = db
    .prepare(
      `SELECT count(*) AS n FROM records r
       WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'record' AND a.entity_id = CAST(r.id AS TEXT))`,
    )
    .get() as { n: number };
  return row.n;
}
