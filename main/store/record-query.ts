import type { ReadonlyDb } from './readonly-db.js';
import { SELECT_RECORD, toRecord, type LedgerRecord, type RecordRow } from './record-row.js';
import type { FieldDefinition, LedgerDefinition } from '../../shared/ledger-definition.js';
import { compile, type Compiled, type Page, type RecordQuery } from './record-query-sql.js';
import { fieldValueSql } from './field-indexes.js';

export function countRecords(db: ReadonlyDb, query: RecordQuery): number {
  const c = compile(db, query);
  return db
    .prepare(`SELECT count(*) ${c.from}`)
    .pluck()
    .get(...c.params) as number;
}

/*
 * Paging for the grid. A block is rows startRow..endRow of the filter in its order, asked in any
 * order (scrolling, a jump to the end, a drag of the scroll bar). Two ways, chosen per query:
 *
 * - Where an index gives the order (the ledger's id order, a record-date sort, a sort by an indexed
 *   field, with or without filters on the same index), the block's ids are read from that index
 *   with OFFSET, counted from whichever end of the list is nearer, and only then their records.
 *   Skipping index entries costs about 40 ns each (measured on 300,000 records: 6 ms at 150,000,
 *   the deepest a nearer end ever needs), so keyset cursors, which would save those few ms, are not
 *   worth the state they need to answer a block asked out of order.
 * - Where the order needs a sort (a search; a filter on one field with a sort by another; a sort by
 *   a text field), sorting again for every block would cost the whole sort each time (a sort of
 *   300,000 by 姓名: 230 ms). The ordered ids of the filter are read once and kept here (at most
 *   CACHE_SIZE queries, a few MB at most each, dropped after CACHE_MS), and each block is a slice.
 *
 * Counts, orders and totals are kept only while the ledger file is unchanged: by this connection
 * (total_changes()) or by any other (PRAGMA data_version), e.g. an import's worker.
 */

const CACHE_SIZE = 8;
const CACHE_MS = 5 * 60_000;

interface Kept {
  version: string;
  at: number;
  /** Whether the order needs a sort (EXPLAIN QUERY PLAN shows a temp b-tree) or a search. */
  sorted?: boolean;
  ids?: Int32Array;
  total?: number;
  totals?: RecordTotals;
}

const kept = new WeakMap<ReadonlyDb, Map<string, Kept>>();

function fileVersion(db: ReadonlyDb): string {
  const other = db.pragma('data_version', { simple: true }) as number;
  const own = db.prepare('SELECT total_changes()').pluck().get() as number;
  return `${other}:${own}`;
}

function keptFor(db: ReadonlyDb, key: string): Kept {
  let entries = kept.get(db);
  if (!entries) kept.set(db, (entries = new Map()));
  const version = fileVersion(db);
  const now = Date.now();
  for (const [k, e] of entries) if (e.version !== version || now - e.at > CACHE_MS) entries.delete(k);
  let entry = entries.get(key);
  if (!entry) {
    entry = { version, at: now };
    entries.set(key, entry);
    while (entries.size > CACHE_SIZE) entries.delete(entries.keys().next().value!);
  } else {
    // Most recently used last, so the oldest goes first when the cache is full.
    entries.delete(key);
    entries.set(key, entry);
    entry.at = now;
  }
  return entry;
}

/** Which records a query selects, whatever their order. */
function filterKeyOf(query: RecordQuery): string {
  const { ledger, unitId, dateFrom, dateTo, filters, search } = query;
  return JSON.stringify([ledger, unitId, dateFrom, dateTo, filters, search?.trim()]);
}

function keyOf(query: RecordQuery, part: 'order' | 'totals'): string {
  return `${part} ${filterKeyOf(query)} ${part === 'order' ? JSON.stringify(query.sort ?? null) : ''}`;
}

function planOf(db: ReadonlyDb, c: Compiled): string[] {
  const steps = db.prepare(`EXPLAIN QUERY PLAN SELECT r.id ${c.from} ORDER BY ${c.order}`).all(...c.params) as Array<{
    detail: string;
  }>;
  return steps.map((step) => step.detail);
}

/** How SQLite reads a block of the query: the steps of EXPLAIN QUERY PLAN. */
export function blockPlan(db: ReadonlyDb, query: RecordQuery): string[] {
  return planOf(db, compile(db, query));
}

/** Whether blocks are served from the kept order: a search, or an order that needs a sort. */
function needsSort(db: ReadonlyDb, c: Compiled): boolean {
  return c.search || planOf(db, c).some((step) => step.includes('TEMP B-TREE'));
}

