import type { ReadonlyDb } from '../store/readonly-db.js';
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { TaizhangError } from '../store/errors.js';
import { countRecords, iterateRecords } from '../store/record-query.js';
import type { RecordQuery } from '../store/record-query-sql.js';
import type { RecordValues } from '../../shared/ledger-definition.js';
import { maskForPublication } from './masking.js';
import { openReadOnly } from './read-only-db.js';
import type { ResolvedExport, ResolvedSheet } from './resolve-export.js';
import { writeXlsx, type SheetSource } from './xlsx-writer.js';
import { discardTempStream, TEMP_FILE_MODE } from './atomic-file.js';
import { toUserError } from '../errors/user-message.js';

/** What the export worker is given: an export already resolved by its caller, and where to write it. */
export interface ExportJobRequest {
  /** The ledger file, opened read-only in the worker. */
  dbFile: string;
  nativeBinding?: string;
  export: ResolvedExport;
  /** Where the workbook is written; the caller moves it onto the target once the job is done. */
  tempPath: string;
}

export interface PlannedSheet {
  ledger: string;
  label: string;
  /** The sheet's name in the workbook. */
  name: string;
  rows: number;
}

export interface ExportPlan {
  /** The default file name, used when the target is a folder. */
  fileName: string;
  total: number;
  sheets: PlannedSheet[];
}

export interface ExportProgress {
  written: number;
  total: number;
  /** The ledger label of the sheet being written. */
  sheet: string;
}

export interface ExportedSheet extends PlannedSheet {
  totals: Record<string, number>;
}

export interface ExportJobResult {
  fileName: string;
  rows: number;
  sheets: ExportedSheet[];
}

export interface ExportJobHooks {
  onPlan?(plan: ExportPlan): void;
  onProgress?(progress: ExportProgress): void;
  isCancelled?(): boolean;
}

interface PlannedSource {
  resolved: ResolvedSheet;
  query: RecordQuery;
  sheet: PlannedSheet;
}

/** Records of a ledger in the grid's order; by default by their date (then entry order). */
function queryFor(resolved: ResolvedExport, { def, request }: ResolvedSheet): RecordQuery {
  return {
    ledger: def.key,
    unitId: resolved.unitId,
    dateFrom: resolved.period?.from,
    dateTo: resolved.period?.to,
    filters: request.filters,
    search: request.search,
    sort: request.sort ?? (def.dateField ? { field: def.dateField, direction: 'asc' } : undefined),
  };
}

/** Counts the rows of each sheet; everything else was resolved by the caller. */
function plan(db: ReadonlyDb, resolved: ResolvedExport): { plan: ExportPlan; sources: PlannedSource[] } {
  const sources = resolved.sheets.map((sheet): PlannedSource => {
    const query = queryFor(resolved, sheet);
    const { def, name } = sheet;
    return {
      resolved: sheet,
      query,
      sheet: { ledger: def.key, label: def.label, name, rows: countRecords(db, query) },
    };
  });
  const sheets = sources.map((s) => s.sheet);
  const total = sheets.reduce((sum, s) => sum + s.rows, 0);
  return { plan: { fileName: resolved.fileName, sheets, total }, sources };
}

function* recordValues(db: ReadonlyDb, source: PlannedSource, mask: boolean): Generator<RecordValues> {
  for (const record of iterateRecords(db, source.query)) {
    yield mask ? maskForPublication(source.resolved.def, record.values) : record.values;
  }
}

/** A file-system error while writing, in words that name the folder, not the hidden temp file. */
function writeFailure(error: unknown, tempPath: string): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (!code || !(error instanceof Error) || error instanceof TaizhangError) return error;
  return toUserError(error, { file: path.dirname(tempPath), where: 'export' });
}

/**
 * One export, start to finish, in the calling thread: opens the ledger file read-only, plans the
 * sheets, writes the workbook to `tempPath`. On any failure or cancel the temp file is removed.
 * The export worker runs this; the caller renames the temp file onto the target.
 */
export async function runExportJob(request: ExportJobRequest, hooks: ExportJobHooks = {}): Promise<ExportJobResult> {
  const db = openReadOnly(request.dbFile, request.nativeBinding);
  try {
    const { plan: exportPlan, sources } = plan(db, request.export);
    hooks.onPlan?.(exportPlan);
    const output = fs.createWriteStream(request.tempPath, { flags: 'wx', mode: TEMP_FILE_MODE });
    const offsets = sources.map((_, i) => sources.slice(0, i).reduce((sum, s) => sum + s.sheet.rows, 0));
    try {
      const summaries = await writeXlsx(
        output,
        sources.map((source): SheetSource => ({
          name: source.sheet.name,
          def: source.resolved.def,
          texts: source.resolved.texts,
          expectedRows: source.sheet.rows,
          rows: recordValues(db, source, request.export.mask),
        })),
        {
          onRows(index, written) {
            hooks.onProgress?.({
              written: offsets[index]! + written,
              total: exportPlan.total,
              sheet: sources[index]!.sheet.label,
            });
          },
          isCancelled: hooks.isCancelled,
        },
      );
      if (!output.closed) await once(output, 'close');
      const sheets = sources.map((s, i): ExportedSheet => ({
        ...s.sheet,
        rows: summaries[i]!.rows,
        totals: summaries[i]!.totals,
      }));
      return { fileName: exportPlan.fileName, rows: sheets.reduce((sum, s) => sum + s.rows, 0), sheets };
    } catch (error) {
      await discardTempStream(output, request.tempPath);
      throw writeFailure(error, request.tempPath);
    }
  } finally {
    db.close();
  }
}
