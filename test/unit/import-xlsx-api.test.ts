import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { dispatch, type ApiContext } from '../../main/api.js';
import { countRecords } from '../../main/store/record-query.js';
import { IMPORT_FILE_MAX_BYTES } from '../../shared/import-api.js';
import { tempStore, type TempStore } from '../helpers/temp-store.js';
import { buildXlsx, idNumber, type SheetSpec } from './import-xlsx-fixtures.js';

let store: TempStore;
let ctx: ApiContext;
beforeEach(() => {
  store = tempStore();
  ctx = { db: store.db, dbFile: store.file, operator: '测试员', transport: 'test' };
});
afterEach(() => store.dispose());

const SHEET: SheetSpec = {
  name: '附件2',
  rows: [
    ['附件 2'],
    ['项目名称', '责任股室', '滨江来建始专家', '时 间', '人 数', '备 注'],
    ['学前教育培训', '教育股、人事股、教研室', '幼儿园骨干教师', '5 月', '3-5', ''],
    ['初中英语学科培训', '人事股、教研室', '初中英语骨干教师', '6 月下旬或 7 月上旬', '三到五', ''],
    ['学前教育培训', '人事股', '幼儿园骨干教师', '5 月', '3-5', '重复的一行'],
  ],
};

async function request(extra: Record<string, unknown> = {}) {
  return {
    ledger: 'expert-training',
    fileName: '附件2.xlsx',
    data: (await buildXlsx([SHEET])).toString('base64'),
    ...extra,
  };
}

describe('import.* methods for the UI', () => {
  it('previews: header, mapping with the unmatched column, per-row results with placed errors', async () => {
    const result = await dispatch(ctx, 'import.preview', await request());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const preview = result.value as {
      headerRows: number[];
      columns: Array<{ column: string; field: string | null; how: string }>;
      unmatched: unknown[];
      blocking: string[];
      counts: Record<string, number>;
      rows: Array<{ row: number; status: string; note: string | null; errors: Array<{ text: string }> }>;
    };
    expect(preview.headerRows).toEqual([2]);
    expect(preview.columns.map((c) => `${c.column}:${c.field ?? '-'}:${c.how}`)).toEqual([
      'A:name:label',
      'B:office:label',
      'C:-:unmatched',
      'D:time:label',
      'E:headcount:label',
      'F:remark:label',
    ]);
    expect(preview.unmatched).toEqual([{ column: 'C', header: '滨江来建始专家' }]);
    expect(preview.blocking).toHaveLength(1);
    expect(preview.counts).toMatchObject({ toImport: 1, duplicates: 1, rejected: 1 });
    expect(preview.rows.map((r) => [r.row, r.status, r.note])).toEqual([
      [3, 'ok', null],
      [4, 'rejected', null],
      [5, 'duplicate', '与第 3 行重复'],
    ]);
    expect(preview.rows[1]!.errors.map((e) => e.text)).toEqual([
      '工作表“附件2”第 4 行 E 列“人 数”：应为数字或范围，如 30 或 3-5',
    ]);
    expect(countRecords(store.db, { ledger: 'expert-training' })).toBe(0);
  });

  it('refuses to commit while a column with content is unmapped, then commits once it is mapped', async () => {
    const refused = await dispatch(ctx, 'import.commit', await request());
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringContaining('C 列“滨江来建始专家”没有对应的字段') },
    });
    expect(countRecords(store.db, { ledger: 'expert-training' })).toBe(0);

    const mapping = [{ header: '滨江来建始专家', field: 'expert' }];
    const done = await dispatch(ctx, 'import.commit', await request({ mapping }));
    expect(done).toEqual({
      ok: true,
      value: {
        imported: 1,
        skipped: 1,
        rejected: [{ row: 4, errors: ['人数：应为数字或范围，如 30 或 3-5（E 列“人 数”）'] }],
        conflicts: [],
      },
    });
    expect(countRecords(store.db, { ledger: 'expert-training' })).toBe(1);
    // Remembered: the next preview of this layout needs no mapping.
    const again = await dispatch(ctx, 'import.preview', await request());
    expect(again.ok && (again.value as { blocking: string[] }).blocking).toEqual([]);
  });

  it('hands the rejected rows back as an .xlsx with an 错误原因 column', async () => {
    const result = await dispatch(ctx, 'import.rejectedXlsx', await request());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { fileName, base64, count } = result.value as { fileName: string; base64: string; count: number };
    expect(fileName).toBe('附件2-待修正.xlsx');
    expect(count).toBe(1);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
    const rows = book.worksheets[0]!.getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows).toEqual([
      ['项目名称', '责任股室', '滨江来建始专家', '时 间', '人 数', '备 注', '错误原因'],
      [
        '初中英语学科培训',
        '人事股、教研室',
        '初中英语骨干教师',
        '6 月下旬或 7 月上旬',
        '三到五',
        undefined,
        '人数：应为数字或范围，如 30 或 3-5（E 列“人 数”）',
      ],
    ]);
  });

  it('takes no file path and no file over the size limit; a bad file is an error value, not a crash', async () => {
    const withPath = await dispatch(ctx, 'import.preview', { ...(await request()), path: '/etc/passwd' });
    expect(withPath).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const huge = 'A'.repeat(Math.ceil(IMPORT_FILE_MAX_BYTES / 3) * 4 + 4);
    expect(await dispatch(ctx, 'import.preview', await request({ data: huge }))).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringContaining('文件不能超过 30 MB') },
    });
    const notXlsx = await dispatch(
      ctx,
      'import.preview',
      await request({ data: Buffer.from('姓名,性别\n').toString('base64') }),
    );
    expect(notXlsx).toMatchObject({
      ok: false,
      error: { code: 'bad-file', message: expect.stringContaining('这是文本文件（如 CSV）') },
    });
  });

  it('imports into the unit asked for', async () => {
    const sheet: SheetSpec = {
      rows: [
        ['姓名', '性别', '身份证号', '学段', '家庭类型', '资助项目', '资助金额(元)', '发放日期'],
        ['张三', '男', idNumber('42282220080101003'), '小学', '建档立卡', '两免一补', 500, '2019-04-12'],
      ],
    };
    const other = await dispatch(ctx, 'units.create', { name: '建始县花坪镇中心小学' });
    const unitId = other.ok ? (other.value as { id: number }).id : 0;
    const data = (await buildXlsx([sheet])).toString('base64');
    const done = await dispatch(ctx, 'import.commit', { ledger: 'student-aid', fileName: 'a.xlsx', data, unitId });
    expect(done).toMatchObject({ ok: true, value: { imported: 1 } });
    expect(countRecords(store.db, { ledger: 'student-aid', unitId })).toBe(1);
    expect(countRecords(store.db, { ledger: 'student-aid', unitId: store.unit.id })).toBe(0);
  });
});

