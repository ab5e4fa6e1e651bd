import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures/ledger.js';
import { chooseOption, rowWith, tableRows, validIdNumber, withWrongCheckDigit } from './fixtures/ui.js';
import { attachmentXlsx, excelDate, pickFile, readXlsxRows, type Cell } from './fixtures/xlsx.js';

const SHOTS = '/tmp/ui-shots';
test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

const HEADER = [
  '序号',
  '姓名',
  '性别',
  '身份证号',
  '学段',
  '年级班级',
  '家庭类型',
  '资助项目',
  '资助金额(元)',
  '发放日期',
  '联系电话',
];

/** Already in the ledger before the import; the file carries the same row again. */
const EXISTING = {
  name: '黄诗雨',
  gender: '女',
  id_number: validIdNumber('2006-05-20', 24),
  stage: '初中',
  family_type: '低保',
  aid_item: '国家助学金',
  amount: 625,
  paid_on: '2019-09-10',
};

const BAD_ID = withWrongCheckDigit(validIdNumber('2012-02-29', 8));

function studentRows(): Cell[][] {
  return [
    [
      1,
      '覃秋菊',
      '女',
      validIdNumber('2010-03-15', 124),
      '小学',
      '三年级（2）班',
      '建档立卡',
      '营养改善计划',
      800,
      excelDate('2019-04-12'),
      '0718-3321234',
    ],
    [
      2,
      '向明杰',
      '男',
      validIdNumber('2009-11-02', 57),
      '初中',
      '七年级（1）班',
      '低保',
      '国家助学金',
      625,
      excelDate('2019-09-10'),
      null,
    ],
    [3, '田小燕', '女', BAD_ID, '小学', '一年级（3）班', '建档立卡', '两免一补', 500, excelDate('2019-09-10'), null],
    [4, '黄诗雨', '女', EXISTING.id_number, '初中', '八年级（2）班', '低保', '国家助学金', 625, '2019-09-10', null],
    [
      5,
      '杨晓东',
      '男',
      validIdNumber('2007-10-30', 71),
      '高中',
      '高一（4）班',
      '建档立卡',
      '国家助学金',
      1000,
      excelDate('2019-10-08'),
      '13972812345',
    ],
  ];
}

