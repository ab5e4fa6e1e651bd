import type { ApiMethod } from '../../shared/api-methods.js';
import type { ApiOutput, ParsedInput } from '../../shared/api.js';
import type { ApiContext } from '../handlers.js';
import { deleteReportType, listReportTypes, saveReportType } from './report-types.js';
import { figureCatalogue } from './report-figures.js';
import { draftDocx, draftPreview, figureRecords, openDraft, saveDraft, type DraftRef } from './report-service.js';

type ReportMethod = Extract<ApiMethod, `reports.${string}`>;
type ReportHandlers = {
  [M in ReportMethod]: (ctx: ApiContext, input: ParsedInput<M>) => ApiOutput<M> | Promise<ApiOutput<M>>;
};

function refOf(input: { type: string; period: string; unitId?: number; activityId?: number | null }): DraftRef {
  return { type: input.type, period: input.period, unitId: input.unitId, activityId: input.activityId ?? null };
}

/** The reports.* methods of the contract; main/handlers.ts spreads them into its map. */
export const REPORT_HANDLERS: ReportHandlers = {
  'reports.types': (ctx) => ({
    types: listReportTypes(ctx.db),
    figures: figureCatalogue(ctx.db).map((f) => ({ key: f.key, label: f.label, unit: f.unit, ledger: f.ledger })),
  }),
  'reports.draft': (ctx, input) => openDraft(ctx.db, refOf(input), ctx.operator),
  'reports.saveDraft': (ctx, input) => saveDraft(ctx.db, refOf(input), input.content, ctx.operator),
  'reports.figureRecords': (ctx, input) =>
    figureRecords(ctx.db, refOf(input), input.figure, input.page, input.pageSize),
  'reports.preview': (ctx, input) =>
    draftPreview(ctx.db, refOf(input), input.content, { highlightFigures: input.highlightFigures }),
  'reports.docx': async (ctx, input) => {
    const { fileName, bytes } = await draftDocx(ctx.db, refOf(input), input.content);
    return { fileName, base64: bytes.toString('base64'), size: bytes.length };
  },
  'reports.saveType': (ctx, input) => saveReportType(ctx.db, input.template, ctx.operator),
  'reports.deleteType': (ctx, input) => {
    deleteReportType(ctx.db, input.key, ctx.operator);
    return { deleted: input.key };
  },
};
