import type { ReadonlyDb } from '../store/readonly-db.js';
import type { Db } from '../store/database.js';
import { nowIso } from '../store/database.js';
import { writeAudit } from '../store/audit.js';
import { ReportContentSchema, type ReportContent } from '../../shared/report-draft.js';

/** Which draft: one per report type, period (its code), unit and activity (null: the whole period). */
export interface DraftKey {
  type: string;
  period: string;
  unitId: number;
  activityId: number | null;
}

export interface StoredDraft {
  id: number;
  key: DraftKey;
  content: ReportContent;
  createdAt: string;
  updatedAt: string;
}

interface DraftRow {
  id: number;
  content: string;
  created_at: string;
  updated_at: string;
}

/**
 * A draft as stored. Fields added since it was saved take their defaults (an unsealed layout); a
 * 成文日期 saved before dates were checked against the calendar (2019-02-30) becomes the day the
 * draft was last saved, so the draft still opens, showing a real date to correct.
 */
function storedContent(json: string, savedAt: string): ReportContent {
  const raw = JSON.parse(json) as Record<string, unknown>;
  if (!ReportContentSchema.shape.signatureDate.safeParse(raw.signatureDate).success) {
    raw.signatureDate = savedAt.slice(0, 10);
  }
  return ReportContentSchema.parse(raw);
}

function params(key: DraftKey): [string, string, number, number] {
  return [key.type, key.period, key.unitId, key.activityId ?? 0];
}

export function findDraft(db: ReadonlyDb, key: DraftKey): StoredDraft | undefined {
  const row = db
    .prepare(
      `SELECT id, content, created_at, updated_at FROM report_drafts
       WHERE report_type = ? AND period = ? AND unit_id = ? AND activity_id = ?`,
    )
    .get(...params(key)) as DraftRow | undefined;
  if (!row) return undefined;
  return {
    id: row.id,
    key,
    content: storedContent(row.content, row.updated_at),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Creates or replaces the draft for its key, in one transaction with its audit row. */
export function writeDraft(db: Db, key: DraftKey, content: ReportContent, operator: string): StoredDraft {
  return db.transaction(() => {
    const before = findDraft(db, key);
    const now = nowIso();
    db.prepare(
      `INSERT INTO report_drafts (report_type, period, unit_id, activity_id, content, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(report_type, period, unit_id, activity_id)
       DO UPDATE SET content = excluded.content, updated_at = excluded.updated_at`,
    ).run(...params(key), JSON.stringify(content), now, now);
    const after = findDraft(db, key)!;
    writeAudit(db, {
      operator,
      action: before ? 'update' : 'create',
      entity: 'report-draft',
      entityId: after.id,
      before: before ? { key, content: before.content } : undefined,
      after: { key, content },
    });
    return after;
  })();
}
