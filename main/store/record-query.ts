import type { ReadonlyDb } from './readonly-db.js';
import { TaizhangError } from './errors.js';
import { getLedgerDefinition } from './ledger-types.js';
import { SELECT_RECORD, toRecord, type LedgerRecord, type RecordRow } from './record-row.js';

export interface FieldFilter {
  field: string;
  op: 'eq' | 'contains';
  value: string;
}

export interface RecordQuery {
  ledger: string;
  unitId?: number;
  dateFrom?: string;
  dateTo?: string;
  filters?: FieldFilter[];
  search?: string;
  sort?: { field: string; direction: 'asc' | 'desc' };
}

export interface Page {
  page: number;
  pageSize: number;
}

interface Where {
  sql: string;
  params: unknown[];
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Builds the WHERE clause; field keys are checked against the definition, values are bound. */
function whereOf(db: ReadonlyDb, query: RecordQuery): Where {
  const def = getLedgerDefinition(db, query.ledger);
  const known = new Set(def.fields.map((f) => f.key));
  const clauses = ['r.ledger_key = ?'];
  const params: unknown[] = [def.key];
  if (query.unitId !== undefined) {
    clauses.push('r.unit_id = ?');
    params.push(query.unitId);
  }
  if (query.dateFrom) {
    clauses.push('r.record_date >= ?');
    params.push(query.dateFrom);
  }
  if (query.dateTo) {
    clauses.push('r.record_date <= ?');
    params.push(query.dateTo);
  }
  for (const filter of query.filters ?? []) {
    if (!known.has(filter.field))
      throw new TaizhangError('bad-request', `台账“${def.label}”没有字段“${filter.field}”，无法筛选`);
    if (filter.op === 'eq') {
      clauses.push(`CAST(json_extract(r.data, '$.' || ?) AS TEXT) = ?`);
      params.push(filter.field, filter.value);
    } else {
      clauses.push(`json_extract(r.data, '$.' || ?) LIKE ? ESCAPE '\\'`);
      params.push(filter.field, `%${escapeLike(filter.value)}%`);
    }
  }
  const search = query.search?.trim();
  if (search) {
    // The trigram index serves LIKE patterns of three or more characters, but not with an ESCAPE
    // clause: escape only when the text holds a LIKE wildcard, which real searches rarely do.
    const plain = !/[\\%_]/.test(search);
    clauses.push(`r.id IN (SELECT rowid FROM records_fts WHERE body LIKE ?${plain ? '' : " ESCAPE '\\'"})`);
    params.push(`%${plain ? search : escapeLike(search)}%`);
  }
  return { sql: clauses.join(' AND '), params };
}

function orderOf(db: ReadonlyDb, query: RecordQuery): string {
  const dir = query.sort?.direction === 'desc' ? 'DESC' : 'ASC';
  const field = query.sort?.field;
  if (!field || field === 'id') return `r.id ${dir}`;
  if (field === 'recordDate') return `r.record_date ${dir}, r.id ${dir}`;
  const def = getLedgerDefinition(db, query.ledger);
  const known = def.fields.find((f) => f.key === field);
  if (!known) throw new TaizhangError('bad-request', `台账“${def.label}”没有字段“${field}”，无法排序`);
  // Keys are checked above against [a-z0-9_], so they are safe to place in the JSON path.
  return `json_extract(r.data, '$.${known.key}') ${dir}, r.id ${dir}`;
}

export function countRecords(db: ReadonlyDb, query: RecordQuery): number {
  const where = whereOf(db, query);
  return (
    db.prepare(`SELECT count(*) AS n FROM visible_records r WHERE ${where.sql}`).get(...where.params) as { n: number }
  ).n;
}

export function listRecords(db: ReadonlyDb, query: RecordQuery, page: Page): { total: number; rows: LedgerRecord[] } {
  const where = whereOf(db, query);
  const total = countRecords(db, query);
  const rows = db
    .prepare(`${SELECT_RECORD} WHERE ${where.sql} ORDER BY ${orderOf(db, query)} LIMIT ? OFFSET ?`)
    .all(...where.params, page.pageSize, (page.page - 1) * page.pageSize) as RecordRow[];
  return { total, rows: rows.map(toRecord) };
}

/** Every matching record in order, one at a time, for exports of any size. */
export function* iterateRecords(db: ReadonlyDb, query: RecordQuery): Generator<LedgerRecord> {
  const where = whereOf(db, query);
  const statement = db.prepare(`${SELECT_RECORD} WHERE ${where.sql} ORDER BY ${orderOf(db, query)}`);
  for (const row of statement.iterate(...where.params) as IterableIterator<RecordRow>) yield toRecord(row);
}
