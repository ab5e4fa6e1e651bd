import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResourceLimits } from 'node:worker_threads';
import type { Db } from '../store/database.js';
import { queuedWrite } from '../store/write-queue.js';
import { findWorkerFile } from '../jobs/worker-file.js';
import { WorkerPool } from '../jobs/worker-pool.js';
import { runRecordsJob, type RecordsJob, type RecordsOutputs } from './records-worker-job.js';
import type { RecordsRead, RecordsReadOutputs } from './records-read-job.js';

/**
 * Above this many records a write goes to the records thread: 1,000 records take about 100 ms,
 * which the API's thread may spend; a whole filter of 100,000 takes seconds, which it may not.
 */
export const MAIN_THREAD_RECORDS = 1_000;

/** Records of 300,000 are read one at a time, so the heap stays small; the cap guards the app. */
const RECORDS_WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32 };

function workerFile(): string {
  // A CommonJS bundle (Electron's main) has __dirname; an ES module has import.meta.url.
  const here = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
  return findWorkerFile(here, 'records-worker', '记录写入线程');
}

const pool = new WorkerPool<RecordsJob, RecordsOutputs[RecordsJob['kind']]>({
  file: workerFile,
  limits: RECORDS_WORKER_LIMITS,
  size: 1,
  idleMs: 30_000,
  // One transaction: stopped at any point it has written nothing.
  cancelGraceMs: 0,
  text: {
    outOfMemory: '批量写入记录时内存不足，未做任何修改：请缩小范围后重试',
    cancelled: '已取消，未做任何修改',
    failed: '批量写入记录失败，未做任何修改',
    where: 'records worker',
  },
});

/*
 * The grid's reads: one thread, kept a minute after the last read so its connection keeps the
 * order of the last searches; a block waits only behind other reads, never behind a bulk write.
 */
const readers = new WorkerPool<RecordsRead, RecordsReadOutputs[RecordsRead['kind']]>({
  file: workerFile,
  limits: RECORDS_WORKER_LIMITS,
  size: 1,
  idleMs: 60_000,
  cancelGraceMs: 0,
  text: {
    outOfMemory: '读取记录时内存不足：请缩小筛选范围后重试',
    cancelled: '已停止读取记录',
    failed: '读取记录失败',
    where: 'records reader',
  },
});

/** Reads the grid's rows or totals in the reader thread, so a slow search never holds up other calls. */
export async function runRecordsRead<J extends RecordsRead>(job: J): Promise<RecordsReadOutputs[J['kind']]> {
  return (await readers.run(job)) as RecordsReadOutputs[J['kind']];
}

/**
 * Runs a write of `records` records: on this thread through the write queue when they are few,
 * else in the records thread (which waits for the ledger's write lock itself).
 */
export async function runRecordsWrite<J extends RecordsJob>(
  db: Db,
  job: J,
  records: number,
): Promise<RecordsOutputs[J['kind']]> {
  if (records > MAIN_THREAD_RECORDS) {
    return (await pool.run(job)) as RecordsOutputs[J['kind']];
  }
  return (await queuedWrite(db, () => runRecordsJob(job, db))) as RecordsOutputs[J['kind']];
}
