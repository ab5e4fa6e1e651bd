import type { ApiOutput } from '../../shared/api.js';
import { TaizhangError } from '../store/errors.js';

/*
 * What an import thread reports and what the page is told of it. Kept apart from the import job
 * so the host can read an outcome without loading the workbook machinery (exceljs among it).
 */

type ImportOutcome = ApiOutput<'import.commit'>;

export interface ImportReport extends ImportOutcome {
  blocking: string[];
  warnings: string[];
  /** The rejected and conflicting rows with 错误原因, as .xlsx bytes, when asked for and not blocked. */
  rejectedXlsx?: Uint8Array;
}

/** What the page is told of a commit: an import that something blocks is an error naming it. */
export function importOutcome(report: ImportReport): ImportOutcome {
  if (report.blocking.length > 0) {
    throw new TaizhangError('validation', `未导入任何记录：${report.blocking.join('；')}`);
  }
  return { imported: report.imported, skipped: report.skipped, rejected: report.rejected, conflicts: report.conflicts };
}
