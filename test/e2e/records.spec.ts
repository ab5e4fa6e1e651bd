import { test, expect, type Ledger } from './fixtures/ledger.js';
import {
  chooseOption,
  openLedger,
  recordDialog,
  rowWith,
  SAMPLE_STUDENT,
  tableRows,
  typeDate,
  validIdNumber,
  withWrongCheckDigit,
} from './fixtures/ui.js';

test('a student-aid record added through the form is in the table after a reload', async ({ page, ledger }) => {
  const idNumber = validIdNumber('2010-03-15', 123);
  await openLedger(page, ledger.url, 'student-aid');
  await expect(page.locator('.records-grid')).toContainText('暂无记录');

  await page.getByRole('button', { name: '新增记录' }).click();
  const form = recordDialog(page);
  await expect(form).toHaveAccessibleName('新增学生资助台账记录');
  await form.getByLabel('姓名').fill('覃秋菊');
  await chooseOption(form, '性别', '男');
  await form.getByLabel('身份证号').fill(idNumber);
  await chooseOption(form, '学段', '小学');
  await form.getByLabel('年级班级').fill('三年级（2）班');
  await chooseOption(form, '家庭类型', '建档立卡');
  await chooseOption(form, '资助项目', '营养改善计划');
  await form.getByLabel('资助金额(元)').fill('800');
  await typeDate(form, '发放日期', '2019-04-12');
  await form.getByLabel('联系电话').fill('0718-3321234');
  await form.getByRole('button', { name: '保存', exact: true }).click();

  await expect(form).toBeHidden();
  await expect(page.getByText('已新增：覃秋菊')).toBeVisible();
  await page.reload();
  const row = rowWith(page, '覃秋菊');
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('gridcell', { name: idNumber, exact: true })).toBeVisible();
  await expect(row.getByRole('gridcell', { name: '800.00', exact: true })).toBeVisible();
  await expect(row.getByRole('gridcell', { name: '2019-04-12', exact: true })).toBeVisible();
  await expect(row.getByRole('gridcell', { name: '建始县高坪镇中心小学', exact: true })).toBeVisible();

  const stored = await ledger.call('records.list', { ledger: 'student-aid' });
  expect(stored.total).toBe(1);
  expect(stored.rows[0]!.values).toMatchObject({
    name: '覃秋菊',
    gender: '男',
    id_number: idNumber,
    amount: 800,
    paid_on: '2019-04-12',
    phone: '0718-3321234',
  });
});

test('an ID number with a wrong check digit is refused under 身份证号 and nothing is saved', async ({
  page,
  ledger,
}) => {
  await openLedger(page, ledger.url, 'student-aid');
  await page.getByRole('button', { name: '新增记录' }).click();
  const form = recordDialog(page);
  await form.getByLabel('姓名').fill('向明杰');
  await chooseOption(form, '性别', '男');
  await form.getByLabel('身份证号').fill(withWrongCheckDigit(validIdNumber('2009-11-02', 57)));

  // The error is there while typing, before any save.
  const idItem = form.locator('.ant-form-item').filter({ has: page.getByLabel('身份证号') });
  await expect(idItem.locator('.ant-form-item-explain-error')).toHaveText('校验位不正确，请核对是否录错');

  await form.getByRole('button', { name: '保存', exact: true }).click();
  await expect(form.getByRole('alert').filter({ hasText: '处需要修改' })).toBeVisible();
  await expect(idItem.locator('.ant-form-item-explain-error')).toHaveText('校验位不正确，请核对是否录错');
  const amountItem = form.locator('.ant-form-item').filter({ has: page.getByLabel('资助金额(元)') });
  await expect(amountItem.locator('.ant-form-item-explain-error')).toHaveText('必填');

  await form.getByRole('button', { name: '取消' }).click();
  await page.getByRole('dialog').filter({ hasText: '放弃填写的内容？' }).getByRole('button', { name: '放弃' }).click();
  await expect(form).toBeHidden();
  await expect(tableRows(page)).toHaveCount(0);
  expect((await ledger.call('records.list', { ledger: 'student-aid' })).total).toBe(0);
});

/** 黄诗雨 and 谭佳怡, two student-aid records made through the API. */
async function addTwoStudents(ledger: Ledger): Promise<void> {
  const base = {
    gender: '女',
    stage: '初中',
    family_type: '低保',
    aid_item: '国家助学金',
    amount: 625,
    paid_on: '2019-09-10',
  };
  for (const [name, born, serial] of [
    ['黄诗雨', '2006-05-20', 24],
    ['谭佳怡', '2006-08-01', 42],
  ] as const) {
    await ledger.call('records.create', {
      ledger: 'student-aid',
      values: { ...base, name, id_number: validIdNumber(born, serial) },
    });
  }
}

