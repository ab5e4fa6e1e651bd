import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SnapshotThread } from '../../main/archive/snapshot-thread.js';

let dir: string;
let thread: SnapshotThread | undefined;
afterEach(async () => {
  await thread?.close();
  thread = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A WAL ledger whose last rows are still only in the WAL, with a writer holding it open. */
function walLedger(): { file: string; db: Database.Database } {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-snapshot-'));
  const file = path.join(dir, 'ledger.db');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE records (id INTEGER PRIMARY KEY, name TEXT)');
  const insert = db.prepare('INSERT INTO records (name) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(`学生${i}`);
  })();
  return { file, db };
}

describe('the snapshot thread', () => {
  it('copies the ledger, what is only in its WAL included, into one self-contained file readable by this user only', async () => {
    const { file, db } = walLedger();
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    const target = path.join(dir, 'copy.db');
    thread = new SnapshotThread({ dbFile: file, target });
    await thread.done;
    db.close();

    expect(fs.existsSync(`${target}-wal`)).toBe(false);
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
    const copy = new Database(target, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) AS n FROM records').get()).toEqual({ n: 2000 });
    copy.close();
  });

  it('fails with SQLite’s code, so the caller can say why in Chinese', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-snapshot-'));
    const file = path.join(dir, 'not-a-ledger.db');
    fs.writeFileSync(file, 'this is not a database, only text that is long enough to be read as a header'.repeat(20));
    thread = new SnapshotThread({ dbFile: file, target: path.join(dir, 'copy.db') });
    await expect(thread.done).rejects.toMatchObject({ code: 'SQLITE_NOTADB' });
  });
});
