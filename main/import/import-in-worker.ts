import { Worker, type ResourceLimits } from 'node:worker_threads';
import { TaizhangError } from '../store/errors.js';
import { userMessage } from '../errors/user-message.js';
import type { ImportAction, ImportJobRequest, ImportOutputs } from './import-job.js';
import { importWorkerFile } from './worker-entry.js';
import { importCancelled } from './import-cancelled.js';
import type { ImportWatch } from './import-plan.js';
import type { FromImportWorker, HeaderRequest, ImportWorkerInput, ToImportWorker } from './worker-messages.js';
import type { HeaderProposal } from '../ledgers/header-to-definition.js';

export type { ImportAction, ImportJobRequest, ImportOutputs } from './import-job.js';

/**
 * The import thread's heap. An import writes each good row as it reads it and keeps only the
 * shared strings and the rejected rows, so 300,000 rows fit; the cap keeps the whole process under
 * 400 MB. A young generation of 32 MB (not 16) lets a batch of rows die young instead of being
 * promoted and collected again.
 */
export const IMPORT_WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32 };

const CANCEL_BACKSTOP_MS = 10_000;

function threadFailure(error: Error & { code?: string }): TaizhangError {
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new TaizhangError('internal', '导入时内存不足，未导入任何记录：请把工作簿拆成几个较小的文件分别导入');
  }
  return new TaizhangError('internal', `导入未完成，未导入任何记录：${userMessage(error, { where: 'import worker' })}`);
}

/**
 * Runs an import job (main/import/import-job.ts) in a worker thread and settles once the thread
 * has ended. The caller's event loop keeps running meanwhile; a failure of any kind is a
 * TaizhangError, and since the job writes in one transaction, a failed job has written nothing.
 */
export function runImportInWorker<A extends ImportAction>(
  request: ImportJobRequest<A>,
  watch: ImportWatch = {},
): Promise<ImportOutputs[A['kind']]> {
  return runInWorker({ request }, watch);
}

/** Reads a header row for a new ledger type (main/ledgers/header-to-definition.ts) in the import thread. */
export function proposeHeaderInWorker(header: HeaderRequest): Promise<HeaderProposal> {
  return runInWorker({ header });
}

function runInWorker<T>(input: ImportWorkerInput, watch: ImportWatch = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(importWorkerFile(), {
      workerData: input,
      resourceLimits: IMPORT_WORKER_LIMITS,
    });
    let output: T | undefined;
    let failure: TaizhangError | null = null;
    let backstop: NodeJS.Timeout | undefined;
    const { signal } = watch;
    const onAbort = () => {
      worker.postMessage({ type: 'cancel' } satisfies ToImportWorker);
      // The worker stops within a thousand rows; one stuck in a single huge cell is ended outright
      // (its transaction never commits, so SQLite drops it).
      backstop = setTimeout(() => {
        failure ??= importCancelled();
        void worker.terminate();
      }, CANCEL_BACKSTOP_MS);
    };
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: FromImportWorker) => {
      if (message.type === 'progress') {
        watch.onProgress?.({ rowsRead: message.rowsRead, fraction: message.fraction });
        return;
      }
      if (message.type === 'done') output = message.output as T;
      else failure = new TaizhangError(message.code, message.message);
      void worker.terminate();
    });
    worker.on('error', (error) => {
      failure ??= threadFailure(error);
    });
    worker.on('exit', (code) => {
      clearTimeout(backstop);
      signal?.removeEventListener('abort', onAbort);
      if (failure) reject(failure);
      else if (output !== undefined) resolve(output);
      else reject(new TaizhangError('internal', `导入线程意外结束（退出码 ${code}），未导入任何记录`));
    });
  });
}
