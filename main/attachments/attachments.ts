import type { Db } from '../store/database.js';
import { nowIso } from '../store/database.js';
import { TaizhangError } from '../store/errors.js';
import { writeAudit } from '../store/audit.js';
import { queuedWrite } from '../store/write-queue.js';
import { getRecord } from '../store/records.js';
import { getLedgerDefinition } from '../store/ledger-types.js';
import type { FieldDefinition } from '../../shared/ledger-definition.js';
import { attachmentFolderOf } from '../archive/attachment-folder.js';
import { removeEvidence, storeEvidence, type StoredEvidence } from './evidence-store.js';
import { mimeTypeOf } from './mime-type.js';
import { assertRecordNotLocked } from '../submissions/locks.js';

export interface AttachmentInfo {
  id: number;
  recordId: number;
  field: string;
  name: string;
  size: number;
  mime: string;
  sha256: string;
  createdAt: string;
}

const SELECT = `SELECT id, record_id AS recordId, field_key AS field, name, size, mime, sha256, created_at AS createdAt
                FROM attachments`;

/** The evidence field of a record's ledger, by key or by label; only `attachments` fields take files. */
export function evidenceField(db: Db, recordId: number, field: string): FieldDefinition {
  const record = getRecord(db, recordId);
  const def = getLedgerDefinition(db, record.ledger);
  const found = def.fields.find((f) => f.key === field || f.label === field);
  if (!found) throw new TaizhangError('not-found', `${def.label}没有名为“${field}”的字段`);
  if (found.type !== 'attachments') {
    const names = def.fields.filter((f) => f.type === 'attachments').map((f) => `“${f.label}”`);
    const hint = names.length > 0 ? `，可附文件的字段是 ${names.join('、')}` : '，这本台账没有可附文件的字段';
    throw new TaizhangError('validation', `${def.label}的“${found.label}”不是附件字段${hint}`);
  }
  return found;
}

export interface NewAttachment {
  recordId: number;
  field: string;
  /** The name the user knows the file by (the picked file's own name). */
  name: string;
  source: NodeJS.ReadableStream;
}

function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop()!.trim();
  if (!base || base.length > 255) throw new TaizhangError('validation', '文件名不能为空，也不能超过 255 个字符');
  return base;
}

/**
 * Stores a file and links it to a record's evidence field, audited. The bytes are stored first (by
 * hash, once) and the row written after, in one transaction with its audit row; if the row cannot
 * be written the bytes are dropped again unless another attachment already had them.
 */
export async function attachEvidence(
  db: Db,
  dbFile: string,
  input: NewAttachment,
  operator: string,
): Promise<AttachmentInfo> {
  const field = evidenceField(db, input.recordId, input.field);
  // A record of a submitted period keeps the evidence it was submitted with: refused before copying.
  assertRecordNotLocked(db, getRecord(db, input.recordId));
  const name = cleanName(input.name);
  const folder = attachmentFolderOf(dbFile);
  const stored: StoredEvidence = await storeEvidence(folder, input.source, name);
  try {
    // Through the write queue: an upload that ends while an import holds the lock waits its turn
    // without freezing the thread.
    return await queuedWrite(db, () =>
      db.transaction(() => {
        // The record may have been deleted, or its period submitted, while the file was being copied.
        assertRecordNotLocked(db, getRecord(db, input.recordId));
        const createdAt = nowIso();
        const id = Number(
          db
            .prepare(
              `INSERT INTO attachments (record_id, field_key, sha256, name, size, mime, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(input.recordId, field.key, stored.sha256, name, stored.size, mimeTypeOf(name), createdAt)
            .lastInsertRowid,
        );
        const info = getAttachment(db, id);
        writeAudit(db, {
          operator,
          action: 'attach',
          entity: 'record',
          entityId: input.recordId,
          after: { attachment: id, field: field.key, name, size: stored.size, sha256: stored.sha256 },
        });
        return info;
      })(),
    );
  } catch (error) {
    if (!isReferenced(db, stored.sha256)) removeEvidence(folder, stored.sha256);
    throw error;
  }
}

export function getAttachment(db: Db, id: number): AttachmentInfo {
  const row = db.prepare(`${SELECT} WHERE id = ?`).get(id) as AttachmentInfo | undefined;
  if (!row) throw new TaizhangError('not-found', `附件不存在（编号 ${id}），可能已被移除`);
  return row;
}

export function listAttachments(db: Db, recordId: number): AttachmentInfo[] {
  return db.prepare(`${SELECT} WHERE record_id = ? ORDER BY id`).all(recordId) as AttachmentInfo[];
}

function isReferenced(db: Db, sha256: string): boolean {
  return db.prepare('SELECT 1 FROM attachments WHERE sha256 = ? LIMIT 1').get(sha256) !== undefined;
}

/** Unlinks a file from its record, audited; the stored bytes go when nothing refers to them. */
export function removeAttachment(db: Db, dbFile: string, id: number, operator: string): AttachmentInfo {
  const removed = db.transaction(() => {
    const info = getAttachment(db, id);
    assertRecordNotLocked(db, getRecord(db, info.recordId));
    db.prepare('DELETE FROM attachments WHERE id = ?').run(id);
    writeAudit(db, {
      operator,
      action: 'detach',
      entity: 'record',
      entityId: info.recordId,
      before: { attachment: id, field: info.field, name: info.name, size: info.size, sha256: info.sha256 },
    });
    return info;
  })();
  if (!isReferenced(db, removed.sha256)) removeEvidence(attachmentFolderOf(dbFile), removed.sha256);
  return removed;
}
