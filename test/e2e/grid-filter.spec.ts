import { test, expect } from './fixtures/ledger.js';
import { openLedger, tableRows } from './fixtures/ui.js';

test.use({ ledgerSetup: { unit: '建始县高坪镇中心小学', demoRows: 120 } });

test('filter 家庭类型 = 建档立卡, reopen it from the link, and bulk-set 资金来源 on the whole result', async ({
  page,
  ledger,
}) => {
  const poor = await ledger.call('records.list', {
    ledger: 'student-aid',
    filters: [{ field: 'family_type', op: 'eq', value: '建档立卡' }],
    pageSize: 500,
  });
  const all = await ledger.call('records.list', { ledger: 'student-aid', pageSize: 1 });
  const county = {
    ledger: 'student-aid',
    filters: [{ field: 'fund_source', op: 'eq' as const, value: '县级财政' }],
    pageSize: 1,
  };
  const countyBefore = (await ledger.call('records.list', county)).total;
  expect(poor.total).toBeGreaterThan(0);
  expect(poor.total).toBeLessThan(all.total);

  await openLedger(page, ledger.url, 'student-aid');
  await page.getByRole('button', { name: '筛选' }).click();
  const filters = page.getByRole('group', { name: '按列筛选' });
  await filters.getByLabel('家庭类型', { exact: true }).click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
    .getByTitle('建档立卡', { exact: true })
    .click();
  await page.keyboard.press('Escape');
  await expect(page.locator('.grid-total-count')).toHaveText(`共 ${poor.total} 条`);
  await expect(async () => {
    const shown = await tableRows(page).locator('[col-id="family_type"]').allInnerTexts();
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown)).toEqual(new Set(['建档立卡']));
  }).toPass();

  // The column's header says it is filtered.
  await expect(page.locator('.records-grid .ag-header-cell[col-id="family_type"]')).toHaveClass(/header-filtered/);
  await expect(page.locator('.records-grid .ag-header-cell[col-id="stage"]')).not.toHaveClass(/header-filtered/);

  // The filter is in the address: opening it again shows the same rows.
  expect(page.url()).toContain(`f.family_type=${encodeURIComponent('建档立卡')}`);
  await page.reload();
  await expect(page.locator('.grid-total-count')).toHaveText(`共 ${poor.total} 条`);
  await expect(page.getByRole('group', { name: '按列筛选' })).toContainText('建档立卡');

  await page.getByRole('button', { name: '批量修改' }).click();
  const dialog = page.getByRole('dialog', { name: '批量修改' });
  await expect(dialog.getByRole('radio', { name: `当前筛选的全部 ${poor.total} 条` })).toBeChecked();
  // The field list is long: typing its name narrows it, as a user at the keyboard does.
  await dialog.getByLabel('字段', { exact: true }).fill('资金来源');
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
    .getByTitle('资金来源', { exact: true })
    .click();
  await dialog.getByLabel('改为（资金来源）').fill('县级财政');
  await dialog.getByRole('button', { name: `修改 ${poor.total} 条记录` }).click();
  const already = poor.rows.filter((r) => r.values.fund_source === '县级财政').length;
  await expect(
    page.getByText(`已批量修改 ${poor.total - already} 条记录${already ? `（另有 ${already} 条原本就是这个值）` : ''}`),
  ).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(tableRows(page).first().locator('[col-id="fund_source"]')).toHaveText('县级财政');

  const after = await ledger.call('records.list', {
    ledger: 'student-aid',
    filters: [{ field: 'fund_source', op: 'eq', value: '县级财政' }],
    pageSize: 500,
  });
  for (const row of poor.rows) expect(after.rows.map((r) => r.id)).toContain(row.id);
  // One batch in the ledger's log, undone with one Ctrl+Z.
  await tableRows(page).first().locator('[col-id="stage"]').click();
  await page.keyboard.press('Control+Z');
  await expect(page.getByText('已撤销：批量修改资金来源')).toBeVisible();
  expect((await ledger.call('records.list', county)).total).toBe(countyBefore);
});

test('selected rows only: a bulk edit changes the ticked rows and no others', async ({ page, ledger }) => {
  await openLedger(page, ledger.url, 'student-aid');
  const rows = tableRows(page);
  await expect(rows.first()).toBeVisible();
  const ids: number[] = [];
  for (const i of [0, 2, 3]) {
    await rows.nth(i).locator('[col-id="ag-Grid-SelectionColumn"] input').check();
    ids.push(Number(await rows.nth(i).getAttribute('row-id')));
  }
  await expect(page.locator('.grid-footer')).toContainText('已选 3 条');
  await page.getByRole('button', { name: '批量修改' }).click();
  const dialog = page.getByRole('dialog', { name: '批量修改' });
  await expect(dialog.getByRole('radio', { name: '已选的 3 条' })).toBeChecked();
  await dialog.getByLabel('字段', { exact: true }).fill('资助金额');
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
    .getByTitle('资助金额(元)', { exact: true })
    .click();
  await dialog.getByLabel('改为（资助金额(元)）').fill('六百');
  await dialog.getByRole('button', { name: '修改 3 条记录' }).click();
  await expect(dialog.locator('.ant-form-item-explain-error')).toHaveText('应为金额数字，如 1200 或 1200.50');
  await dialog.getByLabel('改为（资助金额(元)）').fill('600');
  await dialog.getByRole('button', { name: '修改 3 条记录' }).click();
  await expect(page.getByText('已批量修改 3 条记录')).toBeVisible();
  const changed = await ledger.call('records.list', {
    ledger: 'student-aid',
    filters: [{ field: 'amount', op: 'eq', value: '600' }],
    pageSize: 500,
  });
  for (const id of ids) expect(changed.rows.map((r) => r.id)).toContain(id);
});
