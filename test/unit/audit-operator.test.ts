import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../main/host/server.js';
import { OperatorSetting } from '../../main/settings/operator.js';
import { defaultOperator } from '../../main/store/index.js';
import { listAudit } from '../../main/store/audit.js';
import { tempDir, tempStore, type TempStore } from '../helpers/temp-store.js';
import { httpRequest } from '../helpers/http.js';
import { SAMPLE_AID } from '../helpers/sample-aid.js';

const aid = SAMPLE_AID;

let store: TempStore;
let home: string;
let rendererDir: string;
const hosts: BrowserHost[] = [];
const savedEnv = { operator: process.env.TAIZHANG_OPERATOR, home: process.env.TAIZHANG_HOME };

beforeEach(() => {
  delete process.env.TAIZHANG_OPERATOR;
  store = tempStore();
  home = tempDir();
  rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>台账归档</title>');
});

afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
  store.dispose();
  for (const dir of [home, rendererDir]) fs.rmSync(dir, { recursive: true, force: true });
  for (const [name, value] of [
    ['TAIZHANG_OPERATOR', savedEnv.operator],
    ['TAIZHANG_HOME', savedEnv.home],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

async function startHost(): Promise<BrowserHost> {
  const host = await startBrowserHost({
    db: store.db,
    dbFile: store.file,
    operator: '不应出现',
    operatorSetting: new OperatorSetting(home),
    port: 0,
    rendererDir,
  });
  hosts.push(host);
  return host;
}

async function api(host: BrowserHost, method: string, input: unknown) {
  const reply = await httpRequest(host.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  return JSON.parse(reply.body.toString('utf8')) as {
    ok: boolean;
    value?: { id: number; name: string; asked: boolean };
    error?: { message: string };
  };
}

describe('the operator’s name, once per installation', () => {
  it('is asked until set, kept 0600 for the next start, and signs every audited write', async () => {
    const first = await startHost();
    const before = await api(first, 'operator.get', {});
    expect(before.value).toMatchObject({ asked: false, canChange: true });

    expect((await api(first, 'operator.set', { name: '  周晓梅 ' })).value).toEqual({ name: '周晓梅' });
    const file = path.join(home, 'operator.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // The running host signs with it at once.
    const created = await api(first, 'records.create', { ledger: 'student-aid', values: aid });
    expect(created.ok).toBe(true);
    await first.close();
    hosts.splice(0);

    const second = await startHost();
    expect((await api(second, 'operator.get', {})).value).toEqual({ name: '周晓梅', asked: true, canChange: true });
    const updated = await api(second, 'records.update', { id: created.value!.id, values: { ...aid, amount: '900' } });
    expect(updated.ok).toBe(true);
    expect(listAudit(store.db, 'record', created.value!.id).map((r) => r.operator)).toEqual(['周晓梅', '周晓梅']);
  });

  it('refuses an empty or overlong name in one Chinese line and keeps the old one', async () => {
    const host = await startHost();
    await api(host, 'operator.set', { name: '周晓梅' });
    expect(await api(host, 'operator.set', { name: '   ' })).toMatchObject({
      ok: false,
      error: { message: '请输入您的姓名' },
    });
    expect(await api(host, 'operator.set', { name: '周'.repeat(21) })).toMatchObject({
      ok: false,
      error: { message: '姓名不能超过 20 个字' },
    });
    expect((await api(host, 'operator.get', {})).value!.name).toBe('周晓梅');
  });

  it('gives the CLI TAIZHANG_OPERATOR first, then the stored name, then the OS user', () => {
    process.env.TAIZHANG_HOME = home;
    const osUser = defaultOperator();
    new OperatorSetting(home).set('周晓梅');
    expect(defaultOperator()).toBe('周晓梅');
    process.env.TAIZHANG_OPERATOR = '脚本';
    expect(defaultOperator()).toBe('脚本');
    expect(new OperatorSetting(home).source).toBe('env');
    expect(osUser).not.toBe('周晓梅');
  });
});
