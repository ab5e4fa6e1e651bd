import type { Db } from './database.js';

/**
 * A connection as seen by code that only reads: no exec and no transactions, so a reader cannot
 * start a write through them. A writable Db is one too, so readers take either. Statements keep
 * run(), which the type system cannot tell from a read; handles from openReadOnly (a SQLite
 * read-only connection) refuse those at run time.
 */
export type ReadonlyDb = Omit<
  Db,
  'exec' | 'transaction' | 'loadExtension' | 'function' | 'aggregate' | 'table' | 'unsafeMode'
>;
