import { serveJobs } from '../jobs/serve-job.js';
import { runReportJob } from './report-worker-job.js';

/*
 * The report worker: counts a report's figures over the ledgers (and lays out its preview or
 * Word file) in its own thread, so a half-year summary of 300,000 records never holds up the
 * requests of other pages meanwhile.
 */
serveJobs(runReportJob, (input) => ({
  dbFile: input.dbFile,
  where: `report worker: ${input.job.kind}`,
  fallback: `统计台账失败，报告没有生成（期间 ${input.job.ref.period}）：请重试`,
}));
