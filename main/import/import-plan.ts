import type { LedgerDefinition } from '../../shared/ledger-definition.js';
import type { Db } from '../store/database.js';
import { importCancelled } from './import-cancelled.js';
import { getLedgerDefinition } from '../store/ledger-types.js';
import {
  conflicts,
  FieldLookup,
  layoutKey,
  mapColumns,
  type ColumnMapping,
  type GivenMapping,
} from './header-match.js';
import { headerEnd, MergeFiller, resolveHeader } from './header-band.js';
import { loadMapping, type RememberedMapping } from './mapping-memory.js';
import { openTable, type OpenTable } from './read-table.js';
import { RowSorter, type ConflictRow, type IgnoredRows, type RejectedRow } from './row-sorter.js';
import type { AcceptedRows, AcceptedWriter } from './accepted-rows.js';
import { IMPORT_PREVIEW_ROWS } from '../../shared/import-api.js';
import type { SheetCell } from './sheet-cell.js';
import type { SheetRow } from './sheet-reader.js';
import { columnLetter, compactLabel, listSome, LISTED_ITEMS, quote } from './text.js';
import { ExistingRecords } from './duplicates.js';
import { resolveFill, type FilledField } from './column-fill.js';
import { loadWorkbook, sourceName, type WorkbookSource } from './workbook-file.js';

export type { ConflictRow, RejectedRow } from './row-sorter.js';
export type { AcceptedRow, AcceptedRows } from './accepted-rows.js';

export interface ImportRequest {
  ledger: string;
  unitId: number;
  source: WorkbookSource;
  /** The sheet to read; by default the first visible sheet with this ledger's header. */
  sheet?: string;
  /** The user's column → field choices (by header text). */
  mapping?: GivenMapping[];
  /** 本列统一填写: field key or label → the value for every row, for fields no column feeds. */
  fill?: Record<string, string>;
}

/** Someone following a long import: told how far it has got, and able to stop it. */
export interface ImportWatch {
  signal?: AbortSignal;
  onProgress?(progress: { rowsRead: number; fraction: number }): void;
}

/** Rows between progress reports and checks for a cancel. */
const WATCH_EVERY = 1000;

export interface ImportPlan {
  def: LedgerDefinition;
  unitId: number;
  fileName: string;
  sheet: string;
  sheets: string[];
  /** Sheet row numbers of the header (two when the header is drawn over two rows). */
  headerRows: number[];
  header: SheetCell[];
  columns: ColumnMapping[];
  layoutKey: string;
  /** Problems that stop the import as a whole (a column nobody mapped, a required field missing). */
  blocking: string[];
  warnings: string[];
  /** How many rows are good (and duplicates), with the first of them for the preview. */
  accepted: AcceptedRows;
  rejected: RejectedRow[];
  /** Good rows whose ID number the ledger holds under another name: never imported. */
  conflicts: ConflictRow[];
  ignored: IgnoredRows;
  /** Fields no column feeds that get one value in every row, by field key. */
  filled: Map<string, FilledField>;
  /** The user's choices for this layout, remembered when the import is committed. */
  choices: RememberedMapping;
}

function columnProblems(
  def: LedgerDefinition,
  columns: ColumnMapping[],
  filled: Set<number>,
  fieldsFilled: Map<string, FilledField>,
) {
  const blocking = conflicts(columns);
  const warnings: string[] = [];
  const named = (c: ColumnMapping) => `${c.letter} 列${quote(c.header)}`;
  const unmatched = columns.filter((c) => c.how === 'unmatched');
  // One line per column up to a few; past that one line names the first and counts them all.
  const lost = unmatched.filter((c) => filled.has(c.column));
  if (lost.length > LISTED_ITEMS) {
    blocking.push(
      `${listSome(lost.map(named), '列')}没有对应的字段，其中的内容不导入就会丢失：请指定它们对应的字段，或明确选择不导入这些列`,
    );
  } else {
    for (const c of lost) {
      blocking.push(`${named(c)}没有对应的字段，其中的内容不导入就会丢失：请指定它对应的字段，或明确选择不导入该列`);
    }
  }
  const empty = unmatched.filter((c) => !filled.has(c.column));
  if (empty.length > LISTED_ITEMS) {
    warnings.push(`${listSome(empty.map(named), '列')}没有对应的字段，这些列没有内容，已略过`);
  } else {
    for (const c of empty) warnings.push(`${named(c)}没有对应的字段，该列没有内容，已略过`);
  }
  const mapped = new Set(columns.map((c) => c.field?.key));
  for (const field of def.fields) {
    if (field.required && !mapped.has(field.key) && !fieldsFilled.has(field.key))
      blocking.push(`表头中没有必填字段“${field.label}”的列`);
  }
  const headed = new Set(columns.map((c) => c.column));
  const headless = [...filled].filter((column) => !headed.has(column)).sort((a, b) => a - b);
  if (headless.length > LISTED_ITEMS) {
    const names = headless.map((c) => `${columnLetter(c)} 列`);
    warnings.push(`${listSome(names, '列')}没有表头，其中的内容不会导入`);
  } else {
    for (const column of headless) warnings.push(`${columnLetter(column)} 列没有表头，其中的内容不会导入`);
  }
  return { blocking, warnings };
}

