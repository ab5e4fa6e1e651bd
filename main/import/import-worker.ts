import { serveJobs } from '../jobs/serve-job.js';
import { TaizhangError } from '../store/errors.js';
import { toUserError } from '../errors/user-message.js';
import { runImportJob } from './import-job.js';
import { proposeFromBase64 } from '../ledgers/header-to-definition.js';
import type { ImportWorkerInput, ImportWorkerProgress } from './worker-messages.js';

/*
 * The import worker: reads, checks and (when asked) writes one workbook in its own thread, so a
 * 300,000-row file never blocks the UI's API or the CLI. It opens the ledger file itself; WAL lets
 * the caller's connection keep reading meanwhile. Every workbook the app reads is read here, a
 * header for a new ledger type too, so a hostile file meets the thread's bounded heap and never
 * the API's thread.
 */

function dbFileOf(input: ImportWorkerInput): string | undefined {
  return 'request' in input ? input.request.dbFile : undefined;
}

async function run(
  input: ImportWorkerInput,
  signals: { signal: AbortSignal; onProgress(p: ImportWorkerProgress): void },
) {
  try {
    if ('header' in input) return await proposeFromBase64(input.header.data, input.header.fileName, input.header.sheet);
    return await runImportJob(input.request, signals);
  } catch (error) {
    if (error instanceof TaizhangError) throw error;
    // Whatever failed, the import's one transaction was never committed: the line says so.
    const failure = toUserError(error, { dbFile: dbFileOf(input), where: 'import worker' });
    throw new TaizhangError(failure.code, `导入失败，未导入任何记录：${failure.message}`);
  }
}

serveJobs(run, (input) => ({
  dbFile: dbFileOf(input),
  where: 'import worker',
  fallback: '导入失败，未导入任何记录：请重试',
}));
