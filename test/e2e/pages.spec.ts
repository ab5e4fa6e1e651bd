import fs from 'node:fs';
import { test, expect } from './fixtures/ledger.js';
import { openLedger, recordDialog, tableRows, withWrongCheckDigit, validIdNumber } from './fixtures/ui.js';

/** Screenshots of every page land here, to be looked at by a person after a change to the UI. */
const SHOTS = '/tmp/ui-shots';

test.use({ ledgerSetup: { unit: '建始县高坪镇中心小学', demoRows: 500 } });
test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

test('every page shows the 500 demo rows of the ledger file, in Chinese', async ({ page, ledger }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  const counts = await ledger.call('ledgers.list', {});
  const total = counts.reduce((sum, l) => sum + l.count, 0);

  await page.goto(ledger.url);
  await expect(page.locator('.ant-statistic').filter({ hasText: '本单位记录总数' })).toContainText(
    total.toLocaleString('zh-CN'),
  );
  await expect(page.locator('.category-card').filter({ hasText: '学生资助台账' })).toContainText('500');
  await page.screenshot({ path: `${SHOTS}/overview.png`, fullPage: true, animations: 'disabled' });

  await page.getByRole('menuitem', { name: '台账' }).click();
  await expect(page).toHaveURL(/#\/ledgers$/);
  await expect(page.locator('[data-ledger="student-aid"]')).toContainText('500 条');
  await page.screenshot({ path: `${SHOTS}/catalogue.png`, fullPage: true, animations: 'disabled' });

  await openLedger(page, ledger.url, 'student-aid');
  await expect(page.locator('.grid-total-count')).toHaveText('共 500 条');
  // One scroll over all 500, with only the rows in sight in the page.
  await expect(tableRows(page).first()).toBeVisible();
  expect(await tableRows(page).count()).toBeLessThan(60);
  await expect(page.locator('.grid-footer')).toContainText('资助金额(元)合计');
  await page.screenshot({ path: `${SHOTS}/ledger-table.png`, animations: 'disabled' });

  await page.getByRole('button', { name: '新增记录' }).click();
  const form = recordDialog(page);
  await form.getByLabel('姓名').fill('田小燕');
  await form.getByLabel('身份证号').fill(withWrongCheckDigit(validIdNumber('2012-02-29', 8)));
  await form.getByLabel('资助金额(元)').fill('12.345');
  await form.getByLabel('联系电话').fill('12345');
  await form.getByRole('button', { name: '保存', exact: true }).click();
  await expect(form.locator('.ant-form-item-explain-error').first()).toBeVisible();
  await expect(form).toContainText('最多保留 2 位小数');
  await expect(form).toContainText('应为 11 位手机号或带区号的固定电话');
  await page.screenshot({ path: `${SHOTS}/form-errors.png`, animations: 'disabled' });
  await form.getByRole('button', { name: '取消' }).click();
  await page.getByRole('dialog').filter({ hasText: '放弃填写的内容？' }).getByRole('button', { name: '放弃' }).click();

  await page.getByRole('menuitem', { name: '设置' }).click();
  await expect(page.getByRole('cell', { name: '建始县高坪镇中心小学' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/settings.png`, fullPage: true, animations: 'disabled' });

  expect(errors).toEqual([]);
});

test('a plan table reads like its attachment table and the record form edits it', async ({ page, ledger }) => {
  const plan = await ledger.call('records.list', { ledger: 'training-plan', sort: { field: 'id', direction: 'asc' } });
  await openLedger(page, ledger.url, 'training-plan');
  await expect(page.locator('.grid-total-count')).toHaveText(`共 ${plan.total} 条`);
  const headers = await page.locator('.records-grid [role="columnheader"]').allInnerTexts();
  expect(headers.map((h) => h.trim()).filter(Boolean)).toEqual([
    '序号',
    '对象',
    '时间',
    '人数',
    '责任股室',
    '归属日期',
    '填报单位',
    '操作',
  ]);

  const period = page.getByRole('textbox', { name: '期间' });
  await period.fill('2019年第三季度');
  await period.press('Enter');
  await expect(page.getByRole('alert')).toContainText('无法识别的期间“2019年第三季度”');
  await page.screenshot({ path: `${SHOTS}/plan-table.png`, animations: 'disabled' });

  // A period that cannot be read shows no rows; clearing it brings them back.
  await expect(tableRows(page)).toHaveCount(0);
  await period.fill('');
  await period.press('Enter');

  // Newest first: the top row is the last one entered.
  const first = plan.rows[plan.rows.length - 1]!;
  await tableRows(page).first().getByRole('button', { name: '编辑' }).click();
  const form = recordDialog(page);
  await expect(form).toHaveAccessibleName('编辑跟岗培训计划安排表记录');
  await expect(form.getByLabel('对象', { exact: true })).toHaveValue(String(first.values.target));
  await form.getByLabel('人数', { exact: true }).fill('3-5');
  await expect(form.locator('.ant-form-item-explain-error')).toHaveCount(0);
  await form.getByLabel('人数', { exact: true }).fill('三到五');
  await expect(form).toContainText('应为数字或范围，如 30 或 3-5');
  await page.screenshot({ path: `${SHOTS}/plan-form.png`, animations: 'disabled' });
});
