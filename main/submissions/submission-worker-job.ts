import { openReadOnly } from '../export/read-only-db.js';
import { checkSubmissionFiles, type SubmissionFilesCheck } from './check-files.js';
import { generateSubmission, type GenerateRequest, type GenerateResult } from './generate.js';

/** What the submission worker is asked to do: write a submission's files, or check them. */
export type SubmissionJob =
  | { kind: 'generate'; request: GenerateRequest }
  | { kind: 'verify'; dbFile: string; nativeBinding?: string; id?: number };

export interface SubmissionOutputs {
  generate: GenerateResult;
  verify: SubmissionFilesCheck[];
}

/** Runs in the submission worker. */
export async function runSubmissionJob(
  job: SubmissionJob,
  signal?: AbortSignal,
): Promise<SubmissionOutputs[SubmissionJob['kind']]> {
  if (job.kind === 'generate') return generateSubmission(job.request, signal);
  const db = openReadOnly(job.dbFile, job.nativeBinding);
  try {
    return checkSubmissionFiles(db, job.id);
  } finally {
    db.close();
  }
}
