import fs from 'node:fs';
import path from 'node:path';
import { TaizhangError } from '../store/errors.js';
import { checkExportTarget, type ExportTarget, type ExportXlsxOptions } from './export-options.js';
import type { ExportedSheet, ExportJobRequest, ExportJobResult, ExportPlan, ExportProgress } from './export-job.js';
import { commitTempFile, existingFileMessage, removeQuietly, tempPathIn } from './atomic-file.js';
import { cancelledError } from './export-cancelled.js';
import { openReadOnly } from './read-only-db.js';
import { resolveExport, type ResolvedExport } from './resolve-export.js';
import { runExportInWorker } from './export-in-worker.js';

export type { ExportXlsxOptions, SheetRequest } from './export-options.js';
export type { ExportProgress, ExportedSheet } from './export-job.js';

export interface ExportControl {
  /** Rows written so far of the total, every few hundred rows. */
  onProgress?(progress: ExportProgress): void;
  /** Aborting stops the export; nothing is left at the target and the temp file is removed. */
  signal?: AbortSignal;
}

export interface ExportResult {
  /** The file written. */
  file: string;
  rows: number;
  sheets: ExportedSheet[];
}

interface Target {
  dir: string;
  /** Unset when the target is a folder: the default file name is used there. */
  file?: string;
}

function resolveTarget(out: string, overwrite: boolean): Target {
  const resolved = path.resolve(out);
  const stat = fs.statSync(resolved, { throwIfNoEntry: false });
  if (stat?.isDirectory()) return { dir: resolved };
  if (!/\.xlsx$/i.test(resolved)) throw new TaizhangError('bad-request', `导出文件名应以 .xlsx 结尾：${resolved}`);
  const dir = path.dirname(resolved);
  if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new TaizhangError('bad-file', `保存位置不存在：${dir}`);
  }
  if (stat && !overwrite) throw new TaizhangError('conflict', existingFileMessage(resolved));
  if (stat && !stat.isFile()) throw new TaizhangError('bad-file', `保存位置已有同名的非普通文件：${resolved}`);
  return { dir, file: resolved };
}

/** Runs the job in the export worker; settles once the thread has ended. */
function runInWorker(
  request: ExportJobRequest,
  control: ExportControl,
  checkPlan: (plan: ExportPlan) => TaizhangError | null,
): Promise<ExportJobResult> {
  return runExportInWorker(request, { ...control, checkPlan, cancelled: cancelledError() });
}

/** An export its caller has already resolved against the ledger file it holds open. */
export interface ResolvedExportOptions extends ExportTarget {
  export: ResolvedExport;
}

/** Resolves the request against the ledger file, opened read-only for the moment it takes. */
function resolveFromFile(options: ExportXlsxOptions): ResolvedExport {
  const db = openReadOnly(options.dbFile, options.nativeBinding);
  try {
    return resolveExport(db, options);
  } finally {
    db.close();
  }
}

/**
 * Exports one ledger as an attachment table, or several as the sheets of one workbook, to an
 * .xlsx file. The work runs in a worker thread that reads the ledger file itself; the file appears
 * at the target only when complete, and an existing file is replaced only with `overwrite`.
 */
export async function exportLedgerXlsx(
  options: ExportXlsxOptions | ResolvedExportOptions,
  control: ExportControl = {},
): Promise<ExportResult> {
  checkExportTarget(options);
  const resolved = 'export' in options ? options.export : resolveFromFile(options);
  const overwrite = options.overwrite === true;
  const target = resolveTarget(options.out, overwrite);
  const file = target.file ?? path.join(target.dir, resolved.fileName);
  const taken = () =>
    !overwrite && fs.existsSync(file) ? new TaizhangError('conflict', existingFileMessage(file)) : null;
  const takenNow = taken();
  if (takenNow) throw takenNow;
  if (control.signal?.aborted) throw cancelledError();
  const tempPath = tempPathIn(target.dir);
  try {
    const request = {
      dbFile: path.resolve(options.dbFile),
      nativeBinding: options.nativeBinding,
      export: resolved,
      tempPath,
    };
    // Checked again once the rows are counted: the name may have been taken meanwhile.
    const result = await runInWorker(request, control, taken);
    commitTempFile(tempPath, file, overwrite);
    return { file, rows: result.rows, sheets: result.sheets };
  } finally {
    removeQuietly(tempPath);
  }
}
