import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

export interface IntegrityJob {
  dbFile: string;
  /** The tables to give to `integrity_check(table)`, each with its indexes. */
  tables: string[];
  /** better-sqlite3 built for Electron's ABI, when started from Electron. */
  nativeBinding?: string;
}

/*
 * SQLite's check of the records table walks every index entry of every record (ten indexes on a
 * student-aid record, 1.6 s for 300,000 records) and is the longest step of 四性检测. It runs here,
 * on a read-only connection of its own, while the calling thread checks the audit chain and the
 * required fields and a third thread hashes the evidence. Plain CommonJS with only Node's own
 * modules and better-sqlite3 (its path is given, resolved where the caller was loaded from), so
 * every host (Node, the CLI's bundle, Electron's archive worker) starts it without a bundle entry.
 */
const SOURCE = `
const fs = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const { dbFile, tables, nativeBinding } = workerData.job;

// The file is read through once, in order, before the check: the check then seeks index pages
// all over the file, which from the disk are a random read each (5.5 s for a 290 MB ledger read
// cold, against 2.9 s warm); read in order first, they come from memory. One reused buffer.
function readThrough(file) {
  let fd;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return;
  }
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    while (fs.readSync(fd, buffer, 0, buffer.length, null) > 0);
  } finally {
    fs.closeSync(fd);
  }
}

let db;
try {
  readThrough(dbFile);
  readThrough(dbFile + '-wal');
  db = new Database(dbFile, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  db.pragma('busy_timeout = 5000');
  const problems = [];
  for (const table of tables) {
    for (const row of db.pragma('integrity_check("' + table.replace(/"/g, '""') + '")')) {
      if (row.integrity_check !== 'ok') problems.push(row.integrity_check);
    }
  }
  parentPort.postMessage({ problems });
} catch (error) {
  parentPort.postMessage({ failed: { message: String(error && error.message), code: error && error.code } });
} finally {
  if (db) db.close();
}
`;

function sqliteModule(): string {
  // A CommonJS bundle (Electron's archive worker) has __filename; an ES module has import.meta.url.
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  return createRequire(here).resolve('better-sqlite3');
}

type Reply = { problems: string[] } | { failed: { message: string; code?: string } };

/** SQLite's integrity check of the given tables in a thread of its own; the problems it reports. */
export function checkIntegrityInThread(job: IntegrityJob): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(SOURCE, {
      eval: true,
      workerData: { job, sqlite: sqliteModule() },
      resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 },
    });
    worker.once('message', (reply: Reply) => {
      if ('problems' in reply) return resolve(reply.problems);
      // The error is made again with SQLite's code, so the caller's table of messages can say it in Chinese.
      reject(Object.assign(new Error(reply.failed.message), { code: reply.failed.code }));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`integrity thread exited with code ${code}`));
    });
  });
}
