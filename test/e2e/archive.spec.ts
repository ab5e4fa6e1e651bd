import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures/ledger.js';

test('backing up from 归档与备份 shows the last backup, and 四性检测 passes', async ({ page, ledger }) => {
  // A new ledger has never been backed up: the overview warns and leads to the page.
  await page.goto(ledger.url);
  const warning = page.getByRole('alert').filter({ hasText: '这个台账还没有做过备份' });
  await expect(warning).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('archive-overview-warning.png') });
  await warning.getByRole('link', { name: '去备份' }).click();
  await expect(page.getByRole('heading', { name: '归档与备份' })).toBeVisible();
  await expect(page.getByTestId('last-backup')).toHaveText('还没有备份');

  const folder = path.join(path.dirname(ledger.file), '台账备份');
  await page.getByLabel('备份到文件夹').fill(folder);
  await page.getByLabel(/用密码加密/).check();
  await page.getByLabel('备份密码', { exact: true }).fill('县教育局2019');
  await page.getByLabel('再次输入密码').fill('县教育局2020');
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText('两次输入的密码不一致')).toBeVisible();
  await page.getByLabel('再次输入密码').fill('县教育局2019');
  await page.getByRole('button', { name: '立即备份' }).click();

  await expect(page.getByTestId('backup-result')).toContainText('已加密');
  const [file] = fs.readdirSync(folder);
  expect(file).toMatch(/^台账备份-建始县高坪镇中心小学-\d{8}-\d{6}\.tzbak$/);
  await expect(page.getByTestId('backup-result')).toContainText(path.join(folder, file!));
  const status = await ledger.call('archive.status', {});
  expect(status.overdue).toBe(false);
  // The backup's time as the page's clock reads it (the browser runs in Asia/Shanghai), to the minute.
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(status.last!.at))
      .map((p) => [p.type, p.value]),
  );
  const minute = `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
  await expect(page.getByTestId('last-backup')).toContainText(minute);
  await expect(page.getByRole('alert').filter({ hasText: '没有做过备份' })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('archive-backup.png'), fullPage: true });

  // A wrong password is refused by the restore, and nothing is written.
  const target = path.join(path.dirname(ledger.file), '恢复的台账.db');
  await page.getByLabel('备份文件', { exact: true }).fill(path.join(folder, file!));
  await page.getByRole('button', { name: '读取备份' }).click();
  await expect(page.getByText('这个备份已加密')).toBeVisible();
  await page.getByLabel('备份密码', { exact: true }).last().fill('不是这个密码');
  await page.getByLabel('恢复为新的台账文件').fill(target);
  await page.getByRole('button', { name: '恢复', exact: true }).click();
  await expect(page.getByText('备份密码不正确，未恢复任何内容')).toBeVisible();
  expect(fs.existsSync(target)).toBe(false);
  await page.getByLabel('备份密码', { exact: true }).last().fill('县教育局2019');
  await page.getByRole('button', { name: '恢复', exact: true }).click();
  await expect(page.getByTestId('restore-result')).toContainText(target);
  await expect(page.getByRole('button', { name: '切换到恢复的台账' })).toBeVisible();
  expect(fs.existsSync(target)).toBe(true);
  await page.screenshot({ path: test.info().outputPath('archive-restore.png'), fullPage: true });

  await page.getByRole('button', { name: '开始检测' }).click();
  const results = page.getByRole('table', { name: '四性检测结果' });
  await expect(page.getByText(/^检测通过/)).toBeVisible();
  for (const label of [
    '数据库文件结构完好',
    '记录之间的引用一致',
    '佐证材料齐全且未被改动',
    '必填项齐全',
    '近期有备份',
  ]) {
    await expect(results.getByRole('row').filter({ hasText: label })).toContainText('通过');
  }
  await expect(results.getByRole('row').filter({ hasText: '不通过' })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('archive-verify.png'), fullPage: true });
});

test('a ledger never backed up gets a reminder in 四性检测, not a failure', async ({ page, ledger }) => {
  await page.goto(`${ledger.url}#/archive`);
  await page.getByRole('button', { name: '开始检测' }).click();
  await expect(page.getByText(/^检测通过/)).toBeVisible();
  const backupRow = page
    .getByRole('table', { name: '四性检测结果' })
    .getByRole('row')
    .filter({ hasText: '近期有备份' });
  // Never backed up: a reminder, not a failure.
  await expect(backupRow).toContainText('提醒');
});
