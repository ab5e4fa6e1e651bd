import { hash } from 'node:crypto';
import type { LedgerDefinition, RecordValues } from '../../shared/ledger-definition.js';
import type { Db } from '../store/database.js';

/** A short digest of the key values: 300,000 of them are held at once, and Chinese text is two bytes a character. */
function digest(keyValues: unknown[]): string {
  return hash('sha1', JSON.stringify(keyValues), 'base64');
}

/** The identity of a record by the definition's keyFields; null when the ledger names none. */
export function recordKey(def: LedgerDefinition, values: RecordValues): string | null {
  if (!def.keyFields?.length) return null;
  return digest(def.keyFields.map((k) => values[k] ?? null));
}

/** Keys of the records this ledger already holds for the unit. */
export function existingKeys(db: Db, def: LedgerDefinition, unitId: number): Set<string> {
  const keys = new Set<string>();
  if (!def.keyFields?.length) return keys;
  // Field keys are [a-z0-9_] by the definition schema, so they are safe inside the JSON path.
  const columns = def.keyFields.map((k) => `json_extract(data, '$.${k}')`).join(', ');
  const rows = db
    .prepare(`SELECT ${columns} FROM records WHERE ledger_key = ? AND unit_id = ?`)
    .raw()
    .iterate(def.key, unitId) as IterableIterator<unknown[]>;
  for (const row of rows) keys.add(digest(row));
  return keys;
}
