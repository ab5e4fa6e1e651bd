import type { ReadonlyDb } from './readonly-db.js';
import { TaizhangError } from './errors.js';
import { getLedgerDefinition } from './ledger-types.js';
import { fieldValueSql, ledgerKeySql } from './field-indexes.js';
import type { FieldDefinition, LedgerDefinition } from '../../shared/ledger-definition.js';
import { parseIsoDate, parseIsoMonth } from '../../shared/dates.js';

/** A condition on one field; see FieldFilterSchema in shared/record-grid-api.ts. */
export type FieldFilter =
  | { field: string; op: 'eq' | 'contains'; value: string }
  | { field: string; op: 'in'; values: string[] }
  | { field: string; op: 'range'; min?: string | number; max?: string | number };

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

/** A query made SQL: `from` is "FROM … WHERE …" over visible records, `params` its bound values. */
export interface Compiled {
  def: LedgerDefinition;
  where: string;
  from: string;
  params: unknown[];
  order: string;
  /** The same order backwards, to read a block near the end from the end. */
  reversed: string;
  search: boolean;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function fieldOf(def: LedgerDefinition, key: string, what: string): FieldDefinition {
  const field = def.fields.find((f) => f.key === key);
  if (!field) throw new TaizhangError('bad-request', `台账“${def.label}”没有字段“${key}”，无法${what}`);
  return field;
}

const NUMERIC = new Set(['int', 'money']);

/** A bound of a range filter in the form the field's stored values take. */
function boundOf(field: FieldDefinition, bound: string | number): string | number {
  const text = String(bound).trim();
  if (NUMERIC.has(field.type)) {
    const n = typeof bound === 'number' ? bound : Number(text.replace(/,/g, ''));
    if (text === '' || !Number.isFinite(n))
      throw new TaizhangError('validation', `筛选“${field.label}”：“${text}”应为数字`);
    return n;
  }
  if (field.type === 'date') {
    const iso = parseIsoDate(text);
    if (!iso) throw new TaizhangError('validation', `筛选“${field.label}”：“${text}”不是真实的日期，应写作 2019-04-12`);
    return iso;
  }
  if (field.type === 'month') {
    const month = parseIsoMonth(text);
    if (!month) throw new TaizhangError('validation', `筛选“${field.label}”：“${text}”不是有效的月份，应写作 2019-04`);
    return month;
  }
  return text;
}

function filterSql(def: LedgerDefinition, filter: FieldFilter, params: unknown[]): string {
  const field = fieldOf(def, filter.field, '筛选');
  const value = fieldValueSql(field.key);
  switch (filter.op) {
    case 'eq':
      // Choices are stored as text: compared as they are, the field's index serves the test.
      if (field.type === 'enum') {
        params.push(filter.value);
        return `${value} = ?`;
      }
      params.push(filter.value);
      return `CAST(${value} AS TEXT) = ?`;
    case 'contains':
      params.push(`%${escapeLike(filter.value)}%`);
      return `${value} LIKE ? ESCAPE '\\'`;
    case 'in': {
      const listed = filter.values.filter((v) => v !== '');
      const typed = listed.map((v) => (NUMERIC.has(field.type) ? boundOf(field, v) : v));
      const parts: string[] = [];
      if (typed.length > 0) {
        params.push(...typed);
        parts.push(`${value} IN (${typed.map(() => '?').join(', ')})`);
      }
      // '' stands for an empty cell, which is stored as null or not at all.
      if (listed.length < filter.values.length) parts.push(`${value} IS NULL`, `${value} = ''`);
      return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
    }
    case 'range': {
      const parts: string[] = [];
      if (filter.min !== undefined && String(filter.min).trim() !== '') {
        params.push(boundOf(field, filter.min));
        parts.push(`${value} >= ?`);
      }
      if (filter.max !== undefined && String(filter.max).trim() !== '') {
        params.push(boundOf(field, filter.max));
        parts.push(`${value} <= ?`);
      }
      return parts.length === 0 ? '1' : parts.join(' AND ');
    }
  }
}

/**
 * The choices of each choice field that hold the searched text (建档立卡, 两免一补, 小学): a search finds
 * the records holding them through the field's own index, as a filter would, since choices are not
 * part of a record's search text (main/store/search-index.ts).
 */
function choiceMatches(def: LedgerDefinition, search: string): Array<{ field: FieldDefinition; choices: string[] }> {
  const wanted = search.toLowerCase();
  return def.fields
    .filter((field) => field.type === 'enum')
    .map((field) => ({ field, choices: (field.choices ?? []).filter((c) => c.toLowerCase().includes(wanted)) }))
    .filter((match) => match.choices.length > 0);
}

/**
 * The ledger key is written into the SQL as a literal, not bound: the per-field indexes are partial
 * (WHERE ledger_key = '…', main/store/field-indexes.ts) and SQLite uses a partial index only where
 * the query's own text implies its condition. Keys are checked against [a-z0-9-], values are bound.
 */
export function compile(db: ReadonlyDb, query: RecordQuery): Compiled {
  const def = getLedgerDefinition(db, query.ledger);
  const clauses = [`r.ledger_key = ${ledgerKeySql(def.key)}`];
  const params: unknown[] = [];
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
  for (const filter of query.filters ?? []) clauses.push(filterSql(def, filter, params));
  const search = query.search?.trim();
  if (search) {
    // The trigram index serves LIKE patterns of three or more characters, but not with an ESCAPE
    // clause: escape only when the text holds a LIKE wildcard, which real searches rarely do.
    // Shorter ones (a two-character name) read every text anyway, and do so faster from the
    // index's own content table than through the index (300,000 records: 120 ms instead of 210).
    const plain = !/[\\%_]/.test(search);
    const escape = plain ? '' : " ESCAPE '\\'";
    const inText =
      [...search].length < 3
        ? `r.id IN (SELECT id FROM records_fts_content WHERE c0 LIKE ?${escape})`
        : `r.id IN (SELECT rowid FROM records_fts WHERE body LIKE ?${escape})`;
    params.push(`%${plain ? search : escapeLike(search)}%`);
    const inChoices = choiceMatches(def, search).map(({ field, choices }) => {
      params.push(...choices);
      return `${fieldValueSql(field.key)} IN (${choices.map(() => '?').join(', ')})`;
    });
    clauses.push(inChoices.length === 0 ? inText : `(${[inText, ...inChoices].join(' OR ')})`);
  }
  const dir = query.sort?.direction === 'desc' ? 'DESC' : 'ASC';
  const back = dir === 'DESC' ? 'ASC' : 'DESC';
  const key = query.sort?.field;
  let by: string | null = null;
  if (key === 'recordDate') by = 'r.record_date';
  else if (key && key !== 'id') by = fieldValueSql(fieldOf(def, key, '排序').key);
  const orderIn = (d: string) => (by ? `${by} ${d}, r.id ${d}` : `r.id ${d}`);
  const where = clauses.join(' AND ');
  return {
    def,
    where,
    from: `FROM visible_records r WHERE ${where}`,
    params,
    order: orderIn(dir),
    reversed: orderIn(back),
    search: Boolean(search),
  };
}
