import { serveJobs } from '../jobs/serve-job.js';
import { runSubmissionJob } from './submission-worker-job.js';

/*
 * The submission worker: writes a submission's tables, reports, manifest and .zip, and hashes them
 * again on demand, so the thread that answers the pages never packs or reads those bytes.
 */
serveJobs(
  (job: Parameters<typeof runSubmissionJob>[0], { signal }) => runSubmissionJob(job, signal),
  (job) => ({
    dbFile: job.kind === 'generate' ? job.request.dbFile : job.dbFile,
    where: `submission worker: ${job.kind}`,
    fallback: job.kind === 'generate' ? '报送文件生成失败：请重试；如仍失败请联系维护人员' : '核对报送文件失败：请重试',
  }),
);