/** A 资助 sheet whose title says what its columns leave out: 建档立卡 families, paid on 12 April. */
const NO_FAMILY_TYPE: SheetSpec = {
  name: '资助名单',
  rows: [
    ['2019年4月建档立卡学生两免一补发放表'],
    ['姓名', '性别', '身份证号', '学段', '资助项目', '资助金额(元)'],
    ['覃秋菊', '女', idNumber('42282220100315124'), '小学', '两免一补', 500],
    ['杨晓东', '男', idNumber('42282220071030071'), '初中', '两免一补', 625],
  ],
};

async function rollRequest(sheet: SheetSpec, extra: Record<string, unknown> = {}) {
  return {
    ledger: 'student-aid',
    fileName: '名单.xlsx',
    data: (await buildXlsx([sheet])).toString('base64'),
    ...extra,
  };
}

interface FillPreview {
  blocking: string[];
  warnings: string[];
  fill: Array<{ field: string; label: string; required: boolean; value: string | null; how: string | null }>;
  counts: Record<string, number>;
  rows: Array<{ row: number; status: string; note: string | null; values: Record<string, unknown> | null }>;
}

async function previewOf(input: Record<string, unknown>): Promise<FillPreview> {
  const result = await dispatch(ctx, 'import.preview', input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as FillPreview;
}

describe('本列统一填写: one value for every row of a field the sheet has no column for', () => {
  it('offers the missing required fields, fills them into every row once given, and remembers the fill', async () => {
    const bare = await previewOf(await rollRequest(NO_FAMILY_TYPE));
    expect(bare.blocking).toEqual(['表头中没有必填字段“家庭类型”的列', '表头中没有必填字段“发放日期”的列']);
    expect(bare.fill).toEqual([
      { field: 'family_type', label: '家庭类型', required: true, value: null, how: null },
      { field: 'paid_on', label: '发放日期', required: true, value: null, how: null },
    ]);

    // By label or key; a date as people write it is stored as the form stores it.
    const fill = { 家庭类型: '建档立卡', paid_on: '2019.4.12' };
    const filled = await previewOf(await rollRequest(NO_FAMILY_TYPE, { fill }));
    expect(filled.blocking).toEqual([]);
    expect(filled.fill.map((f) => [f.field, f.value, f.how])).toEqual([
      ['family_type', '建档立卡', 'given'],
      ['paid_on', '2019-04-12', 'given'],
    ]);
    expect(filled.counts).toMatchObject({ toImport: 2, rejected: 0 });
    expect(filled.rows.map((r) => [r.values?.family_type, r.values?.paid_on])).toEqual([
      ['建档立卡', '2019-04-12'],
      ['建档立卡', '2019-04-12'],
    ]);

    const done = await dispatch(ctx, 'import.commit', await rollRequest(NO_FAMILY_TYPE, { fill }));
    expect(done).toEqual({ ok: true, value: { imported: 2, skipped: 0, rejected: [], conflicts: [] } });
    const stored = await dispatch(ctx, 'records.list', { ledger: 'student-aid' });
    const rows = stored.ok ? (stored.value as { rows: Array<{ values: Record<string, unknown> }> }).rows : [];
    expect(rows.map((r) => [r.values.name, r.values.family_type, r.values.paid_on]).sort()).toEqual([
      ['杨晓东', '建档立卡', '2019-04-12'],
      ['覃秋菊', '建档立卡', '2019-04-12'],
    ]);

    // The next sheet of this layout gets the same values, and the preview says so.
    const again = await previewOf(await rollRequest(NO_FAMILY_TYPE));
    expect(again.blocking).toEqual([]);
    expect(again.fill.map((f) => [f.field, f.value, f.how])).toEqual([
      ['family_type', '建档立卡', 'remembered'],
      ['paid_on', '2019-04-12', 'remembered'],
    ]);
    expect(again.warnings).toContain('表中没有“家庭类型”一列，沿用上次的选择，每一行都填写为“建档立卡”');
    // "" withdraws a remembered value.
    const withdrawn = await previewOf(await rollRequest(NO_FAMILY_TYPE, { fill: { 家庭类型: '' } }));
    expect(withdrawn.blocking).toEqual(['表头中没有必填字段“家庭类型”的列']);
  });

  it('refuses an unknown field or a value the form would refuse, in one Chinese line; a fed field blocks', async () => {
    const unknown = await dispatch(
      ctx,
      'import.preview',
      await rollRequest(NO_FAMILY_TYPE, { fill: { 籍贯: '建始' } }),
    );
    expect(unknown).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        message: expect.stringMatching(/^统一填写的字段“籍贯”不在台账“学生资助台账”中，可用的字段：姓名、性别/),
      },
    });
    const badDate = await dispatch(
      ctx,
      'import.commit',
      await rollRequest(NO_FAMILY_TYPE, { fill: { 家庭类型: '建档立卡', 发放日期: '2019-13-45' } }),
    );
    expect(badDate).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        message: '为“发放日期”统一填写的“2019-13-45”不正确：“2019-13-45”不是真实的日期，应写作 2019-04-12',
      },
    });
    const badChoice = await dispatch(
      ctx,
      'import.preview',
      await rollRequest(NO_FAMILY_TYPE, { fill: { 家庭类型: '建档立卡', 发放日期: '2019-04-12', 性别: '未知' } }),
    );
    expect(badChoice).toMatchObject({
      ok: false,
      error: { message: '为“性别”统一填写的“未知”不正确：只能是以下之一：男、女' },
    });
    const fed = await previewOf(
      await rollRequest(NO_FAMILY_TYPE, { fill: { 家庭类型: '建档立卡', 发放日期: '2019-04-12', 学段: '小学' } }),
    );
    expect(fed.blocking).toEqual([
      '字段“学段”已由 D 列“学段”导入，不能再统一填写：请清除统一填写的值，或把该列设为不导入',
    ]);
    expect(countRecords(store.db, { ledger: 'student-aid' })).toBe(0);
  });
});

