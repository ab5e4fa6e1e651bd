import { z } from 'zod';
import { parsePeriod, PERIOD_HELP } from './period.js';

/** The submissions.* methods of the contract (shared/api.ts spreads them in): 报送 and its locks. */

const id = z.number().int().positive();
const ledgerKey = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/);
const reportKey = z.string().min(1).max(60);

/** A submission's files larger than this are opened from its folder, not sent through the page. */
export const SUBMISSION_FILE_MAX_BYTES = 64 * 1024 * 1024;

export const SubmissionSchema = z.object({
  id,
  unitId: id,
  unitName: z.string(),
  period: z.string(),
  periodLabel: z.string(),
  createdAt: z.string(),
  operator: z.string(),
  folder: z.string(),
  zip: z.string().nullable(),
  /** generating: files being written (already locked); failed: nothing was sent, nothing locked. */
  state: z.enum(['generating', 'locked', 'unlocked', 'failed']),
  /** records: counted into the ledger's table; null until the files are written. */
  ledgers: z.array(z.object({ key: z.string(), label: z.string(), records: z.number().nullable() })),
  reports: z.array(z.object({ type: z.string(), label: z.string() })),
  files: z.array(z.object({ name: z.string(), size: z.number(), sha256: z.string() })),
  manifestSha256: z.string().nullable(),
  history: z.array(
    z.object({
      action: z.enum(['lock', 'unlock']),
      at: z.string(),
      operator: z.string(),
      reason: z.string().nullable(),
    }),
  ),
});
export type Submission = z.infer<typeof SubmissionSchema>;

export const SubmissionCheckSchema = z.object({ id, checked: z.number(), problems: z.array(z.string()) });

export const SUBMISSION_API = {
  'submissions.list': { input: z.object({}).strict(), output: z.object({ submissions: z.array(SubmissionSchema) }) },
  /** Generates the files into a new folder (报送N-期间-单位) inside `folder`, and locks the period. */
  'submissions.create': {
    input: z
      .object({
        period: z
          .string()
          .max(40)
          .refine((p) => parsePeriod(p) !== null, { message: PERIOD_HELP }),
        ledgers: z.array(ledgerKey).min(1, '请至少选择一个台账').max(50),
        reports: z.array(reportKey).max(20).default([]),
        folder: z.string().trim().min(1, '请填写保存报送文件的文件夹').max(1000),
        zip: z.boolean().default(false),
        unitId: id.optional(),
      })
      .strict(),
    output: SubmissionSchema,
  },
  'submissions.unlock': {
    input: z
      .object({ id, reason: z.string().trim().min(1, '请写明解锁原因').max(500, '解锁原因不能超过 500 个字') })
      .strict(),
    output: SubmissionSchema,
  },
  /** Compares the files with their recorded hashes (one submission, or all). */
  'submissions.verify': {
    input: z.object({ id: id.optional() }).strict(),
    output: z.object({ checks: z.array(SubmissionCheckSchema) }),
  },
  /** One file of a submission (from its manifest, or the manifest itself), for the page to save. */
  'submissions.file': {
    input: z.object({ id, name: z.string().min(1).max(300) }).strict(),
    output: z.object({ fileName: z.string(), base64: z.string(), size: z.number() }),
  },
};
