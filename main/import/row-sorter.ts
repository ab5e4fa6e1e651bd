import type { LedgerDefinition, RecordValues } from '../../shared/ledger-definition.js';
import { AcceptedRows, type AcceptedRow, type AcceptedWriter } from './accepted-rows.js';
import type { ColumnMapping } from './header-match.js';
import { checkRow, type CellError, type FieldColumn, type RowFill } from './row-check.js';
import { classifyRow, type RowContext } from './row-kind.js';
import { cellText, isBlankCell, type SheetCell } from './sheet-cell.js';
import type { SheetRow } from './sheet-reader.js';
import { compactLabel } from './text.js';
import { recordKey, type ExistingRecords } from './duplicates.js';

/** A row that failed validation, with its original cells so it can be handed back for correction. */
export interface RejectedRow {
  row: number;
  cells: SheetCell[];
  errors: CellError[];
}

/** A good row whose ID number the ledger holds under another name: never imported, handed back for correction. */
export interface ConflictRow {
  row: number;
  cells: SheetCell[];
  values: RecordValues;
  recordId: number;
  message: string;
}

export interface IgnoredRows {
  blank: number;
  totals: number[];
  footer: number[];
  repeatedHeader: number[];
}

/**
 * Sorts the rows below the header, one at a time as they are read, into accepted (with
 * duplicates marked by the definition's keyFields, against the unit's records and earlier
 * rows; handed to the writer, if any), rejected (cells kept), conflicts (an ID number the
 * ledger holds under another name; cells kept) and ignored.
 */
export class RowSorter {
  readonly accepted: AcceptedRows;
  readonly rejected: RejectedRow[] = [];
  readonly conflicts: ConflictRow[] = [];
  readonly ignored: IgnoredRows = { blank: 0, totals: [], footer: [], repeatedHeader: [] };
  /** Columns (1-based) outside the mapped ones that hold something in some row. */
  readonly filledOutside = new Set<number>();
  private readonly fields: FieldColumn[];
  private readonly ctx: RowContext;
  private readonly watched: number[];
  private readonly width: number;
  private readonly firstSeen = new Map<string, number>();

  constructor(
    private readonly def: LedgerDefinition,
    columns: ColumnMapping[],
    header: SheetCell[],
    private readonly existing: ExistingRecords,
    accepted: { keep: number; writer?: AcceptedWriter },
    private readonly fill?: RowFill,
  ) {
    this.accepted = new AcceptedRows(accepted.keep, accepted.writer);
    this.fields = columns
      .filter((c) => c.field)
      .map((c) => ({ field: c.field!, index: c.column - 1, letter: c.letter, header: c.header }));
    this.ctx = {
      dataColumns: columns.filter((c) => c.how !== 'ignored').map((c) => c.column - 1),
      header: header.map((cell) => compactLabel(cellText(cell))),
      afterFooter: false,
    };
    const headed = new Set(columns.map((c) => c.column - 1));
    this.width = header.length;
    this.watched = columns.filter((c) => c.how === 'unmatched').map((c) => c.column - 1);
    for (let i = 0; i < header.length; i++) if (!headed.has(i)) this.watched.push(i);
  }

  add(row: SheetRow): void {
    this.noteOutside(row.cells);
    const kind = classifyRow(row.cells, this.ctx);
    if (kind === 'blank') this.ignored.blank++;
    else if (kind === 'total') this.ignored.totals.push(row.number);
    else if (kind === 'header-repeat') this.ignored.repeatedHeader.push(row.number);
    else if (kind === 'footer') {
      this.ignored.footer.push(row.number);
      this.ctx.afterFooter = true;
    }
    if (kind !== 'data') return;
    const check = checkRow(this.def, this.fields, row.cells, this.fill);
    if (!check.ok) {
      this.rejected.push({ row: row.number, cells: row.cells, errors: check.errors });
      return;
    }
    const conflict = this.existing.conflict(check.values);
    if (conflict) {
      this.conflicts.push({ row: row.number, cells: row.cells, values: check.values, ...conflict });
      return;
    }
    const accepted: AcceptedRow = { row: row.number, values: check.values };
    const identity = recordKey(this.def, check.values);
    if (identity !== null) {
      const first = this.firstSeen.get(identity);
      if (this.existing.keys.has(identity)) accepted.duplicate = { of: 'existing' };
      else if (first !== undefined) accepted.duplicate = { of: 'in-file', firstRow: first };
      else this.firstSeen.set(identity, row.number);
    }
    this.accepted.push(accepted);
  }

  private noteOutside(cells: SheetCell[]): void {
    for (const i of this.watched) if (!isBlankCell(cells[i])) this.filledOutside.add(i + 1);
    for (let i = this.width; i < cells.length; i++) if (!isBlankCell(cells[i])) this.filledOutside.add(i + 1);
  }
}
