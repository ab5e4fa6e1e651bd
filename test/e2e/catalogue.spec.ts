import { test, expect } from './fixtures/ledger.js';
import { LEDGER_CATEGORIES } from '../../shared/ledger-definition.js';

test.use({ ledgerSetup: { unit: '建始县高坪镇中心小学', demoRows: 37 } });

test('the catalogue groups ledgers by category and shows the count of 学生资助台账', async ({ page, ledger }) => {
  const ledgers = await ledger.call('ledgers.list', {});
  const studentAid = await ledger.call('records.list', { ledger: 'student-aid', pageSize: 1 });
  expect(studentAid.total).toBe(37);

  await page.goto(`${ledger.url}#/ledgers`);
  const headings = page.locator('.catalogue-group h5');
  await expect(headings).toHaveCount(LEDGER_CATEGORIES.length);
  for (const [i, category] of LEDGER_CATEGORIES.entries()) {
    await expect(headings.nth(i)).toContainText(category);
    const members = ledgers.filter((l) => l.category === category);
    const section = page.getByRole('region', { name: category });
    await expect(section.locator('.ledger-card')).toHaveCount(members.length);
  }

  const card = page.locator('[data-ledger="student-aid"]');
  await expect(card).toContainText('学生资助台账');
  await expect(card).toContainText(`${studentAid.total} 条`);
  await expect(page.getByRole('region', { name: '学生资助与控辍保学' })).toContainText(`${studentAid.total} 条`);

  await card.click();
  await expect(page).toHaveURL(/#\/ledgers\/student-aid$/);
  await expect(page.locator('.grid-total-count')).toHaveText(`共 ${studentAid.total} 条`);
});
