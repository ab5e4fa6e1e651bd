import { z } from 'zod';
import { parsePeriod, PERIOD_HELP } from './period.js';

/*
 * The records.* methods a ledger's grid calls (shared/api.ts spreads them in).
 *
 * How the grid uses them:
 * - records.query serves the grid's infinite row model: for each block it asks rows startRow..endRow
 *   of the current filter and sort and gets them with `total`, the number of rows of the filter (the
 *   grid's lastRow). Blocks may be asked in any order: scrolling, a jump to the end, a drag of the
 *   scroll bar to the middle all cost about the same (see main/store/record-query.ts).
 * - records.totals gives the footer: the count and the sum of each money field of the same filter.
 *   Asked beside the first block, not before it, so the first rows never wait for the sums.
 * - records.create / records.update / records.delete save one record (the form, an edited cell, the
 *   quick-entry row); every one is audited.
 * - records.bulkUpdate sets one field on the selected rows or on the whole filter: one transaction,
 *   one audit row for the batch. Above 1,000 records it runs in a thread of its own (118,000 records
 *   take about 10 s), so the grid should show that it is saving meanwhile.
 * - records.paste takes a block copied from Excel or WPS: its valid rows are written in one
 *   transaction, the others come back as 待修正 rows with an error per cell, to be fixed in the grid
 *   and saved with records.create / records.update.
 * - Undo and redo of the session's edits, each an audited write:
 *   an edited cell or form: undo = records.update with the values before (from the returned
 *   record), redo = records.update with the values after; a created record: undo = records.delete,
 *   redo = records.create with its values (a new id); a deleted record: undo = records.create with
 *   its values; a paste or a bulk update: undo = records.revert with the batch it returned (deletes
 *   what it created, puts back what it changed, in one transaction, refused when a record has been
 *   changed since), redo = the same records.paste / records.bulkUpdate again (for a bulk update, on
 *   the `ids` it returned).
 * - Every write into a submitted (locked) period is refused with a message naming the submission.
 */

const id = z.number().int().positive();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写作 2019-04-12');
const fieldKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);
const ledgerKey = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/);
const period = z
  .string()
  .max(40)
  .refine((p) => parsePeriod(p) !== null, { message: PERIOD_HELP });
const filterText = z.string().max(200);

/** The largest block one records.query returns. */
export const QUERY_BLOCK_MAX = 1000;
/** The most rows one records.paste takes (a block copied from a sheet). */
export const PASTE_ROWS_MAX = 5000;

/**
 * A condition on one field. `in`: the value is one of `values` ('' stands for an empty cell) —
 * choices; `range`: min ≤ value ≤ max, either bound optional, numbers for int/money fields and
 * 2019-04-12 for dates (2019-04 for month fields); `contains`: text holding the fragment; `eq`: exactly
 * the text.
 */
export const FieldFilterSchema = z.discriminatedUnion('op', [
  z.object({ field: fieldKey, op: z.literal('eq'), value: filterText }).strict(),
  z.object({ field: fieldKey, op: z.literal('contains'), value: filterText }).strict(),
  z.object({ field: fieldKey, op: z.literal('in'), values: z.array(filterText).min(1).max(200) }).strict(),
  z
    .object({
      field: fieldKey,
      op: z.literal('range'),
      min: z.union([z.number(), filterText]).optional(),
      max: z.union([z.number(), filterText]).optional(),
    })
    .strict(),
]);
export type FieldFilterInput = z.infer<typeof FieldFilterSchema>;

/** A sort by a field key, or by 'id' (the order of entry) or 'recordDate' (the record's date). */
export const RecordSortSchema = z.object({
  field: z.string().max(40),
  direction: z.enum(['asc', 'desc']),
});

/**
 * Which records: a ledger, optionally a unit and a period (or dateFrom/dateTo on the records'
 * dates), field filters (all must hold) and a search, which finds any fragment of a record's text
 * and choice values (两免一补, 建档立卡, 小学).
 */
export const RecordFilterFields = {
  ledger: ledgerKey,
  unitId: id.optional(),
  period: period.optional(),
  dateFrom: isoDate.optional(),
  dateTo: isoDate.optional(),
  filters: z.array(FieldFilterSchema).max(40).optional(),
  search: z.string().max(100).optional(),
};
export const RecordFilterSchema = z.object(RecordFilterFields).strict();

