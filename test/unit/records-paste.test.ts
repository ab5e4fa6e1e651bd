import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore, type TempStore } from '../helpers/temp-store.js';
import { SAMPLE_AID } from '../helpers/sample-aid.js';
import { lock2019H1 } from '../helpers/lock-period.js';
import { createRecord, getRecord } from '../../main/store/records.js';
import { countRecords } from '../../main/store/record-query.js';
import { pasteRecords } from '../../main/records/paste.js';
import { parseTsv } from '../../main/records/tsv.js';
import { revertBatch } from '../../main/records/revert.js';
import { dispatch } from '../../main/api.js';
import type { ApiResult } from '../../shared/api-methods.js';
import type { ApiOutput } from '../../shared/api.js';

/* A block copied from Excel or WPS, pasted into the 学生资助台账 grid of a real ledger file. */

const HEADER = [
  '姓名',
  '性别',
  '身份证号',
  '学段',
  '年级班级',
  '家庭类型',
  '资助项目',
  '资助金额(元)',
  '资金来源',
  '发放日期',
];

/** Row i (1-based) of the block: a valid record, paid in the second half of 2019. */
function goodRow(i: number): string[] {
  return [
    `学生${i}`,
    '男',
    SAMPLE_AID.id_number,
    '小学',
    '三年级1班',
    '建档立卡',
    '营养改善计划',
    // Excel's own ways of writing an amount: thousands separators, a currency sign.
    i % 2 ? '1,200.50' : '￥800',
    '中央财政',
    `2019年${7 + (i % 6)}月${i % 28 || 1}日`,
  ];
}

const tsv = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\r\n') + '\r\n';

let store: TempStore;
beforeEach(() => {
  store = tempStore();
});
afterEach(() => store.dispose());

const auditRows = () => store.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
const count = () => countRecords(store.db, { ledger: 'student-aid' });

