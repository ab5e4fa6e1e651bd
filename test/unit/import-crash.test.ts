import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../main/store/index.js';
import { createUnit } from '../../main/store/units.js';
import { getLedgerDefinition } from '../../main/store/ledger-types.js';
import { countRecords } from '../../main/store/record-query.js';
import { DemoRandom } from '../../main/demo/random.js';
import { studentAidRows } from '../../main/demo/student-aid.js';
import { tempDir } from '../helpers/temp-store.js';
import { spawnCli } from '../helpers/spawn-cli.js';
import { attachmentTable, writeXlsx } from './import-xlsx-fixtures.js';

/** Rows the import has written so far (0 before its batch exists). */
function rowsWritten(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    const row = db.prepare(`SELECT rows_written FROM import_batches WHERE state = 'running'`).pluck().get();
    return (row as number | undefined) ?? 0;
  } catch {
    return 0;
  } finally {
    db.close();
  }
}

describe('an import killed mid-way', () => {
  it('leaves no imported row visible, and the next open of the ledger deletes them', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ledger.db');
    try {
      const db = openStore(file);
      createUnit(db, '建始县高坪镇中心小学', '测试员');
      const def = getLedgerDefinition(db, 'student-aid');
      db.close();
      const values = [...studentAidRows(new DemoRandom(11), 30_000)].map((r) => r.values);
      const xlsx = await writeXlsx(dir, '资助.xlsx', [attachmentTable(def, values as never)]);

      const child = spawnCli(['import', 'xlsx', '--db', file, '--ledger', 'student-aid', '--in', xlsx], {
        stdio: 'ignore',
      });
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.on('exit', (_code, signal) => resolve(signal)),
      );
      let written = 0;
      while (child.exitCode === null && (written = rowsWritten(file)) < 4000) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      expect(written).toBeGreaterThanOrEqual(4000);

      // What the killed process left: rows on disk, none of them seen by a reader.
      const left = new Database(file);
      try {
        expect(left.prepare('SELECT count(*) FROM records').pluck().get()).toBeGreaterThanOrEqual(4000);
        expect(countRecords(left, { ledger: 'student-aid' })).toBe(0);
      } finally {
        left.close();
      }

      const reopened = openStore(file, { mustExist: true });
      try {
        expect(reopened.prepare('SELECT count(*) FROM records').pluck().get()).toBe(0);
        expect(reopened.prepare('SELECT count(*) FROM records_fts').pluck().get()).toBe(0);
        expect(reopened.prepare('SELECT state FROM import_batches').pluck().all()).toEqual(['abandoned']);
        expect(reopened.prepare(`SELECT count(*) FROM audit_log WHERE action = 'import'`).pluck().get()).toBe(0);
        expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        reopened.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
