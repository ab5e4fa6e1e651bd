import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../store/database.js';
import { toUserError } from '../errors/user-message.js';
import { attachmentFolderOf } from '../archive/attachment-folder.js';
import { contentDisposition } from '../host/downloads.js';
import { getAttachment, type AttachmentInfo } from './attachments.js';
import { evidencePath } from './evidence-store.js';

export type StoredEvidence =
  | { ok: true; file: string; size: number; headers: Record<string, string> }
  | { ok: false; status: 404; error: { code: string; message: string } };

function evidenceDisposition(info: AttachmentInfo): string {
  const extension = path.extname(info.name);
  const plain = `evidence-${info.id}${/^\.[A-Za-z0-9]{1,8}$/.test(extension) ? extension : ''}`;
  return contentDisposition(info.name, plain);
}

/**
 * Finds the stored file of the attachment `idText` names (its number as written in the address),
 * with the headers both the browser host and the desktop app's scheme answer with.
 */
export function storedEvidence(db: Db, dbFile: string, idText: string): StoredEvidence {
  const id = /^\d{1,15}$/.test(idText) ? Number(idText) : 0;
  let info: AttachmentInfo;
  try {
    info = getAttachment(db, id);
  } catch (error) {
    const { code, message } = toUserError(error, { dbFile, where: 'evidence download' });
    return { ok: false, status: 404, error: { code, message } };
  }
  const file = evidencePath(attachmentFolderOf(dbFile), info.sha256);
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    return {
      ok: false,
      status: 404,
      error: {
        code: 'not-found',
        message: `附件“${info.name}”的文件在 ${attachmentFolderOf(dbFile)} 中找不到：请从备份恢复，或运行检测查看详情`,
      },
    };
  }
  return {
    ok: true,
    file,
    size,
    headers: {
      'Content-Type': info.mime,
      'Content-Length': String(size),
      'Content-Disposition': evidenceDisposition(info),
      // Whatever the file holds, it never runs as a page of this origin.
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  };
}
