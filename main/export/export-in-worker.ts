import { WorkerPool } from '../jobs/worker-pool.js';
import { TaizhangError } from '../store/errors.js';
import type { ExportJobRequest, ExportJobResult, ExportPlan, ExportProgress } from './export-job.js';
import { exportWorkerFile } from './worker-entry.js';
import type { ExportWorkerProgress, WorkerInput } from './worker-messages.js';

export interface ExportWorkerWatch {
  signal?: AbortSignal;
  onProgress?(progress: ExportProgress): void;
  /** Looks at the plan before anything is written; an error stops the job with that error. */
  checkPlan(plan: ExportPlan): TaizhangError | null;
  /** How a cancel is told: the same line whether the thread or the caller stops first. */
  cancelled: TaizhangError;
}

/** Exports written at once, as many as ExportJobs runs by default; more wait their turn. */
const MAX_RUNNING = 2;

const pool = new WorkerPool<WorkerInput, ExportJobResult, ExportWorkerProgress>({
  file: exportWorkerFile,
  // The writer streams rows to disk, so it is left the default heap, as it always had.
  limits: {},
  size: MAX_RUNNING,
  // Exports are long and rare: a thread each, so nothing of one export's workbook outlives it.
  idleMs: 0,
  // A stopped export removes its temp file before it ends.
  cancelGraceMs: 5_000,
  text: {
    outOfMemory: '导出时内存不足，未生成文件：请缩短期间或分几个文件导出',
    cancelled: '导出已取消，未生成文件',
    failed: '导出未完成，未生成文件',
    where: 'export worker',
  },
});

/** Runs an export job in an export thread; settles once the thread has ended. */
export async function runExportInWorker(request: ExportJobRequest, watch: ExportWorkerWatch): Promise<ExportJobResult> {
  const stop = new AbortController();
  let reason: TaizhangError = watch.cancelled;
  const onAbort = () => stop.abort();
  if (watch.signal?.aborted) throw watch.cancelled;
  watch.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await pool.run(
      { request },
      {
        signal: stop.signal,
        text: { cancelled: watch.cancelled.message },
        onProgress: (message) => {
          if (stop.signal.aborted) return;
          if ('progress' in message) {
            watch.onProgress?.(message.progress);
            return;
          }
          const problem = watch.checkPlan(message.plan);
          if (problem) {
            reason = problem;
            stop.abort();
          }
        },
      },
    );
  } catch (error) {
    throw stop.signal.aborted ? reason : error;
  } finally {
    watch.signal?.removeEventListener('abort', onAbort);
  }
}
