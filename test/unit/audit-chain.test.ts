import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { findChainBreak } from '../../main/store/audit-chain.js';
import { verifyLedger } from '../../main/archive/four-checks.js';
import { createRecord, deleteRecord, updateRecord } from '../../main/store/records.js';
import { openStore } from '../../main/store/index.js';
import { tempDir, tempStore, type TempStore } from '../helpers/temp-store.js';
import { oldLedgerFile, versionBefore } from '../helpers/old-ledger.js';
import { runCli } from '../helpers/run-cli.js';

const aid = {
  name: '黄诗雨',
  gender: '女',
  id_number: '11010519491231002X',
  stage: '小学',
  family_type: '建档立卡',
  aid_item: '营养改善计划',
  amount: '800',
  paid_on: '2019-05-06',
};

let store: TempStore | undefined;
afterEach(() => {
  store?.dispose();
  store = undefined;
});

/** A ledger with a few audited writes: create, update, delete. */
function auditedLedger(): TempStore {
  const s = (store = tempStore());
  const a = createRecord(s.db, { ledger: 'student-aid', values: aid }, '测试员');
  createRecord(s.db, { ledger: 'student-aid', values: { ...aid, name: '张山' } }, '测试员');
  updateRecord(s.db, { id: a.id, values: { ...aid, amount: '900' } }, '审核员');
  deleteRecord(s.db, a.id, '审核员');
  return s;
}

/** Changes the file as the sqlite3 shell would: another connection, outside the app. */
function behindTheApp(file: string, sql: string): void {
  const raw = new Database(file);
  raw.exec(sql);
  raw.close();
}

const chainCheck = async (s: TempStore) =>
  (await verifyLedger(s.db, s.file)).checks.find((c) => c.key === 'audit-chain')!;

describe('the audit log as a hash chain', () => {
  it('holds for every write the app makes', async () => {
    const s = auditedLedger();
    expect(findChainBreak(s.db)).toMatchObject({ broken: null });
    expect(await chainCheck(s)).toMatchObject({ status: 'pass', aspect: '真实性' });
  });

  it('breaks at a row altered, deleted or slipped in behind the app, and verify names it', async () => {
    for (const [sql, id, why] of [
      [`UPDATE audit_log SET operator = '别人' WHERE id = 2`, 2, '这条记录的内容被改动'],
      [`DELETE FROM audit_log WHERE id = 2`, 3, '它之前的一条记录被删除、插入或改动'],
      [
        `UPDATE audit_log SET after = replace(after, '900', '9000') WHERE action = 'update'`,
        'update',
        '这条记录的内容被改动',
      ],
    ] as const) {
      const s = auditedLedger();
      const row =
        id === 'update'
          ? (s.db.prepare(`SELECT id FROM audit_log WHERE action = 'update'`).get() as { id: number }).id
          : id;
      s.db.close();
      behindTheApp(s.file, sql);
      s.db = openStore(s.file);
      const check = await chainCheck(s);
      expect(check.status, sql).toBe('fail');
      expect(check.details[0]).toMatch(new RegExp(`^修改记录第 ${row} 条（.+）：${why}$`));
      store?.dispose();
      store = undefined;
    }
  });

  it('the CLI verify fails on an altered row', async () => {
    const s = auditedLedger();
    s.db.close();
    behindTheApp(s.file, `UPDATE audit_log SET at = '2019-01-01T00:00:00.000Z' WHERE id = 1`);
    const cli = await runCli(['verify', '--db', s.file]);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain('[真实性] 修改记录未被改动：不通过');
  }, 30_000);

  it('a ledger from before the chain is chained when opened, and holds', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.db');
    const before = versionBefore('ADD COLUMN prev_hash');
    oldLedgerFile(file, before, [aid]);
    behindTheApp(
      file,
      `INSERT INTO audit_log (at, operator, action, entity, entity_id, before, after)
       VALUES ('2019-05-06T08:00:00.000Z', '旧版本', 'create', 'record', '1', NULL, '{}'),
              ('2019-05-07T08:00:00.000Z', '旧版本', 'update', 'record', '1', '{}', '{}')`,
    );
    const db = openStore(file);
    expect(findChainBreak(db)).toEqual({ rows: 2, broken: null });
    createRecord(db, { ledger: 'student-aid', values: { ...aid, name: '李四' } }, '测试员');
    expect(findChainBreak(db)).toEqual({ rows: 3, broken: null });
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
