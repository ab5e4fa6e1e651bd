import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResourceLimits } from 'node:worker_threads';
import { parsePeriod } from '../../shared/period.js';
import { findWorkerFile } from '../jobs/worker-file.js';
import { WorkerPool } from '../jobs/worker-pool.js';
import type { DraftRef } from './report-service.js';
import type { ReportJob, ReportOutputs, ReportWorkerInput } from './report-worker-job.js';

/**
 * The report thread's heap. Counting the whole year of a 300,000-record 学生资助台账 (and writing
 * its Word file) fits in 128 MB; the cap leaves twice that, and keeps a runaway period or
 * template from taking the whole process with it.
 */
export const REPORT_WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32 };

/** Reports counted at once; each takes a core, and the machine also has to answer the UI. */
const MAX_RUNNING = 2;

/**
 * How long a report thread waits for the next job. Starting one costs about 100–300 ms (loading
 * its modules), more than counting a small ledger; the preview is redrawn after each edit, so
 * a thread is kept for the next one.
 */
const IDLE_MS = 60_000;

export interface ReportWorkerHost {
  dbFile: string;
  nativeBinding?: string;
}

function workerFile(): string {
  // A CommonJS bundle (Electron's main) has __dirname; an ES module has import.meta.url.
  const here = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
  return findWorkerFile(here, 'report-worker', '报告统计线程');
}

/** Which draft a job counts for, so the user can cancel by naming the draft. */
function refKey(ref: DraftRef): string {
  return JSON.stringify([
    ref.type,
    parsePeriod(ref.period)?.code ?? ref.period,
    ref.unitId ?? ref.unitName ?? null,
    ref.activityId ?? null,
  ]);
}

const inFlight = new Map<string, Set<AbortController>>();

const pool = new WorkerPool<ReportWorkerInput, ReportOutputs[ReportJob['kind']]>({
  file: workerFile,
  limits: REPORT_WORKER_LIMITS,
  size: MAX_RUNNING,
  idleMs: IDLE_MS,
  // Counting only reads the ledger, so there is nothing to clean up: end the thread at once.
  cancelGraceMs: 0,
  text: {
    outOfMemory: '统计台账时内存不足，报告没有生成：请缩短期间后再试',
    cancelled: '已取消统计，报告没有生成',
    failed: '统计台账失败，报告没有生成',
    where: 'report worker',
  },
});

/**
 * Counts a report job in a worker thread, at most MAX_RUNNING at once (the others wait their
 * turn), so the thread that answers the UI is never the one counting.
 */
export async function runReportInWorker<J extends ReportJob>(
  host: ReportWorkerHost,
  job: J,
): Promise<ReportOutputs[J['kind']]> {
  const key = refKey(job.ref);
  const controller = new AbortController();
  const mine = inFlight.get(key) ?? new Set();
  inFlight.set(key, mine.add(controller));
  try {
    const input: ReportWorkerInput = { dbFile: host.dbFile, nativeBinding: host.nativeBinding, job };
    const period = job.ref.period;
    const text = {
      outOfMemory: `统计 ${period} 的台账时内存不足，报告没有生成：请缩短期间后再试`,
      cancelled: `已取消统计：${period} 的报告没有生成`,
      failed: `统计 ${period} 的台账失败，报告没有生成`,
    };
    return (await pool.run(input, { signal: controller.signal, text })) as ReportOutputs[J['kind']];
  } finally {
    mine.delete(controller);
    if (mine.size === 0) inFlight.delete(key);
  }
}

/** Stops every report being counted (or waiting) for this draft; returns how many. */
export function cancelReportJobs(ref: DraftRef): number {
  const jobs = inFlight.get(refKey(ref));
  if (!jobs) return 0;
  for (const controller of jobs) controller.abort();
  return jobs.size;
}
