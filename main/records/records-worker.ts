import { serveJobs } from '../jobs/serve-job.js';
import { runRecordsJob, type RecordsJob } from './records-worker-job.js';

/*
 * The records worker: a bulk edit, a paste or an undo of many records is one transaction of
 * seconds (118,000 records: about 10 s), which here runs off the thread that answers the pages.
 */
serveJobs(
  (job: RecordsJob) => runRecordsJob(job),
  (job) => ({
    dbFile: job.dbFile,
    where: `records worker: ${job.kind}`,
    fallback: '批量写入记录失败，未做任何修改：请重试',
  }),
);
