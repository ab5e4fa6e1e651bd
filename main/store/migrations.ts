/** PRAGMA application_id of every ledger file: 'TZLG' in ASCII. */
export const LEDGER_APPLICATION_ID = 0x545a4c47;

/**
 * Versioned schema. Each entry moves the file from version i to i+1 and runs in one
 * transaction together with the PRAGMA user_version bump, so a crash leaves the old version.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
  );

  CREATE TABLE ledger_types (
    key TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    category TEXT NOT NULL,
    builtin INTEGER NOT NULL DEFAULT 0,
    definition TEXT NOT NULL CHECK (json_valid(definition)),
    revision INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
  );

  CREATE TABLE records (
    id INTEGER PRIMARY KEY,
    ledger_key TEXT NOT NULL REFERENCES ledger_types(key) ON UPDATE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    record_date TEXT NOT NULL,
    data TEXT NOT NULL CHECK (json_valid(data)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX records_by_ledger_date ON records(ledger_key, record_date, id);
  CREATE INDEX records_by_unit ON records(unit_id, ledger_key);

  CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    field_key TEXT NOT NULL,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    name TEXT NOT NULL,
    size INTEGER NOT NULL,
    mime TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX attachments_by_record ON attachments(record_id);

  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    operator TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    before TEXT,
    after TEXT
  );
  CREATE INDEX audit_by_entity ON audit_log(entity, entity_id);

  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL CHECK (json_valid(value))
  );

  -- Trigram tokens find substrings of Chinese text, which has no spaces between words.
  -- Written by main/store/search-index.ts with the searchable fields of each record.
  CREATE VIRTUAL TABLE records_fts USING fts5(body, tokenize = 'trigram');
  -- Fewer, larger merges: bulk imports of 300,000 rows spend most of their time here.
  INSERT INTO records_fts(records_fts, rank) VALUES ('crisismerge', 64);
  INSERT INTO records_fts(records_fts, rank) VALUES ('automerge', 16);

  CREATE TRIGGER records_fts_delete AFTER DELETE ON records BEGIN
    DELETE FROM records_fts WHERE rowid = old.id;
  END;
  `,
  // Word reports: report types users make (main/reports/report-types.ts) and drafts being edited.
  `
  CREATE TABLE report_templates (
    key TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    definition TEXT NOT NULL CHECK (json_valid(definition)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  -- One draft per report type, period, unit and activity (0: the period as a whole).
  CREATE TABLE report_drafts (
    id INTEGER PRIMARY KEY,
    report_type TEXT NOT NULL,
    period TEXT NOT NULL,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    activity_id INTEGER NOT NULL DEFAULT 0,
    content TEXT NOT NULL CHECK (json_valid(content)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (report_type, period, unit_id, activity_id)
  );
  `, // The search index without token positions (detail=none): LIKE searches re-check every
  // candidate row's text, so results are the same, and a 300,000-row import indexes a third faster.
  `
  DROP TRIGGER records_fts_delete;
  CREATE VIRTUAL TABLE records_fts_next USING fts5(body, tokenize = 'trigram', detail = 'none');
  INSERT INTO records_fts_next(records_fts_next, rank) VALUES ('crisismerge', 64);
  INSERT INTO records_fts_next(records_fts_next, rank) VALUES ('automerge', 16);
  INSERT INTO records_fts_next(rowid, body) SELECT rowid, body FROM records_fts;
  DROP TABLE records_fts;
  ALTER TABLE records_fts_next RENAME TO records_fts;
  CREATE TRIGGER records_fts_delete AFTER DELETE ON records BEGIN
    DELETE FROM records_fts WHERE rowid = old.id;
  END;
  `,
  // Imports write in short transactions so saves get the lock in between (main/store/import-batches.ts):
  // each imported record names its batch, and a batch's rows count only once the batch is done.
  `
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
  `,
  // Marks the file as a ledger (main/store/ledger-file.ts), so another program's database is
  // never taken for one. New files get it here too, as they run every migration.
  `
  PRAGMA application_id = ${LEDGER_APPLICATION_ID};
  `,
  // The audit log as a hash chain (main/store/audit-chain.ts): rows written before this version are
  // chained once when the ledger is next opened, in id order, before anything else is written.
  `
  ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
  ALTER TABLE audit_log ADD COLUMN hash TEXT;
  `,
];
