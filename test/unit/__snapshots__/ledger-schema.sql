-- The full schema of a new ledger file (sqlite_master, in name order), checked by
-- test/unit/schema-snapshot.test.ts. Do not edit by hand. After a deliberate schema change (a new
-- migration under main/store/migrations/), review the difference and rewrite this file with:
--   npx vitest run test/unit/schema-snapshot.test.ts -u

PRAGMA user_version = 8;
PRAGMA application_id = 1415203911;

-- table attachments
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

-- index attachments_by_record
CREATE INDEX attachments_by_record ON attachments(record_id);

-- index audit_by_entity
CREATE INDEX audit_by_entity ON audit_log(entity, entity_id);

-- table audit_log
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    operator TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    before TEXT,
    after TEXT
  , prev_hash TEXT, hash TEXT);

-- table import_batches
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

-- index import_batches_unfinished
CREATE INDEX import_batches_unfinished ON import_batches(state) WHERE state <> 'done';

-- table ledger_types
CREATE TABLE ledger_types (
    key TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    category TEXT NOT NULL,
    builtin INTEGER NOT NULL DEFAULT 0,
    definition TEXT NOT NULL CHECK (json_valid(definition)),
    revision INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
  );

-- table records
CREATE TABLE records (
    id INTEGER PRIMARY KEY,
    ledger_key TEXT NOT NULL REFERENCES ledger_types(key) ON UPDATE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    record_date TEXT NOT NULL,
    data TEXT NOT NULL CHECK (json_valid(data)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  , import_batch_id INTEGER REFERENCES import_batches(id));

-- index records_by_activity.activity_date
CREATE INDEX "records_by_activity.activity_date" ON records(json_extract(data, '$.activity_date'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'activity';

-- index records_by_activity.activity_type
CREATE INDEX "records_by_activity.activity_type" ON records(json_extract(data, '$.activity_type'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'activity';

-- index records_by_activity.beneficiaries
CREATE INDEX "records_by_activity.beneficiaries" ON records(json_extract(data, '$.beneficiaries'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'activity';

-- index records_by_activity.participants
CREATE INDEX "records_by_activity.participants" ON records(json_extract(data, '$.participants'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'activity';

-- index records_by_donation.date
CREATE INDEX "records_by_donation.date" ON records(json_extract(data, '$.date'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'donation';

-- index records_by_donation.direction
CREATE INDEX "records_by_donation.direction" ON records(json_extract(data, '$.direction'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'donation';

-- index records_by_donation.value
CREATE INDEX "records_by_donation.value" ON records(json_extract(data, '$.value'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'donation';

-- index records_by_dropout.dropout_date
CREATE INDEX "records_by_dropout.dropout_date" ON records(json_extract(data, '$.dropout_date'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'dropout';

-- index records_by_dropout.gender
CREATE INDEX "records_by_dropout.gender" ON records(json_extract(data, '$.gender'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'dropout';

-- index records_by_dropout.reason
CREATE INDEX "records_by_dropout.reason" ON records(json_extract(data, '$.reason'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'dropout';

-- index records_by_dropout.return_date
CREATE INDEX "records_by_dropout.return_date" ON records(json_extract(data, '$.return_date'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'dropout';

-- index records_by_dropout.return_result
CREATE INDEX "records_by_dropout.return_result" ON records(json_extract(data, '$.return_result'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'dropout';

-- index records_by_exchange.days
CREATE INDEX "records_by_exchange.days" ON records(json_extract(data, '$.days'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'exchange';

-- index records_by_exchange.end_date
CREATE INDEX "records_by_exchange.end_date" ON records(json_extract(data, '$.end_date'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'exchange';

-- index records_by_exchange.exchange_type
CREATE INDEX "records_by_exchange.exchange_type" ON records(json_extract(data, '$.exchange_type'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'exchange';

-- index records_by_exchange.gender
CREATE INDEX "records_by_exchange.gender" ON records(json_extract(data, '$.gender'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'exchange';

-- index records_by_exchange.person_times
CREATE INDEX "records_by_exchange.person_times" ON records(json_extract(data, '$.person_times'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'exchange';

-- index records_by_exchange.start_date
CREATE INDEX "records_by_exchange.start_date" ON records(json_extract(data, '$.start_date'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'exchange';

-- index records_by_household-visit.family_size
CREATE INDEX "records_by_household-visit.family_size" ON records(json_extract(data, '$.family_size'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'household-visit';

-- index records_by_household-visit.income
CREATE INDEX "records_by_household-visit.income" ON records(json_extract(data, '$.income'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'household-visit';

-- index records_by_household-visit.students
CREATE INDEX "records_by_household-visit.students" ON records(json_extract(data, '$.students'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'household-visit';

-- index records_by_household-visit.visit_date
CREATE INDEX "records_by_household-visit.visit_date" ON records(json_extract(data, '$.visit_date'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'household-visit';

-- index records_by_import_batch
CREATE INDEX records_by_import_batch ON records(import_batch_id) WHERE import_batch_id IS NOT NULL;

-- index records_by_ledger_date
CREATE INDEX records_by_ledger_date ON records(ledger_key, record_date, id, import_batch_id);

-- index records_by_ledger_id
CREATE INDEX records_by_ledger_id ON records(ledger_key, id, import_batch_id, unit_id, record_date);

-- index records_by_pairing.activity_date
CREATE INDEX "records_by_pairing.activity_date" ON records(json_extract(data, '$.activity_date'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'pairing';

-- index records_by_pairing.form
CREATE INDEX "records_by_pairing.form" ON records(json_extract(data, '$.form'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'pairing';

-- index records_by_pairing.participants
CREATE INDEX "records_by_pairing.participants" ON records(json_extract(data, '$.participants'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'pairing';

-- index records_by_procurement.amount
CREATE INDEX "records_by_procurement.amount" ON records(json_extract(data, '$.amount'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'procurement';

-- index records_by_procurement.from_poor_area
CREATE INDEX "records_by_procurement.from_poor_area" ON records(json_extract(data, '$.from_poor_area'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'procurement';

-- index records_by_procurement.purchase_date
CREATE INDEX "records_by_procurement.purchase_date" ON records(json_extract(data, '$.purchase_date'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'procurement';

-- index records_by_procurement.quantity
CREATE INDEX "records_by_procurement.quantity" ON records(json_extract(data, '$.quantity'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'procurement';

-- index records_by_procurement.supplier_type
CREATE INDEX "records_by_procurement.supplier_type" ON records(json_extract(data, '$.supplier_type'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'procurement';

-- index records_by_procurement.unit_price
CREATE INDEX "records_by_procurement.unit_price" ON records(json_extract(data, '$.unit_price'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'procurement';

-- index records_by_project.progress
CREATE INDEX "records_by_project.progress" ON records(json_extract(data, '$.progress'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'project';

-- index records_by_publicity.level
CREATE INDEX "records_by_publicity.level" ON records(json_extract(data, '$.level'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'publicity';

-- index records_by_publicity.publish_date
CREATE INDEX "records_by_publicity.publish_date" ON records(json_extract(data, '$.publish_date'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'publicity';

-- index records_by_rectification.completed_on
CREATE INDEX "records_by_rectification.completed_on" ON records(json_extract(data, '$.completed_on'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'rectification';

-- index records_by_rectification.deadline
CREATE INDEX "records_by_rectification.deadline" ON records(json_extract(data, '$.deadline'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'rectification';

-- index records_by_rectification.source
CREATE INDEX "records_by_rectification.source" ON records(json_extract(data, '$.source'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'rectification';

-- index records_by_rectification.status
CREATE INDEX "records_by_rectification.status" ON records(json_extract(data, '$.status'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'rectification';

-- index records_by_student-aid.aid_item
CREATE INDEX "records_by_student-aid.aid_item" ON records(json_extract(data, '$.aid_item'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'student-aid';

-- index records_by_student-aid.amount
CREATE INDEX "records_by_student-aid.amount" ON records(json_extract(data, '$.amount'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'student-aid';

-- index records_by_student-aid.family_type
CREATE INDEX "records_by_student-aid.family_type" ON records(json_extract(data, '$.family_type'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'student-aid';

-- index records_by_student-aid.gender
CREATE INDEX "records_by_student-aid.gender" ON records(json_extract(data, '$.gender'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'student-aid';

-- index records_by_student-aid.paid_on
CREATE INDEX "records_by_student-aid.paid_on" ON records(json_extract(data, '$.paid_on'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'student-aid';

-- index records_by_student-aid.stage
CREATE INDEX "records_by_student-aid.stage" ON records(json_extract(data, '$.stage'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'student-aid';

-- index records_by_task.status
CREATE INDEX "records_by_task.status" ON records(json_extract(data, '$.status'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'task';

-- index records_by_teacher-training.end_date
CREATE INDEX "records_by_teacher-training.end_date" ON records(json_extract(data, '$.end_date'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'teacher-training';

-- index records_by_teacher-training.headcount
CREATE INDEX "records_by_teacher-training.headcount" ON records(json_extract(data, '$.headcount'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'teacher-training';

-- index records_by_teacher-training.hours
CREATE INDEX "records_by_teacher-training.hours" ON records(json_extract(data, '$.hours'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'teacher-training';

-- index records_by_teacher-training.level
CREATE INDEX "records_by_teacher-training.level" ON records(json_extract(data, '$.level'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'teacher-training';

-- index records_by_teacher-training.start_date
CREATE INDEX "records_by_teacher-training.start_date" ON records(json_extract(data, '$.start_date'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'teacher-training';

-- index records_by_unit
CREATE INDEX records_by_unit ON records(unit_id, ledger_key, import_batch_id);

-- index records_by_vocational-referral.enroll_date
CREATE INDEX "records_by_vocational-referral.enroll_date" ON records(json_extract(data, '$.enroll_date'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'vocational-referral';

-- index records_by_vocational-referral.graduate_level
CREATE INDEX "records_by_vocational-referral.graduate_level" ON records(json_extract(data, '$.graduate_level'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'vocational-referral';

-- index records_by_vocational-referral.registered_poor
CREATE INDEX "records_by_vocational-referral.registered_poor" ON records(json_extract(data, '$.registered_poor'), id, import_batch_id, unit_id, record_date) WHERE ledger_key = 'vocational-referral';

-- table records_fts
CREATE VIRTUAL TABLE "records_fts" USING fts5(body, tokenize = 'trigram', detail = 'none');

-- table records_fts_config
CREATE TABLE "records_fts_config"(k PRIMARY KEY, v) WITHOUT ROWID;

-- table records_fts_content
CREATE TABLE "records_fts_content"(id INTEGER PRIMARY KEY, c0);

-- table records_fts_data
CREATE TABLE "records_fts_data"(id INTEGER PRIMARY KEY, block BLOB);

-- trigger records_fts_delete
CREATE TRIGGER records_fts_delete AFTER DELETE ON records BEGIN
    DELETE FROM records_fts WHERE rowid = old.id;
  END;

-- table records_fts_docsize
CREATE TABLE "records_fts_docsize"(id INTEGER PRIMARY KEY, sz BLOB);

-- table records_fts_idx
CREATE TABLE "records_fts_idx"(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table report_drafts
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

-- table report_templates
CREATE TABLE report_templates (
    key TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    definition TEXT NOT NULL CHECK (json_valid(definition)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

-- table settings
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL CHECK (json_valid(value))
  );

-- index sqlite_autoindex_ledger_types_1
-- (automatic)

-- index sqlite_autoindex_report_drafts_1
-- (automatic)

-- index sqlite_autoindex_report_templates_1
-- (automatic)

-- index sqlite_autoindex_settings_1
-- (automatic)

-- index sqlite_autoindex_submission_ledgers_1
-- (automatic)

-- index sqlite_autoindex_units_1
-- (automatic)

-- table submission_ledgers
CREATE TABLE submission_ledgers (
    submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    ledger_key TEXT NOT NULL REFERENCES ledger_types(key) ON UPDATE CASCADE,
    PRIMARY KEY (submission_id, ledger_key)
  );

-- index submission_ledgers_by_ledger
CREATE INDEX submission_ledgers_by_ledger ON submission_ledgers(ledger_key, submission_id);

-- table submission_locks
CREATE TABLE submission_locks (
    id INTEGER PRIMARY KEY,
    submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    action TEXT NOT NULL CHECK (action IN ('lock', 'unlock')),
    at TEXT NOT NULL,
    operator TEXT NOT NULL,
    reason TEXT
  );

-- index submission_locks_by_submission
CREATE INDEX submission_locks_by_submission ON submission_locks(submission_id, id);

-- table submissions
CREATE TABLE submissions (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    period TEXT NOT NULL,
    period_label TEXT NOT NULL,
    period_from TEXT NOT NULL,
    period_to TEXT NOT NULL,
    created_at TEXT NOT NULL,
    operator TEXT NOT NULL,
    folder TEXT NOT NULL,
    zip_path TEXT,
    zip_sha256 TEXT CHECK (zip_sha256 IS NULL OR length(zip_sha256) = 64),
    -- Report type keys, as a JSON array.
    reports TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(reports)),
    manifest TEXT CHECK (manifest IS NULL OR json_valid(manifest)),
    manifest_sha256 TEXT CHECK (manifest_sha256 IS NULL OR length(manifest_sha256) = 64),
    state TEXT NOT NULL DEFAULT 'generating' CHECK (state IN ('generating', 'locked', 'unlocked', 'failed'))
  );

-- table units
CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
  );

-- view visible_records
CREATE VIEW visible_records AS
    SELECT * FROM records
    WHERE import_batch_id IS NULL
       OR import_batch_id NOT IN (SELECT id FROM import_batches WHERE state <> 'done');
