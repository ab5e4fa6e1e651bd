import { Worker, type ResourceLimits } from 'node:worker_threads';
import { TaizhangError } from '../store/errors.js';
import type { ImportAction, ImportJobRequest, ImportOutputs } from './import-job.js';
import { importWorkerFile } from './worker-entry.js';
import type { FromImportWorker, ImportWorkerInput } from './worker-messages.js';

export type { ImportAction, ImportJobRequest, ImportOutputs } from './import-job.js';

/**
 * The import thread's heap. Large plans keep their good rows in a temporary table, not on the heap,
 * so 300,000 rows fit; the cap keeps the whole process well under 400 MB.
 */
export const IMPORT_WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 256 };

function threadFailure(error: Error & { code?: string }): TaizhangError {
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new TaizhangError('internal', '导入时内存不足，未导入任何记录：请把工作簿拆成几个较小的文件分别导入');
  }
  return new TaizhangError('internal', `导入线程出错，未导入任何记录：${error.message}`);
}

/**
 * Runs an import job (main/import/import-job.ts) in a worker thread and settles once the thread
 * has ended. The caller's event loop keeps running meanwhile; a failure of any kind is a
 * TaizhangError, and since the job writes in one transaction, a failed job has written nothing.
 */
export function runImportInWorker<A extends ImportAction>(
  request: ImportJobRequest<A>,
): Promise<ImportOutputs[A['kind']]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(importWorkerFile(), {
      workerData: { request } satisfies ImportWorkerInput,
      resourceLimits: IMPORT_WORKER_LIMITS,
    });
    let output: ImportOutputs[A['kind']] | undefined;
    let failure: TaizhangError | null = null;
    worker.on('message', (message: FromImportWorker) => {
      if (message.type === 'done') output = message.output as ImportOutputs[A['kind']];
      else failure = new TaizhangError(message.code, message.message);
      void worker.terminate();
    });
    worker.on('error', (error) => {
      failure ??= threadFailure(error);
    });
    worker.on('exit', (code) => {
      if (failure) reject(failure);
      else if (output !== undefined) resolve(output);
      else reject(new TaizhangError('internal', `导入线程意外结束（退出码 ${code}），未导入任何记录`));
    });
  });
}
