import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore, type TempStore } from '../helpers/temp-store.js';
import { SAMPLE_AID } from '../helpers/sample-aid.js';
import { lock2019H1 } from '../helpers/lock-period.js';
import { insertRecordsBulk } from '../../main/store/bulk.js';
import { getLedgerDefinition } from '../../main/store/ledger-types.js';
import { updateRecord } from '../../main/store/records.js';
import { countRecords } from '../../main/store/record-query.js';
import { bulkUpdateRecords } from '../../main/records/bulk-update.js';
import { revertBatch } from '../../main/records/revert.js';
import { recordHistory } from '../../main/audit/record-history.js';
import { describeAuditRow } from '../../main/audit/describe.js';
import { listAudit } from '../../main/store/audit.js';
import { dispatch } from '../../main/api.js';
import type { ApiResult } from '../../shared/api-methods.js';
import type { ApiOutput } from '../../shared/api.js';

/*
 * Bulk edit on a real ledger file: twenty records, family types in turn 建档立卡, 低保, 其他, 建档立卡 …
 * (so 7 are 建档立卡), paid one a month from January 2019 on, the first half in 2019H1.
 */

const FAMILIES = ['建档立卡', '低保', '其他'];
let store: TempStore;
let ids: number[];
beforeEach(() => {
  store = tempStore();
  const def = getLedgerDefinition(store.db, 'student-aid');
  const rows = Array.from({ length: 20 }, (_, i) => ({
    values: {
      ...SAMPLE_AID,
      name: `学生${i + 1}`,
      family_type: FAMILIES[i % 3]!,
      paid_on: `${2019 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-15`,
      fund_source: '中央财政',
    },
  }));
  const { firstId } = insertRecordsBulk(store.db, def, store.unit.id, rows, { operator: '测试员', source: 'test' });
  ids = rows.map((_, i) => firstId! + i);
});
afterEach(() => store.dispose());

const auditRows = () => store.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
const valuesOf = (field: string) =>
  store.db.prepare(`SELECT data ->> '$.${field}' FROM records ORDER BY id`).pluck().all() as unknown[];
const family = { ledger: 'student-aid', filters: [{ field: 'family_type', op: 'in' as const, values: ['建档立卡'] }] };

