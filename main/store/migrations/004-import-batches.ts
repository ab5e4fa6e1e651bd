// Imports write in short transactions so saves get the lock in between (main/store/import-batches.ts):
// each imported record names its batch, and a batch's rows count only once the batch is done.
export default `
  CREATE TABLE import_batches (
    id INTEGER PRIMARY KEY,
    ledger_key TEXT NOT NULL REFERENCES ledger_types(key) ON UPDATE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL CHECK (length(file_sha256) = 64),
    operator TEXT NOT NULL,
    -- The process writing a running batch: when it is gone, the batch was cut short by a crash.
    pid INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    state TEXT NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'done', 'abandoned')),
    rows_written INTEGER NOT NULL DEFAULT 0,
    rows_skipped INTEGER,
    rows_rejected INTEGER
  );
  CREATE INDEX import_batches_unfinished ON import_batches(state) WHERE state <> 'done';

  ALTER TABLE records ADD COLUMN import_batch_id INTEGER REFERENCES import_batches(id);
  CREATE INDEX records_by_import_batch ON records(import_batch_id) WHERE import_batch_id IS NOT NULL;
  -- The batch column joins the indexes counts and reports read, so they stay covering.
  DROP INDEX records_by_ledger_date;
  CREATE INDEX records_by_ledger_date ON records(ledger_key, record_date, id, import_batch_id);
  DROP INDEX records_by_unit;
  CREATE INDEX records_by_unit ON records(unit_id, ledger_key, import_batch_id);

  -- What every reader sees: records typed in, and those of finished imports. The set of unfinished
  -- batches is tiny (usually empty), so the check costs a lookup in it per row.
  CREATE VIEW visible_records AS
    SELECT * FROM records
    WHERE import_batch_id IS NULL
       OR import_batch_id NOT IN (SELECT id FROM import_batches WHERE state <> 'done');
  `;