/** The header (completed from a two-row band when merges say so) and the first row below it. */
async function takeHeader(
  table: OpenTable,
): Promise<{ header: SheetCell[]; headerRows: number[]; firstBelow?: SheetRow }> {
  const { merges } = table.sheet;
  const headerRow = table.head[table.head.length - 1]!.number;
  const lastRow = headerEnd(headerRow, merges);
  const band: SheetRow[] = [];
  for (let next = await table.rows.next(); !next.done; next = await table.rows.next()) {
    if (next.value.number > lastRow) {
      return {
        header: resolveHeader(table.head, band, merges),
        headerRows: rowRange(headerRow, lastRow),
        firstBelow: next.value,
      };
    }
    band.push(next.value);
  }
  return { header: resolveHeader(table.head, band, merges), headerRows: rowRange(headerRow, lastRow) };
}

function rowRange(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/**
 * Reads a workbook and decides, row by row, what an import does: the header found, how columns
 * map to fields (and which fields get one value in every row), which rows are good, which are
 * duplicates (by the definition's keyFields, against this unit's records and earlier rows of the
 * file), which conflict with a record (its ID number under another name), which are rejected
 * and why. Rows are sorted as they stream in; each good row goes to `writer` at once
 * (importRecords writes it), or nowhere for a preview or a dry run.
 */
export async function planImport(
  db: Db,
  request: ImportRequest,
  writer?: AcceptedWriter,
  watch: ImportWatch = {},
): Promise<ImportPlan> {
  const def = getLedgerDefinition(db, request.ledger);
  const lookup = new FieldLookup(def, request.mapping);
  const fileName = sourceName(request.source);
  const workbook = await loadWorkbook(request.source);
  const table = await openTable(workbook, fileName, lookup, request.sheet);
  try {
    const { merges } = table.sheet;
    const { header, headerRows, firstBelow } = await takeHeader(table);
    const key = layoutKey(def, header);
    const remembered = loadMapping(db, key);
    const columns = mapColumns(header, lookup, remembered.columns);
    const fill = resolveFill(def, columns, request.fill, remembered.fill);
    const sorter = new RowSorter(
      def,
      columns,
      header,
      new ExistingRecords(db, def, request.unitId),
      { keep: IMPORT_PREVIEW_ROWS, writer },
      fill.rowFill,
    );
    const filler = new MergeFiller(merges, headerRows[headerRows.length - 1]!);
    const sort = (row: SheetRow) => {
      filler.fill(row);
      sorter.add(row);
    };
    if (firstBelow) sort(firstBelow);
    let count = 0;
    for await (const row of table.rows) {
      sort(row);
      if (++count % WATCH_EVERY !== 0) continue;
      if (watch.signal?.aborted) throw importCancelled();
      watch.onProgress?.({ rowsRead: row.number, fraction: table.fraction() });
    }
    if (watch.signal?.aborted) throw importCancelled();

    const { blocking, warnings } = columnProblems(def, columns, sorter.filledOutside, fill.filled);
    blocking.push(...fill.blocking);
    warnings.push(...fill.warnings);
    const present = new Set(columns.map((c) => compactLabel(c.header)));
    const choices: RememberedMapping = { columns: {}, fill: fill.choices };
    for (const [text, given] of lookup.given) {
      if (present.has(text)) choices.columns[text] = given.field?.key ?? null;
      else warnings.push(`指定的列“${given.header}”不在表头中，未使用`);
    }
    return {
      def,
      unitId: request.unitId,
      fileName,
      sheet: table.sheet.name,
      sheets: table.sheets,
      headerRows,
      header,
      columns,
      layoutKey: key,
      blocking,
      warnings,
      accepted: sorter.accepted,
      rejected: sorter.rejected,
      conflicts: sorter.conflicts,
      ignored: sorter.ignored,
      filled: fill.filled,
      choices,
    };
  } finally {
    await table.close();
  }
}

/** What a commit of this plan writes and skips. */
export function planCounts(plan: ImportPlan, allowDuplicates: boolean): { toImport: number; skipped: number } {
  const duplicates = plan.accepted.duplicates;
  return allowDuplicates
    ? { toImport: plan.accepted.length, skipped: 0 }
    : { toImport: plan.accepted.length - duplicates, skipped: duplicates };
}

/** The conflicts as import.commit and the CLI report them. */
export function conflictLines(plan: ImportPlan): Array<{ row: number; recordId: number; message: string }> {
  return plan.conflicts.map((c) => ({ row: c.row, recordId: c.recordId, message: c.message }));
}
