import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/*
 * The ledger's copy for a backup, taken in a thread of its own while the calling thread packs the
 * evidence files: the copy of a 290 MB ledger takes 0.6 s, a quarter of a backup with 1 GB of
 * evidence when it came first. SQLite's online backup copies the pages in one step, under one read
 * transaction (a step-wise copy restarts each time another connection writes), so the copy is one
 * moment of the ledger, safe while the app writes; it is then switched out of WAL so it is one
 * self-contained file. Plain CommonJS with only Node's own modules and better-sqlite3 (its path is
 * given), so every host (Node, the CLI's bundle, Electron's archive worker) starts it without a
 * bundle entry of its own.
 */
const SOURCE = `
const fs = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const { dbFile, target, nativeBinding } = workerData.job;
const binding = nativeBinding ? { nativeBinding } : {};

async function copy() {
  const source = new Database(dbFile, { readonly: true, fileMustExist: true, ...binding });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(target, { progress: ({ totalPages }) => Math.max(totalPages, 1) });
  } finally {
    source.close();
  }
  fs.chmodSync(target, 0o600);
  const copied = new Database(target, binding);
  try {
    copied.pragma('journal_mode = DELETE');
  } finally {
    copied.close();
  }
}

copy().then(
  () => parentPort.postMessage({ done: true }),
  (error) => parentPort.postMessage({ failed: { message: String(error && error.message), code: error && error.code } }),
);
`;

export interface SnapshotJob {
  dbFile: string;
  /** A new file in a private folder; the copy is written there. */
  target: string;
  /** better-sqlite3 built for Electron's ABI, when started from Electron. */
  nativeBinding?: string;
}

function sqliteModule(): string {
  // A CommonJS bundle (Electron's archive worker) has __filename; an ES module has import.meta.url.
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  return createRequire(here).resolve('better-sqlite3');
}

type Reply = { done: true } | { failed: { message: string; code?: string } };

export class SnapshotThread {
  /** Settles once the copy is complete and closed, or with why it failed. */
  readonly done: Promise<void>;
  private readonly worker: Worker;

  constructor(job: SnapshotJob) {
    this.worker = new Worker(SOURCE, {
      eval: true,
      workerData: { job, sqlite: sqliteModule() },
      resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 },
    });
    this.done = new Promise((resolve, reject) => {
      this.worker.once('message', (reply: Reply) => {
        if ('done' in reply) return resolve();
        // Made again with SQLite's code, so the caller's table of messages can say it in Chinese.
        reject(Object.assign(new Error(reply.failed.message), { code: reply.failed.code }));
      });
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`snapshot thread exited with code ${code}`)));
    });
    // Awaited by the caller; a failure before it does must not go unhandled.
    this.done.catch(() => undefined);
  }

  /** Ends the thread; once this settles, the copy's file is closed and may be removed. */
  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
