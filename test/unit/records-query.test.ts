import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore, type TempStore } from '../helpers/temp-store.js';
import { openStore } from '../../main/store/index.js';
import { createLedgerType, updateLedgerType } from '../../main/ledgers/type-editor.js';
import { SAMPLE_AID } from '../helpers/sample-aid.js';
import { insertRecordsBulk } from '../../main/store/bulk.js';
import { getLedgerDefinition } from '../../main/store/ledger-types.js';
import { createRecord } from '../../main/store/records.js';
import { blockPlan, queryRecords, recordTotals } from '../../main/store/record-query.js';
import type { RecordQuery } from '../../main/store/record-query-sql.js';
import { dispatch } from '../../main/api.js';
import type { ApiResult } from '../../shared/api-methods.js';
import type { ApiOutput } from '../../shared/api.js';

/*
 * The grid's queries on a real ledger file: twelve records whose values are chosen so that every
 * expectation below can be worked out by hand from the table.
 */

//   #  name    family_type  aid_item    stage  amount   paid_on     address
const TABLE: Array<[string, string, string, string, number, string, string]> = [
  ['赵一', '建档立卡', '两免一补', '小学', 500, '2019-01-10', '高坪镇青龙村'],
  ['钱二', '低保', '营养改善计划', '初中', 800, '2019-02-10', '高坪镇花坪村'],
  ['孙三', '建档立卡', '国家助学金', '高中', 1250, '2019-03-10', '景阳镇河水坪村'],
  ['李四', '特困供养', '两免一补', '小学', 300, '2019-04-10', '高坪镇青龙村'],
  ['周五', '建档立卡', '免学费', '中职', 2000, '2019-05-10', '业州镇'],
  ['吴六', '其他', '两免一补', '初中', 650.5, '2019-06-10', '高坪镇'],
  ['郑七', '低保', '国家助学金', '高中', 1000, '2019-07-10', '景阳镇'],
  ['王八', '建档立卡', '营养改善计划', '小学', 400, '2019-08-10', '高坪镇石门村'],
  ['冯九', '残疾', '两免一补', '初中', 750, '2019-09-10', '官店镇'],
  ['陈十', '建档立卡', '雨露计划', '中职', 3000, '2019-10-10', '高坪镇'],
  ['褚十一', '低保', '两免一补', '小学', 500, '2019-11-10', '花坪镇'],
  ['卫十二', '建档立卡', '两免一补', '初中', 900.25, '2019-12-10', '高坪镇龙坪村'],
];

let store: TempStore;
let ids: number[];
beforeEach(() => {
  store = tempStore();
  const def = getLedgerDefinition(store.db, 'student-aid');
  const rows = TABLE.map(([name, family_type, aid_item, stage, amount, paid_on, address]) => ({
    values: { ...SAMPLE_AID, name, family_type, aid_item, stage, amount: String(amount), paid_on, address },
  }));
  const { firstId } = insertRecordsBulk(store.db, def, store.unit.id, rows, { operator: '测试员', source: 'test' });
  ids = TABLE.map((_, i) => firstId! + i);
});
afterEach(() => store.dispose());

const q = (extra: Partial<RecordQuery> = {}): RecordQuery => ({ ledger: 'student-aid', ...extra });
const names = (query: RecordQuery, start = 0, end = 100) =>
  queryRecords(store.db, query, start, end).rows.map((r) => r.values.name);

