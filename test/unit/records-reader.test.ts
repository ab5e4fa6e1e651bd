import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempStore, type TempStore } from '../helpers/temp-store.js';
import { SAMPLE_AID } from '../helpers/sample-aid.js';
import { insertRecordsBulk } from '../../main/store/bulk.js';
import { getLedgerDefinition } from '../../main/store/ledger-types.js';
import { createRecord } from '../../main/store/records.js';
import { dispatch } from '../../main/api.js';
import type { ApiResult } from '../../shared/api-methods.js';
import type { ApiOutput } from '../../shared/api.js';

// Counts the grid's reads made on this (the API's) thread; the reader thread has its own modules.
const onApiThread = vi.hoisted(() => ({ reads: 0 }));
vi.mock('../../main/store/record-query.js', async (original) => {
  const actual = await original<typeof import('../../main/store/record-query.js')>();
  return {
    ...actual,
    queryRecords: (...args: Parameters<typeof actual.queryRecords>) => {
      onApiThread.reads++;
      return actual.queryRecords(...args);
    },
    recordTotals: (...args: Parameters<typeof actual.recordTotals>) => {
      onApiThread.reads++;
      return actual.recordTotals(...args);
    },
  };
});

let store: TempStore;
beforeEach(() => {
  store = tempStore();
  const def = getLedgerDefinition(store.db, 'student-aid');
  const rows = Array.from({ length: 30 }, (_, i) => ({
    values: { ...SAMPLE_AID, name: `学生${i + 1}`, amount: String(100 * (i + 1)) },
  }));
  insertRecordsBulk(store.db, def, store.unit.id, rows, { operator: '测试员', source: 'test' });
});
afterEach(() => store.dispose());

const ctx = () => ({ db: store.db, dbFile: store.file, operator: '测试员', transport: 'test' as const });

describe("the grid's reads", () => {
  it('run in the reader thread, never on the thread that answers the other calls, and see each save', async () => {
    const query = { ledger: 'student-aid', sort: { field: 'name', direction: 'asc' as const }, startRow: 0, endRow: 5 };
    const first = (await dispatch(ctx(), 'records.query', query)) as ApiResult<ApiOutput<'records.query'>>;
    expect(first.ok && first.value.total).toBe(30);
    expect(first.ok && first.value.rows.map((r) => r.values.name)).toEqual([
      '学生1',
      '学生10',
      '学生11',
      '学生12',
      '学生13',
    ]);
    const totals = (await dispatch(ctx(), 'records.totals', { ledger: 'student-aid' })) as ApiResult<
      ApiOutput<'records.totals'>
    >;
    expect(totals.ok && totals.value).toEqual({ count: 30, sums: { amount: 46_500 } });

    // A save on the API's connection is seen by the next read, the kept order of the sort included.
    createRecord(store.db, { ledger: 'student-aid', values: { ...SAMPLE_AID, name: '学生0', amount: '50' } }, '测试员');
    const after = (await dispatch(ctx(), 'records.query', query)) as ApiResult<ApiOutput<'records.query'>>;
    expect(after.ok && after.value.total).toBe(31);
    expect(after.ok && after.value.rows[0]!.values.name).toBe('学生0');
    expect(onApiThread.reads).toBe(0);
  });
});
