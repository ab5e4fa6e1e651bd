import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../main/store/index.js';
import { SCHEMA_VERSION } from '../../main/store/database.js';
import { BulkInsert } from '../../main/store/bulk.js';
import { createRecord, getRecord, updateRecord } from '../../main/store/records.js';
import { countRecords, iterateRecords, listRecords } from '../../main/store/record-query.js';
import { getLedgerDefinition, listLedgerSummaries } from '../../main/store/ledger-types.js';
import {
  abandonBatch,
  countBatchRows,
  finishBatch,
  startBatch,
  sweepAbandoned,
} from '../../main/store/import-batches.js';
import { queuedWrite } from '../../main/store/write-queue.js';
import { ExistingRecords } from '../../main/import/duplicates.js';
import { ledgerRows } from '../../main/reports/ledger-rows.js';
import { DemoRandom } from '../../main/demo/random.js';
import { studentAidRows } from '../../main/demo/student-aid.js';
import type { Db } from '../../main/store/database.js';
import { ImportJobs } from '../../main/import/import-jobs.js';
import { tempDir, tempStore, type TempStore } from '../helpers/temp-store.js';
import { attachmentTable, buildXlsx } from './import-xlsx-fixtures.js';
import { oldLedgerFile, versionBefore } from '../helpers/old-ledger.js';

let store: TempStore;
afterEach(() => store?.dispose());

const LEDGER = 'student-aid';

function rows(seed: number, count: number) {
  return [...studentAidRows(new DemoRandom(seed), count)].map((r) => r.values);
}

/** Writes rows into a new batch, in one chunk, as an import does; returns the batch and the ids. */
function batchOf(db: Db, unitId: number, values: Array<Record<string, unknown>>) {
  const batchId = startBatch(db, {
    ledger: LEDGER,
    unitId,
    fileName: '资助.xlsx',
    sha256: 'a'.repeat(64),
    operator: 't',
  });
  const bulk = new BulkInsert(db, getLedgerDefinition(db, LEDGER), unitId, { batchId });
  const ids = db
    .transaction(() => {
      const written = values.map((v) => bulk.add({ values: v }));
      countBatchRows(db, batchId, written.length);
      return written;
    })
    .immediate();
  return { batchId, ids };
}

/** What each reader of the app sees of the ledger: list, count, search, summary, export, report, duplicates. */
function seen(db: Db, unitId: number, search: string) {
  const def = getLedgerDefinition(db, LEDGER);
  return {
    count: countRecords(db, { ledger: LEDGER }),
    listed: listRecords(db, { ledger: LEDGER }, { page: 1, pageSize: 100 }).rows.length,
    found: countRecords(db, { ledger: LEDGER, search }),
    summary: listLedgerSummaries(db, unitId).find((l) => l.key === LEDGER)!.count,
    exported: [...iterateRecords(db, { ledger: LEDGER })].length,
    reported: ledgerRows(db, LEDGER, ['name'], { unitId, from: '1900-01-01', to: '2999-12-31' }).length,
    keys: new ExistingRecords(db, def, unitId).keys.size,
  };
}

function rawCount(db: Db): number {
  return db.prepare('SELECT count(*) FROM records').pluck().get() as number;
}

