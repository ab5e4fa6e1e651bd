import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../store/database.js';
import { TaizhangError } from '../store/errors.js';
import { getLedgerDefinition } from '../store/ledger-types.js';
import { resolveUnit } from '../store/units.js';
import { getReportType } from '../reports/report-types.js';
import { APP_VERSION } from '../version.js';
import { parsePeriod, PERIOD_HELP } from '../../shared/period.js';
import type { Submission } from '../../shared/submission-api.js';
import { beginSubmission, failSubmission, finishSubmission, getSubmission } from './submission-store.js';
import { runInSubmissionWorker } from './submission-in-worker.js';
import { failAbandonedSubmissions } from './abandoned.js';

export interface SubmitRequest {
  period: string;
  ledgers: string[];
  reports: string[];
  /** An absolute folder; the submission's own folder is made inside it. */
  out: string;
  zip: boolean;
  unit?: { id?: number; name?: string };
  operator: string;
}

export interface SubmitHost {
  db: Db;
  dbFile: string;
  nativeBinding?: string;
  /** How this host writes to the ledger: the app queues behind its other saves, the CLI writes at once. */
  write?<T>(write: () => T): Promise<T>;
  signal?: AbortSignal;
}

function distinct(keys: string[]): string[] {
  return [...new Set(keys)];
}

/** The output folder: made when only its last level is missing (a USB stick not plugged in is not made up). */
function readyOutFolder(folder: string): void {
  const stat = fs.statSync(folder, { throwIfNoEntry: false });
  if (stat?.isDirectory()) return;
  if (stat) throw new TaizhangError('bad-file', `${folder} 是文件而不是文件夹：请换一个保存报送文件的文件夹`);
  if (!fs.existsSync(path.dirname(folder))) {
    throw new TaizhangError(
      'bad-file',
      `报送文件夹 ${folder} 不存在，其上级文件夹也不存在：请插入移动存储设备或换一个文件夹`,
    );
  }
  fs.mkdirSync(folder);
}

/**
 * Makes a submission: records it (which locks the records of its ledgers, unit and period), writes
 * its tables, reports, manifest.json and .zip in the submission worker, then keeps the manifest's
 * hash. If the files cannot be written the submission is marked failed and its lock lifted.
 */
export async function submit(host: SubmitHost, request: SubmitRequest): Promise<Submission> {
  const { db } = host;
  const write = host.write ?? (<T>(fn: () => T) => Promise.resolve(fn()));
  const period = parsePeriod(request.period);
  if (!period) throw new TaizhangError('bad-request', `无法识别的期间“${request.period}”。${PERIOD_HELP}`);
  const ledgers = distinct(request.ledgers);
  if (ledgers.length === 0) throw new TaizhangError('bad-request', '请至少选择一个要报送的台账');
  for (const ledger of ledgers) getLedgerDefinition(db, ledger);
  const reports = distinct(request.reports);
  for (const report of reports) getReportType(db, report);
  const unit = resolveUnit(db, request.unit ?? {});
  const parent = path.resolve(request.out);
  readyOutFolder(parent);
  await write(() => failAbandonedSubmissions(db, request.operator));
  const begun = await write(() =>
    beginSubmission(db, { unit, period, ledgers, reports, parent, zip: request.zip, operator: request.operator }),
  );
  try {
    const result = await runInSubmissionWorker(
      {
        kind: 'generate',
        request: {
          dbFile: host.dbFile,
          nativeBinding: host.nativeBinding,
          submission: begun.id,
          unitId: unit.id,
          unitName: unit.name,
          period: period.code,
          ledgers,
          reports,
          folder: begun.folder,
          zip: begun.zip,
          operator: request.operator,
          createdAt: begun.createdAt,
          appVersion: APP_VERSION,
        },
      },
      { signal: host.signal },
    );
    await write(() => finishSubmission(db, begun.id, result, request.operator));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    await write(() => failSubmission(db, begun.id, why, request.operator));
    throw error;
  }
  return getSubmission(db, begun.id);
}
