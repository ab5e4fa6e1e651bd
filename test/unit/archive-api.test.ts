import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../main/host/server.js';
import { fillDemo } from '../../main/demo/index.js';
import { restoreBackup } from '../../main/archive/restore-backup.js';
import { startAutoBackup } from '../../main/archive/auto-backup.js';
import { backupFileName, parseBackupName } from '../../main/archive/backup-names.js';
import { backupsToKeep } from '../../main/archive/rotation.js';
import { autoBackupSetting, setAutoBackupSetting } from '../../main/archive/backup-settings.js';
import { recordBackup } from '../../main/archive/backup-log.js';
import { verifyLedger } from '../../main/archive/four-checks.js';
import { tempDir, tempStore, type TempStore } from '../helpers/temp-store.js';
import { callApi, valueOf } from '../helpers/http.js';

/*
 * The archive methods through the real browser host, on a real ledger with about 100 MB of
 * evidence: the copying and hashing happen in the archive worker while the host goes on answering.
 */
// Counts the archive work done on this (the host's) thread; the worker has its own modules.
const onHostThread = vi.hoisted(() => ({ backups: 0, verifies: 0 }));
vi.mock('../../main/archive/create-backup.js', async (original) => {
  const actual = await original<typeof import('../../main/archive/create-backup.js')>();
  return {
    ...actual,
    createBackup: (options: Parameters<typeof actual.createBackup>[0]) => {
      onHostThread.backups++;
      return actual.createBackup(options);
    },
  };
});
vi.mock('../../main/archive/four-checks.js', async (original) => {
  const actual = await original<typeof import('../../main/archive/four-checks.js')>();
  return {
    ...actual,
    verifyLedger: (...args: Parameters<typeof actual.verifyLedger>) => {
      onHostThread.verifies++;
      return actual.verifyLedger(...args);
    },
  };
});

const EVIDENCE_FILES = 10;
const EVIDENCE_BYTES = 10 * 1024 * 1024;
const PASSWORD = '县教育局2019备份';

let store: TempStore;
let host: BrowserHost;
let rendererDir: string;
let out: string;

beforeAll(async () => {
  store = tempStore();
  fillDemo(store.db, { unitId: store.unit.id, operator: '测试员', studentAidRows: 20_000 });
  const evidence = path.join(`${store.file}.files`, 'ab');
  fs.mkdirSync(evidence, { recursive: true });
  for (let i = 0; i < EVIDENCE_FILES; i++) {
    fs.writeFileSync(path.join(evidence, `cd${String(i).padStart(4, '0')}`), randomBytes(EVIDENCE_BYTES));
  }
  rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>台账归档</title>');
  out = tempDir();
  host = await startBrowserHost({ db: store.db, dbFile: store.file, operator: '测试员', port: 0, rendererDir });
}, 120_000);

