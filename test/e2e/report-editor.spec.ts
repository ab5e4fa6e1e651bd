import fs from 'node:fs';
import type { Page, Route } from '@playwright/test';
import { test, expect, type Ledger } from './fixtures/ledger.js';
import {
  choosePeriod,
  editorMode,
  openReport,
  paragraphStarting,
  previewBody,
  previewFrame,
  promptParagraph,
  templateStarting,
} from './fixtures/reports.js';
import { typeDate } from './fixtures/ui.js';

const SHOTS = '/tmp/ui-shots';
const UNIT = '建始县高坪镇中心小学';
const HALF_YEAR = { type: 'half-year-summary', period: '2019H1' } as const;
const PROBLEMS_HINT = '请补充工作中遇到的困难和问题';

test.use({ ledgerSetup: { unit: UNIT, demoRows: 500 } });
test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

/** The app's own page, without the preview's frame: what the user reads and types in. */
async function pageText(page: Page): Promise<string> {
  return page.locator('#root').innerText();
}

/** The text of the draft's paragraph that was empty with this hint, as the ledger file holds it. */
async function storedPrompt(ledger: Ledger, hint: string): Promise<string | undefined> {
  const draft = await ledger.call('reports.draft', HALF_YEAR);
  const block = draft.content.blocks.find((b) => b.type === 'paragraph' && b.hint === hint);
  return block?.type === 'paragraph' ? block.text : undefined;
}

/** Holds every call of `method` from the page until `release` is called; `held` counts those waiting. */
async function holdCalls(page: Page, method: string): Promise<{ held: () => number; release: () => Promise<void> }> {
  const waiting: Route[] = [];
  let holding = true;
  await page.route(`**/api/${method}`, (route) => (holding ? void waiting.push(route) : route.continue()));
  return {
    held: () => waiting.length,
    release: async () => {
      holding = false;
      for (const route of waiting.splice(0)) await route.continue();
    },
  };
}

/** Holds every draft save until `release` is called: the text stays unsaved as long as the test needs. */
async function holdSaves(page: Page): Promise<() => Promise<void>> {
  return (await holdCalls(page, 'reports.saveDraft')).release;
}

