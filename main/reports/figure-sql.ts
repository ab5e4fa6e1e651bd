import type { ReadonlyDb } from '../store/readonly-db.js';
import type { RecordSelection } from './figure-types.js';
import type { Scope } from './ledger-rows.js';

/*
 * Figures are counted by SQLite, one pass over a ledger's records in scope for all of that
 * ledger's figures, so a half-year of 300,000 学生资助 records is summed without a row reaching
 * JavaScript. Each figure is defined once: a ledger, a filter on its fields and a measure.
 */

const FIELD_KEY = /^[a-z][a-z0-9_]{0,39}$/;

/** A field of the record's JSON, as SQL. */
export function field(key: string): string {
  if (!FIELD_KEY.test(key)) throw new Error(`bad field key ${key}`);
  return `json_extract(r.data, '$.${key}')`;
}

/** A constant from code as an SQL string literal (filters name enum values, never user input). */
export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Which records count: every condition must hold. */
export type Condition = { field: string; in: readonly string[] } | { field: string; notIn: readonly string[] };

/** What is counted over the records that pass. */
export type Measure =
  | { of: 'records' }
  /** Distinct people by 身份证号; a record without one is a person of its own. */
  | { of: 'people' }
  /** The sum of a number field; `missing` stands in for an empty one (人次 left empty is 1). */
  | { of: 'sum'; field: string; missing: number }
  /** A money field summed in 分, so 0.1 + 0.2 adds up exactly. */
  | { of: 'cents'; field: string };

export interface Aggregate {
  key: string;
  where: readonly Condition[];
  measure: Measure;
}

export interface Counted {
  value: number;
  recordCount: number;
  records: RecordSelection[];
}

export function conditionSql(conditions: readonly Condition[]): string {
  if (conditions.length === 0) return '1';
  return conditions
    .map((c) => {
      const f = field(c.field);
      if ('in' in c) return `${f} IN (${c.in.map(literal).join(', ')})`;
      return `(${f} IS NULL OR ${f} NOT IN (${c.notIn.map(literal).join(', ')}))`;
    })
    .join(' AND ');
}

function measureSql(measure: Measure, when: string): string {
  switch (measure.of) {
    case 'records':
      return `SUM(CASE WHEN ${when} THEN 1 ELSE 0 END)`;
    case 'people':
      return `COUNT(DISTINCT CASE WHEN ${when} THEN COALESCE(NULLIF(${field('id_number')}, ''), '#' || r.id) END)`;
    case 'sum':
      return `TOTAL(CASE WHEN ${when} THEN COALESCE(NULLIF(${field(measure.field)}, ''), ${measure.missing}) END)`;
    case 'cents':
      return `TOTAL(CASE WHEN ${when} THEN ROUND(COALESCE(NULLIF(${field(measure.field)}, ''), 0) * 100) END)`;
  }
}

export const SCOPE_SQL = `r.ledger_key = ? AND r.unit_id = ? AND r.record_date >= ? AND r.record_date <= ?`;

export function scopeParams(ledger: string, scope: Scope): [string, number, string, string] {
  return [ledger, scope.unitId, scope.from, scope.to];
}

export function selection(ledger: string, scope: Scope, where: string, params: Array<string | number> = []) {
  return { ledger, unitId: scope.unitId, from: scope.from, to: scope.to, where, params };
}

/** Counts every aggregate of one ledger in a single pass over its records in scope. */
export function aggregate(
  db: ReadonlyDb,
  ledger: string,
  scope: Scope,
  items: readonly Aggregate[],
): Map<string, Counted> {
  const columns = items.flatMap((item, i) => {
    const when = conditionSql(item.where);
    return [`${measureSql(item.measure, when)} AS v${i}`, `SUM(CASE WHEN ${when} THEN 1 ELSE 0 END) AS n${i}`];
  });
  const row = db
    .prepare(`SELECT ${columns.join(', ')} FROM visible_records r WHERE ${SCOPE_SQL}`)
    .get(...scopeParams(ledger, scope)) as Record<string, number | null>;
  return new Map(
    items.map((item, i) => [
      item.key,
      {
        value: Number(row[`v${i}`] ?? 0),
        recordCount: Number(row[`n${i}`] ?? 0),
        records: [selection(ledger, scope, conditionSql(item.where))],
      },
    ]),
  );
}

function unionSql(records: RecordSelection[]): { sql: string; params: Array<string | number> } {
  const parts = records.map(
    (s) => `SELECT r.id, r.record_date FROM visible_records r WHERE ${SCOPE_SQL} AND (${s.where})`,
  );
  const params = records.flatMap((s) => [
    ...scopeParams(s.ledger, { unitId: s.unitId, from: s.from, to: s.to }),
    ...s.params,
  ]);
  return { sql: parts.join(' UNION '), params };
}

/** The ids of the records a figure counts, oldest first, a page at a time. */
export function selectedIds(db: ReadonlyDb, records: RecordSelection[], offset: number, limit: number): number[] {
  if (records.length === 0) return [];
  const { sql, params } = unionSql(records);
  return db
    .prepare(`SELECT id FROM (${sql}) ORDER BY record_date, id LIMIT ? OFFSET ?`)
    .pluck()
    .all(...params, limit, offset) as number[];
}

export function selectedCount(db: ReadonlyDb, records: RecordSelection[]): number {
  if (records.length === 0) return 0;
  const { sql, params } = unionSql(records);
  return db
    .prepare(`SELECT COUNT(*) FROM (${sql})`)
    .pluck()
    .get(...params) as number;
}
