import os from 'node:os';
import { openDatabase, type Db, type OpenOptions } from './database.js';
import { syncBuiltinLedgers } from './ledger-types.js';
import { loadBuiltinLedgers } from '../ledgers/builtin.js';
import { abandonStaleBatches, sweepAbandoned } from './import-batches.js';

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

/** Who the audit log names: the signed-in OS user, unless the caller says otherwise. */
export function defaultOperator(): string {
  try {
    return os.userInfo().username || '本机用户';
  } catch {
    return '本机用户';
  }
}
