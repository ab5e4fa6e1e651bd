import { parentPort } from 'node:worker_threads';
import { toUserError, type FailureContext } from '../errors/user-message.js';
import type { FromPoolWorker, ToPoolWorker } from './worker-protocol.js';

export interface JobSignals<Progress> {
  /** Aborted when the parent cancels; a job that checks it can stop early and clean up. */
  signal: AbortSignal;
  onProgress(progress: Progress): void;
}

/**
 * The worker side of WorkerPool: runs each job the parent sends, one at a time, and sends back
 * its result or its error as a value, worded by the one error table. `context` names the file and
 * the line for a failure the table does not know.
 */
export function serveJobs<Input, Result, Progress = never>(
  run: (input: Input, signals: JobSignals<Progress>) => Result | Promise<Result>,
  context: (input: Input) => FailureContext,
): void {
  const port = parentPort;
  if (!port) throw new Error('a pool worker must be started as a worker thread');
  const send = (message: FromPoolWorker<Result, Progress>) => port.postMessage(message);
  const running = new Map<number, AbortController>();
  port.on('message', (message: ToPoolWorker) => {
    if (message.type === 'cancel') {
      running.get(message.id)?.abort();
      return;
    }
    const { id } = message;
    const input = message.input as Input;
    const cancel = new AbortController();
    running.set(id, cancel);
    const signals: JobSignals<Progress> = {
      signal: cancel.signal,
      onProgress: (progress) => send({ type: 'progress', id, progress }),
    };
    void (async () => {
      try {
        send({ type: 'done', id, result: await run(input, signals) });
      } catch (error) {
        const failure = toUserError(error, context(input));
        send({ type: 'error', id, code: failure.code, message: failure.message });
      } finally {
        running.delete(id);
      }
    })();
  });
}
