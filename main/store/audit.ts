import type { Db } from './database.js';
import { nowIso } from './database.js';

export type AuditAction = 'create' | 'update' | 'delete' | 'import' | 'attach' | 'detach';

export interface AuditEntry {
  operator: string;
  action: AuditAction;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

/** Must be called inside the transaction that makes the change it records. */
export function writeAudit(db: Db, entry: AuditEntry): void {
  db.prepare(
    `INSERT INTO audit_log (at, operator, action, entity, entity_id, before, after)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    nowIso(),
    entry.operator,
    entry.action,
    entry.entity,
    String(entry.entityId),
    entry.before === undefined ? null : JSON.stringify(entry.before),
    entry.after === undefined ? null : JSON.stringify(entry.after),
  );
}

export interface AuditRow {
  id: number;
  at: string;
  operator: string;
  action: AuditAction;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export function listAudit(db: Db, entity: string, entityId: string | number): AuditRow[] {
  const rows = db
    .prepare(
      `SELECT id, at, operator, action, entity, entity_id AS entityId, before, after
       FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id`,
    )
    .all(entity, String(entityId)) as Array<
    Omit<AuditRow, 'before' | 'after'> & { before: string | null; after: string | null }
  >;
  return rows.map((row) => ({
    ...row,
    before: row.before === null ? null : JSON.parse(row.before),
    after: row.after === null ? null : JSON.parse(row.after),
  }));
}
