import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import type { LedgerDefinition, RecordValues } from '../../shared/ledger-definition.js';
import { cancelledError } from './export-cancelled.js';
import { shownText, toCellValue, type CellValue } from './cell-values.js';
import { columnPixels, fitColumnWidth, widestLine, wrappedLines } from './column-width.js';
import {
  orientationFor,
  PAGE_FOOTER,
  sheetLayout,
  titleFit,
  type SheetLayout,
  type SheetTexts,
} from './xlsx-layout.js';
import { sheetStyles, type SheetStyles } from './xlsx-styles.js';
import { waitForZip } from './zip-backpressure.js';

/** One sheet to write: a ledger's rows in order, already cut (and masked when asked). */
export interface SheetSource {
  name: string;
  def: LedgerDefinition;
  texts: SheetTexts;
  /** How many rows `rows` will yield: sizes the 序号 and 合计 columns before the rows are read. */
  expectedRows: number;
  rows: Iterable<RecordValues>;
}

export interface WriteHooks {
  /** Rows written so far in the sheet at `sheetIndex`, reported every batch. */
  onRows?(sheetIndex: number, written: number): void;
  /** Checked every batch; when true the write stops with a 'cancelled' error. */
  isCancelled?(): boolean;
}

export interface SheetSummary {
  name: string;
  rows: number;
  /** Sums of the 合计 row by field key. */
  totals: Record<string, number>;
}

/** Rows read ahead to fit the column widths (which must be written before the first row). */
const SAMPLE_ROWS = 2000;
const BATCH_ROWS = 500;
/** Row heights in points: one line of 11 pt 宋体 with some air, and each further wrapped line. */
const DATA_ROW_HEIGHT = 20;
const LINE_HEIGHT = 15;
const ROW_PADDING = 5;
/** Deflate level 1: the sheet XML still shrinks about sevenfold, at a fraction of level 6's time. */
const ZIP_LEVEL = 1;

function heightFor(lines: number): number {
  return Math.max(DATA_ROW_HEIGHT, lines * LINE_HEIGHT + ROW_PADDING);
}

/** The cells of one record, column by column; the 序号 slot is filled when the row is written. */
function cellsOf(layout: SheetLayout, values: RecordValues): CellValue[] {
  return layout.columns.map((col) => (col.key === null ? null : toCellValue(col.kind, values[col.key])));
}

function fitWidths(layout: SheetLayout, sample: CellValue[][], expectedRows: number): number[] {
  return layout.columns.map((col, i) => {
    let content = col.kind === 'seq' ? String(Math.max(expectedRows, 1)).length : 0;
    let largest = 0;
    for (const row of sample) {
      const value = row[i] ?? null;
      content = Math.max(content, widestLine(shownText(col.kind, value)));
      if (typeof value === 'number') largest = Math.max(largest, Math.abs(value));
    }
    // The 合计 is not known yet; the largest value times the row count bounds it.
    if (col.total) content = Math.max(content, shownText(col.kind, largest * Math.max(expectedRows, 1)).length);
    return fitColumnWidth({ content, label: col.label, wraps: col.wraps, cap: col.cap });
  });
}

class SheetWriter {
  private readonly layout: SheetLayout;
  private readonly columnCount: number;
  private widths: number[] = [];
  private styles!: SheetStyles;
  private worksheet!: ExcelJS.Worksheet;
  private written = 0;
  private readonly sums: number[];

  constructor(
    private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter,
    private readonly source: SheetSource,
  ) {
    this.layout = sheetLayout(source.def, source.texts);
    this.columnCount = this.layout.columns.length;
    this.sums = this.layout.columns.map(() => 0);
  }

  async write(hooks: WriteHooks, sheetIndex: number, check: () => void): Promise<SheetSummary> {
    const iterator = this.source.rows[Symbol.iterator]();
    try {
      const sample: CellValue[][] = [];
      let next = iterator.next();
      for (; !next.done && sample.length < SAMPLE_ROWS; next = iterator.next()) {
        sample.push(cellsOf(this.layout, next.value));
      }
      this.open(sample);
      const batch = async () => {
        hooks.onRows?.(sheetIndex, this.written);
        check();
        await waitForZip(this.worksheet);
      };
      for (const cells of sample) {
        this.writeRow(cells);
        if (this.written % BATCH_ROWS === 0) await batch();
      }
      for (; !next.done; next = iterator.next()) {
        this.writeRow(cellsOf(this.layout, next.value));
        if (this.written % BATCH_ROWS === 0) await batch();
      }
    } finally {
      // Ends the database cursor too when the write stops early (cancel, disk full).
      iterator.return?.();
    }
    this.close();
    hooks.onRows?.(sheetIndex, this.written);
    return { name: this.source.name, rows: this.written, totals: this.totals() };
  }

  /** Sizes the columns, sets up printing and writes the rows above the data. */
  private open(sample: CellValue[][]): void {
    const { layout } = this;
    this.widths = fitWidths(layout, sample, this.source.expectedRows);
    const tablePixels = this.widths.reduce((sum, w) => sum + columnPixels(w), 0);
    const title = titleFit(layout.texts.title, tablePixels);
    this.styles = sheetStyles(layout.columns, title.size);
    const { rows } = layout;
    // The streaming writer puts the views and the fit-to-page flag in the sheet's opening XML,
    // so they have to be given here rather than set afterwards.
    this.worksheet = this.workbook.addWorksheet(this.source.name, {
      views: [
        {
          state: 'frozen',
          xSplit: 0,
          ySplit: rows.header,
          topLeftCell: `A${rows.firstData}`,
          activeCell: `A${rows.firstData}`,
        },
      ],
      pageSetup: {
        paperSize: 9,
        orientation: orientationFor(this.widths),
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.75, header: 0.3, footer: 0.35 },
        printTitlesRow: layout.printTitlesRow,
      },
      headerFooter: { oddFooter: PAGE_FOOTER },
    });
    const sheet = this.worksheet;
    sheet.columns = this.widths.map((width) => ({ width }));
    const tableWidth = this.widths.reduce((sum, w) => sum + w, 0);

