import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResourceLimits } from 'node:worker_threads';
import { findWorkerFile } from '../jobs/worker-file.js';
import { WorkerPool, type WorkerPoolText } from '../jobs/worker-pool.js';
import type { ArchiveJob, ArchiveOutputs, ArchiveWorkerInput } from './archive-worker-job.js';

/**
 * Backups stream their parts through 1 MB buffers and verify hashes file by file, so the heap
 * stays small whatever the size of the ledger; the cap keeps a runaway job from taking the app.
 */
const ARCHIVE_WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32 };

/** A backup and a 四性检测 may run together; more would only compete for the same disk. */
const MAX_RUNNING = 2;

function workerFile(): string {
  // A CommonJS bundle (Electron's main) has __dirname; an ES module has import.meta.url.
  const here = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
  return findWorkerFile(here, 'archive-worker', '备份线程');
}

const TEXT: Record<ArchiveJob['kind'], Omit<WorkerPoolText, 'where'>> = {
  backup: {
    outOfMemory: '备份时内存不足，备份没有完成：请关闭其他程序后重试',
    cancelled: '备份已停止，没有留下不完整的备份文件',
    failed: '备份失败，没有留下不完整的备份文件',
  },
  restore: {
    outOfMemory: '恢复时内存不足，未恢复任何内容：请关闭其他程序后重试',
    cancelled: '恢复已停止，未恢复任何内容',
    failed: '恢复失败，未恢复任何内容',
  },
  inspect: {
    outOfMemory: '读取备份时内存不足：请关闭其他程序后重试',
    cancelled: '已停止读取备份',
    failed: '读取备份失败',
  },
  verify: {
    outOfMemory: '四性检测时内存不足：请关闭其他程序后重试',
    cancelled: '四性检测已停止',
    failed: '四性检测失败',
  },
};

const pool = new WorkerPool<ArchiveWorkerInput, ArchiveOutputs[ArchiveJob['kind']]>({
  file: workerFile,
  limits: ARCHIVE_WORKER_LIMITS,
  size: MAX_RUNNING,
  // Jobs are long and rare: a thread each, so nothing of one job's memory outlives it.
  idleMs: 0,
  // A stopped backup or restore removes its temp file and work folder before it ends.
  cancelGraceMs: 5_000,
  text: { ...TEXT.backup, where: 'archive worker' },
});

/** Runs one archive job in a worker thread, so the thread that answers the UI never copies or hashes. */
export async function runInArchiveWorker<J extends ArchiveJob>(
  job: J,
  options: { nativeBinding?: string; signal?: AbortSignal } = {},
): Promise<ArchiveOutputs[J['kind']]> {
  const input: ArchiveWorkerInput = { job, nativeBinding: options.nativeBinding };
  return (await pool.run(input, { signal: options.signal, text: TEXT[job.kind] })) as ArchiveOutputs[J['kind']];
}
