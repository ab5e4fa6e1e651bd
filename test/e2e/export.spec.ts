import fs from 'node:fs';
import type { Download, Page } from '@playwright/test';
import XLSX from 'xlsx';
import { expect, test } from './fixtures/ledger.js';
import { openLedger } from './fixtures/ui.js';

const UNIT = '建始县高坪镇中心小学';
const SHOTS = '/tmp/ui-shots';

type Row = Array<string | number | undefined>;

/** Every sheet of a downloaded workbook, read back with SheetJS, as rows of cell values. */
function readSheets(file: string): Map<string, Row[]> {
  const book = XLSX.read(fs.readFileSync(file));
  return new Map(
    book.SheetNames.map((name) => [name, XLSX.utils.sheet_to_json<Row>(book.Sheets[name]!, { header: 1, raw: true })]),
  );
}

/** The data rows of an attachment table: those whose first cell is a 序号. */
function dataRows(rows: Row[]): Row[] {
  return rows.filter((row) => typeof row[0] === 'number');
}

async function setPeriod(page: Page, period: string, note: string): Promise<void> {
  const input = page.getByLabel('期间', { exact: true });
  await input.fill(period);
  await input.press('Enter');
  await expect(page.getByText(note)).toBeVisible();
}

async function saved(download: Download, name: string): Promise<string> {
  const file = test.info().outputPath(name);
  await download.saveAs(file);
  return file;
}

test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

test.describe('exporting a ledger from its page', () => {
  test.use({ ledgerSetup: { unit: UNIT, demoRows: 2000 } });

  test('downloads the period on screen as an attachment table', async ({ page, ledger }) => {
    const definition = await ledger.call('ledgers.get', { key: 'student-aid' });
    const expected = await ledger.call('records.list', { ledger: 'student-aid', period: '2019H1', pageSize: 1 });
    expect(expected.total).toBeGreaterThan(500);

    await openLedger(page, ledger.url, 'student-aid');
    await setPeriod(page, '2019H1', '2019年上半年：2019-01-01 至 2019-06-30');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const dialog = page.getByRole('dialog', { name: '导出 Excel：学生资助台账' });
    await expect(dialog.getByLabel('表格标题')).toHaveValue(`2019年上半年${UNIT}学生资助台账`);
    await expect(dialog.getByText('2019年上半年（2019-01-01 至 2019-06-30）')).toBeVisible();
    await expect(dialog.getByText(`${expected.total.toLocaleString('zh-CN')} 条记录`)).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/export-dialog.png`, animations: 'disabled' });

    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: '开始导出' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`2019年上半年-学生资助台账-${UNIT}.xlsx`);
    await expect(
      dialog.getByText(`已开始下载“2019年上半年-学生资助台账-${UNIT}.xlsx”`, { exact: false }),
    ).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/export-downloaded.png`, animations: 'disabled' });

    const sheets = readSheets(await saved(download, 'export.xlsx'));
    expect([...sheets.keys()]).toEqual(['学生资助台账']);
    const rows = sheets.get('学生资助台账')!;
    expect(rows[0]![0]).toBe(`2019年上半年${UNIT}学生资助台账`);
    expect(rows[2]).toEqual(['序号', ...definition.fields.map((f) => f.label)]);
    const data = dataRows(rows);
    expect(data).toHaveLength(expected.total);
    expect(data.map((row) => row[0])).toEqual(Array.from({ length: expected.total }, (_, i) => i + 1));
  });

  test('bundles ledgers with an edited title, 附件 number and masked ID numbers', async ({ page, ledger }) => {
    const procurement = await ledger.call('records.list', { ledger: 'procurement', period: '2019-05', pageSize: 1 });
    const aid = await ledger.call('records.list', { ledger: 'student-aid', period: '2019-05', pageSize: 1 });

    await openLedger(page, ledger.url, 'student-aid');
    await setPeriod(page, '2019-05', '2019年5月：2019-05-01 至 2019-05-31');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const dialog = page.getByRole('dialog', { name: '导出 Excel：学生资助台账' });
    await dialog.getByLabel('表格标题').fill('2019年5月公益助学资助公示名单');
    await dialog.getByLabel('附件编号').fill('2');
    await dialog.getByRole('checkbox', { name: '隐藏身份证号和电话的中间几位' }).check();
    await dialog.getByRole('checkbox', { name: /合并为报送包/ }).check();
    await expect(dialog.getByText('合并为报送包时，请至少再选择一个台账')).toBeVisible();
    await expect(dialog.getByRole('button', { name: '开始导出' })).toBeDisabled();
    // Typed and picked with Enter: a click can land while the list is still moving into place.
    const others = dialog.getByLabel('同时导出的台账');
    const list = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await others.pressSequentially('校农结合');
    await expect(list.getByTitle('校农结合采购台账', { exact: true })).toBeVisible();
    await others.press('Enter');
    await dialog.getByText('导出 Excel：学生资助台账', { exact: true }).click();
    await expect(list).toHaveCount(0);
    await expect(dialog.locator('.ant-select-selection-item')).toHaveText(['校农结合采购台账']);
    await page.screenshot({ path: `${SHOTS}/export-bundle.png`, animations: 'disabled' });

    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: '开始导出' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`2019年5月-报送材料-${UNIT}.xlsx`);

    const sheets = readSheets(await saved(download, 'bundle.xlsx'));
    expect([...sheets.keys()]).toEqual(['学生资助台账', '校农结合采购台账']);
    const first = sheets.get('学生资助台账')!;
    expect(first[0]![0]).toBe('附件2');
    expect(first[1]![0]).toBe('2019年5月公益助学资助公示名单');
    const idColumn = first[3]!.indexOf('身份证号');
    const ids = dataRows(first).map((row) => String(row[idColumn]));
    expect(ids).toHaveLength(aid.total);
    for (const id of ids) expect(id).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    const second = sheets.get('校农结合采购台账')!;
    expect(second[0]![0]).toBe('附件3');
    expect(second[1]![0]).toBe(`2019年5月${UNIT}校农结合采购台账`);
    expect(dataRows(second)).toHaveLength(procurement.total);
  });
});

