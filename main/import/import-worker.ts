import { parentPort, workerData } from 'node:worker_threads';
import { TaizhangError } from '../store/errors.js';
import { toUserError } from '../errors/user-message.js';
import { runImportJob } from './import-job.js';
import { proposeFromBase64 } from '../ledgers/header-to-definition.js';
import type { FromImportWorker, ImportWorkerInput, ToImportWorker } from './worker-messages.js';

/*
 * The import worker: reads, checks and (when asked) writes one workbook in its own thread, so a
 * 300,000-row file never blocks the UI's API or the CLI. It opens the ledger file itself; WAL lets
 * the caller's connection keep reading meanwhile. Every workbook the app reads is read here, a
 * header for a new ledger type too, so a hostile file meets the thread's bounded heap and never
 * the API's thread.
 */

const port = parentPort;
if (!port) throw new Error('import-worker must be started as a worker thread');

const send = (message: FromImportWorker) => port.postMessage(message);

const cancel = new AbortController();
port.on('message', (message: ToImportWorker) => {
  if (message.type === 'cancel') cancel.abort();
});

async function main(): Promise<void> {
  const input = workerData as ImportWorkerInput;
  const dbFile = 'request' in input ? input.request.dbFile : undefined;
  try {
    const output =
      'header' in input
        ? await proposeFromBase64(input.header.data, input.header.fileName, input.header.sheet)
        : await runImportJob(input.request, {
            signal: cancel.signal,
            onProgress: (p) => send({ type: 'progress', ...p }),
          });
    send({ type: 'done', output });
  } catch (error) {
    if (error instanceof TaizhangError) send({ type: 'error', code: error.code, message: error.message });
    else {
      const failure = toUserError(error, { dbFile, where: 'import worker' });
      send({ type: 'error', code: failure.code, message: `导入失败，未导入任何记录：${failure.message}` });
    }
  }
}

// The parent ends the thread once it has the final message.
void main();