describe('a row whose ID number the ledger holds under another name', () => {
  const ID = idNumber('42282220080101003');
  const OTHER = idNumber('42282220090505011');
  const row = (name: string, id: string, item: string) => [name, '男', id, '小学', '建档立卡', item, 500, '2019-04-12'];
  const SHEET: SheetSpec = {
    rows: [
      ['姓名', '性别', '身份证号', '学段', '家庭类型', '资助项目', '资助金额(元)', '发放日期'],
      row('张山', ID, '两免一补'),
      row('张三', ID, '营养改善计划'),
      row('李四', OTHER, '两免一补'),
      row('张三', ID, '两免一补'),
    ],
  };

  async function existing(): Promise<number> {
    const values = { name: '张三', gender: '男', id_number: ID, stage: '小学', family_type: '建档立卡' };
    const made = await dispatch(ctx, 'records.create', {
      ledger: 'student-aid',
      values: { ...values, aid_item: '两免一补', amount: 500, paid_on: '2019-04-12' },
    });
    if (!made.ok) throw new Error(made.error.message);
    return (made.value as { id: number }).id;
  }

  it('is a conflict, counted and listed apart from duplicates, naming the record and the difference', async () => {
    const recordId = await existing();
    const message = `身份证号 ${ID.slice(0, 6)}********${ID.slice(14)} 已登记为张三（记录 ${recordId}），本行姓名为张山`;
    const preview = await previewOf(await rollRequest(SHEET));
    expect(preview.counts).toMatchObject({ toImport: 2, duplicates: 1, conflicts: 1, rejected: 0 });
    expect(preview.rows.map((r) => [r.row, r.status, r.note])).toEqual([
      [2, 'conflict', message],
      [3, 'ok', null],
      [4, 'ok', null],
      [5, 'duplicate', '与已有记录重复'],
    ]);
    expect(message).not.toContain(ID);

    // Not imported even when duplicates are.
    const done = await dispatch(ctx, 'import.commit', await rollRequest(SHEET, { allowDuplicates: true }));
    expect(done).toEqual({
      ok: true,
      value: { imported: 3, skipped: 0, rejected: [], conflicts: [{ row: 2, recordId, message }] },
    });
    const names = await dispatch(ctx, 'records.list', { ledger: 'student-aid', pageSize: 50 });
    const stored = names.ok ? (names.value as { rows: Array<{ values: Record<string, unknown> }> }).rows : [];
    expect(stored.map((r) => r.values.name).sort()).toEqual(['张三', '张三', '张三', '李四']);
  });

  it('goes into the 待修正 file with its reason', async () => {
    const recordId = await existing();
    const result = await dispatch(ctx, 'import.rejectedXlsx', await rollRequest(SHEET));
    expect(result.ok && (result.value as { count: number }).count).toBe(1);
    if (!result.ok) return;
    const book = XLSX.read(Buffer.from((result.value as { base64: string }).base64, 'base64'));
    const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1 });
    expect(rows).toHaveLength(2);
    expect(rows[1]!.slice(0, 3)).toEqual(['张山', '男', ID]);
    expect(rows[1]![8]).toBe(
      `身份证号 ${ID.slice(0, 6)}********${ID.slice(14)} 已登记为张三（记录 ${recordId}），本行姓名为张山`,
    );
  });
});

