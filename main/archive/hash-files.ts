import { Worker } from 'node:worker_threads';

export interface FileToHash {
  file: string;
  size: number;
  sha256: string;
}

export type HashVerdict = 'ok' | 'missing' | 'altered' | 'unreadable';

/*
 * Runs in its own thread, so reading and hashing a gigabyte of evidence never holds up the calling
 * thread's event loop, while SQLite's integrity check goes on in a third. Plain CommonJS with only
 * Node's own modules, given as source, so every host (Node, the CLI's bundle, Electron's main and
 * the archive worker) can start it without a bundle entry of its own.
 */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { createHash } = require('node:crypto');
const buffer = Buffer.allocUnsafe(1024 * 1024);
function verdict({ file, size, sha256 }) {
  let fd;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    return error && error.code === 'ENOENT' ? 'missing' : 'unreadable';
  }
  try {
    if (!fs.fstatSync(fd).isFile()) return 'missing';
    if (fs.fstatSync(fd).size !== size) return 'altered';
    const hash = createHash('sha256');
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
    }
    return hash.digest('hex') === sha256 ? 'ok' : 'altered';
  } catch {
    return 'unreadable';
  } finally {
    fs.closeSync(fd);
  }
}
parentPort.postMessage(workerData.map(verdict));
`;

/** Compares each file with its recorded size and SHA-256, in a thread of its own; one verdict per file. */
export function checkFileHashes(files: FileToHash[]): Promise<HashVerdict[]> {
  if (files.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const worker = new Worker(SOURCE, {
      eval: true,
      workerData: files,
      resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 },
    });
    worker.once('message', (verdicts: HashVerdict[]) => resolve(verdicts));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`hash thread exited with code ${code}`));
    });
  });
}
