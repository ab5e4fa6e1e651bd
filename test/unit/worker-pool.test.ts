import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WorkerPool, type WorkerPoolOptions } from '../../main/jobs/worker-pool.js';
import { TaizhangError } from '../../main/store/errors.js';
import type { FixtureRequest } from './worker-pool-fixture.js';

const FILE = fileURLToPath(new URL('./worker-pool-fixture.mjs', import.meta.url));

const pools: Array<WorkerPool<FixtureRequest, number, string>> = [];

function pool(options: Partial<WorkerPoolOptions> = {}) {
  const made = new WorkerPool<FixtureRequest, number, string>({
    file: () => FILE,
    limits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 },
    size: 1,
    idleMs: 0,
    cancelGraceMs: 0,
    text: { outOfMemory: '测试任务内存不足', cancelled: '测试任务已取消', failed: '测试任务失败', where: 'test' },
    ...options,
  });
  pools.push(made);
  return made;
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.dispose()));
});

async function failure(promise: Promise<unknown>): Promise<TaizhangError> {
  const error = await promise.then(
    () => new Error('the job should have failed'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TaizhangError);
  return error as TaizhangError;
}

/**
 * Cancels the job once it reports `progress` (the fixture's 'spinning' or 'listening'), so it is
 * known to be running when cancelled; `seen` collects every progress it reports.
 */
function cancelOn(progress: string, seen: string[] = []) {
  const controller = new AbortController();
  return {
    signal: controller.signal,
    onProgress(p: string) {
      seen.push(p);
      if (p === progress) controller.abort();
    },
  };
}

describe('a job in a worker pool', () => {
  it('answers with its result, after its progress', async () => {
    const progress: string[] = [];
    expect(await pool().run({ mode: 'add', a: 2, b: 3 }, { onProgress: (p) => progress.push(p) })).toBe(5);
    expect(progress).toEqual(['adding']);
  });

  it('passes on the job’s own error as it was worded', async () => {
    const error = await failure(pool().run({ mode: 'refuse' }));
    expect([error.code, error.message]).toEqual(['bad-request', '期间“2019H3”无法识别']);
  });

  it('words an unexpected error in Chinese, never the library’s English', async () => {
    const error = await failure(pool().run({ mode: 'throw' }));
    expect([error.code, error.message]).toEqual(['internal', '测试任务失败']);
  });

  it('fails alone, in the job’s own words, when the job outgrows its heap', async () => {
    const resident = pool({ idleMs: 60_000 });
    const error = await failure(
      resident.run({ mode: 'exhaust-heap' }, { text: { outOfMemory: '统计 2019 时内存不足' } }),
    );
    expect([error.code, error.message]).toEqual(['internal', '统计 2019 时内存不足']);
    // The pool starts a new thread for the next job.
    expect(await resident.run({ mode: 'add', a: 1, b: 1 })).toBe(2);
  }, 60_000);

  it('ends a job that never reads its messages at once when cancelled with no grace', async () => {
    const started = performance.now();
    const error = await failure(pool().run({ mode: 'spin' }, cancelOn('spinning')));
    expect([error.code, error.message]).toEqual(['cancelled', '测试任务已取消']);
    expect(performance.now() - started).toBeLessThan(10_000);
  }, 30_000);

  it('lets a job that listens stop by itself, and ends one that does not after the grace', async () => {
    const graceful = pool({ cancelGraceMs: 20_000 });
    const progress: string[] = [];
    const polite = graceful.run({ mode: 'wait-for-cancel' }, cancelOn('listening', progress));
    expect((await failure(polite)).code).toBe('cancelled');
    expect(progress).toEqual(['listening', 'stopped by itself']);

    const stubborn = pool({ cancelGraceMs: 500 }).run({ mode: 'spin' }, cancelOn('spinning'));
    expect((await failure(stubborn)).code).toBe('cancelled');
  }, 60_000);

  it('does not start a job already cancelled, and drops a waiting one when it is cancelled', async () => {
    const one = pool();
    const controller = new AbortController();
    controller.abort();
    expect((await failure(one.run({ mode: 'add', a: 1, b: 2 }, { signal: controller.signal }))).code).toBe('cancelled');

    // The waiting job is cancelled before the busy one can end, however short the busy one is.
    const busy = one.run({ mode: 'thread', ms: 200 });
    const waiting = new AbortController();
    const queued = one.run({ mode: 'add', a: 1, b: 2 }, { signal: waiting.signal });
    waiting.abort();
    expect((await failure(queued)).code).toBe('cancelled');
    expect(await busy).toBeGreaterThan(0);
  }, 30_000);

  it('keeps a thread for the jobs that come in a row, runs them in turn, and ends it when idle', async () => {
    // The pool's idle timer runs on a fake clock, so the test waits no real second and a busy
    // machine cannot end the thread between two jobs. The jobs themselves run on real time.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const resident = pool({ size: 1, idleMs: 1000 });
      const [first, second] = await Promise.all([
        resident.run({ mode: 'thread', ms: 200 }),
        resident.run({ mode: 'thread' }),
      ]);
      expect(second).toBe(first);
      vi.advanceTimersByTime(999);
      expect(await resident.run({ mode: 'thread' })).toBe(first);
      vi.advanceTimersByTime(1000);
      expect(await resident.run({ mode: 'thread' })).not.toBe(first);
    } finally {
      vi.useRealTimers();
    }
  }, 30_000);

  it('runs a thread per job when told to keep none', async () => {
    const perJob = pool({ idleMs: 0 });
    const first = await perJob.run({ mode: 'thread' });
    expect(await perJob.run({ mode: 'thread' })).not.toBe(first);
  }, 30_000);
});
