import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
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
