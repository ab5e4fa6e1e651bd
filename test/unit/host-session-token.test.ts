import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, tempStore, type TempStore } from '../helpers/temp-store.js';
import { httpRequest, type HttpReply } from '../helpers/http.js';
import { insertRecordsBulk } from '../../main/store/bulk.js';
import { getLedgerDefinition } from '../../main/store/ledger-types.js';
import { DemoRandom } from '../../main/demo/random.js';
import { studentAidRows } from '../../main/demo/student-aid.js';
import { startBrowserHost, type BrowserHost } from '../../main/host/server.js';

let store: TempStore;
let host: BrowserHost;
let rendererDir: string;
let idNumbers: string[];

beforeAll(async () => {
  store = tempStore();
  const rows = [...studentAidRows(new DemoRandom(3), 50)];
  idNumbers = rows.map((row) => String(row.values.id_number));
  insertRecordsBulk(store.db, getLedgerDefinition(store.db, 'student-aid'), store.unit.id, rows, {
    operator: '测试员',
    source: 'test',
  });
  rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><script src="app.js"></script>');
  fs.writeFileSync(path.join(rendererDir, 'app.js'), 'console.log("台账归档")');
  host = await startBrowserHost({ db: store.db, dbFile: store.file, operator: '测试员', port: 0, rendererDir });
});

afterAll(async () => {
  await host.close();
  store.dispose();
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function callApi(method: string, payload: unknown, headers: Record<string, string>): Promise<HttpReply> {
  return httpRequest(host.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${host.port}`, ...headers },
    body: JSON.stringify(payload),
  });
}

function expectRefused(reply: HttpReply): void {
  expect(reply.status).toBe(401);
  const body = reply.body.toString('utf8');
  const parsed = JSON.parse(body) as { ok: boolean; error: { code: string; message: string } };
  expect(parsed.ok).toBe(false);
  expect(parsed.error.message).toMatch(/^未获授权：请打开 taizhang serve 或 npm start 启动时打印的链接/);
  expect(parsed.error.message).not.toContain('\n');
  expect(body).not.toContain(store.unit.name);
  for (const id of idNumbers) expect(body).not.toContain(id);
}

const WRONG_TOKENS = [
  {},
  bearer(''),
  bearer('x'),
  { Authorization: 'Basic dGFpemhhbmc6dGFpemhhbmc=' },
  { Authorization: `bearer ${'A'.repeat(43)}` },
  { Authorization: `Bearer ${'A'.repeat(43)}` },
  { Authorization: 'Bearer ' }, // prefix only
];

async function finishedExport(): Promise<string> {
  const started = JSON.parse(
    (await callApi('export.start', { ledgers: ['student-aid'] }, bearer(host.token))).body.toString(),
  );
  const jobId = started.value.jobId as string;
  for (let i = 0; i < 600; i++) {
    const status = JSON.parse((await callApi('export.status', { jobId }, bearer(host.token))).body.toString());
    if (status.value.state === 'done') return jobId;
    if (status.value.state !== 'running') throw new Error(JSON.stringify(status));
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('export did not finish');
}

describe('the browser host session token', () => {
  it('is random per start, at least 128 bits, and put in the fragment of the link', async () => {
    expect(Buffer.from(host.token, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(host.link).toBe(`${host.url}#token=${host.token}`);
    const other = await startBrowserHost({
      db: store.db,
      dbFile: store.file,
      operator: '测试员',
      port: 0,
      rendererDir,
    });
    try {
      expect(other.token).not.toBe(host.token);
      // One host's token opens nothing on another.
      expectRefused(await callApi('records.list', { ledger: 'student-aid' }, bearer(other.token)));
    } finally {
      await other.close();
    }
  });

  it('refuses every API call without the right token, with one Chinese line and no data', async () => {
    for (const headers of WRONG_TOKENS) {
      expectRefused(await callApi('records.list', { ledger: 'student-aid', pageSize: 100 }, headers));
      expectRefused(await callApi('units.create', { name: '无令牌单位' }, headers));
    }
    const list = JSON.parse((await callApi('units.list', {}, bearer(host.token))).body.toString());
    expect(list.value.units.map((u: { name: string }) => u.name)).toEqual([store.unit.name]);
  });

  it('refuses a download without the right token, and serves it with the token', async () => {
    const jobId = await finishedExport();
    for (const headers of WRONG_TOKENS) {
      const reply = await httpRequest(host.port, { path: `/downloads/${jobId}`, headers });
      expectRefused(reply);
      expect(reply.headers['content-disposition']).toBeUndefined();
    }
    const reply = await httpRequest(host.port, { path: `/downloads/${jobId}`, headers: bearer(host.token) });
    expect(reply.status).toBe(200);
    expect(reply.body.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('serves the page and its scripts without the token, and never the token in them', async () => {
    for (const file of ['/', '/app.js']) {
      const reply = await httpRequest(host.port, { path: file });
      expect(reply.status).toBe(200);
      expect(reply.body.toString('utf8')).not.toContain(host.token);
      expect(JSON.stringify(reply.headers)).not.toContain(host.token);
    }
  });

  it('answers a body over 48 MiB with 413 in Chinese, then closes, instead of a reset', async () => {
    const size = 49 * 1024 * 1024;
    const reply = await new Promise<{ status: number; connection?: string; body: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: '/api/import.preview',
          headers: { 'Content-Type': 'application/json', 'Content-Length': size, ...bearer(host.token) },
        },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
          res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, body }));
        },
      );
      req.on('error', reject);
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const write = () => {
        while (sent < size) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', write);
        }
        req.end();
      };
      write();
    });
    expect(reply.status).toBe(413);
    expect(reply.connection).toBe('close');
    expect(JSON.parse(reply.body)).toEqual({
      ok: false,
      error: { code: 'bad-request', message: '调用内容超过 48 MB，未处理：请换用较小的文件' },
    });
    // The host is still there for the next call.
    expect((await callApi('units.list', {}, bearer(host.token))).status).toBe(200);
  });
});

describe('as another user on this machine', () => {
  const isRoot = process.getuid?.() === 0;

  /** Runs a Node script as `nobody` (without blocking: the host answers it from this process). */
  async function asNobody(script: string): Promise<string> {
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], {
      uid: 65534,
      gid: 65534,
      cwd: '/',
    });
    return stdout.trim();
  }

  it.skipIf(!isRoot)('cannot open the ledger file, nor call the API or download without the token', async () => {
    // Only the file's own mode stands in the way: the folder is opened up to everyone.
    fs.chmodSync(store.dir, 0o755);
    expect(fs.statSync(store.file).mode & 0o777).toBe(0o600);
    expect(
      await asNobody(`try { require('fs').openSync(${JSON.stringify(store.file)}, 'r'); console.log('opened') }
                catch (e) { console.log(e.code) }`),
    ).toBe('EACCES');
    const jobId = await finishedExport();
    const found = await asNobody(`
      const base = 'http://127.0.0.1:${host.port}';
      (async () => {
        const api = await fetch(base + '/api/records.list', { method: 'POST',
          headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ledger: 'student-aid' }) });
        const file = await fetch(base + '/downloads/${jobId}');
        console.log(api.status, file.status, (await api.text()).includes(${JSON.stringify(idNumbers[0])}));
      })();`);
    expect(found).toBe('401 401 false');
  });

  it.skipIf(isRoot)('(skipped: only root can run a process as another user)', () => {});
});
