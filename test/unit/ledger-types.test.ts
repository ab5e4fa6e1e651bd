import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempStore, type TempStore } from '../helpers/temp-store.js';
import { dispatch, type ApiContext } from '../../main/api.js';
import { loadBuiltinLedgers } from '../../main/ledgers/builtin.js';
import {
  copyLedgerType,
  createLedgerType,
  restoreArchivedField,
  updateLedgerType,
} from '../../main/ledgers/type-editor.js';
import { proposeFromXlsx } from '../../main/ledgers/header-to-definition.js';
import { guessFieldType } from '../../main/ledgers/guess-field-type.js';
import { createRecord, getRecord, updateRecord } from '../../main/store/records.js';
import { getLedgerDefinition, listLedgerSummaries } from '../../main/store/ledger-types.js';
import { listRecords } from '../../main/store/record-query.js';
import { TaizhangError } from '../../main/store/errors.js';
import type { FieldDefinition, LedgerDefinition } from '../../shared/ledger-definition.js';
import type { FieldDraft, LedgerTypeDraft } from '../../shared/ledger-type-draft.js';
import { validateRecord } from '../../shared/validation.js';

const OPERATOR = '测试员';
let store: TempStore;
afterEach(() => store?.dispose());

function ctx(): ApiContext {
  return { db: store.db, dbFile: store.file, operator: OPERATOR, transport: 'test' };
}

/** What the type editor sends for a definition as it stands: every field with its key. */
function draftOf(def: LedgerDefinition): LedgerTypeDraft {
  return {
    label: def.label,
    category: def.category,
    kind: def.kind,
    fields: def.fields.map((f): FieldDraft => ({ ...f })),
  };
}

function rawData(id: number): Record<string, unknown> {
  const row = store.db.prepare('SELECT data FROM records WHERE id = ?').get(id) as { data: string };
  return JSON.parse(row.data) as Record<string, unknown>;
}

