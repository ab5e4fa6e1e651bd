import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { countRecords } from '../../main/store/record-query.js';
import { runCli } from '../helpers/run-cli.js';
import { tempStore, type TempStore } from '../helpers/temp-store.js';
import { idNumber, writeXlsx, type SheetSpec } from './import-xlsx-fixtures.js';

let store: TempStore;
beforeEach(() => {
  store = tempStore();
});
afterEach(() => store.dispose());

const HEADER = ['序号', '姓名', '性别', '身份证号', '学段', '家庭类型', '资助项目', '资助金额（元）', '发放日期'];
const student = (n: number) => [
  n,
  `学生${n}`,
  '男',
  idNumber(`42282220080101${String(n * 2 + 1).padStart(3, '0')}`),
  '小学',
  '建档立卡',
  '两免一补',
  500,
  '2019-04-12',
];

const ROLL: SheetSpec = {
  name: '资助名单',
  rows: [
    ['附件1'],
    ['2019年学生资助台账'],
    ['填报单位（盖章）：建始县高坪镇中心小学\u3000\u3000填报日期：2019年3月20日'],
    HEADER,
    student(1),
    student(2),
    [3, '学生3', '男', 422822200801011200, '小学', '建档立卡', '两免一补', 500, '2019-04-12'],
    student(4),
    ['合计', null, null, null, null, null, null, 2000, null],
    ['填表人：\u3000\u3000审核人：\u3000\u3000联系电话：'],
  ],
  merges: ['A2:I2', 'A3:I3', 'A10:I10'],
};

function importXlsx(file: string, ...extra: string[]) {
  return runCli(['import', 'xlsx', '--db', store.file, '--ledger', 'student-aid', '--in', file, ...extra]);
}

function count(ledger = 'student-aid'): number {
  return countRecords(store.db, { ledger });
}

