import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { TaizhangError } from '../store/errors.js';
import { exportLedgerXlsx } from './export-xlsx.js';
import type { ExportJobStart } from './job-request.js';
import type { FinishedExport } from './delivery.js';
import { removeQuietly } from './atomic-file.js';
import { exportsFolderPrefix } from './temp-registry.js';
import { toUserError } from '../errors/user-message.js';

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobStatus {
  state: JobState;
  written: number;
  total: number;
  fileName: string;
  error?: string;
}

export interface ExportJobsOptions {
  /** The ledger file the exports read (read-only, in a worker thread). */
  dbFile: string;
  /** better-sqlite3 built for Electron, when the registry runs in Electron's main process. */
  nativeBinding?: string;
  /** Where the private folder is made; the system temp folder by default. */
  tempRoot?: string;
  /** Exports running at once; each takes a thread and a core. */
  maxRunning?: number;
  /** Finished or ended jobs remembered; the oldest are dropped (and their files removed) beyond this. */
  maxKept?: number;
}

interface Job {
  id: string;
  fileName: string;
  /** Where the finished file lands: <private folder>/<id>.xlsx. */
  file: string;
  state: JobState;
  written: number;
  total: number;
  error?: string;
  controller: AbortController;
  /** Resolves once the worker has ended and any partial file is gone. */
  settled: Promise<void>;
}

function notFound(jobId: string): TaizhangError {
  return new TaizhangError(
    'not-found',
    `找不到编号为 ${jobId} 的导出：它可能已保存、已清理，或程序已重新启动，请重新导出`,
  );
}

/**
 * The exports the app runs for its UI. Each job writes into a private folder this registry owns
 * (made on first use, readable only by this user) under a random id; the UI follows it by that id
 * and asks the transport to deliver the file when done. Undelivered files go when `dispose` runs.
 */
export class ExportJobs {
  private readonly jobs = new Map<string, Job>();
  private folderPath: string | null = null;
  private disposed = false;

  constructor(private readonly options: ExportJobsOptions) {}

  /** The private folder, once an export has made it. */
  get folder(): string | null {
    return this.folderPath;
  }

  /** Exports still being written; the open ledger cannot be switched under them. */
  get running(): number {
    return [...this.jobs.values()].filter((j) => j.state === 'running').length;
  }

  /** A registry like this one for another ledger file, once the app has switched to it. */
  forLedger(dbFile: string): ExportJobs {
    return new ExportJobs({ ...this.options, dbFile });
  }

  start(request: ExportJobStart): { jobId: string; fileName: string } {
    if (this.disposed) throw new TaizhangError('conflict', '程序正在关闭，无法开始新的导出');
    const maxRunning = this.options.maxRunning ?? 2;
    const running = this.running;
    if (running >= maxRunning) {
      throw new TaizhangError('conflict', `已有 ${running} 个导出正在进行，请等其完成或取消后再导出`);
    }
    const id = randomUUID();
    const controller = new AbortController();
    const job: Job = {
      id,
      fileName: request.fileName,
      file: path.join(this.ensureFolder(), `${id}.xlsx`),
      state: 'running',
      written: 0,
      total: 0,
      controller,
      settled: Promise.resolve(),
    };
    job.settled = exportLedgerXlsx(
      { ...request.options, dbFile: this.options.dbFile, out: job.file, nativeBinding: this.options.nativeBinding },
      {
        signal: controller.signal,
        onProgress: (p) => {
          job.written = p.written;
          job.total = p.total;
        },
      },
    ).then(
      (result) => {
        if (job.state === 'cancelled') return removeQuietly(job.file);
        job.state = 'done';
        job.written = result.rows;
        job.total = result.rows;
      },
      (error: unknown) => {
        removeQuietly(job.file);
        if (job.state === 'cancelled') return;
        if (error instanceof TaizhangError && error.code === 'cancelled') {
          job.state = 'cancelled';
          return;
        }
        job.state = 'failed';
        job.error = toUserError(error, { where: 'export.start' }).message;
      },
    );
    this.jobs.set(id, job);
    this.forgetOldest();
    return { jobId: id, fileName: job.fileName };
  }

  status(jobId: string): JobStatus {
    return statusOf(this.job(jobId));
  }

  /**
   * Stops a running export, or discards a finished one the user no longer wants. Resolves once
   * the worker has ended and no file of the job is left. A failed job stays failed.
   */
  async cancel(jobId: string): Promise<JobStatus> {
    const job = this.job(jobId);
    if (job.state === 'running' || job.state === 'done') {
      job.state = 'cancelled';
      job.controller.abort();
    }
    await job.settled;
    removeQuietly(job.file);
    return statusOf(job);
  }

  /** The finished file of a job that is done; anything else is an error saying why not. */
  finished(jobId: string): FinishedExport {
    const job = this.job(jobId);
    if (job.state === 'running') throw new TaizhangError('conflict', `“${job.fileName}”还在导出中，请等完成后再保存`);
    if (job.state === 'cancelled') throw new TaizhangError('cancelled', `“${job.fileName}”的导出已取消`);
    if (job.state === 'failed') throw new TaizhangError('bad-file', job.error ?? `“${job.fileName}”导出失败`);
    if (!fs.existsSync(job.file)) throw notFound(jobId);
    return { jobId, path: job.file, fileName: job.fileName };
  }

  /** A finished file that is still there, for the download route; null otherwise. */
  downloadable(jobId: string): FinishedExport | null {
    const job = this.jobs.get(jobId);
    if (!job || job.state !== 'done' || !fs.existsSync(job.file)) return null;
    return { jobId, path: job.file, fileName: job.fileName };
  }

  /** After delivery: the file is gone from the private folder and the job is forgotten. */
  release(jobId: string): void {
    const job = this.jobs.get(jobId);
    if (!job || job.state === 'running') return;
    removeQuietly(job.file);
    this.jobs.delete(jobId);
  }

  /** Stops every running export and removes the private folder with whatever was not delivered. */
  async dispose(): Promise<void> {
    this.disposed = true;
    for (const job of this.jobs.values()) {
      if (job.state === 'running') {
        job.state = 'cancelled';
        job.controller.abort();
      }
    }
    await Promise.allSettled([...this.jobs.values()].map((j) => j.settled));
    this.jobs.clear();
    if (this.folderPath) fs.rmSync(this.folderPath, { recursive: true, force: true });
    this.folderPath = null;
  }

  private job(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw notFound(jobId);
    return job;
  }

  private ensureFolder(): string {
    if (!this.folderPath || !fs.existsSync(this.folderPath)) {
      // Named after this process, so the sweep at the next start removes it if this one is killed.
      this.folderPath = fs.mkdtempSync(path.join(this.options.tempRoot ?? os.tmpdir(), exportsFolderPrefix()));
      fs.chmodSync(this.folderPath, 0o700);
    }
    return this.folderPath;
  }

  /** Keeps the registry small: drops the oldest jobs that are no longer running. */
  private forgetOldest(): void {
    const maxKept = this.options.maxKept ?? 20;
    const ended = [...this.jobs.values()].filter((j) => j.state !== 'running');
    for (const job of ended.slice(0, Math.max(0, this.jobs.size - maxKept))) this.release(job.id);
  }
}

function statusOf(job: Job): JobStatus {
  return {
    state: job.state,
    written: job.written,
    total: job.total,
    fileName: job.fileName,
    ...(job.error === undefined ? {} : { error: job.error }),
  };
}