describe('records.query', () => {
  it('finds choice values by search: 两免一补, 建档立卡, 小学', () => {
    expect(names(q({ search: '两免一补' }))).toEqual(['赵一', '李四', '吴六', '冯九', '褚十一', '卫十二']);
    expect(queryRecords(store.db, q({ search: '建档立卡' }), 0, 100).total).toBe(6);
    expect(names(q({ search: '小学' }))).toEqual(['赵一', '李四', '王八', '褚十一']);
  });

  it('combines choice, amount and date filters with a search', () => {
    const query = q({
      search: '高坪',
      filters: [
        { field: 'family_type', op: 'in', values: ['建档立卡', '低保'] },
        { field: 'amount', op: 'range', min: 450, max: 1000 },
        { field: 'paid_on', op: 'range', max: '2019-11-30' },
      ],
    });
    // 高坪: 赵一 钱二 李四 吴六 王八 陈十 卫十二; of them 建档立卡/低保: 赵一 钱二 王八 陈十 卫十二;
    // 450–1000: 赵一 500, 钱二 800, 卫十二 900.25; paid by 2019-11-30: 赵一 钱二.
    expect(names(query)).toEqual(['赵一', '钱二']);
    expect(recordTotals(store.db, query)).toEqual({ count: 2, sums: { amount: 1300 } });
  });

  it('sorts by amount, and serves blocks from the start, the middle and the end alike', () => {
    const byAmount = q({ sort: { field: 'amount', direction: 'desc' } });
    // Equal amounts (赵一 and 褚十一, 500) keep the order of entry, backwards in a descending sort.
    const all = ['陈十', '周五', '孙三', '郑七', '卫十二', '钱二', '冯九', '吴六', '褚十一', '赵一', '王八', '李四'];
    expect(names(byAmount)).toEqual(all);
    expect(names(byAmount, 0, 3)).toEqual(all.slice(0, 3));
    expect(names(byAmount, 4, 7)).toEqual(all.slice(4, 7));
    // The last block is read from the end of the order backwards.
    const last = queryRecords(store.db, byAmount, 9, 12);
    expect(last.rows.map((r) => r.values.name)).toEqual(['赵一', '王八', '李四']);
    expect(last).toMatchObject({ total: 12, startRow: 9 });
    expect(names(byAmount, 10, 20)).toEqual(['王八', '李四']);
    expect(names(byAmount, 12, 20)).toEqual([]);
    expect(names(q({ sort: { field: 'amount', direction: 'asc' } }), 2, 4)).toEqual(['赵一', '褚十一']);
  });

  it('serves blocks of a search in its sort order from the kept order of the filter', () => {
    const query = q({ search: '高坪', sort: { field: 'paid_on', direction: 'desc' } });
    expect(names(query)).toEqual(['卫十二', '陈十', '王八', '吴六', '李四', '钱二', '赵一']);
    expect(names(query, 5, 7)).toEqual(['钱二', '赵一']);
    expect(names(query, 1, 3)).toEqual(['陈十', '王八']);
  });

  it('sees a record saved after the query was first asked', () => {
    const query = q({ search: '高坪', sort: { field: 'name', direction: 'asc' } });
    expect(queryRecords(store.db, query, 0, 50).total).toBe(7);
    expect(recordTotals(store.db, query).count).toBe(7);
    createRecord(
      store.db,
      { ledger: 'student-aid', values: { ...SAMPLE_AID, name: '蒋十三', address: '高坪镇' } },
      't',
    );
    expect(queryRecords(store.db, query, 0, 50).total).toBe(8);
    expect(recordTotals(store.db, query)).toEqual({ count: 8, sums: { amount: 6550.75 + 1250 } });
  });

  it('totals the whole ledger and a choice filter', () => {
    expect(recordTotals(store.db, q())).toEqual({ count: 12, sums: { amount: 12050.75 } });
    expect(recordTotals(store.db, q({ filters: [{ field: 'family_type', op: 'in', values: ['建档立卡'] }] }))).toEqual({
      count: 6,
      sums: { amount: 8050.25 },
    });
  });

  it('says in Chinese what is wrong with a filter', () => {
    const bad = (filter: NonNullable<RecordQuery['filters']>[number]) => () =>
      queryRecords(store.db, q({ filters: [filter] }), 0, 10);
    expect(bad({ field: 'amount', op: 'range', min: '六百' })).toThrow('筛选“资助金额(元)”：“六百”应为数字');
    expect(bad({ field: 'paid_on', op: 'range', min: '2019-02-30' })).toThrow('“2019-02-30”不是真实的日期');
    expect(bad({ field: 'salary', op: 'in', values: ['1'] })).toThrow('没有字段“salary”');
  });

  it('is served through the API with a period and blocks', async () => {
    const result = (await dispatch(
      { db: store.db, dbFile: store.file, operator: 't', transport: 'test' },
      'records.query',
      {
        ledger: 'student-aid',
        period: '2019H1',
        filters: [{ field: 'stage', op: 'in', values: ['小学', '初中'] }],
        sort: { field: 'amount', direction: 'asc' },
        startRow: 0,
        endRow: 2,
      },
    )) as ApiResult<ApiOutput<'records.query'>>;
    expect(result.ok && result.value.total).toBe(4);
    expect(result.ok && result.value.rows.map((r) => r.id)).toEqual([ids[3], ids[0]]);
  });
});

