import { openDatabase, type Db } from '../store/database.js';
import { bulkUpdateRecords, type BulkUpdate, type BulkUpdateResult } from './bulk-update.js';
import { pasteRecords, type Paste, type PasteResult } from './paste.js';
import { revertBatch, type RevertResult } from './revert.js';

/** A write of many records, run in the records thread on a connection of its own. */
export type RecordsJob = { dbFile: string; nativeBinding?: string; operator: string } & (
  { kind: 'bulkUpdate'; input: BulkUpdate } | { kind: 'paste'; input: Paste } | { kind: 'revert'; batch: number }
);

export interface RecordsOutputs {
  bulkUpdate: BulkUpdateResult;
  paste: PasteResult;
  revert: RevertResult;
}

/** Runs the job on `on` (the API's own connection, for a few records) or on a connection of its own. */
export function runRecordsJob(job: RecordsJob, on?: Db): RecordsOutputs[RecordsJob['kind']] {
  const db = on ?? openDatabase(job.dbFile, { mustExist: true, nativeBinding: job.nativeBinding });
  try {
    if (job.kind === 'bulkUpdate') return bulkUpdateRecords(db, job.input, job.operator);
    if (job.kind === 'paste') return pasteRecords(db, job.input, job.operator);
    return revertBatch(db, job.batch, job.operator);
  } finally {
    if (!on) db.close();
  }
}
