import { serveJobs } from '../jobs/serve-job.js';
import { runArchiveJob } from './archive-worker-job.js';

/*
 * The archive worker: backs up, restores, inspects and checks (四性检测) ledgers in its own thread,
 * so copying and hashing hundreds of megabytes never holds up the requests of the pages meanwhile.
 */
const WHAT = { backup: '备份', restore: '恢复', inspect: '读取备份', verify: '四性检测' } as const;

serveJobs(runArchiveJob, ({ job }) => ({
  dbFile: job.kind === 'backup' || job.kind === 'verify' ? job.dbFile : undefined,
  where: `archive worker: ${job.kind}`,
  fallback: `${WHAT[job.kind]}失败：请重试；如仍失败请联系维护人员`,
}));
