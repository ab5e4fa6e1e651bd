import type { ApiMethod } from '../../shared/api-methods.js';
import type { ApiOutput, ParsedInput } from '../../shared/api.js';
import type { ApiContext } from '../handlers.js';
import { TaizhangError } from '../store/errors.js';
import { importOutcome, runImportInWorker, type ImportAction, type ImportJobRequest } from './import-in-worker.js';
import type { ImportJobs } from './import-jobs.js';

type ImportMethod = Extract<ApiMethod, `import.${string}`>;
type ImportHandlers = {
  [M in ImportMethod]: (ctx: ApiContext, input: ParsedInput<M>) => ApiOutput<M> | Promise<ApiOutput<M>>;
};

function jobsOf(ctx: ApiContext): ImportJobs {
  if (!ctx.imports) throw new TaizhangError('internal', '当前运行方式不支持在界面中跟踪导入，请使用 import.commit');
  return ctx.imports;
}

/** The workbook a request names: one opened before (import.open), or the bytes it carries. */
function sourceOf(ctx: ApiContext, input: ParsedInput<'import.preview'>): ImportJobRequest['source'] {
  if (input.fileId !== undefined) {
    const file = jobsOf(ctx).files.get(input.fileId);
    return { shared: file.bytes, fileName: file.fileName };
  }
  // The contract lets a request through only with one of the two.
  return { base64: input.data!, fileName: input.fileName! };
}

/** The worker job for a request: it reads the workbook and the ledger file off the API's thread. */
function job<A extends ImportAction>(
  ctx: ApiContext,
  input: ParsedInput<'import.preview'>,
  action: A,
): ImportJobRequest<A> {
  return {
    dbFile: ctx.dbFile,
    nativeBinding: ctx.nativeBinding,
    operator: ctx.operator,
    ledger: input.ledger,
    unit: { id: input.unitId },
    source: sourceOf(ctx, input),
    sheet: input.sheet,
    mapping: input.mapping,
    fill: input.fill,
    action,
  };
}

/** The import.* methods of the contract; main/handlers.ts spreads them into its map. */
export const IMPORT_HANDLERS: ImportHandlers = {
  'import.open': (ctx, input) => ({ ...jobsOf(ctx).files.open(input.data, input.fileName), fileName: input.fileName }),
  'import.preview': (ctx, input) => runImportInWorker(job(ctx, input, { kind: 'preview' })),
  'import.commit': async (ctx, input) =>
    importOutcome(await runImportInWorker(job(ctx, input, { kind: 'commit', allowDuplicates: input.allowDuplicates }))),
  'import.rejectedXlsx': (ctx, input) => runImportInWorker(job(ctx, input, { kind: 'rejectedXlsx' })),
  'import.start': (ctx, input) =>
    jobsOf(ctx).start(job(ctx, input, { kind: 'commit', allowDuplicates: input.allowDuplicates })),
  'import.status': (ctx, input) => jobsOf(ctx).status(input.jobId),
  'import.cancel': (ctx, input) => jobsOf(ctx).cancel(input.jobId),
};
