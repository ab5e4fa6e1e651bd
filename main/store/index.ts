import { openDatabase, type Db, type OpenOptions } from './database.js';
import { syncBuiltinLedgers } from './ledger-types.js';
import { loadBuiltinLedgers } from '../ledgers/builtin.js';
import { abandonStaleBatches, sweepAbandoned } from './import-batches.js';
import { defaultSettingsFolder, resolveOperator } from '../settings/operator.js';

/**
 * Opens a ledger file ready for use: schema migrated, the built-in catalogue in place, and the rows
 * of imports that never finished (a crash, a killed process) deleted.
 */
export function openStore(file: string, options: OpenOptions = {}): Db {
  const db = openDatabase(file, options);
  syncBuiltinLedgers(db, loadBuiltinLedgers());
  abandonStaleBatches(db);
  sweepAbandoned(db);
  return db;
}

/** Who the audit log names: TAIZHANG_OPERATOR, else the name chosen in the app, else the OS user. */
export function defaultOperator(): string {
  return resolveOperator(defaultSettingsFolder()).name;
}
