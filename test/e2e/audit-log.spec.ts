import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures/ledger.js';
import { chooseOption, openLedger, recordDialog, rowWith, SAMPLE_STUDENT } from './fixtures/ui.js';

/*
 * The tests run as a fresh installation: its own settings folder (TAIZHANG_HOME) holding no name, and
 * no TAIZHANG_OPERATOR, so the page asks. Set before any test's host starts (hooks of the file run
 * before the fixtures of each test), and the first test is the first open.
 */
const saved = { home: process.env.TAIZHANG_HOME, operator: process.env.TAIZHANG_OPERATOR };
let installation: string;

test.beforeAll(() => {
  installation = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-home-'));
  process.env.TAIZHANG_HOME = installation;
  delete process.env.TAIZHANG_OPERATOR;
});

test.afterAll(() => {
  for (const [name, value] of [
    ['TAIZHANG_HOME', saved.home],
    ['TAIZHANG_OPERATOR', saved.operator],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  fs.rmSync(installation, { recursive: true, force: true });
});

const SHOTS = 'test-results/audit-log';

test('the first open asks the name, the top bar shows it, and an edit reads back as 字段：旧值 → 新值', async ({
  page,
  ledger,
}) => {
  await ledger.call('records.create', { ledger: 'student-aid', values: SAMPLE_STUDENT });
  await page.goto(`${ledger.url}#/ledgers/student-aid`);
  const ask = page.getByRole('dialog', { name: '您的姓名' });
  await expect(ask).toContainText('请输入您的姓名，它将记入每一条修改记录');
  await ask.getByRole('button', { name: '确定' }).click();
  await expect(ask.getByText('请输入您的姓名', { exact: true })).toBeVisible();
  await ask.getByLabel('姓名').fill('周晓梅');
  await page.screenshot({ path: `${SHOTS}/ask-name.png` });
  await ask.getByRole('button', { name: '确定' }).click();
  await expect(ask).toBeHidden();
  await expect(page.getByTestId('current-operator')).toHaveText('周晓梅');
  expect(JSON.parse(fs.readFileSync(path.join(installation, 'operator.json'), 'utf8'))).toEqual({ name: '周晓梅' });

  await rowWith(page, '杨晓东').getByRole('button', { name: '编辑' }).click();
  const form = recordDialog(page);
  await form.getByLabel('资助金额(元)').fill('1250.5');
  await form.getByLabel('年级班级').fill('高一（3）班');
  await form.getByRole('button', { name: '保存', exact: true }).click();
  await expect(form).toBeHidden();

  await rowWith(page, '杨晓东').getByRole('button', { name: '修改记录' }).click();
  const drawer = page.getByRole('dialog', { name: '修改记录：杨晓东' });
  await expect(drawer).toContainText('修改了 2 个字段');
  await expect(drawer.getByText('资助金额(元)：1000.00 → 1250.50')).toBeVisible();
  await expect(drawer.getByText('年级班级：（空） → 高一（3）班')).toBeVisible();
  await expect(drawer).toContainText('周晓梅');
  await page.screenshot({ path: `${SHOTS}/history-drawer.png` });

  // The name is kept: opening the page again asks nothing.
  await page.reload();
  await expect(page.getByTestId('current-operator')).toHaveText('周晓梅');
  await expect(page.getByRole('dialog', { name: '您的姓名' })).toHaveCount(0);
});

test('the ledger log lists the changes newest first and filters them by operator', async ({ page, ledger }) => {
  const created = await ledger.call('records.create', { ledger: 'student-aid', values: SAMPLE_STUDENT });
  await ledger.call('operator.set', { name: '李会计' });
  await ledger.call('records.update', { id: created.id, values: { ...SAMPLE_STUDENT, amount: 1500 } });
  await ledger.call('operator.set', { name: '周晓梅' });
  await ledger.call('records.update', { id: created.id, values: { ...SAMPLE_STUDENT, amount: 1600 } });

  await openLedger(page, ledger.url, 'student-aid');
  await page.getByRole('link', { name: '修改日志' }).click();
  await expect(page.getByRole('heading', { name: '学生资助台账 · 修改日志' })).toBeVisible();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.first()).toContainText('资助金额(元)：1500.00 → 1600.00');
  await expect(rows.first()).toContainText('周晓梅');
  await page.screenshot({ path: `${SHOTS}/ledger-log.png`, fullPage: true });

  await chooseOption(page.locator('body'), '操作人', '李会计');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('资助金额(元)：1000.00 → 1500.00');
  await expect(rows.first()).toContainText('杨晓东（编号');
  await page.screenshot({ path: `${SHOTS}/ledger-log-filtered.png`, fullPage: true });
});
