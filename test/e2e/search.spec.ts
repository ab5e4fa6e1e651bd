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
  await expect(page.locator('.grid-total-count')).toHaveText('共 121 条');
  // Ctrl+F goes to the search box, as in a spreadsheet.
  await tableRows(page).first().locator('[col-id="stage"]').click();
  await page.keyboard.press('Control+F');
  await expect(page.getByRole('searchbox', { name: '搜索' })).toBeFocused();
  await page.getByRole('searchbox', { name: '搜索' }).fill('秋菊');
  await page.getByRole('searchbox', { name: '搜索' }).press('Enter');

  await expect(page.locator('.grid-total-count')).toHaveText(`共 ${expected.total} 条`);
  await expect(rowWith(page, '覃秋菊')).toHaveCount(1);
  for (const text of await tableRows(page).allInnerTexts()) expect(text).toContain('秋菊');

  await page.getByRole('searchbox', { name: '搜索' }).fill('无此人名');
  await page.getByRole('searchbox', { name: '搜索' }).press('Enter');
  await expect(tableRows(page)).toHaveCount(0);
  await expect(page.locator('.records-grid')).toContainText('暂无记录');
});

test('search also finds choice values: 两免一补, 建档立卡, 小学', async ({ page, ledger }) => {
  await openLedger(page, ledger.url, 'student-aid');
  const search = page.getByRole('searchbox', { name: '搜索' });
  for (const [word, field] of [
    ['两免一补', 'aid_item'],
    ['建档立卡', 'family_type'],
    ['小学', 'stage'],
  ] as const) {
    const expected = await ledger.call('records.list', {
      ledger: 'student-aid',
      filters: [{ field, op: 'eq', value: word }],
      pageSize: 1,
    });
    expect(expected.total).toBeGreaterThan(0);
    await search.fill(word);
    await search.press('Enter');
    await expect(page.locator('.grid-total-count')).toHaveText(`共 ${expected.total} 条`);
    await expect(tableRows(page).first()).toContainText(word);
  }
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
  await expect(page.locator('.grid-total-count')).toHaveText(`共 ${firstHalf.total} 条`);
  await expect(async () => {
    const dates = await tableRows(page).locator('[col-id="paid_on"]').allInnerTexts();
    expect(dates.length).toBeGreaterThan(0);
    for (const date of dates) expect(date >= '2019-01-01' && date <= '2019-06-30').toBe(true);
  }).toPass();

  // A period that cannot be read shows no rows rather than the last period's under the message.
  await period.fill('2019Q5');
  await period.press('Enter');
  await expect(page.getByRole('alert')).toContainText('无法识别的期间“2019Q5”');
  await expect(tableRows(page)).toHaveCount(0);
  await expect(page.locator('.grid-total-count')).toHaveText('共 0 条');
});

test('sorting by a column is done by the store, and the sort is kept in the address', async ({ page, ledger }) => {
  await openLedger(page, ledger.url, 'student-aid');
  await page.getByRole('columnheader', { name: '资助金额(元)' }).click();
  const sorted = await ledger.call('records.list', {
    ledger: 'student-aid',
    sort: { field: 'amount', direction: 'asc' },
    page: 1,
    pageSize: 10,
  });
  const amounts = sorted.rows.map((r) => (r.values.amount as number).toFixed(2));
  const shown = tableRows(page).locator('[col-id="amount"]');
  await expect(async () => {
    const texts = (await shown.allInnerTexts()).slice(0, 10).map((t) => t.replace(/,/g, ''));
    expect(texts).toEqual(amounts);
  }).toPass();
  await expect(tableRows(page).first().locator('[col-id="seq"]')).toHaveText('1');
  await expect(page).toHaveURL(/sort=amount\.asc/);

  await page.reload();
  await expect(page.getByRole('columnheader', { name: '资助金额(元)' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(async () => {
    const texts = (await shown.allInnerTexts()).slice(0, 10).map((t) => t.replace(/,/g, ''));
    expect(texts).toEqual(amounts);
  }).toPass();
});
