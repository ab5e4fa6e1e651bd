import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../main/host/server.js';
import { tempDir, tempStore, type TempStore } from '../helpers/temp-store.js';
import { httpRequest } from '../helpers/http.js';

let store: TempStore;
let host: BrowserHost;
let rendererDir: string;

beforeAll(async () => {
  store = tempStore();
  rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>台账归档</title>');
  fs.writeFileSync(path.join(path.dirname(rendererDir), 'secret.txt'), 'outside');
  host = await startBrowserHost({ db: store.db, dbFile: store.file, operator: '测试员', port: 0, rendererDir });
});

afterAll(async () => {
  await host.close();
  store.dispose();
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

/** A request from the page opened with the printed link: it carries the session token. */
async function request(options: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  const reply = await httpRequest(host.port, {
    ...options,
    headers: { Authorization: `Bearer ${host.token}`, ...options.headers },
  });
  return { ...reply, body: reply.body.toString('utf8') };
}

function callApi(method: string, payload: unknown, headers: Record<string, string> = {}) {
  return request({
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${host.port}`, ...headers },
    body: JSON.stringify(payload),
  });
}

describe('the browser host', () => {
  it('listens on the loopback address only', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
  });

  it('answers a valid call from its own page', async () => {
    const reply = await callApi('units.list', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({
      ok: true,
      value: { units: [{ id: store.unit.id, name: store.unit.name }], currentId: store.unit.id },
    });
  });

  it('refuses a foreign Origin before doing anything', async () => {
    const reply = await callApi('units.create', { name: '恶意单位' }, { Origin: 'http://evil.example' });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body).error.message).toContain('拒绝来源');
    expect((await callApi('units.list', {})).body).not.toContain('恶意单位');
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const reply = await request({ path: '/', headers: { Host: `attacker.example:${host.port}` } });
    expect(reply.status).toBe(403);
  });

  it('refuses a payload that fails the contract, saying where', async () => {
    const reply = await callApi('records.list', { ledger: 'student-aid', page: -1, pageSize: 100000 });
    expect(reply.status).toBe(400);
    const body = JSON.parse(reply.body);
    expect(body.ok).toBe(false);
    expect(body.error.message).toMatch(/^请求的参数不正确：.*页码/);
  });

  it('refuses extra keys, unknown methods, non-JSON bodies and GET calls', async () => {
    expect((await callApi('records.get', { id: 1, sql: 'DROP TABLE records' })).status).toBe(400);
    expect((await callApi('fs.readFile', { path: '/etc/passwd' })).status).toBe(400);
    const text = await request({
      method: 'POST',
      path: '/api/units.list',
      headers: { 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(text.status).toBe(415);
    expect((await request({ path: '/api/units.list' })).status).toBe(405);
  });

  it('returns field errors in Chinese for an invalid record and saves nothing', async () => {
    const reply = await callApi('records.create', {
      ledger: 'student-aid',
      values: { name: '张三', id_number: '110101199003078031' },
    });
    const body = JSON.parse(reply.body);
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('validation');
    expect(body.error.fieldErrors.map((e: { label: string }) => e.label)).toContain('身份证号');
    const list = JSON.parse((await callApi('records.list', { ledger: 'student-aid' })).body);
    expect(list.value.total).toBe(0);
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const page = await request({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("object-src 'none'");
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const reply = await request({ path: attempt });
      expect(reply.body).not.toContain('outside');
    }
  });
});
