import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, SCHEMA_VERSION, type Db } from '../../main/store/database.js';
import { openStore } from '../../main/store/index.js';
import { LEDGER_APPLICATION_ID, MIGRATIONS, type Migration } from '../../main/store/migrations.js';
import { oldLedgerFile } from '../helpers/old-ledger.js';
import { tempDir } from '../helpers/temp-store.js';
import { openUnmigrated, schemaVersion, updateToVersion } from '../helpers/update-to-version.js';
import { SAMPLE_AID } from '../helpers/sample-aid.js';

/*
 * One describe per file under main/store/migrations/: a file at the version before the migration,
 * holding rows of that schema, is migrated the way openDatabase does it, and the rows and the new
 * schema are checked.
 */

const aid = SAMPLE_AID;
const aidRows = [
  { ...aid, address: '建始县高坪镇青龙村3组' },
  { ...aid, name: '张雨桐', amount: '800' },
];

let dir: string;
let db: Db | undefined;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  if (db?.open) db.close();
  db = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A file at `version` with the built-in ledger types, one unit and the student-aid rows above. */
function ledgerAt(version: number): Db {
  const file = path.join(dir, 'ledger.db');
  oldLedgerFile(file, version, aidRows);
  db = openUnmigrated(file);
  expect(schemaVersion(db)).toBe(version);
  return db;
}

function sqlOf(db: Db, name: string): string | undefined {
  return db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(name) as string | undefined;
}

function columnsOf(db: Db, table: string): string[] {
  return db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[];
}

function records(db: Db): Array<{ id: number; name: string; amount: number }> {
  return db
    .prepare(`SELECT id, data ->> '$.name' AS name, data ->> '$.amount' AS amount FROM records ORDER BY id`)
    .all() as Array<{ id: number; name: string; amount: number }>;
}

const recordsBefore = [
  { id: 1, name: '李思远', amount: 1250 },
  { id: 2, name: '张雨桐', amount: 800 },
];

describe('001-initial', () => {
  it('gives an empty file every table, and the full-text row of a deleted record goes with it', () => {
    db = openUnmigrated(path.join(dir, 'ledger.db'));
    expect(schemaVersion(db)).toBe(0);
    updateToVersion(db, 1);
    expect(schemaVersion(db)).toBe(1);
    for (const table of ['units', 'ledger_types', 'records', 'attachments', 'audit_log', 'settings', 'records_fts']) {
      expect(sqlOf(db, table), table).toBeDefined();
    }
    const config = db.prepare("SELECT k, v FROM records_fts_config WHERE k LIKE '%merge' ORDER BY k").all();
    expect(config).toEqual([
      { k: 'automerge', v: 16 },
      { k: 'crisismerge', v: 64 },
    ]);
    db.close();

    const file = path.join(dir, 'rows.db');
    const [id] = oldLedgerFile(file, 1, aidRows);
    db = openUnmigrated(file);
    expect(db.prepare('SELECT count(*) FROM records_fts').pluck().get()).toBe(2);
    db.prepare('DELETE FROM records WHERE id = ?').run(id);
    expect(db.prepare('SELECT rowid FROM records_fts').pluck().all()).toEqual([2]);
  });
});

describe('002-reports', () => {
  it('adds report types and drafts, one draft per type, period, unit and activity', () => {
    const db = ledgerAt(1);
    updateToVersion(db, 2);
    expect(records(db)).toEqual(recordsBefore);
    const unitId = db.prepare('SELECT id FROM units').pluck().get() as number;
    const draft = db.prepare(
      `INSERT INTO report_drafts (report_type, period, unit_id, content, created_at, updated_at)
       VALUES ('aid-summary', '2019-03', ?, '{}', '2019-03-31', '2019-03-31')`,
    );
    draft.run(unitId);
    expect(() => draft.run(unitId)).toThrow(/UNIQUE/);
    expect(() => draft.run(unitId + 1)).toThrow(/FOREIGN KEY/);
    expect(db.prepare('SELECT activity_id FROM report_drafts').pluck().all()).toEqual([0]);
    db.prepare(
      `INSERT INTO report_templates (key, label, definition, created_at, updated_at)
       VALUES ('aid-summary', '资助情况总结', '{}', '2019-03-31', '2019-03-31')`,
    ).run();
    expect(() =>
      db.prepare(`UPDATE report_templates SET definition = 'not json' WHERE key = 'aid-summary'`).run(),
    ).toThrow(/CHECK/);
  });
});

