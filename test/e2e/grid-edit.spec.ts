import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures/ledger.js';
import { openLedger, rowWith, SAMPLE_STUDENT, validIdNumber, withWrongCheckDigit } from './fixtures/ui.js';

/** Types into a cell the way a user does: focus it, F2, replace the text, Enter. */
async function typeInto(page: Page, cell: Locator, text: string): Promise<void> {
  await cell.click();
  await page.keyboard.press('F2');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

test('a wrong check digit typed into a cell is marked with its error and nothing is saved', async ({
  page,
  ledger,
}) => {
  const created = await ledger.call('records.create', { ledger: 'student-aid', values: SAMPLE_STUDENT });
  await openLedger(page, ledger.url, 'student-aid');
  const cell = rowWith(page, '杨晓东').locator('[col-id="id_number"]');
  const wrong = withWrongCheckDigit(SAMPLE_STUDENT.id_number);
  await typeInto(page, cell, wrong);

  await expect(cell).toHaveClass(/cell-invalid/);
  await expect(cell).toHaveText(wrong);
  await expect(page.locator('.grid-note')).toHaveText('身份证号：校验位不正确，请核对是否录错（未保存）');
  await expect(page.locator('.grid-note')).toHaveAttribute('role', 'alert');
  expect((await ledger.call('records.get', { id: created.id })).values.id_number).toBe(SAMPLE_STUDENT.id_number);
  expect(await ledger.call('records.history', { id: created.id })).toHaveLength(1);

  // Esc leaves an edit without changing anything; fixing the cell saves it.
  await cell.click();
  await page.keyboard.press('F2');
  await page.keyboard.type('123');
  await page.keyboard.press('Escape');
  await expect(cell).toHaveText(wrong);
  await typeInto(page, cell, SAMPLE_STUDENT.id_number);
  await expect(cell).not.toHaveClass(/cell-invalid/);
  await expect(page.locator('.grid-note')).toHaveText('已保存：杨晓东 的身份证号');
});

test('Ctrl+Z undoes a cell edit and Ctrl+Y redoes it, each an audited write', async ({ page, ledger }) => {
  const created = await ledger.call('records.create', { ledger: 'student-aid', values: SAMPLE_STUDENT });
  await openLedger(page, ledger.url, 'student-aid');
  const cell = rowWith(page, '杨晓东').locator('[col-id="amount"]');
  await typeInto(page, cell, '1250.5');
  await expect(cell).toHaveText('1,250.50');
  await expect(page.locator('.grid-note')).toHaveText('已保存：杨晓东 的资助金额(元)');
  expect((await ledger.call('records.get', { id: created.id })).values.amount).toBe(1250.5);

  await page.keyboard.press('Control+Z');
  await expect(page.getByText('已撤销：杨晓东')).toBeVisible();
  await expect(cell).toHaveText('1,000.00');
  expect((await ledger.call('records.get', { id: created.id })).values.amount).toBe(1000);

  await cell.click();
  await page.keyboard.press('Control+Y');
  await expect(page.getByText('已重做：杨晓东')).toBeVisible();
  await expect(cell).toHaveText('1,250.50');
  expect((await ledger.call('records.get', { id: created.id })).values.amount).toBe(1250.5);
  const history = await ledger.call('records.history', { id: created.id });
  expect(history.map((h) => h.action)).toEqual(expect.arrayContaining(['create', 'update', 'update', 'update']));
  expect(history).toHaveLength(4);
});

test('the quick-entry row under the records adds one with the keyboard: Tab between cells, Ctrl+Enter saves', async ({
  page,
  ledger,
}) => {
  await openLedger(page, ledger.url, 'student-aid');
  await expect(page.locator('.records-grid')).toContainText('暂无记录');
  await page.locator('.records-grid .draft-entry [col-id="name"]').click();
  const values = [
    '覃秋菊',
    '女',
    validIdNumber('2011-07-09', 86),
    '小学',
    '三年级（2）班',
    '建档立卡',
    '两免一补',
    '500',
  ];
  // F2 starts typing in the cell; Tab takes the text and goes on typing in the next one.
  const editor = page.locator('.records-grid .ag-cell-inline-editing input');
  // The grid opens the next cell's editor over a frame or two after Tab; a person's next key comes
  // later than that, so the test waits as long before typing.
  const ready = async () => {
    await expect(editor).toBeFocused();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  };
  await page.keyboard.press('F2');
  for (const value of values) {
    await ready();
    await page.keyboard.type(value);
    await page.keyboard.press('Tab');
  }
  // 资金来源 is left empty; 发放日期 is the last required cell.
  await ready();
  await page.keyboard.press('Tab');
  await ready();
  await page.keyboard.type('2019-03-01');
  await expect(page.locator('.grid-total-count')).toHaveText('共 0 条');
  await page.keyboard.press('Control+Enter');

  await expect(rowWith(page, '覃秋菊')).toHaveCount(1);
  await expect(page.locator('.grid-total-count')).toHaveText('共 1 条');
  const stored = await ledger.call('records.list', { ledger: 'student-aid' });
  expect(stored.rows.map((r) => r.values)).toMatchObject([
    { name: '覃秋菊', gender: '女', stage: '小学', amount: 500, paid_on: '2019-03-01', fund_source: null },
  ]);
  await expect(page.locator('.records-grid .draft-entry [col-id="name"]')).toHaveText('录入新记录');
});

test('a new 家庭类型 typed into a cell is asked about before it is saved', async ({ page, ledger }) => {
  const created = await ledger.call('records.create', { ledger: 'student-aid', values: SAMPLE_STUDENT });
  await openLedger(page, ledger.url, 'student-aid');
  const cell = rowWith(page, '杨晓东').locator('[col-id="family_type"]');
  await typeInto(page, cell, '625');
  const ask = page.getByRole('dialog').filter({ hasText: '添加新的选项：家庭类型“625”？' });
  await ask.getByRole('button', { name: '不添加' }).click();
  await expect(page.locator('.grid-note')).toHaveText('家庭类型：没有添加新选项，单元格未修改');
  await expect(cell).toHaveText('建档立卡');
  expect((await ledger.call('records.get', { id: created.id })).values.family_type).toBe('建档立卡');

  await typeInto(page, cell, '低保');
  await expect(page.locator('.grid-note')).toHaveText('已保存：杨晓东 的家庭类型');
  expect((await ledger.call('records.get', { id: created.id })).values.family_type).toBe('低保');
});

test('Shift+Enter on a row opens its record form, with the focus on the first field', async ({ page, ledger }) => {
  await ledger.call('records.create', { ledger: 'student-aid', values: SAMPLE_STUDENT });
  await openLedger(page, ledger.url, 'student-aid');
  await rowWith(page, '杨晓东').locator('[col-id="stage"]').click();
  await page.keyboard.press('Shift+Enter');
  const form = page.getByRole('dialog', { name: '编辑学生资助台账记录' });
  await expect(form.getByLabel('姓名')).toBeFocused();
  await expect(form.getByLabel('姓名')).toHaveValue('杨晓东');
});
