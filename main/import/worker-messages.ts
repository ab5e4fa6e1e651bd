import type { ImportJobRequest } from './import-job.js';

/** A workbook whose header row is to become a new ledger type (ledgerTypes.fromXlsxHeader). */
export interface HeaderRequest {
  /** The file's bytes as base64, as the API receives them. */
  data: string;
  fileName?: string;
  sheet: number;
}

/** What the import thread is given for one job: an import, or a header to read. */
export type ImportWorkerInput = { request: ImportJobRequest } | { header: HeaderRequest };

/** How far an import has read, sent as the sheet is read. */
export interface ImportWorkerProgress {
  rowsRead: number;
  fraction: number;
}
