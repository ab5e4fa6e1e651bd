import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../main/host/server.js';
import { fillDemo } from '../../main/demo/index.js';
import { getLedgerDefinition } from '../../main/store/ledger-types.js';
import { DemoRandom } from '../../main/demo/random.js';
import { studentAidRows } from '../../main/demo/student-aid.js';
import { appLedgerFile, rememberedLedger } from '../../main/settings/ledger-choice.js';
import { dispatch, type ApiContext } from '../../main/api.js';
import { CallsInFlight } from '../../main/app/switch-ledger.js';
import { tempDir, tempStore, type TempStore } from '../helpers/temp-store.js';
import { callApi } from '../helpers/http.js';
import { spawnCli } from '../helpers/spawn-cli.js';
import { attachmentTable, buildXlsx } from './import-xlsx-fixtures.js';

/*
 * Switching the running host to a restored ledger: backed up and restored through the same host,
 * then every later call reads and writes the restored file, on real SQLite files.
 */

const DEMO_STUDENT_AID = 40;

let store: TempStore;
let host: BrowserHost;
let rendererDir: string;
let work: string;
let home: string;

beforeAll(async () => {
  store = tempStore();
  fillDemo(store.db, { unitId: store.unit.id, operator: '测试员', studentAidRows: DEMO_STUDENT_AID });
  rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>台账归档</title>');
  work = tempDir();
  home = tempDir();
  host = await startBrowserHost({
    db: store.db,
    dbFile: store.file,
    operator: '测试员',
    port: 0,
    rendererDir,
    ledgerChoiceFolder: home,
  });
}, 60_000);

afterAll(async () => {
  await host?.close();
  store?.dispose();
  for (const dir of [rendererDir, work, home]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const call = <T>(method: string, payload: unknown) => callApi<T>(host, method, payload);

async function value<T>(method: string, payload: unknown): Promise<T> {
  const reply = await call<T>(method, payload);
  if (!reply.ok) throw new Error(`${method}: ${reply.error.code}: ${reply.error.message}`);
  return reply.value;
}

async function studentAidCount(): Promise<number> {
  const ledgers = await value<Array<{ key: string; count: number }>>('ledgers.list', {});
  return ledgers.find((l) => l.key === 'student-aid')!.count;
}

/** Student-aid records in a ledger file whose name is `name`, read by a connection of the test's own. */
function namedInFile(file: string, name: string): number {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare("SELECT data FROM records WHERE ledger_key = 'student-aid'").all();
    return (rows as Array<{ data: string }>).filter((r) => (JSON.parse(r.data) as { name?: string }).name === name)
      .length;
  } finally {
    db.close();
  }
}

const typed = [...studentAidRows(new DemoRandom(31), 1)][0]!.values;

describe('switching the host to a restored ledger', () => {
  let original: string;
  let restored: string;

  it('backs up, restores to a new file, and after the switch every call reads and writes that file', async () => {
    original = store.file;
    const backup = await value<{ file: string }>('archive.backup', { folder: path.join(work, '备份') });
    restored = path.join(work, '恢复的台账.db');
    await value('archive.restore', { file: backup.file, target: restored });
    // Entered after the backup: the restored ledger does not have it.
    await value('records.create', { ledger: 'student-aid', values: { ...typed, name: '备份之后' } });
    expect(await studentAidCount()).toBe(DEMO_STUDENT_AID + 1);

    const info = await value<{ dbFile: string }>('app.switchLedger', { file: restored });
    expect(info.dbFile).toBe(restored);
    expect((await value<{ dbFile: string }>('app.info', {})).dbFile).toBe(restored);
    expect(host.dbFile).toBe(restored);
    // The old connection is closed once the new one serves; the old file stays where it was.
    expect(store.db.open).toBe(false);
    expect(fs.existsSync(original)).toBe(true);

    expect(await studentAidCount()).toBe(DEMO_STUDENT_AID);
    const listed = await value<{ total: number }>('records.list', { ledger: 'student-aid', search: '备份之后' });
    expect(listed.total).toBe(0);
    const units = await value<{ units: Array<{ name: string }>; currentId: number | null }>('units.list', {});
    expect(units.currentId).not.toBeNull();
    expect(units.units.map((u) => u.name)).toEqual(['建始县高坪镇中心小学']);

    await value('records.create', { ledger: 'student-aid', values: { ...typed, name: '切换之后' } });
    expect(await studentAidCount()).toBe(DEMO_STUDENT_AID + 1);
    expect(namedInFile(restored, '切换之后')).toBe(1);
    expect(namedInFile(original, '切换之后')).toBe(0);
    expect(namedInFile(original, '备份之后')).toBe(1);

    // The app chose its ledger itself here: the next start opens the restored one.
    expect(rememberedLedger(home)).toBe(restored);
    expect(appLedgerFile(home)).toBe(restored);
  }, 60_000);

  it('exports after the switch read the restored file', async () => {
    const { jobId } = await value<{ jobId: string }>('export.start', { ledgers: ['student-aid'] });
    let state = 'running';
    let written = 0;
    while (state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      ({ state, written } = await value<{ state: string; written: number }>('export.status', { jobId }));
    }
    expect(state).toBe('done');
    expect(written).toBe(DEMO_STUDENT_AID + 1);
  }, 60_000);

  it('refuses a switch while an import runs, naming it, and keeps the ledger in use', async () => {
    const def = getLedgerDefinition(host.db, 'student-aid');
    const values = [...studentAidRows(new DemoRandom(32), 3000)].map((r) => r.values);
    const data = (await buildXlsx([attachmentTable(def, values as never)])).toString('base64');
    const { jobId } = await value<{ jobId: string }>('import.start', {
      ledger: 'student-aid',
      fileName: '资助.xlsx',
      data,
    });
    const refused = await call('app.switchLedger', { file: original });
    await value('import.cancel', { jobId });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('busy');
    expect(refused.error.message).toBe(`导入正在进行，请等其完成或取消后再切换台账；仍在使用 ${restored}`);
    expect((await value<{ dbFile: string }>('app.info', {})).dbFile).toBe(restored);
  }, 60_000);

  it('refuses a SQLite file of another program in Chinese, and goes on serving the ledger in use', async () => {
    const foreign = path.join(work, '其他程序.db');
    const other = new Database(foreign);
    other.exec('CREATE TABLE contacts (name TEXT)');
    other.close();
    const before = fs.readFileSync(foreign);

    const refused = await call('app.switchLedger', { file: foreign });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.message).toMatch(/^无法打开台账文件 .*其他程序\.db：它不是台账归档的台账文件/);
    expect(fs.readFileSync(foreign).equals(before)).toBe(true);

    const missing = await call('app.switchLedger', { file: path.join(work, '没有这个文件.db') });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.message).toMatch(/^台账文件不存在：/);
    expect(fs.existsSync(path.join(work, '没有这个文件.db'))).toBe(false);

    expect((await value<{ dbFile: string }>('app.info', {})).dbFile).toBe(restored);
    expect(host.db.open).toBe(true);
    expect(await studentAidCount()).toBe(DEMO_STUDENT_AID + 1);
    expect(rememberedLedger(home)).toBe(restored);
  }, 60_000);
});

