import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import type { Db } from '../store/database.js';
import { TaizhangError } from '../store/errors.js';
import { getLedgerDefinition } from '../store/ledger-types.js';
import { countRecords, iterateRecords, type RecordQuery } from '../store/record-query.js';
import { resolveUnit } from '../store/units.js';
import type { LedgerDefinition, RecordValues } from '../../shared/ledger-definition.js';
import { parsePeriod } from '../../shared/period.js';
import { todayIso } from '../../shared/dates.js';
import type { ExportXlsxOptions, SheetRequest } from './export-options.js';
import { defaultExportFileName, uniqueSheetNames } from './file-name.js';
import { maskForPublication } from './masking.js';
import { openReadOnly } from './read-only-db.js';
import { defaultTitle, type SheetTexts } from './xlsx-layout.js';
import { writeXlsx, type SheetSource } from './xlsx-writer.js';
import { removeQuietly, TEMP_FILE_MODE } from './atomic-file.js';
import { toUserError } from '../errors/user-message.js';

export interface ExportJobRequest extends ExportXlsxOptions {
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
  def: LedgerDefinition;
  query: RecordQuery;
  texts: SheetTexts;
  sheet: PlannedSheet;
}

/** Records of a ledger in the grid's order; by default by their date (then entry order). */
function queryFor(
  def: LedgerDefinition,
  request: SheetRequest,
  unitId: number,
  from?: string,
  to?: string,
): RecordQuery {
  return {
    ledger: def.key,
    unitId,
    dateFrom: from,
    dateTo: to,
    filters: request.filters,
    search: request.search,
    sort: request.sort ?? (def.dateField ? { field: def.dateField, direction: 'asc' } : undefined),
  };
}

/** Resolves and checks everything against the ledger file before any file is created. */
function plan(db: Db, request: ExportJobRequest): { plan: ExportPlan; sources: PlannedSource[] } {
  const unit = resolveUnit(db, request.unit ?? {});
  const period = request.period === undefined ? undefined : (parsePeriod(request.period) ?? undefined);
  const defs = request.sheets.map((s) => getLedgerDefinition(db, s.ledger));
  const names = uniqueSheetNames(defs.map((d) => d.label));
  const fillDate = request.fillDate ?? todayIso();
  const sources = request.sheets.map((sheetRequest, i): PlannedSource => {
    const def = defs[i]!;
    const query = queryFor(def, sheetRequest, unit.id, period?.from, period?.to);
    const title =
      sheetRequest.title?.trim() ||
      defaultTitle({ periodLabel: period?.label, unitName: unit.name, ledgerLabel: def.label });
    return {
      def,
      query,
      texts: {
        attachmentNo: request.attachmentNo === undefined ? undefined : request.attachmentNo + i,
        title,
        unitName: unit.name,
        fillDate,
      },
      sheet: { ledger: def.key, label: def.label, name: names[i]!, rows: countRecords(db, query) },
    };
  });
  const fileName = defaultExportFileName({
    periodLabel: period?.label,
    ledgerLabels: defs.map((d) => d.label),
    unitName: unit.name,
  });
  const sheets = sources.map((s) => s.sheet);
  return { plan: { fileName, sheets, total: sheets.reduce((sum, s) => sum + s.rows, 0) }, sources };
}

function* recordValues(db: Db, source: PlannedSource, mask: boolean): Generator<RecordValues> {
  for (const record of iterateRecords(db, source.query)) {
    yield mask ? maskForPublication(source.def, record.values) : record.values;
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
    const { plan: exportPlan, sources } = plan(db, request);
    hooks.onPlan?.(exportPlan);
    const output = fs.createWriteStream(request.tempPath, { flags: 'wx', mode: TEMP_FILE_MODE });
    const offsets = sources.map((_, i) => sources.slice(0, i).reduce((sum, s) => sum + s.sheet.rows, 0));
    try {
      const summaries = await writeXlsx(
        output,
        sources.map((source): SheetSource => ({
          name: source.sheet.name,
          def: source.def,
          texts: source.texts,
          expectedRows: source.sheet.rows,
          rows: recordValues(db, source, request.mask === true),
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
      output.destroy();
      if (!output.closed) await once(output, 'close').catch(() => undefined);
      removeQuietly(request.tempPath);
      throw writeFailure(error, request.tempPath);
    }
  } finally {
    db.close();
  }
}
