import type { ErrorCode } from '../store/errors.js';
import type { ImportJobRequest, ImportOutputs } from './import-job.js';

/** What the import worker is started with (as workerData). */
export interface ImportWorkerInput {
  request: ImportJobRequest;
}

/** Worker → parent. Errors travel as values: a TaizhangError's code and Chinese message. */
export type FromImportWorker =
  | { type: 'progress'; rowsRead: number; fraction: number }
  | { type: 'done'; output: ImportOutputs[keyof ImportOutputs] }
  | { type: 'error'; code: ErrorCode; message: string };

/** Parent → worker: stop, roll back, and end with a 'cancelled' error. */
export type ToImportWorker = { type: 'cancel' };
