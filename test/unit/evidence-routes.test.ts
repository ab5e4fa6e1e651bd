import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, tempStore, type TempStore } from '../helpers/temp-store.js';
import { httpRequest } from '../helpers/http.js';
import { createRecord } from '../../main/store/records.js';
import { listAudit } from '../../main/store/audit.js';
import { listAttachments } from '../../main/attachments/attachments.js';
import { startBrowserHost, type BrowserHost } from '../../main/host/server.js';

let store: TempStore;
let host: BrowserHost;
let rendererDir: string;
let recordId: number;

// The measurement needs the garbage gone at each sample, or a buffer already let go would count.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

beforeAll(async () => {
  store = tempStore();
  recordId = createRecord(
    store.db,
    {
      ledger: 'activity',
      values: {
        title: '扶贫日文艺演出',
        activity_date: '2019-10-17',
        activity_type: '扶贫日',
        organizer: '建始县教育局',
      },
    },
    '测试员',
  ).id;
  rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
  host = await startBrowserHost({ db: store.db, dbFile: store.file, operator: '测试员', port: 0, rendererDir });
});

afterAll(async () => {
  await host.close();
  store.dispose();
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

const MB = 1024 * 1024;
const auth = () => ({ Authorization: `Bearer ${host.token}` });

/** Every file under the ledger's evidence folder, temp files included. */
function storedFiles(): string[] {
  const folder = `${store.file}.files`;
  if (!fs.existsSync(folder)) return [];
  return (fs.readdirSync(folder, { recursive: true }) as string[]).filter((p) =>
    fs.statSync(path.join(folder, p)).isFile(),
  );
}

interface Reply {
  status: number;
  body: { ok: boolean; value?: { id: number; size: number; sha256: string }; error?: { message: string } };
}

/**
 * Sends `size` bytes made of `block` repeated, written as the server takes them (so the test
 * itself never holds the file), and reads the answer; a refusal that comes early stops the sending.
 */
function upload(query: string, block: Buffer, size: number, headers: Record<string, string> = auth()): Promise<Reply> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: 'POST',
        path: `/uploads/evidence?${query}`,
        headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(size), ...headers },
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Reply['body'],
          }),
        );
      },
    );
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    let sent = 0;
    const more = () => {
      while (sent < size && !answered && !req.destroyed) {
        const piece = block.subarray(0, Math.min(block.length, size - sent));
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', more);
      }
      req.end();
    };
    more();
  });
}

const query = (field: string, name: string) =>
  `record=${recordId}&field=${encodeURIComponent(field)}&name=${encodeURIComponent(name)}`;

