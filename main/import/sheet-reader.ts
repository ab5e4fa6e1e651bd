import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { TaizhangError } from '../store/errors.js';
import { isBlankCell, toSheetCell, type SheetCell } from './sheet-cell.js';
import { cutEntriesWhole, utf8Pieces } from './utf8-chunks.js';
import { reorderedOrNull } from './zip-order.js';

/** A row that holds something; cells[0] is column A. */
export interface SheetRow {
  number: number;
  cells: SheetCell[];
}

export interface StreamedSheet {
  name: string;
  /** The sheet's non-blank rows in order; empty (even styled) rows are passed over. */
  rows(): AsyncGenerator<SheetRow>;
}

interface WorkbookReaderInternals {
  model?: { sheets?: Array<{ name: string }> };
  sharedStrings?: unknown[];
}

/** What exceljs's WorksheetReader carries beyond its typings. */
interface WorksheetReaderInternals {
  name: string;
  iterator: AsyncIterable<Buffer | string>;
  [Symbol.asyncIterator](): AsyncGenerator<ExcelJS.Row>;
}

const CHUNK = 1024 * 1024;

function* chunks(parts: Iterable<Buffer>): Generator<Buffer> {
  for (const bytes of parts) {
    for (let at = 0; at < bytes.length; at += CHUNK) yield bytes.subarray(at, at + CHUNK);
  }
}

function toRow(row: ExcelJS.Row): SheetRow | null {
  const values = row.values as ExcelJS.CellValue[];
  let cells: SheetCell[] | null = null;
  for (let c = 1; c < values.length; c++) {
    const value = values[c];
    if (value === null || value === undefined) continue;
    const cell = toSheetCell(value);
    if (isBlankCell(cell)) continue;
    cells ??= [];
    cells[c - 1] = cell;
  }
  if (!cells) return null;
  for (let c = 0; c < cells.length; c++) cells[c] ??= null;
  return { number: row.number, cells };
}

function unreadable(fileName: string, sheet: string | null, error: unknown): TaizhangError {
  const detail = error instanceof Error ? error.message : String(error);
  const where = sheet ? `工作表“${sheet}”` : '工作簿';
  return new TaizhangError(
    'bad-file',
    `无法导入“${fileName}”：${where}的内容已损坏，无法解析（${detail.slice(0, 120)}）`,
  );
}

/**
 * Streams a checked .xlsx sheet by sheet with exceljs's WorkbookReader, so a 300,000-row file
 * never sits in memory as a workbook model. Formulas arrive as their cached results, dates
 * (with styles cached) as Date objects, shared strings resolved. Sheets come in the order
 * their parts sit in the archive, after the workbook's own parts (see zip-order.ts).
 */
export class SheetStream {
  private readonly reader: ExcelJS.stream.xlsx.WorkbookReader;
  private readonly input: Readable;

  constructor(
    bytes: Buffer,
    private readonly fileName: string,
  ) {
    const reordered = reorderedOrNull(bytes);
    this.input = Readable.from(chunks(reordered ?? [bytes]), { objectMode: false });
    this.reader = new ExcelJS.stream.xlsx.WorkbookReader(this.input, {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    // With the workbook's parts first, a file without shared strings needs none: every
    // worksheet can then be read as it streams past instead of from a temporary copy.
    if (reordered) (this.reader as unknown as WorkbookReaderInternals).sharedStrings = [];
    cutEntriesWhole(this.reader);
  }

  /** Every sheet name in the workbook's own order (known once the first sheet has been reached). */
  sheetNames(): string[] {
    return ((this.reader as unknown as WorkbookReaderInternals).model?.sheets ?? []).map((s) => s.name);
  }

  async *sheets(): AsyncGenerator<StreamedSheet> {
    try {
      for await (const worksheet of this.reader) {
        const internals = worksheet as unknown as WorksheetReaderInternals;
        yield this.sheet(internals);
      }
    } catch (error) {
      if (error instanceof TaizhangError) throw error;
      throw unreadable(this.fileName, null, error);
    }
  }

  close(): void {
    this.input.destroy();
  }

  private sheet(worksheet: WorksheetReaderInternals): StreamedSheet {
    const fileName = this.fileName;
    worksheet.iterator = utf8Pieces(worksheet.iterator);
    return {
      name: worksheet.name,
      async *rows() {
        try {
          for await (const row of worksheet) {
            const kept = toRow(row);
            if (kept) yield kept;
          }
        } catch (error) {
          if (error instanceof TaizhangError) throw error;
          throw unreadable(fileName, worksheet.name, error);
        }
      },
    };
  }
}
