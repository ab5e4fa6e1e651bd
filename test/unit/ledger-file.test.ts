import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../main/store/index.js';
import { LEDGER_APPLICATION_ID } from '../../main/store/migrations.js';
import { tempDir } from '../helpers/temp-store.js';
import { runCli } from '../helpers/run-cli.js';
import { versionBefore } from '../helpers/old-ledger.js';
import { openUnmigrated, updateToVersion } from '../helpers/update-to-version.js';

let dir: string;

beforeEach(() => {
  dir = tempDir();
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

/** Everything in the folder, with each file's digest: what "untouched" means. */
function snapshot(): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(dir).map((name) => [name, sha(path.join(dir, name))]));
}

function foreignDatabase(name: string, setup: (db: Database.Database) => void): string {
  const file = path.join(dir, name);
  const db = new Database(file);
  setup(db);
  db.close();
  return file;
}

async function expectRefusedUntouched(file: string): Promise<void> {
  const before = snapshot();
  const result = await runCli(['stats', '--db', file]);
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/不是台账归档的台账文件（.+），为免损坏其中的数据未作任何修改/);
  expect(lines[0]).toContain(file);
  expect(snapshot()).toEqual(before);
}

describe('a file that is not a ledger', () => {
  it('another program’s database with its own table is refused, byte for byte untouched', async () => {
    const file = foreignDatabase('notes.db', (db) => {
      db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('保留')");
    });
    await expectRefusedUntouched(file);
  });

  it('another program’s WAL-mode database is refused, and no -wal or -shm is left beside it', async () => {
    const file = foreignDatabase('wal.db', (db) => {
      db.pragma('journal_mode = WAL');
      db.exec('CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT)');
    });
    expect(fs.readdirSync(dir)).toEqual(['wal.db']);
    await expectRefusedUntouched(file);
    expect(fs.readdirSync(dir)).toEqual(['wal.db']);
  });

  it('a database marked by another program is refused even when it has no tables', async () => {
    const file = foreignDatabase('other-app.db', (db) => db.pragma('application_id = 1'));
    await expectRefusedUntouched(file);
  });

  it('a database with user_version set and tables that look like ours plus a foreign one is refused', async () => {
    const file = foreignDatabase('lookalike.db', (db) => {
      db.exec('CREATE TABLE records (id INTEGER PRIMARY KEY); CREATE TABLE invoices (id INTEGER PRIMARY KEY)');
      db.pragma('user_version = 2');
    });
    await expectRefusedUntouched(file);
  });

  it('a file that is not SQLite at all is refused untouched', async () => {
    const file = path.join(dir, 'notes.txt');
    fs.writeFileSync(file, '这不是数据库\n'.repeat(20));
    await expectRefusedUntouched(file);
  });
});

describe('files that are ledgers', () => {
  it('a new ledger file is marked with the application id', () => {
    const file = path.join(dir, 'new.db');
    openStore(file).close();
    expect(fs.readFileSync(file).readUInt32BE(68)).toBe(LEDGER_APPLICATION_ID);
  });

  it('a 0-byte file is taken as a new, empty ledger (SQLite reads it as an empty database)', () => {
    const file = path.join(dir, 'empty.db');
    fs.writeFileSync(file, '');
    const db = openStore(file);
    expect(db.pragma('application_id', { simple: true })).toBe(LEDGER_APPLICATION_ID);
    db.close();
  });

  it('a ledger from before the mark opens with its data and gets the mark', async () => {
    const file = path.join(dir, 'old.db');
    // Built the way an older version left it: every migration but the one that sets the mark.
    const old = openUnmigrated(file);
    updateToVersion(old, versionBefore('application_id'));
    old
      .prepare('INSERT INTO units (name, created_at) VALUES (?, ?)')
      .run('建始县高坪镇中心小学', '2019-03-01T00:00:00Z');
    old.close();
    const result = await runCli(['ledgers', '--db', file, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const db = openStore(file);
    expect(db.pragma('application_id', { simple: true })).toBe(LEDGER_APPLICATION_ID);
    expect(db.prepare('SELECT name FROM units').pluck().all()).toEqual(['建始县高坪镇中心小学']);
    db.close();
  });
});

describe('who may read a ledger file', () => {
  it('a new ledger, its -wal and -shm are 0600 and a folder made for it 0700, whatever the umask', () => {
    const file = path.join(dir, 'made', 'for', 'it', 'ledger.db');
    const umask = process.umask(0);
    let db: Database.Database;
    try {
      db = openStore(file);
    } finally {
      process.umask(umask);
    }
    try {
      for (const each of [file, `${file}-wal`, `${file}-shm`]) expect(modeOf(each)).toBe(0o600);
      expect(modeOf(path.dirname(file))).toBe(0o700);
    } finally {
      db.close();
    }
  });

  it('an existing ledger left readable by others is tightened to 0600 when opened', () => {
    const file = path.join(dir, 'ledger.db');
    openStore(file).close();
    fs.chmodSync(file, 0o644);
    const db = openStore(file);
    try {
      for (const each of [file, `${file}-wal`, `${file}-shm`]) expect(modeOf(each)).toBe(0o600);
    } finally {
      db.close();
    }
  });
});
