import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackup } from '../../main/archive/create-backup.js';
import type { SnapshotJob } from '../../main/archive/snapshot-thread.js';
import { restoreBackup } from '../../main/archive/restore-backup.js';
import { evidencePath } from '../../main/attachments/evidence-store.js';
import { fillDemo } from '../../main/demo/index.js';
import { tempDir, tempStore, type TempStore } from '../helpers/temp-store.js';
import { runCli } from '../helpers/run-cli.js';
import { spawnCli } from '../helpers/spawn-cli.js';
import { recordsWithoutAudit } from '../helpers/audit-orphans.js';

const repo = path.resolve(import.meta.dirname, '../..');
const PASSWORD = '县教育局2019备份';

/*
 * The ledger's copy thread, as it is, unless a test holds it: `hold` is given the moment the backup
 * starts the copy and a function that starts the real one, and settles as the copy would.
 */
const snapshotGate = vi.hoisted(() => ({
  hold: null as null | ((start: () => Promise<void>) => Promise<void>),
}));
vi.mock('../../main/archive/snapshot-thread.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../main/archive/snapshot-thread.js')>();
  class HeldSnapshotThread {
    readonly done: Promise<void>;
    private thread: InstanceType<typeof real.SnapshotThread> | null = null;
    constructor(job: SnapshotJob) {
      const start = () => {
        this.thread = new real.SnapshotThread(job);
        return this.thread.done;
      };
      this.done = snapshotGate.hold ? snapshotGate.hold(start) : start();
      this.done.catch(() => undefined);
    }
    async close(): Promise<void> {
      await this.thread?.close();
    }
  }
  return { ...real, SnapshotThread: HeldSnapshotThread };
});

/*
 * The backup's writer, as it is, unless a test makes the disk full after `fullAfter` bytes: the
 * write that goes past fails a moment later, as a disk's does, and every write before it waits
 * `slowMs` first (a slow disk, so the pack has parts waiting for it).
 */
const diskGate = vi.hoisted(() => ({ fullAfter: null as null | number, slowMs: 0 }));
vi.mock('../../main/archive/append-to-file.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../main/archive/append-to-file.js')>();
  class FillingAppendToFile extends real.AppendToFile {
    private total = 0;
    override _writev(chunks: Array<{ chunk: Buffer }>, callback: (error?: Error | null) => void): void {
      if (diskGate.fullAfter === null) return super._writev(chunks, callback);
      this.total += chunks.reduce((sum, { chunk }) => sum + chunk.length, 0);
      const full = this.total > diskGate.fullAfter;
      setTimeout(() => {
        if (full) callback(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
        else super._writev(chunks, callback);
      }, diskGate.slowMs);
    }
  }
  return { ...real, AppendToFile: FillingAppendToFile };
});

/** Resolves once a backup's temporary file in `dir` has data and has not grown for 200 ms. */
async function writtenAndStill(dir: string): Promise<void> {
  let last = -1;
  for (;;) {
    await new Promise((r) => setTimeout(r, 200));
    const temp = fs.readdirSync(dir).find((name) => name.startsWith('.~taizhang-backup-'));
    const size = temp ? fs.statSync(path.join(dir, temp)).size : 0;
    if (size > 0 && size === last) return;
    last = size;
  }
}

/** The files under `dir` this process has open (Linux: read from /proc). */
function openFilesIn(dir: string): string[] {
  return fs
    .readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return fs.readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return '';
      }
    })
    .filter((target) => target.startsWith(dir + path.sep));
}

let store: TempStore | undefined;
afterEach(() => {
  store?.dispose();
  store = undefined;
  snapshotGate.hold = null;
  diskGate.fullAfter = null;
  diskGate.slowMs = 0;
});

/** A demo ledger with two evidence files (one shared name layout as the attachment store uses). */
function demoLedger(): TempStore {
  store = tempStore('建始县教育局');
  fillDemo(store.db, { unitId: store.unit.id, operator: '测试员' });
  const files = `${store.file}.files`;
  fs.mkdirSync(path.join(files, 'ab'), { recursive: true });
  fs.writeFileSync(path.join(files, 'ab', 'cd01'), randomBytes(200_000));
  fs.writeFileSync(path.join(files, 'ab', 'cd02'), 'scan of a receipt');
  return store;
}