test.describe('a large export', () => {
  test.use({ ledgerSetup: { unit: UNIT, demoRows: 50_000 } });

  test('cancelled while it runs, shows 已取消 and downloads nothing', async ({ page, ledger }) => {
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await openLedger(page, ledger.url, 'student-aid');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const dialog = page.getByRole('dialog', { name: '导出 Excel：学生资助台账' });
    await expect(dialog.getByText('50,000 条记录')).toBeVisible();

    const started = page.waitForResponse((r) => r.url().endsWith('/api/export.start'));
    await dialog.getByRole('button', { name: '开始导出' }).click();
    const { value } = (await (await started).json()) as { value: { jobId: string } };
    await expect(dialog.getByText(/已写入 [\d,]+ \/ 50,000 行/)).toBeVisible();
    const bar = dialog.getByRole('progressbar');
    await expect(bar).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/export-progress.png`, animations: 'disabled' });
    await dialog.getByRole('button', { name: '取消' }).click();

    await expect(dialog.getByText('已取消', { exact: true })).toBeVisible();
    await expect(dialog.getByText('导出已取消，未生成文件')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/export-cancelled.png`, animations: 'disabled' });
    const status = await ledger.call('export.status', { jobId: value.jobId });
    expect(status.state).toBe('cancelled');
    expect(status.written).toBeLessThan(50_000);
    // Long enough for a finished export to have been delivered, had the cancel not stopped it.
    await page.waitForTimeout(3000);
    expect(downloads).toEqual([]);
    expect(await ledger.call('export.status', { jobId: value.jobId })).toMatchObject({ state: 'cancelled' });
  });
});
