import { openReadOnly } from '../export/read-only-db.js';
import type { ReadonlyDb } from '../store/readonly-db.js';
import { queryRecords, recordTotals, type RecordBlock, type RecordTotals } from '../store/record-query.js';
import type { RecordQuery } from '../store/record-query-sql.js';

/** A read of the grid's rows or totals, run in the records reader thread. */
export type RecordsRead = { dbFile: string; nativeBinding?: string } & (
  { kind: 'query'; query: RecordQuery; startRow: number; endRow: number } | { kind: 'totals'; query: RecordQuery }
);

export interface RecordsReadOutputs {
  query: RecordBlock;
  totals: RecordTotals;
}

/*
 * One read-only connection per ledger file, kept while the thread lives: the order of a search or
 * a sort by text is computed once and kept with the connection (main/store/record-query.ts), so the
 * blocks the grid asks for next are read from it.
 */
const readers = new Map<string, ReadonlyDb>();

function readerOf(dbFile: string, nativeBinding: string | undefined): ReadonlyDb {
  let db = readers.get(dbFile);
  if (!db?.open) {
    db = openReadOnly(dbFile, nativeBinding);
    readers.set(dbFile, db);
  }
  return db;
}

export function runRecordsRead(job: RecordsRead): RecordsReadOutputs[RecordsRead['kind']] {
  const db = readerOf(job.dbFile, job.nativeBinding);
  return job.kind === 'query' ? queryRecords(db, job.query, job.startRow, job.endRow) : recordTotals(db, job.query);
}
