import { exportLedgerXlsx, type ExportResult } from '../../main/export/export-xlsx.js';

export interface ExportRun {
  result: ExportResult;
  /** Highest resident set size sampled during the export (the worker thread is in this process). */
  peakRss: number;
}

/**
 * Exports a ledger through the real path (worker thread, streaming writer, temp file and rename)
 * while sampling the process's memory every 20 ms.
 */
export async function runExport(dbFile: string, ledger: string, out: string): Promise<ExportRun> {
  let peakRss = process.memoryUsage().rss;
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 20);
  try {
    const result = await exportLedgerXlsx(
      { dbFile, sheets: [{ ledger }], out, attachmentNo: 1 },
      { onProgress: sample },
    );
    sample();
    return { result, peakRss };
  } finally {
    clearInterval(timer);
  }
}