test('the draft reads as it prints: no template marks, figures as chips that open their records', async ({
  page,
  ledger,
}) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 1366, height: 768 },
  ]) {
    await page.setViewportSize(viewport);
    await openReport(page, ledger.url, '半年工作总结', '2019H1');
    const publicity = await paragraphStarting(page, '发布宣传报道');
    await expect(page.locator('iframe[title="报告预览"]')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/report-editor-${viewport.width}.png` });
    const text = await pageText(page);
    expect(text).toContain('发布宣传报道');
    expect(text).not.toContain('{{');
    expect(text).not.toContain('[[');
    await page.getByRole('tab', { name: /^本期数据/ }).click();
    const figuresText = await pageText(page);
    expect(figuresText).not.toContain('{{');
    await page.getByRole('tab', { name: '预览' }).click();

    // The figure in the sentence is its value now, and opens the records it counts.
    const draft = await ledger.call('reports.draft', HALF_YEAR);
    const countyPlus = draft.figures.find((f) => f.key === 'publicity.countyPlus')!;
    expect(countyPlus.recordCount).toBeGreaterThan(1);
    const chip = publicity.locator('[data-figure="publicity.countyPlus"]');
    await expect(chip).toHaveText(countyPlus.text);
    await chip.click();
    const drawer = page.getByRole('dialog', { name: `${countyPlus.label}：${countyPlus.text}${countyPlus.unit}` });
    await expect(drawer).toContainText(`本期计入这项数据的记录共 ${countyPlus.recordCount} 条`);
    await expect(drawer.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(countyPlus.recordCount);
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
  }

  // Only 模板 shows the marks, for the people who change a report type.
  await editorMode(page, '模板');
  expect(await pageText(page)).toContain('{{publicity.countyPlus}}');
  await page.screenshot({ path: `${SHOTS}/report-editor-template.png` });
  expect(errors).toEqual([]);
});

/** Types into the empty 困难和问题 paragraph and gives how long after the last key 已保存 showed. */
async function typeAndTimeSave(page: Page, text: string): Promise<number> {
  const status = page.getByRole('status', { name: '保存状态' });
  await expect(status).toHaveText('已保存');
  await promptParagraph(page, PROBLEMS_HINT).click();
  await page.keyboard.type(text, { delay: 30 });
  const lastKey = Date.now();
  await expect(status).not.toHaveText('已保存');
  await expect(status).toHaveText('已保存', { timeout: 10_000 });
  const ms = Date.now() - lastKey;
  console.log(`saved ${ms} ms after the last key`);
  return ms;
}

// Tagged @latency: runs after the other tests, alone (playwright.config.ts).
test(
  'typed text is saved within 2 s of the last key, without asking, and is there after a reload',
  { tag: '@latency' },
  async ({ page, ledger }) => {
    await openReport(page, ledger.url, '半年工作总结', '2019H1');
    expect(await typeAndTimeSave(page, '部分村小音体美教师缺编。')).toBeLessThan(2000);
    expect(await storedPrompt(ledger, PROBLEMS_HINT)).toBe('部分村小音体美教师缺编。');
    await page.screenshot({ path: `${SHOTS}/report-editor-saved.png` });

    await page.reload();
    await expect(promptParagraph(page, PROBLEMS_HINT)).toHaveText('部分村小音体美教师缺编。');
  },
);

test('going to another page with text not yet saved asks first, and saves it when told to', async ({
  page,
  ledger,
}) => {
  await openReport(page, ledger.url, '半年工作总结', '2019H1');
  const release = await holdSaves(page);
  await promptParagraph(page, PROBLEMS_HINT).fill('寄宿制学校生活教师不足。');
  await expect(page.getByRole('status', { name: '保存状态' })).toHaveText('正在保存…');

  await page.getByRole('menuitem', { name: '台账', exact: true }).click();
  const asking = page.getByRole('dialog').filter({ hasText: '报告草稿还有未保存的修改' });
  await expect(asking).toBeVisible();
  await expect(asking.getByRole('button', { name: '留在本页' })).toBeInViewport();
  await page.screenshot({ path: `${SHOTS}/report-editor-leave.png`, animations: 'disabled' });
  await asking.getByRole('button', { name: '留在本页' }).click();
  await expect(asking).toBeHidden();
  expect(new URL(page.url()).hash).toBe('#/reports');
  await expect(promptParagraph(page, PROBLEMS_HINT)).toHaveText('寄宿制学校生活教师不足。');

  await page.getByRole('menuitem', { name: '台账', exact: true }).click();
  await expect(asking).toBeVisible();
  await asking.getByRole('button', { name: '保存并离开' }).click();
  // Still here while the save is held; gone once it is written.
  await expect(page.getByRole('heading', { name: '报送材料' })).toBeVisible();
  await release();
  await expect(page).toHaveURL(/#\/ledgers$/);
  expect(await storedPrompt(ledger, PROBLEMS_HINT)).toBe('寄宿制学校生活教师不足。');
});

test('closing the window with text not yet saved asks first', async ({ page, ledger }) => {
  await openReport(page, ledger.url, '半年工作总结', '2019H1');
  const release = await holdSaves(page);
  await promptParagraph(page, PROBLEMS_HINT).click();
  await page.keyboard.type('课程开设不足。');
  // The editor has taken the text in: a close within a frame of the last key found nothing unsaved.
  await expect(page.getByRole('status', { name: '保存状态' })).not.toHaveText('已保存');
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  expect(page.isClosed()).toBe(false);
  await release();
  await expect(page.getByRole('status', { name: '保存状态' })).toHaveText('已保存');
  // Saved: closing no longer asks.
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
});

test('the first time, the report opens on the latest half-year that has records to report', async ({
  page,
  ledger,
}) => {
  // Of the ledgers reports count: 项目 records are planned into the next year.
  const { figures } = await ledger.call('reports.types', {});
  const counted = new Set(figures.map((f) => f.ledger));
  const ledgers = await ledger.call('ledgers.list', {});
  let latest = '';
  for (const l of ledgers.filter((l) => l.count > 0 && counted.has(l.key))) {
    const page1 = await ledger.call('records.list', {
      ledger: l.key,
      sort: { field: 'recordDate', direction: 'desc' },
      pageSize: 1,
    });
    if (page1.rows[0] && page1.rows[0].recordDate > latest) latest = page1.rows[0].recordDate;
  }
  expect(latest.slice(0, 4)).toBe('2019');
  const expected = `${latest.slice(0, 4)}H${Number(latest.slice(5, 7)) <= 6 ? 1 : 2}`;

  await page.goto(ledger.url);
  await page.getByRole('menuitem', { name: '报送', exact: true }).click();
  await expect(page.getByLabel('期间', { exact: true })).toHaveValue(expected);
  await expect(page.getByRole('textbox', { name: '段落文字' }).first()).toBeVisible();
  const draft = await ledger.call('reports.draft', { type: 'half-year-summary', period: expected });
  expect(draft.figures.some((f) => f.ledger !== null && f.recordCount > 0)).toBe(true);
});

/**
 * Opens 报送 with the lookup of the latest record held until `release` is called: on a large ledger
 * that lookup takes a while, and the user can be in the period box before it answers.
 */
async function openReportsLookingUp(page: Page, url: string): Promise<() => Promise<void>> {
  const lookup = await holdCalls(page, 'records.list');
  await page.goto(url);
  await page.getByRole('menuitem', { name: '报送', exact: true }).click();
  await expect.poll(lookup.held).toBeGreaterThan(0);
  return lookup.release;
}

test('a period typed while the latest half-year is still being looked up is kept, not replaced by it', async ({
  page,
  ledger,
}) => {
  const release = await openReportsLookingUp(page, ledger.url);
  const box = page.getByLabel('期间', { exact: true });
  await box.fill('2019H1');
  await release();
  // The default (the half-year of the latest record, 2019H2 here) has arrived under the typing.
  await expect(page.getByText('2019年下半年：2019-07-01 至 2019-12-31')).toBeVisible();
  await expect(box).toHaveValue('2019H1');
  await box.press('Enter');
  await expect(page.getByText('2019年上半年：2019-01-01 至 2019-06-30')).toBeVisible();
  await expect(page.getByRole('textbox', { name: '段落文字' }).first()).toBeVisible();
  await expect(box).toHaveValue('2019H1');
});

test('the latest half-year found while the user is in the empty period box does not go under the cursor', async ({
  page,
  ledger,
}) => {
  const release = await openReportsLookingUp(page, ledger.url);
  const box = page.getByLabel('期间', { exact: true });
  await box.click();
  await release();
  // The default (2019H2 here) is the page's period now, and the box is left as the user has it.
  await expect(page.getByText('2019年下半年：2019-07-01 至 2019-12-31')).toBeVisible();
  await page.keyboard.type('2019H1');
  await expect(box).toHaveValue('2019H1');
  await box.press('Enter');
  await expect(page.getByText('2019年上半年：2019-01-01 至 2019-06-30')).toBeVisible();
  await expect(box).toHaveValue('2019H1');
});

test('a required section with nothing to print keeps 下载 Word off and says which section', async ({
  page,
  ledger,
}) => {
  await openReport(page, ledger.url, '半年工作总结', '2015');
  const download = page.getByRole('button', { name: '下载 Word' });
  const waiting = page.getByRole('alert').filter({ hasText: '部分尚待补充' });
  await expect(waiting).toContainText('存在的困难和问题');
  await expect(download).toBeDisabled();
  const prompts = page.locator('.report-block-prompt [role="textbox"]');
  expect(await prompts.count()).toBeGreaterThan(0);
  await page.screenshot({ path: `${SHOTS}/report-editor-prompts.png` });
  // Each written prompt stops being one, so the first left is written until none is.
  for (let left = await prompts.count(); left > 0; left = await prompts.count()) {
    await prompts.first().fill('本期暂无。');
    await expect(prompts).toHaveCount(left - 1);
  }
  await expect(waiting).toBeHidden({ timeout: 15_000 });
  await expect(download).toBeEnabled();
});

test('Enter splits a paragraph at the cursor, Backspace at its start joins it back, a figure goes in at the cursor', async ({
  page,
  ledger,
}) => {
  await openReport(page, ledger.url, '半年工作总结', '2019H1');
  const draft = await ledger.call('reports.draft', HALF_YEAR);
  const total = draft.figures.find((f) => f.key === 'publicity.total')!;
  const publicity = await paragraphStarting(page, '发布宣传报道');
  const printed = (await publicity.textContent())!;
  await publicity.click({ position: { x: 4, y: 4 } });
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('下半年将继续加强宣传，全年计划发布');
  const added = await paragraphStarting(page, '下半年将继续加强宣传');
  await expect(publicity).toHaveText(printed);

  const block = page.locator('.report-block-paragraph').filter({ hasText: '下半年将继续加强宣传' });
  // Found by typing part of its name, as in a list of sixty.
  await block.getByLabel('插入数据项', { exact: true }).click();
  await page.keyboard.type(total.label);
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
    .getByTitle(`${total.label}（${total.unit}）`, { exact: true })
    .click();
  await expect(added.locator('[data-figure="publicity.total"]')).toHaveText(total.text);
  await added.click({ position: { x: 4, y: 4 } });
  await page.keyboard.press('Control+End');
  await page.keyboard.type('条以上。');
  await expect(added).toHaveText(`下半年将继续加强宣传，全年计划发布${total.text}条以上。`);
  await expect(previewBody(page).filter({ hasText: '下半年将继续加强宣传' })).toHaveText(
    `下半年将继续加强宣传，全年计划发布${total.text}条以上。`,
  );

  await editorMode(page, '模板');
  const template = await templateStarting(page, '下半年将继续加强宣传');
  await expect(template).toHaveValue('下半年将继续加强宣传，全年计划发布{{publicity.total}}条以上。');
  const original = draft.content.blocks.find((b) => b.type === 'paragraph' && b.text.startsWith('发布宣传报道'));
  await expect(await templateStarting(page, '发布宣传报道')).toHaveValue(
    original?.type === 'paragraph' ? original.text : '',
  );

  // Backspace at the start of a paragraph joins it to the one before, the cursor where they meet.
  await editorMode(page, '正文');
  const paragraphs = page.getByRole('textbox', { name: '段落文字', exact: true });
  const count = await paragraphs.count();
  await (await paragraphStarting(page, '下半年将继续加强宣传')).click({ position: { x: 4, y: 4 } });
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Backspace');
  await expect(paragraphs).toHaveCount(count - 1);
  await page.keyboard.type('此外，');
  await expect(await paragraphStarting(page, '发布宣传报道')).toHaveText(
    `${printed}此外，下半年将继续加强宣传，全年计划发布${total.text}条以上。`,
  );
});

test('主送机关, 成文日期 and 加盖印章 are set in the editor, printed and kept', async ({ page, ledger }) => {
  await openReport(page, ledger.url, '半年工作总结', '2019H1');
  const addressee = page.getByLabel('主送机关', { exact: true });
  await addressee.fill('县扶贫办、杭州市滨江区教育局');
  await typeDate(page.locator('.report-editor'), '成文日期', '2019-07-10');
  const seal = page.getByRole('switch', { name: '加盖印章' });
  await seal.click();
  await expect(seal).toBeChecked();
  const preview = previewFrame(page).locator('body');
  await expect(preview).toContainText('县扶贫办、杭州市滨江区教育局：');
  await expect(preview).toContainText('2019年7月10日');
  await expect(page.getByRole('status', { name: '保存状态' })).toHaveText('已保存');
  await page.screenshot({ path: `${SHOTS}/report-editor-closing.png` });

  const { content } = await ledger.call('reports.draft', HALF_YEAR);
  expect(content.addressee).toBe('县扶贫办、杭州市滨江区教育局');
  expect(content.signatureDate).toBe('2019-07-10');
  expect(content.sealed).toBe(true);
  await page.reload();
  await expect(addressee).toHaveValue('县扶贫办、杭州市滨江区教育局');
  await expect(page.getByLabel('成文日期', { exact: true })).toHaveValue('2019-07-10');
  await expect(seal).toBeChecked();
});

test('text typed just before another period is chosen is saved with the draft it was typed in', async ({
  page,
  ledger,
}) => {
  await openReport(page, ledger.url, '半年工作总结', '2019H1');
  const release = await holdSaves(page);
  await promptParagraph(page, PROBLEMS_HINT).fill('部分学校寄宿条件仍较差。');
  await choosePeriod(page, '半年工作总结', '2019H2');
  await expect(page.getByLabel('期间', { exact: true })).toHaveValue('2019H2');
  await release();
  await expect.poll(() => storedPrompt(ledger, PROBLEMS_HINT)).toBe('部分学校寄宿条件仍较差。');
  await expect(promptParagraph(page, PROBLEMS_HINT)).toHaveText('');

  await choosePeriod(page, '半年工作总结', '2019H1');
  await expect(promptParagraph(page, PROBLEMS_HINT)).toHaveText('部分学校寄宿条件仍较差。');
});

test.describe('on a ledger of 200,000 aid records', () => {
  test.use({ ledgerSetup: { unit: UNIT, demoRows: 200_000 } });

  // Tagged @latency: runs after the other tests, alone (playwright.config.ts).
  test('typed text is saved within 2 s of the last key there too', { tag: '@latency' }, async ({ page, ledger }) => {
    test.setTimeout(120_000);
    await openReport(page, ledger.url, '半年工作总结', '2019H1');
    await expect(page.getByRole('textbox', { name: '段落文字' }).first()).toBeVisible({ timeout: 60_000 });
    expect(await typeAndTimeSave(page, '寄宿制学校生活教师不足。')).toBeLessThan(2000);
    expect(await storedPrompt(ledger, PROBLEMS_HINT)).toBe('寄宿制学校生活教师不足。');
  });
});
