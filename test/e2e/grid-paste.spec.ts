import type { Page } from '@playwright/test';
import { test, expect } from './fixtures/ledger.js';
import { openLedger, rowWith, tableRows, validIdNumber, withWrongCheckDigit } from './fixtures/ui.js';

/** Puts text on the clipboard and presses Ctrl+V, as after copying cells in Excel or WPS. */
async function pasteText(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
}

const SURNAMES = '覃向杨黄谭田冉邓周吴';
const GIVEN = ['秋菊', '明杰', '晓东', '诗雨', '佳怡', '小燕', '春梅', '子涵', '浩然', '思琪'];

/** 50 rows in the grid's column order from 姓名 to 发放日期: 姓名 性别 身份证号 学段 年级班级 家庭类型 资助项目 资助金额 资金来源 发放日期. */
function sheetRows(): string[][] {
  return Array.from({ length: 50 }, (_, i) => {
    const female = i % 2 === 0;
    // The sequence digit's parity is the sex: odd for men, even for women.
    const id = validIdNumber(`2010-0${1 + (i % 9)}-1${i % 10}`, 100 + i * 2 + (female ? 0 : 1));
    return [
      `${SURNAMES[i % 10]}${GIVEN[(Math.floor(i / 10) * 2) % 10]}${i}`,
      female ? '女' : '男',
      id,
      '小学',
      `${1 + (i % 6)}年级（1）班`,
      '建档立卡',
      '两免一补',
      String(500 + i),
      '',
      '2019-04-12',
    ];
  });
}

test('pasting 50 rows with 3 bad: 47 records, 3 待修正 rows marked per cell, one fixed in place', async ({
  page,
  ledger,
}) => {
  const rows = sheetRows();
  rows[4]![2] = withWrongCheckDigit(rows[4]![2]!);
  rows[17]![7] = '六百';
  rows[31]![9] = '2019-02-30';
  await openLedger(page, ledger.url, 'student-aid');
  // The quick-entry row under the records takes new rows.
  await page.locator('.records-grid .draft-entry [col-id="name"]').click();
  await pasteText(page, rows.map((r) => r.join('\t')).join('\r\n') + '\r\n');

  await expect(page.locator('.grid-note')).toHaveText('已粘贴：新增 47 条，3 行待修正（标红的单元格，改正后自动保存）');
  await expect(page.locator('.grid-total-count')).toHaveText('共 47 条');
  expect((await ledger.call('records.list', { ledger: 'student-aid' })).total).toBe(47);
  const pending = page.locator('.records-grid .draft-pending');
  await expect(pending).toHaveCount(3);
  await expect(pending.locator('.draft-tag')).toHaveText(['待修正', '待修正', '待修正']);
  // Each bad row is marked at its bad cell, with the value as pasted.
  await expect(pending.locator('.cell-invalid')).toHaveCount(3);
  await expect(pending.nth(0).locator('.cell-invalid')).toHaveAttribute('col-id', 'id_number');
  const amountCell = pending.nth(1).locator('[col-id="amount"]');
  await expect(amountCell).toHaveClass(/cell-invalid/);
  await expect(amountCell).toHaveText('六百');
  await expect(pending.nth(2).locator('.cell-invalid')).toHaveText('2019-02-30');

  // Never dropped: they are still there after a visit to another page.
  await page.getByRole('menuitem', { name: '概览' }).click();
  await page.goBack();
  await expect(pending).toHaveCount(3);
  await expect(pending.locator('.cell-invalid')).toHaveCount(3);

  await amountCell.click();
  await expect(page.locator('.grid-note')).toHaveText('资助金额(元)：应为金额数字，如 1200 或 1200.50');
  await amountCell.dblclick();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('600');
  await page.keyboard.press('Enter');

  await expect(pending).toHaveCount(2);
  await expect(page.locator('.grid-total-count')).toHaveText('共 48 条');
  const stored = await ledger.call('records.list', { ledger: 'student-aid', search: rows[17]![0]! });
  expect(stored.rows.map((r) => r.values)).toMatchObject([{ name: rows[17]![0], amount: 600 }]);
});

test('pasting over more than 20 cells of existing rows asks first, then edits them', async ({ page, ledger }) => {
  const base = { gender: '女', stage: '初中', family_type: '低保', aid_item: '国家助学金', paid_on: '2019-09-10' };
  for (let i = 0; i < 12; i++) {
    await ledger.call('records.create', {
      ledger: 'student-aid',
      values: { ...base, name: `黄诗雨${i}`, id_number: validIdNumber('2006-05-20', 20 + i * 2), amount: 100 },
    });
  }
  await openLedger(page, ledger.url, 'student-aid');
  await expect(tableRows(page)).toHaveCount(12);
  // Rows are newest first: row 1 is 黄诗雨11. Two columns (资助金额, 资金来源) × 11 rows = 22 cells.
  await rowWith(page, '黄诗雨11').locator('[col-id="amount"]').click();
  const block = Array.from({ length: 11 }, (_, i) => `${200 + i}\t县慈善总会`).join('\n');
  await pasteText(page, block);
  const ask = page.getByRole('dialog').filter({ hasText: '粘贴会修改 22 个单元格，继续吗？' });
  await ask.getByRole('button', { name: '取消' }).click();
  await expect(ask).toBeHidden();
  expect((await ledger.call('records.list', { ledger: 'student-aid', search: '县慈善总会' })).total).toBe(0);

  // The question gives the focus back to the cell once it has faded out; a paste before goes nowhere.
  await expect(rowWith(page, '黄诗雨11').locator('[col-id="amount"]')).toBeFocused();
  await pasteText(page, block);
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: '粘贴' }).click();
  await expect(page.locator('.grid-note')).toHaveText('已粘贴：修改 11 条');
  await expect(rowWith(page, '黄诗雨11').locator('[col-id="amount"]')).toHaveText('200.00');
  await expect(rowWith(page, '黄诗雨1').locator('[col-id="fund_source"]')).toHaveText('县慈善总会');
  const all = await ledger.call('records.list', { ledger: 'student-aid', sort: { field: 'id', direction: 'desc' } });
  expect(all.rows.map((r) => r.values.amount)).toEqual([200, 201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 100]);
  expect(all.rows[11]!.values.fund_source).toBeNull();
});

test('a pasted row with a new 家庭类型 waits as 待修正 until the new choice is confirmed', async ({ page, ledger }) => {
  const row = sheetRows()[0]!;
  row[5] = '625';
  await openLedger(page, ledger.url, 'student-aid');
  await page.locator('.records-grid .draft-entry [col-id="name"]').click();
  await pasteText(page, row.join('\t'));

  const pending = page.locator('.records-grid .draft-pending');
  await expect(pending).toHaveCount(1);
  const cell = pending.locator('[col-id="family_type"]');
  await expect(cell).toHaveClass(/cell-invalid/);
  await cell.click();
  await expect(page.locator('.grid-note')).toContainText('“625”不是“家庭类型”已有的选项');
  expect((await ledger.call('records.list', { ledger: 'student-aid' })).total).toBe(0);

  await pending.getByRole('button', { name: '保存' }).click();
  const ask = page.getByRole('dialog').filter({ hasText: '添加新的选项：家庭类型“625”？' });
  await ask.getByRole('button', { name: '添加为新选项' }).click();
  await expect(pending).toHaveCount(0);
  const stored = await ledger.call('records.list', { ledger: 'student-aid' });
  expect(stored.rows.map((r) => r.values.family_type)).toEqual(['625']);
});