describe('the plan SQLite makes for a block', () => {
  it('reads a sort by 资助金额 and a filter by 家庭类型 from their indexes, never sorting the table', () => {
    // A ledger of some size, opened again as the app opens it (which writes the planner's statistics).
    const def = getLedgerDefinition(store.db, 'student-aid');
    const families = def.fields.find((f) => f.key === 'family_type')!.choices!;
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      values: { ...SAMPLE_AID, family_type: families[i % families.length]!, amount: String((i * 37) % 5000) },
    }));
    insertRecordsBulk(store.db, def, store.unit.id, rows, { operator: '测试员', source: 'test' });
    store.db.close();
    store.db = openStore(store.file, { mustExist: true });

    const sorted = blockPlan(store.db, q({ sort: { field: 'amount', direction: 'desc' } })).join('\n');
    expect(sorted).toMatch(/SCAN r(ecords)? USING (COVERING )?INDEX "?records_by_student-aid\.amount/);
    expect(sorted).not.toMatch(/TEMP B-TREE/);

    const filtered = blockPlan(
      store.db,
      q({
        filters: [{ field: 'family_type', op: 'in', values: ['建档立卡', '低保'] }],
        sort: { field: 'family_type', direction: 'asc' },
      }),
    ).join('\n');
    expect(filtered).toMatch(/SEARCH r(ecords)? USING (COVERING )?INDEX "?records_by_student-aid\.family_type/);
    expect(filtered).not.toMatch(/TEMP B-TREE/);

    const byId = blockPlan(store.db, q({ sort: { field: 'id', direction: 'desc' } })).join('\n');
    expect(byId).toMatch(/INDEX records_by_ledger_id/);
    expect(byId).not.toMatch(/TEMP B-TREE/);
    store.db.close();
  });
});

describe('the field indexes of a user-defined type', () => {
  it('are made with the type and follow its fields as they are retyped, added and removed', () => {
    // A ledger whose records the planner has statistics for already.
    store.db.close();
    store.db = openStore(store.file, { mustExist: true });
    expect(store.db.prepare('SELECT count(*) FROM sqlite_stat1').pluck().get()).toBeGreaterThan(0);
    const def = createLedgerType(
      store.db,
      {
        label: '帮扶物资发放台账',
        fields: [
          { label: '发放日期', type: 'date', required: true },
          { label: '物资名称', type: 'text', required: true },
          { label: '类别', type: 'enum', choices: ['文具', '衣物'] },
        ],
      },
      '测试员',
    );
    const indexed = () =>
      (
        store.db
          .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE ? ORDER BY name`)
          .pluck()
          .all(`records_by_${def.key}.%`) as string[]
      ).map((name) => name.slice(`records_by_${def.key}.`.length));
    const [date, name, kind] = def.fields.map((f) => f.key);
    expect(indexed()).toEqual([date, kind].sort());
    const outcome = updateLedgerType(
      store.db,
      def.key,
      {
        label: '帮扶物资发放台账',
        fields: [
          { key: date, label: '发放日期', type: 'date', required: true },
          { key: name, label: '物资名称', type: 'text', required: true },
          { label: '数量', type: 'int' },
        ],
      },
      '测试员',
    );
    expect(outcome.applied).toBe(true);
    const quantity = getLedgerDefinition(store.db, def.key).fields[2]!.key;
    expect(indexed()).toEqual([date, quantity].sort());

    // Opened again, the planner has statistics for the indexes made since.
    store.db.close();
    store.db = openStore(store.file, { mustExist: true });
    const withStats = store.db
      .prepare(`SELECT count(*) FROM sqlite_stat1 WHERE idx LIKE ?`)
      .pluck()
      .get(`records_by_${def.key}.%`);
    expect(withStats).toBe(2);
    store.db.close();
  });
});