const recordValues = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
export const RecordSchema = z.object({
  id,
  ledger: z.string(),
  unitId: id,
  unitName: z.string(),
  recordDate: z.string(),
  values: recordValues,
  createdAt: z.string(),
  updatedAt: z.string(),
});

const cellError = z.object({ field: z.string(), label: z.string(), message: z.string() });

/** The audit row of a paste or bulk update: what records.revert undoes. */
const batch = id;

export const RECORD_GRID_API = {
  'records.query': {
    input: z
      .object({
        ...RecordFilterFields,
        sort: RecordSortSchema.optional(),
        /** The block: rows startRow (0-based, inclusive) to endRow (exclusive), as the grid asks them. */
        startRow: z.number().int().min(0),
        endRow: z.number().int().min(1),
      })
      .strict()
      .refine((q) => q.endRow > q.startRow && q.endRow - q.startRow <= QUERY_BLOCK_MAX, {
        message: `每次最多取 ${QUERY_BLOCK_MAX} 行`,
      }),
    output: z.object({
      /** Rows of the whole filter: the grid's row count. */
      total: z.number(),
      startRow: z.number(),
      rows: z.array(RecordSchema),
    }),
  },
  'records.totals': {
    input: RecordFilterSchema,
    output: z.object({
      count: z.number(),
      /** Field key → the sum over the filter, for each money field (and each field in the type's totals). */
      sums: z.record(z.string(), z.number()),
    }),
  },
  'records.bulkUpdate': {
    input: z
      .object({
        ledger: ledgerKey,
        /** The selected rows, or every row of a filter (the same fields records.query takes). */
        target: z.union([
          z.object({ ids: z.array(id).min(1).max(500_000) }).strict(),
          z.object({ filter: RecordFilterSchema }).strict(),
        ]),
        field: fieldKey,
        /** Raw input, checked as the form checks it; null or '' empties the field. */
        value: z.union([z.string().max(50000), z.number(), z.null()]),
        /**
         * A value that is not yet a choice of an extensible choice field (家庭类型) is refused unless
         * the user confirmed it as a new choice.
         */
        acceptNewChoice: z.boolean().default(false),
      })
      .strict(),
    output: z.object({
      batch,
      /** Records whose value changed (those already holding it are left untouched). */
      updated: z.number(),
      /** Every record the update was applied to, for a redo after an undo. */
      ids: z.array(id),
    }),
  },
  'records.paste': {
    input: z
      .object({
        ledger: ledgerKey,
        unitId: id.optional(),
        /** Tab-separated rows as Excel and WPS copy them (quoted cells may hold tabs and line breaks). */
        text: z.string().max(5_000_000),
        /**
         * The field of the first pasted column; the block fills the grid's columns from there, in the
         * definition's order with attachment fields left out. Ignored when the first row is a header
         * row (then its labels decide).
         */
        startField: fieldKey,
        /** 'auto': a first row whose cells are the fields' labels is taken as the header. */
        header: z.enum(['auto', 'yes', 'no']).default('auto'),
        /**
         * Pasting over existing rows: row i of the block (after any header) edits record targetIds[i]
         * (only the pasted cells change); rows past the list, or null entries, become new records.
         */
        targetIds: z.array(id.nullable()).max(PASTE_ROWS_MAX).optional(),
        /**
         * Values the user confirmed as new choices of extensible choice fields; a row holding any
         * other value that is not a choice yet comes back as 待修正.
         */
        newChoices: z
          .array(z.object({ field: fieldKey, value: z.string().max(200) }).strict())
          .max(100)
          .default([]),
      })
      .strict(),
    output: z.object({
      /** The audit row of the paste, for records.revert; null when nothing was written. */
      batch: batch.nullable(),
      /** row: the block's row, 1-based, after any header row. */
      created: z.array(z.object({ row: z.number(), record: RecordSchema })),
      updated: z.array(z.object({ row: z.number(), record: RecordSchema })),
      /**
       * 待修正: rows not written. `values` holds the pasted text per field key (for a pasted-over row,
       * merged with the record's other values); `errors` one per cell that is wrong.
       */
      pending: z.array(
        z.object({
          row: z.number(),
          targetId: id.nullable(),
          values: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
          errors: z.array(cellError),
        }),
      ),
      headerRow: z.boolean(),
    }),
  },
  'records.revert': {
    input: z.object({ batch }).strict(),
    output: z.object({ batch, deleted: z.number(), restored: z.number() }),
  },
} as const;
