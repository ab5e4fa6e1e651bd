import { z } from 'zod';
import type { ApiMethod } from './api-methods.js';
import { LedgerDefinitionSchema } from './ledger-definition.js';
import { HEADER_FILE_MAX_BYTES, LedgerTypeDraftSchema, TypeConflictSchema } from './ledger-type-draft.js';
import { REPORT_API } from './report-api.js';
import { IMPORT_API } from './import-api.js';
import { EXPORT_API } from './export-api.js';
import { ARCHIVE_API, localPath } from './archive-api.js';
import { ATTACHMENT_API } from './attachment-api.js';
import { SUBMISSION_API } from './submission-api.js';
import { AUDIT_API, AuditEntrySchema } from './audit-api.js';
import { RECORD_GRID_API, RecordFilterFields, RecordSchema, RecordSortSchema } from './record-grid-api.js';

const id = z.number().int().positive();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写作 2019-04-12');
const fieldKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);
const ledgerKey = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/);
/** Raw form input: the validation module decides what each string means. */
const fieldValues = z.record(fieldKey, z.union([z.string().max(50000), z.number(), z.null()]));

const unit = z.object({ id, name: z.string() });
const record = RecordSchema;

/** A page of records (the older paged table, scripts); the grid uses records.query. */
export const RecordListInput = z.object({
  ...RecordFilterFields,
  filters: z
    .array(z.object({ field: fieldKey, op: z.enum(['eq', 'contains']), value: z.string().max(200) }))
    .max(20)
    .optional(),
  sort: RecordSortSchema.optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(500).default(50),
});

const appInfo = z.object({
  version: z.string(),
  dbFile: z.string(),
  schemaVersion: z.number(),
  transport: z.string(),
});

/** Every method: what it takes and what it gives back. Inputs are checked before any handler runs. */
export const API = {
  'app.info': { input: z.object({}).strict(), output: appInfo },
  /**
   * Opens another ledger file (a restored backup) in place of the one in use, which stays where it
   * is; refused while work on the open ledger runs. Where the app chose its ledger itself, the next
   * start opens this one.
   */
  'app.switchLedger': { input: z.object({ file: localPath('台账文件路径') }).strict(), output: appInfo },
  'units.list': {
    input: z.object({}).strict(),
    output: z.object({ units: z.array(unit), currentId: id.nullable() }),
  },
  'units.create': { input: z.object({ name: z.string().trim().min(1).max(60) }).strict(), output: unit },
  'units.choose': { input: z.object({ id }).strict(), output: unit },
  'ledgers.list': {
    input: z.object({ unitId: id.optional() }).strict(),
    output: z.array(
      z.object({ key: z.string(), label: z.string(), category: z.string(), builtin: z.boolean(), count: z.number() }),
    ),
  },
  'ledgers.get': { input: z.object({ key: ledgerKey }).strict(), output: LedgerDefinitionSchema },
  'ledgerTypes.create': { input: z.object({ draft: LedgerTypeDraftSchema }).strict(), output: LedgerDefinitionSchema },
  /** Applied only when no stored value conflicts with a changed field; otherwise the conflicts come back. */
  'ledgerTypes.update': {
    input: z.object({ key: ledgerKey, draft: LedgerTypeDraftSchema }).strict(),
    output: z.discriminatedUnion('applied', [
      z.object({ applied: z.literal(true), definition: LedgerDefinitionSchema }),
      z.object({ applied: z.literal(false), conflicts: z.array(TypeConflictSchema), conflictCount: z.number() }),
    ]),
  },
  'ledgerTypes.copy': { input: z.object({ key: ledgerKey }).strict(), output: LedgerDefinitionSchema },
  'ledgerTypes.restoreField': {
    input: z.object({ key: ledgerKey, field: fieldKey, label: z.string().trim().min(1).max(40).optional() }).strict(),
    output: LedgerDefinitionSchema,
  },
  'ledgerTypes.fromXlsxHeader': {
    input: z
      .object({
        /** The .xlsx file's bytes, base64: the UI reads the file the user picked and never sends a path. */
        data: z
          .string()
          .max(Math.ceil(HEADER_FILE_MAX_BYTES / 3) * 4, `文件不能超过 ${HEADER_FILE_MAX_BYTES / 1024 / 1024} MB`)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容应为 base64 编码'),
        fileName: z.string().max(255).optional(),
        /** 0 = the first sheet. */
        sheet: z.number().int().min(0).max(255).default(0),
      })
      .strict(),
    output: z.object({
      sheets: z.array(z.string()),
      sheet: z.number(),
      sheetName: z.string(),
      headerRow: z.number(),
      title: z.string().nullable(),
      draft: LedgerTypeDraftSchema,
      sampleRows: z.array(z.array(z.string())),
    }),
  },
  'records.list': {
    input: RecordListInput.strict(),
    output: z.object({ total: z.number(), rows: z.array(record) }),
  },
  'records.get': { input: z.object({ id }).strict(), output: record },
  'records.create': {
    input: z
      .object({ ledger: ledgerKey, values: fieldValues, unitId: id.optional(), recordDate: isoDate.optional() })
      .strict(),
    output: record,
  },
  'records.update': {
    input: z.object({ id, values: fieldValues, unitId: id.optional(), recordDate: isoDate.optional() }).strict(),
    output: record,
  },
  'records.delete': { input: z.object({ id }).strict(), output: z.object({ deleted: id }) },
  'records.history': { input: z.object({ id }).strict(), output: z.array(AuditEntrySchema) },
  ...RECORD_GRID_API,
  ...REPORT_API,
  ...IMPORT_API,
  ...EXPORT_API,
  ...ATTACHMENT_API,
  ...ARCHIVE_API,
  ...SUBMISSION_API,
  ...AUDIT_API,
} satisfies Record<ApiMethod, { input: z.ZodType; output: z.ZodType }>;

export type ApiInput<M extends ApiMethod> = z.input<(typeof API)[M]['input']>;
export type ApiOutput<M extends ApiMethod> = z.output<(typeof API)[M]['output']>;
export type ParsedInput<M extends ApiMethod> = z.output<(typeof API)[M]['input']>;

/** The one shape the renderer talks to, whichever transport carries it. */
export interface TaizhangBridge {
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<import('./api-methods.js').ApiResult<ApiOutput<M>>>;
}
