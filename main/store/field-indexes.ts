import type { Db } from './database.js';
import type { FieldDefinition, FieldType } from '../../shared/ledger-definition.js';

/** What the indexes depend on: the type's key and its fields' keys and types. */
export interface IndexedType {
  key: string;
  fields: ReadonlyArray<Pick<FieldDefinition, 'key' | 'type'>>;
}

/*
 * One index per choice, date, month and number field of each ledger type, on the field's value in
 * the record's JSON, so that the grid's sorts and filters on those fields read an index instead of
 * parsing 300,000 JSON documents. Each is partial (WHERE ledger_key = '…'): records of every ledger
 * share one table, and an insert into one ledger then touches only that ledger's indexes. After the
 * value come the columns every list query also tests (visibility of import batches, unit, date),
 * so a sorted or filtered block is read from the index alone. (Adding ledger_key as a column too
 * makes SQLite count a filter of two choices from the index, 12 ms instead of 320, but then prefer
 * sorting 300,000 records to reading this index in order: measured worse, left out.)
 *
 * Text fields are not indexed: each index slows every insert, and a sort by a name is the rarer
 * one (it is served from the host's cached order, main/store/record-query.ts).
 */

const INDEXED_TYPES: ReadonlySet<FieldType> = new Set(['enum', 'date', 'month', 'int', 'money']);

/** The SQL expression the indexes are built on; queries must spell it the same way to use them. */
export function fieldValueSql(field: string, table = 'r'): string {
  if (!/^[a-z][a-z0-9_]{0,39}$/.test(field)) throw new Error(`bad field key ${field}`);
  return `json_extract(${table ? `${table}.` : ''}data, '$.${field}')`;
}

/** Ledger keys are [a-z0-9-] (LedgerDefinitionSchema), so they may stand in SQL as a literal. */
export function ledgerKeySql(ledger: string): string {
  if (!/^[a-z][a-z0-9-]{0,39}$/.test(ledger)) throw new Error(`bad ledger key ${ledger}`);
  return `'${ledger}'`;
}

export function isIndexedField(field: Pick<FieldDefinition, 'type'>): boolean {
  return INDEXED_TYPES.has(field.type);
}

/** "records_by_student-aid.amount": '.' is in neither kind of key, so the name says whose it is. */
function indexName(ledger: string, field: string): string {
  return `records_by_${ledger}.${field}`;
}

function indexSql(ledger: string, field: string): string {
  return (
    `CREATE INDEX "${indexName(ledger, field)}" ON records(${fieldValueSql(field, '')}, id, import_batch_id, unit_id, record_date)` +
    ` WHERE ledger_key = ${ledgerKeySql(ledger)}`
  );
}

/** The statements that make a type's field indexes match its definition (none when they do). */
function fieldIndexChanges(db: Db, def: IndexedType): string[] {
  const wanted = new Map(
    def.fields.filter(isIndexedField).map((f) => [indexName(def.key, f.key), indexSql(def.key, f.key)]),
  );
  const existing = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'records' AND name LIKE ? ESCAPE '\\'`,
    )
    .all(`records\\_by\\_${def.key}.%`) as Array<{ name: string; sql: string }>;
  const changes: string[] = [];
  for (const index of existing) {
    if (wanted.get(index.name) === index.sql) wanted.delete(index.name);
    else changes.push(`DROP INDEX "${index.name}"`);
  }
  return [...changes, ...wanted.values()];
}

/**
 * Makes a ledger type's field indexes match its definition: creates the missing ones, drops those
 * of fields that are gone or no longer of an indexed type. Call inside the transaction that writes
 * the type.
 */
export function syncFieldIndexes(db: Db, def: IndexedType): void {
  for (const sql of fieldIndexChanges(db, def)) db.exec(sql);
}

/**
 * Brings every type's field indexes in line with its definition, at open: a file from before the
 * indexes, or built-in definitions a newer program changed. Takes the write lock only when there is
 * something to change.
 */
export function syncAllFieldIndexes(db: Db, definitions: Iterable<IndexedType>): void {
  const changes = [...definitions].flatMap((def) => fieldIndexChanges(db, def));
  if (changes.length === 0) return;
  db.transaction(() => {
    for (const sql of changes)
      db.exec(
        sql.replace(/^CREATE INDEX /, 'CREATE INDEX IF NOT EXISTS ').replace(/^DROP INDEX /, 'DROP INDEX IF EXISTS '),
      );
  })();
}
