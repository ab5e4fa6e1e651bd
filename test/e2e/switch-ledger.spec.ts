import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures/ledger.js';
import { validIdNumber } from './fixtures/ui.js';

const student = (name: string, sequence: number) => ({
  name,
  gender: '男',
  id_number: validIdNumber('2007-10-30', sequence),
  stage: '高中',
  family_type: '建档立卡',
  aid_item: '国家助学金',
  amount: 1000,
  paid_on: '2019-10-08',
});

test('after a restore, 切换到恢复的台账 reloads the app on the restored ledger and keeps the old file', async ({
  page,
  ledger,
}) => {
  const dir = path.dirname(ledger.file);
  await ledger.call('records.create', { ledger: 'student-aid', values: student('杨晓东', 71) });
  await ledger.call('records.create', { ledger: 'student-aid', values: student('杨晓西', 73) });
  const backup = await ledger.call('archive.backup', { folder: path.join(dir, '台账备份') });
  // Entered after the backup: the ledger in use has 3 records, the restored one 2.
  await ledger.call('records.create', { ledger: 'student-aid', values: student('杨晓南', 75) });

  await page.goto(`${ledger.url}#/archive`);
  await expect(page.getByTestId('current-ledger-file')).toHaveText('ledger.db');
  const target = path.join(dir, '恢复的台账.db');
  await page.getByLabel('备份文件', { exact: true }).fill(backup.file);
  await page.getByRole('button', { name: '读取备份' }).click();
  await page.getByLabel('恢复为新的台账文件').fill(target);
  await page.getByRole('button', { name: '恢复', exact: true }).click();
  await expect(page.getByTestId('restore-result')).toContainText(target);

  await page.getByRole('button', { name: '切换到恢复的台账' }).click();
  const confirm = page.getByRole('tooltip').filter({ hasText: '切换到恢复的台账？' });
  await expect(confirm).toContainText(`当前台账文件${ledger.file}保留在原处`);
  await page.screenshot({ path: test.info().outputPath('switch-confirm.png'), fullPage: true });
  await confirm.getByRole('button', { name: '切换' }).click();

  await expect(page.getByRole('heading', { name: '概览' })).toBeVisible();
  await expect(page.getByTestId('current-ledger-file')).toHaveText('恢复的台账.db');
  const total = page.locator('.ant-statistic').filter({ hasText: '本单位记录总数' });
  await expect(total.locator('.ant-statistic-content')).toHaveText('2');
  await expect(page.getByText(`台账文件：${target}`)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('switch-overview.png'), fullPage: true });
  expect((await ledger.call('app.info', {})).dbFile).toBe(target);
  expect(fs.existsSync(ledger.file)).toBe(true);

  await page.getByRole('link', { name: '更换' }).click();
  await expect(page.getByTestId('settings-ledger-file')).toHaveText(target);
  await expect(page.getByRole('menuitem', { name: '设置' })).toHaveClass(/ant-menu-item-selected/);
  // The menu's highlight fades across; the screenshot takes it to where it settles.
  await page.screenshot({
    path: test.info().outputPath('switch-settings.png'),
    fullPage: true,
    animations: 'disabled',
  });
});
