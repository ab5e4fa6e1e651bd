import type { ExportJobRequest, ExportPlan, ExportProgress } from './export-job.js';

/** What the export thread is given for one job. */
export interface WorkerInput {
  request: ExportJobRequest;
}

/**
 * What the export thread says while it works: its plan once (the file name and the rows to
 * write, so the parent can refuse a target that exists before anything is written), then rows
 * written every few hundred.
 */
export type ExportWorkerProgress = { plan: ExportPlan } | { progress: ExportProgress };
