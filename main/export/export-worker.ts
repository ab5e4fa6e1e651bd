import { parentPort, workerData } from 'node:worker_threads';
import { toUserError } from '../errors/user-message.js';
import { runExportJob } from './export-job.js';
import type { FromWorker, ToWorker, WorkerInput } from './worker-messages.js';

/*
 * The export worker: runs one export job in its own thread, so a 300,000-row table never blocks
 * the UI or the CLI's signal handling. It opens the ledger file itself, read-only. A 'cancel'
 * message stops it at the next batch of rows; the job then removes its temp file.
 */

const port = parentPort;
if (!port) throw new Error('export-worker must be started as a worker thread');

let cancelled = false;
port.on('message', (message: ToWorker) => {
  if (message.type === 'cancel') cancelled = true;
});

const send = (message: FromWorker) => port.postMessage(message);

async function main(): Promise<void> {
  const { request } = workerData as WorkerInput;
  try {
    const result = await runExportJob(request, {
      onPlan: (plan) => send({ type: 'plan', plan }),
      onProgress: (progress) => send({ type: 'progress', progress }),
      isCancelled: () => cancelled,
    });
    send({ type: 'done', result });
  } catch (error) {
    const failure = toUserError(error, { dbFile: request.dbFile, where: 'export worker' });
    send({ type: 'error', code: failure.code, message: failure.message });
  }
}

// The parent ends the thread once it has the final message.
void main();
