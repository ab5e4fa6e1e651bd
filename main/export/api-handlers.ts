import type { ApiMethod } from '../../shared/api-methods.js';
import type { ApiOutput, ParsedInput } from '../../shared/api.js';
import type { ApiContext } from '../handlers.js';
import { TaizhangError } from '../store/errors.js';
import type { ExportJobs } from './export-jobs.js';
import { exportJobRequest } from './job-request.js';

type ExportMethod = Extract<ApiMethod, `export.${string}`>;
type ExportHandlers = {
  [M in ExportMethod]: (ctx: ApiContext, input: ParsedInput<M>) => ApiOutput<M> | Promise<ApiOutput<M>>;
};

function jobsOf(ctx: ApiContext): ExportJobs {
  if (!ctx.exports)
    throw new TaizhangError('internal', '当前运行方式不支持在界面中导出，请使用命令行 taizhang export xlsx');
  return ctx.exports;
}

export const EXPORT_HANDLERS: ExportHandlers = {
  'export.start': (ctx, input) => jobsOf(ctx).start(exportJobRequest(ctx.db, input)),
  'export.status': (ctx, input) => jobsOf(ctx).status(input.jobId),
  'export.cancel': (ctx, input) => jobsOf(ctx).cancel(input.jobId),
  'export.deliver': async (ctx, input) => {
    const jobs = jobsOf(ctx);
    const file = jobs.finished(input.jobId);
    if (!ctx.deliverFile) throw new TaizhangError('internal', '当前运行方式无法保存导出的文件');
    const outcome = await ctx.deliverFile(file);
    if ('savedTo' in outcome) jobs.release(input.jobId);
    return outcome;
  },
};
