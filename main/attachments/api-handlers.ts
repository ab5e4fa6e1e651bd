import path from 'node:path';
import type { ApiMethod } from '../../shared/api-methods.js';
import type { ApiOutput, ParsedInput } from '../../shared/api.js';
import type { ApiContext } from '../handlers.js';
import { TaizhangError } from '../store/errors.js';
import { queuedWrite } from '../store/write-queue.js';
import { getRecord } from '../store/records.js';
import { toUserError } from '../errors/user-message.js';
import { attachmentFolderOf } from '../archive/attachment-folder.js';
import { attachEvidence, evidenceField, getAttachment, listAttachments, removeAttachment } from './attachments.js';
import { evidencePath, openPickedFile } from './evidence-store.js';

/**
 * What only the desktop shell can do for evidence files: its open dialog and the system viewer.
 * The browser host has neither; its page uploads and downloads over HTTP instead.
 */
export interface EvidenceShell {
  /** The files the user picked in the system's open dialog; empty when they cancelled. */
  pickFiles(title: string): Promise<string[]>;
  /** Opens the stored file with the system's viewer, under its original name. */
  open(storedFile: string, name: string): Promise<void>;
}

type AttachmentMethod = Extract<ApiMethod, `attachments.${string}`>;
type AttachmentHandlers = {
  [M in AttachmentMethod]: (ctx: ApiContext, input: ParsedInput<M>) => ApiOutput<M> | Promise<ApiOutput<M>>;
};

function shellOf(ctx: ApiContext): EvidenceShell {
  if (!ctx.evidenceShell) {
    throw new TaizhangError('bad-request', '浏览器中请用附件栏的“添加文件”上传，点击文件名下载查看');
  }
  return ctx.evidenceShell;
}

export const ATTACHMENT_HANDLERS: AttachmentHandlers = {
  'attachments.list': (ctx, input) => {
    getRecord(ctx.db, input.recordId);
    return listAttachments(ctx.db, input.recordId);
  },
  'attachments.remove': (ctx, input) =>
    queuedWrite(ctx.db, () => removeAttachment(ctx.db, ctx.dbFile, input.id, ctx.operator)),
  'attachments.counts': (ctx, input) =>
    ctx.db
      .prepare(
        `SELECT record_id AS recordId, field_key AS field, COUNT(*) AS count FROM attachments
         WHERE record_id IN (SELECT value FROM json_each(?)) GROUP BY record_id, field_key`,
      )
      .all(JSON.stringify(input.recordIds)) as ApiOutput<'attachments.counts'>,
  'attachments.pick': async (ctx, input) => {
    const shell = shellOf(ctx);
    // A wrong record or field is said before the dialog opens, not after the user has chosen.
    const field = evidenceField(ctx.db, input.recordId, input.field);
    const files = await shell.pickFiles(`选择要附到“${field.label}”的文件`);
    const attached: ApiOutput<'attachments.pick'>['attached'] = [];
    const failed: ApiOutput<'attachments.pick'>['failed'] = [];
    for (const file of files) {
      const name = path.basename(file);
      try {
        const source = openPickedFile(file);
        try {
          attached.push(
            await attachEvidence(
              ctx.db,
              ctx.dbFile,
              { recordId: input.recordId, field: field.key, name, source },
              ctx.operator,
            ),
          );
        } finally {
          source.destroy();
        }
      } catch (error) {
        failed.push({
          name,
          message: toUserError(error, { dbFile: ctx.dbFile, file, where: 'attachments.pick' }).message,
        });
      }
    }
    return { attached, failed };
  },
  'attachments.open': async (ctx, input) => {
    const shell = shellOf(ctx);
    const info = getAttachment(ctx.db, input.id);
    await shell.open(evidencePath(attachmentFolderOf(ctx.dbFile), info.sha256), info.name);
    return { opened: true as const };
  },
};