/** The records of these ids, in this order (ids deleted meanwhile are left out). */
function recordsOf(db: ReadonlyDb, ids: ArrayLike<number>): LedgerRecord[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(`${SELECT_RECORD} WHERE r.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(Array.from(ids))) as RecordRow[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const out: LedgerRecord[] = [];
  for (const id of Array.from(ids)) {
    const row = byId.get(id);
    if (row) out.push(toRecord(row));
  }
  return out;
}

export interface RecordBlock {
  total: number;
  startRow: number;
  rows: LedgerRecord[];
}

/** Rows startRow (inclusive) to endRow (exclusive) of the query, and how many rows it has in all. */
export function queryRecords(db: ReadonlyDb, query: RecordQuery, startRow: number, endRow: number): RecordBlock {
  const c = compile(db, query);
  const entry = keptFor(db, keyOf(query, 'order'));
  entry.sorted ??= needsSort(db, c);
  if (entry.sorted) {
    entry.ids ??= Int32Array.from(
      db
        .prepare(`SELECT r.id ${c.from} ORDER BY ${c.order}`)
        .pluck()
        .all(...c.params) as number[],
    );
    entry.total = entry.ids.length;
    return { total: entry.total, startRow, rows: recordsOf(db, entry.ids.subarray(startRow, endRow)) };
  }
  entry.total ??= db
    .prepare(`SELECT count(*) ${c.from}`)
    .pluck()
    .get(...c.params) as number;
  const total = entry.total;
  const end = Math.min(endRow, total);
  if (startRow >= end) return { total, startRow, rows: [] };
  let ids: number[];
  if (startRow > total - end) {
    // Nearer the end: read it backwards, so a jump to the last rows skips few entries.
    ids = db
      .prepare(`SELECT r.id ${c.from} ORDER BY ${c.reversed} LIMIT ? OFFSET ?`)
      .pluck()
      .all(...c.params, end - startRow, total - end) as number[];
    ids.reverse();
  } else {
    ids = db
      .prepare(`SELECT r.id ${c.from} ORDER BY ${c.order} LIMIT ? OFFSET ?`)
      .pluck()
      .all(...c.params, end - startRow, startRow) as number[];
  }
  return { total, startRow, rows: recordsOf(db, ids) };
}

/** One page of the older paged table: the same paging as the grid's blocks. */
export function listRecords(db: ReadonlyDb, query: RecordQuery, page: Page): { total: number; rows: LedgerRecord[] } {
  const start = (page.page - 1) * page.pageSize;
  const { total, rows } = queryRecords(db, query, start, start + page.pageSize);
  return { total, rows };
}

export interface RecordTotals {
  count: number;
  sums: Record<string, number>;
}

/** The fields a footer sums: every money field, and any other the type names in its totals. */
export function summedFields(def: LedgerDefinition): FieldDefinition[] {
  return def.fields.filter((f) => f.type === 'money' || (def.totals ?? []).includes(f.key));
}

/**
 * The count and the sum of each summed field over the query. Each sum reads its values ordered by
 * themselves: that lets SQLite take them from the field's index (main/store/field-indexes.ts)
 * instead of parsing every record's JSON (on 300,000 records: 30 ms instead of 270 ms).
 */
export function recordTotals(db: ReadonlyDb, query: RecordQuery): RecordTotals {
  const c = compile(db, { ...query, sort: undefined });
  const entry = keptFor(db, keyOf({ ...query, sort: undefined }, 'totals'));
  if (entry.totals) return entry.totals;
  // The ids of a search the grid has just listed are kept: summing their records beats searching
  // every text again (128,639 found by 建档立卡: 250 ms instead of 660).
  const listed = keptIds(db, query);
  const sums: Record<string, number> = {};
  for (const field of summedFields(c.def)) {
    const value = fieldValueSql(field.key);
    const sum = (
      listed
        ? db
            .prepare(`SELECT total(${value}) FROM records r WHERE r.id IN (SELECT value FROM json_each(?))`)
            .pluck()
            .get(JSON.stringify(Array.from(listed)))
        : db
            .prepare(sumSql(c, value, Boolean(query.search?.trim()) || (query.filters ?? []).length > 0))
            .pluck()
            .get(...c.params)
    ) as number;
    // Sums of amounts to the fen: the float tail of adding many decimals is dropped.
    sums[field.key] = Math.round(sum * 100) / 100;
  }
  const count =
    listed?.length ??
    (db
      .prepare(`SELECT count(*) ${c.from}`)
      .pluck()
      .get(...c.params) as number);
  entry.totals = { count, sums };
  return entry.totals;
}

/**
 * The sum of one field over the query. Without filters on other fields or a search, the values are
 * read ordered by themselves: that lets SQLite take them from the field's index, which holds all
 * such a query tests, instead of every record's JSON (300,000 records: 30 ms instead of 270). With
 * them, that order would read the records one by one in it (a 家庭类型 filter: 950 ms), so plainly.
 */
function sumSql(c: Compiled, value: string, plain: boolean): string {
  return plain
    ? `SELECT total(${value}) ${c.from}`
    : `SELECT total(v) FROM (SELECT ${value} AS v ${c.from} ORDER BY ${value})`;
}

/** Ids of the query in any sort order, when a search kept them. */
function keptIds(db: ReadonlyDb, query: RecordQuery): Int32Array | undefined {
  if (!query.search?.trim()) return undefined;
  const version = fileVersion(db);
  const prefix = `order ${filterKeyOf(query)} `;
  for (const [key, entry] of kept.get(db) ?? []) {
    if (key.startsWith(prefix) && entry.version === version && entry.ids) {
      return entry.ids;
    }
  }
  return undefined;
}

/** The ids of every matching record, in id order: the target of a bulk edit of a whole filter. */
export function matchingIds(db: ReadonlyDb, query: RecordQuery): number[] {
  const c = compile(db, { ...query, sort: undefined });
  return db
    .prepare(`SELECT r.id ${c.from} ORDER BY r.id`)
    .pluck()
    .all(...c.params) as number[];
}

/** Every matching record in order, one at a time, for exports of any size. */
export function* iterateRecords(db: ReadonlyDb, query: RecordQuery): Generator<LedgerRecord> {
  const c = compile(db, query);
  const statement = db.prepare(`${SELECT_RECORD} WHERE ${c.where} ORDER BY ${c.order}`);
  for (const row of statement.iterate(...c.params) as IterableIterator<RecordRow>) yield toRecord(row);
}
