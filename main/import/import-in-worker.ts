import type { ResourceLimits } from 'node:worker_threads';
import { WorkerPool } from '../jobs/worker-pool.js';
import type { ImportAction, ImportJobRequest, ImportOutputs } from './import-job.js';
import { importWorkerFile } from './worker-entry.js';
import { importCancelled } from './import-cancelled.js';
import type { ImportWatch } from './import-plan.js';
import type { HeaderRequest, ImportWorkerInput, ImportWorkerProgress } from './worker-messages.js';
import type { HeaderProposal } from '../ledgers/header-to-definition.js';

export type { ImportAction, ImportJobRequest, ImportOutputs, ImportReport } from './import-job.js';
export { importOutcome } from './import-outcome.js';

/**
 * The import thread's heap. An import writes each good row as it reads it and keeps only the
 * shared strings and the rejected rows, so 300,000 rows fit; the cap keeps the whole process under
 * 400 MB. A young generation of 32 MB (not 16) lets a batch of rows die young instead of being
 * promoted and collected again.
 */
export const IMPORT_WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32 };

/**
 * Workbooks read at once: one import (the ledger file has one writer) and a preview or a header
 * beside it, so checking another file never waits for a 300,000-row import to finish.
 */
const MAX_RUNNING = 2;

/**
 * How long an import thread waits for the next job. Starting one loads the reader's modules; the
 * preview is asked for again after every change of a column's mapping, so a thread is kept for it.
 */
const IDLE_MS = 60_000;

/** The worker stops within a thousand rows; one stuck in a single huge cell is ended outright (SQLite drops its transaction). */
const CANCEL_BACKSTOP_MS = 10_000;

const pool = new WorkerPool<
  ImportWorkerInput,
  ImportOutputs[keyof ImportOutputs] | HeaderProposal,
  ImportWorkerProgress
>({
  file: importWorkerFile,
  limits: IMPORT_WORKER_LIMITS,
  size: MAX_RUNNING,
  idleMs: IDLE_MS,
  cancelGraceMs: CANCEL_BACKSTOP_MS,
  text: {
    outOfMemory: '导入时内存不足，未导入任何记录：请把工作簿拆成几个较小的文件分别导入',
    cancelled: importCancelled().message,
    failed: '导入未完成，未导入任何记录',
    where: 'import worker',
  },
});

/**
 * Runs an import job (main/import/import-job.ts) in an import thread. The caller's event loop keeps
 * running meanwhile; a failure of any kind is a TaizhangError, and since the job writes in one
 * transaction, a failed job has written nothing.
 */
export async function runImportInWorker<A extends ImportAction>(
  request: ImportJobRequest<A>,
  watch: ImportWatch = {},
): Promise<ImportOutputs[A['kind']]> {
  return (await pool.run({ request }, watch)) as ImportOutputs[A['kind']];
}

/** Reads a header row for a new ledger type (main/ledgers/header-to-definition.ts) in the import thread. */
export async function proposeHeaderInWorker(header: HeaderRequest): Promise<HeaderProposal> {
  return (await pool.run({ header })) as HeaderProposal;
}
