import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../store/database.js';
import { nowIso } from '../store/database.js';
import { TaizhangError } from '../store/errors.js';
import { writeAudit } from '../store/audit.js';
import { getLedgerDefinition } from '../store/ledger-types.js';
import { listReportTypes } from '../reports/report-types.js';
import { sanitizeFileName } from '../export/file-name.js';
import type { Period } from '../../shared/period.js';
import type { Submission } from '../../shared/submission-api.js';
import { recordLockChange } from './locks.js';
import { SubmissionManifestSchema } from './manifest.js';
import type { GenerateResult } from './generate.js';

export interface NewSubmission {
  unit: { id: number; name: string };
  period: Period;
  ledgers: string[];
  reports: string[];
  /** The folder the submission's own folder is made in. */
  parent: string;
  zip: boolean;
  operator: string;
}

export interface BegunSubmission {
  id: number;
  createdAt: string;
  folder: string;
  zip: string | null;
}

/**
 * Records a submission as being generated, which already locks its period, and names its folder
 * (报送3-2019年上半年-<单位>) and .zip after its number. The files are written after this commits.
 */
export function beginSubmission(db: Db, input: NewSubmission): BegunSubmission {
  return db.transaction(() => {
    const createdAt = nowIso();
    const id = Number(
      db
        .prepare(
          `INSERT INTO submissions (unit_id, period, period_label, period_from, period_to, created_at, operator, folder, reports)
           VALUES (?, ?, ?, ?, ?, ?, ?, '', ?)`,
        )
        .run(
          input.unit.id,
          input.period.code,
          input.period.label,
          input.period.from,
          input.period.to,
          createdAt,
          input.operator,
          JSON.stringify(input.reports),
        ).lastInsertRowid,
    );
    const folder = path.join(input.parent, sanitizeFileName(`报送${id}-${input.period.label}-${input.unit.name}`));
    const zip = input.zip ? `${folder}.zip` : null;
    for (const taken of [folder, zip]) {
      if (taken && fs.existsSync(taken))
        throw new TaizhangError('conflict', `${taken} 已存在，未作修改：请换一个文件夹`);
    }
    db.prepare('UPDATE submissions SET folder = ?, zip_path = ? WHERE id = ?').run(folder, zip, id);
    const addLedger = db.prepare('INSERT INTO submission_ledgers (submission_id, ledger_key) VALUES (?, ?)');
    for (const ledger of input.ledgers) addLedger.run(id, ledger);
    recordLockChange(db, { submissionId: id, action: 'lock', operator: input.operator, reason: null, at: createdAt });
    writeAudit(db, {
      operator: input.operator,
      action: 'create',
      entity: 'submission',
      entityId: id,
      after: {
        state: 'generating',
        unit: input.unit.name,
        period: input.period.code,
        ledgers: input.ledgers,
        reports: input.reports,
        folder,
        zip,
        // Which process writes the files: if it dies, the next start finds the submission abandoned.
        process: { pid: process.pid, host: os.hostname() },
      },
    });
    return { id, createdAt, folder, zip };
  })();
}

/** Keeps what was written (the manifest and its hash) and holds the lock. */
export function finishSubmission(db: Db, id: number, result: GenerateResult, operator: string): void {
  db.transaction(() => {
    db.prepare(
      `UPDATE submissions SET manifest = ?, manifest_sha256 = ?, zip_sha256 = ?, state = 'locked' WHERE id = ?`,
    ).run(JSON.stringify(result.manifest), result.manifestSha256, result.zipSha256, id);
    writeAudit(db, {
      operator,
      action: 'update',
      entity: 'submission',
      entityId: id,
      before: { state: 'generating' },
      after: {
        state: 'locked',
        manifestSha256: result.manifestSha256,
        zipSha256: result.zipSha256,
        records: Object.fromEntries(result.manifest.ledgers.map((l) => [l.key, l.records])),
        files: result.manifest.files.map((f) => f.name),
      },
    });
  })();
}

/** A submission whose files could not be written locks nothing: the lock is lifted, saying why. */
export function failSubmission(db: Db, id: number, why: string, operator: string): void {
  db.transaction(() => {
    db.prepare(`UPDATE submissions SET state = 'failed' WHERE id = ?`).run(id);
    const reason = `文件没有生成完成：${why}`;
    recordLockChange(db, { submissionId: id, action: 'unlock', operator, reason });
    writeAudit(db, {
      operator,
      action: 'update',
      entity: 'submission',
      entityId: id,
      before: { state: 'generating' },
      after: { state: 'failed', reason },
    });
  })();
}

interface Row {
  id: number;
  unit_id: number;
  unit_name: string;
  period: string;
  period_label: string;
  created_at: string;
  operator: string;
  folder: string;
  zip_path: string | null;
  reports: string;
  manifest: string | null;
  manifest_sha256: string | null;
  state: Submission['state'];
}

function ledgerLabel(db: Db, key: string): string {
  try {
    return getLedgerDefinition(db, key).label;
  } catch {
    return key;
  }
}

function toSubmission(db: Db, row: Row): Submission {
  const manifest = row.manifest ? SubmissionManifestSchema.safeParse(JSON.parse(row.manifest)) : null;
  const written = manifest?.success ? manifest.data : null;
  const reportLabels = new Map(listReportTypes(db).map((t) => [t.template.key, t.template.label]));
  const keys = (
    db
      .prepare('SELECT ledger_key FROM submission_ledgers WHERE submission_id = ? ORDER BY rowid')
      .all(row.id) as Array<{ ledger_key: string }>
  ).map((r) => r.ledger_key);
  const history = db
    .prepare('SELECT action, at, operator, reason FROM submission_locks WHERE submission_id = ? ORDER BY id')
    .all(row.id) as Submission['history'];
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    period: row.period,
    periodLabel: row.period_label,
    createdAt: row.created_at,
    operator: row.operator,
    folder: row.folder,
    zip: row.zip_path,
    state: row.state,
    ledgers: keys.map((key) => ({
      key,
      label: written?.ledgers.find((l) => l.key === key)?.label ?? ledgerLabel(db, key),
      records: written?.ledgers.find((l) => l.key === key)?.records ?? null,
    })),
    reports: (JSON.parse(row.reports) as string[]).map((type) => ({
      type,
      label: written?.reports.find((r) => r.type === type)?.label ?? reportLabels.get(type) ?? type,
    })),
    files: written?.files ?? [],
    manifestSha256: row.manifest_sha256,
    history,
  };
}

const SELECT = `SELECT s.id, s.unit_id, u.name AS unit_name, s.period, s.period_label, s.created_at, s.operator,
  s.folder, s.zip_path, s.reports, s.manifest, s.manifest_sha256, s.state
  FROM submissions s JOIN units u ON u.id = s.unit_id`;

/** Every submission, newest first. */
export function listSubmissions(db: Db): Submission[] {
  return (db.prepare(`${SELECT} ORDER BY s.id DESC`).all() as Row[]).map((row) => toSubmission(db, row));
}

export function getSubmission(db: Db, id: number): Submission {
  const row = db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as Row | undefined;
  if (!row) throw new TaizhangError('not-found', `报送 #${id} 不存在`);
  return toSubmission(db, row);
}
