import type { ApiMethod } from '../../shared/api-methods.js';
import type { ApiOutput, ParsedInput } from '../../shared/api.js';
import type { ApiContext } from '../handlers.js';
import { deleteReportType, listReportTypes, saveReportType } from './report-types.js';
import { figureCatalogue } from './report-figures.js';
import { draftView, openDraftText, savedDraftView, saveDraftText, type DraftRef } from './report-service.js';
import { cancelReportJobs, runReportInWorker } from './report-in-worker.js';
import { queuedWrite } from '../store/write-queue.js';

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
  // Counting over the ledgers runs in a worker; the draft's text is written on this connection,
  // in turn with the app's other saves.
  'reports.draft': async (ctx, input) => {
    const text = await queuedWrite(ctx.db, () => openDraftText(ctx.db, refOf(input), ctx.operator));
    return draftView(text, await runReportInWorker(ctx, { kind: 'figures', ref: refOf(input) }));
  },
  // Only the text: the editor keeps the figures it has, and a recount of 200,000 records would
  // hold up every autosave by seconds.
  'reports.saveDraft': async (ctx, input) =>
    savedDraftView(await queuedWrite(ctx.db, () => saveDraftText(ctx.db, refOf(input), input.content, ctx.operator))),
  'reports.figureRecords': (ctx, input) =>
    runReportInWorker(ctx, {
      kind: 'figureRecords',
      ref: refOf(input),
      figure: input.figure,
      page: input.page,
      pageSize: input.pageSize,
    }),
  'reports.preview': (ctx, input) =>
    runReportInWorker(ctx, {
      kind: 'preview',
      ref: refOf(input),
      content: input.content,
      highlightFigures: input.highlightFigures,
    }),
  'reports.docx': (ctx, input) => runReportInWorker(ctx, { kind: 'docx', ref: refOf(input), content: input.content }),
  'reports.cancel': (_ctx, input) => ({ cancelled: cancelReportJobs(refOf(input)) }),
  'reports.saveType': (ctx, input) => saveReportType(ctx.db, input.template, ctx.operator),
  'reports.deleteType': (ctx, input) => {
    deleteReportType(ctx.db, input.key, ctx.operator);
    return { deleted: input.key };
  },
};
