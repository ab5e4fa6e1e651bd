// 报送 (main/submissions/): a submission locks the records of its ledgers, unit and period while its
// state is 'generating' or 'locked' (main/submissions/locks.ts); 'generating' covers the time its
// files are written, so nothing changes between counting the records and recording what was sent.
export default `
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

  CREATE TABLE submission_ledgers (
    submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    ledger_key TEXT NOT NULL REFERENCES ledger_types(key) ON UPDATE CASCADE,
    PRIMARY KEY (submission_id, ledger_key)
  );
  CREATE INDEX submission_ledgers_by_ledger ON submission_ledgers(ledger_key, submission_id);

  -- Every lock and unlock, with who, when and why (the audit log has them too).
  CREATE TABLE submission_locks (
    id INTEGER PRIMARY KEY,
    submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    action TEXT NOT NULL CHECK (action IN ('lock', 'unlock')),
    at TEXT NOT NULL,
    operator TEXT NOT NULL,
    reason TEXT
  );
  CREATE INDEX submission_locks_by_submission ON submission_locks(submission_id, id);
  `;
