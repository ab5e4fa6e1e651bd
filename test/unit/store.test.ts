import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir, tempStore, type TempStore } from '../helpers/temp-store.js';
import { openStore } from '../../main/store/index.js';
import { SCHEMA_VERSION } from '../../main/store/database.js';
import { createRecord, deleteRecord, getRecord, updateRecord } from '../../main/store/records.js';
import { listRecords, countRecords } from '../../main/store/record-query.js';
import { insertRecordsBulk } from '../../main/store/bulk.js';
import { getLedgerDefinition } from '../../main/store/ledger-types.js';
import { listAudit } from '../../main/store/audit.js';
import { TaizhangError } from '../../main/store/errors.js';
import { oldLedgerFile } from '../helpers/old-ledger.js';
import { SAMPLE_AID } from '../helpers/sample-aid.js';

const aid = SAMPLE_AID;

let store: TempStore;
afterEach(() => store?.dispose());

function recordCount(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('the ledger file', () => {
  it('keeps records across a close and reopen', () => {
    store = tempStore();
    const created = createRecord(store.db, { ledger: 'student-aid', values: aid }, '测试员');
    store.db.close();
    const reopened = openStore(store.file, { mustExist: true });
    try {
      expect(getRecord(reopened, created.id).values).toEqual(created.values);
      expect(getRecord(reopened, created.id).recordDate).toBe('2019-03-20');
    } finally {
      reopened.close();
    }
  });

  it('migrates an empty file to the current schema with WAL and foreign keys', () => {
    const dir = tempDir();
    const file = path.join(dir, 'empty.db');
    fs.writeFileSync(file, '');
    const db = openStore(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(Number(db.pragma('busy_timeout', { simple: true }))).toBeGreaterThan(0);
      const tables = (
        db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table')").all() as { name: string }[]
      ).map((t) => t.name);
      expect(tables).toEqual(
        expect.arrayContaining([
          'units',
          'ledger_types',
          'records',
          'attachments',
          'audit_log',
          'settings',
          'records_fts',
        ]),
      );
      expect(getLedgerDefinition(db, 'student-aid').label).toBe('学生资助台账');
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('moves a version 2 file to the search index without token positions, finding the same records', () => {
    // A file as version 2 made it: its index with token positions, rows and all.
    const dir = tempDir();
    const file = path.join(dir, 'v2.db');
    const [, keptId] = oldLedgerFile(file, 2, [
      { ...aid, address: '建始县高坪镇青龙村3组' },
      { ...aid, name: '张雨桐' },
    ]);
    const db = openStore(file, { mustExist: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'records_fts'").pluck().get() as string;
      expect(sql).toMatch(/detail = 'none'/);
      const find = (search: string) => countRecords(db, { ledger: 'student-aid', search });
      expect(find('青龙村')).toBe(1);
      expect(find('雨桐')).toBe(1);
      expect(find('1990030')).toBe(2);
      deleteRecord(db, keptId!, 't');
      expect(find('雨桐')).toBe(0);
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file from a newer version and leaves it byte for byte unchanged', () => {
    store = tempStore();
    store.db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.db.close();
    const before = fs.readFileSync(store.file);
    expect(() => openStore(store.file)).toThrowError(/由更新版本的台账归档创建/);
    expect(fs.readFileSync(store.file).equals(before)).toBe(true);
  });

  it('refuses to open a file that is not a ledger, naming it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'notes.db');
    fs.writeFileSync(file, 'this is not sqlite '.repeat(100));
    expect(() => openStore(file)).toThrowError(new RegExp(`无法打开台账文件 ${file.replace(/[.]/g, '\\.')}`));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('records', () => {
  it('writes nothing when validation fails', () => {
    store = tempStore();
    let error: unknown;
    try {
      createRecord(store.db, { ledger: 'student-aid', values: { ...aid, id_number: '110101199003078031' } }, '测试员');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TaizhangError);
    expect((error as TaizhangError).fieldErrors?.[0]).toMatchObject({ label: '身份证号' });
    expect(recordCount(store.file)).toBe(0);
    expect(store.db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'record'").get()).toEqual({ n: 0 });
  });

  it('rolls back the record when its audit row cannot be written', () => {
    store = tempStore();
    store.db.exec(
      `CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;`,
    );
    expect(() => createRecord(store.db, { ledger: 'student-aid', values: aid }, '测试员')).toThrow(/disk trouble/);
    expect(recordCount(store.file)).toBe(0);
  });

  it('inserts a bulk batch all or nothing', () => {
    store = tempStore();
    const def = getLedgerDefinition(store.db, 'student-aid');
    const rows = [{ values: aid }, { values: { ...aid, paid_on: '2019-13-45' } }, { values: aid }];
    expect(() => insertRecordsBulk(store.db, def, store.unit.id, rows, { operator: '测试员', source: 'test' })).toThrow(
      /发放日期/,
    );
    expect(recordCount(store.file)).toBe(0);
    const ok = insertRecordsBulk(store.db, def, store.unit.id, [{ values: aid }, { values: aid }], {
      operator: '测试员',
      source: 'test',
    });
    expect(ok.inserted).toBe(2);
    expect(recordCount(store.file)).toBe(2);
  });

  it('audits create, update and delete with before and after', () => {
    store = tempStore();
    const created = createRecord(store.db, { ledger: 'student-aid', values: aid }, '王老师');
    updateRecord(store.db, { id: created.id, values: { ...aid, amount: '1000' } }, '王老师');
    deleteRecord(store.db, created.id, '李主任');
    const history = listAudit(store.db, 'record', created.id);
    expect(history.map((h) => [h.action, h.operator])).toEqual([
      ['create', '王老师'],
      ['update', '王老师'],
      ['delete', '李主任'],
    ]);
    expect((history[1]!.before as { values: { amount: number } }).values.amount).toBe(1250);
    expect((history[1]!.after as { values: { amount: number } }).values.amount).toBe(1000);
    expect(() => getRecord(store.db, created.id)).toThrow(/记录不存在/);
  });

  it('finds Chinese text by a fragment, including two-character fragments', () => {
    store = tempStore();
    createRecord(
      store.db,
      { ledger: 'student-aid', values: { ...aid, name: '欧阳思远', address: '建始县高坪镇青龙村3组' } },
      't',
    );
    createRecord(
      store.db,
      { ledger: 'student-aid', values: { ...aid, name: '张雨桐', id_number: '11010519491231002X', gender: '女' } },
      't',
    );
    const find = (search: string) =>
      listRecords(store.db, { ledger: 'student-aid', search }, { page: 1, pageSize: 10 }).rows.map(
        (r) => r.values.name,
      );
    expect(find('阳思')).toEqual(['欧阳思远']);
    expect(find('青龙村')).toEqual(['欧阳思远']);
    expect(find('雨桐')).toEqual(['张雨桐']);
    expect(find('1231002X')).toEqual(['张雨桐']);
    expect(find('100%')).toEqual([]);
  });

  it('keeps the search index in step with edits and deletes', () => {
    store = tempStore();
    const r = createRecord(store.db, { ledger: 'student-aid', values: aid }, 't');
    updateRecord(store.db, { id: r.id, values: { ...aid, name: '李文博' } }, 't');
    const count = (search: string) => countRecords(store.db, { ledger: 'student-aid', search });
    expect(count('思远')).toBe(0);
    expect(count('文博')).toBe(1);
    deleteRecord(store.db, r.id, 't');
    expect(count('文博')).toBe(0);
  });

  it('pages, sorts, filters by field and by date range', () => {
    store = tempStore();
    const def = getLedgerDefinition(store.db, 'student-aid');
    const rows = Array.from({ length: 30 }, (_, i) => ({
      values: {
        ...aid,
        amount: String(100 + i),
        paid_on: `2019-${String((i % 12) + 1).padStart(2, '0')}-10`,
        stage: i % 2 ? '初中' : '小学',
      },
    }));
    insertRecordsBulk(store.db, def, store.unit.id, rows, { operator: 't', source: 'test' });
    const page2 = listRecords(
      store.db,
      { ledger: 'student-aid', sort: { field: 'amount', direction: 'desc' } },
      { page: 2, pageSize: 10 },
    );
    expect(page2.total).toBe(30);
    expect(page2.rows.map((r) => r.values.amount)).toEqual([119, 118, 117, 116, 115, 114, 113, 112, 111, 110]);
    expect(
      countRecords(store.db, { ledger: 'student-aid', filters: [{ field: 'stage', op: 'eq', value: '初中' }] }),
    ).toBe(15);
    expect(countRecords(store.db, { ledger: 'student-aid', dateFrom: '2019-01-01', dateTo: '2019-06-30' })).toBe(18);
    expect(() =>
      countRecords(store.db, { ledger: 'student-aid', filters: [{ field: 'salary', op: 'eq', value: '1' }] }),
    ).toThrow(/没有字段“salary”/);
  });
});

describe('built-in definitions', () => {
  it('logs a changed built-in definition when a newer program opens the file', () => {
    store = tempStore();
    const log = (key: string) =>
      store.db
        .prepare("SELECT action FROM audit_log WHERE entity = 'ledger-type' AND entity_id = ? ORDER BY id")
        .all(key);
    expect(log('student-aid')).toEqual([{ action: 'create' }]);
    // As if an older version had shipped another label: reopening brings the shipped one back, logged.
    store.db
      .prepare(
        "UPDATE ledger_types SET definition = json_set(definition, '$.label', '旧名称') WHERE key = 'student-aid'",
      )
      .run();
    store.db.close();
    const reopened = openStore(store.file);
    try {
      expect(getLedgerDefinition(reopened, 'student-aid').label).toBe('学生资助台账');
      const rows = reopened
        .prepare(
          "SELECT action, before FROM audit_log WHERE entity = 'ledger-type' AND entity_id = 'student-aid' ORDER BY id",
        )
        .all() as Array<{ action: string; before: string | null }>;
      expect(rows.map((r) => r.action)).toEqual(['create', 'update']);
      expect(JSON.parse(rows[1]!.before!).label).toBe('旧名称');
    } finally {
      reopened.close();
    }
  });
});
