import { Worker, type ResourceLimits } from 'node:worker_threads';
import { TaizhangError } from '../store/errors.js';
import { toUserError } from '../errors/user-message.js';
import type { FromPoolWorker, ToPoolWorker } from './worker-protocol.js';

/** The Chinese lines a pool's failures are told in; each names the work ("统计台账" …). */
export interface WorkerPoolText {
  /** A job outgrew the heap its thread was given. */
  outOfMemory: string;
  /** A job was cancelled through its signal. */
  cancelled: string;
  /** A thread failed outside the job's own error handling (its detail goes to the log). */
  failed: string;
  /** Where, for the log: the pool's name, never a job's data. */
  where: string;
}

export interface WorkerPoolOptions {
  /** The worker script (see findWorkerFile); asked for when the first thread starts. */
  file: () => string;
  /** A cap on each thread's heap, so one oversized job fails alone instead of ending the process. */
  limits: ResourceLimits;
  /** Jobs run at once, one per thread; the others wait their turn in order. */
  size: number;
  /**
   * How long a thread waits for its next job before it ends. 0 ends it after each job (a thread per
   * job, for long jobs that keep state); more keeps start-up off short jobs that come in a row.
   * A waiting thread never keeps the process alive.
   */
  idleMs: number;
  /**
   * How long a cancelled job may take to stop by itself (cleaning up, rolling back) before its
   * thread is ended outright. 0 ends it at once, for jobs that only read.
   */
  cancelGraceMs: number;
  text: WorkerPoolText;
}

export interface JobWatch<Progress> {
  signal?: AbortSignal;
  onProgress?(progress: Progress): void;
  /** Lines that name this job (its period, its file) instead of the pool's own. */
  text?: Partial<WorkerPoolText>;
}

interface Job<Result, Progress> {
  id: number;
  input: unknown;
  watch: JobWatch<Progress>;
  text: WorkerPoolText;
  resolve(result: Result): void;
  reject(error: TaizhangError): void;
  /** Set once the job has failed or been cancelled; a later answer does not change it. */
  failure?: TaizhangError;
  result?: { value: Result };
  onAbort?: () => void;
  backstop?: NodeJS.Timeout;
}

interface Slot<Result, Progress> {
  worker: Worker;
  job: Job<Result, Progress> | null;
  idle?: NodeJS.Timeout;
  /** Ended for being idle: takes no job, though it counts until it has exited. */
  closing?: boolean;
}

/**
 * Runs jobs in worker threads, so the thread that answers the UI is never the one working. Each
 * job settles with its result or a TaizhangError in one Chinese line, whatever happened to its
 * thread; a thread that fails takes only its own job with it.
 */
export class WorkerPool<Input, Result, Progress = never> {
  private readonly slots = new Set<Slot<Result, Progress>>();
  private readonly queue: Array<Job<Result, Progress>> = [];
  private nextId = 1;

  constructor(private readonly options: WorkerPoolOptions) {}

  run(input: Input, watch: JobWatch<Progress> = {}): Promise<Result> {
    const text = { ...this.options.text, ...watch.text };
    if (watch.signal?.aborted) return Promise.reject(new TaizhangError('cancelled', text.cancelled));
    return new Promise<Result>((resolve, reject) => {
      const job: Job<Result, Progress> = { id: this.nextId++, input, watch, text, resolve, reject };
      job.onAbort = () => this.cancel(job);
      watch.signal?.addEventListener('abort', job.onAbort, { once: true });
      this.queue.push(job);
      this.pump();
    });
  }

  /** Ends every thread; their jobs and those waiting fail as cancelled. */
  async dispose(): Promise<void> {
    for (const job of this.queue.splice(0)) this.settle(job, new TaizhangError('cancelled', job.text.cancelled));
    await Promise.all(
      [...this.slots].map((slot) => {
        if (slot.job) slot.job.failure ??= new TaizhangError('cancelled', slot.job.text.cancelled);
        return slot.worker.terminate();
      }),
    );
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = [...this.slots].find((s) => s.job === null && !s.closing);
      if (!slot) {
        if (this.slots.size >= this.options.size) return;
        try {
          slot = this.start();
        } catch (error) {
          const job = this.queue.shift()!;
          this.settle(job, toUserError(error, { where: job.text.where, fallback: job.text.failed }));
          continue;
        }
      }
      this.give(slot, this.queue.shift()!);
    }
  }

  private start(): Slot<Result, Progress> {
    const worker = new Worker(this.options.file(), { resourceLimits: this.options.limits });
    const slot: Slot<Result, Progress> = { worker, job: null };
    this.slots.add(slot);
    worker.on('message', (message: FromPoolWorker<Result, Progress>) => this.answer(slot, message));
    worker.on('error', (error: Error & { code?: string }) => {
      const job = slot.job;
      if (!job) return;
      job.failure ??=
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new TaizhangError('internal', job.text.outOfMemory)
          : toUserError(error, { where: job.text.where, fallback: job.text.failed });
    });
    worker.on('exit', (code) => {
      this.slots.delete(slot);
      clearTimeout(slot.idle);
      const job = slot.job;
      if (job) {
        const ended = new TaizhangError('internal', `${job.text.failed}（线程意外结束，退出码 ${code}）`);
        this.settle(job, job.failure ?? (job.result ? undefined : ended));
      }
      this.pump();
    });
    return slot;
  }

  private give(slot: Slot<Result, Progress>, job: Job<Result, Progress>): void {
    clearTimeout(slot.idle);
    slot.job = job;
    slot.worker.ref();
    slot.worker.postMessage({ type: 'job', id: job.id, input: job.input } satisfies ToPoolWorker);
  }

  private answer(slot: Slot<Result, Progress>, message: FromPoolWorker<Result, Progress>): void {
    const job = slot.job;
    if (!job || message.id !== job.id) return;
    if (message.type === 'progress') {
      job.watch.onProgress?.(message.progress);
      return;
    }
    if (message.type === 'done') job.result = { value: message.result };
    else job.failure ??= new TaizhangError(message.code, message.message);
    if (this.options.idleMs <= 0) {
      // A thread per job: the job settles when its thread has ended, so nothing of it outlives the answer.
      void slot.worker.terminate();
      return;
    }
    slot.job = null;
    this.settle(job);
    slot.worker.unref();
    slot.idle = setTimeout(() => {
      slot.closing = true;
      void slot.worker.terminate();
    }, this.options.idleMs);
    slot.idle.unref();
    this.pump();
  }

  private cancel(job: Job<Result, Progress>): void {
    const { cancelGraceMs } = this.options;
    job.failure ??= new TaizhangError('cancelled', job.text.cancelled);
    const waiting = this.queue.indexOf(job);
    if (waiting >= 0) {
      this.queue.splice(waiting, 1);
      this.settle(job);
      return;
    }
    const slot = [...this.slots].find((s) => s.job === job);
    if (!slot) return;
    if (cancelGraceMs <= 0) {
      void slot.worker.terminate();
      return;
    }
    slot.worker.postMessage({ type: 'cancel', id: job.id } satisfies ToPoolWorker);
    job.backstop = setTimeout(() => void slot.worker.terminate(), cancelGraceMs);
  }

  /** Settles a job once, with its failure if it has one (a cancel that raced the answer still counts). */
  private settle(job: Job<Result, Progress>, failure = job.failure): void {
    clearTimeout(job.backstop);
    if (job.onAbort) job.watch.signal?.removeEventListener('abort', job.onAbort);
    job.onAbort = undefined;
    if (failure) job.reject(failure);
    else if (job.result) job.resolve(job.result.value);
  }
}