    if (rows.attachment !== null) {
      const row = sheet.getRow(rows.attachment);
      row.getCell(1).value = layout.texts.attachment;
      row.getCell(1).style = this.styles.attachment;
      row.height = 24;
      this.mergeAcross(rows.attachment);
      row.commit();
    }

    const titleRow = sheet.getRow(rows.title);
    titleRow.getCell(1).value = layout.texts.title;
    titleRow.getCell(1).style = this.styles.title;
    titleRow.height = title.lines * title.size * 1.5 + 10;
    this.mergeAcross(rows.title);
    titleRow.commit();

    const infoRow = sheet.getRow(rows.info);
    infoRow.getCell(1).value = layout.texts.info;
    infoRow.getCell(1).style = this.styles.info;
    infoRow.height = heightFor(wrappedLines(layout.texts.info, tableWidth));
    this.mergeAcross(rows.info);
    infoRow.commit();

    const headerRow = sheet.getRow(rows.header);
    let headerLines = 1;
    layout.columns.forEach((col, i) => {
      const cell = headerRow.getCell(i + 1);
      cell.value = col.label;
      cell.style = this.styles.header;
      headerLines = Math.max(headerLines, wrappedLines(col.label, this.widths[i]!));
    });
    headerRow.height = Math.max(26, headerLines * LINE_HEIGHT + 10);
    headerRow.commit();
  }

  private mergeAcross(rowNumber: number): void {
    this.worksheet.mergeCells(rowNumber, 1, rowNumber, this.columnCount);
  }

  private writeRow(cells: CellValue[]): void {
    this.written++;
    const row = this.worksheet.getRow(this.layout.rows.firstData + this.written - 1);
    let lines = 1;
    for (let i = 0; i < this.columnCount; i++) {
      const col = this.layout.columns[i]!;
      const value = col.kind === 'seq' ? this.written : cells[i]!;
      const cell = row.getCell(i + 1);
      cell.value = value;
      cell.style = this.styles.data[i]!;
      if (col.total && typeof value === 'number') {
        // Money adds up in whole fen, so 300,000 amounts carry no floating-point drift.
        this.sums[i]! += col.kind === 'money' ? Math.round(value * 100) : value;
      }
      if (col.wraps && typeof value === 'string') lines = Math.max(lines, wrappedLines(value, this.widths[i]!));
    }
    row.height = heightFor(lines);
    row.commit();
  }

  private totals(): Record<string, number> {
    const totals: Record<string, number> = {};
    this.layout.columns.forEach((col, i) => {
      if (col.total && col.key !== null) totals[col.key] = col.kind === 'money' ? this.sums[i]! / 100 : this.sums[i]!;
    });
    return totals;
  }

  private close(): void {
    const { layout, worksheet } = this;
    let next = layout.rows.firstData + this.written;
    if (layout.hasTotals) {
      const row = worksheet.getRow(next++);
      const totals = this.totals();
      layout.columns.forEach((col, i) => {
        const cell = row.getCell(i + 1);
        if (i === 0) {
          cell.value = '合计';
          cell.style = this.styles.totalLabel;
        } else {
          cell.value = col.total && col.key !== null ? totals[col.key]! : null;
          cell.style = this.styles.total[i]!;
        }
      });
      row.height = DATA_ROW_HEIGHT;
      row.commit();
    }
    const footer = worksheet.getRow(next);
    footer.getCell(1).value = layout.texts.footer;
    footer.getCell(1).style = this.styles.footer;
    footer.height = 28;
    this.mergeAcross(next);
    footer.commit();
    worksheet.commit();
  }
}

/**
 * Writes the sheets as one .xlsx into `output` with exceljs's streaming writer: rows are read,
 * written and dropped one at a time, so memory stays flat however long the ledger is.
 */
export async function writeXlsx(
  output: Writable,
  sheets: SheetSource[],
  hooks: WriteHooks = {},
): Promise<SheetSummary[]> {
  let streamError: Error | null = null;
  output.on('error', (error) => {
    streamError ??= error;
  });
  const check = () => {
    if (streamError) throw streamError;
    if (hooks.isCancelled?.()) throw cancelledError();
  };
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
    zip: { zlib: { level: ZIP_LEVEL } },
  });
  // The workbook's archiver (an internal of exceljs) reports its own errors, e.g. when a cancel has
  // closed the file under it; without a listener they would end the worker with an uncaught error.
  (workbook as unknown as { zip?: NodeJS.EventEmitter }).zip?.on('error', (error: Error) => {
    streamError ??= error;
  });
  workbook.creator = '台账归档';
  workbook.lastModifiedBy = '台账归档';
  const summaries: SheetSummary[] = [];
  for (const [index, source] of sheets.entries()) {
    check();
    summaries.push(await new SheetWriter(workbook, source).write(hooks, index, check));
  }
  check();
  await workbook.commit();
  check();
  return summaries;
}
