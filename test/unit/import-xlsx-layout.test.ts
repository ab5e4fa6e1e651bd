import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planImport } from '../../main/import/import-plan.js';
import { importRecords } from '../../main/import/import-commit.js';
import { getLedgerDefinition } from '../../main/store/ledger-types.js';
import { listRecords } from '../../main/store/record-query.js';
import { tempStore, type TempStore } from '../helpers/temp-store.js';
import { buildXlsx, idNumber, type SheetSpec } from './import-xlsx-fixtures.js';

let store: TempStore;
beforeEach(() => {
  store = tempStore();
});
afterEach(() => store.dispose());

type Extra = Partial<Parameters<typeof planImport>[1]>;

async function request(ledger: string, sheets: SheetSpec[], extra: Extra) {
  const bytes = await buildXlsx(sheets);
  return { ledger, unitId: store.unit.id, source: { bytes, name: '导入.xlsx' }, ...extra };
}

async function plan(ledger: string, sheets: SheetSpec[], extra: Extra = {}) {
  return planImport(store.db, await request(ledger, sheets, extra));
}

async function commit(ledger: string, sheets: SheetSpec[], extra: Extra = {}) {
  return importRecords(store.db, await request(ledger, sheets, extra), { operator: '测试员' });
}

function values(ledger: string) {
  return listRecords(store.db, { ledger }, { page: 1, pageSize: 500 }).rows.map((r) => r.values);
}

/** 附件 1 of notice 02, typed the way it was typed: spaced labels, a title, a 填报单位 line. */
const ATTACHMENT_1: SheetSpec = {
  name: '附件1',
  rows: [
    ['附件 1'],
    ['2019 年建始县教师到杭州市滨江区学校跟岗培训计划安排表'],
    ['填报单位（盖章）：建始县教育局\u3000\u3000\u3000\u3000填报日期：2019年3月20日'],
    ['序号', '对 象', '时 间', '人 数', '责 任 股 室'],
    [1, '幼儿园园长', '3 月', 25, '人事股、教育股'],
    [2, '学校管理干部', '4 月', 25, '人事股'],
    [3, '教研员、数学教师', '5 月', 30, '人事股、教研室'],
    [4, '后勤、基建干部', '10 月', 20, '人事股、项目办、后勤办'],
    [5, '教研员、英语教师', '11 月', 30, '人事股、教研室'],
    [6, '信息技术、心理健康教师', '12 月', 20, '人事股、教育股、电教站'],
  ],
  merges: ['A2:E2', 'A3:E3'],
};

const ATTACHMENT_2: SheetSpec = {
  name: '附件2',
  rows: [
    ['附件 2'],
    ['2019 年滨江区专家到建始县学校指导培训计划表'],
    ['项目名称', '责任股室', '滨江来建始专家', '时 间', '人 数', '备 注'],
    ['学前教育培训', '教育股、人事股、教研室', '幼儿园骨干教师', '5 月', '3-5', '建始县确定 30 名幼儿园教师参训'],
    [
      '初中英语学科培训',
      '人事股、教研室',
      '初中英语骨干教师',
      '6 月下旬或 7 月上旬',
      '3-5',
      '建始县确定 30 名初中英语教师参训',
    ],
    [
      '初中数学学科培训',
      '人事股、教研室',
      '初中数学骨干教师',
      '6 月下旬或 7 月上旬',
      '3-5',
      '建始县确定 30 名初中数学教师参训',
    ],
    ['小学音乐学科培训', '人事股、教研室', '小学音乐骨干教师', '8 月下旬', '3-5', '建始县确定 30 名小学音乐教师参训'],
    ['小学美术学科培训', '人事股、教研室', '小学美术骨干教师', '8 月下旬', '3-5', '建始县确定 30 名小学美术教师参训'],
  ],
  merges: ['A2:F2'],
};

