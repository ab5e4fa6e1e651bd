import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir, tempStore, type TempStore } from '../helpers/temp-store.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import { spawnCliSync } from '../helpers/spawn-cli.js';
import { dispatch, type ApiContext } from '../../main/api.js';
import { MESSAGE_MAX_CHARS, UNKNOWN_FAILURE, userMessage } from '../../main/errors/user-message.js';
import { idCardCheckChar } from '../../shared/idcard.js';

/**
 * One line, at most the cap, with Chinese in it and no English word once the paths it names are
 * taken out: what every message shown to the user must be.
 */
function expectOneChineseLine(message: string): void {
  expect(message.length).toBeLessThanOrEqual(MESSAGE_MAX_CHARS);
  expect(message).not.toMatch(/[\r\n]/);
  expect(message).toMatch(/[\u4e00-\u9fff]/);
  const withoutPaths = message.replace(/\/[^\s：，；。]*/g, '');
  expect(withoutPaths, message).not.toMatch(/[A-Za-z]{2,}/);
}

/** The CLI's stderr: one line "错误：…". */
function cliMessage(result: CliResult): string {
  expect(result.code).toBe(1);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^错误：/);
  return lines[0]!.slice('错误：'.length);
}

function contextFor(db: Database.Database, dbFile: string): ApiContext {
  return { db, dbFile, operator: '测试员', transport: 'test' };
}

async function failureOf(ctx: ApiContext, method: string, payload: unknown) {
  const result = await dispatch(ctx, method, payload);
  if (result.ok) throw new Error(`${method} should have failed`);
  return result.error;
}

let store: TempStore;
beforeEach(() => {
  store = tempStore();
});
afterEach(() => store.dispose());

