import path from 'node:path';
import type { ApiOutput } from '../../shared/api.js';
import { openDatabase, type Db } from '../store/database.js';
import { resolveUnit } from '../store/units.js';
import type { GivenMapping } from './header-match.js';
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
import { rejectedXlsxBuffer } from './rejected-export.js';
import { cellErrorLine } from './row-check.js';
import type { ImportReport } from './import-outcome.js';

export type { ImportReport } from './import-outcome.js';

type RejectedLines = ApiOutput<'import.commit'>['rejected'];

/** What to do with the plan once it is made. */
export type ImportAction =
  | { kind: 'preview' }
  /** Reads the whole sheet and reports what an import would do, writing nothing. */
  | { kind: 'check'; allowDuplicates: boolean; rejectedXlsx?: boolean }
  /** Writes the good rows unless something blocks the import. */
  | { kind: 'commit'; allowDuplicates: boolean; rejectedXlsx?: boolean }
  | { kind: 'rejectedXlsx' };

/** What a check or a commit did. `blocking` non-empty means nothing was written. */
export interface ImportOutputs {
  preview: Preview;
  check: ImportReport;
  commit: ImportReport;
  rejectedXlsx: ApiOutput<'import.rejectedXlsx'>;
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
  /**
   * The workbook: its bytes as base64 (as the API receives them), bytes kept by the host and
   * shared with the import thread (import.open), or a path (the CLI).
   */
  source: { base64: string; fileName: string } | { shared: SharedArrayBuffer; fileName: string } | { path: string };
  sheet?: string;
  mapping?: GivenMapping[];
  fill?: Record<string, string>;
  action: A;
}

function rejectedLines(plan: ImportPlan): RejectedLines {
  return plan.rejected.map((r) => ({ row: r.row, errors: r.errors.map(cellErrorLine) }));
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
    case 'check':
    case 'commit': {
      const { plan, result } =
        action.kind === 'check'
          ? { plan: await planImport(db, request), result: null }
          : await importRecords(db, request, { operator, allowDuplicates: action.allowDuplicates, watch });
      const counts = planCounts(plan, action.allowDuplicates);
      const said = { blocking: plan.blocking, warnings: plan.warnings };
      if (plan.blocking.length > 0)
        return { ...said, imported: 0, skipped: counts.skipped, rejected: [], conflicts: [] };
      return {
        ...said,
        imported: result ? result.imported : counts.toImport,
        skipped: result ? result.skipped : counts.skipped,
        rejected: rejectedLines(plan),
        conflicts: conflictLines(plan),
        ...(action.rejectedXlsx ? { rejectedXlsx: await rejectedXlsxBuffer(plan) } : {}),
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
          : {
              // A shared file is read where it lies; its memory stays the host's.
              bytes: 'shared' in source ? Buffer.from(source.shared) : Buffer.from(source.base64, 'base64'),
              name: path.basename(source.fileName),
            },
      sheet: request.sheet,
      mapping: request.mapping,
      fill: request.fill,
    };
    return (await act(db, importRequest, request, watch)) as ImportOutputs[A['kind']];
  } finally {
    db.close();
  }
}
