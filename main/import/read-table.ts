import type { LedgerDefinition } from '../../shared/ledger-definition.js';
import { TaizhangError } from '../store/errors.js';
import type { FieldLookup } from './header-match.js';
import { findHeaderRow, headerThreshold, HEADER_SCAN_ROWS } from './find-header.js';
import { WorkbookReader, type SheetRow } from './sheet-reader.js';
import type { SheetInfo } from './workbook-index.js';
import type { CheckedWorkbook } from './workbook-file.js';

/** A sheet whose header has been found; the rows below it are read as they are asked for. */
export interface OpenTable {
  sheet: SheetInfo;
  sheets: string[];
  /** Rows up to and including the header row (titles, 附件N, 填报单位 lines, the header). */
  head: SheetRow[];
  /** Every non-blank row below the header, in order, read from the file as it is consumed. */
  rows: AsyncGenerator<SheetRow>;
  /** How far through the sheet the reading is, 0 to 1. */
  fraction(): number;
  close(): Promise<void>;
}

async function* concat(first: SheetRow[], rest: AsyncGenerator<SheetRow>): AsyncGenerator<SheetRow> {
  yield* first;
  yield* rest;
}

/** The sheet's first rows and the index of its header among them, or null (sheet left unread). */
async function headOf(rows: AsyncGenerator<SheetRow>, lookup: FieldLookup) {
  const first: SheetRow[] = [];
  for (let next = await rows.next(); !next.done; next = await rows.next()) {
    first.push(next.value);
    if (first.length >= HEADER_SCAN_ROWS) break;
  }
  const at = findHeaderRow(first, lookup);
  if (at >= 0) return { head: first.slice(0, at + 1), rows: concat(first.slice(at + 1), rows), source: rows };
  await rows.return(undefined);
  return null;
}

function noHeader(def: LedgerDefinition, fileName: string, sheet: string | null): TaizhangError {
  const where = sheet ? `工作表“${sheet}”` : `“${fileName}”的各个工作表`;
  const examples = def.fields
    .slice(0, 4)
    .map((f) => f.label)
    .join('、');
  return new TaizhangError(
    'bad-file',
    `在${where}的前 ${HEADER_SCAN_ROWS} 行中找不到台账“${def.label}”的表头：没有哪一行写有至少 ${headerThreshold(def.fields.length)} 个该台账的字段名称（如 ${examples}）。请确认选择的台账是否正确，或指定列与字段的对应关系`,
  );
}

/**
 * Finds the table: in the sheet asked for, or else in the first visible sheet (in the workbook's
 * order) whose first rows hold a header for this ledger. Sheets without one are left after
 * their first rows.
 */
export async function openTable(
  workbook: CheckedWorkbook,
  fileName: string,
  lookup: FieldLookup,
  wantedSheet?: string,
): Promise<OpenTable> {
  const names = workbook.sheets.map((s) => s.name);
  const wanted = wantedSheet?.trim();
  const candidates =
    wanted === undefined
      ? workbook.sheets.filter((s) => !s.hidden)
      : workbook.sheets.filter((s) => s.name.trim() === wanted);
  if (wanted !== undefined && candidates.length === 0) {
    throw new TaizhangError(
      'bad-file',
      `“${fileName}”中没有名为“${wanted}”的工作表，其中的工作表有：${names.join('、')}`,
    );
  }
  const reader = new WorkbookReader(workbook, fileName);
  for (const sheet of candidates) {
    let fraction = 0;
    const found = await headOf(
      reader.rows(sheet, (f) => (fraction = f)),
      lookup,
    );
    if (found) {
      const { head, rows, source } = found;
      const close = async () => {
        await rows.return(undefined);
        await source.return(undefined);
      };
      return { sheet, sheets: names, head, rows, fraction: () => fraction, close };
    }
    if (wanted !== undefined) throw noHeader(lookup.def, fileName, sheet.name);
  }
  throw noHeader(lookup.def, fileName, null);
}
