import type { Db } from './database.js';
import { TaizhangError } from './errors.js';
import { runningImportLine } from './import-batches.js';

/*
 * The app's saves on its own thread. better-sqlite3 is synchronous: a write that meets the lock of
 * another connection (an import worker, the CLI) would sleep in SQLite's busy handler and freeze
 * every request meanwhile. Here a write that finds the lock taken gives it back at once and tries
 * again after a short timer, and the writes of one connection run one after another, in order.
 */

const FIRST_RETRY_MS = 2;
const LONGEST_RETRY_MS = 25;
/** How long a save waits its turn before the user is told why it cannot be made now. */
export const WRITE_WAIT_MS = 10_000;

const tails = new WeakMap<Db, Promise<unknown>>();

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

type Attempt<T> = { done: true; value: T } | { done: false };

/** One try with SQLite's busy handler off: a taken lock fails the try instead of blocking the thread. */
function attempt<T>(db: Db, write: () => T): Attempt<T> {
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    return { done: true, value: write() };
  } catch (error) {
    if (isBusy(error)) return { done: false };
    throw error;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}

function busyError(db: Db, waitMs: number): TaizhangError {
  const importing = runningImportLine(db);
  return new TaizhangError(
    'busy',
    importing
      ? `${importing}，完成后再保存`
      : `台账文件 ${db.name} 正被其他程序写入，${Math.round(waitMs / 1000)} 秒内未能保存，请稍后再保存`,
  );
}

async function writeWhenFree<T>(db: Db, write: () => T, waitMs: number): Promise<T> {
  const started = performance.now();
  let wait = FIRST_RETRY_MS;
  for (;;) {
    const tried = attempt(db, write);
    if (tried.done) return tried.value;
    if (performance.now() - started >= waitMs) throw busyError(db, waitMs);
    await new Promise((resolve) => setTimeout(resolve, wait));
    wait = Math.min(wait * 2, LONGEST_RETRY_MS);
  }
}

/**
 * Runs `write` (synchronous, one transaction: all of it or nothing) after the writes queued before
 * it on this connection, retrying while another connection holds the lock. Fails with code `busy`
 * and one Chinese line, naming the import and how far it has got, if the lock stays taken.
 */
export function queuedWrite<T>(db: Db, write: () => T, options: { waitMs?: number } = {}): Promise<T> {
  const waitMs = options.waitMs ?? WRITE_WAIT_MS;
  const run = (tails.get(db) ?? Promise.resolve()).then(() => writeWhenFree(db, write, waitMs));
  tails.set(
    db,
    run.catch(() => undefined),
  );
  return run;
}
