import type { Db } from './database.js';
import { nowIso } from './database.js';
import { CHAIN_START, rowHash, type ChainedRow } from './audit-chain.js';

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
  // The id is chosen here, inside the writer's transaction, because the row's hash covers it.
  const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    { id: number; hash: string | null } | undefined;
  const row: ChainedRow = {
    id: (last?.id ?? 0) + 1,
    at: nowIso(),
    operator: entry.operator,
    action: entry.action,
    entity: entry.entity,
    entity_id: String(entry.entityId),
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
  };
  const previous = last?.hash ?? CHAIN_START;
  db.prepare(
    `INSERT INTO audit_log (id, at, operator, action, entity, entity_id, before, after, prev_hash, hash)
     VALUES (@id, @at, @operator, @action, @entity, @entity_id, @before, @after, @prev, @hash)`,
  ).run({ ...row, prev: previous, hash: rowHash(previous, row) });
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
