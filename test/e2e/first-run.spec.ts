import fs from 'node:fs';
import { test, expect } from './fixtures/ledger.js';

test.use({ ledgerSetup: { unit: null } });

test('a ledger file without a unit asks for one first and remembers it', async ({ page, ledger }) => {
  expect((await ledger.call('units.list', {})).units).toEqual([]);
  await page.goto(ledger.url);
  await expect(page.getByText('这个台账文件还没有填报单位')).toBeVisible();
  await expect(page.getByRole('navigation', { name: '主导航' })).toHaveCount(0);

  await page.getByRole('button', { name: '开始使用' }).click();
  await expect(page.getByText('请填写填报单位名称')).toBeVisible();
  fs.mkdirSync('/tmp/ui-shots', { recursive: true });
  await page.screenshot({ path: '/tmp/ui-shots/first-run.png', animations: 'disabled' });

  await page.getByLabel('填报单位').fill('建始县业州镇民族中学');
  await page.getByRole('button', { name: '开始使用' }).click();
  await expect(page.getByTestId('current-unit')).toHaveText('建始县业州镇民族中学');
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('current-unit')).toHaveText('建始县业州镇民族中学');
  await expect(page.getByText('这个台账文件还没有填报单位')).toHaveCount(0);

  const units = await ledger.call('units.list', {});
  expect(units.units.map((u) => u.name)).toEqual(['建始县业州镇民族中学']);
  expect(units.currentId).toBe(units.units[0]!.id);
});