afterAll(async () => {
  await host?.close();
  store?.dispose();
  for (const dir of [rendererDir, out]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const call = <T>(method: string, payload: unknown) => callApi<T>(host, method, payload);

const value = valueOf;

interface BackupReply {
  file: string;
  bytes: number;
  summary: { records: Record<string, number>; attachments: number; encrypted: boolean };
}

/** Runs `slow` and meanwhile asks for the ledger list over and over; returns its answer and the stalls seen. */
async function meanwhile<T>(slow: () => Promise<T>) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let done = false;
  const answer = slow().finally(() => {
    done = true;
  });
  let quickest = 0;
  let slowestQuick = 0;
  while (!done) {
    const start = performance.now();
    value(await call('ledgers.list', {}));
    slowestQuick = Math.max(slowestQuick, performance.now() - start);
    quickest++;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  delay.disable();
  return { answer: await answer, stallMs: delay.max / 1e6, slowestQuick, quickest };
}

describe('archive API through the browser host', () => {
  it('backs up into a folder without stalling the host, and the file restores', async () => {
    const folder = path.join(out, 'U盘备份');
    const { answer, stallMs, slowestQuick, quickest } = await meanwhile(() =>
      call<BackupReply>('archive.backup', { folder }),
    );
    const backup = value(answer);
    expect(path.dirname(backup.file)).toBe(folder);
    expect(path.basename(backup.file)).toMatch(/^台账备份-建始县高坪镇中心小学-\d{8}-\d{6}\.tzbak$/);
    expect(backup.bytes).toBeGreaterThan(EVIDENCE_FILES * EVIDENCE_BYTES);
    expect(backup.summary.attachments).toBe(EVIDENCE_FILES);
    // The host answered other pages all along: the backup ran in its worker.
    expect(quickest).toBeGreaterThan(3);
    // Room for a busy 2-core machine; the count of backups on the host thread is the sharp check.
    expect(stallMs).toBeLessThan(500);
    expect(slowestQuick).toBeLessThan(1000);
    expect(onHostThread.backups).toBe(0);

    const status = value(
      await call<{ last: { file: string } | null; overdue: boolean; folder: string }>('archive.status', {}),
    );
    expect(status.last?.file).toBe(backup.file);
    expect(status.overdue).toBe(false);
    expect(status.folder).toBe(folder);

    const restored = path.join(out, 'restored.db');
    const result = await restoreBackup({ inFile: backup.file, dbFile: restored });
    expect(result.manifest.records['student-aid']).toBe(backup.summary.records['student-aid']);
    expect(fs.readdirSync(path.join(`${restored}.files`, 'ab'))).toHaveLength(EVIDENCE_FILES);
  }, 120_000);

  it('refuses a relative folder in one Chinese line', async () => {
    const reply = await call('archive.backup', { folder: '备份' });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.message).toMatch(/^备份文件夹请填写完整路径/);
  });

  it('restores an encrypted backup only with its password, writing nothing otherwise', async () => {
    const backup = value(await call<BackupReply>('archive.backup', { folder: out, password: PASSWORD }));
    expect(backup.summary.encrypted).toBe(true);

    const locked = value(
      await call<{ encrypted: boolean; summary: unknown }>('archive.inspect', { file: backup.file }),
    );
    expect(locked).toMatchObject({ encrypted: true, summary: null });

    const target = path.join(out, '恢复', 'new.db');
    fs.mkdirSync(path.dirname(target));
    const wrong = await call('archive.restore', { file: backup.file, target, password: '不是这个密码' });
    expect(wrong).toEqual({ ok: false, error: { code: 'bad-request', message: '备份密码不正确，未恢复任何内容' } });
    expect(fs.readdirSync(path.dirname(target))).toEqual([]);

    const opened = value(
      await call<{ summary: { attachments: number } }>('archive.inspect', { file: backup.file, password: PASSWORD }),
    );
    expect(opened.summary.attachments).toBe(EVIDENCE_FILES);
    const restored = value(
      await call<{ dbFile: string }>('archive.restore', { file: backup.file, target, password: PASSWORD }),
    );
    expect(restored.dbFile).toBe(target);
    expect(fs.existsSync(target)).toBe(true);
  }, 120_000);

  it('says a file that is not a backup is not one', async () => {
    const foreign = path.join(out, 'notes.tzbak');
    fs.writeFileSync(foreign, 'not a backup at all');
    const reply = await call('archive.inspect', { file: foreign });
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-file' } });
    if (!reply.ok) expect(reply.error.message).toContain('不是台账归档的备份文件');
  });

  it('runs 四性检测 in the worker', async () => {
    const report = value(
      await call<{ ok: boolean; checks: Array<{ key: string; status: string }> }>('archive.verify', {}),
    );
    expect(report.ok).toBe(true);
    expect(report.checks.find((c) => c.key === 'integrity')?.status).toBe('pass');
    // A backup was just made above.
    expect(report.checks.find((c) => c.key === 'backup')?.status).toBe('pass');
    expect(onHostThread.verifies).toBe(0);
  }, 60_000);
});

describe('automatic backups', () => {
  it("makes the day's backup once and rotates only its own files", async () => {
    const s = tempStore('高坪镇中心小学');
    const folder = tempDir();
    try {
      const auto = startAutoBackup(
        { db: s.db, dbFile: s.file, operator: '测试员' },
        { firstCheckMs: 3_600_000, log: () => undefined },
      );
      setAutoBackupSetting(s.db, { on: true, folder });
      await auto.check();
      const [today] = fs.readdirSync(folder);
      expect(today).toMatch(/^台账备份-高坪镇中心小学-\d{8}-\d{6}\.tzbak$/);
      // A second look the same day finds today's backup and writes nothing.
      await auto.check();
      expect(fs.readdirSync(folder)).toEqual([today]);

      // Two years of earlier daily backups (copies: the header is what makes them ours) …
      const older: Array<{ name: string; at: Date }> = [];
      for (let day = 1; day <= 730; day++) {
        const at = new Date(Date.now() - day * 86_400_000);
        const name = backupFileName('高坪镇中心小学', at);
        fs.copyFileSync(path.join(folder, today!), path.join(folder, name));
        older.push({ name, at });
      }
      // … and files rotation must never touch: another unit's backup, and one named like ours that is not ours.
      const otherUnit = backupFileName('另一所学校', new Date(2018, 0, 1));
      fs.copyFileSync(path.join(folder, today!), path.join(folder, otherUnit));
      const impostor = backupFileName('高坪镇中心小学', new Date(2018, 0, 2));
      fs.writeFileSync(path.join(folder, impostor), 'a file the user keeps');

      const before = new Set(fs.readdirSync(folder));
      await auto.close();
      const left = new Set(fs.readdirSync(folder));
      const [onQuit] = [...left].filter((n) => !before.has(n));
      expect(onQuit).toMatch(/^台账备份-高坪镇中心小学-\d{8}-\d{6}\.tzbak$/);
      expect(left.has(otherUnit)).toBe(true);
      expect(left.has(impostor)).toBe(true);
      // Exactly what the rule keeps: the day's backup gives way to the later one on quit.
      const ours = [...older, { name: today!, at: parseBackupName(today!)!.at }, { name: onQuit!, at: new Date() }];
      const keep = backupsToKeep(ours).keep.map((b) => b.name);
      expect([...left].filter((n) => n !== otherUnit && n !== impostor).sort()).toEqual(keep.sort());
      expect(left.has(today!)).toBe(false);
      expect(keep.length).toBeGreaterThanOrEqual(7 + 11);
      expect(autoBackupSetting(s.db).on).toBe(true);
    } finally {
      s.dispose();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('the browser host on close', () => {
  it('takes the automatic backup before it lets the ledger go', async () => {
    const s = tempStore();
    const folder = tempDir();
    try {
      setAutoBackupSetting(s.db, { on: true, folder });
      const small = await startBrowserHost({ db: s.db, dbFile: s.file, operator: '测试员', port: 0, rendererDir });
      await small.close();
      expect(fs.readdirSync(folder)).toEqual([
        expect.stringMatching(/^台账备份-建始县高坪镇中心小学-\d{8}-\d{6}\.tzbak$/),
      ]);
    } finally {
      s.dispose();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('四性检测 backup check', () => {
  it("tells the last backup's time in the computer's own time zone", async () => {
    const s = tempStore();
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      recordBackup(s.db, { at: '2019-12-31T20:30:00.000Z', file: '/b.tzbak', bytes: 1, encrypted: false });
      const check = (await verifyLedger(s.db, s.file, { now: new Date('2020-01-02T00:00:00.000Z') })).checks.find(
        (c) => c.key === 'backup',
      );
      expect(check?.summary).toBe('最近一次备份于 2020-01-01 04:30（1 天前）');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
      s.dispose();
    }
  });
});