test('deleting asks first; 取消 keeps the record and 删除 removes it', async ({ page, ledger }) => {
  await addTwoStudents(ledger);
  await openLedger(page, ledger.url, 'student-aid');
  await expect(tableRows(page)).toHaveCount(2);

  const confirm = page.getByRole('dialog').filter({ hasText: '删除“黄诗雨”这条记录？' });
  await rowWith(page, '黄诗雨').getByRole('button', { name: '删除' }).click();
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: '取消' }).click();
  await expect(confirm).toBeHidden();
  await expect(tableRows(page)).toHaveCount(2);

  await rowWith(page, '黄诗雨').getByRole('button', { name: '删除' }).click();
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: '删除' }).click();
  await expect(page.getByText('已删除：黄诗雨')).toBeVisible();
  await expect(rowWith(page, '黄诗雨')).toHaveCount(0);
  await expect(rowWith(page, '谭佳怡')).toHaveCount(1);

  const left = await ledger.call('records.list', { ledger: 'student-aid' });
  expect(left.rows.map((r) => r.values.name)).toEqual(['谭佳怡']);
});

test('the count under the grid follows a delete after the address announced the same view again', async ({
  page,
  ledger,
}) => {
  await addTwoStudents(ledger);
  await openLedger(page, ledger.url, 'student-aid');
  await expect(page.locator('.grid-total-count')).toHaveText('共 2 条');
  // Back to the page can announce its address once the page is already drawn (the event comes late).
  await page.evaluate(() => window.dispatchEvent(new HashChangeEvent('hashchange')));

  await rowWith(page, '黄诗雨').getByRole('button', { name: '删除' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '删除“黄诗雨”这条记录？' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: '删除' }).click();
  await expect(rowWith(page, '黄诗雨')).toHaveCount(0);
  await expect(page.locator('.grid-total-count')).toHaveText('共 1 条');
});

test('editing a record saves the change and the table shows it', async ({ page, ledger }) => {
  const created = await ledger.call('records.create', {
    ledger: 'student-aid',
    values: SAMPLE_STUDENT,
  });
  await openLedger(page, ledger.url, 'student-aid');
  await rowWith(page, '杨晓东').getByRole('button', { name: '编辑' }).click();
  const form = recordDialog(page);
  await expect(form.getByLabel('资助金额(元)')).toHaveValue('1000');
  await form.getByLabel('资助金额(元)').fill('1250.5');
  // An extensible choice takes a value typed by the user.
  await form.getByLabel('资助项目', { exact: true }).click();
  await form.getByLabel('资助项目', { exact: true }).fill('县级教育救助');
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
    .getByTitle('新增选项：县级教育救助')
    .click();
  await form.getByRole('button', { name: '保存', exact: true }).click();
  // A new choice is asked about before it joins the list reports count by.
  const ask = page.getByRole('dialog').filter({ hasText: '添加新的选项：资助项目“县级教育救助”？' });
  await ask.getByRole('button', { name: '添加为新选项' }).click();

  await expect(form).toBeHidden();
  const row = rowWith(page, '杨晓东');
  await expect(row.getByRole('gridcell', { name: '1,250.50', exact: true })).toBeVisible();
  await expect(row.getByRole('gridcell', { name: '县级教育救助', exact: true })).toBeVisible();
  const stored = await ledger.call('records.get', { id: created.id });
  expect(stored.values).toMatchObject({ amount: 1250.5, aid_item: '县级教育救助' });
});

