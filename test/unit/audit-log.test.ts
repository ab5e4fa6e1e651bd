import { afterEach, describe, expect, it } from 'vitest';
import { tempStore, type TempStore } from '../helpers/temp-store.js';
import { dispatch, type ApiContext } from '../../main/api.js';
import { createRecord, deleteRecord, updateRecord } from '../../main/store/records.js';
import { getLedgerDefinition } from '../../main/store/ledger-types.js';
import { BulkInsert } from '../../main/store/bulk.js';
import { countBatchRows, finishBatch, startBatch } from '../../main/store/import-batches.js';
import { copyLedgerType } from '../../main/ledgers/type-editor.js';
import type { ApiOutput } from '../../shared/api.js';
import { idCardCheckChar } from '../../shared/idcard.js';
import { SAMPLE_AID } from '../helpers/sample-aid.js';

const SECOND_ID = '11010120050307803' + idCardCheckChar('11010120050307803');

const aid = SAMPLE_AID;

let store: TempStore;
afterEach(() => store?.dispose());

function ctxOf(s: TempStore): ApiContext {
  return { db: s.db, dbFile: s.file, operator: '测试员', transport: 'test' };
}

async function call<T>(ctx: ApiContext, method: string, input: unknown): Promise<T> {
  const result = await dispatch(ctx, method, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

type LogPage = ApiOutput<'audit.list'>;
type History = ApiOutput<'records.history'>;

describe('修改记录 of one record', () => {
  it('says an update field by field with the ledger’s labels, old → new', async () => {
    store = tempStore();
    const created = createRecord(store.db, { ledger: 'student-aid', values: aid }, '王老师');
    updateRecord(store.db, { id: created.id, values: { ...aid, amount: '1500', class_name: '初一（2）班' } }, '李会计');
    const history = await call<History>(ctxOf(store), 'records.history', { id: created.id });
    expect(history.map((h) => [h.action, h.operator])).toEqual([
      ['create', '王老师'],
      ['update', '李会计'],
    ]);
    const update = history[1]!;
    expect(update.summary).toBe('修改了 2 个字段');
    expect(update.changes).toEqual([
      { label: '年级班级', before: '（空）', after: '初一（2）班' },
      { label: '资助金额(元)', before: '1250.00', after: '1500.00' },
    ]);
    // The ledger keeper sees the ID number as stored.
    expect(history[0]!.changes).toContainEqual({ label: '身份证号', before: '（空）', after: aid.id_number });
  });

  it('starts an imported record’s history with its batch: file, time, operator', async () => {
    store = tempStore();
    const db = store.db;
    const batchId = startBatch(db, {
      ledger: 'student-aid',
      unitId: store.unit.id,
      fileName: '2019年春季资助.xlsx',
      sha256: 'b'.repeat(64),
      operator: '赵主任',
    });
    const bulk = new BulkInsert(db, getLedgerDefinition(db, 'student-aid'), store.unit.id, { batchId });
    const [id] = db.transaction(() => {
      const ids = [bulk.add({ values: aid }), bulk.add({ values: { ...aid, name: '张雨桐', id_number: SECOND_ID } })];
      countBatchRows(db, batchId, ids.length);
      return ids;
    })();
    db.transaction(() => {
      finishBatch(db, batchId, { skipped: 0, rejected: 0 });
      bulk.finish({
        operator: '赵主任',
        source: 'xlsx:2019年春季资助.xlsx!0',
        details: { batchId, sha256: 'b'.repeat(64), skipped: 0, rejected: 0 },
      });
    })();
    const history = await call<History>(ctxOf(store), 'records.history', { id });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'import', operator: '赵主任' });
    expect(history[0]!.batch).toMatchObject({
      id: batchId,
      fileName: '2019年春季资助.xlsx',
      operator: '赵主任',
      rows: 2,
    });
    expect(history[0]!.summary).toContain('2019年春季资助.xlsx');
  });
});

