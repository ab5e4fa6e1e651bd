import { runExport } from './export.js';

/*
 * One measured export, in a process of its own (started by index.ts), so its peak memory is the
 * export's: the app runs it in a worker thread of a process that holds little else, while the
 * bench's own process holds what writing the CSV floor left behind (230 MB before the export).
 * `export-run.ts LEDGER_FILE LEDGER OUT`; reports to the parent.
 */

export interface ExportRunReport {
  rows: number;
  file: string;
  ms: number;
  /** This process, all threads. */
  cpuMs: number;
  baselineRss: number;
  /** The highest RSS of the process, the export's worker thread included. */
  maxRss: number;
}

const [dbFile, ledger, out] = process.argv.slice(2);
const baselineRss = process.memoryUsage().rss;
const cpu = process.cpuUsage();
const start = performance.now();
const run = await runExport(dbFile!, ledger!, out!);
const ms = performance.now() - start;
const used = process.cpuUsage(cpu);
const report: ExportRunReport = {
  rows: run.result.rows,
  file: run.result.file,
  ms,
  cpuMs: (used.user + used.system) / 1000,
  baselineRss,
  maxRss: Math.max(run.peakRss, process.resourceUsage().maxRSS * 1024),
};
process.send?.(report);