describe('import batches', () => {
  it('keeps the rows of a running batch from every reader until the batch is done', () => {
    store = tempStore();
    const { db, unit } = store;
    createRecord(db, { ledger: LEDGER, values: rows(1, 1)[0]! }, 't');
    const imported = rows(2, 40);
    const idNumber = String(imported[0]!.id_number);
    const { batchId, ids } = batchOf(db, unit.id, imported);
    expect(rawCount(db)).toBe(41);

    const one = { count: 1, listed: 1, found: 0, summary: 1, exported: 1, reported: 1, keys: 1 };
    expect(seen(db, unit.id, idNumber)).toEqual(one);
    expect(() => getRecord(db, ids[0]!)).toThrowError(/记录不存在/);
    expect(() => updateRecord(db, { id: ids[0]!, values: imported[0]! }, 't')).toThrowError(/记录不存在/);

    db.transaction(() => finishBatch(db, batchId, { skipped: 0, rejected: 0 }))();
    expect(seen(db, unit.id, idNumber)).toEqual({
      count: 41,
      listed: 41,
      found: 1,
      summary: 41,
      exported: 41,
      reported: 41,
      keys: 41,
    });
    expect(getRecord(db, ids[0]!).values.id_number).toBe(idNumber);
  });

  it('deletes an abandoned batch’s rows, a chunk at a time, and nothing else', () => {
    store = tempStore();
    const { db, unit } = store;
    const done = batchOf(db, unit.id, rows(3, 30));
    db.transaction(() => finishBatch(db, done.batchId, { skipped: 0, rejected: 0 }))();
    const cut = batchOf(db, unit.id, rows(4, 4500));
    expect(rawCount(db)).toBe(4530);
    abandonBatch(db, cut.batchId);
    expect(countRecords(db, { ledger: LEDGER })).toBe(30);
    expect(sweepAbandoned(db)).toBe(4500);
    expect(rawCount(db)).toBe(30);
    expect(db.prepare('SELECT count(*) FROM records_fts').pluck().get()).toBe(30);
    expect(() => db.transaction(() => finishBatch(db, cut.batchId, { skipped: 0, rejected: 0 }))()).toThrowError(
      /已被放弃/,
    );
  });

  it('migrates a file of the previous schema version with its records, which stay visible and editable', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.db');
    try {
      const before = versionBefore('CREATE TABLE import_batches');
      const values = rows(5, 25);
      const ids = oldLedgerFile(file, before, values);
      const db = openStore(file, { mustExist: true });
      try {
        expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
        expect(db.prepare('SELECT count(*) FROM records WHERE import_batch_id IS NULL').pluck().get()).toBe(25);
        expect(countRecords(db, { ledger: LEDGER })).toBe(25);
        expect(countRecords(db, { ledger: LEDGER, search: String(values[7]!.id_number) })).toBe(1);
        const edited = updateRecord(db, { id: ids[3]!, values: { ...values[3]!, name: '王晓雨' } }, 't');
        expect(edited.values.name).toBe('王晓雨');
        const unitId = getRecord(db, ids[0]!).unitId;
        const { batchId } = batchOf(db, unitId, rows(6, 5));
        expect(countRecords(db, { ledger: LEDGER })).toBe(25);
        db.transaction(() => finishBatch(db, batchId, { skipped: 0, rejected: 0 }))();
        expect(countRecords(db, { ledger: LEDGER })).toBe(30);
        expect(db.pragma('foreign_key_check')).toEqual([]);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        db.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a cancelled import', () => {
  it('marks its batch abandoned and deletes the rows it had written before it ends', async () => {
    store = tempStore();
    const { db } = store;
    const def = getLedgerDefinition(db, LEDGER);
    const data = (await buildXlsx([attachmentTable(def, rows(12, 30_000) as never)])).toString('base64');
    const jobs = new ImportJobs();
    try {
      const { jobId } = jobs.start({
        dbFile: store.file,
        operator: 't',
        ledger: LEDGER,
        unit: { id: store.unit.id },
        source: { base64: data, fileName: '资助.xlsx' },
        action: { kind: 'commit', allowDuplicates: false },
      });
      const written = db.prepare(`SELECT rows_written FROM import_batches WHERE state = 'running'`).pluck();
      while (((written.get() as number | undefined) ?? 0) < 4000 && jobs.status(jobId).state === 'running') {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      // Chunks already committed, yet nobody sees them.
      expect(rawCount(db)).toBeGreaterThanOrEqual(4000);
      expect(countRecords(db, { ledger: LEDGER })).toBe(0);
      expect((await jobs.cancel(jobId)).state).toBe('cancelled');
      expect(rawCount(db)).toBe(0);
      expect(db.prepare('SELECT state FROM import_batches').pluck().all()).toEqual(['abandoned']);
    } finally {
      await jobs.dispose();
    }
  }, 60_000);
});

describe('saves while another connection holds the write lock', () => {
  function ticker() {
    let last = performance.now();
    let longest = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 5);
    return {
      stop: () => {
        clearInterval(timer);
        return longest;
      },
    };
  }

  it('waits its turn without blocking the event loop, in order', async () => {
    store = tempStore();
    const { db } = store;
    const other = new Database(store.file);
    try {
      other.exec('BEGIN IMMEDIATE');
      const ticks = ticker();
      const [a, b] = rows(7, 2);
      const first = queuedWrite(db, () => createRecord(db, { ledger: LEDGER, values: a! }, 't'));
      const second = queuedWrite(db, () => createRecord(db, { ledger: LEDGER, values: b! }, 't'));
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(countRecords(db, { ledger: LEDGER })).toBe(0);
      other.exec('COMMIT');
      const [x, y] = await Promise.all([first, second]);
      expect(ticks.stop()).toBeLessThan(100);
      expect(x.id).toBeLessThan(y.id);
      expect(countRecords(db, { ledger: LEDGER })).toBe(2);
    } finally {
      other.close();
    }
  });

  it('gives up after its wait, naming the import and how far it has got, in one Chinese line', async () => {
    store = tempStore();
    const { db } = store;
    batchOf(db, store.unit.id, rows(8, 3));
    const other = new Database(store.file);
    try {
      other.exec('BEGIN IMMEDIATE');
      const save = queuedWrite(db, () => createRecord(db, { ledger: LEDGER, values: rows(9, 1)[0]! }, 't'), {
        waitMs: 300,
      });
      await expect(save).rejects.toMatchObject({
        code: 'busy',
        message: '正在把 资助.xlsx 导入“学生资助台账”（已写入 3 行），完成后再保存',
      });
      other.exec('ROLLBACK');
      // The queue goes on after a save that gave up.
      const next = await queuedWrite(db, () => createRecord(db, { ledger: LEDGER, values: rows(10, 1)[0]! }, 't'));
      expect(next.id).toBeGreaterThan(0);
    } finally {
      other.close();
    }
  });
});
