import type { ExportJobRequest, ExportJobResult, ExportPlan, ExportProgress } from './export-job.js';
import type { ErrorCode } from '../store/errors.js';

/** What the export worker is started with (as workerData). */
export interface WorkerInput {
  request: ExportJobRequest;
}

/** Parent → worker. */
export type ToWorker = { type: 'cancel' };

/** Worker → parent. Errors travel as values: a TaizhangError's code and Chinese message. */
export type FromWorker =
  | { type: 'plan'; plan: ExportPlan }
  | { type: 'progress'; progress: ExportProgress }
  | { type: 'done'; result: ExportJobResult }
  | { type: 'error'; code: ErrorCode; message: string };
