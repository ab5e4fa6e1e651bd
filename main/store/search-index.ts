import type { Db } from './database.js';
import type { FieldDefinition, FieldType, LedgerDefinition, RecordValues } from '../../shared/ledger-definition.js';

/**
 * Types worth finding by a typed fragment. Choices (建档立卡, 两免一补) are found too, but through their
 * fields' own indexes (main/store/record-query.ts): written into every record's text they made the
 * trigram index a third larger and a 300,000-row import a fifth slower. Numbers and dates are found
 * by range filters.
 */
const SEARCHABLE: ReadonlySet<FieldType> = new Set([
  'text',
  'longtext',
  'person',
  'unit',
  'idcard',
  'phone',
  'url',
  'fuzzy-time',
]);

/** Whether a field's values are part of a record's search text (a change to it must reindex). */
export function searchesField(field: FieldDefinition): boolean {
  return SEARCHABLE.has(field.type);
}

export function searchText(def: LedgerDefinition, values: RecordValues): string {
  const parts: string[] = [];
  for (const field of def.fields) {
    const value = values[field.key];
    if (SEARCHABLE.has(field.type) && value !== null && value !== undefined && value !== '') parts.push(String(value));
  }
  return parts.join(' ');
}

type Indexer = (id: number, def: LedgerDefinition, values: RecordValues) => void;

/** Keeps the full-text row of a record equal to its values; call inside the writing transaction. */
export function recordIndexer(db: Db): Indexer {
  const remove = db.prepare('DELETE FROM records_fts WHERE rowid = ?');
  const insert = db.prepare('INSERT INTO records_fts (rowid, body) VALUES (?, ?)');
  return (id, def, values) => {
    remove.run(id);
    insert.run(id, searchText(def, values));
  };
}

/**
 * Indexes records just inserted, which have no full-text row yet: skipping the delete a
 * changed record needs saves a third of a bulk import's indexing time.
 */
export function newRecordIndexer(db: Db): Indexer {
  const insert = db.prepare('INSERT INTO records_fts (rowid, body) VALUES (?, ?)');
  return (id, def, values) => {
    insert.run(id, searchText(def, values));
  };
}