describe('evidence files through the browser host', () => {
  it('streams a 50 MB upload into the store without holding it in memory', async () => {
    const block = randomBytes(MB);
    const hash = createHash('sha256');
    for (let i = 0; i < 50; i += 1) hash.update(block);
    collectGarbage();
    const base = process.memoryUsage();
    const held = (m: NodeJS.MemoryUsage) => m.heapUsed + m.arrayBuffers - (base.heapUsed + base.arrayBuffers);
    let peak = 0;
    const sampler = setInterval(() => {
      collectGarbage();
      peak = Math.max(peak, held(process.memoryUsage()));
    }, 20);
    let reply: Reply;
    try {
      reply = await upload(query('图文资料', '扶贫日录像.mp4'), block, 50 * MB);
    } finally {
      clearInterval(sampler);
    }
    expect(reply.body.error?.message).toBeUndefined();
    expect(reply.status).toBe(200);
    expect(reply.body.value).toMatchObject({ size: 50 * MB, sha256: hash.digest('hex') });
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThan(20 * MB);
    const stored = path.join(
      `${store.file}.files`,
      reply.body.value!.sha256.slice(0, 2),
      reply.body.value!.sha256.slice(2),
    );
    expect(fs.statSync(stored).size).toBe(50 * MB);
  });

  it('refuses an upload without the session token and stores nothing', async () => {
    const before = storedFiles();
    const reply = await upload(query('图文资料', '照片.jpg'), randomBytes(64 * 1024), 64 * 1024, {});
    expect(reply.status).toBe(401);
    expect(reply.body.error!.message).toMatch(/^未获授权/);
    expect(storedFiles()).toEqual(before);
  });

  it('refuses a file over 200 MB by its declared size, before storing a byte', async () => {
    const before = storedFiles();
    const count = listAttachments(store.db, recordId).length;
    const reply = await upload(query('图文资料', '整场录像.mp4'), Buffer.alloc(MB), 200 * MB + 1);
    expect(reply.status).toBe(413);
    expect(reply.body.error!.message).toBe('“整场录像.mp4”超过 200 MB，未附上：请压缩或拆分后再附上');
    expect(storedFiles()).toEqual(before);
    expect(listAttachments(store.db, recordId)).toHaveLength(count);
  });

  it('refuses a field that takes no files with one Chinese line, and stores nothing', async () => {
    const before = storedFiles();
    const count = listAttachments(store.db, recordId).length;
    const reply = await upload(query('活动名称', '照片.jpg'), randomBytes(256 * 1024), 256 * 1024);
    expect(reply.status).toBe(400);
    expect(reply.body.error!.message).toBe('扶贫活动台账的“活动名称”不是附件字段，可附文件的字段是 “图文资料”');
    expect(storedFiles()).toEqual(before);
    expect(listAttachments(store.db, recordId)).toHaveLength(count);
  });

  it('serves the stored bytes back with their type and original name, to the token holder only', async () => {
    const png = randomBytes(300_000);
    const sent = await upload(query('materials', '走访 照片(1).png'), png, png.length);
    const id = sent.body.value!.id;

    const refused = await httpRequest(host.port, { path: `/evidence/${id}` });
    expect(refused.status).toBe(401);

    const reply = await httpRequest(host.port, { path: `/evidence/${id}`, headers: auth() });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('image/png');
    expect(reply.headers['content-disposition']).toBe(
      `attachment; filename="evidence-${id}.png"; filename*=UTF-8''%E8%B5%B0%E8%AE%BF%20%E7%85%A7%E7%89%87%281%29.png`,
    );
    expect(reply.body.equals(png)).toBe(true);

    const missing = await httpRequest(host.port, { path: '/evidence/999999', headers: auth() });
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body.toString('utf8'))).toMatchObject({
      ok: false,
      error: { message: '附件不存在（编号 999999），可能已被移除' },
    });
  });

  it('lists, counts and removes attachments through the contract, the removal audited', async () => {
    const call = async (method: string, payload: unknown) => {
      const reply = await httpRequest(host.port, {
        method: 'POST',
        path: `/api/${method}`,
        headers: { 'Content-Type': 'application/json', ...auth() },
        body: JSON.stringify(payload),
      });
      return JSON.parse(reply.body.toString('utf8')) as { ok: boolean; value: unknown };
    };
    const doc = await upload(query('图文资料', '活动方案.docx'), randomBytes(1000), 1000);
    const listed = (await call('attachments.list', { recordId })).value as Array<{ id: number; name: string }>;
    expect(listed.map((a) => a.name)).toEqual(['扶贫日录像.mp4', '走访 照片(1).png', '活动方案.docx']);
    expect((await call('attachments.counts', { recordIds: [recordId, recordId + 1] })).value).toEqual([
      { recordId, field: 'materials', count: 3 },
    ]);

    const removed = await call('attachments.remove', { id: doc.body.value!.id });
    expect(removed).toMatchObject({ ok: true, value: { name: '活动方案.docx' } });
    const gone = await httpRequest(host.port, { path: `/evidence/${doc.body.value!.id}`, headers: auth() });
    expect(gone.status).toBe(404);
    expect(listAudit(store.db, 'record', recordId).filter((row) => row.action === 'detach')).toHaveLength(1);
    expect(await call('attachments.pick', { recordId, field: 'materials' })).toMatchObject({
      ok: false,
      error: { message: '浏览器中请用附件栏的“添加文件”上传，点击文件名下载查看' },
    });
  });
});
