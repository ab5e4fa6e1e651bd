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

function parsedRow(
  row: Omit<AuditRow, 'before' | 'after'> & { before: string | null; after: string | null },
): AuditRow {
  return {
    ...row,
    before: row.before === null ? null : JSON.parse(row.before),
    after: row.after === null ? null : JSON.parse(row.after),
  };
}

/*
 * The rows of one ledger: its records' (the record's ledger is in the row itself, except for
 * attachments, found through the record or its deletion row), its imports and its type's changes.
 * A scan of the log, which holds edits rather than records: an index on a JSON path would cost a
 * migration for little gain.
 */
const LEDGER_SCOPE = `
  ((a.entity IN ('ledger', 'ledger-type') AND a.entity_id = @ledger)
   OR (a.entity = 'record' AND (
     json_extract(coalesce(a.after, a.before), '$.ledger') = @ledger
     OR (a.action IN ('attach', 'detach') AND (
       EXISTS (SELECT 1 FROM records r WHERE r.id = CAST(a.entity_id AS INTEGER) AND r.ledger_key = @ledger)
       OR EXISTS (SELECT 1 FROM audit_log d WHERE d.entity = 'record' AND d.entity_id = a.entity_id
                  AND d.action = 'delete' AND json_extract(d.before, '$.ledger') = @ledger))))))`;

export interface LedgerAuditQuery {
  ledger: string;
  operator?: string;
  /** ISO instants: from inclusive, until exclusive. */
  from?: string;
  until?: string;
  page: number;
  pageSize: number;
}

/** One page of a ledger's audit rows, newest first, with the total that match. */
export function listLedgerAudit(db: Db, query: LedgerAuditQuery): { total: number; rows: AuditRow[] } {
  const where = `${LEDGER_SCOPE}
    AND (@operator IS NULL OR a.operator = @operator)
    AND (@from IS NULL OR a.at >= @from)
    AND (@until IS NULL OR a.at < @until)`;
  const params = {
    ledger: query.ledger,
    operator: query.operator ?? null,
    from: query.from ?? null,
    until: query.until ?? null,
  };
  const total = db.prepare(`SELECT count(*) FROM audit_log a WHERE ${where}`).pluck().get(params) as number;
  const rows = db
    .prepare(
      `SELECT a.id, a.at, a.operator, a.action, a.entity, a.entity_id AS entityId, a.before, a.after
       FROM audit_log a WHERE ${where} ORDER BY a.id DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: query.pageSize, offset: (query.page - 1) * query.pageSize }) as Array<
    Omit<AuditRow, 'before' | 'after'> & { before: string | null; after: string | null }
  >;
  return { total, rows: rows.map(parsedRow) };
}

/** Everyone who has written to the ledger, for the operator filter. */
export function ledgerAuditOperators(db: Db, ledger: string): string[] {
  return db
    .prepare(`SELECT DISTINCT a.operator FROM audit_log a WHERE ${LEDGER_SCOPE} ORDER BY a.operator`)
    .pluck()
    .all({ ledger }) as string[];
}

export interface RecordOrigin {
  ledger: string;
  /** The import's audit row, when the record came in with one. */
  importRow?: AuditRow;
  batch?: { id: number; fileName: string; at: string; operator: string; rows: number };
}

/** The ledger a record is in and, for an imported record, the batch and audit row it came with. */
export function recordOrigin(db: Db, recordId: number): RecordOrigin | undefined {
  const record = db
    .prepare(
      `SELECT r.ledger_key AS ledger, b.id AS batchId, b.file_name AS fileName, coalesce(b.finished_at, b.started_at) AS at,
              b.operator, b.rows_written AS rows
       FROM records r LEFT JOIN import_batches b ON b.id = r.import_batch_id WHERE r.id = ?`,
    )
    .get(recordId) as
    | { ledger: string; batchId: number | null; fileName: string; at: string; operator: string; rows: number }
    | undefined;
  if (!record) return undefined;
  const select = `SELECT id, at, operator, action, entity, entity_id AS entityId, before, after FROM audit_log
    WHERE entity = 'ledger' AND entity_id = ? AND action = 'import'`;
  // Imports without a batch (demo data, bulk loads) name the id range they created instead.
  const importRow = (
    record.batchId !== null
      ? db.prepare(`${select} AND json_extract(after, '$.batchId') = ?`).get(record.ledger, record.batchId)
      : db
          .prepare(
            `${select} AND json_extract(after, '$.batchId') IS NULL
             AND ? BETWEEN json_extract(after, '$.firstId') AND json_extract(after, '$.lastId')`,
          )
          .get(record.ledger, recordId)
  ) as (Omit<AuditRow, 'before' | 'after'> & { before: string | null; after: string | null }) | undefined;
  return {
    ledger: record.ledger,
    importRow: importRow && parsedRow(importRow),
    batch:
      record.batchId === null
        ? undefined
        : {
            id: record.batchId,
            fileName: record.fileName,
            at: record.at,
            operator: record.operator,
            rows: record.rows,
          },
  };
}
