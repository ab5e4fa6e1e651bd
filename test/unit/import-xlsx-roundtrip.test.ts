import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { planImport, type ImportRequest } from '../../main/import/import-plan.js';
import { importRecords } from '../../main/import/import-commit.js';
import { rejectedXlsxBuffer, writeRejectedFile } from '../../main/import/rejected-export.js';
import { insertRecordsBulk } from '../../main/store/bulk.js';
import { getLedgerDefinition } from '../../main/store/ledger-types.js';
import { countRecords, iterateRecords } from '../../main/store/record-query.js';
import { getSetting } from '../../main/store/settings.js';
import { DemoRandom } from '../../main/demo/random.js';
import { studentAidRows } from '../../main/demo/student-aid.js';
import { tempStore, type TempStore } from '../helpers/temp-store.js';
import { attachmentTable, buildXlsx, idNumber, type SheetSpec } from './import-xlsx-fixtures.js';

let source: TempStore;
let target: TempStore;
beforeEach(() => {
  source = tempStore();
  target = tempStore();
});
afterEach(() => {
  source.dispose();
  target.dispose();
});

function records(store: TempStore, ledger: string) {
  return [...iterateRecords(store.db, { ledger })].map((r) => ({ recordDate: r.recordDate, values: r.values }));
}

async function importInto(
  store: TempStore,
  ledger: string,
  bytes: Buffer,
  extra: Partial<ImportRequest> = {},
  allowDuplicates = false,
) {
  const request = { ledger, unitId: store.unit.id, source: { bytes, name: '附件.xlsx' }, ...extra };
  return importRecords(store.db, request, { operator: '测试员', allowDuplicates });
}

describe('round trip through an attachment table', () => {
  it('brings 2,500 student-aid records back identical, field by field, leaving no temporary table', async () => {
    const def = getLedgerDefinition(source.db, 'student-aid');
    insertRecordsBulk(source.db, def, source.unit.id, studentAidRows(new DemoRandom(7), 2500), {
      operator: '测试员',
      source: 'test',
    });
    const original = records(source, 'student-aid');
    const table = attachmentTable(
      def,
      original.map((r) => r.values),
      { unit: '建始县高坪镇中心小学' },
    );
    const { plan, result } = await importInto(target, 'student-aid', await buildXlsx([table]));
    expect(plan.headerRows).toEqual([4]);
    expect(plan.ignored.totals).toEqual([2505]);
    expect(plan.ignored.footer).toEqual([2506]);
    expect(plan.rejected).toEqual([]);
    expect(result).toMatchObject({ imported: 2500, skipped: 0 });
    expect(records(target, 'student-aid')).toEqual(original);
    expect(target.db.prepare("SELECT name FROM sqlite_temp_master WHERE type = 'table'").all()).toEqual([]);
  });

  it('keeps Chinese text whole across the stream reader’s chunk boundaries (inline strings, 3,000 rows)', async () => {
    const def = getLedgerDefinition(source.db, 'expert-training');
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      name: `第${i + 1}期初中数学学科骨干教师专题培训（滨江·建始）`,
      office: '人事股、教研室、教育股',
      expert: `滨江区骨干教师${'甲乙丙丁戊己庚辛'[i % 8]}`,
      time: '6 月下旬或 7 月上旬',
      headcount: '3-5',
      remark: '建始县确定 30 名初中数学教师参训，“送教下乡”',
    }));
    const file = path.join(target.dir, 'streamed.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const sheet = writer.addWorksheet('附件2');
    sheet.addRow(['序号', ...def.fields.map((f) => f.label)]).commit();
    rows.forEach((r, i) => sheet.addRow([i + 1, r.name, r.office, r.expert, r.time, r.headcount, r.remark]).commit());
    await writer.commit();
    const { plan } = await importRecords(
      target.db,
      { ledger: 'expert-training', unitId: target.unit.id, source: { path: file } },
      { operator: '测试员' },
    );
    expect(plan.rejected).toEqual([]);
    expect(records(target, 'expert-training').map((r) => r.values)).toEqual(rows);
  });
});

