import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { attachEvidence } from '../../main/attachments/attachments.js';
import { evidencePath } from '../../main/attachments/evidence-store.js';
import { evidenceResponse } from '../../main/electron/evidence-response.js';
import { createRecord } from '../../main/store/records.js';
import { tempStore, type TempStore } from '../helpers/temp-store.js';

let store: TempStore | undefined;
afterEach(() => {
  store?.dispose();
  store = undefined;
});

// The first bytes of a PNG, so the stored type is an image the page draws as a thumbnail.
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function ledgerWithPhoto() {
  const s = (store = tempStore());
  const recordId = createRecord(
    s.db,
    {
      ledger: 'activity',
      values: { title: '送教', activity_date: '2019-10-17', activity_type: '扶贫日', organizer: '建始县教育局' },
    },
    '测试员',
  ).id;
  const photo = Buffer.concat([PNG_SIGNATURE, randomBytes(200_000)]);
  const info = await attachEvidence(
    s.db,
    s.file,
    { recordId, field: '图文资料', name: '合影.png', source: Readable.from([photo]) },
    '测试员',
  );
  return { s, photo, info };
}

describe('evidence in the desktop app (app://taizhang/evidence/<id>)', () => {
  it('streams the stored bytes with the type and the headers the browser host sends', async () => {
    const { s, photo, info } = await ledgerWithPhoto();
    const response = evidenceResponse({ db: s.db, dbFile: s.file }, String(info.id));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-length')).toBe(String(photo.length));
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(Buffer.from(await response.arrayBuffer()).equals(photo)).toBe(true);
  });

  it('answers an unknown number or a missing file with one Chinese line', async () => {
    const { s, info } = await ledgerWithPhoto();
    const unknown = evidenceResponse({ db: s.db, dbFile: s.file }, '999');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toMatch(/附件不存在（编号 999）/);
    expect(evidenceResponse({ db: s.db, dbFile: s.file }, '../../etc/passwd').status).toBe(404);
    fs.rmSync(evidencePath(`${s.file}.files`, info.sha256));
    const missing = evidenceResponse({ db: s.db, dbFile: s.file }, String(info.id));
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(
      /附件“合影.png”的文件在 .+ 中找不到/,
    );
  });
});
