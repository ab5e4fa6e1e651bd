import { test, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { runCli, startHost, type RunningHost } from './fixtures/host.js';
import { openLedger, recordDialog, rowWith } from './fixtures/ui.js';

/** A real PNG of width × height in one colour, so the page has something to draw. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([200, 40, 40]))]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function callHost(host: RunningHost, method: string, input: unknown): Promise<unknown> {
  const response = await fetch(`${host.url}api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error!.message}`);
  return result.value;
}

/** Opens the host's printed link, as a user does after each start, then the activity ledger. */
async function openActivities(page: Page, host: RunningHost): Promise<void> {
  await page.goto(`${host.url}#token=${host.token}`);
  // The page is drawn, its token taken, before the address changes again: a CI run once moved to
  // the ledger while the page was still starting and stayed on 概览.
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await openLedger(page, host.url, 'activity');
}

let dir: string;
let file: string;
let photo: string;
test.beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-e2e-'));
  file = path.join(dir, 'ledger.db');
  photo = path.join(dir, '扶贫日合影.png');
  fs.writeFileSync(photo, png(64, 48));
  runCli(['init', '--db', file, '--unit', '建始县高坪镇中心小学']);
});
test.afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a photo attached from the form keeps its thumbnail across a restart and goes after confirming', async ({
  page,
}) => {
  let host = await startHost(file);
  try {
    await callHost(host, 'records.create', {
      ledger: 'activity',
      values: {
        title: '扶贫日文艺演出',
        activity_date: '2019-10-17',
        activity_type: '扶贫日',
        organizer: '建始县教育局',
      },
    });
    await openActivities(page, host);

    await page.getByRole('button', { name: '新增记录' }).click();
    await expect(recordDialog(page).getByRole('group', { name: '图文资料' })).toHaveCount(0);
    await expect(recordDialog(page).getByText('保存记录后可添加附件')).toBeVisible();
    await recordDialog(page).getByRole('button', { name: '取消' }).click();

    await rowWith(page, '扶贫日文艺演出').getByRole('button', { name: '编辑' }).click();
    const evidence = recordDialog(page).getByRole('group', { name: '图文资料' });
    await expect(evidence.getByText('（还没有附件）')).toBeVisible();
    const chooser = page.waitForEvent('filechooser');
    await evidence.getByRole('button', { name: '添加文件' }).click();
    await (await chooser).setFiles(photo);
    const thumbnail = evidence.getByRole('img', { name: '扶贫日合影.png' });
    await expect(thumbnail).toBeVisible();
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
    expect(await thumbnail.getAttribute('src')).toMatch(/^blob:/);

    // A file dropped onto the field is attached the same way; a document gets an icon, not a picture.
    const dropped = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['活动方案正文'], '活动方案.docx'));
      return transfer;
    });
    await evidence.dispatchEvent('dragover', { dataTransfer: dropped });
    await evidence.dispatchEvent('drop', { dataTransfer: dropped });
    await expect(evidence.getByTestId('evidence-tile')).toHaveCount(2);
    await expect(evidence.getByTestId('evidence-tile').nth(1)).toContainText('活动方案.docx');
    await expect(evidence.getByTestId('evidence-tile').nth(1).locator('img')).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('evidence-form.png') });
    await recordDialog(page).getByRole('button', { name: '取消' }).click();
    const count = rowWith(page, '扶贫日文艺演出').getByRole('gridcell', { name: '2 个文件', exact: true });
    await count.scrollIntoViewIfNeeded();
    await expect(count).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('evidence-table.png') });

    await host.stop();
    host = await startHost(file);
    await openActivities(page, host);
    await rowWith(page, '扶贫日文艺演出').getByRole('button', { name: '编辑' }).click();
    const reopened = recordDialog(page).getByRole('group', { name: '图文资料' });
    const again = reopened.getByRole('img', { name: '扶贫日合影.png' });
    await expect.poll(() => again.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);

    await reopened.getByRole('button', { name: '删除“扶贫日合影.png”' }).click();
    await expect(page.getByText('确定移除这个附件？移除会记入修改记录')).toBeVisible();
    // The question's opening animation is taken to its end for the picture, not waited out.
    await page.screenshot({ path: test.info().outputPath('evidence-remove.png'), animations: 'disabled' });
    await page.getByRole('button', { name: '移除' }).click();
    await expect(reopened.getByRole('img', { name: '扶贫日合影.png' })).toHaveCount(0);
    await expect(reopened.getByTestId('evidence-tile')).toHaveCount(1);

    const records = (await callHost(host, 'records.list', { ledger: 'activity' })) as { rows: Array<{ id: number }> };
    const left = (await callHost(host, 'attachments.list', { recordId: records.rows[0]!.id })) as Array<{
      name: string;
    }>;
    expect(left.map((a) => a.name)).toEqual(['活动方案.docx']);
    const history = (await callHost(host, 'records.history', { id: records.rows[0]!.id })) as Array<{ action: string }>;
    expect(history.map((h) => h.action)).toEqual(expect.arrayContaining(['attach', 'detach']));
  } finally {
    await host.stop();
  }
});