function rows(file: string): unknown[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT id, ledger_key, unit_id, record_date, data FROM records ORDER BY id').all();
  } finally {
    db.close();
  }
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Nothing of a refused restore may be left: no ledger, no evidence folder, no work folder. */
function expectNothingWritten(dir: string, target: string) {
  expect(fs.existsSync(target)).toBe(false);
  expect(fs.existsSync(`${target}.files`)).toBe(false);
  expect(fs.readdirSync(dir).filter((name) => name.startsWith('.~taizhang-'))).toEqual([]);
}

describe('backup and restore', () => {
  it('restores every record and evidence file, byte for byte, plain and encrypted', async () => {
    const s = demoLedger();
    const out = tempDir();
    for (const password of [undefined, PASSWORD]) {
      const backup = await createBackup({
        dbFile: s.file,
        out: path.join(out, `b-${!!password}.tzbak`),
        operator: '测试员',
        password,
      });
      expect(backup.manifest.records['student-aid']).toBe(500);
      expect(backup.manifest.attachments).toBe(2);
      expect(backup.manifest.units).toEqual(['建始县教育局']);
      expect(fs.statSync(backup.file).mode & 0o777).toBe(0o600);
      const target = path.join(out, `restored-${!!password}.db`);
      await restoreBackup({ inFile: backup.file, dbFile: target, password });
      expect(rows(target)).toEqual(rows(s.file));
      for (const name of ['cd01', 'cd02']) {
        expect(sha(path.join(`${target}.files`, 'ab', name))).toBe(sha(path.join(`${s.file}.files`, 'ab', name)));
      }
      const db = new Database(target, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    }
    // The password is not in the encrypted file, nor any ID number of the ledger.
    const encrypted = fs.readFileSync(path.join(out, 'b-true.tzbak'));
    const anId = (rows(s.file) as Array<{ data: string }>)
      .map((r) => (JSON.parse(r.data) as Record<string, string>).id_number)
      .find((id) => id && /^\d{17}[\dX]$/.test(id))!;
    expect(anId).toBeTruthy();
    expect(encrypted.includes(Buffer.from(anId))).toBe(false);
    expect(encrypted.includes(Buffer.from('建始县教育局'))).toBe(false);
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('refuses a flipped byte, a cut file, a wrong or missing password and a foreign file, writing nothing', async () => {
    const s = demoLedger();
    const dir = tempDir();
    const plain = (await createBackup({ dbFile: s.file, out: path.join(dir, 'p.tzbak'), operator: '测试员' })).file;
    const locked = (
      await createBackup({ dbFile: s.file, out: path.join(dir, 'e.tzbak'), operator: '测试员', password: PASSWORD })
    ).file;
    const variant = (from: string, name: string, change: (bytes: Buffer) => Buffer) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, change(Buffer.from(fs.readFileSync(from))));
      return file;
    };
    const flip = (at: number) => (bytes: Buffer) => {
      bytes[at] = bytes[at]! ^ 0x01;
      return bytes;
    };
    const size = fs.statSync(plain).size;
    // A digit of the last hash the manifest lists: the manifest itself is checked too.
    const manifestHash = fs.readFileSync(plain).lastIndexOf('"sha256": "') + 12;
    const cases: Array<[string, string, string | undefined, RegExp]> = [
      [variant(plain, 'flip-db.tzbak', flip(Math.floor(size / 3))), 'r1.db', undefined, /已损坏或被改动/],
      [variant(plain, 'flip-manifest.tzbak', flip(manifestHash)), 'r2.db', undefined, /已损坏或被改动/],
      [
        variant(plain, 'cut.tzbak', (b) => b.subarray(0, Math.floor(b.length * 0.7))),
        'r3.db',
        undefined,
        /已损坏或被改动/,
      ],
      [variant(locked, 'eflip.tzbak', flip(Math.floor(size / 2))), 'r4.db', PASSWORD, /已损坏或被改动/],
      [variant(locked, 'ecut.tzbak', (b) => b.subarray(0, b.length - 100)), 'r5.db', PASSWORD, /已损坏或被改动/],
      [locked, 'r6.db', '错误的密码123', /密码不正确/],
      [locked, 'r7.db', undefined, /已加密，请输入备份密码/],
      [variant(plain, 'foreign.tzbak', () => randomBytes(4096)), 'r8.db', undefined, /不是台账归档的备份文件/],
      [s.file, 'r9.db', undefined, /不是台账归档的备份文件/],
    ];
    for (const [inFile, target, password, message] of cases) {
      const dbFile = path.join(dir, target);
      await expect(restoreBackup({ inFile, dbFile, password }), path.basename(inFile)).rejects.toThrow(message);
      expectNothingWritten(dir, dbFile);
      // Nor is the backup left open (a refused encrypted one was, for as long as the app ran).
      if (process.platform === 'linux') await expect.poll(() => openFilesIn(dir), { timeout: 2000 }).toEqual([]);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // Which file each fsync flushed is read from /proc.
  it.runIf(process.platform === 'linux')(
    'puts every restored part on the disk (fsync) before the ledger appears',
    async () => {
      const s = demoLedger();
      const dir = tempDir();
      const { file } = await createBackup({ dbFile: s.file, out: path.join(dir, 'b.tzbak'), operator: '测试员' });
      const target = path.join(dir, 'restored.db');
      const synced: string[] = [];
      const placedEarly: string[] = [];
      const realFsync = fs.fsync;
      const fsync = vi.spyOn(fs, 'fsync').mockImplementation(((fd: number, done: (error: Error | null) => void) => {
        synced.push(fs.readlinkSync(`/proc/self/fd/${fd}`));
        if (fs.existsSync(target)) placedEarly.push(synced.at(-1)!);
        realFsync(fd, done);
      }) as typeof fs.fsync);
      try {
        await restoreBackup({ inFile: file, dbFile: target });
      } finally {
        fsync.mockRestore();
      }
      // The ledger and both evidence files, each written into the work folder, then moved into place.
      expect(synced.map((p) => path.basename(p)).sort()).toEqual(['cd01', 'cd02', 'ledger.db'].sort());
      expect(placedEarly).toEqual([]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  );

  it('never overwrites an existing ledger file', async () => {
    const s = demoLedger();
    const dir = tempDir();
    const { file } = await createBackup({ dbFile: s.file, out: path.join(dir, 'b.tzbak'), operator: '测试员' });
    const existing = path.join(dir, 'existing.db');
    fs.writeFileSync(existing, 'not to be touched');
    await expect(restoreBackup({ inFile: file, dbFile: existing })).rejects.toThrow(/恢复从不覆盖已有的台账/);
    expect(fs.readFileSync(existing, 'utf8')).toBe('not to be touched');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('takes a consistent copy while another process writes 5,000 records', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'busy.db');
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/crash-writer.ts', file, '5000'], {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let committed = 0;
    let backedUp: Promise<unknown> | null = null;
    const out = path.join(dir, 'busy.tzbak');
    const finished = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    child.stdout.on('data', (chunk: Buffer) => {
      committed += (chunk.toString().match(/^committed /gm) ?? []).length;
      if (committed >= 300 && !backedUp) backedUp = createBackup({ dbFile: file, out, operator: '测试员' });
    });
    await finished;
    await backedUp;
    expect(committed).toBe(5000);
    const target = path.join(dir, 'restored.db');
    const { manifest } = await restoreBackup({ inFile: out, dbFile: target });
    const n = manifest.records['student-aid']!;
    expect(n).toBeGreaterThanOrEqual(300);
    const db = new Database(target, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const ids = (db.prepare('SELECT id FROM records ORDER BY id').all() as { id: number }[]).map((r) => r.id);
      expect(ids.length).toBe(n);
      // One moment of the ledger: the records are the first n the writer committed, each with its audit row.
      expect(ids).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      expect(recordsWithoutAudit(db)).toBe(0);
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('holds an evidence file stored, and its record committed, after the evidence listed at the start was packed', async () => {
    const s = demoLedger();
    const out = tempDir();
    const photo = randomBytes(50_000);
    const sha256 = createHash('sha256').update(photo).digest('hex');
    // The copy of the ledger starts only once the backup has packed the two files it listed and has
    // nothing left to do but wait for it; a photo is stored, then its row committed, as the
    // attachment store does, just before.
    snapshotGate.hold = async (start) => {
      await writtenAndStill(out);
      const stored = evidencePath(`${s.file}.files`, sha256);
      fs.mkdirSync(path.dirname(stored), { recursive: true });
      fs.writeFileSync(stored, photo);
      const recordId = (s.db.prepare('SELECT min(id) AS id FROM records').get() as { id: number }).id;
      s.db
        .prepare(
          `INSERT INTO attachments (record_id, field_key, sha256, name, size, mime, created_at)
           VALUES (?, 'materials', ?, '现场照片.jpg', ?, 'image/jpeg', '2019-06-01T00:00:00Z')`,
        )
        .run(recordId, sha256, photo.length);
      return start();
    };
    const made = await createBackup({ dbFile: s.file, out: path.join(out, 'during.tzbak'), operator: '测试员' });
    expect(made.manifest.attachments).toBe(3);
    const target = path.join(out, 'restored.db');
    await restoreBackup({ inFile: made.file, dbFile: target });
    const restored = new Database(target, { readonly: true });
    const shas = (restored.prepare('SELECT sha256 FROM attachments').all() as { sha256: string }[]).map(
      (r) => r.sha256,
    );
    restored.close();
    expect(shas).toContain(sha256);
    expect(fs.readFileSync(evidencePath(`${target}.files`, sha256)).equals(photo)).toBe(true);
  });

  it('leaves out a file the evidence store is still writing', async () => {
    const s = demoLedger();
    const out = tempDir();
    // The store writes a new file under a temporary name in the folder, then renames it into place.
    fs.writeFileSync(path.join(`${s.file}.files`, `.~taizhang-attach-${process.pid}-0a1b2c3d.tmp`), '半张扫描件');
    const made = await createBackup({ dbFile: s.file, out: path.join(out, 'b.tzbak'), operator: '测试员' });
    expect(made.manifest.attachments).toBe(2);
    expect(made.manifest.parts.map((p) => p.name).filter((name) => name.includes('.~taizhang-'))).toEqual([]);
  });

  it('a failed copy of the ledger fails the backup and leaves no file of it anywhere', async () => {
    const s = demoLedger();
    const out = tempDir();
    snapshotGate.hold = () => Promise.reject(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' }));
    await expect(
      createBackup({ dbFile: s.file, out: path.join(out, 'failed.tzbak'), operator: '测试员' }),
    ).rejects.toMatchObject({ code: 'SQLITE_IOERR' });
    expect(fs.readdirSync(out)).toEqual([]);
    expect(fs.readdirSync(s.dir).filter((name) => name.startsWith('.~taizhang-'))).toEqual([]);
  });

  it('a disk that fills up while the backup is written fails it at once, leaving no file of it anywhere', async () => {
    const s = demoLedger();
    // More than the reader's slots hold (8 MB), so it is waiting for one when the writer fails.
    fs.writeFileSync(path.join(`${s.file}.files`, 'ab', 'cd03'), randomBytes(24 * 1024 * 1024));
    const out = tempDir();
    diskGate.fullAfter = 2 * 1024 * 1024;
    for (const password of [undefined, PASSWORD]) {
      await expect(
        createBackup({ dbFile: s.file, out: path.join(out, 'full.tzbak'), operator: '测试员', password }),
      ).rejects.toMatchObject({ code: 'ENOSPC' });
      expect(fs.readdirSync(out)).toEqual([]);
      expect(fs.readdirSync(s.dir).filter((name) => name.startsWith('.~taizhang-'))).toEqual([]);
    }
  });

  it('a disk that fills up between two parts or under the manifest fails the backup with that, not another error', async () => {
    const s = demoLedger();
    // Many small parts (a manifest larger than the pack holds at once) and one of 12 MB.
    const evidence = path.join(`${s.file}.files`, 'ef');
    fs.mkdirSync(evidence);
    for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(evidence, `small${i}`), randomBytes(1000));
    fs.writeFileSync(path.join(evidence, 'large'), randomBytes(12 * 1024 * 1024));
    const out = tempDir();
    const whole = (await createBackup({ dbFile: s.file, out: path.join(out, 'whole.tzbak'), operator: '测试员' }))
      .bytes;
    fs.rmSync(path.join(out, 'whole.tzbak'));
    diskGate.slowMs = 2;
    // From early among the small parts to the last bytes of the manifest.
    for (const fullAfter of [
      300_000,
      600_000,
      whole - 400_000,
      whole - 60_000,
      whole - 20_000,
      whole - 5_000,
      whole - 500,
    ]) {
      diskGate.fullAfter = fullAfter;
      await expect(
        createBackup({ dbFile: s.file, out: path.join(out, 'full.tzbak'), operator: '测试员' }),
        `full after ${fullAfter} of ${whole} bytes`,
      ).rejects.toMatchObject({ code: 'ENOSPC' });
      expect(fs.readdirSync(out)).toEqual([]);
    }
  });

  it('a backup killed mid-way leaves the previous backup and the ledger intact', async () => {
    const s = demoLedger();
    // Enough evidence that the backup is still writing when it is killed.
    fs.writeFileSync(path.join(`${s.file}.files`, 'ab', 'big'), randomBytes(120 * 1024 * 1024));
    s.db.close();
    const dir = tempDir();
    const out = path.join(dir, 'daily.tzbak');
    const first = await runCli(['backup', '--db', s.file, '--out', out]);
    expect(first.code, first.stderr).toBe(0);
    const before = sha(out);
    const child = spawnCli(['backup', '--db', s.file, '--out', out, '--force'], { stdio: 'ignore' });
    const killed = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_c, signal) => resolve(signal)));
    // Kill it once its temporary file has grown past the ledger snapshot, into the evidence.
    for (;;) {
      const temp = fs.readdirSync(dir).find((name) => name.startsWith('.~taizhang-backup-'));
      if (temp && fs.statSync(path.join(dir, temp)).size > 10 * 1024 * 1024) {
        expect(fs.statSync(path.join(dir, temp)).mode & 0o777).toBe(0o600);
        child.kill('SIGKILL');
        break;
      }
      if (child.exitCode !== null) throw new Error('the backup finished before it could be killed');
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await killed).toBe('SIGKILL');
    expect(sha(out)).toBe(before);
    // What the killed backup left (its temp file, and the ledger snapshot beside the ledger) holds
    // minors' data: the next start of any command removes it.
    const leftovers = () =>
      [dir, s.dir].flatMap((d) => fs.readdirSync(d).filter((name) => name.startsWith('.~taizhang-')));
    expect(leftovers().length).toBeGreaterThan(0);
    expect((await runCli(['stats', '--db', s.file])).code).toBe(0);
    expect(leftovers()).toEqual([]);
    const target = path.join(dir, 'after-kill.db');
    await restoreBackup({ inFile: out, dbFile: target });
    const db = new Database(s.file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('the CLI backs up and restores, and says in one Chinese line why it refuses', async () => {
    const s = demoLedger();
    s.db.close();
    const dir = tempDir();
    const out = path.join(dir, 'cli.tzbak');
    const passwordFile = path.join(dir, 'pw.txt');
    fs.writeFileSync(passwordFile, `${PASSWORD}\n`);
    const made = await runCli(['backup', '--db', s.file, '--out', out, '--password-file', passwordFile]);
    expect(made.code, made.stderr).toBe(0);
    expect(JSON.parse(made.stdout)).toMatchObject({ encrypted: true, attachments: 2 });
    const again = await runCli(['backup', '--db', s.file, '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^错误：文件已存在，未作覆盖/);
    const noPassword = await runCli(['restore', '--in', out, '--db', path.join(dir, 'x.db')], {
      TAIZHANG_BACKUP_PASSWORD: '',
    });
    expect(noPassword.code).toBe(1);
    expect(noPassword.stderr.trim().split('\n')).toHaveLength(1);
    expect(noPassword.stderr).toMatch(/需要备份密码/);
    const restored = await runCli(['restore', '--in', out, '--db', path.join(dir, 'y.db')], {
      TAIZHANG_BACKUP_PASSWORD: PASSWORD,
    });
    expect(restored.code, restored.stderr).toBe(0);
    expect(JSON.parse(restored.stdout).records['student-aid']).toBe(500);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
