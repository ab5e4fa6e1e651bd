import fs from 'node:fs';
import path from 'node:path';
import type { ApiMethod } from '../../shared/api-methods.js';
import type { ApiOutput, ParsedInput } from '../../shared/api.js';
import { SUBMISSION_FILE_MAX_BYTES } from '../../shared/submission-api.js';
import type { ApiContext } from '../handlers.js';
import { TaizhangError } from '../store/errors.js';
import { queuedWrite } from '../store/write-queue.js';
import { userPath } from '../archive/backup-to-folder.js';
import { unlockSubmission } from './locks.js';
import { SUBMISSION_MANIFEST } from './manifest.js';
import { getSubmission, listSubmissions } from './submission-store.js';
import { runInSubmissionWorker } from './submission-in-worker.js';
import { submit } from './submit.js';

type SubmissionMethod = Extract<ApiMethod, `submissions.${string}`>;
type SubmissionHandlers = {
  [M in SubmissionMethod]: (ctx: ApiContext, input: ParsedInput<M>) => ApiOutput<M> | Promise<ApiOutput<M>>;
};

/** Only files the submission lists are handed out: a name from the page never reaches another path. */
function submissionFile(ctx: ApiContext, id: number, name: string): string {
  const submission = getSubmission(ctx.db, id);
  const listed = name === SUBMISSION_MANIFEST || submission.files.some((f) => f.name === name);
  if (listed) return path.join(submission.folder, name);
  if (submission.zip && name === path.basename(submission.zip)) return submission.zip;
  throw new TaizhangError('not-found', `报送 #${id} 中没有文件“${name}”`);
}

export const SUBMISSION_HANDLERS: SubmissionHandlers = {
  'submissions.list': (ctx) => ({ submissions: listSubmissions(ctx.db) }),
  'submissions.create': (ctx, input) =>
    submit(
      {
        db: ctx.db,
        dbFile: ctx.dbFile,
        nativeBinding: ctx.nativeBinding,
        write: (fn) => queuedWrite(ctx.db, fn),
      },
      {
        period: input.period,
        ledgers: input.ledgers,
        reports: input.reports,
        out: userPath(input.folder, '报送文件夹'),
        zip: input.zip,
        unit: { id: input.unitId },
        operator: ctx.operator,
      },
    ),
  'submissions.unlock': async (ctx, input) => {
    await queuedWrite(ctx.db, () => unlockSubmission(ctx.db, input.id, input.reason, ctx.operator));
    return getSubmission(ctx.db, input.id);
  },
  'submissions.verify': async (ctx, input) => ({
    checks: await runInSubmissionWorker({
      kind: 'verify',
      dbFile: ctx.dbFile,
      nativeBinding: ctx.nativeBinding,
      id: input.id,
    }),
  }),
  'submissions.file': async (ctx, input) => {
    const file = submissionFile(ctx, input.id, input.name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile())
      throw new TaizhangError('not-found', `报送 #${input.id} 的文件“${input.name}”已不在 ${path.dirname(file)}`);
    if (stat.size > SUBMISSION_FILE_MAX_BYTES) {
      throw new TaizhangError('bad-request', `文件“${input.name}”较大，请到文件夹 ${path.dirname(file)} 中直接打开`);
    }
    const bytes = await fs.promises.readFile(file);
    return { fileName: input.name, base64: bytes.toString('base64'), size: bytes.length };
  },
};