async function openImport(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#/ledgers/student-aid`);
  await page.getByRole('link', { name: '从 Excel 导入' }).click();
  await expect(page).toHaveURL(/#\/ledgers\/student-aid\/import$/);
  await expect(page.getByRole('heading', { name: '从 Excel 导入学生资助台账' })).toBeVisible();
}

test('an attachment-style sheet imports its good rows, skips the duplicate and hands back the bad row', async ({
  page,
  ledger,
}) => {
  await ledger.call('records.create', { ledger: 'student-aid', values: EXISTING });
  const xlsx = await attachmentXlsx({
    attachment: '附件1',
    title: '2019年建始县高坪镇中心小学学生资助台账',
    unitLine: '填报单位（盖章）：建始县高坪镇中心小学　　填报日期：2019年10月20日',
    header: HEADER,
    rows: studentRows(),
    footer: [['合计', null, null, null, null, null, null, null, 3550], ['填表人：　　　审核人：　　　联系电话：']],
    sheetName: '学生资助',
  });
  await openImport(page, ledger.url);
  await pickFile(page, '选择 Excel 文件', '2019年学生资助台账.xlsx', xlsx);

  await expect(page.locator('.import-source')).toContainText('第 4 行');
  await expect(page.locator('[data-count="ok"]')).toContainText('3 条');
  await expect(page.locator('[data-count="duplicate"]')).toContainText('1 条');
  await expect(page.locator('[data-count="rejected"]')).toContainText('1 行');
  await expect(page.locator('[data-count="passed"]')).toContainText('2 行');
  const bad = page.locator('.rejected-rows tr.ant-table-row');
  await expect(bad).toHaveCount(1);
  await expect(bad.getByRole('cell', { name: '第 7 行', exact: true })).toBeVisible();
  await expect(bad.getByRole('cell', { name: 'D', exact: true })).toBeVisible();
  await expect(bad.getByRole('cell', { name: '身份证号', exact: true })).toHaveCount(2);
  await expect(bad).toContainText('校验位不正确');
  await expect(page.locator('.rejected-rows')).toContainText('工作表“学生资助”');
  await page.screenshot({ path: `${SHOTS}/import-preview.png`, fullPage: true, animations: 'disabled' });

  await page.getByRole('tab', { name: '重复的行（1）' }).click();
  const duplicate = page.getByRole('tabpanel').locator('tr.ant-table-row');
  await expect(duplicate).toHaveCount(1);
  await expect(duplicate).toContainText('第 8 行');
  await expect(duplicate).toContainText('与已有记录重复');

  // Duplicates are skipped unless the user asks for them too.
  const withDuplicates = page.getByRole('checkbox', { name: '重复的 1 条也导入' });
  await withDuplicates.check();
  await expect(page.getByRole('button', { name: '导入 4 条' })).toBeEnabled();
  await expect(page.locator('[data-count="duplicate"]')).toContainText('重复，也将导入');
  await withDuplicates.uncheck();
  await page.getByRole('button', { name: '导入 3 条' }).click();
  await expect(page.getByText('已导入 3 条记录')).toBeVisible();
  await expect(page.getByText('跳过重复的 1 条；有误未导入 1 行')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/import-done.png`, fullPage: true, animations: 'disabled' });

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载待修正行（1 行）' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('2019年学生资助台账-待修正.xlsx');
  const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-rejected-')), download.suggestedFilename());
  await download.saveAs(saved);
  const [head, ...rejected] = await readXlsxRows(saved);
  expect(head).toContain('错误原因');
  expect(rejected).toHaveLength(1);
  const reason = rejected[0]![head!.indexOf('错误原因')]!;
  expect(rejected[0]![head!.indexOf('身份证号')]).toBe(BAD_ID);
  expect(reason).toContain('身份证号');
  expect(reason).toContain('校验位不正确');

  await page.getByRole('link', { name: '查看台账' }).click();
  await expect(page).toHaveURL(/#\/ledgers\/student-aid$/);
  await expect(page.locator('.grid-total-count')).toHaveText('共 4 条');
  await expect(tableRows(page)).toHaveCount(4);
  for (const name of ['覃秋菊', '向明杰', '杨晓东', '黄诗雨']) await expect(rowWith(page, name)).toHaveCount(1);
  await expect(rowWith(page, '田小燕')).toHaveCount(0);
  const stored = await ledger.call('records.list', { ledger: 'student-aid', pageSize: 50 });
  expect(stored.total).toBe(4);
  expect(stored.rows.map((r) => r.values.name).sort()).toEqual(['向明杰', '杨晓东', '覃秋菊', '黄诗雨'].sort());
  expect(stored.rows.find((r) => r.values.name === '覃秋菊')!.values).toMatchObject({
    amount: 800,
    paid_on: '2019-04-12',
    phone: '0718-3321234',
  });
});

test('a column the ledger does not know blocks the import until the user maps it, then its values import', async ({
  page,
  ledger,
}) => {
  const xlsx = await attachmentXlsx({
    title: '2019年秋季学期公益助学名单',
    header: [
      '序号',
      '姓名',
      '性别',
      '身份证号',
      '学段',
      '家庭类型',
      '资助项目',
      '资助金额(元)',
      '发放日期',
      '资助资金来源',
    ],
    rows: [
      [
        1,
        '覃秋菊',
        '女',
        validIdNumber('2010-03-15', 124),
        '小学',
        '建档立卡',
        '公益助学',
        300,
        excelDate('2019-09-20'),
        '县慈善总会',
      ],
      [
        2,
        '杨晓东',
        '男',
        validIdNumber('2007-10-30', 71),
        '高中',
        '低保',
        '公益助学',
        500,
        excelDate('2019-09-20'),
        '深圳对口帮扶资金',
      ],
    ],
  });
  await openImport(page, ledger.url);
  await pickFile(page, '选择 Excel 文件', '公益助学名单.xlsx', xlsx);

  const blocking = page.getByRole('alert').filter({ hasText: '以下问题解决前不能导入' });
  await expect(blocking).toContainText('J 列“资助资金来源”没有对应的字段');
  await expect(page.getByRole('button', { name: '导入 2 条' })).toBeDisabled();
  const mapping = page.locator('.column-mapping');
  const sourceRow = mapping.locator('tr.ant-table-row').filter({ hasText: '资助资金来源' });
  await expect(page.getByRole('button', { name: /^各列对应的字段/ })).toHaveText(
    '各列对应的字段（共 10 列，1 列未对应，请选择）',
  );
  await expect(sourceRow).toContainText('未对应，请选择');

  await chooseOption(mapping, 'J 列“资助资金来源”导入到的字段', '资金来源');
  await expect(sourceRow).toContainText('手动指定');
  await page.screenshot({ path: `${SHOTS}/import-mapping.png`, fullPage: true, animations: 'disabled' });
  await expect(blocking).toHaveCount(0);
  await page.getByRole('tab', { name: '可导入的行（2）' }).click();
  await expect(page.getByRole('tabpanel').locator('tr.ant-table-row').first()).toContainText('县慈善总会');
  await page.getByRole('button', { name: '导入 2 条' }).click();
  await expect(page.getByText('已导入 2 条记录')).toBeVisible();

  const stored = await ledger.call('records.list', { ledger: 'student-aid' });
  expect(stored.total).toBe(2);
  expect(Object.fromEntries(stored.rows.map((r) => [r.values.name, r.values.fund_source]))).toEqual({
    覃秋菊: '县慈善总会',
    杨晓东: '深圳对口帮扶资金',
  });

  // The choice is remembered for this header layout: the same file again needs no mapping.
  await page.getByRole('button', { name: '导入其他文件' }).click();
  await pickFile(page, '选择 Excel 文件', '公益助学名单.xlsx', xlsx);
  // Every column has its field now, so the mapping is folded away until opened.
  const folded = page.getByRole('button', { name: /^各列对应的字段/ });
  await expect(folded).toHaveText('各列对应的字段（共 10 列，均已对应，1 列不导入）');
  await expect(sourceRow).toBeHidden();
  await folded.click();
  await expect(sourceRow).toContainText('沿用上次的选择');
  await expect(page.locator('[data-count="duplicate"]')).toContainText('2 条');
});

/** One of 3,000 birth days from 2005-01-01 on; with the sequence number, each ID is different. */
function birthDay(n: number): string {
  return new Date(Date.UTC(2005, 0, 1 + n)).toISOString().slice(0, 10);
}

test('a large import shows how far it has got and can be cancelled, leaving the ledger as it was', async ({
  page,
  ledger,
}) => {
  test.slow();
  const count = 50_000;
  const rows: Cell[][] = Array.from({ length: count }, (_, i) => [
    i + 1,
    `学生${i + 1}`,
    Math.floor(i / 3000) % 2 ? '男' : '女',
    validIdNumber(birthDay(i % 3000), Math.floor(i / 3000)),
    '小学',
    `${1 + (i % 6)}年级`,
    '建档立卡',
    '营养改善计划',
    800,
    excelDate('2019-04-12'),
    null,
  ]);
  const xlsx = await attachmentXlsx({ title: '2019年学生资助台账', header: HEADER, rows });
  await openImport(page, ledger.url);
  await pickFile(page, '选择 Excel 文件', '全镇学生资助.xlsx', xlsx);
  const start = page.getByRole('button', { name: /^导入 \d+ 条$/ });
  await expect(start).toBeEnabled({ timeout: 60_000 });
  const toImport = Number((await start.textContent())!.replace(/\D/g, ''));
  expect(toImport).toBe(count);
  await start.click();

  const progress = page.locator('.import-progress');
  await expect(progress).toContainText(/已读到第 [\d,]+ 行/);
  await expect(page.getByRole('progressbar', { name: '导入进度' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/import-progress.png`, fullPage: true, animations: 'disabled' });
  await page.getByRole('button', { name: '取消导入' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '已取消导入，没有写入任何记录' })).toBeVisible();
  await expect(progress).toHaveCount(0);
  expect((await ledger.call('records.list', { ledger: 'student-aid', pageSize: 10 })).total).toBe(0);
  // The preview is still there: the same file can be imported after all.
  await expect(start).toBeEnabled();
});

