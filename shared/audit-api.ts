import { z } from 'zod';

/** The audit.* and operator.* methods of the contract (shared/api.ts spreads them in). */

const id = z.number().int().positive();
const ledgerKey = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写作 2019-04-12');

/** One field as it was and as it became, in the words of the ledger's definition. */
export const AuditChangeSchema = z.object({ label: z.string(), before: z.string(), after: z.string() });

/** Where an imported record came from. */
export const ImportBatchInfoSchema = z.object({
  id,
  fileName: z.string(),
  at: z.string(),
  operator: z.string(),
  rows: z.number(),
});

/** An audit row said in Chinese: what happened, and for an edit each field before → after. */
export const AuditEntrySchema = z.object({
  id,
  at: z.string(),
  operator: z.string(),
  action: z.string(),
  summary: z.string(),
  changes: z.array(AuditChangeSchema),
  /** The record the row is about, when it is about one (its id and how the ledger names it). */
  recordId: id.optional(),
  recordLabel: z.string().optional(),
  batch: ImportBatchInfoSchema.optional(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntryView = z.infer<typeof AuditEntrySchema>;

export const OPERATOR_ASK = '请输入您的姓名，它将记入每一条修改记录';

export const AUDIT_API = {
  /** The ledger's log: its records' rows, its imports and its type changes, newest first. */
  'audit.list': {
    input: z
      .object({
        ledger: ledgerKey,
        operator: z.string().max(100).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    output: z.object({ total: z.number(), rows: z.array(AuditEntrySchema), operators: z.array(z.string()) }),
  },
  /** `asked` is false until the name was chosen here or given by TAIZHANG_OPERATOR: the page asks then. */
  'operator.get': {
    input: z.object({}).strict(),
    output: z.object({ name: z.string(), asked: z.boolean(), canChange: z.boolean() }),
  },
  'operator.set': {
    input: z.object({ name: z.string().max(200) }).strict(),
    output: z.object({ name: z.string() }),
  },
} as const;
