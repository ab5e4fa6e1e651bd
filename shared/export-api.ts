import { z } from 'zod';
import { parsePeriod, PERIOD_HELP } from './period.js';
import { FieldFilterSchema } from './record-grid-api.js';

/**
 * The export.* methods of the contract (shared/api.ts spreads them in): attachment tables written
 * off the UI thread into a folder the core owns, then handed to the user by the transport.
 * The UI never names a file or folder: it gets a job id, follows its progress and asks for delivery.
 */

const id = z.number().int().positive();
const ledgerKey = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/);
const period = z
  .string()
  .max(40)
  .refine((p) => parsePeriod(p) !== null, { message: PERIOD_HELP });
const jobId = z.uuid('导出编号不正确');

export const EXPORT_MAX_LEDGERS = 50;
export const EXPORT_MAX_TITLE = 100;

const jobRef = z.object({ jobId }).strict();

export const ExportStatusSchema = z.object({
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** Rows written so far; 0 of 0 until the records are counted. */
  written: z.number(),
  total: z.number(),
  fileName: z.string(),
  error: z.string().optional(),
});

export const EXPORT_API = {
  /**
   * Starts an export. The first ledger is the one on screen: the title, search and filters apply to
   * it; further ledgers (a submission bundle, one sheet each) are exported whole for the period and unit.
   */
  'export.start': {
    input: z
      .object({
        ledgers: z
          .array(ledgerKey)
          .min(1, '请至少选择一个要导出的台账')
          .max(EXPORT_MAX_LEDGERS, `一次最多导出 ${EXPORT_MAX_LEDGERS} 个台账`),
        /** The unit whose records are exported and whose name heads the table; default the current unit. */
        unitId: id.optional(),
        period: period.optional(),
        search: z.string().max(100).optional(),
        /** The grid's column filters, as records.query takes them: an export is the table on screen. */
        filters: z.array(FieldFilterSchema).max(20).optional(),
        /** For publication (公示): ID numbers and phone numbers masked. */
        maskId: z.boolean().default(false),
        title: z
          .string()
          .trim()
          .min(1, '表格标题不能为空')
          .max(EXPORT_MAX_TITLE, `表格标题不能超过 ${EXPORT_MAX_TITLE} 个字`)
          .optional(),
        attachmentNo: z.number().int().min(1).max(999).optional(),
      })
      .strict(),
    output: z.object({ jobId: z.string(), fileName: z.string() }),
  },
  'export.status': { input: jobRef, output: ExportStatusSchema },
  /** Stops a running export (or discards a finished one); answers once its files are gone. */
  'export.cancel': { input: jobRef, output: ExportStatusSchema },
  /** Hands a finished export to the user: saved where they chose (desktop) or a download link (browser). */
  'export.deliver': {
    input: jobRef,
    output: z.union([
      z.object({ savedTo: z.string() }),
      z.object({ downloadUrl: z.string() }),
      z.object({ cancelled: z.literal(true) }),
    ]),
  },
};
