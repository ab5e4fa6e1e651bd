import { z } from 'zod';

/**
 * The attachments.* methods of the contract (shared/api.ts spreads them in): the evidence files on a
 * record's `attachments` fields. The bytes themselves never cross the contract: the browser host
 * takes them as a streamed request body (EVIDENCE_UPLOAD_PATH) and serves them back from
 * EVIDENCE_PATH; the desktop app picks and opens them in its main process (attachments.pick/open).
 */

const id = z.number().int().positive();

/** The largest evidence file, as the page checks it before sending a byte. */
export const EVIDENCE_MAX_MB = 200;

export const evidenceTooLargeMessage = (name: string) =>
  `“${name}”超过 ${EVIDENCE_MAX_MB} MB，未附上：请压缩或拆分后再附上`;

/** POST `?record=ID&field=KEY&name=…` with the file as the raw body. */
export const EVIDENCE_UPLOAD_PATH = '/uploads/evidence';
/** GET `/evidence/<attachment id>`: the stored bytes, with their type and original name. */
export const EVIDENCE_PATH = '/evidence/';

/** How many records' counts one call may ask for: a page of the records table at most. */
export const EVIDENCE_COUNTS_MAX = 500;

export const AttachmentSchema = z.object({
  id,
  recordId: id,
  field: z.string(),
  name: z.string(),
  size: z.number(),
  mime: z.string(),
  sha256: z.string(),
  createdAt: z.string(),
});

export const ATTACHMENT_API = {
  'attachments.list': { input: z.object({ recordId: id }).strict(), output: z.array(AttachmentSchema) },
  /** Unlinks one file from its record, audited; answers with what was removed. */
  'attachments.remove': { input: z.object({ id }).strict(), output: AttachmentSchema },
  /** The number of files per record and field, for the records table; records without files are left out. */
  'attachments.counts': {
    input: z
      .object({ recordIds: z.array(id).max(EVIDENCE_COUNTS_MAX, `一次最多查询 ${EVIDENCE_COUNTS_MAX} 条记录的附件`) })
      .strict(),
    output: z.array(z.object({ recordId: id, field: z.string(), count: z.number() })),
  },
  /**
   * Desktop only: the system's open dialog, then each picked file attached. A file that cannot be
   * attached is named with its reason; the others are still attached.
   */
  'attachments.pick': {
    input: z.object({ recordId: id, field: z.string().min(1).max(100) }).strict(),
    output: z.object({
      attached: z.array(AttachmentSchema),
      failed: z.array(z.object({ name: z.string(), message: z.string() })),
    }),
  },
  /** Desktop only: opens a copy of the file with the system's viewer for its type. */
  'attachments.open': { input: z.object({ id }).strict(), output: z.object({ opened: z.literal(true) }) },
};