/** chattr's immutable flag: even root cannot write the file while it is set. False where it is not allowed. */
function setImmutable(file: string, on: boolean): boolean {
  try {
    execFileSync('chattr', [on ? '+i' : '-i', file], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('SQLite failures through the API', () => {
  it('says a read-only ledger file is read-only, naming it', async () => {
    // What SQLite does with a 0444 file for anyone but root: it opens it read-only.
    const readOnly = new Database(store.file, { readonly: true });
    try {
      const error = await failureOf(contextFor(readOnly, store.file), 'units.create', { name: '新建单位' });
      expect(error.message).toBe(`台账文件 ${store.file} 是只读的，无法保存：请检查文件权限或换一个位置`);
      expectOneChineseLine(error.message);
    } finally {
      readOnly.close();
    }
  });

  it('says the ledger file is busy while another connection holds the write lock', async () => {
    store.db.pragma('busy_timeout = 0');
    const other = new Database(store.file);
    other.exec('BEGIN IMMEDIATE');
    try {
      const error = await failureOf(contextFor(store.db, store.file), 'units.create', { name: '新建单位' });
      expect(error.code).toBe('busy');
      expect(error.message).toContain(store.file);
      expectOneChineseLine(error.message);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });
});

describe('payloads that fail the contract', () => {
  it('names the field and the kind in Chinese for a null where text is required', async () => {
    const error = await failureOf(contextFor(store.db, store.file), 'units.create', { name: null });
    expect(error.code).toBe('bad-request');
    expect(error.message).toBe('请求的参数不正确：名称应为文字，实际为空');
  });

  it('words limits, choices, missing and extra keys in Chinese, and counts what it does not spell out', async () => {
    const ctx = contextFor(store.db, store.file);
    const error = await failureOf(ctx, 'records.list', {
      ledger: 'student-aid',
      page: 0,
      pageSize: 100000,
      sort: { field: 'name', direction: 'sideways' },
      search: 'x'.repeat(500),
      extra: 1,
    });
    expect(error.message).toMatch(/^请求的参数不正确：/);
    expect(error.message).toContain('页码不能小于 1');
    const value = await failureOf(ctx, 'records.create', {
      ledger: 'student-aid',
      values: { id_number: null, remark: [] },
    });
    expect(value.message).toBe('请求的参数不正确：字段值“备注”的类型不正确');
    expect(error.message).toMatch(/等 \d+ 处$/);
    expectOneChineseLine(error.message);
    for (const [method, payload] of [
      ['units.create', {}],
      ['units.create', { name: '' }],
      ['units.create', { name: '单位', id: 3 }],
      ['records.list', { ledger: 'student-aid', sort: { field: 'name', direction: 'up' } }],
      ['records.list', { ledger: 'student-aid', dateFrom: '12/04/2019' }],
      ['records.get', { id: 1.5 }],
      ['records.create', { ledger: 'student-aid', values: { name: true } }],
      ['records.create', null],
    ] as const) {
      expectOneChineseLine((await failureOf(ctx, method, payload)).message);
    }
  });

  it('caps a message about a huge payload', async () => {
    const filters = Array.from({ length: 5000 }, () => ({ field: 'BAD KEY', op: 'like', value: null }));
    const error = await failureOf(contextFor(store.db, store.file), 'records.list', { ledger: 'student-aid', filters });
    expect(error.message.length).toBeLessThanOrEqual(MESSAGE_MAX_CHARS);
    expectOneChineseLine(error.message);
  });
});

describe('a failure nobody foresaw', () => {
  it('tells the user one Chinese line and logs the method, never the payload', async () => {
    const first17 = '42282220080512002';
    const idNumber = first17 + idCardCheckChar(first17);
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const ctx = contextFor(store.db, store.file);
      // A handler failing with the record in its error, as JSON.parse or a driver might.
      store.db.function('boom', () => {
        throw new RangeError(`bad value "${idNumber}" at ${idNumber} 张三`);
      });
      store.db.exec('CREATE TRIGGER boom_units AFTER INSERT ON units BEGIN SELECT boom(); END');
      const error = await failureOf(ctx, 'units.create', { name: `张三${idNumber}` });
      expect(error).toMatchObject({ code: 'internal', message: UNKNOWN_FAILURE });
      expect(log).toHaveBeenCalled();
      const logged = log.mock.calls.flat().map(String).join('\n');
      expect(logged).toContain('units.create');
      expect(logged).toContain('RangeError');
      expect(logged).not.toContain(idNumber);
      expect(logged).not.toMatch(/\d{6}/);
      expect(logged).not.toContain('张三');
    } finally {
      log.mockRestore();
    }
  });
});

describe('file-system failures', () => {
  it('words each code in Chinese, naming the file', () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, 'a-file');
      fs.writeFileSync(file, '');
      const failures: Array<[() => unknown, string]> = [
        [() => fs.mkdirSync(file), `无法创建文件夹 ${file}：同名文件已存在`],
        [() => fs.readFileSync(path.join(dir, 'missing.db')), `找不到 ${path.join(dir, 'missing.db')}`],
        [() => fs.writeFileSync(path.join(file, 'x.xlsx'), ''), `其中的 ${file} 是文件而不是文件夹`],
        [() => fs.writeFileSync(dir, ''), `${dir} 是文件夹，不是文件`],
        [() => fs.readFileSync(dir), '该位置是文件夹，不是文件'],
        [() => fs.writeFileSync(path.join(dir, 'x'.repeat(300)), ''), '路径过长'],
      ];
      for (const [fail, expected] of failures) {
        let message = '';
        try {
          fail();
        } catch (error) {
          message = userMessage(error);
        }
        expect(message).toContain(expected);
        expectOneChineseLine(message);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the CLI on real files', () => {
  it('says a read-only ledger file is read-only', () => {
    store.db.close();
    fs.chmodSync(store.file, 0o444);
    // Root writes through 0444. As root the file is made immutable instead, which root cannot write
    // either; where that is not allowed, the CLI runs as nobody (which needs the repository to be
    // readable by every user).
    const asRoot = process.getuid?.() === 0;
    const immutable = asRoot && setImmutable(store.file, true);
    if (asRoot && !immutable) fs.chmodSync(store.dir, 0o777);
    try {
      const result = spawnCliSync(
        ['demo', '--db', store.file, '--rows', '3'],
        asRoot && !immutable ? { uid: 65534, gid: 65534, env: { ...process.env, HOME: store.dir } } : {},
      );
      const message = cliMessage({ code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr });
      expect(message).toBe(`台账文件 ${store.file} 是只读的，无法保存：请检查文件权限或换一个位置`);
      expectOneChineseLine(message);
    } finally {
      if (immutable) setImmutable(store.file, false);
    }
  });

  it('says the ledger file is busy while another program holds the write lock', async () => {
    store.db.close();
    const other = new Database(store.file);
    other.exec('BEGIN IMMEDIATE');
    try {
      const message = cliMessage(await runCli(['demo', '--db', store.file, '--rows', '3']));
      expect(message).toContain(`台账文件 ${store.file} 正被其他操作或程序占用`);
      expectOneChineseLine(message);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });

  it('says which part of an export path is a file, not a folder', async () => {
    const blocker = path.join(store.dir, 'passwd');
    fs.writeFileSync(blocker, 'root:x:0:0\n');
    const out = path.join(blocker, 'x.xlsx');
    const xlsx = cliMessage(
      await runCli(['export', 'xlsx', '--db', store.file, '--ledger', 'student-aid', '--out', out]),
    );
    expect(xlsx).toBe(`无法使用 ${out}：其中的 ${blocker} 是文件而不是文件夹，请换一个位置`);
    expectOneChineseLine(xlsx);
    // A report with nothing from the ledgers is refused before its path is looked at: give it records.
    expect((await runCli(['demo', '--db', store.file])).code).toBe(0);
    const docxOut = path.join(blocker, 'x.docx');
    const docx = cliMessage(
      await runCli([
        'export',
        'docx',
        '--db',
        store.file,
        '--report',
        'half-year-summary',
        '--period',
        '2019H1',
        '--out',
        docxOut,
      ]),
    );
    expect(docx).toContain(`其中的 ${blocker} 是文件而不是文件夹`);
    expectOneChineseLine(docx);
    const dbInFile = path.join(blocker, 'new.db');
    const init = cliMessage(await runCli(['init', '--db', dbInFile, '--unit', '测试小学']));
    expect(init).toContain(blocker);
    expectOneChineseLine(init);
  });
});