describe('taizhang import xlsx', () => {
  it('prints one JSON object: imported, skipped and the rejected rows by sheet row number; exit 0', async () => {
    const file = await writeXlsx(store.dir, '名单.xlsx', [ROLL]);
    const run = await importXlsx(file);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      imported: 3,
      skipped: 0,
      conflicts: [],
      rejected: [
        {
          row: 7,
          errors: [
            '身份证号：单元格以数字形式保存（读出为 422822200801011200），Excel 的数字只保留 15 位有效数字，这个 18 位身份证号的末几位已经丢失，无法修复；请把该列设为“文本”格式，按原始证件重新录入（D 列）',
          ],
        },
      ],
    });
    expect(count()).toBe(3);

    const again = await importXlsx(file);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: 0, skipped: 3 });
    expect(count()).toBe(3);

    const anyway = await importXlsx(file, '--allow-duplicates');
    expect(JSON.parse(anyway.stdout)).toMatchObject({ imported: 3, skipped: 0 });
    expect(count()).toBe(6);
  });

  it('--dry-run reports the same and writes nothing', async () => {
    const file = await writeXlsx(store.dir, '名单.xlsx', [ROLL]);
    const run = await importXlsx(file, '--dry-run');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ imported: 3, skipped: 0, rejected: [{ row: 7 }] });
    expect(count()).toBe(0);
  });

  it('--rejected-out writes the rejected rows with 错误原因; --sheet and --unit choose where', async () => {
    const file = await writeXlsx(store.dir, '名单.xlsx', [{ name: '说明', rows: [['见第二页']] }, ROLL]);
    const out = path.join(store.dir, '待修正.xlsx');
    const run = await importXlsx(file, '--sheet', '资助名单', '--unit', '建始县高坪镇中心小学', '--rejected-out', out);
    expect(run.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.getWorksheet('资助名单')!;
    expect(sheet.getCell('A2').value).toBe(3);
    expect(sheet.getCell('J1').value).toBe('错误原因');
    expect(sheet.getCell('J2').value).toMatch(/^身份证号：单元格以数字形式保存/);
    // The ID column is text: the digits as read, never a number Excel would show as 4.22822E+17.
    const cells = XLSX.read(fs.readFileSync(out), { cellNF: true }).Sheets['资助名单']!;
    expect(cells.D2).toMatchObject({ t: 's', v: '422822200801011200', z: '@' });
  });

  it('--map names a field for a column (repeatable), or leaves a column out with “列名=”', async () => {
    const sheet: SheetSpec = {
      rows: [
        ['项目名称', '责任股室', '滨江来建始专家', '时 间', '人 数', '联络人'],
        ['学前教育培训', '教育股', '幼儿园骨干教师', '5 月', '3-5', '谢明华'],
      ],
    };
    const file = await writeXlsx(store.dir, '附件2.xlsx', [sheet]);
    const base = ['import', 'xlsx', '--db', store.file, '--ledger', 'expert-training', '--in', file];
    const refused = await runCli(base);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim().split('\n')).toEqual([
      '错误：未导入任何记录：C 列“滨江来建始专家”没有对应的字段，其中的内容不导入就会丢失：请指定它对应的字段，或明确选择不导入该列；F 列“联络人”没有对应的字段，其中的内容不导入就会丢失：请指定它对应的字段，或明确选择不导入该列（可用 --map "列名=字段名" 指定对应关系，--map "列名=" 表示不导入该列；表中没有的字段可用 --fill "字段名=值" 为每一行统一填写）',
    ]);
    const mapped = await runCli([...base, '--map', '滨江来建始专家=专家', '--map', '联络人=']);
    expect(mapped.code).toBe(0);
    expect(JSON.parse(mapped.stdout)).toEqual({ imported: 1, skipped: 0, rejected: [], conflicts: [] });
    expect(count('expert-training')).toBe(1);
  });

  it('exit 1 with one Chinese line when the file cannot be read; nothing written', async () => {
    const file = path.join(store.dir, '坏文件.xlsx');
    fs.writeFileSync(file, Buffer.from('PK\u0003\u0004 这不是完整的压缩包'));
    const run = await importXlsx(file);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('错误：无法导入“坏文件.xlsx”：文件不完整（可能下载或复制时中断了），请重新获取原文件\n');
    const missing = await importXlsx(path.join(store.dir, '没有这个文件.xlsx'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^错误：找不到要导入的文件：.*没有这个文件\.xlsx\n$/);
    expect(count()).toBe(0);
  });

  it('--fill gives a field the sheet has no column for one value in every row', async () => {
    const sheet: SheetSpec = {
      rows: [
        ['2019年4月建档立卡学生两免一补发放表'],
        ['姓名', '性别', '身份证号', '学段', '资助项目', '资助金额(元)'],
        ['学生1', '男', idNumber('42282220080101003'), '小学', '两免一补', 500],
      ],
    };
    const file = await writeXlsx(store.dir, '发放表.xlsx', [sheet]);
    const refused = await importXlsx(file);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain('表头中没有必填字段“家庭类型”的列');
    expect(refused.stderr).toContain('--fill "字段名=值"');

    const unknown = await importXlsx(file, '--fill', '籍贯=建始');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^错误：统一填写的字段“籍贯”不在台账“学生资助台账”中，可用的字段：[^\n]+\n$/);
    const invalid = await importXlsx(file, '--fill', '家庭类型=建档立卡,发放日期=2019年2月30日');
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toBe(
      '错误：为“发放日期”统一填写的“2019年2月30日”不正确：“2019年2月30日”不是真实的日期，应写作 2019-04-12\n',
    );
    expect((await importXlsx(file, '--fill', '家庭类型')).code).toBe(2);
    expect(count()).toBe(0);

    // Comma-separated or repeated.
    const run = await importXlsx(
      file,
      '--fill',
      '家庭类型=建档立卡,发放日期=2019-04-12',
      '--fill',
      '备注=按发放表补录',
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ imported: 1, skipped: 0, rejected: [], conflicts: [] });
    const stored = store.db
      .prepare("SELECT data FROM records WHERE ledger_key = 'student-aid'")
      .pluck()
      .get() as string;
    expect(JSON.parse(stored)).toMatchObject({
      family_type: '建档立卡',
      paid_on: '2019-04-12',
      remark: '按发放表补录',
    });
  });

  it('lists a row whose ID number is registered under another name as a conflict, never imported', async () => {
    const file = await writeXlsx(store.dir, '名单.xlsx', [ROLL]);
    expect((await importXlsx(file)).code).toBe(0);
    const id = idNumber('42282220080101003');
    const renamed: SheetSpec = {
      rows: [HEADER, [1, '学生一', '男', id, '小学', '建档立卡', '两免一补', 500, '2019-04-12']],
    };
    const second = await writeXlsx(store.dir, '更名.xlsx', [renamed]);
    const out = path.join(store.dir, '待修正.xlsx');
    const run = await importXlsx(second, '--allow-duplicates', '--rejected-out', out);
    expect(run.code).toBe(0);
    const recordId = store.db
      .prepare("SELECT id FROM records WHERE json_extract(data, '$.id_number') = ?")
      .pluck()
      .get(id) as number;
    const message = `身份证号 422822********${id.slice(14)} 已登记为学生1（记录 ${recordId}），本行姓名为学生一`;
    expect(JSON.parse(run.stdout)).toEqual({
      imported: 0,
      skipped: 0,
      rejected: [],
      conflicts: [{ row: 2, recordId, message }],
    });
    expect(run.stdout + run.stderr).not.toContain(id);
    expect(count()).toBe(3);
    const back = XLSX.utils.sheet_to_json<unknown[]>(XLSX.readFile(out).Sheets.Sheet1!, { header: 1 });
    expect(back[1]).toEqual([1, '学生一', '男', id, '小学', '建档立卡', '两免一补', 500, '2019-04-12', message]);
  });
});