describe('finding the table', () => {
  it('reads 附件 1 of notice 02: header below 附件N, a merged title and the 填报单位 line, spaced labels', async () => {
    const p = await plan('training-plan', [ATTACHMENT_1]);
    expect(p.sheet).toBe('附件1');
    expect(p.headerRows).toEqual([4]);
    expect(p.columns.map((c) => [c.letter, c.field?.key ?? null, c.how])).toEqual([
      ['A', null, 'ignored'],
      ['B', 'target', 'label'],
      ['C', 'time', 'label'],
      ['D', 'headcount', 'label'],
      ['E', 'office', 'label'],
    ]);
    expect(p.blocking).toEqual([]);
    expect(p.rejected).toEqual([]);
    expect([...p.accepted].map((r) => r.row)).toEqual([5, 6, 7, 8, 9, 10]);
    expect([...p.accepted][3]!.values).toEqual({
      target: '后勤、基建干部',
      time: '10 月',
      headcount: '20',
      office: '人事股、项目办、后勤办',
    });
  });

  it('writes 附件 1 into the ledger exactly as the notice has it', async () => {
    expect((await commit('training-plan', [ATTACHMENT_1])).result?.imported).toBe(6);
    expect(values('training-plan').map((v) => [v.target, v.time, v.headcount])).toEqual([
      ['幼儿园园长', '3 月', '25'],
      ['学校管理干部', '4 月', '25'],
      ['教研员、数学教师', '5 月', '30'],
      ['后勤、基建干部', '10 月', '20'],
      ['教研员、英语教师', '11 月', '30'],
      ['信息技术、心理健康教师', '12 月', '20'],
    ]);
  });

  it('matches labels written with full-width brackets, ideographic spaces, line breaks and * marks', async () => {
    const def = getLedgerDefinition(store.db, 'student-aid');
    const header = def.fields.map((f) => f.label);
    header[0] = '姓\u3000名';
    header[2] = '*身份证号码';
    header[7] = '资助金额（元）';
    header[9] = '发放\n日期';
    header[12] = 'ＱＱ家庭住址'.slice(2);
    const p = await plan('student-aid', [{ rows: [['学生资助台账'], header] }]);
    expect(p.columns.map((c) => c.field?.key)).toEqual(def.fields.map((f) => f.key));
    expect(p.columns[2]!.how).toBe('alias');
    expect(p.blocking).toEqual([]);
  });

  it('does not take 资助金额（万元） for 资助金额(元): another unit is another column', async () => {
    const def = getLedgerDefinition(store.db, 'student-aid');
    const header = def.fields.map((f) => (f.key === 'amount' ? '资助金额（万元）' : f.label));
    const row = ['张三', '男', '11010519491231003X', '小学', '', '建档立卡', '两免一补', 0.05, '', '2019-04-12'];
    const p = await plan('student-aid', [{ rows: [header, row] }]);
    expect(p.columns[7]).toMatchObject({ letter: 'H', header: '资助金额（万元）', field: null, how: 'unmatched' });
    expect(p.blocking).toContain(
      'H 列“资助金额（万元）”没有对应的字段，其中的内容不导入就会丢失：请指定它对应的字段，或明确选择不导入该列',
    );
    expect(p.blocking).toContain('表头中没有必填字段“资助金额(元)”的列');
    const attempt = await commit('student-aid', [{ rows: [header, row] }]);
    expect(attempt.result).toBeNull();
    expect(attempt.plan.blocking).toEqual(p.blocking);
    expect(values('student-aid')).toEqual([]);
  });

  it('picks the sheet that holds the header, skipping a cover sheet and hidden sheets', async () => {
    const cover: SheetSpec = { name: '封面', rows: [['2019年东西部协作台账'], ['建始县教育局']] };
    const hidden: SheetSpec = { ...ATTACHMENT_1, name: '旧表', state: 'hidden', rows: ATTACHMENT_1.rows.slice(0, 5) };
    const p = await plan('training-plan', [cover, hidden, ATTACHMENT_1]);
    expect(p.sheet).toBe('附件1');
    expect(p.sheets).toEqual(['封面', '旧表', '附件1']);
    expect(p.accepted).toHaveLength(6);
  });

  it('reads the sheet it is told to, and names the sheets when that one does not exist', async () => {
    const p = await plan(
      'training-plan',
      [ATTACHMENT_1, { ...ATTACHMENT_1, name: '第二张', rows: ATTACHMENT_1.rows.slice(0, 6) }],
      {
        sheet: '第二张',
      },
    );
    expect(p.sheet).toBe('第二张');
    expect([...p.accepted].map((r) => r.row)).toEqual([5, 6]);
    await expect(plan('training-plan', [ATTACHMENT_1], { sheet: '附件3' })).rejects.toThrow(
      '“导入.xlsx”中没有名为“附件3”的工作表，其中的工作表有：附件1',
    );
  });

  it('says which ledger header it looked for when no row names its fields', async () => {
    await expect(plan('student-aid', [ATTACHMENT_1])).rejects.toThrow(
      /在“导入.xlsx”的各个工作表的前 40 行中找不到台账“学生资助台账”的表头.*（如 姓名、性别、身份证号、学段）/,
    );
  });
});

