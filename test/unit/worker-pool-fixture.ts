import { threadId } from 'node:worker_threads';
import { serveJobs } from '../../main/jobs/serve-job.js';
import { TaizhangError } from '../../main/store/errors.js';

/** A pool worker for test/unit/worker-pool.test.ts: does what its request names. */
export type FixtureRequest =
  | { mode: 'add'; a: number; b: number }
  | { mode: 'thread'; ms?: number }
  | { mode: 'refuse' }
  | { mode: 'throw' }
  | { mode: 'exhaust-heap' }
  | { mode: 'spin' }
  | { mode: 'wait-for-cancel' };

const hoard: unknown[] = [];

serveJobs<FixtureRequest, number, string>(
  async (request, signals) => {
    switch (request.mode) {
      case 'add':
        signals.onProgress('adding');
        return request.a + request.b;
      case 'thread':
        await new Promise((resolve) => setTimeout(resolve, request.ms ?? 0));
        return threadId;
      case 'refuse':
        throw new TaizhangError('bad-request', '期间“2019H3”无法识别');
      case 'throw':
        throw new Error('something inside went wrong');
      case 'exhaust-heap':
        for (;;) hoard.push(new Array(100_000).fill({ hoard: hoard.length }));
      case 'spin':
        // Said before it starts, so the test cancels a job known to be running, not after a guess.
        signals.onProgress('spinning');
        // Synchronous work that never reads its messages, as a long SQLite query does.
        for (;;);
      case 'wait-for-cancel': {
        const aborted = new Promise((resolve) => signals.signal.addEventListener('abort', resolve));
        signals.onProgress('listening');
        await aborted;
        signals.onProgress('stopped by itself');
        throw new TaizhangError('cancelled', '已停止');
      }
    }
  },
  () => ({ where: 'worker-pool fixture', fallback: '测试任务失败' }),
);
