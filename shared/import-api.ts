import { z } from 'zod';

/** The import.* methods of the contract (shared/api.ts spreads them in): rows of an .xlsx into a ledger. */

/** The largest workbook the UI may send; the CLI reads larger ones from disk. */
export const IMPORT_FILE_MAX_BYTES = 30 * 1024 * 1024;
/** The preview lists at most this many rows, rejected ones first; the rest are counted. */
export const IMPORT_PREVIEW_ROWS = 1000;

const id = z.number().int().positive();
const fieldKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);

const fileName = z.string().trim().min(1).max(255);
/** The .xlsx bytes, base64: the UI reads the file the user picked and never sends a path. */
const fileData = z
  .string()
  .max(Math.ceil(IMPORT_FILE_MAX_BYTES / 3) * 4, `文件不能超过 ${IMPORT_FILE_MAX_BYTES / 1024 / 1024} MB`)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容应为 base64 编码');

/** Which file, which ledger, and how its columns map: the same for preview, commit and rejected rows. */
const request = {
  ledger: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
  unitId: id.optional(),
  /** A file opened with import.open: its bytes stay in the app, so a new mapping sends only this. */
  fileId: z.uuid('文件编号不正确').optional(),
  /** Or the file itself, sent with each request (the tests, scripts). */
  fileName: fileName.optional(),
  data: fileData.optional(),
  sheet: z.string().max(31).optional(),
  /** Header text → field key; null leaves the column out. Remembered for the header layout on commit. */
  mapping: z
    .array(z.object({ header: z.string().min(1).max(200), field: fieldKey.nullable() }).strict())
    .max(200)
    .optional(),
  /**
   * 本列统一填写: field key or label → one value written into every row, for a field no column
   * feeds (a 家庭类型 the sheet's title states instead of a column). "" withdraws a remembered one.
   * Checked as the form checks the field; remembered with the mapping on commit.
   */
  fill: z
    .record(z.string().min(1).max(60), z.string().max(200))
    .refine((fill) => Object.keys(fill).length <= 200, '统一填写的字段不能超过 200 个')
    .optional(),
};

/** A request names its file one way: by the id import.open gave, or with its name and bytes. */
function oneFile<T extends z.ZodObject>(schema: T) {
  return schema.refine(
    (r: { fileId?: string; fileName?: string; data?: string }) =>
      r.fileId !== undefined ? r.data === undefined : r.data !== undefined && r.fileName !== undefined,
    '请求应给出已打开文件的编号，或文件名和文件内容，二者只选其一',
  );
}

const cellError = z.object({
  column: z.string().nullable(),
  header: z.string().nullable(),
  field: z.string(),
  label: z.string(),
  message: z.string(),
  /** "工作表“名单”第 7 行 D 列“身份证号”：…" */
  text: z.string(),
});

const rejectedRows = z.array(z.object({ row: z.number(), errors: z.array(z.string()) }));

/**
 * A row whose ID number the ledger already holds under another name: not imported, even with
 * allowDuplicates. The message names the record and the difference, the ID number masked.
 */
const conflictRow = z.object({ row: z.number(), recordId: z.number(), message: z.string() });

const importOutcome = z.object({
  imported: z.number(),
  skipped: z.number(),
  rejected: rejectedRows,
  conflicts: z.array(conflictRow),
});

const jobRef = z.object({ jobId: z.uuid('导入编号不正确') }).strict();

export const ImportStatusSchema = z.object({
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** Rows of the sheet read so far (titles, blanks and 合计 lines included). */
  rowsRead: z.number(),
  /** How far through the sheet the reading is, 0 to 1. */
  fraction: z.number(),
  /** What was written, once done. */
  outcome: importOutcome.optional(),
  error: z.string().optional(),
});

export const IMPORT_API = {
  /**
   * Keeps a workbook in the app for the previews, the import and the rejected-rows download that
   * follow, each of which then names it by fileId. A few are kept, each for half an hour unused.
   */
  'import.open': {
    input: z.object({ fileName, data: fileData }).strict(),
    output: z.object({ fileId: z.string(), fileName: z.string(), size: z.number() }),
  },
  'import.preview': {
    input: oneFile(z.object(request).strict()),
    output: z.object({
      fileName: z.string(),
      sheet: z.string(),
      sheets: z.array(z.string()),
      headerRows: z.array(z.number()),
      columns: z.array(
        z.object({
          column: z.string(),
          header: z.string(),
          field: z.string().nullable(),
          label: z.string().nullable(),
          how: z.enum(['label', 'alias', 'given', 'remembered', 'ignored', 'unmatched']),
        }),
      ),
      unmatched: z.array(z.object({ column: z.string(), header: z.string() })),
      /** Fields no column feeds that are required or filled: where 本列统一填写 is offered. */
      fill: z.array(
        z.object({
          field: z.string(),
          label: z.string(),
          required: z.boolean(),
          /** The value every row gets, or null while none is given. */
          value: z.string().nullable(),
          how: z.enum(['given', 'remembered']).nullable(),
        }),
      ),
      /** Problems that stop the import until the user maps or leaves out columns. */
      blocking: z.array(z.string()),
      warnings: z.array(z.string()),
      counts: z.object({
        toImport: z.number(),
        duplicates: z.number(),
        rejected: z.number(),
        conflicts: z.number(),
        blank: z.number(),
        totals: z.number(),
        footer: z.number(),
        repeatedHeader: z.number(),
      }),
      rows: z.array(
        z.object({
          row: z.number(),
          status: z.enum(['ok', 'duplicate', 'conflict', 'rejected']),
          values: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).nullable(),
          errors: z.array(cellError),
          /** Why a duplicate would be skipped, or what a conflict conflicts with. */
          note: z.string().nullable(),
        }),
      ),
      truncated: z.boolean(),
    }),
  },
  'import.commit': {
    input: oneFile(z.object({ ...request, allowDuplicates: z.boolean().default(false) }).strict()),
    output: importOutcome,
  },
  /** The same import as a job the UI follows: progress as the sheet is read, and a way to stop it. */
  'import.start': {
    input: oneFile(z.object({ ...request, allowDuplicates: z.boolean().default(false) }).strict()),
    output: z.object({ jobId: z.string() }),
  },
  'import.status': { input: jobRef, output: ImportStatusSchema },
  /** Stops a running import; answers once it has rolled back (nothing written) and its thread has ended. */
  'import.cancel': { input: jobRef, output: ImportStatusSchema },
  'import.rejectedXlsx': {
    input: oneFile(z.object(request).strict()),
    output: z.object({ fileName: z.string(), base64: z.string(), size: z.number(), count: z.number() }),
  },
};
