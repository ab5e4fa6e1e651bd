import fs from 'node:fs';
import { once } from 'node:events';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { fillDemo } from '../../main/demo/index.js';
import { listAudit } from '../../main/store/audit.js';
import { openStore } from '../../main/store/index.js';
import { createRecord } from '../../main/store/records.js';
import { failAbandonedSubmissions } from '../../main/submissions/abandoned.js';
import { beginSubmission } from '../../main/submissions/submission-store.js';
import { parsePeriod } from '../../shared/period.js';
import { tempDir, tempStore, type TempStore } from '../helpers/temp-store.js';
import { spawnCli } from '../helpers/spawn-cli.js';
import { runCli } from '../helpers/run-cli.js';
import { SAMPLE_AID } from '../helpers/sample-aid.js';

let store: TempStore | undefined;
let out: string | undefined;
afterEach(() => {
  store?.dispose();
  store = undefined;
  if (out) fs.rmSync(out, { recursive: true, force: true });
  out = undefined;
});

function submissionState(file: string): { state: string; folder: string } | undefined {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT state, folder FROM submissions ORDER BY id DESC LIMIT 1`).get() as
      { state: string; folder: string } | undefined;
  } finally {
    db.close();
  }
}

describe('a submission whose process is killed while it writes its files', () => {
  it('is marked failed at the next start, its lock lifted and its half-written folder removed', async () => {
    const s = (store = tempStore('建始县教育局'));
    fillDemo(s.db, { unitId: s.unit.id, operator: '测试员', studentAidRows: 20_000 });
    s.db.close();
    out = tempDir();
    const child = spawnCli(
      ['submit', '--db', s.file, '--period', '2019', '--ledger', 'student-aid,dropout', '--out', out, '--zip'],
      { stdio: 'ignore', env: { ...process.env, TAIZHANG_OPERATOR: '报送员' } },
    );
    const exited = once(child, 'exit');
    // Killed once its files are being written: the submission is recorded and its folder made.
    let seen: { state: string; folder: string } | undefined;
    for (let i = 0; i < 1_000; i++) {
      seen = submissionState(s.file);
      if (seen?.state === 'generating' && seen.folder && fs.existsSync(seen.folder)) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(seen?.state).toBe('generating');
    child.kill('SIGKILL');
    await exited;
    expect(fs.existsSync(seen!.folder)).toBe(true);

    s.db = openStore(s.file);
    // Locked while it was being written: a record of the period is refused.
    expect(() => createRecord(s.db, { ledger: 'student-aid', values: SAMPLE_AID }, '测试员')).toThrow(/报送 #1/);
    // The next command that looks at submissions finds it abandoned.
    const listed = await runCli(['submissions', '--db', s.file, '--json']);
    expect(JSON.parse(listed.stdout)).toMatchObject([{ id: 1, state: 'failed' }]);
    expect(submissionState(s.file)?.state).toBe('failed');
    expect(fs.existsSync(seen!.folder)).toBe(false);
    expect(fs.readdirSync(out)).toEqual([]);
    expect(listAudit(s.db, 'submission', 1).at(-1)).toMatchObject({
      action: 'update',
      before: { state: 'generating' },
      after: { state: 'failed', reason: '文件没有生成完成：生成文件时程序意外退出' },
    });
    createRecord(s.db, { ledger: 'student-aid', values: SAMPLE_AID }, '测试员');
    // Once is enough: the next start finds nothing to do.
    expect(failAbandonedSubmissions(s.db, '测试员')).toEqual([]);
  }, 60_000);

  it('leaves alone a submission whose process is still writing', () => {
    const s = (store = tempStore('建始县教育局'));
    out = tempDir();
    // Begun by this very process, which is running.
    beginSubmission(s.db, {
      unit: s.unit,
      period: parsePeriod('2019')!,
      ledgers: ['student-aid'],
      reports: [],
      parent: out,
      zip: false,
      operator: '测试员',
    });
    expect(failAbandonedSubmissions(s.db, '测试员')).toEqual([]);
    expect(submissionState(s.file)?.state).toBe('generating');
  });
});
