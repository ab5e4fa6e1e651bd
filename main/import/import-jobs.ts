import { randomUUID } from 'node:crypto';
import type { ApiOutput } from '../../shared/api.js';
import { TaizhangError } from '../store/errors.js';
import { importOutcome, runImportInWorker, type ImportJobRequest } from './import-in-worker.js';
import { OpenFiles } from './open-files.js';

export type ImportStatus = ApiOutput<'import.status'>;
type CommitRequest = ImportJobRequest<{ kind: 'commit'; allowDuplicates: boolean }>;

interface Job {
  status: ImportStatus;
  controller: AbortController;
  /** Resolves once the worker has ended, whatever the outcome. */
  settled: Promise<void>;
}

/** Finished jobs remembered for the UI to read their outcome; the oldest are forgotten beyond this. */
const MAX_KEPT = 20;

function notFound(jobId: string): TaizhangError {
  return new TaizhangError('not-found', `找不到编号为 ${jobId} 的导入：程序可能已重新启动，请到台账中查看是否已导入`);
}

/**
 * The imports the app runs for its UI: each in the import worker, followed by a random id. The UI
 * polls the status (rows read, how far through the sheet) and may cancel, which rolls the import
 * back. One import writes at a time: the ledger file has one writer.
 */
export class ImportJobs {
  /** The workbooks the page has opened (import.open), read by its previews and imports. */
  readonly files = new OpenFiles();
  private readonly jobs = new Map<string, Job>();
  private disposed = false;

  /** Whether an import is writing; the open ledger cannot be switched under it. */
  get running(): boolean {
    return [...this.jobs.values()].some((j) => j.status.state === 'running');
  }

  start(request: CommitRequest): { jobId: string } {
    if (this.disposed) throw new TaizhangError('conflict', '程序正在关闭，无法开始新的导入');
    if (this.running) {
      throw new TaizhangError('conflict', '已有一个导入正在进行，请等它完成或取消后再导入');
    }
    const jobId = randomUUID();
    const controller = new AbortController();
    const status: ImportStatus = { state: 'running', rowsRead: 0, fraction: 0 };
    const settled = runImportInWorker(request, {
      signal: controller.signal,
      onProgress: (p) => {
        status.rowsRead = p.rowsRead;
        status.fraction = p.fraction;
      },
    })
      .then(importOutcome)
      .then(
        (outcome) => {
          status.state = 'done';
          status.fraction = 1;
          status.outcome = outcome;
        },
        (error: unknown) => {
          const cancelled = error instanceof TaizhangError && error.code === 'cancelled';
          status.state = cancelled ? 'cancelled' : 'failed';
          if (!cancelled) status.error = error instanceof TaizhangError ? error.message : `导入失败：${String(error)}`;
        },
      );
    this.jobs.set(jobId, { status, controller, settled });
    this.forgetOldest();
    return { jobId };
  }

  status(jobId: string): ImportStatus {
    return { ...this.job(jobId).status };
  }

  /** Stops a running import; resolves once it has rolled back and its thread has ended. */
  async cancel(jobId: string): Promise<ImportStatus> {
    const job = this.job(jobId);
    if (job.status.state === 'running') job.controller.abort();
    await job.settled;
    return { ...job.status };
  }

  /** Stops whatever runs (the app is quitting); nothing half-written stays behind. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.files.dispose();
    for (const job of this.jobs.values()) if (job.status.state === 'running') job.controller.abort();
    await Promise.all([...this.jobs.values()].map((j) => j.settled));
  }

  private job(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw notFound(jobId);
    return job;
  }

  private forgetOldest(): void {
    for (const [id, job] of this.jobs) {
      if (this.jobs.size <= MAX_KEPT) break;
      if (job.status.state !== 'running') this.jobs.delete(id);
    }
  }
}
