import type { Db } from '../store/database.js';
import { nowIso } from '../store/database.js';
import { recordIndexer } from '../store/search-index.js';
import type { LedgerDefinition, RecordValues } from '../../shared/ledger-definition.js';
import type { TypeConflict } from '../../shared/ledger-type-draft.js';
import { validateRecord } from '../../shared/validation.js';

/** How many conflicts are listed in full; the count covers all of them. */
export const CONFLICTS_LISTED = 200;
const CHUNK = 2_000;

type Value = string | number | null;

/** A stored value a type change turns into another form ("25" → 25 when 文本 becomes 整数). */
export interface Conversion {
  recordId: number;
  field: string;
  from: Value;
  to: Value;
}

export interface ValueCheck {
  conflicts: TypeConflict[];
  conflictCount: number;
  conversions: Conversion[];
}

/** Visits every record of a ledger in id order, a chunk at a time, so writes may happen in between. */
function eachStoredRecord(db: Db, ledger: string, visit: (id: number, values: RecordValues) => void): void {
  const page = db.prepare('SELECT id, data FROM records WHERE ledger_key = ? AND id > ? ORDER BY id LIMIT ?');
  let after = 0;
  for (;;) {
    const rows = page.all(ledger, after, CHUNK) as Array<{ id: number; data: string }>;
    for (const row of rows) visit(row.id, JSON.parse(row.data) as RecordValues);
    if (rows.length < CHUNK) return;
    after = rows[rows.length - 1]!.id;
  }
}

/**
 * Checks every stored value of the changed fields against their new rules with the same validation
 * every write uses. Values that fit but are stored in another form are listed as conversions.
 */
export function checkStoredValues(db: Db, def: LedgerDefinition, changed: readonly string[]): ValueCheck {
  const result: ValueCheck = { conflicts: [], conflictCount: 0, conversions: [] };
  if (changed.length === 0) return result;
  const watched = new Set(changed);
  // A cross check reports on its second field; it is affected when either of its fields changed.
  for (const check of def.crossChecks ?? []) if (check.fields.some((k) => watched.has(k))) watched.add(check.fields[1]);
  const labels = new Map(def.fields.map((f) => [f.key, f.label]));
  eachStoredRecord(db, def.key, (id, stored) => {
    const input: Record<string, unknown> = {};
    for (const field of def.fields) if (stored[field.key] !== undefined) input[field.key] = stored[field.key];
    const checked = validateRecord(def, input);
    const failed = new Set<string>();
    for (const error of checked.errors) {
      if (!watched.has(error.field)) continue;
      failed.add(error.field);
      result.conflictCount++;
      if (result.conflicts.length < CONFLICTS_LISTED) {
        result.conflicts.push({
          recordId: id,
          field: error.field,
          label: labels.get(error.field) ?? error.label,
          value: stored[error.field] ?? null,
          message: error.message,
        });
      }
    }
    for (const key of changed) {
      const from = stored[key] ?? null;
      const to = checked.values[key] ?? null;
      if (!failed.has(key) && from !== to) result.conversions.push({ recordId: id, field: key, from, to });
    }
  });
  return result;
}

export interface Rewrite {
  conversions: readonly Conversion[];
  /** The date field changed: every record's period date is read again from its values. */
  redate: boolean;
  /** The searchable fields changed: every record's full-text row is rebuilt. */
  reindex: boolean;
}

/** Applies a type change to the stored records; call inside the transaction that saves the type. */
export function rewriteStoredRecords(db: Db, def: LedgerDefinition, rewrite: Rewrite): void {
  const converted = new Map<number, Conversion[]>();
  for (const c of rewrite.conversions) converted.set(c.recordId, [...(converted.get(c.recordId) ?? []), c]);
  if (converted.size === 0 && !rewrite.redate && !rewrite.reindex) return;
  const setData = db.prepare('UPDATE records SET data = ?, updated_at = ? WHERE id = ?');
  const setDate = db.prepare('UPDATE records SET record_date = ? WHERE id = ?');
  const index = recordIndexer(db);
  const now = nowIso();
  eachStoredRecord(db, def.key, (id, stored) => {
    const changes = converted.get(id);
    const values = { ...stored };
    for (const c of changes ?? []) values[c.field] = c.to;
    if (changes) setData.run(JSON.stringify(values), now, id);
    const date = def.dateField ? values[def.dateField] : null;
    if (rewrite.redate && typeof date === 'string') setDate.run(date, id);
    if (changes || rewrite.reindex) index(id, def, values);
  });
}
