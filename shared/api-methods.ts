/**
 * The names of every method the renderer may call. Kept free of dependencies so the
 * sandboxed preload can expose exactly these and nothing else; shared/api.ts gives each
 * its schemas, and the compiler checks that the two lists agree.
 */
export const API_METHODS = [
  'app.info',
  'app.switchLedger',
  'units.list',
  'units.create',
  'units.choose',
  'ledgers.list',
  'ledgers.get',
  'ledgerTypes.create',
  'ledgerTypes.update',
  'ledgerTypes.copy',
  'ledgerTypes.restoreField',
  'ledgerTypes.fromXlsxHeader',
  'records.list',
  'records.get',
  'records.create',
  'records.update',
  'records.delete',
  'records.history',
  'records.query',
  'records.totals',
  'records.bulkUpdate',
  'records.paste',
  'records.revert',
  'import.open',
  'import.preview',
  'import.commit',
  'import.rejectedXlsx',
  'import.start',
  'import.status',
  'import.cancel',
  'reports.types',
  'reports.draft',
  'reports.saveDraft',
  'reports.figureRecords',
  'reports.preview',
  'reports.docx',
  'reports.cancel',
  'reports.saveType',
  'reports.deleteType',
  'export.start',
  'export.status',
  'export.cancel',
  'export.deliver',
  'attachments.list',
  'attachments.remove',
  'attachments.counts',
  'attachments.pick',
  'attachments.open',
  'archive.status',
  'archive.backup',
  'archive.inspect',
  'archive.restore',
  'archive.verify',
  'archive.setAuto',
  'submissions.list',
  'submissions.create',
  'submissions.unlock',
  'submissions.verify',
  'submissions.file',
  'audit.list',
  'operator.get',
  'operator.set',
] as const;

export type ApiMethod = (typeof API_METHODS)[number];

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && (API_METHODS as readonly string[]).includes(name);
}

/** What crosses the boundary: a value, or an error as a value (never a thrown exception). */
export type ApiResult<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      error: { code: string; message: string; fieldErrors?: Array<{ field: string; label: string; message: string }> };
    };
