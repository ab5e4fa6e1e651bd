import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResourceLimits } from 'node:worker_threads';
import { findWorkerFile } from '../jobs/worker-file.js';
import { WorkerPool, type WorkerPoolText } from '../jobs/worker-pool.js';
import type { SubmissionJob, SubmissionOutputs } from './submission-worker-job.js';

/**
 * Tables are written by the export thread the job starts, and files are hashed through 1 MB
 * buffers, so this thread's heap stays small; the cap keeps a runaway report from taking the app.
 */
const SUBMISSION_WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32 };

function workerFile(): string {
  // A CommonJS bundle (Electron's main) has __dirname; an ES module has import.meta.url.
  const here = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
  return findWorkerFile(here, 'submission-worker', '报送线程');
}

const TEXT: Record<SubmissionJob['kind'], Omit<WorkerPoolText, 'where'>> = {
  generate: {
    outOfMemory: '生成报送文件时内存不足，报送没有完成：请关闭其他程序后重试',
    cancelled: '报送已取消，没有留下生成到一半的文件',
    failed: '报送文件生成失败，没有留下生成到一半的文件',
  },
  verify: {
    outOfMemory: '核对报送文件时内存不足：请关闭其他程序后重试',
    cancelled: '已停止核对报送文件',
    failed: '核对报送文件失败',
  },
};

const pool = new WorkerPool<SubmissionJob, SubmissionOutputs[SubmissionJob['kind']]>({
  file: workerFile,
  limits: SUBMISSION_WORKER_LIMITS,
  size: 2,
  // Jobs are long and rare: a thread each, so nothing of one job's memory outlives it.
  idleMs: 0,
  // A stopped submission removes its folder before it ends.
  cancelGraceMs: 5_000,
  text: { ...TEXT.generate, where: 'submission worker' },
});

/** Runs one submission job in a worker thread. */
export async function runInSubmissionWorker<J extends SubmissionJob>(
  job: J,
  options: { signal?: AbortSignal } = {},
): Promise<SubmissionOutputs[J['kind']]> {
  return (await pool.run(job, { signal: options.signal, text: TEXT[job.kind] })) as SubmissionOutputs[J['kind']];
}
