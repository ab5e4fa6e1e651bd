import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures/ledger.js';

test.use({ ledgerSetup: { unit: '建始县高坪镇中心小学', demoRows: 120 } });

test('a submission made from 报送记录 is listed there, its files check out, and it locks the period until unlocked', async ({
  page,
  ledger,
}) => {
  // The name every audit row and submission carries, asked once per installation.
  await ledger.call('operator.set', { name: '张老师' });
  await page.goto(ledger.url);
  await page.getByRole('navigation', { name: '主导航' }).getByText('报送记录').click();
  await expect(page.getByRole('heading', { name: '报送记录' })).toBeVisible();
  await expect(page.getByText('还没有报送记录')).toBeVisible();

  const out = path.join(path.dirname(ledger.file), '台账报送');
  await page.getByLabel('期间').fill('2019H1');
  await expect(page.getByText('2019年上半年（2019-01-01 至 2019-06-30）')).toBeVisible();
  await page.getByLabel('报送的台账').click();
  await page
    .locator('.ant-select-item-option')
    .filter({ hasText: /^学生资助台账/ })
    .click();
  await page.keyboard.press('Escape');
  await page.getByLabel('同时生成的报告').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '半年工作总结' }).click();
  await page.keyboard.press('Escape');
  await page.getByLabel('保存到文件夹').fill(out);
  await page.getByRole('button', { name: '生成并报送' }).click();

  await expect(page.getByTestId('submission-made')).toContainText('已报送 #1：2019年上半年，2 个表格和报告文件');
  const folder = path.join(out, '报送1-2019年上半年-建始县高坪镇中心小学');
  expect(fs.readdirSync(folder).sort()).toEqual([
    '2019年上半年-学生资助台账-建始县高坪镇中心小学.xlsx',
    'manifest.json',
    '建始县高坪镇中心小学2019年上半年教育扶贫工作总结.docx',
  ]);
  expect(fs.existsSync(`${folder}.zip`)).toBe(true);

  const table = page.getByRole('table', { name: '报送记录' });
  const row = table.getByRole('row').filter({ hasText: '#1' });
  await expect(row).toContainText('2019年上半年');
  await expect(row).toContainText(/学生资助台账（\d+ 条）/);
  await expect(row).toContainText('半年工作总结');
  await expect(row).toContainText('已锁定');
  await expect(row).toContainText('张老师');
  await row.getByRole('button', { name: '核对' }).click();
  await expect(row).toContainText('4 个文件一致');
  await page.screenshot({ path: test.info().outputPath('submissions-list.png'), fullPage: true });

  // The locked period refuses an edit through the same API the ledger page uses, naming the submission.
  const { rows } = await ledger.call('records.list', { ledger: 'student-aid', period: '2019H1', pageSize: 1 });
  const record = rows[0]!;
  await expect(ledger.call('records.delete', { id: record.id })).rejects.toThrow(
    /2019年上半年的学生资助台账已于 \d{4}-\d{2}-\d{2} 报送（报送 #1），如需修改请先解锁/,
  );

  // Its files open again from the page (a download in the browser).
  await row.getByRole('button', { name: '展开行' }).click();
  await expect(page.getByText(`文件夹：${folder}`)).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'manifest.json' }).click();
  const saved = await (await download).path();
  expect(JSON.parse(fs.readFileSync(saved, 'utf8'))).toMatchObject({ submission: 1, period: { code: '2019H1' } });

  // A changed file is named by the check.
  fs.appendFileSync(path.join(folder, '2019年上半年-学生资助台账-建始县高坪镇中心小学.xlsx'), 'x');
  await row.getByRole('button', { name: '核对' }).click();
  await expect(row).toContainText('1 个文件不符');
  await expect(row).toContainText(
    '报送 #1（2019年上半年）的文件“2019年上半年-学生资助台账-建始县高坪镇中心小学.xlsx”已被改动',
  );

  await row.getByRole('button', { name: '解锁' }).click();
  const dialog = page.getByRole('dialog', { name: '解锁报送 #1' });
  // antd spaces out a two-character button label: 解 锁.
  const confirm = dialog.getByRole('button', { name: /^解\s?锁$/ });
  await confirm.click();
  await expect(dialog.getByText('请写明解锁原因')).toBeVisible();
  await dialog.getByLabel('解锁原因').fill('教育局退回，更正发放金额');
  await confirm.click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('已解锁');
  await page.screenshot({ path: test.info().outputPath('submissions-unlocked.png'), fullPage: true });
  await ledger.call('records.delete', { id: record.id });
});
