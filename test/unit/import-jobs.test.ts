import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type ApiContext } from '../../main/api.js';
import { ImportJobs } from '../../main/import/import-jobs.js';
import { getLedgerDefinition } from '../../main/store/ledger-types.js';
import { countRecords } from '../../main/store/record-query.js';
import { createRecord } from '../../main/store/records.js';
import { DemoRandom } from '../../main/demo/random.js';
import { studentAidRows } from '../../main/demo/student-aid.js';
import { tempStore, type TempStore } from '../helpers/temp-store.js';
import { attachmentTable, buildXlsx } from './import-xlsx-fixtures.js';

let store: TempStore;
let jobs: ImportJobs;
let ctx: ApiContext;
beforeEach(() => {
  store = tempStore();
  jobs = new ImportJobs();
  ctx = { db: store.db, dbFile: store.file, operator: '测试员', transport: 'test', imports: jobs };
});
afterEach(async () => {
  await jobs.dispose();
  store.dispose();
});

const built = new Map<number, Promise<string>>();

/** The workbook of `rows` demo records, built once for the tests that import it (each into a new ledger). */
function studentAidXlsx(rows: number): Promise<string> {
  let data = built.get(rows);
  if (!data) {
    const def = getLedgerDefinition(store.db, 'student-aid');
    const values = [...studentAidRows(new DemoRandom(9), rows)].map((r) => r.values);
    data = buildXlsx([attachmentTable(def, values as never)]).then((book) => book.toString('base64'));
    built.set(rows, data);
  }
  return data;
}

async function call<T>(method: Parameters<typeof dispatch>[1], input: unknown): Promise<T> {
  const result = await dispatch(ctx, method, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

type Status = { state: string; rowsRead: number; fraction: number; outcome?: { imported: number }; error?: string };

async function until(jobId: string, done: (s: Status) => boolean): Promise<Status> {
  for (;;) {
    const status = await call<Status>('import.status', { jobId });
    if (done(status)) return status;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('imports the UI follows', () => {
  it('reports rows read and how far through the sheet, then the outcome', async () => {
    const data = await studentAidXlsx(6000);
    const { jobId } = await call<{ jobId: string }>('import.start', {
      ledger: 'student-aid',
      fileName: '资助.xlsx',
      data,
    });
    const seen: Status[] = [];
    const last = await until(jobId, (s) => {
      seen.push(s);
      return s.state !== 'running';
    });
    expect(last).toMatchObject({ state: 'done', fraction: 1, outcome: { imported: 6000, skipped: 0, rejected: [] } });
    const running = seen.filter((s) => s.state === 'running' && s.rowsRead > 0);
    expect(running.length).toBeGreaterThan(0);
    for (const [a, b] of running.slice(1).map((s, i) => [running[i]!, s] as const)) {
      expect(b.rowsRead).toBeGreaterThanOrEqual(a.rowsRead);
      expect(b.fraction).toBeGreaterThanOrEqual(a.fraction);
    }
    expect(running.every((s) => s.fraction > 0 && s.fraction <= 1)).toBe(true);
    expect(countRecords(store.db, { ledger: 'student-aid' })).toBe(6000);
  });

  it('cancels mid-way: rolled back, nothing written, the ledger file free for the next write', async () => {
    const data = await studentAidXlsx(30_000);
    const { jobId } = await call<{ jobId: string }>('import.start', {
      ledger: 'student-aid',
      fileName: '资助.xlsx',
      data,
    });
    const started = await until(jobId, (s) => s.rowsRead > 0 || s.state !== 'running');
    expect(started.state).toBe('running');
    expect(started.fraction).toBeLessThan(1);
    const cancelled = await call<Status>('import.cancel', { jobId });
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.outcome).toBeUndefined();
    expect(countRecords(store.db, { ledger: 'student-aid' })).toBe(0);
    const audit = store.db.prepare(`SELECT COUNT(*) FROM audit_log WHERE action = 'import'`).pluck().get();
    expect(audit).toBe(0);
    // The worker's write lock is gone: the app's own connection writes at once.
    const [row] = studentAidRows(new DemoRandom(1), 1);
    expect(createRecord(store.db, { ledger: 'student-aid', values: row!.values }, '测试员').id).toBeGreaterThan(0);
  });

  it('runs one import at a time and names an unknown job', async () => {
    // The workbook the cancel test imports: long enough that the first import still runs when the second asks.
    const data = await studentAidXlsx(30_000);
    const first = await call<{ jobId: string }>('import.start', { ledger: 'student-aid', fileName: 'a.xlsx', data });
    const second = await dispatch(ctx, 'import.start', { ledger: 'student-aid', fileName: 'b.xlsx', data });
    expect(second).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('已有一个导入正在进行') },
    });
    await call('import.cancel', first);
    const unknown = await dispatch(ctx, 'import.status', { jobId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const malformed = await dispatch(ctx, 'import.status', { jobId: '../../etc/passwd' });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});