describe('columns the labels do not name', () => {
  it('stops at 滨江来建始专家 until the user maps it, then remembers the mapping for that layout', async () => {
    const first = await plan('expert-training', [ATTACHMENT_2]);
    expect(first.columns.find((c) => c.letter === 'C')).toMatchObject({ header: '滨江来建始专家', how: 'unmatched' });
    expect(first.blocking).toEqual([
      'C 列“滨江来建始专家”没有对应的字段，其中的内容不导入就会丢失：请指定它对应的字段，或明确选择不导入该列',
    ]);

    const mapped = await plan('expert-training', [ATTACHMENT_2], {
      mapping: [{ header: '滨江来建始专家', field: '专家' }],
    });
    expect(mapped.columns.find((c) => c.letter === 'C')).toMatchObject({ how: 'given', field: { key: 'expert' } });
    const written = await commit('expert-training', [ATTACHMENT_2], {
      mapping: [{ header: '滨江来建始专家', field: '专家' }],
    });
    expect(written.result?.imported).toBe(5);
    expect(values('expert-training').map((v) => [v.name, v.expert, v.time, v.headcount])).toEqual([
      ['学前教育培训', '幼儿园骨干教师', '5 月', '3-5'],
      ['初中英语学科培训', '初中英语骨干教师', '6 月下旬或 7 月上旬', '3-5'],
      ['初中数学学科培训', '初中数学骨干教师', '6 月下旬或 7 月上旬', '3-5'],
      ['小学音乐学科培训', '小学音乐骨干教师', '8 月下旬', '3-5'],
      ['小学美术学科培训', '小学美术骨干教师', '8 月下旬', '3-5'],
    ]);

    // Next year's table in the same layout: the mapping is applied without being asked for.
    const nextYear: SheetSpec = {
      ...ATTACHMENT_2,
      rows: [...ATTACHMENT_2.rows.slice(0, 3), ['高中物理学科培训', '人事股', '高中物理骨干教师', '9 月', '2', '']],
    };
    const again = await plan('expert-training', [nextYear]);
    expect(again.columns.find((c) => c.letter === 'C')).toMatchObject({ how: 'remembered', field: { key: 'expert' } });
    expect(again.blocking).toEqual([]);
    expect([...again.accepted][0]!.values.expert).toBe('高中物理骨干教师');
  });

  it('does not remember a mapping from a dry run (a plan never committed)', async () => {
    await plan('expert-training', [ATTACHMENT_2], { mapping: [{ header: '滨江来建始专家', field: 'expert' }] });
    const later = await plan('expert-training', [ATTACHMENT_2]);
    expect(later.columns.find((c) => c.letter === 'C')!.how).toBe('unmatched');
  });

  it('leaves out a column the user chose not to import, and refuses a field that does not exist', async () => {
    const p = await plan('expert-training', [ATTACHMENT_2], {
      mapping: [
        { header: '滨江来建始专家', field: null },
        { header: '专家姓名', field: 'expert' },
      ],
    });
    expect(p.blocking).toEqual([]);
    expect(p.warnings).toEqual(['指定的列“专家姓名”不在表头中，未使用']);
    expect([...p.accepted][0]!.values.expert).toBeNull();
    await expect(
      plan('expert-training', [ATTACHMENT_2], { mapping: [{ header: '滨江来建始专家', field: '专家姓名' }] }),
    ).rejects.toThrow(
      '对应关系中的字段“专家姓名”不在台账“专家指导培训计划表”中，可用的字段：项目名称、责任股室、专家、时间、人数、备注',
    );
  });

  it('refuses two columns for one field, naming both', async () => {
    const p = await plan('training-plan', [
      {
        rows: [
          ['对象', '时间', '人数', '时 间'],
          ['园长', '3 月', 25, '4 月'],
        ],
      },
    ]);
    expect(p.blocking).toEqual([
      'B 列“时间”和D 列“时 间”都对应字段“时间”，请指定其中一列（另一列可写作“列名=”表示不导入）',
    ]);
  });
});

