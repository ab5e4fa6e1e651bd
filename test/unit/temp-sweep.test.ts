import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-store.js';
import { runCli } from '../helpers/run-cli.js';
import { spawnCli } from '../helpers/spawn-cli.js';
import { httpRequest } from '../helpers/http.js';
import { tempPathIn } from '../../main/export/atomic-file.js';
import { sweepStaleTempFiles } from '../../main/export/temp-registry.js';

let root: string;
let ledger: string;

beforeAll(async () => {
  root = tempDir();
  ledger = path.join(root, 'ledger.db');
  expect((await runCli(['init', '--db', ledger, '--unit', '建始县高坪镇中心小学'])).code).toBe(0);
  // Big enough that an export is still writing when it is killed.
  expect((await runCli(['demo', '--db', ledger, '--rows', '50000'])).code).toBe(0);
}, 120_000);

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

/** A private temp folder per test, handed to the CLI as TMPDIR, so sweeps see only this test's files. */
function freshTmp(): string {
  return fs.mkdtempSync(path.join(root, 'tmp-'));
}

function startCli(args: string[], tmp: string): ChildProcess & { output: () => string } {
  const child = spawnCli(args, {
    env: { ...process.env, TMPDIR: tmp },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString('utf8')));
  return Object.assign(child, { output: () => output });
}

async function until<T>(what: string, found: () => T | null | undefined, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = found();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe('temp files of a killed export', () => {
  it('the CLI’s temp file beside the target is 0600 and is gone after the next command', async () => {
    const tmp = freshTmp();
    const out = fs.mkdtempSync(path.join(root, 'out-'));
    fs.chmodSync(out, 0o755);
    const child = startCli(
      ['export', 'xlsx', '--db', ledger, '--ledger', 'student-aid', '--out', path.join(out, '资助.xlsx')],
      tmp,
    );
    const temp = await until('a temp file with rows in it', () => {
      const name = fs.readdirSync(out).find((n) => /^\.~taizhang-export-\d+-[0-9a-f]{8}\.xlsx\.tmp$/.test(n));
      return name && fs.statSync(path.join(out, name)).size > 64 * 1024 ? path.join(out, name) : null;
    });
    expect(modeOf(temp)).toBe(0o600);
    await kill(child);
    expect(fs.existsSync(temp)).toBe(true);

    const next = await runCli(['stats', '--db', ledger], { TMPDIR: tmp });
    expect(next.code).toBe(0);
    expect(fs.readdirSync(out)).toEqual([]);
  }, 120_000);

  it('the browser host’s export folder is 0700 with 0600 files, and is gone after the next command', async () => {
    const tmp = freshTmp();
    const child = startCli(['serve', '--db', ledger, '--port', '0'], tmp);
    const [, url, token] = await until('the serve link', () =>
      /提供：(http:\/\/127\.0\.0\.1:\d+\/)#token=([\w-]+)\n/.exec(child.output()),
    );
    const port = Number(new URL(url!).port);
    const call = async (method: string, payload: unknown, auth = `Bearer ${token}`) =>
      httpRequest(port, {
        method: 'POST',
        path: `/api/${method}`,
        headers: { 'Content-Type': 'application/json', Authorization: auth },
        body: JSON.stringify(payload),
      });
    expect((await call('units.list', {}, 'Bearer wrong')).status).toBe(401);
    const started = JSON.parse((await call('export.start', { ledgers: ['student-aid'] })).body.toString('utf8'));
    expect(started.ok).toBe(true);

    const folder = await until('the export folder', () => {
      const name = fs.readdirSync(tmp).find((n) => n.startsWith(`taizhang-exports-${child.pid}-`));
      return name ? path.join(tmp, name) : null;
    });
    const partial = await until('a partial export', () => {
      const name = fs.existsSync(folder) ? fs.readdirSync(folder)[0] : undefined;
      return name && fs.statSync(path.join(folder, name)).size > 0 ? path.join(folder, name) : null;
    });
    expect(modeOf(folder)).toBe(0o700);
    expect(modeOf(partial)).toBe(0o600);
    await kill(child);
    expect(fs.existsSync(folder)).toBe(true);
    // The token is printed once, on stdout, in the link; nothing the host logged carries it.
    const printed = child.output().split(token!).length - 1;
    expect(printed).toBe(1);

    expect((await runCli(['stats', '--db', ledger], { TMPDIR: tmp })).code).toBe(0);
    expect(fs.existsSync(folder)).toBe(false);
  }, 120_000);

  it('leaves the temp files of a process still running', () => {
    const tmp = freshTmp();
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const temp = tempPathIn(root);
      fs.writeFileSync(temp, 'rows', { mode: 0o600 });
      const folder = fs.mkdtempSync(path.join(tmp, `taizhang-exports-${process.pid}-`));
      sweepStaleTempFiles();
      expect(fs.existsSync(temp)).toBe(true);
      expect(fs.existsSync(folder)).toBe(true);
      fs.rmSync(temp);
    } finally {
      // Assigning undefined would leave the string "undefined" in the environment.
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });
});