describe('reading without a temporary copy', () => {
  it('reads a workbook whose worksheets precede its shared strings without writing the sheet to disk', async () => {
    const def = getLedgerDefinition(source.db, 'student-aid');
    insertRecordsBulk(source.db, def, source.unit.id, studentAidRows(new DemoRandom(3), 50), {
      operator: '测试员',
      source: 'test',
    });
    const bytes = await buildXlsx([
      attachmentTable(
        def,
        records(source, 'student-aid').map((r) => r.values),
      ),
    ]);
    const names = (await JSZip.loadAsync(bytes)).file(/.*/).map((f) => f.name);
    expect(names.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(names.indexOf('xl/sharedStrings.xml'));
    const writes = vi.spyOn(fs, 'createWriteStream');
    try {
      const { result } = await importInto(target, 'student-aid', bytes);
      expect(result?.imported).toBe(50);
      expect(writes).not.toHaveBeenCalled();
    } finally {
      writes.mockRestore();
    }
  });
});

describe('importing the same rows again', () => {
  const def = () => getLedgerDefinition(target.db, 'student-aid');
  const rows = () => [...studentAidRows(new DemoRandom(11), 40)].map((r) => r.values);

  it('imports nothing the second time and reports every row as skipped', async () => {
    const bytes = await buildXlsx([attachmentTable(def(), rows() as never)]);
    expect((await importInto(target, 'student-aid', bytes)).result).toMatchObject({ imported: 40, skipped: 0 });
    const again = await importInto(target, 'student-aid', bytes);
    expect(again.result).toMatchObject({ imported: 0, skipped: 40 });
    expect([...again.plan.accepted].every((r) => r.duplicate?.of === 'existing')).toBe(true);
    expect(countRecords(target.db, { ledger: 'student-aid' })).toBe(40);
  });

  it('skips a row repeated inside the file, naming the first, unless duplicates are allowed', async () => {
    const values = rows().slice(0, 3);
    const bytes = await buildXlsx([attachmentTable(def(), [...values, values[1]!] as never)]);
    const plan = await planImport(target.db, {
      ledger: 'student-aid',
      unitId: target.unit.id,
      source: { bytes, name: 'a.xlsx' },
    });
    expect([...plan.accepted].map((r) => r.duplicate ?? null)).toEqual([
      null,
      null,
      null,
      { of: 'in-file', firstRow: 6 },
    ]);
    const written = await importInto(target, 'student-aid', bytes, {}, true);
    expect(written.result).toMatchObject({ imported: 4, skipped: 0 });
  });

  it('counts records of another unit as different records', async () => {
    const bytes = await buildXlsx([attachmentTable(def(), rows() as never)]);
    const other = (await import('../../main/store/units.js')).createUnit(target.db, '建始县花坪镇中心小学', '测试员');
    await importInto(target, 'student-aid', bytes);
    const written = await importInto(target, 'student-aid', bytes, { unitId: other.id });
    expect(written.result).toMatchObject({ imported: 40, skipped: 0 });
  });
});

describe('nothing half-written', () => {
  it('leaves the ledger and the remembered mapping untouched when writing fails at the last row', async () => {
    const spec: SheetSpec = {
      rows: [
        ['项目名称', '滨江来建始专家', '人数'],
        ['学前教育培训', '幼儿园骨干教师', '3-5'],
        ['初中英语学科培训', '初中英语骨干教师', '3-5'],
      ],
    };
    const mapping = [{ header: '滨江来建始专家', field: '专家' }];
    const bytes = await buildXlsx([spec]);
    // The ledger file refuses the second record (as a full disk or a damaged page would), after
    // the first was written inside the import's transaction.
    target.db.exec(`CREATE TRIGGER refuse_second AFTER INSERT ON records
      WHEN (SELECT count(*) FROM records WHERE ledger_key = 'expert-training') >= 2
      BEGIN SELECT RAISE(ABORT, '磁盘已满'); END`);
    await expect(importInto(target, 'expert-training', bytes, { mapping })).rejects.toThrow(/磁盘已满/);
    expect(target.db.inTransaction).toBe(false);
    expect(countRecords(target.db, { ledger: 'expert-training' })).toBe(0);
    const plan = await planImport(target.db, {
      ledger: 'expert-training',
      unitId: target.unit.id,
      source: { bytes, name: '附件.xlsx' },
      mapping,
    });
    expect(plan.accepted).toHaveLength(2);
    expect(getSetting(target.db, plan.layoutKey)).toBeUndefined();
  });
});

describe('rejected rows handed back', () => {
  const HEADER = [
    '序号',
    '姓名',
    '性别',
    '身份证号',
    '学段',
    '家庭类型',
    '资助项目',
    '资助金额（元）',
    '发放日期',
    '备注',
  ];
  const good = (n: number) => [
    n,
    `学生${n}`,
    '男',
    idNumber(`42282220080101${String(n * 2 + 1).padStart(3, '0')}`),
    '小学',
    '建档立卡',
    '两免一补',
    500,
    '2019-04-12',
    null,
  ];

  it('writes them with their original columns and an 错误原因 column; corrected, they import', async () => {
    const spec: SheetSpec = {
      name: '名单',
      rows: [
        ['2019年学生资助台账'],
        HEADER,
        good(1),
        [2, '学生2', '男', 422822200801011200, '小学', '建档立卡', '两免一补', 500, '2019-04-12', '=HYPERLINK("x")'],
        good(3),
        [
          4,
          '学生4',
          '男',
          idNumber('42282220080101009'),
          '小学',
          '建档立卡',
          '两免一补',
          '五百',
          '2019-13-45',
          'x'.repeat(40000),
        ],
      ],
    };
    const { plan, result } = await importInto(target, 'student-aid', await buildXlsx([spec]));
    expect(result?.imported).toBe(2);
    expect(plan.rejected.map((r) => r.row)).toEqual([4, 6]);

    const file = path.join(target.dir, '待修正.xlsx');
    await writeRejectedFile(plan, file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet('名单')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...HEADER, '错误原因']);
    expect(sheet.rowCount).toBe(3);
    // Text, as the column is: Excel shows the digits as read, not 4.22822E+17.
    expect(sheet.getCell('D2').value).toBe('422822200801011200');
    expect(sheet.getCell('J2').value).toBe('=HYPERLINK("x")');
    expect(sheet.getCell('K2').value).toMatch(/^身份证号：单元格以数字形式保存.*末几位已经丢失.*（D 列）$/);
    expect(sheet.getCell('H3').value).toBe('五百');
    expect(String(sheet.getCell('J3').value)).toHaveLength(32767);
    expect(sheet.getCell('K3').value).toBe(
      '资助金额(元)：应为金额数字，如 1200 或 1200.50（H 列“资助金额（元）”）；发放日期：“2019-13-45”不是真实的日期，应写作 2019-04-12（I 列）；备注：不能超过 200 个字（现有 40000 个）（J 列）；“备注”原有 40000 个字，超出 Excel 单元格上限，此处只保留前 32767 个',
    );

    sheet.getCell('D2').value = idNumber('42282220080101005');
    sheet.getCell('H3').value = 500;
    sheet.getCell('I3').value = '2019-04-13';
    sheet.getCell('J3').value = null;
    const fixed = Buffer.from(await book.xlsx.writeBuffer());
    const again = await importInto(target, 'student-aid', fixed);
    expect(again.plan.rejected).toEqual([]);
    expect(again.result?.imported).toBe(2);
    expect(countRecords(target.db, { ledger: 'student-aid' })).toBe(4);
  });

  it('keeps the layout key, so a mapping made for the original applies to its rejected rows', async () => {
    const spec: SheetSpec = {
      rows: [
        ['项目名称', '滨江来建始专家', '人数'],
        ['学前教育培训', '幼儿园骨干教师', '3-5'],
        ['初中英语学科培训', '初中英语骨干教师', '三到五'],
      ],
    };
    const { plan } = await importInto(target, 'expert-training', await buildXlsx([spec]), {
      mapping: [{ header: '滨江来建始专家', field: '专家' }],
    });
    expect(plan.rejected).toHaveLength(1);
    const back = await rejectedXlsxBuffer(plan);
    const replan = await planImport(target.db, {
      ledger: 'expert-training',
      unitId: target.unit.id,
      source: { bytes: back, name: 'b.xlsx' },
    });
    expect(replan.layoutKey).toBe(plan.layoutKey);
    expect(replan.columns.map((c) => c.how)).toEqual(['label', 'remembered', 'label', 'ignored']);
    expect(replan.rejected[0]!.errors.map((e) => e.message)).toEqual(['应为数字或范围，如 30 或 3-5']);
    expect(fs.existsSync(path.join(target.dir, 'b.xlsx'))).toBe(false);
  });
});
