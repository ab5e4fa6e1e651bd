import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures/ledger.js';
import { chooseOption, recordDialog, rowWith, typeDate } from './fixtures/ui.js';
import { attachmentXlsx, excelDate, pickFile } from './fixtures/xlsx.js';

const SHOTS = '/tmp/ui-shots';
test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

function fieldRow(page: Page, n: number): Locator {
  return page.getByRole('group', { name: `第 ${n} 个字段`, exact: true });
}

async function setField(page: Page, n: number, label: string, type?: string): Promise<void> {
  const row = fieldRow(page, n);
  await row.getByLabel('字段名称').fill(label);
  if (type) await chooseOption(row, '字段类型', type);
}

async function expectField(page: Page, n: number, label: string, type: string): Promise<void> {
  const row = fieldRow(page, n);
  await expect(row.getByLabel('字段名称')).toHaveValue(label);
  await expect(row.locator('.ant-select-content, .ant-select-selection-item').first()).toHaveText(type);
}

test('a type proposed from an .xlsx header, adjusted and saved, is in the catalogue and takes records', async ({
  page,
  ledger,
}) => {
  const xlsx = await attachmentXlsx({
    title: '2019年送教上门活动登记表',
    unitLine: '填报单位（盖章）：建始县高坪镇中心小学　　填报日期：2019年5月6日',
    header: ['序号', '姓名', '学校', '日期', '人数'],
    rows: [
      [1, '向明杰', '高坪镇中心小学', excelDate('2019-04-12'), 3],
      [2, '黄诗雨', '龙坪乡民族中学', excelDate('2019-05-08'), 5],
    ],
  });
  await page.goto(`${ledger.url}#/ledgers`);
  await page.getByRole('link', { name: '新建台账类型' }).click();
  await expect(page).toHaveURL(/#\/ledger-types\/new$/);
  await pickFile(page, '选择 Excel 文件', '送教上门登记.xlsx', xlsx);

  // The merged title and the 填报单位 line are passed over; 序号 is left out.
  const summary = page.locator('.proposal-summary');
  await expect(summary).toContainText('第 3 行');
  await expect(summary).toContainText('2019年送教上门活动登记表（已作为台账名称）');
  await expect(page.getByLabel('台账名称')).toHaveValue('2019年送教上门活动登记表');
  await expect(page.getByRole('group', { name: /^第 \d+ 个字段$/ })).toHaveCount(4);
  await expectField(page, 1, '姓名', '文本');
  await expectField(page, 2, '学校', '文本');
  await expectField(page, 3, '日期', '日期');
  await expectField(page, 4, '人数', '整数');
  await expect(fieldRow(page, 2)).toContainText('高坪镇中心小学');
  await page.screenshot({ path: `${SHOTS}/type-from-xlsx-proposal.png`, fullPage: true, animations: 'disabled' });

  await setField(page, 2, '送教学校', '单位');
  await fieldRow(page, 1).getByRole('checkbox', { name: '必填' }).check();
  await page.getByRole('button', { name: '保存并新建台账' }).click();

  await expect(page).toHaveURL(/#\/ledgers\/custom-1$/);
  await expect(page.getByRole('heading', { name: '2019年送教上门活动登记表' })).toBeVisible();
  const saved = await ledger.call('ledgers.get', { key: 'custom-1' });
  expect(saved.category).toBe('自定义');
  expect(saved.fields.map((f) => [f.label, f.type, f.required])).toEqual([
    ['姓名', 'text', true],
    ['送教学校', 'unit', false],
    ['日期', 'date', false],
    ['人数', 'int', false],
  ]);

  await page.getByRole('menuitem', { name: '台账' }).click();
  const card = page.getByRole('region', { name: '自定义' }).locator('[data-ledger="custom-1"]');
  await expect(card).toContainText('2019年送教上门活动登记表');
  await expect(card).toContainText('0 条');
  await page.screenshot({ path: `${SHOTS}/catalogue-with-custom-type.png`, fullPage: true, animations: 'disabled' });
  await card.click();

  await page.getByRole('button', { name: '新增记录' }).click();
  const form = recordDialog(page);
  await form.getByLabel('姓名').fill('覃秋菊');
  await form.getByLabel('送教学校').fill('长梁乡中心小学');
  await typeDate(form, '日期', '2019-06-03');
  await form.getByLabel('人数').fill('4');
  await form.getByRole('button', { name: '保存', exact: true }).click();
  await expect(form).toBeHidden();

  await page.reload();
  const row = rowWith(page, '覃秋菊');
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('gridcell', { name: '长梁乡中心小学', exact: true })).toBeVisible();
  await expect(row.getByRole('gridcell', { name: '2019-06-03', exact: true })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/custom-type-ledger.png`, animations: 'disabled' });
  const stored = await ledger.call('records.list', { ledger: 'custom-1' });
  expect(stored.total).toBe(1);
  expect(Object.values(stored.rows[0]!.values)).toEqual(
    expect.arrayContaining(['覃秋菊', '长梁乡中心小学', '2019-06-03', 4]),
  );
});

test('a type made from scratch takes a record, and renaming a field keeps its value', async ({ page, ledger }) => {
  await page.goto(`${ledger.url}#/ledger-types/new`);
  // Nothing filled in: the name and the one blank field are pointed out, and nothing is created.
  await page.getByRole('button', { name: '保存并新建台账' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '还有 2 处需要修改后才能保存' })).toBeVisible();
  await expect(page.locator('.type-basics')).toContainText('请填写台账名称');
  await expect(fieldRow(page, 1).getByRole('alert')).toHaveText('请填写字段名称');
  expect((await ledger.call('ledgers.list', {})).some((l) => !l.builtin)).toBe(false);

  await page.getByLabel('台账名称').fill('教师家访记录');
  await setField(page, 1, '家访教师', '人员');
  await fieldRow(page, 1).getByRole('checkbox', { name: '必填' }).check();
  await page.getByRole('button', { name: '添加字段' }).click();
  await setField(page, 2, '备注');
  await page.getByRole('button', { name: '添加字段' }).click();
  await setField(page, 3, '家访日期', '日期');
  await page.getByRole('button', { name: '添加字段' }).click();
  await setField(page, 4, '家访形式', '选项');
  const choices = fieldRow(page, 4).getByLabel('选项');
  for (const choice of ['入户走访', '电话回访']) {
    await choices.fill(choice);
    await choices.press('Enter');
  }
  // 备注 goes last: two steps down.
  await fieldRow(page, 2).getByRole('button', { name: '下移' }).click();
  await fieldRow(page, 3).getByRole('button', { name: '下移' }).click();
  await expectField(page, 4, '备注', '文本');
  await page.screenshot({ path: `${SHOTS}/type-editor-new.png`, fullPage: true, animations: 'disabled' });
  await page.getByRole('button', { name: '保存并新建台账' }).click();

  await expect(page).toHaveURL(/#\/ledgers\/custom-1$/);
  const created = await ledger.call('ledgers.get', { key: 'custom-1' });
  expect(created.fields.map((f) => f.label)).toEqual(['家访教师', '家访日期', '家访形式', '备注']);
  expect(created.fields[2]!.choices).toEqual(['入户走访', '电话回访']);

  await page.getByRole('button', { name: '新增记录' }).click();
  const form = recordDialog(page);
  await form.getByLabel('家访教师').fill('谭明');
  await typeDate(form, '家访日期', '2019-05-06');
  await chooseOption(form, '家访形式', '入户走访');
  await form.getByLabel('备注').fill('了解资助政策落实情况');
  await form.getByRole('button', { name: '保存', exact: true }).click();
  await expect(form).toBeHidden();
  await expect(rowWith(page, '了解资助政策落实情况')).toHaveCount(1);

  await page.getByRole('link', { name: '编辑台账类型' }).click();
  await expect(page.getByRole('heading', { name: '编辑台账类型：教师家访记录' })).toBeVisible();
  await fieldRow(page, 4).getByLabel('字段名称').fill('家访情况');
  await page.getByRole('button', { name: '保存修改' }).click();
  await expect(page.getByText('已保存台账类型“教师家访记录”')).toBeVisible();

  await page.getByRole('link', { name: '打开台账' }).click();
  await expect(page.getByRole('columnheader', { name: '家访情况' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: '备注' })).toHaveCount(0);
  const row = rowWith(page, '谭明');
  await expect(row.getByRole('gridcell', { name: '了解资助政策落实情况', exact: true })).toBeVisible();
  const stored = await ledger.call('records.list', { ledger: 'custom-1' });
  const remark = created.fields[3]!.key;
  expect(stored.rows[0]!.values[remark]).toBe('了解资助政策落实情况');
  expect((await ledger.call('ledgers.get', { key: 'custom-1' })).fields[3]).toMatchObject({
    key: remark,
    label: '家访情况',
  });
});

test('a type change that stored values do not fit is listed and changes nothing; a removed field comes back', async ({
  page,
  ledger,
}) => {
  const type = await ledger.call('ledgerTypes.create', {
    draft: {
      label: '送教记录',
      fields: [
        { label: '教师', type: 'person', required: true },
        { label: '走访户数', type: 'text' },
        { label: '备注', type: 'text' },
      ],
    },
  });
  const [teacher, households, remark] = type.fields.map((f) => f.key);
  const record = await ledger.call('records.create', {
    ledger: type.key,
    values: { [teacher!]: '谭明', [households!]: '三户', [remark!]: '带去学习用品' },
  });

  await page.goto(`${ledger.url}#/ledger-types/${type.key}`);
  await chooseOption(fieldRow(page, 2), '字段类型', '整数');
  await expect(fieldRow(page, 2)).toContainText('类型由“文本”改为“整数”');
  await page.getByRole('button', { name: '保存修改' }).click();
  const conflicts = page.getByRole('alert').filter({ hasText: '台账类型未作任何修改' });
  await expect(conflicts).toContainText('有 1 处已填的内容不符合修改后的字段设置');
  const conflict = conflicts.locator('.ant-table-tbody tr.ant-table-row');
  await expect(conflict).toHaveCount(1);
  await expect(conflict.getByRole('cell', { name: `谭明（编号 ${record.id}）`, exact: true })).toBeVisible();
  await expect(conflict.getByRole('cell', { name: '走访户数' })).toBeVisible();
  await expect(conflict.getByRole('cell', { name: '三户' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/type-editor-conflicts.png`, fullPage: true, animations: 'disabled' });
  expect((await ledger.call('ledgers.get', { key: type.key })).fields[1]).toMatchObject({ type: 'text' });
  expect((await ledger.call('records.get', { id: record.id })).values[households!]).toBe('三户');

  // Back to 文本, and 备注 taken out: it is archived with its value, then restored.
  await chooseOption(fieldRow(page, 2), '字段类型', '文本');
  await fieldRow(page, 3).getByRole('button', { name: '删除字段' }).click();
  await expect(page.getByRole('status').filter({ hasText: '保存后移入已归档字段' })).toContainText('备注');
  await page.getByRole('button', { name: '保存修改' }).click();
  // By its title: the fields card holds the note "保存后移入已归档字段" until the save lands.
  const archived = page.locator('.ant-card').filter({
    has: page.locator('.ant-card-head-title', { hasText: /^已归档字段/ }),
  });
  await expect(archived).toContainText('备注');
  const afterRemove = await ledger.call('ledgers.get', { key: type.key });
  expect(afterRemove.fields.map((f) => f.label)).toEqual(['教师', '走访户数']);
  expect(afterRemove.archivedFields?.map((f) => f.key)).toEqual([remark]);

  await archived.getByRole('button', { name: '恢复“备注”' }).click();
  await expect(page.getByText('已恢复字段“备注”')).toBeVisible();
  await expect(archived).toHaveCount(0);
  await expectField(page, 3, '备注', '文本');
  await page.getByRole('link', { name: '打开台账' }).click();
  await expect(rowWith(page, '谭明').getByRole('gridcell', { name: '带去学习用品', exact: true })).toBeVisible();
});

test('a built-in type opens read-only and is copied into an editable one', async ({ page, ledger }) => {
  const original = await ledger.call('ledgers.get', { key: 'student-aid' });
  await page.goto(`${ledger.url}#/ledgers/student-aid`);
  await page.getByRole('link', { name: '查看字段' }).click();
  await expect(page).toHaveURL(/#\/ledger-types\/student-aid$/);
  await expect(page.getByText('这是内置台账，字段按通知要求设定，不能直接修改')).toBeVisible();
  await expect(page.getByRole('cell', { name: '身份证号', exact: true }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: '保存修改' })).toHaveCount(0);
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/type-builtin.png`, fullPage: true, animations: 'disabled' });

  await page.getByRole('button', { name: '复制为新台账' }).click();
  await expect(page).toHaveURL(/#\/ledger-types\/custom-1$/);
  await expect(page.getByRole('heading', { name: '编辑台账类型：学生资助台账（副本）' })).toBeVisible();
  await expectField(page, 3, '身份证号', '身份证号');
  await fieldRow(page, 1).getByLabel('字段名称').fill('学生姓名');
  await page.getByRole('button', { name: '保存修改' }).click();
  await expect(page.getByText('已保存台账类型')).toBeVisible();

  expect((await ledger.call('ledgers.get', { key: 'custom-1' })).fields[0]!.label).toBe('学生姓名');
  expect(await ledger.call('ledgers.get', { key: 'student-aid' })).toEqual(original);
});
