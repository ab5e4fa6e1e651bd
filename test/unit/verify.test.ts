import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { attachEvidence } from '../../main/attachments/attachments.js';
import { evidencePath } from '../../main/attachments/evidence-store.js';
import { recordBackup } from '../../main/archive/backup-log.js';
import { verifyLedger } from '../../main/archive/four-checks.js';
import { checkIntegrityInThread } from '../../main/archive/integrity-thread.js';
import { fillDemo } from '../../main/demo/index.js';
import { tempStore, type TempStore } from '../helpers/temp-store.js';
import { runCli } from '../helpers/run-cli.js';

let store: TempStore | undefined;
afterEach(() => {
  store?.dispose();
  store = undefined;
});

async function ledgerWithEvidence(): Promise<{ s: TempStore; sha: string; recordId: number }> {
  const s = (store = tempStore('建始县教育局'));
  fillDemo(s.db, { unitId: s.unit.id, operator: '测试员' });
  const { id } = s.db.prepare(`SELECT id FROM records WHERE ledger_key = 'activity' ORDER BY id LIMIT 1`).get() as {
    id: number;
  };
  const info = await attachEvidence(
    s.db,
    s.file,
    { recordId: id, field: '图文资料', name: '合影.jpg', source: Readable.from([randomBytes(10_000)]) },
    '测试员',
  );
  return { s, sha: info.sha256, recordId: id };
}

const statusOf = (report: Awaited<ReturnType<typeof verifyLedger>>, key: string) =>
  report.checks.find((c) => c.key === key)!;

describe('四性检测', () => {
  it('passes a sound ledger, and only warns that no backup exists yet', async () => {
    const { s } = await ledgerWithEvidence();
    const report = await verifyLedger(s.db, s.file);
    expect(report.ok).toBe(true);
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(statusOf(report, 'backup')).toMatchObject({
      status: 'warn',
      summary: expect.stringMatching(/还没有做过备份/),
    });
    recordBackup(s.db, {
      at: new Date(Date.now() - 8 * 86_400_000).toISOString(),
      file: 'x',
      bytes: 1,
      encrypted: false,
    });
    expect(statusOf(await verifyLedger(s.db, s.file), 'backup').summary).toMatch(/最近一次备份是 8 天前/);
    recordBackup(s.db, { at: new Date().toISOString(), file: 'x', bytes: 1, encrypted: false });
    expect(statusOf(await verifyLedger(s.db, s.file), 'backup').status).toBe('pass');
  });

  it('fails and names an evidence file that was altered or deleted', async () => {
    const { s, sha, recordId } = await ledgerWithEvidence();
    const file = evidencePath(`${s.file}.files`, sha);
    fs.appendFileSync(file, 'x');
    const altered = statusOf(await verifyLedger(s.db, s.file), 'evidence');
    expect(altered.status).toBe('fail');
    expect(altered.details).toEqual([`附件“合影.jpg”（记录 ${recordId}）的文件已被改动（校验值不符）`]);
    fs.rmSync(file);
    expect(statusOf(await verifyLedger(s.db, s.file), 'evidence').details).toEqual([
      `附件“合影.jpg”（记录 ${recordId}）的文件缺失`,
    ]);
  });

  it('fails and names a record whose required value was blanked behind the app', async () => {
    const { s } = await ledgerWithEvidence();
    s.db.close();
    const raw = new Database(s.file);
    const { id } = raw.prepare(`SELECT id FROM records WHERE ledger_key = 'student-aid' ORDER BY id LIMIT 1`).get() as {
      id: number;
    };
    raw.prepare(`UPDATE records SET data = json_set(data, '$.name', '') WHERE id = ?`).run(id);
    raw.close();
    const cli = await runCli(['verify', '--db', s.file]);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain('[完整性] 必填项齐全：不通过。1 条记录缺少必填项');
    expect(cli.stdout).toContain(`学生资助台账 记录 ${id} 缺少 “姓名”`);
    expect(cli.stdout.trim().split('\n').at(-1)).toBe('检测不通过');
    const json = await runCli(['verify', '--db', s.file, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false });
  }, 30_000);

  it('the CLI exits 0 on a sound ledger, one line per check', async () => {
    const { s } = await ledgerWithEvidence();
    s.db.close();
    const cli = await runCli(['verify', '--db', s.file]);
    expect(cli.code, cli.stderr).toBe(0);
    const lines = cli.stdout.trim().split('\n');
    // One line per check of verifyLedger, submissions' files among them.
    expect(lines.filter((l) => l.startsWith('['))).toHaveLength(8);
    expect(cli.stdout).toContain('[真实性] 报送文件与报送时一致：通过');
    expect(lines.at(-1)).toBe('检测通过');
    expect(path.basename(s.file)).toBe('ledger.db');
  }, 30_000);
});

describe('四性检测: the database structure and the search index', () => {
  it('fails when an index of the records no longer holds every record', async () => {
    const { s } = await ledgerWithEvidence();
    s.db.close();
    // Change one record's date inside an index page, behind SQLite: the index no longer matches its table.
    const raw = new Database(s.file);
    const { pageno } = raw
      .prepare(`SELECT pageno FROM dbstat WHERE name = 'records_by_ledger_date' AND pagetype = 'leaf' LIMIT 1`)
      .get() as { pageno: number };
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    raw.close();
    const bytes = fs.readFileSync(s.file);
    const page = bytes.subarray((pageno - 1) * pageSize, pageno * pageSize);
    const at = page.lastIndexOf('2019-');
    expect(at).toBeGreaterThan(0);
    page[at + 3] = '7'.charCodeAt(0);
    fs.writeFileSync(s.file, bytes);
    const reopened = new Database(s.file, { readonly: true });
    try {
      const check = statusOf(await verifyLedger(reopened as never, s.file), 'integrity');
      expect(check.status).toBe('fail');
      expect(check.details.join('\n')).toMatch(/records_by_ledger_date/);
    } finally {
      reopened.close();
    }
  });

  it('fails when records are missing from the search index', async () => {
    const { s } = await ledgerWithEvidence();
    s.db.close();
    const raw = new Database(s.file);
    const { id } = raw.prepare(`SELECT max(id) AS id FROM records`).get() as { id: number };
    raw.prepare(`DELETE FROM records_fts WHERE rowid = ?`).run(id);
    raw.close();
    const reopened = new Database(s.file, { readonly: true });
    try {
      const check = statusOf(await verifyLedger(reopened as never, s.file), 'search-index');
      expect(check.status).toBe('fail');
      expect(check.summary).toBe('检索索引缺少 1 条记录：搜索会漏掉它们');
    } finally {
      reopened.close();
    }
  });

  it("checks the tables in a thread of its own, on its own connection, and passes SQLite's error code back", async () => {
    const { s } = await ledgerWithEvidence();
    await expect(checkIntegrityInThread({ dbFile: s.file, tables: ['records', 'audit_log'] })).resolves.toEqual([]);
    const notALedger = path.join(path.dirname(s.file), 'not-a-ledger.db');
    fs.writeFileSync(notALedger, randomBytes(8192));
    await expect(checkIntegrityInThread({ dbFile: notALedger, tables: ['records'] })).rejects.toMatchObject({
      code: 'SQLITE_NOTADB',
    });
  });
});
