import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { randomFillSync } from 'node:crypto';
import Database from 'better-sqlite3';
import { createBackup } from '../../main/archive/create-backup.js';
import { restoreBackup } from '../../main/archive/restore-backup.js';
import { verifyLedger } from '../../main/archive/four-checks.js';
import { evidencePath } from '../../main/attachments/evidence-store.js';
import { openStore } from '../../main/store/index.js';
import { sha256Hex } from './hash.js';

/*
 * Backup, restore and 四性检测 of the bench ledger plus GB of evidence files, each beside the
 * plain work it cannot beat: copying (backup, restore) or reading (verify) the same bytes, measured
 * in the same run on the same warm files.
 */

const GOALS = { backupOverCopy: 2, encryptedOverCopy: 3, verifyOverRead: 2, peakRssMb: 400 };
const FILE_MB = 8;

const mb = (bytes: number) => bytes / 1024 / 1024;
const fmt = (n: number, digits = 2) => n.toFixed(digits);

/** Evidence files of FILE_MB each, every one different (the store keeps each content once). */
function seedEvidence(dbFile: string, totalMb: number): number {
  const folder = `${dbFile}.files`;
  const block = Buffer.alloc(FILE_MB * 1024 * 1024);
  randomFillSync(block);
  const db = new Database(dbFile);
  const recordId = (db.prepare('SELECT min(id) AS id FROM records').get() as { id: number }).id;
  const insert = db.prepare(
    `INSERT INTO attachments (record_id, field_key, sha256, name, size, mime, created_at)
     VALUES (?, 'materials', ?, ?, ?, 'image/jpeg', '2019-06-01T00:00:00Z')`,
  );
  const count = Math.ceil(totalMb / FILE_MB);
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      block.writeUInt32BE(i, 0);
      const sha = sha256Hex(block);
      const file = evidencePath(folder, sha);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, block);
      insert.run(recordId, sha, `照片${i + 1}.jpg`, block.length);
    }
  })();
  db.close();
  return count * block.length;
}

function filesOf(dbFile: string): string[] {
  const folder = `${dbFile}.files`;
  const nested = fs.readdirSync(folder, { recursive: true }) as string[];
  return [dbFile, ...nested.map((p) => path.join(folder, p)).filter((p) => fs.statSync(p).isFile())];
}

/**
 * The yardstick of backup and restore: the same bytes read into memory and written to new files
 * (one reused buffer, as cp does where the kernel cannot copy for it), then flushed to the disk
 * once, as a backup is before it is put in place. A backup has to read every byte to hash it.
 *
 * Not the yardstick, and why: a copy through read and write streams took 2.9-3.2 s for 1.3 GB,
 * at times longer than the backup itself; an fsync of each of the 129 files cost a flush of the
 * disk each (1.1-2.9 s against 0.6 s for one sync); the kernel's own copy (copy_file_range)
 * reads no byte into memory. That one is printed, not judged.
 */
function durableCopy(files: string[], to: string): void {
  fs.mkdirSync(to, { recursive: true });
  const buffer = Buffer.allocUnsafe(1024 * 1024);
  files.forEach((file, i) => {
    const from = fs.openSync(file, 'r');
    const into = fs.openSync(path.join(to, `${i}`), 'w');
    try {
      for (let n; (n = fs.readSync(from, buffer, 0, buffer.length, null)) > 0;) fs.writeSync(into, buffer, 0, n);
    } finally {
      fs.closeSync(from);
      fs.closeSync(into);
    }
  });
  syncAll();
}

/** The kernel's copy of the same bytes, flushed: printed beside the yardstick, not judged. */
function kernelCopy(files: string[], to: string): void {
  fs.mkdirSync(to, { recursive: true });
  files.forEach((file, i) => fs.copyFileSync(file, path.join(to, `${i}`)));
  syncAll();
}

/** Every dirty page to the disk, in one flush (where there is no sync command, nothing: Windows). */
function syncAll(): void {
  if (process.platform !== 'win32') execFileSync('sync');
}

async function plainRead(files: string[]): Promise<void> {
  for (const file of files) {
    for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 })) void chunk;
  }
}

/**
 * Wall time and the highest RSS seen while the step ran. Each step starts with the writes of the
 * one before on the disk (sync, not timed): else a step pays for the gigabyte its predecessor left
 * in the page cache to write (a backup with a password after a plain one: 7.0 s against 6.2 s).
 */
