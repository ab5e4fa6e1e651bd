import { z } from 'zod';
import { FIELD_TYPES } from './ledger-definition.js';

/**
 * A ledger type as the type editor sends it. Fields that already exist carry their key (values are
 * stored by key, so a renamed field keeps its values); new fields carry none and are given one.
 * A field left out of `fields` is archived, never deleted.
 */
export const FieldDraftSchema = z
  .object({
    key: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,39}$/)
      .optional(),
    label: z.string().trim().min(1, '字段名称不能为空').max(40, '字段名称不能超过 40 个字'),
    type: z.enum(FIELD_TYPES),
    required: z.boolean().optional(),
    choices: z.array(z.string().trim().min(1).max(100)).max(500).optional(),
    extensible: z.boolean().optional(),
    maxLength: z.number().int().positive().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .strict();

export type FieldDraft = z.infer<typeof FieldDraftSchema>;

export const LedgerTypeDraftSchema = z
  .object({
    label: z.string().trim().min(1, '台账名称不能为空').max(60, '台账名称不能超过 60 个字'),
    /** 自定义 when left out. */
    category: z.string().trim().min(1).max(20).optional(),
    /** record (one row per thing that happened, placed in periods by its first date field) or plan. */
    kind: z.enum(['record', 'plan']).optional(),
    fields: z.array(FieldDraftSchema).min(1, '台账至少要有一个字段').max(100, '台账最多 100 个字段'),
  })
  .strict();

export type LedgerTypeDraft = z.infer<typeof LedgerTypeDraftSchema>;

/** An existing value that would not fit a changed field; the change is not applied while any exist. */
export const TypeConflictSchema = z.object({
  recordId: z.number(),
  field: z.string(),
  label: z.string(),
  value: z.union([z.string(), z.number(), z.null()]),
  message: z.string(),
});

export type TypeConflict = z.infer<typeof TypeConflictSchema>;

/** The largest .xlsx a header proposal reads (sent as base64, so about 4/3 of this crosses the bridge). */
export const HEADER_FILE_MAX_BYTES = 8 * 1024 * 1024;
