import type { ErrorCode } from '../store/errors.js';
import type { ImportJobRequest, ImportOutputs } from './import-job.js';
import type { HeaderProposal } from '../ledgers/header-to-definition.js';

/** A workbook whose header row is to become a new ledger type (ledgerTypes.fromXlsxHeader). */
export interface HeaderRequest {
  /** The file's bytes as base64, as the API receives them. */
  data: string;
  fileName?: string;
  sheet: number;
}

/** What the import worker is started with (as workerData): an import, or a header to read. */
export type ImportWorkerInput = { request: ImportJobRequest } | { header: HeaderRequest };

/** Worker → parent. Errors travel as values: a TaizhangError's code and Chinese message. */
export type FromImportWorker =
  | { type: 'progress'; rowsRead: number; fraction: number }
  | { type: 'done'; output: ImportOutputs[keyof ImportOutputs] | HeaderProposal }
  | { type: 'error'; code: ErrorCode; message: string };

/** Parent → worker: stop, roll back, and end with a 'cancelled' error. */
export type ToImportWorker = { type: 'cancel' };
