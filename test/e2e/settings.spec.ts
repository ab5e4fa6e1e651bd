import { test, expect } from './fixtures/ledger.js';
import { openLedger, tableRows, validIdNumber } from './fixtures/ui.js';

test('a second unit is added in 设置, chosen as current, and new records go to it', async ({ page, ledger }) => {
  await page.goto(`${ledger.url}#/settings`);
  await page.getByRole('button', { name: '添加' }).click();
  await expect(page.getByText('请填写单位名称')).toBeVisible();
  await page.getByLabel('添加单位').fill('建始县高坪镇中心小学');
  await page.getByRole('button', { name: '添加' }).click();
  await expect(page.getByText('填报单位“建始县高坪镇中心小学”已存在')).toBeVisible();

  await page.getByLabel('添加单位').fill('建始县教育局');
  await page.getByRole('button', { name: '添加' }).click();
  const added = page.getByRole('row').filter({ hasText: '建始县教育局' });
  await expect(added).toBeVisible();
  await expect(page.getByTestId('current-unit')).toHaveText('建始县高坪镇中心小学');

  await added.getByRole('button', { name: '设为当前' }).click();
  await expect(added.getByText('当前')).toBeVisible();
  await expect(page.getByTestId('current-unit')).toHaveText('建始县教育局');
  const units = await ledger.call('units.list', {});
  expect(units.units.find((u) => u.id === units.currentId)?.name).toBe('建始县教育局');

  await ledger.call('records.create', {
    ledger: 'student-aid',
    values: {
      name: '邓思远',
      gender: '男',
      id_number: validIdNumber('2008-01-17', 33),
      stage: '初中',
      family_type: '残疾',
      aid_item: '两免一补',
      amount: 1250,
      paid_on: '2019-05-06',
    },
  });
  await openLedger(page, ledger.url, 'student-aid');
  await expect(tableRows(page).first()).toContainText('建始县教育局');
  await page.getByLabel('填报单位').click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
    .getByTitle('建始县高坪镇中心小学')
    .click();
  await expect(tableRows(page)).toHaveCount(0);
});
