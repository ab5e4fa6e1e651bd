import type { Page, Response } from '@playwright/test';
import { test, expect } from './fixtures/ledger.js';
import { TOKEN_STORAGE_KEY } from '../../renderer/src/session-token.js';

const INSTRUCTION = '请用启动时打印的链接打开台账归档';

/** Every /api/ answer the page got, by status. */
function apiStatuses(page: Page): number[] {
  const statuses: number[] = [];
  page.on('response', (r: Response) => {
    if (new URL(r.url()).pathname.startsWith('/api/')) statuses.push(r.status());
  });
  return statuses;
}

test('the printed link opens the app, and the token leaves the address bar', async ({ context, ledger }) => {
  // A page of its own: the fixture's page already holds the token.
  const page = await context.newPage();
  const statuses = apiStatuses(page);
  await page.goto(`${ledger.url}#token=${ledger.token}`);
  await expect(page.getByTestId('current-unit')).toHaveText('建始县高坪镇中心小学');
  expect(page.url()).toBe(`${ledger.url}#/`);
  expect(page.url()).not.toContain(ledger.token);
  expect(await page.evaluate((key) => sessionStorage.getItem(key), TOKEN_STORAGE_KEY)).toBe(ledger.token);

  // The tab keeps it: a reload or another page of the app needs no new link.
  await page.goto(`${ledger.url}#/ledgers/student-aid`);
  await expect(page.getByRole('button', { name: '新增记录' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: '新增记录' })).toBeVisible();
  expect(statuses.length).toBeGreaterThan(0);
  expect(statuses.filter((s) => s !== 200)).toEqual([]);
});

test('opened without the token, the page says to open the printed link, and shows no data', async ({
  context,
  ledger,
}) => {
  const page = await context.newPage();
  const statuses = apiStatuses(page);
  await page.goto(`${ledger.url}#/ledgers/student-aid`);
  await expect(page.getByText(INSTRUCTION)).toBeVisible();
  await expect(page.getByText('taizhang serve')).toBeVisible();
  await expect(page.getByRole('navigation', { name: '主导航' })).toHaveCount(0);
  await expect(page.getByText('建始县高坪镇中心小学')).toHaveCount(0);
  expect(statuses.filter((s) => s === 200)).toEqual([]);
});

test('a wrong or stale token gets the same instruction', async ({ context, ledger }) => {
  const page = await context.newPage();
  const statuses = apiStatuses(page);
  await page.goto(`${ledger.url}#token=${'A'.repeat(43)}`);
  await expect(page.getByText(INSTRUCTION)).toBeVisible();
  await expect(page.getByText('建始县高坪镇中心小学')).toHaveCount(0);
  expect(statuses.length).toBeGreaterThan(0);
  expect(statuses.filter((s) => s !== 401)).toEqual([]);
  expect(await page.evaluate((key) => sessionStorage.getItem(key), TOKEN_STORAGE_KEY)).toBeNull();
});

test('the host never writes the token to its error log', async ({ page, ledger }) => {
  await page.goto(ledger.url);
  await expect(page.getByTestId('current-unit')).toHaveText('建始县高坪镇中心小学');
  expect(ledger.stderr()).not.toContain(ledger.token);
});