describe('records.paste', () => {
  it('writes 47 of 50 rows in one batch and gives the 3 bad ones back as 待修正, an error per cell', () => {
    const rows = Array.from({ length: 50 }, (_, i) => goodRow(i + 1));
    rows[9]![2] = '110101199003078030'; // check digit wrong (X is right)
    rows[19]![9] = '2019-02-30';
    rows[29]![7] = '六百';
    const before = auditRows();
    const result = pasteRecords(
      store.db,
      { ledger: 'student-aid', text: tsv([HEADER, ...rows]), startField: 'name', header: 'auto' },
      '测试员',
    );
    expect(result.headerRow).toBe(true);
    expect(result.created).toHaveLength(47);
    expect(count()).toBe(47);
    expect(result.created[0]!.record.values).toMatchObject({ name: '学生1', amount: 1200.5, paid_on: '2019-08-01' });
    expect(result.created[1]!.record.values.amount).toBe(800);
    expect(result.pending.map((p) => p.row)).toEqual([10, 20, 30]);
    expect(result.pending.map((p) => p.errors.map((e) => [e.field, e.label]))).toEqual([
      [['id_number', '身份证号']],
      [['paid_on', '发放日期']],
      [['amount', '资助金额(元)']],
    ]);
    expect(result.pending[1]!.errors[0]!.message).toMatch(/2019-02-30/);
    expect(result.pending[1]!.errors[0]!.message).toMatch(/不是真实的日期/);
    expect(result.pending[2]!.errors[0]!.message).toMatch(/金额/);
    // The row comes back as pasted, to be fixed in place.
    expect(result.pending[2]!.values).toMatchObject({ name: '学生30', amount: '六百' });
    // One audit row for the batch, which the log shows as 从“粘贴”导入 47 条记录.
    expect(auditRows()).toBe(before + 1);
    const audit = store.db.prepare('SELECT id, action, after FROM audit_log ORDER BY id DESC LIMIT 1').get() as {
      id: number;
      action: string;
      after: string;
    };
    expect(audit).toMatchObject({ id: result.batch, action: 'import' });
    expect(JSON.parse(audit.after)).toMatchObject({ source: '粘贴', inserted: 47, kind: 'paste' });
  });

  it('writes nothing when the transaction fails: one row in a submitted period refuses the paste', () => {
    const submission = lock2019H1(store.db, store.unit.id, 'student-aid');
    const rows = Array.from({ length: 5 }, (_, i) => goodRow(i + 1));
    rows[3]![9] = '2019-03-15';
    const before = auditRows();
    expect(() =>
      pasteRecords(store.db, { ledger: 'student-aid', text: tsv(rows), startField: 'name', header: 'auto' }, '测试员'),
    ).toThrow(`已于 2019-07-01 报送（报送 #${submission}）`);
    expect(count()).toBe(0);
    expect(store.db.prepare('SELECT count(*) FROM records').pluck().get()).toBe(0);
    expect(auditRows()).toBe(before);
  });

  it('pastes columns from a start field, editing the records pasted over and adding the rows past them', () => {
    const a = createRecord(store.db, { ledger: 'student-aid', values: { ...SAMPLE_AID, name: '甲' } }, 't');
    const b = createRecord(store.db, { ledger: 'student-aid', values: { ...SAMPLE_AID, name: '乙' } }, 't');
    // 资助金额 and 资金来源 of three rows, from the 资助金额 column; the third row has no record.
    const text = '900\t县级财政\n1000\t\n1100\t市级财政\n';
    const result = pasteRecords(
      store.db,
      { ledger: 'student-aid', text, startField: 'amount', header: 'auto', targetIds: [a.id, b.id] },
      '测试员',
    );
    expect(result.headerRow).toBe(false);
    expect(
      result.updated.map((u) => [u.row, u.record.values.name, u.record.values.amount, u.record.values.fund_source]),
    ).toEqual([
      [1, '甲', 900, '县级财政'],
      [2, '乙', 1000, null],
    ]);
    // A new record of only two columns lacks its required fields: 待修正, nothing written for it.
    expect(result.created).toEqual([]);
    expect(result.pending).toHaveLength(1);
    expect(result.pending[0]!.errors.map((e) => e.label)).toContain('姓名');
    expect(getRecord(store.db, a.id).values).toMatchObject({ ...SAMPLE_AID, name: '甲', amount: 900 });

    // Undo: the records pasted over get their values back.
    const undone = revertBatch(store.db, result.batch!, '测试员');
    expect(undone).toMatchObject({ deleted: 0, restored: 2 });
    expect(getRecord(store.db, a.id).values.amount).toBe(1250);
    expect(getRecord(store.db, b.id).values.fund_source).toBe(null);
  });

  it('undoes a paste of new records by deleting them', () => {
    const result = pasteRecords(
      store.db,
      { ledger: 'student-aid', text: tsv([goodRow(1), goodRow(2)]), startField: 'name', header: 'no' },
      '测试员',
    );
    expect(count()).toBe(2);
    expect(revertBatch(store.db, result.batch!, '测试员')).toMatchObject({ deleted: 2, restored: 0 });
    expect(count()).toBe(0);
  });

  it('is served through the API, and a paste into a submitted period comes back as one Chinese line', async () => {
    const ctx = { db: store.db, dbFile: store.file, operator: '测试员', transport: 'test' as const };
    const ok = (await dispatch(ctx, 'records.paste', {
      ledger: 'student-aid',
      text: tsv([HEADER, goodRow(1), goodRow(2)]),
      startField: 'name',
    })) as ApiResult<ApiOutput<'records.paste'>>;
    expect(ok.ok && [ok.value.headerRow, ok.value.created.length]).toEqual([true, 2]);
    const submission = lock2019H1(store.db, store.unit.id, 'student-aid');
    const locked = await dispatch(ctx, 'records.paste', {
      ledger: 'student-aid',
      text: tsv([[...goodRow(3).slice(0, 9), '2019-05-04']]),
      startField: 'name',
    });
    expect(locked).toMatchObject({
      ok: false,
      error: { message: `2019年上半年的学生资助台账已于 2019-07-01 报送（报送 #${submission}），如需修改请先解锁` },
    });
    expect(count()).toBe(2);
  });

  it('gives back a row holding an unconfirmed new choice of 家庭类型 as 待修正, and writes it once confirmed', () => {
    const row = goodRow(1);
    row[5] = '625';
    const paste = (newChoices?: Array<{ field: string; value: string }>) =>
      pasteRecords(
        store.db,
        { ledger: 'student-aid', text: tsv([row]), startField: 'name', header: 'no', newChoices },
        't',
      );
    const first = paste();
    expect(first.created).toEqual([]);
    expect(first.pending[0]!.errors).toEqual([
      {
        field: 'family_type',
        label: '家庭类型',
        message: '“625”不是“家庭类型”已有的选项（建档立卡、低保、特困供养、残疾、其他），确认要新增这个选项后才能保存',
      },
    ]);
    expect(paste([{ field: 'family_type', value: '625' }]).created).toHaveLength(1);
    expect(count()).toBe(1);
  });

  it('says in Chinese what does not fit', () => {
    const paste =
      (text: string, startField = 'name', header: 'auto' | 'yes' | 'no' = 'auto') =>
      () =>
        pasteRecords(store.db, { ledger: 'student-aid', text, startField, header }, 't');
    expect(paste('1\t2\t3\t4\t5\t6\t7', 'address')).toThrow('粘贴的内容有 7 列，从“家庭住址”往右只有 2 列');
    expect(paste('姓名\t工资\n张三\t100', 'name', 'yes')).toThrow('粘贴内容的第一行“工资”不是学生资助台账的列名');
    expect(paste('\r\n')).toThrow('没有可粘贴的内容');
  });
});

describe('reading a block copied from a sheet', () => {
  it('splits tabs and line breaks, and keeps them inside quoted cells', () => {
    expect(parseTsv('a\tb\r\nc\t\r\n')).toEqual([
      ['a', 'b'],
      ['c', ''],
    ]);
    expect(parseTsv('"建始县\n高坪镇"\t"他说""好"""\nx')).toEqual([['建始县\n高坪镇', '他说"好"'], ['x']]);
    expect(parseTsv('5"\t6')).toEqual([['5"', '6']]);
  });
});
