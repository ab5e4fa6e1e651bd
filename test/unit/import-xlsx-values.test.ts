import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { planImport } from '../../main/import/import-plan.js';
import { cellErrorLine, cellErrorText } from '../../main/import/row-check.js';
import { tempStore, type TempStore } from '../helpers/temp-store.js';
import { buildXlsx, excelDate, idNumber, type SheetSpec } from './import-xlsx-fixtures.js';

let store: TempStore;
beforeEach(() => {
  store = tempStore();
});
afterEach(() => store.dispose());

const HEADER = [
  '序号',
  '姓名',
  '性别',
  '身份证号',
  '学段',
  '家庭类型',
  '资助项目',
  '资助金额(元)',
  '发放日期',
  '联系电话',
];
const ID = idNumber('42282220080101003'); // a boy's

/** A different boy's ID number for each row, so rows do not count as duplicates of each other. */
function boyId(i: number): string {
  return idNumber(`42282220080101${String(i * 2 + 1).padStart(3, '0')}`);
}

/** One student-aid row with the cells given, the rest valid. */
function row(
  n: number,
  cells: Partial<Record<'name' | 'id' | 'amount' | 'date' | 'phone' | 'stage', ExcelJS.CellValue>>,
) {
  return [
    n,
    cells.name ?? `学生${n}`,
    '男',
    cells.id ?? ID,
    cells.stage ?? '小学',
    '建档立卡',
    '两免一补',
    cells.amount ?? 500,
    cells.date ?? '2019-04-12',
    cells.phone ?? '13912345678',
  ];
}

async function planRows(rows: ExcelJS.CellValue[][], formats: Record<string, string> = {}) {
  const spec: SheetSpec = { name: '资助名单', rows: [HEADER, ...rows], formats };
  const bytes = await buildXlsx([spec]);
  return planImport(store.db, { ledger: 'student-aid', unitId: store.unit.id, source: { bytes, name: 'a.xlsx' } });
}

describe('normalising what people type', () => {
  it('reads dates as Excel dates, serial numbers and the ways they are written, full-width digits included', async () => {
    const dates: ExcelJS.CellValue[] = [
      excelDate('2019-04-12'),
      43567,
      '2019.4.12',
      '2019年4月12日',
      '2019/4/12',
      '2019-4-12',
      '２０１９年４月１２日',
      ' 2019-04-12 ',
      20190412,
      { formula: 'DATE(2019,4,12)', result: 43567 },
    ];
    const p = await planRows(
      dates.map((date, i) => row(i + 1, { date, id: boyId(i) })),
      { I2: 'yyyy"年"m"月"d"日"' },
    );
    expect(p.rejected.map((r) => r.errors)).toEqual([]);
    expect([...p.accepted].map((r) => r.values.paid_on)).toEqual(Array(dates.length).fill('2019-04-12'));
  });

  it('reads money written with thousands separators, a yuan sign or full-width digits, and SUM noise', async () => {
    const amounts: ExcelJS.CellValue[] = [
      '1,200.50',
      '￥1200',
      '¥1,200.5',
      '１２００.５',
      ' 1200.50元',
      1200.5,
      { formula: 'SUM(1,0.1,0.2)', result: 1.3000000000000003 },
    ];
    const p = await planRows(amounts.map((amount, i) => row(i + 1, { amount, id: boyId(i) })));
    expect(p.rejected.map((r) => r.errors)).toEqual([]);
    expect([...p.accepted].map((r) => r.values.amount)).toEqual([1200.5, 1200, 1200.5, 1200.5, 1200.5, 1200.5, 1.3]);
  });

  it('trims names, drops the padding inside two-character names, upper-cases x and strips spaces in ID numbers', async () => {
    const woman = idNumber('11010519491231002').replace('X', 'x');
    const p = await planRows([
      [
        1,
        '\u3000王\u3000芳 ',
        '女',
        ` ${woman.slice(0, 6)} ${woman.slice(6, 14)} ${woman.slice(14)} `,
        '小学',
        '建档立卡',
        '两免一补',
        500,
        '2019-04-12',
        '139 1234 5678',
      ],
      [
        2,
        '阿依古丽·买买提',
        '女',
        '１１０１０５１９４９１２３１００２Ｘ',
        '初中',
        '建档立卡',
        '两免一补',
        500,
        '2019-04-12',
        '（0718）3321234',
      ],
    ]);
    expect(p.rejected.map((r) => r.errors)).toEqual([]);
    expect([...p.accepted].map((r) => [r.values.name, r.values.id_number, r.values.phone])).toEqual([
      ['王芳', '11010519491231002X', '13912345678'],
      ['阿依古丽·买买提', '11010519491231002X', '0718-3321234'],
    ]);
  });
});

