import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type ApiContext } from '../../main/api.js';
import { insertRecordsBulk } from '../../main/store/bulk.js';
import { getLedgerDefinition } from '../../main/store/ledger-types.js';
import { countRecords } from '../../main/store/record-query.js';
import { DemoRandom } from '../../main/demo/random.js';
import { studentAidRows } from '../../main/demo/student-aid.js';
import { tempStore, type TempStore } from '../helpers/temp-store.js';
import { attachmentTable, buildXlsx } from './import-xlsx-fixtures.js';

let store: TempStore;
let ctx: ApiContext;
beforeEach(() => {
  store = tempStore();
  ctx = { db: store.db, dbFile: store.file, operator: '测试员', transport: 'test' };
});
afterEach(() => store.dispose());

const ROWS = 10_000;

async function studentAidXlsx(rows: number): Promise<string> {
  const def = getLedgerDefinition(store.db, 'student-aid');
  const values = [...studentAidRows(new DemoRandom(5), rows)].map((r) => r.values);
  return (await buildXlsx([attachmentTable(def, values as never)])).toString('base64');
}

/** Counts the ticks of a 10 ms interval and the longest gap between two, while `work` runs. */
async function ticksDuring<T>(work: () => Promise<T>): Promise<{ value: T; ticks: number; longestGap: number }> {
  let ticks = 0;
  let longestGap = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
    ticks++;
  }, 10);
  try {
    return { value: await work(), ticks, longestGap };
  } finally {
    clearInterval(timer);
  }
}

describe('the import runs in a worker thread', () => {
  it('keeps the calling thread free while a large file is planned and written', async () => {
    const data = await studentAidXlsx(ROWS);
    const { value, ticks, longestGap } = await ticksDuring(() =>
      dispatch(ctx, 'import.commit', { ledger: 'student-aid', fileName: '资助.xlsx', data }),
    );
    expect(value).toMatchObject({ ok: true, value: { imported: ROWS, skipped: 0, rejected: [] } });
    expect(ticks).toBeGreaterThan(20);
    // Written in-process, 10,000 rows hold the thread for well over a second in one transaction.
    expect(longestGap).toBeLessThan(400);
    // The caller's own connection sees what the worker's connection wrote.
    expect(countRecords(store.db, { ledger: 'student-aid' })).toBe(ROWS);
  });

  it('reports a damaged file with its Chinese message and writes nothing', async () => {
    const whole = Buffer.from(await studentAidXlsx(20), 'base64');
    const data = whole.subarray(0, Math.floor(whole.length / 2)).toString('base64');
    const result = await dispatch(ctx, 'import.commit', { ledger: 'student-aid', fileName: '资助.xlsx', data });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'bad-file',
        message: expect.stringContaining('文件不完整（可能下载或复制时中断了），请重新获取原文件'),
      },
    });
    expect(countRecords(store.db, { ledger: 'student-aid' })).toBe(0);
    const audit = store.db.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'import'`).get() as {
      n: number;
    };
    expect(audit.n).toBe(0);
  });
});

describe('insertRecordsBulk', () => {
  it('checks every row unless told the rows are already validated', () => {
    const def = getLedgerDefinition(store.db, 'student-aid');
    const [row] = [...studentAidRows(new DemoRandom(9), 1)];
    const bad = { values: { ...row!.values, amount: '很多' } };
    const audit = { operator: '测试员', source: 'test' };
    expect(() => insertRecordsBulk(store.db, def, store.unit.id, [bad], audit)).toThrow(/资助金额/);
    expect(countRecords(store.db, { ledger: 'student-aid' })).toBe(0);
    expect(insertRecordsBulk(store.db, def, store.unit.id, [row!], audit, { prevalidated: true })).toMatchObject({
      inserted: 1,
    });
  });
});
