import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { attachEvidence, listAttachments, removeAttachment } from '../../main/attachments/attachments.js';
import fs from 'node:fs';
import path from 'node:path';
import XLSX from 'xlsx';
import { afterEach, describe, expect, it } from 'vitest';
import { fillDemo } from '../../main/demo/index.js';
import { verifyLedger } from '../../main/archive/four-checks.js';
import { listAudit } from '../../main/store/audit.js';
import { getLedgerDefinition } from '../../main/store/ledger-types.js';
import { createRecord, deleteRecord, getRecord, updateRecord } from '../../main/store/records.js';
import { runInSubmissionWorker } from '../../main/submissions/submission-in-worker.js';
import type { Submission } from '../../shared/submission-api.js';
import { tempDir, tempStore, type TempStore } from '../helpers/temp-store.js';
import { runCli } from '../helpers/run-cli.js';
import { attachmentTable, idNumber, writeXlsx } from './import-xlsx-fixtures.js';

let store: TempStore | undefined;
let out: string | undefined;
afterEach(() => {
  store?.dispose();
  store = undefined;
  if (out) fs.rmSync(out, { recursive: true, force: true });
  out = undefined;
});

const LOCKED = /^2019年上半年的学生资助台账已于 \d{4}-\d{2}-\d{2} 报送（报送 #1），如需修改请先解锁$/;

function sha256(file: string): string {
  return execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0]!;
}

/** Data rows of an attachment table read back with SheetJS: those numbered in the 序号 column. */
function tableRows(file: string): number {
  const book = XLSX.read(fs.readFileSync(file));
  const sheet = book.Sheets[book.SheetNames[0]!]!;
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 });
  return rows.filter((row) => typeof row[0] === 'number').length;
}

function countIn(s: TempStore, ledger: string, from: string, to: string): number {
  return s.db
    .prepare(
      'SELECT count(*) FROM visible_records WHERE ledger_key = ? AND unit_id = ? AND record_date BETWEEN ? AND ?',
    )
    .pluck()
    .get(ledger, s.unit.id, from, to) as number;
}

function firstIn(s: TempStore, ledger: string, from: string, to: string): number {
  return s.db
    .prepare('SELECT id FROM records WHERE ledger_key = ? AND record_date BETWEEN ? AND ? ORDER BY id LIMIT 1')
    .pluck()
    .get(ledger, from, to) as number;
}

async function submitted(): Promise<{ s: TempStore; submission: Submission }> {
  const s = (store = tempStore('建始县高坪镇中心小学'));
  fillDemo(s.db, { unitId: s.unit.id, operator: '测试员', studentAidRows: 60 });
  out = tempDir();
  const result = await runCli(
    [
      'submit',
      '--db',
      s.file,
      '--period',
      '2019H1',
      '--ledger',
      'student-aid,activity',
      '--report',
      'half-year-summary',
      '--out',
      out,
      '--zip',
    ],
    { TAIZHANG_OPERATOR: '张老师' },
  );
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return { s, submission: JSON.parse(result.stdout) as Submission };
}

async function importOne(s: TempStore, paidOn: string): Promise<{ code: number; stderr: string }> {
  const def = getLedgerDefinition(s.db, 'student-aid');
  const values = {
    name: '向小红',
    gender: '女',
    id_number: idNumber('42282220080315002'),
    stage: '小学',
    family_type: '建档立卡',
    aid_item: '营养改善计划',
    amount: 800,
    paid_on: paidOn,
  };
  const file = await writeXlsx(out!, `导入-${paidOn}.xlsx`, [attachmentTable(def, [values])]);
  return runCli(['import', 'xlsx', '--db', s.file, '--ledger', 'student-aid', '--in', file]);
}

