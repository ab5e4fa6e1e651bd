import { parentPort, workerData } from 'node:worker_threads';
import { TaizhangError } from '../store/errors.js';
import { runImportJob } from './import-job.js';
import type { FromImportWorker, ImportWorkerInput, ToImportWorker } from './worker-messages.js';

/*
 * The import worker: reads, checks and (when asked) writes one workbook in its own thread, so a
 * 300,000-row file never blocks the UI's API or the CLI. It opens the ledger file itself; WAL lets
 * the caller's connection keep reading meanwhile.
 */

const port = parentPort;
if (!port) throw new Error('import-worker must be started as a worker thread');

const send = (message: FromImportWorker) => port.postMessage(message);

const cancel = new AbortController();
port.on('message', (message: ToImportWorker) => {
  if (message.type === 'cancel') cancel.abort();
});

async function main(): Promise<void> {
  const { request } = workerData as ImportWorkerInput;
  try {
    const output = await runImportJob(request, {
      signal: cancel.signal,
      onProgress: (p) => send({ type: 'progress', ...p }),
    });
    send({ type: 'done', output });
  } catch (error) {
    if (error instanceof TaizhangError) send({ type: 'error', code: error.code, message: error.message });
    else
      send({
        type: 'error',
        code: 'internal',
        message: `导入失败，未导入任何记录：${error instanceof Error ? error.message : String(error)}`,
      });
  }
}

// The parent ends the thread once it has the final message.
void main();