describe('003-search-without-positions', () => {
  it('rebuilds the search index without positions, keeping every row, its tuning and the delete trigger', () => {
    const db = ledgerAt(2);
    const before = db.prepare('SELECT rowid, body FROM records_fts ORDER BY rowid').all();
    expect(before).toHaveLength(2);
    updateToVersion(db, 3);
    expect(sqlOf(db, 'records_fts')).toMatch(/detail = 'none'/);
    expect(sqlOf(db, 'records_fts_next')).toBeUndefined();
    expect(db.prepare('SELECT rowid, body FROM records_fts ORDER BY rowid').all()).toEqual(before);
    const found = db.prepare(`SELECT rowid FROM records_fts WHERE records_fts MATCH '"青龙村"'`).pluck().all();
    expect(found).toEqual([1]);
    expect(db.prepare('SELECT k, v FROM records_fts_config ORDER BY k').all()).toContainEqual({
      k: 'crisismerge',
      v: 64,
    });
    db.prepare('DELETE FROM records WHERE id = 1').run();
    expect(db.prepare('SELECT rowid FROM records_fts').pluck().all()).toEqual([2]);
  });
});

describe('004-import-batches', () => {
  it('keeps typed-in records visible and hides those of an unfinished import until it is done', () => {
    const db = ledgerAt(3);
    updateToVersion(db, 4);
    expect(records(db)).toEqual(recordsBefore);
    expect(db.prepare('SELECT import_batch_id FROM records').pluck().all()).toEqual([null, null]);
    expect(db.prepare('SELECT id FROM visible_records ORDER BY id').pluck().all()).toEqual([1, 2]);

    const unitId = db.prepare('SELECT id FROM units').pluck().get() as number;
    const batch = Number(
      db
        .prepare(
          `INSERT INTO import_batches (ledger_key, unit_id, file_name, file_sha256, operator, pid, started_at)
           VALUES ('student-aid', ?, '资助.xlsx', ?, '测试员', 1, '2019-04-01')`,
        )
        .run(unitId, 'a'.repeat(64)).lastInsertRowid,
    );
    db.prepare(
      `INSERT INTO records (ledger_key, unit_id, record_date, data, created_at, updated_at, import_batch_id)
       SELECT ledger_key, unit_id, record_date, data, created_at, updated_at, ? FROM records WHERE id = 1`,
    ).run(batch);
    expect(db.prepare('SELECT id FROM visible_records ORDER BY id').pluck().all()).toEqual([1, 2]);
    db.prepare(`UPDATE import_batches SET state = 'done' WHERE id = ?`).run(batch);
    expect(db.prepare('SELECT id FROM visible_records ORDER BY id').pluck().all()).toEqual([1, 2, 3]);
    expect(() => db.prepare(`UPDATE import_batches SET state = 'lost'`).run()).toThrow(/CHECK/);
    for (const index of ['records_by_ledger_date', 'records_by_unit']) {
      expect(sqlOf(db, index)).toMatch(/import_batch_id/);
    }
  });
});

describe('005-application-id', () => {
  it('marks the file as a ledger and leaves its rows', () => {
    const db = ledgerAt(4);
    expect(db.pragma('application_id', { simple: true })).toBe(0);
    updateToVersion(db, 5);
    expect(db.pragma('application_id', { simple: true })).toBe(LEDGER_APPLICATION_ID);
    expect(records(db)).toEqual(recordsBefore);
  });
});

describe('006-audit-chain', () => {
  it('adds the hash columns, leaving earlier rows unchained for the first open to chain', () => {
    const db = ledgerAt(5);
    db.exec(
      `INSERT INTO audit_log (at, operator, action, entity, entity_id, before, after)
       VALUES ('2019-05-06T08:00:00.000Z', '旧版本', 'create', 'record', '1', NULL, '{}')`,
    );
    updateToVersion(db, 6);
    expect(columnsOf(db, 'audit_log').slice(-2)).toEqual(['prev_hash', 'hash']);
    expect(db.prepare('SELECT operator, entity_id, prev_hash, hash FROM audit_log').all()).toEqual([
      { operator: '旧版本', entity_id: '1', prev_hash: null, hash: null },
    ]);
    expect(records(db)).toEqual(recordsBefore);
  });
});

