// Word reports: report types users make (main/reports/report-types.ts) and drafts being edited.
export default `
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
  `;