describe('the 待修正 file', () => {
  it('writes every cell of a text, ID or phone column as text, so Excel shows a damaged ID as it was read', async () => {
    const sheet: SheetSpec = {
      rows: [
        ['姓名', '性别', '身份证号', '学段', '家庭类型', '资助项目', '资助金额(元)', '发放日期', '联系电话', '备注'],
        ['张三', '男', 422822200801011200, '小学', '建档立卡', '两免一补', 500, '2019-04-12', 13972812345, 2019],
      ],
    };
    const result = await dispatch(ctx, 'import.rejectedXlsx', await rollRequest(sheet));
    if (!result.ok) throw new Error(result.error.message);
    const bytes = Buffer.from((result.value as { base64: string }).base64, 'base64');
    // SheetJS, not the exceljs the file was written with, reads it as Excel would.
    const book = XLSX.read(bytes, { cellNF: true });
    const cells = book.Sheets[book.SheetNames[0]!]!;
    for (const [address, text] of [
      ['C2', '422822200801011200'],
      ['I2', '13972812345'],
      ['J2', '2019'],
      ['A2', '张三'],
    ] as const) {
      expect(cells[address], address).toMatchObject({ t: 's', v: text, z: '@' });
    }
    // Quantities stay numbers.
    expect(cells.G2).toMatchObject({ t: 'n', v: 500 });
  });
});