describe('007-submissions', () => {
  it('adds submissions with their ledgers and lock history, which go with the submission', () => {
    const db = ledgerAt(6);
    updateToVersion(db, 7);
    expect(records(db)).toEqual(recordsBefore);
    const unitId = db.prepare('SELECT id FROM units').pluck().get() as number;
    const submission = Number(
      db
        .prepare(
          `INSERT INTO submissions (unit_id, period, period_label, period_from, period_to, created_at, operator, folder)
           VALUES (?, '2019H1', '2019年上半年', '2019-01-01', '2019-06-30', '2019-07-01', '测试员', '报送/2019H1')`,
        )
        .run(unitId).lastInsertRowid,
    );
    expect(db.prepare('SELECT state, reports FROM submissions').get()).toEqual({ state: 'generating', reports: '[]' });
    db.prepare(`INSERT INTO submission_ledgers (submission_id, ledger_key) VALUES (?, 'student-aid')`).run(submission);
    db.prepare(
      `INSERT INTO submission_locks (submission_id, action, at, operator) VALUES (?, 'lock', '2019-07-01', '测试员')`,
    ).run(submission);
    expect(() => db.prepare(`UPDATE submissions SET state = 'sent'`).run()).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(`INSERT INTO submission_ledgers (submission_id, ledger_key) VALUES (?, 'no-such-ledger')`)
        .run(submission),
    ).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM submissions WHERE id = ?').run(submission);
    expect(db.prepare('SELECT count(*) FROM submission_ledgers').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM submission_locks').pluck().get()).toBe(0);
  });
});

describe('008-grid-queries', () => {
  it('indexes a ledger by id, keeping every record and its search text as they were', () => {
    const db = ledgerAt(7);
    const texts = () => db.prepare('SELECT rowid, body FROM records_fts ORDER BY rowid').all();
    const textsBefore = texts();
    updateToVersion(db, 8);
    expect(records(db)).toEqual(recordsBefore);
    expect(texts()).toEqual(textsBefore);
    expect(sqlOf(db, 'records_by_ledger_id')).toMatch(/ledger_key, id/);
    db.close();

    // Opening it as the program does adds the indexes of each type's choice, date and number fields.
    const opened = openStore(path.join(dir, 'ledger.db'), { mustExist: true });
    try {
      expect(sqlOf(opened, 'records_by_student-aid.amount')).toMatch(/WHERE ledger_key = 'student-aid'/);
      expect(sqlOf(opened, 'records_by_student-aid.family_type')).toBeDefined();
      expect(sqlOf(opened, 'records_by_student-aid.name')).toBeUndefined();
      expect(records(opened)).toEqual(recordsBefore);
    } finally {
      opened.close();
    }
  });
});

it('every migration under main/store/migrations/ has its describe above', () => {
  const folder = fileURLToPath(new URL('../../main/store/migrations/', import.meta.url));
  const source = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8');
  for (const file of fs.readdirSync(folder).filter((name) => name.endsWith('.ts'))) {
    expect(source, file).toContain(`describe('${path.basename(file, '.ts')}', () => {`);
  }
});

describe('a migration that fails', () => {
  const failing: Migration = `
    CREATE TABLE half_done (id INTEGER PRIMARY KEY);
    INSERT INTO units (name, created_at) VALUES ('不该留下的单位', '2019-06-01');
    UPDATE records SET data = json_set(data, '$.amount', '0');
    SELECT no_such_column FROM units;
  `;

  it('rolls back, leaving the file byte for byte as it was', () => {
    const file = path.join(dir, 'ledger.db');
    oldLedgerFile(file, 5, aidRows);
    const before = fs.readFileSync(file);
    db = openUnmigrated(file);
    expect(() => migrate(db!, 5, [...MIGRATIONS.slice(0, 5), failing])).toThrow(/no_such_column/);
    expect(schemaVersion(db)).toBe(5);
    expect(sqlOf(db, 'half_done')).toBeUndefined();
    db.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('keeps the steps before it, and the next open carries on from there', () => {
    const file = path.join(dir, 'ledger.db');
    oldLedgerFile(file, 4, aidRows);
    db = openUnmigrated(file);
    expect(() => migrate(db!, 4, [...MIGRATIONS.slice(0, 5), failing])).toThrow(/no_such_column/);
    expect(schemaVersion(db)).toBe(5);
    expect(db.pragma('application_id', { simple: true })).toBe(LEDGER_APPLICATION_ID);
    db.close();
    db = openStore(file, { mustExist: true });
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(records(db)).toEqual(recordsBefore);
    expect(db.prepare('SELECT name FROM units').pluck().all()).toEqual(['建始县高坪镇中心小学']);
  });
});