describe('audit.list: the log of one ledger', () => {
  it('pages newest first, filters by operator and day, and lists the operators present', async () => {
    store = tempStore();
    const copy = copyLedgerType(store.db, 'student-aid', '管理员');
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) {
      const who = i % 2 === 0 ? '王老师' : '李会计';
      ids.push(createRecord(store.db, { ledger: 'student-aid', values: { ...aid, name: `学生${i}` } }, who).id);
    }
    updateRecord(store.db, { id: ids[0]!, values: { ...aid, name: '学生0', amount: '900' } }, '李会计');
    deleteRecord(store.db, ids[1]!, '王老师');
    createRecord(store.db, { ledger: copy.key, values: aid }, '别的学校');
    // A row from yesterday, written the way the app writes rows, only at another time.
    const yesterday = new Date(Date.now() - 36 * 3600_000).toISOString();
    store.db
      .prepare(`UPDATE audit_log SET at = ? WHERE entity = 'record' AND entity_id = ? AND action = 'create'`)
      .run(yesterday, String(ids[2]));

    const ctx = ctxOf(store);
    const all = await call<LogPage>(ctx, 'audit.list', { ledger: 'student-aid', page: 1, pageSize: 4 });
    // The first row is the built-in type's arrival in this ledger file.
    expect(all.total).toBe(10);
    expect(all.rows).toHaveLength(4);
    expect(all.rows.map((r) => r.id)).toEqual([...all.rows.map((r) => r.id)].sort((a, b) => b - a));
    expect(all.rows[0]).toMatchObject({ action: 'delete', summary: '删除记录', recordId: ids[1] });
    expect(all.rows[1]).toMatchObject({ action: 'update', recordLabel: '学生0' });
    expect(all.rows[1]!.changes).toEqual([{ label: '资助金额(元)', before: '1250.00', after: '900.00' }]);
    expect(all.operators).toEqual(['台账归档（内置台账定义）', '李会计', '王老师'].sort());

    const third = await call<LogPage>(ctx, 'audit.list', { ledger: 'student-aid', page: 3, pageSize: 4 });
    expect(third.rows.map((r) => r.recordId ?? r.summary)).toEqual([ids[0], '新建台账类型']);

    const byLi = await call<LogPage>(ctx, 'audit.list', {
      ledger: 'student-aid',
      operator: '李会计',
      page: 1,
      pageSize: 50,
    });
    expect(byLi.total).toBe(4);
    expect(byLi.rows.every((r) => r.operator === '李会计')).toBe(true);

    const day = (d: Date) =>
      `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const today = day(new Date());
    const onlyToday = await call<LogPage>(ctx, 'audit.list', {
      ledger: 'student-aid',
      from: today,
      to: today,
      page: 1,
      pageSize: 50,
    });
    expect(onlyToday.total).toBe(9);
    const before = day(new Date(Date.now() - 36 * 3600_000));
    const earlier = await call<LogPage>(ctx, 'audit.list', {
      ledger: 'student-aid',
      from: before,
      to: before,
      page: 1,
      pageSize: 50,
    });
    expect(earlier.rows.map((r) => r.recordId)).toEqual([ids[2]]);

    const other = await call<LogPage>(ctx, 'audit.list', { ledger: copy.key, page: 1, pageSize: 50 });
    expect(other.rows.map((r) => r.action)).toEqual(['create', 'create']);
    expect(other.rows[1]!.summary).toContain('复制台账类型');
    expect(other.operators).toEqual(['别的学校', '管理员'].sort());
  });

  it('refuses a date range that ends before it starts, in one Chinese line', async () => {
    store = tempStore();
    const result = await dispatch(ctxOf(store), 'audit.list', {
      ledger: 'student-aid',
      from: '2019-05-01',
      to: '2019-04-01',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { message: '起始日期 2019-05-01 晚于结束日期 2019-04-01，请重新选择' },
    });
  });
});