describe('rows that are not records', () => {
  it('skips blank rows, 合计/小计 rows, a repeated header and the 填表人 footer with its date line', async () => {
    const p = await plan('training-plan', [
      {
        rows: [
          ['序号', '对象', '时间', '人数', '责任股室'],
          [1, '幼儿园园长', '3 月', 25, '人事股'],
          [2, '', '', null, ''],
          [null, null, null, null, null],
          [3, '学校管理干部', '4 月', 25, '人事股'],
          ['小计', null, null, 50, null],
          ['序号', '对象', '时间', '人数', '责任股室'],
          [4, '教研员', '5 月', 30, '教研室'],
          ['合 计', null, null, 80, null],
          ['总计：', null, null, 80, null],
          ['填表人：\u3000\u3000审核人：\u3000\u3000联系电话：'],
          [null, null, null, null, '2019年3月20日'],
          ['注：1. 人数为计划数。'],
        ],
      },
    ]);
    expect([...p.accepted].map((r) => r.row)).toEqual([2, 5, 8]);
    expect(p.rejected).toEqual([]);
    // Row 4 is empty in the file and never reaches the plan; row 3 holds only its 序号.
    expect(p.ignored).toEqual({ blank: 1, totals: [6, 9, 10], footer: [11, 12, 13], repeatedHeader: [7] });
  });

  it('passes 5,000 empty styled rows after the data quickly', async () => {
    const rows = [['序号', '对象', '时间', '人数', '责任股室'], ...ATTACHMENT_1.rows.slice(4)];
    const sheet: SheetSpec = { rows, styledEmptyRows: { from: rows.length + 1, count: 5000, columns: 5 } };
    const started = Date.now();
    const p = await plan('training-plan', [sheet]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(p.accepted).toHaveLength(6);
    expect(p.rejected).toEqual([]);
  });

  it('gives every row of a vertically merged cell its value, and reads a header drawn over two rows', async () => {
    const p = await plan('student-aid', [
      {
        rows: [
          ['2019年学生资助台账'],
          ['序号', '姓名', '性别', '身份证号', '学段', '家庭类型', '资助情况', null, null],
          [null, null, null, null, null, null, '资助项目', '资助金额（元）', '发放日期'],
          [1, '张三', '男', idNumber('42282220080101003'), '小学', '建档立卡', '两免一补', 500, '2019-04-12'],
          [2, '李四', '女', idNumber('42282220080101002'), null, '低保', '两免一补', 500, '2019-04-12'],
          [3, '王五', '男', idNumber('42282220080101005'), null, '低保', '营养改善计划', 800, '2019-04-12'],
        ],
        merges: ['A1:I1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:E3', 'F2:F3', 'G2:I2', 'E4:E6'],
      },
    ]);
    expect(p.headerRows).toEqual([2, 3]);
    expect(p.columns.map((c) => c.field?.key ?? null)).toEqual([
      null,
      'name',
      'gender',
      'id_number',
      'stage',
      'family_type',
      'aid_item',
      'amount',
      'paid_on',
    ]);
    expect(p.rejected.map((r) => r.errors)).toEqual([]);
    expect([...p.accepted].map((r) => [r.values.name, r.values.stage, r.values.amount])).toEqual([
      ['张三', '小学', 500],
      ['李四', '小学', 500],
      ['王五', '小学', 800],
    ]);
  });
});

describe('cells as Excel keeps them', () => {
  it('takes formulas by their cached result, text that looks like a formula as text, rich text and links as shown', async () => {
    const p = await plan('publicity', [
      {
        rows: [
          ['标题', '媒体/平台', '级别', '发布日期', '链接', '作者', '学期'],
          [
            { richText: [{ text: '滨江教师' }, { text: '支教建始', font: { bold: true } }] },
            '=HYPERLINK("http://evil.example/","恩施日报")',
            { formula: 'IF(1=1,"县级","校级")', result: '县级' },
            { formula: 'DATE(2019,4,12)', result: 43567 },
            { text: 'http://www.jianshi.gov.cn/a/1.html', hyperlink: 'http://www.jianshi.gov.cn/a/1.html' },
            '  谢明华 ',
            '2018-2019学年第二学期',
          ],
        ],
      },
    ]);
    expect(p.rejected).toEqual([]);
    expect([...p.accepted][0]!.values).toEqual({
      title: '滨江教师支教建始',
      media: '=HYPERLINK("http://evil.example/","恩施日报")',
      level: '县级',
      publish_date: '2019-04-12',
      link: 'http://www.jianshi.gov.cn/a/1.html',
      author: '谢明华',
      semester: '2018-2019学年第二学期',
    });
  });

  it('rejects a formula saved without its result and an error value, naming the cell', async () => {
    const p = await plan('training-plan', [
      {
        name: '计划',
        rows: [
          ['对象', '时间', '人数', '责任股室'],
          ['园长', '3 月', { formula: 'B9*2' }, '人事股'],
          ['教师', '4 月', { error: '#N/A' }, '人事股'],
        ],
      },
    ]);
    expect(p.rejected.map((r) => [r.row, r.errors.map((e) => [e.column, e.header, e.message])])).toEqual([
      [
        2,
        [
          [
            'C',
            '人数',
            '单元格是公式 “=B9*2”，但文件中没有保存计算结果；请先在 Excel 或 WPS 中打开并保存该文件，再导入',
          ],
        ],
      ],
      [3, [['C', '人数', '单元格是错误值 #N/A（公式出错），没有可导入的内容']]],
    ]);
  });
});
