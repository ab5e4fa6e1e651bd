import type { ErrorCode } from '../store/errors.js';

/*
 * What a pool's worker threads and the thread that runs the pool say to each other. A worker
 * runs one job at a time; each job, named by its id, gets progress any number of times, then
 * exactly one done or error.
 */

/** Parent → worker. */
export type ToPoolWorker = { type: 'job'; id: number; input: unknown } | { type: 'cancel'; id: number };

/** Worker → parent. Errors travel as values: a TaizhangError's code and Chinese message. */
export type FromPoolWorker<Result, Progress = never> =
  | { type: 'progress'; id: number; progress: Progress }
  | { type: 'done'; id: number; result: Result }
  | { type: 'error'; id: number; code: ErrorCode; message: string };
