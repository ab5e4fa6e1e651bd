import type { RecordValues } from '../../shared/ledger-definition.js';

/** A row that passed validation; `duplicate` says why it would be skipped. */
export interface AcceptedRow {
  row: number;
  values: RecordValues;
  duplicate?: { of: 'existing' } | { of: 'in-file'; firstRow: number };
}

/** Where each good row goes the moment it is sorted: into the ledger, when the import writes. */
export type AcceptedWriter = (row: AcceptedRow) => void;

/**
 * The good rows of an import as counts, plus the first ones of each kind (new and duplicate)
 * for the preview. Rows are not kept beyond that: an import writes each row as it is read, so
 * 300,000 validated records never have to be held or stored aside.
 */
export class AcceptedRows implements Iterable<AcceptedRow> {
  private readonly fresh: AcceptedRow[] = [];
  private readonly repeated: AcceptedRow[] = [];
  private total = 0;
  private duplicateCount = 0;

  constructor(
    /** How many rows of each kind to keep for showing. */
    private readonly keep: number,
    private readonly writer?: AcceptedWriter,
  ) {}

  get length(): number {
    return this.total;
  }

  get duplicates(): number {
    return this.duplicateCount;
  }

  push(row: AcceptedRow): void {
    this.total++;
    if (row.duplicate) {
      this.duplicateCount++;
      if (this.repeated.length < this.keep) this.repeated.push(row);
    } else if (this.fresh.length < this.keep) this.fresh.push(row);
    this.writer?.(row);
  }

  /** The kept rows in sheet order (every row, when there are no more than `keep` of each kind). */
  *[Symbol.iterator](): Generator<AcceptedRow> {
    yield* [...this.fresh, ...this.repeated].sort((a, b) => a.row - b.row);
  }
}
