import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { attachEvidence, listAttachments, removeAttachment } from '../../main/attachments/attachments.js';
import { evidencePath, openPickedFile } from '../../main/attachments/evidence-store.js';
import { listAudit } from '../../main/store/audit.js';
import { createRecord } from '../../main/store/records.js';
import { tempStore, type TempStore } from '../helpers/temp-store.js';
import { runCli } from '../helpers/run-cli.js';

let store: TempStore | undefined;
afterEach(() => {
  store?.dispose();
  store = undefined;
});

function activity(s: TempStore, title: string): number {
  return createRecord(
    s.db,
    {
      ledger: 'activity',
      values: { title, activity_date: '2019-10-17', activity_type: '扶贫日', organizer: '建始县教育局' },
    },
    '测试员',
  ).id;
}

const folderOf = (s: TempStore) => `${s.file}.files`;
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A file that disappears half-way through the copy: 64 KB, then a read error. */
function vanishing(): Readable {
  return new Readable({
    read() {
      this.push(randomBytes(64 * 1024));
      this.destroy(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' }));
    },
  });
}

/** Every file under the evidence folder, temp files included. */
function storedFiles(s: TempStore): string[] {
  const folder = folderOf(s);
  if (!fs.existsSync(folder)) return [];
  return (fs.readdirSync(folder, { recursive: true }) as string[]).filter((p) =>
    fs.statSync(path.join(folder, p)).isFile(),
  );
}

describe('evidence files on records', () => {
  it('stores a file once by SHA-256 beside the ledger, private, and lists it on each record', async () => {
    const s = (store = tempStore());
    const photo = randomBytes(300_000);
    const a = activity(s, '扶贫日文艺演出');
    const b = activity(s, '扶贫日捐赠仪式');
    const first = await attachEvidence(
      s.db,
      s.file,
      { recordId: a, field: '图文资料', name: 'C:\\照片\\演出.jpg', source: Readable.from([photo]) },
      '测试员',
    );
    await attachEvidence(
      s.db,
      s.file,
      { recordId: b, field: 'materials', name: '同一张照片.jpg', source: Readable.from([photo]) },
      '测试员',
    );
    expect(first).toMatchObject({
      recordId: a,
      field: 'materials',
      name: '演出.jpg',
      size: 300_000,
      mime: 'image/jpeg',
      sha256: sha(photo),
    });
    const stored = evidencePath(folderOf(s), sha(photo));
    expect(fs.readFileSync(stored).equals(photo)).toBe(true);
    expect(storedFiles(s)).toHaveLength(1);
    expect(fs.statSync(stored).mode & 0o777).toBe(0o600);
    expect(fs.statSync(folderOf(s)).mode & 0o777).toBe(0o700);
    expect(listAttachments(s.db, a).map((x) => x.name)).toEqual(['演出.jpg']);
    expect(listAudit(s.db, 'record', a).at(-1)).toMatchObject({ action: 'attach', operator: '测试员' });
  });

  it('removal is audited and the bytes go only when no record still refers to them', async () => {
    const s = (store = tempStore());
    const photo = randomBytes(1000);
    const a = activity(s, '一');
    const b = activity(s, '二');
    const onA = await attachEvidence(
      s.db,
      s.file,
      { recordId: a, field: '图文资料', name: 'p.png', source: Readable.from([photo]) },
      '测试员',
    );
    const onB = await attachEvidence(
      s.db,
      s.file,
      { recordId: b, field: '图文资料', name: 'p.png', source: Readable.from([photo]) },
      '测试员',
    );
    removeAttachment(s.db, s.file, onA.id, '审核员');
    expect(fs.existsSync(evidencePath(folderOf(s), onA.sha256))).toBe(true);
    expect(listAudit(s.db, 'record', a).at(-1)).toMatchObject({
      action: 'detach',
      operator: '审核员',
      before: { name: 'p.png' },
    });
    removeAttachment(s.db, s.file, onB.id, '审核员');
    expect(storedFiles(s)).toEqual([]);
  });

  it('refuses a field that takes no files, a missing record and a vanished file, writing nothing', async () => {
    const s = (store = tempStore());
    const a = activity(s, '一');
    const source = () => Readable.from([Buffer.from('x')]);
    await expect(
      attachEvidence(s.db, s.file, { recordId: a, field: '活动名称', name: 'x.png', source: source() }, '测试员'),
    ).rejects.toThrow('扶贫活动台账的“活动名称”不是附件字段，可附文件的字段是 “图文资料”');
    await expect(
      attachEvidence(s.db, s.file, { recordId: 999, field: '图文资料', name: 'x.png', source: source() }, '测试员'),
    ).rejects.toThrow(/记录不存在（编号 999）/);
    expect(() => openPickedFile(path.join(s.dir, 'gone.jpg'))).toThrow(
      /找不到文件 .*gone\.jpg：它可能已被移动、改名或删除/,
    );
    await expect(
      attachEvidence(s.db, s.file, { recordId: a, field: '图文资料', name: 'y.png', source: vanishing() }, '测试员'),
    ).rejects.toThrow();
    expect(listAttachments(s.db, a)).toEqual([]);
    expect(storedFiles(s)).toEqual([]);
  });

  it('leaves no temp file when the source fails before the temp file is even open', async () => {
    const s = (store = tempStore());
    const a = activity(s, '一');
    for (let i = 0; i < 20; i++) {
      await expect(
        attachEvidence(s.db, s.file, { recordId: a, field: '图文资料', name: 'z.png', source: vanishing() }, '测试员'),
      ).rejects.toThrow();
    }
    expect(storedFiles(s)).toEqual([]);
    // The temp file's open was under way when the copy failed: nothing may land after the failure.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(storedFiles(s)).toEqual([]);
  });

  it('the CLI attaches and lists, and says in one Chinese line what is wrong', async () => {
    const s = (store = tempStore());
    const id = activity(s, '扶贫日');
    s.db.close();
    const photo = path.join(s.dir, '合影.png');
    fs.writeFileSync(photo, randomBytes(5000));
    const attached = await runCli([
      'attach',
      '--db',
      s.file,
      '--ledger',
      'activity',
      '--record',
      String(id),
      '--field',
      '图文资料',
      '--file',
      photo,
    ]);
    expect(attached.code, attached.stderr).toBe(0);
    expect(JSON.parse(attached.stdout)).toMatchObject({ name: '合影.png', size: 5000, mime: 'image/png' });
    const listed = await runCli(['attachments', '--db', s.file, '--record', String(id), '--json']);
    expect(JSON.parse(listed.stdout)).toHaveLength(1);
    const missing = await runCli([
      'attach',
      '--db',
      s.file,
      '--record',
      String(id),
      '--field',
      '图文资料',
      '--file',
      path.join(s.dir, 'no.png'),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/^错误：找不到文件/);
  }, 30_000);
});
