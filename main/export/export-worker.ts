import { serveJobs } from '../jobs/serve-job.js';
import { runExportJob } from './export-job.js';
import type { ExportWorkerProgress, WorkerInput } from './worker-messages.js';

/*
 * The export worker: runs export jobs in its own thread, so a 300,000-row table never blocks
 * the UI or the CLI's signal handling. It opens the ledger file itself, read-only. A cancel
 * stops a job at the next batch of rows; the job then removes its temp file.
 */
serveJobs<WorkerInput, Awaited<ReturnType<typeof runExportJob>>, ExportWorkerProgress>(
  ({ request }, { signal, onProgress }) =>
    runExportJob(request, {
      onPlan: (plan) => onProgress({ plan }),
      onProgress: (progress) => onProgress({ progress }),
      isCancelled: () => signal.aborted,
    }),
  ({ request }) => ({ dbFile: request.dbFile, where: 'export worker' }),
);