describe('rows that fail', () => {
  it('lists every bad cell of every row in Chinese, with the sheet, the row, the column letter and its header', async () => {
    const p = await planRows([
      row(1, {}),
      row(2, { date: '2019-13-45', id: idNumber('42282220080101005').slice(0, 17) + '0' }),
      row(3, { stage: '大学', amount: 'abc' }),
    ]);
    expect([...p.accepted].map((r) => r.row)).toEqual([2]);
    expect(p.rejected.map((r) => ({ row: r.row, lines: r.errors.map(cellErrorLine) }))).toEqual([
      {
        row: 3,
        lines: [
          '身份证号：校验位不正确，请核对是否录错（D 列）',
          '发放日期：“2019-13-45”不是真实的日期，应写作 2019-04-12（I 列）',
        ],
      },
      {
        row: 4,
        lines: [
          '学段：只能是以下之一：学前、小学、初中、高中、中职、高校（E 列）',
          '资助金额(元)：应为金额数字，如 1200 或 1200.50（H 列）',
        ],
      },
    ]);
    expect(cellErrorText(p.sheet, 3, p.rejected[0]!.errors[1]!)).toBe(
      '工作表“资助名单”第 3 行 I 列“发放日期”：“2019-13-45”不是真实的日期，应写作 2019-04-12',
    );
  });

  it('rejects an ID number Excel stored as a number, saying its last digits are lost, in every form it arrives', async () => {
    const real = idNumber('42282220080101003');
    const p = await planRows([
      row(1, { id: Number(real.slice(0, 17) + '1') }),
      row(2, { id: '4.22822E+17' }),
      row(3, { id: { formula: 'D2', result: Number(real.slice(0, 17) + '1') } }),
      row(4, { id: 4.22822e17 }),
    ]);
    expect([...p.accepted]).toEqual([]);
    const messages = p.rejected.map((r) => r.errors.map((e) => `${e.column}:${e.message}`));
    expect(messages[0]).toEqual([
      `D:单元格以数字形式保存（读出为 ${BigInt(Number(real.slice(0, 17) + '1'))}），Excel 的数字只保留 15 位有效数字，这个 18 位身份证号的末几位已经丢失，无法修复；请把该列设为“文本”格式，按原始证件重新录入`,
    ]);
    expect(messages[1]).toEqual([
      'D:“4.22822E+17”是 Excel 把身份证号当作数字保存后的科学计数法写法，末几位已经丢失，无法修复；请把该列设为“文本”格式，按原始证件重新录入',
    ]);
    expect(messages[2]![0]).toMatch(/^D:单元格以数字形式保存.*末几位已经丢失/);
    expect(messages[3]).toEqual([expect.stringContaining('读出为 422822000000000000）')]);
  });

  it('answers a 40,000-character cell with its length, not its content', async () => {
    const long = '很'.repeat(40000);
    const p = await planRows([row(1, { name: long }), row(2, { date: long, id: idNumber('42282220080101005') })]);
    expect(p.rejected.map((r) => r.errors.map(cellErrorLine))).toEqual([
      ['姓名：不能超过 30 个字（现有 40000 个）（B 列）'],
      ['发放日期：内容过长（40000 个字），不是有效的日期（I 列）'],
    ]);
  });

  it('checks 性别 against the ID number across columns and names the 性别 column', async () => {
    const p = await planRows([
      [1, '李四', '男', idNumber('11010519491231002'), '小学', '建档立卡', '两免一补', 500, '2019-04-12', ''],
    ]);
    expect(p.rejected[0]!.errors.map(cellErrorLine)).toEqual(['性别：与身份证号不符（身份证号显示为女）（C 列）']);
  });
});