async function measure<T>(step: () => Promise<T> | T): Promise<{ value: T; ms: number; peakMb: number }> {
  syncAll();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const start = performance.now();
  try {
    const value = await step();
    return { value, ms: performance.now() - start, peakMb: mb(Math.max(peak, process.memoryUsage().rss)) };
  } finally {
    clearInterval(sampler);
  }
}

interface Run {
  /** Runs the step once. */
  step: () => Promise<unknown>;
  /** Clears what one run wrote. */
  undo: () => void;
  /** What the step reads, read (not timed) before each run. */
  reads: string[];
}

interface BesideCopy {
  /** The median of the step's times and of the copies' times. */
  ms: number;
  copyMs: number;
  /** Step over copy in each round, in order; judged by their median. */
  ratios: number[];
  peakMb: number;
}

const ROUNDS = 5;
const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;

/**
 * ROUNDS rounds, each a durable copy of the same bytes and right after it the step; judged by the
 * median of the rounds' ratios. This machine swings by 2× and more within minutes, for reasons
 * outside the work: the same copy of 1.3 GB took 0.7 s and 2.5 s within one minute. What swings it
 * most is memory: a run right after a gigabyte was removed reuses the pages just freed and is fast.
 * So the two alternate, each run right after the other's output (1.3 GB each) was removed; taking
 * turns in the other order put two copies back to back, and the second was 3× faster. The faster of
 * two runs of each, judged before, set the copy's luckiest run against whatever the step met.
 * Every run reads its inputs first (not timed): this machine pages out what was not read for a
 * while, and a backup written four steps before its restore was read from the disk again. The
 * step's output of the last round is kept (the restores read the backups).
 */
async function besideCopy(copy: Run, step: Run): Promise<BesideCopy> {
  const stepMs: number[] = [];
  const copyMs: number[] = [];
  const ratios: number[] = [];
  let peakMb = 0;
  for (let round = 0; round < ROUNDS; round++) {
    await plainRead(copy.reads);
    const copied = await measure(copy.step);
    copy.undo();
    await plainRead(step.reads);
    const ran = await measure(step.step);
    if (round < ROUNDS - 1) step.undo();
    stepMs.push(ran.ms);
    copyMs.push(copied.ms);
    ratios.push(ran.ms / copied.ms);
    peakMb = Math.max(peakMb, ran.peakMb);
  }
  return { ms: median(stepMs), copyMs: median(copyMs), ratios, peakMb };
}

