import path from 'node:path';
import type { ApiOutput } from '../../shared/api.js';
import { openDatabase, type Db } from '../store/database.js';
import { resolveUnit } from '../store/units.js';
import type { GivenMapping } from './header-match.js';
import { TaizhangError } from '../store/errors.js';
import { importRecords } from './import-commit.js';
import {
  conflictLines,
  planCounts,
  planImport,
  type ImportPlan,
  type ImportRequest,
  type ImportWatch,
} from './import-plan.js';
import { previewOf, type Preview } from './import-preview.js';
import { rejectedXlsxBuffer, writeRejectedFile } from './rejected-export.js';
import { cellErrorLine } from './row-check.js';

type RejectedLines = ApiOutput<'import.commit'>['rejected'];

/** What to do with the plan once it is made. */
export type ImportAction =
  | { kind: 'preview' }
  | { kind: 'commit'; allowDuplicates: boolean }
  | { kind: 'rejectedXlsx' }
  /** The CLI's run: commit unless dryRun, and write the rejected rows to rejectedOut when given. */
  | { kind: 'cli'; dryRun: boolean; allowDuplicates: boolean; rejectedOut?: string };

export interface ImportOutputs {
  preview: Preview;
  commit: ApiOutput<'import.commit'>;
  rejectedXlsx: ApiOutput<'import.rejectedXlsx'>;
  /** `blocking` non-empty means nothing was written and nothing else was done. */
  cli: {
    blocking: string[];
    warnings: string[];
    imported: number;
    skipped: number;
    rejected: RejectedLines;
    conflicts: ApiOutput<'import.commit'>['conflicts'];
  };
}

export interface ImportJobRequest<A extends ImportAction = ImportAction> {
  /** The ledger file; the job opens its own connection to it. */
  dbFile: string;
  /** better-sqlite3 built for Electron, when the caller runs in Electron's main process. */
  nativeBinding?: string;
  operator: string;
  ledger: string;
  /** By id (the UI), by name (the CLI), or the current unit. */
  unit: { id?: number; name?: string };
  /** The workbook: its bytes as base64 (as the API receives them), or a path (the CLI). */
  source: { base64: string; fileName: string } | { path: string };
  sheet?: string;
  mapping?: GivenMapping[];
  fill?: Record<string, string>;
  action: A;
}

function rejectedLines(plan: ImportPlan): RejectedLines {
  return plan.rejected.map((r) => ({ row: r.row, errors: r.errors.map(cellErrorLine) }));
}

function blocked(plan: ImportPlan): TaizhangError {
  return new TaizhangError('validation', `未导入任何记录：${plan.blocking.join('；')}`);
}

async function act(
  db: Db,
  request: ImportRequest,
  job: ImportJobRequest,
  watch: ImportWatch,
): Promise<ImportOutputs[ImportAction['kind']]> {
  const { action, operator } = job;
  switch (action.kind) {
    case 'preview':
      return previewOf(await planImport(db, request));
    case 'commit': {
      const { plan, result } = await importRecords(db, request, {
        operator,
        allowDuplicates: action.allowDuplicates,
        watch,
      });
      if (!result) throw blocked(plan);
      return {
        imported: result.imported,
        skipped: result.skipped,
        rejected: rejectedLines(plan),
        conflicts: conflictLines(plan),
      };
    }
    case 'rejectedXlsx': {
      const plan = await planImport(db, request);
      const bytes = await rejectedXlsxBuffer(plan);
      const base = plan.fileName.replace(/\.xlsx$/i, '');
      return {
        fileName: `${base}-待修正.xlsx`,
        base64: bytes.toString('base64'),
        size: bytes.length,
        count: plan.rejected.length + plan.conflicts.length,
      };
    }
    case 'cli': {
      const { plan, result } = action.dryRun
        ? { plan: await planImport(db, request), result: null }
        : await importRecords(db, request, { operator, allowDuplicates: action.allowDuplicates, watch });
      const counts = planCounts(plan, action.allowDuplicates);
      const summary = { blocking: plan.blocking, warnings: plan.warnings, skipped: counts.skipped };
      if (plan.blocking.length > 0) return { ...summary, imported: 0, rejected: [], conflicts: [] };
      if (action.rejectedOut) await writeRejectedFile(plan, action.rejectedOut);
      return {
        ...summary,
        imported: result ? result.imported : counts.toImport,
        rejected: rejectedLines(plan),
        conflicts: conflictLines(plan),
      };
    }
  }
}

/**
 * Does what the request asks with a workbook and a ledger file: everything an import does, on
 * a connection of its own, so it can run in a worker thread. The connection is closed when it
 * settles, whatever happened.
 */
export async function runImportJob<A extends ImportAction>(
  request: ImportJobRequest<A>,
  watch: ImportWatch = {},
): Promise<ImportOutputs[A['kind']]> {
  const db = openDatabase(request.dbFile, { mustExist: true, nativeBinding: request.nativeBinding });
  try {
    const { source } = request;
    const importRequest: ImportRequest = {
      ledger: request.ledger,
      unitId: resolveUnit(db, request.unit).id,
      source:
        'path' in source
          ? { path: source.path }
          : { bytes: Buffer.from(source.base64, 'base64'), name: path.basename(source.fileName) },
      sheet: request.sheet,
      mapping: request.mapping,
      fill: request.fill,
    };
    return (await act(db, importRequest, request, watch)) as ImportOutputs[A['kind']];
  } finally {
    db.close();
  }
}