describe('calls still running on the open ledger', () => {
  it('hold a switch back, named, until they have answered', async () => {
    const first = tempStore();
    const second = tempStore('建始县民族中学');
    const ctx: ApiContext = {
      db: first.db,
      dbFile: first.file,
      operator: '测试员',
      transport: 'test',
      calls: new CallsInFlight(),
    };
    try {
      const verifying = dispatch(ctx, 'archive.verify', {});
      const refused = await dispatch(ctx, 'app.switchLedger', { file: second.file });
      expect(refused).toEqual({
        ok: false,
        error: {
          code: 'busy',
          message: `四性检测正在进行，请等其完成或取消后再切换台账；仍在使用 ${first.file}`,
          fieldErrors: undefined,
        },
      });
      expect((await verifying).ok).toBe(true);
      const switched = await dispatch(ctx, 'app.switchLedger', { file: second.file });
      expect(switched.ok).toBe(true);
      const units = await dispatch(ctx, 'units.list', {});
      expect(units.ok && (units.value as { units: Array<{ name: string }> }).units.map((u) => u.name)).toEqual([
        '建始县民族中学',
      ]);
    } finally {
      ctx.db.close();
      first.dispose();
      second.dispose();
    }
  }, 60_000);
});

describe('the remembered ledger', () => {
  it('falls back to the default ledger when the remembered file is gone', () => {
    const folder = tempDir();
    try {
      fs.writeFileSync(path.join(folder, 'ledger.json'), JSON.stringify({ file: path.join(folder, 'gone.db') }));
      expect(rememberedLedger(folder)).toBeUndefined();
      expect(appLedgerFile(folder)).toBe(path.join(folder, 'taizhang.db'));
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

/** Starts `taizhang serve` with `args` and the settings folder `home`; answers the ledger file it names. */
function servedLedger(args: string[], home: string, env: Record<string, string> = {}): Promise<string> {
  const { TAIZHANG_DB: _ignored, ...inherited } = process.env;
  const child = spawnCli(['serve', '--port', '0', ...args], { env: { ...inherited, TAIZHANG_HOME: home, ...env } });
  let output = '';
  return new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const named = /^台账文件：(.+)$/m.exec(output);
      if (named) resolve(named[1]!);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', () => reject(new Error(`taizhang serve ended: ${output}`)));
  }).finally(() => {
    child.kill('SIGTERM');
    return new Promise((done) => (child.exitCode === null ? child.once('exit', done) : done(undefined)));
  });
}

describe('taizhang serve at the next start', () => {
  it('opens the ledger last switched to with --app-ledger, and a ledger named with --db or TAIZHANG_DB', async () => {
    const folder = tempDir();
    const chosen = tempStore();
    const named = tempStore();
    try {
      expect(await servedLedger(['--app-ledger'], folder)).toBe(path.join(folder, 'taizhang.db'));
      fs.writeFileSync(path.join(folder, 'ledger.json'), JSON.stringify({ file: chosen.file }));
      expect(await servedLedger(['--app-ledger'], folder)).toBe(chosen.file);
      expect(await servedLedger(['--app-ledger', '--db', named.file], folder)).toBe(named.file);
      expect(await servedLedger(['--app-ledger'], folder, { TAIZHANG_DB: named.file })).toBe(named.file);
    } finally {
      chosen.dispose();
      named.dispose();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
