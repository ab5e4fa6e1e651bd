import { test, expect } from './fixtures/ledger.js';
import { openLedger, tableRows } from './fixtures/ui.js';

test.use({ ledgerSetup: { unit: '建始县高坪镇中心小学', demoRows: 20_000 } });

test('a large ledger is one scroll: Ctrl+↓ reaches its last record with only the visible rows in the page', async ({
  page,
  ledger,
}) => {
  const oldest = await ledger.call('records.list', {
    ledger: 'student-aid',
    sort: { field: 'id', direction: 'asc' },
    pageSize: 1,
  });
  expect(oldest.total).toBe(20_000);
  const last = oldest.rows[0]!;

  await openLedger(page, ledger.url, 'student-aid');
  await expect(page.locator('.grid-total-count')).toHaveText('共 20,000 条');
  await tableRows(page).first().locator('[col-id="stage"]').click();
  await page.keyboard.press('Control+ArrowDown');

  const lastRow = tableRows(page).filter({ has: page.locator('[col-id="seq"]', { hasText: /^20,000$/ }) });
  await expect(lastRow).toBeInViewport();
  await expect(lastRow).toHaveAttribute('row-id', String(last.id));
  await expect(lastRow.locator('[col-id="name"]')).toHaveText(String(last.values.name));
  // Only what is in sight is in the page, never 20,000 rows.
  expect(await tableRows(page).count()).toBeLessThan(80);

  // Back to the top with Ctrl+↑, the newest record first.
  await page.keyboard.press('Control+ArrowUp');
  await expect(tableRows(page).filter({ has: page.locator('[col-id="seq"]', { hasText: /^1$/ }) })).toBeInViewport();

  // The grid says everything in Chinese, to the eye and to a screen reader.
  const grid = page.locator('.records-grid .ag-root-wrapper');
  expect(await grid.innerText()).not.toMatch(/[A-Za-z]{3,}/);
  const labels = await grid
    .locator('[aria-label], [title], [placeholder]')
    .evaluateAll((els) =>
      els
        .filter((e) => !e.closest('[aria-hidden="true"]'))
        .flatMap((e) => ['aria-label', 'title', 'placeholder'].map((a) => e.getAttribute(a) ?? '')),
    );
  for (const label of labels) expect(label).not.toMatch(/[A-Za-z]{3,}/);
});