export async function benchArchive(options: { dbFile: string; dir: string; evidenceMb: number }): Promise<void> {
  const { dbFile, dir } = options;
  const evidenceBytes = seedEvidence(dbFile, options.evidenceMb);
  const files = filesOf(dbFile);
  const total = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
  console.log(
    `archive: ledger ${fmt(mb(fs.statSync(dbFile).size), 0)} MB + evidence ${fmt(mb(evidenceBytes), 0)} MB in ${files.length - 1} files`,
  );

  const remove =
    (...names: string[]) =>
    () => {
      for (const name of names) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
    };
  const copy: Run = {
    step: async () => durableCopy(files, path.join(dir, 'copy')),
    undo: remove('copy'),
    reads: files,
  };
  const backup = await besideCopy(copy, {
    step: () => createBackup({ dbFile, out: path.join(dir, 'plain.tzbak'), operator: 'bench' }),
    undo: remove('plain.tzbak'),
    reads: files,
  });
  const encrypted = await besideCopy(copy, {
    step: () =>
      createBackup({ dbFile, out: path.join(dir, 'locked.tzbak'), operator: 'bench', password: 'bench-password' }),
    undo: remove('locked.tzbak'),
    reads: files,
  });
  const restore = await besideCopy(copy, {
    step: () => restoreBackup({ inFile: path.join(dir, 'plain.tzbak'), dbFile: path.join(dir, 'r1.db') }),
    undo: remove('r1.db', 'r1.db.files'),
    reads: [path.join(dir, 'plain.tzbak')],
  });
  remove('r1.db', 'r1.db.files')();
  const restoreEncrypted = await besideCopy(copy, {
    step: () =>
      restoreBackup({
        inFile: path.join(dir, 'locked.tzbak'),
        dbFile: path.join(dir, 'r2.db'),
        password: 'bench-password',
      }),
    undo: remove('r2.db', 'r2.db.files'),
    reads: [path.join(dir, 'locked.tzbak')],
  });
  remove('r2.db', 'r2.db.files')();
  await plainRead(files);
  const kernel = await measure(() => kernelCopy(files, path.join(dir, 'copy')));
  remove('copy')();
  const read = await measure(() => plainRead(files));
  const db = openStore(dbFile);
  const verify = await measure(() => verifyLedger(db, dbFile));
  // The same two steps from the disk, where the system lets the page cache be emptied (Linux, as
  // root): a check of an archive reads bytes that are not in memory, while a warm read is a copy.
  let cold: { readMs: number; verifyMs: number; ok: boolean } | null = null;
  if (canDropCaches()) {
    dropCaches();
    const coldRead = await measure(() => plainRead(files));
    dropCaches();
    const coldVerify = await measure(() => verifyLedger(db, dbFile));
    cold = { readMs: coldRead.ms, verifyMs: coldVerify.ms, ok: coldVerify.value.ok };
  }
  db.close();

  const rows: Array<[string, BesideCopy, number]> = [
    ['backup', backup, GOALS.backupOverCopy],
    ['backup (password)', encrypted, GOALS.encryptedOverCopy],
    ['restore', restore, GOALS.backupOverCopy],
    ['restore (password)', restoreEncrypted, GOALS.encryptedOverCopy],
  ];
  const copies = rows.map(([, run]) => run.copyMs);
  console.log(
    `the same ${fmt(mb(total), 0)} MB read, written to new files and flushed once, beside each step: ${copies.map((ms) => fmt(ms / 1000)).join(', ')} s (medians of ${ROUNDS})`,
  );
  console.log(
    `the same copy made by the kernel (copy_file_range), flushed: ${fmt(kernel.ms / 1000)} s (not judged); plain read: ${fmt(read.ms / 1000)} s`,
  );
  for (const [name, run, goal] of rows) {
    const ratio = median(run.ratios);
    const rounds = run.ratios.map((r) => fmt(r)).join(' ');
    console.log(
      `${name.padEnd(20)}${fmt(run.ms / 1000).padStart(7)} s  ${fmt(ratio)}× copy (median of the rounds ${rounds})  goal ≤ ${goal}×  ${ratio <= goal ? 'met' : 'MISSED'}   peak RSS ${fmt(run.peakMb, 0)} MB  ${run.peakMb < GOALS.peakRssMb ? 'met' : 'MISSED'}`,
    );
  }
  const verifyLine = (name: string, ms: number, readMs: number, ok: boolean, judged: boolean) => {
    const ratio = ms / readMs;
    const verdict = judged
      ? `goal ≤ ${GOALS.verifyOverRead}×  ${ratio <= GOALS.verifyOverRead ? 'met' : 'MISSED'}`
      : '(not judged)';
    console.log(
      `${name.padEnd(20)}${fmt(ms / 1000).padStart(7)} s  ${fmt(ratio)}× read (${fmt(readMs / 1000)} s)  ${verdict}   ${ok ? 'all checks pass' : 'CHECKS FAILED'}`,
    );
  };
  // A check of an archive reads its bytes from the disk, and the goal is judged there. From the
  // page cache a "read" is a copy in memory whose time depends on how it is read (this stream: 0.5–1 s
  // for 1.3 GB; one reused buffer: 0.1 s), while hashing 1 GB alone takes 0.5 s of CPU: that line is
  // printed for comparison, and judged only where the page cache cannot be emptied.
  verifyLine('verify, warm', verify.ms, read.ms, verify.value.ok, !cold);
  if (cold) verifyLine('verify (四性检测)', cold.verifyMs, cold.readMs, cold.ok, true);
  else console.log('verify from disk: not measured (the page cache cannot be emptied here)');
}

const DROP_CACHES = '/proc/sys/vm/drop_caches';

function canDropCaches(): boolean {
  try {
    fs.accessSync(DROP_CACHES, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Writes every dirty page out, then empties the page cache, so the next read comes from the disk. */
function dropCaches(): void {
  syncAll();
  fs.writeFileSync(DROP_CACHES, '3');
}
