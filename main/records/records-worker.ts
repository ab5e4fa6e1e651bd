import { serveJobs } from '../jobs/serve-job.js';
import { runRecordsJob, type RecordsJob } from './records-worker-job.js';
import { runRecordsRead, type RecordsRead } from './records-read-job.js';

/*
 * The records worker: a bulk edit, a paste or an undo of many records is one transaction of
 * seconds (118,000 records: about 10 s), which here runs off the thread that answers the pages.
 * The same script serves the reader pool: the grid's blocks and totals, a search or a sort by text
 * over 300,000 records taking up to a second.
 */
const READS = new Set(['query', 'totals']);
const isRead = (job: RecordsJob | RecordsRead): job is RecordsRead => READS.has(job.kind);

serveJobs(
  (job: RecordsJob | RecordsRead) => (isRead(job) ? runRecordsRead(job) : runRecordsJob(job)),
  (job) => ({
    dbFile: job.dbFile,
    where: `records worker: ${job.kind}`,
    fallback: isRead(job) ? '读取记录失败：请重试' : '批量写入记录失败，未做任何修改：请重试',
  }),
);