describe('records.bulkUpdate', () => {
  it('sets one field on every record of a filter in one batch, audited once, and search finds the new value', () => {
    const before = auditRows();
    const result = bulkUpdateRecords(
      store.db,
      { ledger: 'student-aid', filter: family, field: 'fund_source', value: '县级财政' },
      '测试员',
    );
    expect(result.updated).toBe(7);
    expect(result.ids).toEqual(ids.filter((_, i) => i % 3 === 0));
    expect(valuesOf('fund_source')).toEqual(ids.map((_, i) => (i % 3 === 0 ? '县级财政' : '中央财政')));
    expect(auditRows()).toBe(before + 1);
    const audit = store.db
      .prepare('SELECT id, action, entity, entity_id, after FROM audit_log ORDER BY id DESC LIMIT 1')
      .get() as {
      id: number;
      entity: string;
      entity_id: string;
      after: string;
    };
    expect(audit).toMatchObject({ id: result.batch, entity: 'ledger', entity_id: 'student-aid' });
    expect(JSON.parse(audit.after)).toMatchObject({
      kind: 'bulk-update',
      field: 'fund_source',
      value: '县级财政',
      count: 7,
      previous: [{ value: '中央财政', ids: ids.filter((_, i) => i % 3 === 0).map((id) => [id, id]) }],
    });
    expect(countRecords(store.db, { ledger: 'student-aid', search: '县级财政' })).toBe(7);
  });

  it('checks the value as the form does and writes nothing when one record refuses it', () => {
    const before = auditRows();
    expect(() =>
      bulkUpdateRecords(store.db, { ledger: 'student-aid', ids, field: 'amount', value: '六百' }, '测试员'),
    ).toThrow(/^资助金额\(元\)：应为金额数字.*，未做修改$/);
    // 性别 against the ID number (a man's): the check across fields runs on every record.
    expect(() =>
      bulkUpdateRecords(store.db, { ledger: 'student-aid', ids, field: 'gender', value: '女' }, '测试员'),
    ).toThrow(/^编号 \d+ 的记录无法修改：.*性别/);
    expect(valuesOf('amount')).toEqual(ids.map(() => 1250));
    expect(auditRows()).toBe(before);
  });

  it('takes a value that is not yet a choice of 家庭类型 only once the user has confirmed it', () => {
    const set = (value: string, acceptNewChoice?: boolean) =>
      bulkUpdateRecords(
        store.db,
        { ledger: 'student-aid', ids: [ids[0]!], field: 'family_type', value, acceptNewChoice },
        't',
      );
    expect(() => set('625')).toThrow(
      '“625”不是“家庭类型”已有的选项（建档立卡、低保、特困供养、残疾、其他），确认要新增这个选项后才能保存',
    );
    expect(valuesOf('family_type')[0]).toBe('建档立卡');
    expect(set('边缘易致贫户', true).updated).toBe(1);
    // Saved once, it is a value of the ledger: no need to confirm it again.
    expect(set('边缘易致贫户').updated).toBe(0);
    expect(
      bulkUpdateRecords(
        store.db,
        { ledger: 'student-aid', ids: [ids[1]!], field: 'family_type', value: '边缘易致贫户' },
        't',
      ).updated,
    ).toBe(1);
  });

  it('is refused in a submitted period, naming the submission, and changes nothing at all', () => {
    const submission = lock2019H1(store.db, store.unit.id, 'student-aid');
    const before = auditRows();
    expect(() =>
      bulkUpdateRecords(
        store.db,
        { ledger: 'student-aid', filter: family, field: 'fund_source', value: '县级财政' },
        '测试员',
      ),
    ).toThrow(`2019年上半年的学生资助台账已于 2019-07-01 报送（报送 #${submission}），如需修改请先解锁`);
    // The records of July on were not locked, and were not written either: one transaction.
    expect(valuesOf('fund_source')).toEqual(ids.map(() => '中央财政'));
    expect(auditRows()).toBe(before);
    // Records only of the second half go through, but not into the first half.
    const secondHalf = ids.filter((_, i) => i >= 6 && i < 12);
    expect(() =>
      bulkUpdateRecords(
        store.db,
        { ledger: 'student-aid', ids: secondHalf, field: 'paid_on', value: '2019-03-01' },
        't',
      ),
    ).toThrow(`（报送 #${submission}）`);
    const moved = bulkUpdateRecords(
      store.db,
      { ledger: 'student-aid', ids: secondHalf, field: 'paid_on', value: '2019-09-01' },
      't',
    );
    expect(moved.updated).toBe(6);
    expect(
      store.db
        .prepare(`SELECT DISTINCT record_date FROM records WHERE id IN (${secondHalf.join(',')})`)
        .pluck()
        .all(),
    ).toEqual(['2019-09-01']);
    expect(
      bulkUpdateRecords(store.db, { ledger: 'student-aid', ids: secondHalf, field: 'remark', value: '补录' }, 't')
        .updated,
    ).toBe(6);
  });

  it('is undone by records.revert, once, and not over a later edit', () => {
    const { batch } = bulkUpdateRecords(
      store.db,
      { ledger: 'student-aid', filter: family, field: 'fund_source', value: '县级财政' },
      '测试员',
    );
    const undone = revertBatch(store.db, batch, '测试员');
    expect(undone).toMatchObject({ deleted: 0, restored: 7 });
    expect(valuesOf('fund_source')).toEqual(ids.map(() => '中央财政'));
    expect(countRecords(store.db, { ledger: 'student-aid', search: '县级财政' })).toBe(0);
    expect(() => revertBatch(store.db, batch, '测试员')).toThrow('已经撤销过了');

    const again = bulkUpdateRecords(
      store.db,
      { ledger: 'student-aid', ids: [ids[0]!, ids[3]!], field: 'remark', value: '已核' },
      't',
    );
    updateRecord(store.db, { id: ids[3]!, values: { ...SAMPLE_AID, name: '学生4', remark: '又改了' } }, 't');
    expect(() => revertBatch(store.db, again.batch, 't')).toThrow(`编号 ${ids[3]} 的记录之后又被修改过`);
    expect(valuesOf('remark')[0]).toBe('已核');
  });

  it('runs a bulk edit of many records in the records thread, the API thread answering meanwhile', async () => {
    const def = getLedgerDefinition(store.db, 'student-aid');
    const more = Array.from({ length: 20_000 }, (_, i) => ({
      values: { ...SAMPLE_AID, name: `新生${i}`, paid_on: '2020-03-01' },
    }));
    insertRecordsBulk(store.db, def, store.unit.id, more, { operator: '测试员', source: 'test' });
    let longestGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      longestGap = Math.max(longestGap, performance.now() - last);
      last = performance.now();
    }, 5);
    try {
      const result = (await dispatch(
        { db: store.db, dbFile: store.file, operator: '测试员', transport: 'test' },
        'records.bulkUpdate',
        {
          ledger: 'student-aid',
          target: { filter: { ledger: 'student-aid', period: '2020' } },
          field: 'remark',
          value: '春季学期',
        },
      )) as ApiResult<ApiOutput<'records.bulkUpdate'>>;
      // With the 8 records of 2020 from the table above.
      expect(result.ok && result.value.updated).toBe(20_008);
      // One more tick, which measures any stop the call made.
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      clearInterval(ticker);
    }
    expect(countRecords(store.db, { ledger: 'student-aid', search: '春季学期' })).toBe(20_008);
    // The thousand-and-more records were written on another thread: this one never stopped for long.
    expect(longestGap).toBeLessThan(150);
  });

  it('is served through the API for the whole filter', async () => {
    const result = (await dispatch(
      { db: store.db, dbFile: store.file, operator: '测试员', transport: 'test' },
      'records.bulkUpdate',
      {
        ledger: 'student-aid',
        target: { filter: { ...family, period: '2019H2' } },
        field: 'fund_source',
        value: '县级财政',
      },
    )) as ApiResult<ApiOutput<'records.bulkUpdate'>>;
    // 建档立卡 of July to December 2019: records 7 and 10 (i = 6, 9).
    expect(result.ok && result.value.ids).toEqual([ids[6], ids[9]]);
  });
});

describe('a bulk edit in 修改记录', () => {
  it('reads in Chinese in the ledger log, and each record it touched shows its own change', () => {
    const result = bulkUpdateRecords(
      store.db,
      { ledger: 'student-aid', filter: family, field: 'fund_source', value: '县级财政' },
      '测试员',
    );
    const touched = recordHistory(store.db, ids[0]!);
    expect(touched.at(-1)).toMatchObject({
      id: result.batch,
      summary: '批量修改 7 条记录的“资金来源”为“县级财政”',
      changes: [{ label: '资金来源', before: '中央财政', after: '县级财政' }],
    });
    expect(recordHistory(store.db, ids[1]!).some((e) => e.id === result.batch)).toBe(false);
    revertBatch(store.db, result.batch, '测试员');
    const log = listAudit(store.db, 'ledger', 'student-aid').map((row) => describeAuditRow(row, undefined).summary);
    expect(log.at(-1)).toMatch(/^撤销第 \d+ 条修改记录的批量操作：恢复 7 条记录原来的内容$/);
  });
});
