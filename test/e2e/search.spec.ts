import { test, expect } from './fixtures/ledger.js';
import { openLedger, rowWith, tableRows, validIdNumber } from './fixtures/ui.js';

test.use({ ledgerSetup: { unit: '建始县高坪镇中心小学', demoRows: 120 } });

test('search finds a record by two characters of a three-character name', async ({ page, ledger }) => {
  await ledger.call('records.create', {
    ledger: 'student-aid',
    values: {
      name: '覃秋菊',
      gender: '女',
      id_number: validIdNumber('2011-07-09', 86),
      stage: '小学',
      family_type: '建档立卡',
      aid_item: '两免一补',
      amount: 500,
      paid_on: '2019-03-01',
    },
  });
  const expected = await ledger.call('records.list', { ledger: 'student-aid', search: '秋菊' });
  expect(expected.total).toBeGreaterThanOrEqual(1);

  await openLedger(page, ledger.url, 'student-aid');
  await expect(page.locator('.ant-pagination-total-text')).toHaveText('共 121 条');
  await page.getByRole('searchbox', { name: '搜索' }).fill('秋菊');
  await page.getByRole('searchbox', { name: '搜索' }).press('Enter');

  await expect(page.locator('.ant-pagination-total-text')).toHaveText(`共 ${expected.total} 条`);
  await expect(rowWith(page, '覃秋菊')).toHaveCount(1);
  for (const text of await tableRows(page).allInnerTexts()) expect(text).toContain('秋菊');

  await page.getByRole('searchbox', { name: '搜索' }).fill('无此人名');
  await page.getByRole('searchbox', { name: '搜索' }).press('Enter');
  await expect(tableRows(page)).toHaveCount(0);
  await expect(page.locator('.ant-table-placeholder')).toContainText('暂无数据');
});

test('the period filter explains a period it cannot read and filters by one it can', async ({ page, ledger }) => {
  await openLedger(page, ledger.url, 'student-aid');
  const period = page.getByRole('textbox', { name: '期间' });

  await period.fill('2019Q5');
  await period.press('Enter');
  await expect(page.getByRole('alert')).toContainText('无法识别的期间“2019Q5”');
  await expect(page.getByRole('alert')).toContainText('2018-2019S2');

  const firstHalf = await ledger.call('records.list', { ledger: 'student-aid', period: '2019H1', pageSize: 1 });
  await period.fill('2019上半年');
  await period.press('Enter');
  await expect(page.getByText('2019年上半年：2019-01-01 至 2019-06-30')).toBeVisible();
  await expect(page.locator('.ant-pagination-total-text')).toHaveText(`共 ${firstHalf.total} 条`);
  const dates = await page.locator('.ant-table-tbody tr.ant-table-row td:nth-child(11)').allInnerTexts();
  expect(dates.length).toBeGreaterThan(0);
  for (const date of dates) expect(date >= '2019-01-01' && date <= '2019-06-30').toBe(true);
});

test('sorting by a column and paging are done by the store', async ({ page, ledger }) => {
  await openLedger(page, ledger.url, 'student-aid');
  await page.getByRole('columnheader', { name: '资助金额(元)' }).click();
  const sorted = await ledger.call('records.list', {
    ledger: 'student-aid',
    sort: { field: 'amount', direction: 'asc' },
    page: 2,
    pageSize: 20,
  });
  await page.locator('.ant-pagination').getByRole('listitem', { name: '2' }).click();
  await expect(page.locator('.ant-pagination-item-active')).toHaveText('2');
  const names = sorted.rows.map((r) => String(r.values.name));
  await expect(page.locator('.ant-table-tbody tr.ant-table-row td:nth-child(2)')).toHaveText(names);
  await expect(page.locator('.ant-table-tbody tr.ant-table-row td:first-child').first()).toHaveText('21');
});
