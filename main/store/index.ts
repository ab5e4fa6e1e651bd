import { openDatabase, type Db, type OpenOptions } from './database.js';
import { syncBuiltinLedgers } from './ledger-types.js';
import { syncAllFieldIndexes, type IndexedType } from './field-indexes.js';
import { refreshPlannerStats } from './planner-stats.js';
import { loadBuiltinLedgers } from '../ledgers/builtin.js';
import { abandonStaleBatches, sweepAbandoned } from './import-batches.js';
import { defaultSettingsFolder, resolveOperator } from '../settings/operator.js';

/**
 * Opens a ledger file ready for use: schema migrated, the built-in catalogue in place, each type's
 * field indexes (main/store/field-indexes.ts) matching its definition, the planner's statistics
 * current, and the rows
 * of imports that never finished (a crash, a killed process) deleted.
 */
export function openStore(file: string, options: OpenOptions = {}): Db {
  const db = openDatabase(file, options);
  syncBuiltinLedgers(db, loadBuiltinLedgers());
  syncAllFieldIndexes(db, storedTypes(db));
  abandonStaleBatches(db);
  sweepAbandoned(db);
  refreshPlannerStats(db);
  return db;
}

/**
 * Each type's key and fields as stored, read leniently: a definition today's checks would refuse
 * must not keep the file from opening (it is reported where the type is used).
 */
function storedTypes(db: Db): IndexedType[] {
  const rows = db.prepare('SELECT key, definition FROM ledger_types ORDER BY key').all() as Array<{
    key: string;
    definition: string;
  }>;
  return rows.flatMap(({ key, definition }) => {
    const fields = (JSON.parse(definition) as { fields?: unknown }).fields;
    if (!Array.isArray(fields) || !/^[a-z][a-z0-9-]{0,39}$/.test(key)) return [];
    const valid = fields.filter(
      (f): f is IndexedType['fields'][number] =>
        typeof f === 'object' && f !== null && typeof f.key === 'string' && /^[a-z][a-z0-9_]{0,39}$/.test(f.key),
    );
    return [{ key, fields: valid }];
  });
}

/** Who the audit log names: TAIZHANG_OPERATOR, else the name chosen in the app, else the OS user. */
export function defaultOperator(): string {
  return resolveOperator(defaultSettingsFolder()).name;
}
