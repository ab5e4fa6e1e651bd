import type { ReadonlyDb } from '../store/readonly-db.js';
import type { ReportContent } from '../../shared/report-draft.js';
import { openReadOnly } from '../export/read-only-db.js';
import { draftDocx, draftFigures, draftPreview, figureRecords, type DraftRef } from './report-service.js';

/** What the report worker is asked to count from the ledgers; each only reads. */
export type ReportJob =
  | { kind: 'figures'; ref: DraftRef }
  | { kind: 'figureRecords'; ref: DraftRef; figure: string; page: number; pageSize: number }
  | { kind: 'preview'; ref: DraftRef; content?: ReportContent; highlightFigures?: boolean }
  | { kind: 'docx'; ref: DraftRef; content?: ReportContent };

export interface ReportOutputs {
  figures: ReturnType<typeof draftFigures>;
  figureRecords: ReturnType<typeof figureRecords>;
  preview: ReturnType<typeof draftPreview>;
  docx: { fileName: string; base64: string; size: number };
}

/** What the report worker is started with. */
export interface ReportWorkerInput {
  dbFile: string;
  /** better-sqlite3 built for Electron's ABI, when started from Electron's main process. */
  nativeBinding?: string;
  job: ReportJob;
}

async function compute(db: ReadonlyDb, job: ReportJob): Promise<ReportOutputs[ReportJob['kind']]> {
  switch (job.kind) {
    case 'figures':
      return draftFigures(db, job.ref);
    case 'figureRecords':
      return figureRecords(db, job.ref, job.figure, job.page, job.pageSize);
    case 'preview':
      return draftPreview(db, job.ref, job.content, { highlightFigures: job.highlightFigures });
    case 'docx': {
      // Encoded here, so the thread that answers requests only passes the text on.
      const { fileName, bytes } = await draftDocx(db, job.ref, job.content);
      return { fileName, base64: bytes.toString('base64'), size: bytes.length };
    }
  }
}

/** Runs in the report worker: opens the ledger file read-only for this one job. */
export async function runReportJob(input: ReportWorkerInput): Promise<ReportOutputs[ReportJob['kind']]> {
  const db = openReadOnly(input.dbFile, input.nativeBinding);
  try {
    return await compute(db, input.job);
  } finally {
    db.close();
  }
}
