import { z } from 'zod';
import { parsePeriod, PERIOD_HELP } from './period.js';
import {
  FIGURE_KEY,
  FigureViewSchema,
  ReportContentSchema,
  ReportTemplateSchema,
  TargetViewSchema,
} from './report-draft.js';

/** The reports.* methods of the contract (shared/api.ts spreads them in): Word reports drafted from the ledgers. */

const id = z.number().int().positive();
const reportType = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, '报告类型标识不正确');
const period = z
  .string()
  .max(40)
  .refine((p) => parsePeriod(p) !== null, { message: PERIOD_HELP });

/** Which draft: a report type, a period and a unit (the current one when left out); an activity for a single-activity summary. */
const draftRef = {
  type: reportType,
  period,
  unitId: id.optional(),
  activityId: id.nullable().optional(),
};

/** A draft's stored text, as a save returns it: no counting, so a save takes no longer on a large ledger. */
const DraftTextSchema = z.object({
  id: id.nullable(),
  type: z.string(),
  typeLabel: z.string(),
  period: z.object({ code: z.string(), label: z.string(), from: z.string(), to: z.string() }),
  unitId: id,
  unitName: z.string(),
  activityId: id.nullable(),
  content: ReportContentSchema,
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
});

const DraftViewSchema = DraftTextSchema.extend({
  figures: z.array(FigureViewSchema),
  targets: z.array(TargetViewSchema),
});

const ReportTypeSchema = z.object({ builtin: z.boolean(), template: ReportTemplateSchema });

const LedgerRecordSchema = z.object({
  id,
  ledger: z.string(),
  unitId: id,
  unitName: z.string(),
  recordDate: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const REPORT_API = {
  /** The report types, built in and user-made, and every figure a report may name. */
  'reports.types': {
    input: z.object({}).strict(),
    output: z.object({
      types: z.array(ReportTypeSchema),
      figures: z.array(
        z.object({ key: z.string(), label: z.string(), unit: z.string(), ledger: z.string().nullable() }),
      ),
    }),
  },
  /** Gets or creates the draft; its figures are regenerated from the ledgers, its text kept as the user left it. */
  'reports.draft': { input: z.object(draftRef).strict(), output: DraftViewSchema },
  /** Writes the user's text; the figures are not counted again (reports.draft does that). */
  'reports.saveDraft': {
    input: z.object({ ...draftRef, content: ReportContentSchema }).strict(),
    output: DraftTextSchema,
  },
  /** The records a figure counts, a page at a time. */
  'reports.figureRecords': {
    input: z
      .object({
        ...draftRef,
        figure: z.string().regex(FIGURE_KEY),
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(500).default(50),
      })
      .strict(),
    output: z.object({ figure: FigureViewSchema, total: z.number(), rows: z.array(LedgerRecordSchema) }),
  },
  /** The report as HTML pages; `content` previews unsaved edits. */
  'reports.preview': {
    input: z
      .object({ ...draftRef, content: ReportContentSchema.optional(), highlightFigures: z.boolean().optional() })
      .strict(),
    output: z.object({ html: z.string(), pages: z.number() }),
  },
  /** The .docx file, base64, for the UI to save where the user chooses. */
  'reports.docx': {
    input: z.object({ ...draftRef, content: ReportContentSchema.optional() }).strict(),
    output: z.object({ fileName: z.string(), base64: z.string(), size: z.number() }),
  },
  /** Stops counting for this draft (its draft, preview, Word file or records still in progress); those calls fail with code `cancelled`. */
  'reports.cancel': { input: z.object(draftRef).strict(), output: z.object({ cancelled: z.number().int() }) },
  'reports.saveType': { input: z.object({ template: ReportTemplateSchema }).strict(), output: ReportTypeSchema },
  'reports.deleteType': { input: z.object({ key: reportType }).strict(), output: z.object({ deleted: z.string() }) },
} as const;
