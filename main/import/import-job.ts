import path from 'node:path';
import type { ApiOutput } from '../../shared/api.js';
import { openDatabase, type Db } from '../store/database.js';
import { resolveUnit } from '../store/units.js';
import type { GivenMapping } from './header-match.js';
import { commitImport } from './import-commit.js';
import { disposePlan, planCounts, planImport, type ImportPlan } from './import-plan.js';
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
  cli: { blocking: string[]; warnings: string[]; imported: number; skipped: number; rejected: RejectedLines };
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
  action: A;
}

function rejectedLines(plan: ImportPlan): RejectedLines {
  return plan.rejected.map((r) => ({ row: r.row, errors: r.errors.map(cellErrorLine) }));
}

async function act(db: Db, plan: ImportPlan, request: ImportJobRequest): Promise<ImportOutputs[ImportAction['kind']]> {
  const { action, operator } = request;
  switch (action.kind) {
    case 'preview':
      return previewOf(plan);
    case 'commit': {
      const result = commitImport(db, plan, { operator, allowDuplicates: action.allowDuplicates });
      return { imported: result.imported, skipped: result.skipped, rejected: rejectedLines(plan) };
    }
    case 'rejectedXlsx': {
      const bytes = await rejectedXlsxBuffer(plan);
      const base = plan.fileName.replace(/\.xlsx$/i, '');
      return {
        fileName: `${base}-待修正.xlsx`,
        base64: bytes.toString('base64'),
        size: bytes.length,
        count: plan.rejected.length,
      };
    }
    case 'cli': {
      const counts = planCounts(plan, action.allowDuplicates);
      const result = { blocking: plan.blocking, warnings: plan.warnings, imported: 0, skipped: counts.skipped };
      if (plan.blocking.length > 0) return { ...result, rejected: [] };
      result.imported = action.dryRun
        ? counts.toImport
        : commitImport(db, plan, { operator, allowDuplicates: action.allowDuplicates }).imported;
      if (action.rejectedOut) await writeRejectedFile(plan, action.rejectedOut);
      return { ...result, rejected: rejectedLines(plan) };
    }
  }
}

/**
 * Plans an import from a ledger file and a workbook and does what the request asks with the plan:
 * everything an import does, on a connection of its own, so it can run in a worker thread. The
 * plan's temporary rows and the connection are gone when it settles, whatever happened.
 */
export async function runImportJob<A extends ImportAction>(
  request: ImportJobRequest<A>,
): Promise<ImportOutputs[A['kind']]> {
  const db = openDatabase(request.dbFile, { mustExist: true, nativeBinding: request.nativeBinding });
  try {
    const { source } = request;
    const plan = await planImport(db, {
      ledger: request.ledger,
      unitId: resolveUnit(db, request.unit).id,
      source:
        'path' in source
          ? { path: source.path }
          : { bytes: Buffer.from(source.base64, 'base64'), name: path.basename(source.fileName) },
      sheet: request.sheet,
      mapping: request.mapping,
    });
    try {
      return (await act(db, plan, request)) as ImportOutputs[A['kind']];
    } finally {
      disposePlan(plan);
    }
  } finally {
    db.close();
  }
}
