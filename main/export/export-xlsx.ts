import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { TaizhangError } from '../store/errors.js';
import { toUserError } from '../errors/user-message.js';
import { checkExportOptions, type ExportXlsxOptions } from './export-options.js';
import type { ExportedSheet, ExportJobRequest, ExportJobResult, ExportPlan, ExportProgress } from './export-job.js';
import { commitTempFile, existingFileMessage, removeQuietly, tempPathIn } from './atomic-file.js';
import { cancelledError } from './xlsx-writer.js';
import { exportWorkerFile } from './worker-entry.js';
import type { FromWorker, ToWorker, WorkerInput } from './worker-messages.js';

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

/** How long a cancelled worker gets to stop by itself before its thread is ended. */
const CANCEL_GRACE_MS = 5000;

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
  return new Promise((resolve, reject) => {
    const worker = new Worker(exportWorkerFile(), { workerData: { request } satisfies WorkerInput });
    let result: ExportJobResult | null = null;
    let failure: TaizhangError | null = null;
    let stopReason: TaizhangError | null = null;
    let killTimer: NodeJS.Timeout | undefined;

    const stop = (reason: TaizhangError) => {
      if (stopReason) return;
      stopReason = reason;
      worker.postMessage({ type: 'cancel' } satisfies ToWorker);
      killTimer = setTimeout(() => void worker.terminate(), CANCEL_GRACE_MS);
    };
    const onAbort = () => stop(cancelledError());
    control.signal?.addEventListener('abort', onAbort, { once: true });

    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'plan': {
          const problem = checkPlan(message.plan);
          if (problem) stop(problem);
          break;
        }
        case 'progress':
          if (!stopReason) control.onProgress?.(message.progress);
          break;
        case 'done':
          result = message.result;
          void worker.terminate();
          break;
        case 'error':
          failure = new TaizhangError(message.code, message.message);
          void worker.terminate();
          break;
      }
    });
    worker.on('error', (error) => {
      failure ??= toUserError(error, { dbFile: request.dbFile, where: 'export worker' });
    });
    worker.on('exit', (code) => {
      clearTimeout(killTimer);
      control.signal?.removeEventListener('abort', onAbort);
      if (stopReason) reject(stopReason);
      else if (failure) reject(failure);
      else if (result) resolve(result);
      else reject(new TaizhangError('internal', `导出线程意外结束（退出码 ${code}），未生成文件`));
    });
  });
}

/**
 * Exports one ledger as an attachment table, or several as the sheets of one workbook, to an
 * .xlsx file. The work runs in a worker thread that reads the ledger file itself; the file appears
 * at the target only when complete, and an existing file is replaced only with `overwrite`.
 */
export async function exportLedgerXlsx(options: ExportXlsxOptions, control: ExportControl = {}): Promise<ExportResult> {
  checkExportOptions(options);
  const overwrite = options.overwrite === true;
  const target = resolveTarget(options.out, overwrite);
  if (control.signal?.aborted) throw cancelledError();
  const tempPath = tempPathIn(target.dir);
  const fileFor = (fileName: string) => target.file ?? path.join(target.dir, fileName);
  try {
    const result = await runInWorker(
      { ...options, dbFile: path.resolve(options.dbFile), tempPath },
      control,
      (plan) => {
        const file = fileFor(plan.fileName);
        return !overwrite && fs.existsSync(file) ? new TaizhangError('conflict', existingFileMessage(file)) : null;
      },
    );
    const file = fileFor(result.fileName);
    commitTempFile(tempPath, file, overwrite);
    return { file, rows: result.rows, sheets: result.sheets };
  } finally {
    removeQuietly(tempPath);
  }
}