test('a sheet without a required column imports once the column is filled with one value for every row', async ({
  page,
  ledger,
}) => {
  await ledger.call('records.create', { ledger: 'student-aid', values: EXISTING });
  // The title says 建档立卡; the table has no 家庭类型 column. One row gives 黄诗雨's ID number another name.
  const header = HEADER.filter((h) => h !== '家庭类型');
  const rows: Cell[][] = studentRows()
    .filter((r) => r[3] !== BAD_ID)
    .map((r) => r.filter((_, i) => i !== HEADER.indexOf('家庭类型')))
    .map((r) => r.map((cell) => (cell === '黄诗雨' ? '黄诗语' : cell)));
  const xlsx = await attachmentXlsx({ title: '2019年建档立卡学生资助名单', header, rows, sheetName: '建档立卡' });
  await openImport(page, ledger.url);
  await pickFile(page, '选择 Excel 文件', '建档立卡学生名单.xlsx', xlsx);

  const blocking = page.getByRole('alert').filter({ hasText: '以下问题解决前不能导入' });
  await expect(blocking).toContainText('表头中没有必填字段“家庭类型”的列');
  // Until then every row lacks it.
  await expect(page.locator('[data-count="rejected"]')).toContainText('4 行');
  await expect(page.getByRole('button', { name: '导入 0 条' })).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/import-fill-missing.png`, fullPage: true, animations: 'disabled' });
  await expect(page.getByRole('button', { name: /^各列对应的字段/ })).toHaveText(
    '各列对应的字段（共 10 列，均已对应，1 列不导入；1 个必填字段表中没有，请统一填写）',
  );
  const fill = page.locator('.column-fill');
  await expect(fill).toContainText('表中没有的字段：本列统一填写');
  const familyType = fill.locator('tr.ant-table-row').filter({ hasText: '家庭类型（必填）' });
  await expect(familyType).toContainText('必填，未填写');

  await chooseOption(fill, '家庭类型（必填）', '建档立卡');
  await expect(familyType).toContainText('每一行都填此值');
  await expect(blocking).toHaveCount(0);
  // The row that names 黄诗雨's ID number 黄诗语 is a conflict, not a duplicate.
  await expect(page.locator('[data-count="conflict"]')).toContainText('1 行');
  await expect(page.locator('[data-count="duplicate"]')).toContainText('0 条');
  await page.getByRole('tab', { name: '身份证号冲突的行（1）' }).click();
  await expect(page.getByRole('tabpanel').locator('tr.ant-table-row')).toContainText(
    /身份证号 \d{6}\*{8}\d{3}[\dX] 已登记为黄诗雨（记录 \d+），本行姓名为黄诗语/,
  );
  await page.screenshot({ path: `${SHOTS}/import-conflict.png`, fullPage: true, animations: 'disabled' });
  await page.getByRole('tab', { name: '可导入的行（3）' }).click();
  await expect(page.getByRole('tabpanel').locator('tr.ant-table-row')).toHaveCount(3);
  await expect(page.getByRole('tabpanel').locator('tr.ant-table-row').first()).toContainText('建档立卡');
  await page.screenshot({ path: `${SHOTS}/import-fill.png`, fullPage: true, animations: 'disabled' });

  await page.getByRole('button', { name: '导入 3 条' }).click();
  await expect(page.getByText('已导入 3 条记录')).toBeVisible();
  await expect(page.getByText('身份证号冲突未导入 1 行')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/import-fill-done.png`, fullPage: true, animations: 'disabled' });
  const stored = await ledger.call('records.list', { ledger: 'student-aid', pageSize: 50 });
  expect(stored.total).toBe(4);
  expect(Object.fromEntries(stored.rows.map((r) => [r.values.name, r.values.family_type]))).toEqual({
    覃秋菊: '建档立卡',
    向明杰: '建档立卡',
    杨晓东: '建档立卡',
    黄诗雨: '低保',
  });

  // The next sheet of this layout is filled the same way, and the page says so.
  await page.getByRole('button', { name: '导入其他文件' }).click();
  await pickFile(page, '选择 Excel 文件', '建档立卡学生名单.xlsx', xlsx);
  await expect(page.getByRole('alert').filter({ hasText: '请留意' })).toContainText(
    '表中没有“家庭类型”一列，沿用上次的选择，每一行都填写为“建档立卡”',
  );
  await page.getByRole('button', { name: /^各列对应的字段/ }).click();
  await expect(familyType).toContainText('沿用上次的选择');
});
