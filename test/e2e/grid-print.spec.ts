import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { test, expect } from './fixtures/ledger.js';
import { openLedger } from './fixtures/ui.js';

test.use({ ledgerSetup: { unit: '建始县高坪镇中心小学', demoRows: 120 } });

test('打印 lays out the filtered rows as the submitted table, its header on every A4 page, without the app around it', async ({
  page,
  ledger,
}) => {
  const poor = await ledger.call('records.list', {
    ledger: 'student-aid',
    period: '2019',
    filters: [{ field: 'family_type', op: 'eq', value: '建档立卡' }],
    pageSize: 1,
  });
  expect(poor.total).toBeGreaterThan(30);
  await openLedger(page, ledger.url, 'student-aid');
  await page.goto(`${ledger.url}#/ledgers/student-aid?period=2019&f.family_type=${encodeURIComponent('建档立卡')}`);
  await expect(page.locator('.grid-total-count')).toHaveText(`共 ${poor.total} 条`);
  await page.getByRole('link', { name: '打印' }).click();

  await expect(page.getByText(`共 ${poor.total} 条，将全部打印`)).toBeVisible();
  const table = page.locator('table.print-table');
  await expect(table.locator('.print-title')).toHaveText('2019年建始县高坪镇中心小学学生资助台账');
  await expect(table.locator('tbody tr')).toHaveCount(poor.total + 1);
  await expect(table.locator('tbody tr').last()).toContainText('合计');
  await expect(page.getByRole('menuitem')).toHaveCount(0);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: test.info().outputPath('print-view.png') });

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
  const pdf = test.info().outputPath('print.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').filter((p) => p.trim());
  expect(pages.length).toBeGreaterThan(1);
  // The title and the column headers head every page, as the paper table does.
  for (const one of pages) {
    expect(one).toContain('学生资助台账');
    expect(one).toMatch(/序号\s+姓名\s+性别\s+身份证号/);
  }
  expect(pages.at(-1)).toContain('合计');
  expect(fs.statSync(pdf).size).toBeGreaterThan(0);
});
