import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
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

/** Non-loopback addresses of this machine; link-local IPv6 ones need a zone, so they are left out. */
function networkAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .filter((entry) => !entry.internal && !(entry.family === 'IPv6' && entry.scopeid))
    .map((entry) => entry.address);
}

/** Whether a TCP connection to address:port opens, or the error code it fails with. */
function connectTo(address: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port, timeout: 5000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('timeout');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

/** The local addresses the kernel has a listening TCP socket on for this port (Linux's /proc/net/tcp*). */
function listeningAddresses(port: number): string[] {
  const LISTEN = '0A';
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((table) =>
    fs
      .readFileSync(table, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[3] === LISTEN && Number.parseInt(fields[1]!.split(':')[1]!, 16) === port)
      .map(([, local]) => {
        const hex = local!.split(':')[0]!;
        // IPv4 entries are one little-endian 32-bit word; IPv6 ones are shown as the kernel wrote them.
        return hex.length === 8 ? [...Buffer.from(hex, 'hex').reverse()].join('.') : `[${hex}]`;
      }),
  );
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
  it('listens on the loopback address only', async () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
    expect(await connectTo('127.0.0.1', host.port)).toBe('connected');
    if (process.platform === 'linux') expect(listeningAddresses(host.port)).toEqual(['127.0.0.1']);
  });

  // Without a non-loopback address (a machine with no network) there is nothing to refuse.
  it.skipIf(networkAddresses().length === 0)("refuses connections to the machine's network addresses", async () => {
    for (const address of networkAddresses()) {
      expect(await connectTo(address, host.port), address).toBe('ECONNREFUSED');
    }
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