function auditCount(key: string): number {
  return (
    store.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE entity = 'ledger-type' AND entity_id = ?`).get(key) as {
      n: number;
    }
  ).n;
}

function storedRevision(key: string): number {
  return (store.db.prepare('SELECT revision FROM ledger_types WHERE key = ?').get(key) as { revision: number })
    .revision;
}

/** A 帮扶物资 ledger a school might keep: one of each common kind of field. */
function createSupplies(): LedgerDefinition {
  return createLedgerType(
    store.db,
    {
      label: '帮扶物资发放台账',
      fields: [
        { label: '发放日期', type: 'date', required: true },
        { label: '物资名称', type: 'text', required: true },
        { label: '数量', type: 'text' },
        { label: '受助学生', type: 'person' },
        { label: '备注', type: 'text' },
      ],
    },
    OPERATOR,
  );
}

function supply(def: LedgerDefinition, values: Record<string, unknown>): number {
  const byLabel = new Map(def.fields.map((f) => [f.label, f.key]));
  const keyed = Object.fromEntries(Object.entries(values).map(([label, v]) => [byLabel.get(label)!, v]));
  return createRecord(store.db, { ledger: def.key, values: keyed }, OPERATOR).id;
}

function keyOf(def: LedgerDefinition, label: string): string {
  const field = def.fields.find((f) => f.label === label);
  if (!field) throw new Error(`no field ${label} in ${def.label}`);
  return field.key;
}

function errorOf(run: () => unknown): TaizhangError {
  try {
    run();
  } catch (error) {
    if (error instanceof TaizhangError) return error;
    throw error;
  }
  throw new Error('expected a TaizhangError');
}

describe('built-in types round-trip a record through the store', () => {
  const ID_NUMBER = '11010519491231002X';
  function sample(field: FieldDefinition): string | number {
    switch (field.type) {
      case 'int':
        return 7;
      case 'money':
        return 1234.5;
      case 'date':
        return '2019-06-21';
      case 'month':
        return '2019-06';
      case 'fuzzy-time':
        return '6 月下旬或 7 月上旬';
      case 'range':
        return '3-5';
      case 'enum':
        return field.choices!.includes('女') ? '女' : field.choices![field.choices!.length - 1]!;
      case 'idcard':
        return ID_NUMBER;
      case 'phone':
        return '0718-3321234';
      case 'url':
        return 'https://www.hbjs.gov.cn/a/1.html';
      case 'attachments':
        return '走访照片.jpg';
      default:
        return `${field.label}：建始县高坪镇中心小学`;
    }
  }

  it.each(loadBuiltinLedgers().map((d) => [d.key, d] as const))('%s', (_key, def) => {
    store = tempStore();
    const values = Object.fromEntries(def.fields.map((f) => [f.key, sample(f)]));
    const created = createRecord(store.db, { ledger: def.key, values, recordDate: '2019-06-21' }, OPERATOR);
    const read = getRecord(store.db, created.id);
    expect(read.values).toEqual(values);
    expect(read.recordDate).toBe('2019-06-21');
    for (const field of def.fields) {
      if (field.type === 'fuzzy-time') expect(read.values[field.key]).toBe('6 月下旬或 7 月上旬');
      if (field.type === 'range') expect(read.values[field.key]).toBe('3-5');
    }
  });
});

describe('creating a type', () => {
  it('gives it the next custom key, 自定义, and keys for its fields, and records can be kept in it', () => {
    store = tempStore();
    const first = createSupplies();
    const second = createLedgerType(
      store.db,
      { label: '家访记录', fields: [{ label: '学生', type: 'person' }] },
      OPERATOR,
    );
    expect(first.key).toBe('custom-1');
    expect(second.key).toBe('custom-2');
    expect(first.category).toBe('自定义');
    expect(first.kind).toBe('record');
    expect(first.fields.map((f) => f.key)).toEqual(['f1', 'f2', 'f3', 'f4', 'f5']);
    expect(first.dateField).toBe('f1');
    expect(getLedgerDefinition(store.db, 'custom-1')).toEqual(first);
    const summary = listLedgerSummaries(store.db).find((l) => l.key === 'custom-1');
    expect(summary).toMatchObject({ label: '帮扶物资发放台账', builtin: false, count: 0 });

    const id = supply(first, { 发放日期: '2019-10-17', 物资名称: '冬衣', 数量: '30 件' });
    expect(getRecord(store.db, id)).toMatchObject({
      recordDate: '2019-10-17',
      values: { f1: '2019-10-17', f2: '冬衣', f3: '30 件' },
    });
    expect(auditCount('custom-1')).toBe(1);
  });

  it('refuses a label another ledger already has, and a bad field list, in Chinese', () => {
    store = tempStore();
    const taken = errorOf(() =>
      createLedgerType(store.db, { label: '学生资助台账', fields: [{ label: '姓名', type: 'person' }] }, OPERATOR),
    );
    expect(taken.message).toBe('已有名为“学生资助台账”的台账，请换一个名称');
    const twice = errorOf(() =>
      createLedgerType(
        store.db,
        {
          label: '名单',
          fields: [
            { label: '姓名', type: 'person' },
            { label: '姓名', type: 'text' },
          ],
        },
        OPERATOR,
      ),
    );
    expect(twice.message).toContain('字段名称重复：姓名');
    const noChoices = errorOf(() =>
      createLedgerType(store.db, { label: '名单', fields: [{ label: '类别', type: 'enum' }] }, OPERATOR),
    );
    expect(noChoices.message).toContain('字段“类别”是选项类型，必须给出选项');
    expect(listLedgerSummaries(store.db).some((l) => l.label === '名单')).toBe(false);
  });
});

describe('built-in types', () => {
  it('cannot be edited or have fields restored, and stay as they were', () => {
    store = tempStore();
    const before = getLedgerDefinition(store.db, 'student-aid');
    const draft = draftOf(before);
    draft.fields[0]!.label = '学生姓名';
    const refused = errorOf(() => updateLedgerType(store.db, 'student-aid', draft, OPERATOR));
    expect(refused.message).toBe('“学生资助台账”是内置台账，不能修改；如需调整字段，请先复制为自定义台账，再修改副本');
    expect(errorOf(() => restoreArchivedField(store.db, 'student-aid', 'name', OPERATOR)).message).toContain(
      '是内置台账，不能修改',
    );
    expect(getLedgerDefinition(store.db, 'student-aid')).toEqual(before);
  });

  it('can be copied into a user type with the same fields that can then be edited', () => {
    store = tempStore();
    const original = getLedgerDefinition(store.db, 'exchange');
    const copy = copyLedgerType(store.db, 'exchange', OPERATOR);
    const again = copyLedgerType(store.db, 'exchange', OPERATOR);
    expect(copy.key).toBe('custom-1');
    expect(copy.label).toBe('支教挂职交流台账（副本）');
    expect(again.label).toBe('支教挂职交流台账（副本2）');
    expect(copy.fields).toEqual(original.fields);
    expect({ ...copy, key: original.key, label: original.label }).toEqual(original);
    expect(listLedgerSummaries(store.db).find((l) => l.key === copy.key)?.builtin).toBe(false);

    const draft = draftOf(copy);
    draft.fields.find((f) => f.key === 'remark')!.label = '情况说明';
    const outcome = updateLedgerType(store.db, copy.key, draft, OPERATOR);
    expect(outcome.applied).toBe(true);
    expect(getLedgerDefinition(store.db, copy.key).fields.find((f) => f.key === 'remark')?.label).toBe('情况说明');
    expect(getLedgerDefinition(store.db, 'exchange')).toEqual(original);
  });
});

describe('editing a user type', () => {
  it('renames and reorders fields and adds new ones without touching stored values', () => {
    store = tempStore();
    const def = createSupplies();
    const id = supply(def, { 发放日期: '2019-03-05', 物资名称: '学习用品', 数量: '120 份', 受助学生: '王子涵' });
    const draft = draftOf(def);
    const [date, name, qty, student, remark] = draft.fields as [
      FieldDraft,
      FieldDraft,
      FieldDraft,
      FieldDraft,
      FieldDraft,
    ];
    name.label = '物资品名';
    student.label = '受助学生姓名';
    draft.fields = [name, date, student, qty, remark, { label: '经办人', type: 'person' }];
    const outcome = updateLedgerType(store.db, def.key, draft, OPERATOR);
    expect(outcome.applied).toBe(true);
    const after = getLedgerDefinition(store.db, def.key);
    expect(after.fields.map((f) => f.label)).toEqual([
      '物资品名',
      '发放日期',
      '受助学生姓名',
      '数量',
      '备注',
      '经办人',
    ]);
    expect(after.fields.map((f) => f.key)).toEqual(['f2', 'f1', 'f4', 'f3', 'f5', 'f6']);
    const record = getRecord(store.db, id);
    expect(record.values[keyOf(after, '物资品名')]).toBe('学习用品');
    expect(record.values[keyOf(after, '受助学生姓名')]).toBe('王子涵');
    expect(storedRevision(def.key)).toBe(2);
    expect(auditCount(def.key)).toBe(2);
  });

  it('archives a removed field with its values, keeps them through an edit, and restores them', () => {
    store = tempStore();
    const def = createSupplies();
    const id = supply(def, { 发放日期: '2019-10-16', 物资名称: '冬衣', 数量: '30 件', 备注: '滨江区江南实验学校捐赠' });
    const remarkKey = keyOf(def, '备注');
    const draft = draftOf(def);
    draft.fields = draft.fields.filter((f) => f.label !== '备注');
    expect(updateLedgerType(store.db, def.key, draft, OPERATOR).applied).toBe(true);

    const archived = getLedgerDefinition(store.db, def.key);
    expect(archived.fields.map((f) => f.label)).not.toContain('备注');
    expect(archived.archivedFields).toEqual([def.fields.find((f) => f.key === remarkKey)]);
    expect(rawData(id)[remarkKey]).toBe('滨江区江南实验学校捐赠');

    // The form sends the live fields only; the archived value must survive the edit.
    const edited = updateRecord(
      store.db,
      { id, values: { f1: '2019-10-17', f2: '冬衣、棉鞋', f3: '30 件' } },
      OPERATOR,
    );
    expect(edited.values.f2).toBe('冬衣、棉鞋');
    expect(rawData(id)[remarkKey]).toBe('滨江区江南实验学校捐赠');
    // A form that sends the stored values back, archived one included, is not refused.
    expect(validateRecord(archived, edited.values).errors).toEqual([]);
    updateRecord(store.db, { id, values: { ...edited.values, [remarkKey]: '不应写入' } }, OPERATOR);
    expect(rawData(id)[remarkKey]).toBe('滨江区江南实验学校捐赠');
    // New records of the type are written without it.
    const fresh = createRecord(
      store.db,
      { ledger: def.key, values: { f1: '2019-11-01', f2: '图书', [remarkKey]: '旧字段' } },
      OPERATOR,
    );
    expect(rawData(fresh.id)).not.toHaveProperty(remarkKey);

    const restored = restoreArchivedField(store.db, def.key, remarkKey, OPERATOR);
    expect(restored.fields.map((f) => f.label)).toEqual(['发放日期', '物资名称', '数量', '受助学生', '备注']);
    expect(restored.archivedFields).toBeUndefined();
    expect(getRecord(store.db, id).values[remarkKey]).toBe('滨江区江南实验学校捐赠');
    const found = listRecords(store.db, { ledger: def.key, search: '江南实验' }, { page: 1, pageSize: 10 });
    expect(found.rows.map((r) => r.id)).toEqual([id]);
    expect(auditCount(def.key)).toBe(3);
  });

  it('restores a field under a new name when a live field took its name meanwhile', () => {
    store = tempStore();
    const def = createSupplies();
    const id = supply(def, { 发放日期: '2019-04-02', 物资名称: '校服', 备注: '旧备注' });
    const draft = draftOf(def);
    draft.fields = [...draft.fields.filter((f) => f.label !== '备注'), { label: '备注', type: 'longtext' }];
    expect(updateLedgerType(store.db, def.key, draft, OPERATOR).applied).toBe(true);
    const clash = errorOf(() => restoreArchivedField(store.db, def.key, 'f5', OPERATOR));
    expect(clash.message).toBe('台账“帮扶物资发放台账”已有名为“备注”的字段，请为恢复的字段另起一个名称');
    const restored = restoreArchivedField(store.db, def.key, 'f5', OPERATOR, '原备注');
    expect(restored.fields.map((f) => [f.key, f.label])).toContainEqual(['f5', '原备注']);
    expect(restored.fields.map((f) => [f.key, f.label])).toContainEqual(['f6', '备注']);
    expect(getRecord(store.db, id).values.f5).toBe('旧备注');
  });

  it('reports values that do not fit a new field type and changes nothing', () => {
    store = tempStore();
    const def = createSupplies();
    const fits = supply(def, { 发放日期: '2019-05-06', 物资名称: '图书', 数量: '200' });
    const misfit = supply(def, { 发放日期: '2019-05-07', 物资名称: '冬衣', 数量: '30 件' });
    const blank = supply(def, { 发放日期: '2019-05-08', 物资名称: '文具' });
    const revision = storedRevision(def.key);
    const audits = auditCount(def.key);
    const before = getLedgerDefinition(store.db, def.key);
    const draft = draftOf(def);
    draft.fields.find((f) => f.label === '数量')!.type = 'int';

    const outcome = updateLedgerType(store.db, def.key, draft, OPERATOR);
    expect(outcome).toEqual({
      applied: false,
      conflictCount: 1,
      conflicts: [{ recordId: misfit, field: 'f3', label: '数量', value: '30 件', message: '应为整数' }],
    });
    expect(getLedgerDefinition(store.db, def.key)).toEqual(before);
    expect(storedRevision(def.key)).toBe(revision);
    expect(auditCount(def.key)).toBe(audits);
    expect(rawData(fits).f3).toBe('200');
    expect(rawData(misfit).f3).toBe('30 件');
    expect(rawData(blank).f3).toBeNull();

    // Once the value is corrected the same change goes through and "200" is stored as the number 200.
    updateRecord(store.db, { id: misfit, values: { ...getRecord(store.db, misfit).values, f3: '30' } }, OPERATOR);
    const applied = updateLedgerType(store.db, def.key, draft, OPERATOR);
    expect(applied.applied).toBe(true);
    expect(rawData(fits).f3).toBe(200);
    expect(rawData(misfit).f3).toBe(30);
    expect(getLedgerDefinition(store.db, def.key).totals).toEqual(['f3']);
    expect(auditCount(def.key)).toBe(audits + 1);
  });

  it('also checks stored values against a changed choice list or a new 必填', () => {
    store = tempStore();
    const def = createLedgerType(
      store.db,
      {
        label: '资助核查',
        fields: [
          { label: '核查日期', type: 'date', required: true },
          { label: '结果', type: 'enum', choices: ['属实', '不属实', '待核'] },
          { label: '核查人', type: 'person' },
        ],
      },
      OPERATOR,
    );
    const pending = createRecord(store.db, { ledger: def.key, values: { f1: '2019-06-03', f2: '待核' } }, OPERATOR).id;
    const draft = draftOf(def);
    draft.fields[1]!.choices = ['属实', '不属实'];
    draft.fields[2]!.required = true;
    const outcome = updateLedgerType(store.db, def.key, draft, OPERATOR);
    expect(outcome.applied).toBe(false);
    if (outcome.applied) return;
    expect(outcome.conflicts).toEqual([
      { recordId: pending, field: 'f2', label: '结果', value: '待核', message: '只能是以下之一：属实、不属实' },
      { recordId: pending, field: 'f3', label: '核查人', value: null, message: '必填' },
    ]);
  });

  it('is reachable through the API: create, update with conflicts, copy, restore', async () => {
    store = tempStore();
    const created = await dispatch(ctx(), 'ledgerTypes.create', {
      draft: {
        label: '送教上门记录',
        fields: [
          { label: '日期', type: 'date', required: true },
          { label: '学时', type: 'text' },
        ],
      },
    });
    expect(created).toMatchObject({ ok: true, value: { key: 'custom-1', category: '自定义' } });
    await dispatch(ctx(), 'records.create', { ledger: 'custom-1', values: { f1: '2019-09-16', f2: '两节' } });
    const conflict = await dispatch(ctx(), 'ledgerTypes.update', {
      key: 'custom-1',
      draft: {
        label: '送教上门记录',
        fields: [
          { key: 'f1', label: '日期', type: 'date', required: true },
          { key: 'f2', label: '学时', type: 'int' },
        ],
      },
    });
    expect(conflict).toMatchObject({
      ok: true,
      value: { applied: false, conflictCount: 1, conflicts: [{ value: '两节', message: '应为整数' }] },
    });
    const removed = await dispatch(ctx(), 'ledgerTypes.update', {
      key: 'custom-1',
      draft: { label: '送教上门记录', fields: [{ key: 'f1', label: '日期', type: 'date', required: true }] },
    });
    expect(removed).toMatchObject({
      ok: true,
      value: { applied: true, definition: { archivedFields: [{ key: 'f2', label: '学时' }] } },
    });
    const restored = await dispatch(ctx(), 'ledgerTypes.restoreField', { key: 'custom-1', field: 'f2' });
    expect(restored).toMatchObject({ ok: true, value: { fields: [{ key: 'f1' }, { key: 'f2' }] } });
    const builtin = await dispatch(ctx(), 'ledgerTypes.update', {
      key: 'pairing',
      draft: { label: 'x', fields: [{ label: 'y', type: 'text' }] },
    });
    expect(builtin).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const copied = await dispatch(ctx(), 'ledgerTypes.copy', { key: 'pairing' });
    expect(copied).toMatchObject({ ok: true, value: { key: 'custom-2', label: '结对帮扶活动台账（副本）' } });
  });
});

describe('guessing a column type', () => {
  const s = (...texts: string[]) => texts.map((text) => ({ text, isDate: false }));
  it.each([
    ['开始日期', s('2019-04-12', '2019/5/6', '2019年6月21日'), 'date'],
    ['日期', s('4 月中旬'), 'fuzzy-time'],
    ['时间', s('6 月下旬或 7 月上旬', '8 月下旬'), 'fuzzy-time'],
    ['身份证号', s('422822200801011011'), 'idcard'],
    ['联系电话', s('13800138000', '0718-3321234'), 'phone'],
    ['联系电话', s('见附件'), 'text'],
    ['资助金额（元）', s('1,250.00', '500'), 'money'],
    ['单价(元)', s('4.85'), 'money'],
    ['参训人数', s('25', '30'), 'int'],
    ['人次', s('3-5', '12'), 'range'],
    ['人数', s('若干'), 'text'],
    ['对象', s('幼儿园园长'), 'text'],
    [
      '内容摘要',
      s(
        '滨江区骨干教师到建始县高坪镇中心小学开展为期一周的数学学科送教活动，上示范课三节，开展专题讲座一次，并与本校数学组共同备课',
      ),
      'longtext',
    ],
  ])('%s %j → %s', (label, samples, type) => {
    expect(guessFieldType(label, samples)).toBe(type);
  });
});

/** A submitted attachment table as people make them: 附件 line, merged title, 填报单位 line, then the header. */
async function attachmentTable(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const cover = workbook.addWorksheet('说明');
  cover.addRow(['本表由各校填报']);
  const sheet = workbook.addWorksheet('资助名单');
  sheet.addRow(['附件2']);
  sheet.addRow(['2019年建始县高坪镇中心小学公益助学资助名单']);
  sheet.mergeCells('A2:I2');
  sheet.addRow(['填报单位（盖章）：建始县高坪镇中心小学', null, null, null, null, '填报日期：2019年3月20日']);
  sheet.addRow([
    '序号',
    '姓 名',
    '身份证号',
    '联系电话',
    '资助金额\n（元）',
    '发放日期',
    '资助人数',
    '计划时间',
    '备注',
  ]);
  sheet.addRow([
    1,
    '王子涵',
    '422822200801011016',
    '13800138000',
    1250,
    new Date(Date.UTC(2019, 2, 20)),
    1,
    '3 月下旬',
    '',
  ]);
  sheet.addRow([
    2,
    '李欣怡',
    '422822200902022021',
    '0718-3321234',
    500.5,
    new Date(Date.UTC(2019, 8, 2)),
    2,
    '9 月上旬',
    '家庭突发变故（父亲因病住院），经学校调查核实、公示无异议后追加资助，发放时由班主任陪同家长签字确认并留存照片',
  ]);
  sheet.addRow(['合计', null, null, null, 1750.5, null, 3]);
  sheet.addRow(['填表人：', null, null, '审核人：']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('a type from the header row of an .xlsx', () => {
  it('skips the 附件, title and 填报单位 lines and 序号, and guesses each column type', async () => {
    const proposal = await proposeFromXlsx(await attachmentTable(), '资助名单.xlsx', 1);
    expect(proposal.sheets).toEqual(['说明', '资助名单']);
    expect(proposal.sheetName).toBe('资助名单');
    expect(proposal.headerRow).toBe(4);
    expect(proposal.title).toBe('2019年建始县高坪镇中心小学公益助学资助名单');
    expect(proposal.draft.label).toBe('2019年建始县高坪镇中心小学公益助学资助名单');
    expect(proposal.draft.kind).toBe('record');
    expect(proposal.draft.fields.map((f) => [f.label, f.type])).toEqual([
      ['姓名', 'text'],
      ['身份证号', 'idcard'],
      ['联系电话', 'phone'],
      ['资助金额（元）', 'money'],
      ['发放日期', 'date'],
      ['资助人数', 'int'],
      ['计划时间', 'fuzzy-time'],
      ['备注', 'longtext'],
    ]);
    expect(proposal.sampleRows).toHaveLength(2);
    expect(proposal.sampleRows[0]!.slice(0, 5)).toEqual([
      '王子涵',
      '422822200801011016',
      '13800138000',
      '1250',
      '2019-03-20',
    ]);
  });

  it('becomes a type through the API, from base64 bytes, that accepts the rows it came from', async () => {
    store = tempStore();
    const data = (await attachmentTable()).toString('base64');
    const proposal = await dispatch(ctx(), 'ledgerTypes.fromXlsxHeader', { data, fileName: '资助名单.xlsx', sheet: 1 });
    if (!proposal.ok) throw new Error(proposal.error.message);
    const { draft, sampleRows } = proposal.value as { draft: LedgerTypeDraft; sampleRows: string[][] };
    const created = await dispatch(ctx(), 'ledgerTypes.create', { draft });
    if (!created.ok) throw new Error(created.error.message);
    const def = created.value as LedgerDefinition;
    for (const row of sampleRows) {
      const values = Object.fromEntries(def.fields.map((f, i) => [f.key, row[i]!]));
      expect(validateRecord(def, values).errors).toEqual([]);
    }
  });

  it('says in Chinese what is wrong with a file that is not a workbook or has no such sheet', async () => {
    store = tempStore();
    const notXlsx = await dispatch(ctx(), 'ledgerTypes.fromXlsxHeader', {
      data: Buffer.from('姓名,性别\n').toString('base64'),
      fileName: '名单.csv',
    });
    expect(notXlsx).toMatchObject({ ok: false, error: { code: 'bad-file' } });
    expect((notXlsx as { error: { message: string } }).error.message).toContain('名单.csv');
    const noSheet = await dispatch(ctx(), 'ledgerTypes.fromXlsxHeader', {
      data: (await attachmentTable()).toString('base64'),
      fileName: '资助名单.xlsx',
      sheet: 5,
    });
    expect(noSheet).toMatchObject({ ok: false, error: { message: '“资助名单.xlsx”只有 2 个工作表，没有第 6 个' } });
    const notBase64 = await dispatch(ctx(), 'ledgerTypes.fromXlsxHeader', { data: '不是文件' });
    expect(notBase64).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});