test('the form is keyboard first: focus on 姓名, Enter moves on, Ctrl+Enter saves, no clear-button tab stops', async ({
  page,
  ledger,
}) => {
  await openLedger(page, ledger.url, 'student-aid');
  await page.getByRole('button', { name: '新增记录' }).click();
  const form = recordDialog(page);
  await expect(form.getByLabel('姓名')).toBeFocused();
  await page.keyboard.type('覃秋菊');
  await page.keyboard.press('Enter');
  await expect(form.getByLabel('性别', { exact: true })).toBeFocused();
  await page.keyboard.type('女');
  await page.keyboard.press('Enter');
  await expect(form.getByLabel('性别', { exact: true })).toBeFocused();
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(0);
  // A filled choice adds no 清除 button to tab through, and nothing in the form is in English.
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('身份证号')).toBeFocused();
  await expect(form.locator('.ant-select-clear')).toHaveCount(0);
  const labels = await form
    .locator('[aria-label]')
    .evaluateAll((els) =>
      els.filter((e) => !e.closest('[aria-hidden="true"]')).map((e) => e.getAttribute('aria-label')),
    );
  for (const label of labels) expect(label).not.toMatch(/[A-Za-z]{3,}/);

  await page.keyboard.type(validIdNumber('2011-07-09', 86));
  await chooseOption(form, '学段', '小学');
  await chooseOption(form, '家庭类型', '建档立卡');
  await chooseOption(form, '资助项目', '两免一补');
  // Wrong values are answered with what is wrong with them, not cleared and called 必填.
  await form.getByLabel('资助金额(元)').fill('六百');
  await form.getByLabel('发放日期').fill('2019-02-30');
  const itemOf = (label: string) =>
    form.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) });
  await expect(itemOf('资助金额(元)').locator('.ant-form-item-explain-error')).toHaveText(
    '应为金额数字，如 1200 或 1200.50',
  );
  await expect(itemOf('发放日期').locator('.ant-form-item-explain-error')).toHaveText(
    '“2019-02-30”不是真实的日期，应写作 2019-04-12',
  );
  await page.keyboard.press('Control+Enter');
  await expect(form.getByRole('alert')).toContainText('还有 2 处需要修改');
  expect((await ledger.call('records.list', { ledger: 'student-aid' })).total).toBe(0);

  await form.getByLabel('资助金额(元)').fill('600');
  await form.getByLabel('发放日期').fill('2019-02-28');
  await page.keyboard.press('Control+Enter');
  await expect(form).toBeHidden();
  const stored = await ledger.call('records.list', { ledger: 'student-aid' });
  expect(stored.rows.map((r) => r.values)).toMatchObject([
    { name: '覃秋菊', gender: '女', amount: 600, paid_on: '2019-02-28' },
  ]);
});

test('Esc asks before a half-filled form is thrown away; 保存并新增 opens an empty form', async ({ page, ledger }) => {
  await openLedger(page, ledger.url, 'student-aid');
  await page.getByRole('button', { name: '新增记录' }).click();
  const form = recordDialog(page);
  await form.getByLabel('姓名').fill('向明杰');
  await page.keyboard.press('Escape');
  const ask = page.getByRole('dialog').filter({ hasText: '放弃填写的内容？' });
  await ask.getByRole('button', { name: '继续填写' }).click();
  await expect(ask).toBeHidden();
  await expect(form.getByLabel('姓名')).toHaveValue('向明杰');

  await chooseOption(form, '性别', '男');
  await form.getByLabel('身份证号').fill(validIdNumber('2009-11-02', 57));
  await chooseOption(form, '学段', '初中');
  await chooseOption(form, '家庭类型', '低保');
  await chooseOption(form, '资助项目', '国家助学金');
  await form.getByLabel('资助金额(元)').fill('625');
  await form.getByLabel('发放日期').fill('2019-09-10');
  await form.getByRole('button', { name: '保存并新增' }).click();
  await expect(page.getByText('已新增：向明杰')).toBeVisible();
  await expect(form.getByLabel('姓名')).toHaveValue('');
  await expect(form.getByLabel('姓名')).toBeFocused();
  // An untouched form closes without asking.
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
  await expect(rowWith(page, '向明杰')).toHaveCount(1);
});

test('a value that would add a 家庭类型 is confirmed first; declined, nothing is saved', async ({ page, ledger }) => {
  await openLedger(page, ledger.url, 'student-aid');
  await page.getByRole('button', { name: '新增记录' }).click();
  const form = recordDialog(page);
  await form.getByLabel('姓名').fill('谭佳怡');
  await chooseOption(form, '性别', '女');
  await form.getByLabel('身份证号').fill(validIdNumber('2006-08-01', 42));
  await chooseOption(form, '学段', '初中');
  await form.getByLabel('家庭类型', { exact: true }).click();
  await form.getByLabel('家庭类型', { exact: true }).fill('625');
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('新增选项：625').click();
  await chooseOption(form, '资助项目', '国家助学金');
  await form.getByLabel('资助金额(元)').fill('625');
  await form.getByLabel('发放日期').fill('2019-09-10');
  await form.getByRole('button', { name: '保存', exact: true }).click();

  const ask = page.getByRole('dialog').filter({ hasText: '添加新的选项：家庭类型“625”？' });
  await ask.getByRole('button', { name: '不添加' }).click();
  await expect(form.getByRole('alert')).toContainText('没有添加新选项');
  await expect(form).toBeVisible();
  expect((await ledger.call('records.list', { ledger: 'student-aid' })).total).toBe(0);
});
