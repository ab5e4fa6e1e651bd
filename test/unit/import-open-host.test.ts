import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../main/host/server.js';
import { countRecords } from '../../main/store/record-query.js';
import { tempDir, tempStore, type TempStore } from '../helpers/temp-store.js';
import { httpRequest } from '../helpers/http.js';
import { buildXlsx } from './import-xlsx-fixtures.js';

/*
 * import.open through the real browser host: the workbook crosses the wire once, then previews,
 * an import and the rejected-rows download name it by its id. Bytes are counted as the host
 * receives them, through a relay in front of it.
 */

const ROWS = 2000;

let store: TempStore;
let host: BrowserHost;
let relay: net.Server;
let relayPort: number;
let received = 0;
let rendererDir: string;
let workbook: string;

beforeAll(async () => {
  store = tempStore();
  rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>台账归档</title>');
  host = await startBrowserHost({ db: store.db, dbFile: store.file, operator: '测试员', port: 0, rendererDir });
  relay = net.createServer((client) => {
    const upstream = net.connect(host.port, '127.0.0.1');
    client.on('data', (chunk: Buffer) => (received += chunk.length));
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  relayPort = (relay.address() as net.AddressInfo).port;
  const rows = Array.from({ length: ROWS }, (_, i) => [
    `学前教育培训第 ${i + 1} 期`,
    '教育股、人事股、教研室',
    '幼儿园骨干教师',
    '5 月',
    i === 0 ? '三到五' : '3-5',
    '',
  ]);
  workbook = (
    await buildXlsx([
      {
        name: '附件2',
        rows: [['附件 2'], ['项目名称', '责任股室', '滨江来建始专家', '时 间', '人 数', '备 注'], ...rows],
      },
    ])
  ).toString('base64');
});

afterAll(async () => {
  await new Promise<void>((resolve) => relay.close(() => resolve()));
  await host.close();
  store.dispose();
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

afterEach(() => vi.useRealTimers());

type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** One API call through the relay; returns the reply and the bytes the host received for it. */
async function call<T>(method: string, payload: unknown): Promise<{ reply: Reply<T>; bytes: number }> {
  const before = received;
  const reply = await httpRequest(relayPort, {
    method: 'POST',
    path: `/api/${method}`,
    headers: {
      Host: `127.0.0.1:${host.port}`,
      'Content-Type': 'application/json',
      Origin: `http://127.0.0.1:${host.port}`,
      Authorization: `Bearer ${host.token}`,
      Connection: 'close',
    },
    body: JSON.stringify(payload),
  });
  return { reply: JSON.parse(reply.body.toString('utf8')) as Reply<T>, bytes: received - before };
}

function value<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value;
}

type Preview = { blocking: string[]; counts: { toImport: number; rejected: number }; columns: Array<{ how: string }> };

const LEAVE_OUT = [{ header: '滨江来建始专家', field: null }];

describe('import.open in the browser host', () => {
  it('takes the workbook once; previews with different mappings, the import and the download send only its id', async () => {
    const opened = await call<{ fileId: string; fileName: string; size: number }>('import.open', {
      fileName: '附件2.xlsx',
      data: workbook,
    });
    const { fileId, size } = value(opened.reply);
    expect(size).toBe(Buffer.from(workbook, 'base64').length);
    expect(opened.bytes).toBeGreaterThan(workbook.length);

    const first = await call<Preview>('import.preview', { ledger: 'expert-training', fileId });
    const second = await call<Preview>('import.preview', { ledger: 'expert-training', fileId, mapping: LEAVE_OUT });
    // The unmapped column blocks the first; the second, with it left out, reads the same rows.
    expect(value(first.reply).blocking).toHaveLength(1);
    expect(value(second.reply)).toMatchObject({ blocking: [], counts: { toImport: ROWS - 1, rejected: 1 } });
    expect(value(second.reply).columns.map((c) => c.how)).toContain('ignored');

    const rejected = await call<{ count: number }>('import.rejectedXlsx', { ledger: 'expert-training', fileId });
    expect(value(rejected.reply).count).toBe(1);
    const started = await call<{ jobId: string }>('import.start', {
      ledger: 'expert-training',
      fileId,
      mapping: LEAVE_OUT,
    });
    const { jobId } = value(started.reply);
    let status = value((await call<{ state: string }>('import.status', { jobId })).reply);
    while (status.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = value((await call<{ state: string }>('import.status', { jobId })).reply);
    }
    expect(status).toMatchObject({ state: 'done', outcome: { imported: ROWS - 1 } });
    expect(countRecords(store.db, { ledger: 'expert-training' })).toBe(ROWS - 1);

    // Everything after the opening crossed in well under a kilobyte a request.
    for (const later of [first, second, rejected, started]) expect(later.bytes).toBeLessThan(1024);
  });

  it('refuses an id left unused for more than 30 minutes, in one Chinese line', async () => {
    const { fileId } = value(
      (await call<{ fileId: string }>('import.open', { fileName: 'a.xlsx', data: workbook })).reply,
    );
    // The mapping committed above is remembered, so this one reads without blocking.
    expect((await call<Preview>('import.preview', { ledger: 'expert-training', fileId })).reply.ok).toBe(true);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 31 * 60_000);
    const expired = await call<Preview>('import.preview', { ledger: 'expert-training', fileId });
    expect(expired.reply).toEqual({
      ok: false,
      error: {
        code: 'not-found',
        message: '所选文件已超过 30 分钟未使用，或已被之后选择的文件替换，请重新选择要导入的文件',
      },
    });
  });

  it('keeps at most three files: opening a fourth lets the one unused longest go', async () => {
    const open = async (name: string) =>
      value((await call<{ fileId: string }>('import.open', { fileName: name, data: workbook })).reply).fileId;
    const [a, b, c] = [await open('a.xlsx'), await open('b.xlsx'), await open('c.xlsx')];
    // Using a makes b the one unused longest.
    value((await call<Preview>('import.preview', { ledger: 'expert-training', fileId: a })).reply);
    await open('d.xlsx');
    for (const kept of [a, c]) {
      expect((await call<Preview>('import.preview', { ledger: 'expert-training', fileId: kept })).reply.ok).toBe(true);
    }
    const gone = await call<Preview>('import.preview', { ledger: 'expert-training', fileId: b });
    expect(gone.reply).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('请重新选择要导入的文件') },
    });
  });

  it('asks for the file one way only', async () => {
    const { fileId } = value(
      (await call<{ fileId: string }>('import.open', { fileName: 'a.xlsx', data: workbook })).reply,
    );
    const both = await call<Preview>('import.preview', {
      ledger: 'expert-training',
      fileId,
      fileName: 'a.xlsx',
      data: workbook,
    });
    const neither = await call<Preview>('import.preview', { ledger: 'expert-training' });
    for (const refused of [both, neither]) {
      expect(refused.reply).toEqual({
        ok: false,
        error: {
          code: 'bad-request',
          message: '请求的参数不正确：请求应给出已打开文件的编号，或文件名和文件内容，二者只选其一',
        },
      });
    }
  });
});
