// Units, ledger types, records with their attachments and search index, the audit log and settings.
export default `
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
  `;