describe('报送', () => {
  it('writes the tables, report, manifest and zip; the manifest matches the files read back', async () => {
    const { s, submission } = await submitted();
    expect(submission).toMatchObject({ id: 1, state: 'locked', period: '2019H1', operator: '张老师' });
    expect(path.basename(submission.folder)).toBe('报送1-2019年上半年-建始县高坪镇中心小学');
    const manifest = JSON.parse(fs.readFileSync(path.join(submission.folder, 'manifest.json'), 'utf8'));
    expect(sha256(path.join(submission.folder, 'manifest.json'))).toBe(submission.manifestSha256);
    expect(manifest).toMatchObject({
      format: 'taizhang-submission',
      submission: 1,
      unit: '建始县高坪镇中心小学',
      period: { code: '2019H1', label: '2019年上半年', from: '2019-01-01', to: '2019-06-30' },
      operator: '张老师',
    });
    expect(manifest.files).toHaveLength(3);
    for (const file of manifest.files) {
      const full = path.join(submission.folder, file.name);
      expect(sha256(full)).toBe(file.sha256);
      expect(fs.statSync(full).size).toBe(file.size);
    }
    for (const ledger of manifest.ledgers) {
      const expected = countIn(s, ledger.key, '2019-01-01', '2019-06-30');
      expect(expected).toBeGreaterThan(0);
      expect(ledger.records).toBe(expected);
      expect(tableRows(path.join(submission.folder, ledger.file))).toBe(expected);
    }
    expect(manifest.reports).toEqual([expect.objectContaining({ type: 'half-year-summary', label: '半年工作总结' })]);
    const zipped = execFileSync('unzip', ['-Z1', submission.zip!], { encoding: 'utf8' }).trim().split('\n');
    expect(zipped.sort()).toEqual([...manifest.files.map((f: { name: string }) => f.name), 'manifest.json'].sort());
    const listed = await runCli(['submissions', '--db', s.file, '--json']);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ id: 1, state: 'locked' })]);
  });

  it('refuses editing, deleting, creating and importing in the locked period, naming the submission, until unlocked', async () => {
    const { s } = await submitted();
    const id = firstIn(s, 'student-aid', '2019-01-01', '2019-06-30');
    const record = getRecord(s.db, id);
    const before = countIn(s, 'student-aid', '2019-01-01', '2019-12-31');
    expect(() => updateRecord(s.db, { id, values: { ...record.values, remark: '改' } }, '测试员')).toThrow(LOCKED);
    expect(() => deleteRecord(s.db, id, '测试员')).toThrow(LOCKED);
    const fresh = { ...record.values, id_number: idNumber('42282220090101001'), paid_on: '2019-03-01' };
    expect(() => createRecord(s.db, { ledger: 'student-aid', values: fresh }, '测试员')).toThrow(LOCKED);
    // Moving a record of another period into the locked one is an edit of that period too.
    const later = firstIn(s, 'student-aid', '2019-07-01', '2019-12-31');
    const laterValues = getRecord(s.db, later).values;
    expect(() =>
      updateRecord(s.db, { id: later, values: { ...laterValues, paid_on: '2019-05-01' } }, '测试员'),
    ).toThrow(LOCKED);
    const refused = await importOne(s, '2019-05-10');
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().replace(/^错误：/, '')).toMatch(LOCKED);
    expect(countIn(s, 'student-aid', '2019-01-01', '2019-12-31')).toBe(before);
    // Outside the period, and other ledgers, stay open.
    createRecord(s.db, { ledger: 'student-aid', values: { ...fresh, paid_on: '2019-09-01' } }, '测试员');

    expect((await runCli(['unlock', '--db', s.file, '--submission', '1', '--reason', '  '])).code).toBe(1);
    const unlocked = await runCli(
      ['unlock', '--db', s.file, '--submission', '1', '--reason', '教育局退回，更正发放金额'],
      {
        TAIZHANG_OPERATOR: '李主任',
      },
    );
    expect(unlocked.code).toBe(0);
    expect(JSON.parse(unlocked.stdout)).toMatchObject({
      state: 'unlocked',
      history: [
        { action: 'lock', operator: '张老师', reason: null },
        { action: 'unlock', operator: '李主任', reason: '教育局退回，更正发放金额' },
      ],
    });
    updateRecord(s.db, { id, values: { ...record.values, remark: '改' } }, '测试员');
    deleteRecord(s.db, id, '测试员');
    createRecord(s.db, { ledger: 'student-aid', values: fresh }, '测试员');
    expect((await importOne(s, '2019-05-10')).code).toBe(0);

    const audit = listAudit(s.db, 'submission', 1);
    expect(audit.map((a) => [a.action, a.operator, (a.after as { state: string }).state])).toEqual([
      ['create', '张老师', 'generating'],
      ['update', '张老师', 'locked'],
      ['update', '李主任', 'unlocked'],
    ]);
    expect(audit[2]!.after).toMatchObject({ reason: '教育局退回，更正发放金额' });
  });

  it('keeps the evidence a record was submitted with: attaching and removing files are refused until unlocked', async () => {
    const s = (store = tempStore('建始县高坪镇中心小学'));
    fillDemo(s.db, { unitId: s.unit.id, operator: '测试员', studentAidRows: 20 });
    const inPeriod = firstIn(s, 'activity', '2019-01-01', '2019-06-30');
    const later = firstIn(s, 'activity', '2019-07-01', '2019-12-31');
    const photo = (name: string) => ({ field: '图文资料', name, source: Readable.from([randomBytes(2_000)]) });
    const kept = await attachEvidence(s.db, s.file, { recordId: inPeriod, ...photo('合影.jpg') }, '测试员');
    out = tempDir();
    const made = await runCli(['submit', '--db', s.file, '--period', '2019H1', '--ledger', 'activity', '--out', out]);
    expect(made.code, made.stderr).toBe(0);
    const held = /^2019年上半年的.+已于 \d{4}-\d{2}-\d{2} 报送（报送 #1），如需修改请先解锁$/;
    expect(() => removeAttachment(s.db, s.file, kept.id, '测试员')).toThrow(held);
    await expect(attachEvidence(s.db, s.file, { recordId: inPeriod, ...photo('补拍.jpg') }, '测试员')).rejects.toThrow(
      held,
    );
    expect(listAttachments(s.db, inPeriod).map((a) => a.name)).toEqual(['合影.jpg']);
    // Another period stays open.
    const added = await attachEvidence(s.db, s.file, { recordId: later, ...photo('下半年.jpg') }, '测试员');
    removeAttachment(s.db, s.file, added.id, '测试员');
    expect((await runCli(['unlock', '--db', s.file, '--submission', '1', '--reason', '补充活动照片'])).code).toBe(0);
    await attachEvidence(s.db, s.file, { recordId: inPeriod, ...photo('补拍.jpg') }, '测试员');
    expect(listAttachments(s.db, inPeriod).map((a) => a.name)).toEqual(['合影.jpg', '补拍.jpg']);
  });

  it('四性检测 and the on-demand check name a submission file that was changed or removed', async () => {
    const { s, submission } = await submitted();
    expect((await verifyLedger(s.db, s.file)).checks.find((c) => c.key === 'submissions')).toMatchObject({
      status: 'pass',
    });
    const [table, , report] = submission.files;
    fs.appendFileSync(path.join(submission.folder, table!.name), 'x');
    fs.rmSync(path.join(submission.folder, report!.name));
    const check = (await verifyLedger(s.db, s.file)).checks.find((c) => c.key === 'submissions')!;
    expect(check.status).toBe('fail');
    expect(check.details).toEqual([
      `报送 #1（2019年上半年）的文件“${table!.name}”已被改动（校验值不符）`,
      `报送 #1（2019年上半年）的文件“${report!.name}”缺失`,
    ]);
    const cli = await runCli(['verify', '--db', s.file]);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain(`报送 #1（2019年上半年）的文件“${table!.name}”已被改动（校验值不符）`);
    const inWorker = await runInSubmissionWorker({ kind: 'verify', dbFile: s.file, id: 1 });
    expect(inWorker[0]!.problems).toContain(`报送 #1（2019年上半年）的文件“${report!.name}”缺失`);
  });
});
