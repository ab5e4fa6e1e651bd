import { MIGRATIONS } from '../../main/store/migrations.js';
import { loadBuiltinLedgers } from '../../main/ledgers/builtin.js';
import { checkValues, recordDateOf } from '../../main/store/records.js';
import { searchText } from '../../main/store/search-index.js';
import { openUnmigrated, updateToVersion } from './update-to-version.js';

/** The schema version a migration (found by a statement it holds) starts from. */
export function versionBefore(statement: string): number {
  const at = MIGRATIONS.findIndex((m) => m.includes(statement));
  if (at === -1) throw new Error(`no migration holds ${statement}`);
  return at;
}

/**
 * A ledger file as an older version of the program left it: the first `version` migrations, the
 * built-in ledger types, one unit and the given student-aid rows with their full-text rows.
 * Returns the records' ids.
 */
export function oldLedgerFile(file: string, version: number, rows: Array<Record<string, unknown>>): number[] {
  const db = openUnmigrated(file);
  try {
    updateToVersion(db, version);
    const now = new Date().toISOString();
    const defs = loadBuiltinLedgers();
    const addType = db.prepare(
      'INSERT INTO ledger_types (key, label, category, builtin, definition, updated_at) VALUES (?, ?, ?, 1, ?, ?)',
    );
    for (const def of defs) addType.run(def.key, def.label, def.category, JSON.stringify(def), now);
    const unitId = Number(
      db.prepare('INSERT INTO units (name, created_at) VALUES (?, ?)').run('建始县高坪镇中心小学', now).lastInsertRowid,
    );
    const def = defs.find((d) => d.key === 'student-aid')!;
    const insert = db.prepare(
      'INSERT INTO records (ledger_key, unit_id, record_date, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const index = db.prepare('INSERT INTO records_fts (rowid, body) VALUES (?, ?)');
    return db.transaction(() =>
      rows.map((row) => {
        const values = checkValues(def, row);
        const id = Number(
          insert.run(def.key, unitId, recordDateOf(def, values), JSON.stringify(values), now, now).lastInsertRowid,
        );
        index.run(id, searchText(def, values));
        return id;
      }),
    )();
  } finally {
    db.close();
  }
}
