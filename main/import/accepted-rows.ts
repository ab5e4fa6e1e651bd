import type { RecordValues } from '../../shared/ledger-definition.js';
import type { Db } from '../store/database.js';

/** A row that passed validation; `duplicate` says why it would be skipped. */
export interface AcceptedRow {
  row: number;
  values: RecordValues;
  duplicate?: { of: 'existing' } | { of: 'in-file'; firstRow: number };
}

/** Rows kept as objects; beyond them rows go to a temporary table. */
const IN_MEMORY = 2000;
const BATCH = 2000;
let tables = 0;

/**
 * The good rows of an import, in sheet order. A small file stays in memory; a large one moves
 * its rows, as JSON, into a TEMP table of the connection (SQLite keeps it in a temporary file
 * that is gone when the connection closes, even after a crash) so 300,000 validated records
 * need not all be held as objects. The ledger file itself is not touched.
 */
export class AcceptedRows implements Iterable<AcceptedRow> {
  private readonly memory: AcceptedRow[] = [];
  private pending: AcceptedRow[] = [];
  private table: string | null = null;
  private spilled = 0;
  private duplicateCount = 0;

  constructor(private readonly db: Db) {}

  get length(): number {
    return this.memory.length + this.spilled + this.pending.length;
  }

  get duplicates(): number {
    return this.duplicateCount;
  }

  push(row: AcceptedRow): void {
    if (row.duplicate) this.duplicateCount++;
    if (this.memory.length < IN_MEMORY) this.memory.push(row);
    else {
      this.pending.push(row);
      if (this.pending.length >= BATCH) this.flush();
    }
  }

  /** Every row in sheet order; spilled rows are read back a batch at a time. */
  *[Symbol.iterator](): Generator<AcceptedRow> {
    yield* this.memory;
    if (this.table) {
      const page = this.db.prepare(
        `SELECT seq, json FROM temp.${this.table} WHERE seq > ? ORDER BY seq LIMIT ${BATCH}`,
      );
      // Read a page fully before yielding: the caller may write to the same connection meanwhile.
      for (let after = 0; ;) {
        const rows = page.all(after) as Array<{ seq: number; json: string }>;
        if (rows.length === 0) break;
        for (const r of rows) yield JSON.parse(r.json) as AcceptedRow;
        after = rows[rows.length - 1]!.seq;
      }
    }
    yield* this.pending;
  }

  /** Drops the temporary table; the rows are gone afterwards. */
  dispose(): void {
    if (this.table && this.db.open) this.db.exec(`DROP TABLE IF EXISTS temp.${this.table}`);
    this.table = null;
  }

  private flush(): void {
    if (!this.table) {
      this.table = `import_rows_${process.pid}_${++tables}`;
      this.db.exec(`CREATE TEMP TABLE ${this.table} (seq INTEGER PRIMARY KEY, json TEXT NOT NULL)`);
    }
    const insert = this.db.prepare(`INSERT INTO temp.${this.table} (json) VALUES (?)`);
    const rows = this.pending;
    this.db.transaction(() => {
      for (const row of rows) insert.run(JSON.stringify(row));
    })();
    this.spilled += rows.length;
    this.pending = [];
  }
}
