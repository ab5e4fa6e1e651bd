import fs from 'node:fs';
import os from 'node:os';
import type { Db } from '../store/database.js';
import { processRunning } from '../export/temp-registry.js';
import { failSubmission } from './submission-store.js';

interface Generating {
  id: number;
  folder: string;
  zip_path: string | null;
  after: string | null;
}

const ABANDONED = '生成文件时程序意外退出';

/**
 * A submission whose process was killed or crashed while writing its files stays 'generating', which
 * locks its period with no files to show for it. At the next start of the app, the browser host or a
 * submission command, each such submission of this computer whose process is gone is marked failed
 * (lifting its lock, audited) and its half-written folder and .zip are removed. A submission made on
 * another computer (a ledger on a USB stick) is left alone: its process cannot be asked.
 */
export function failAbandonedSubmissions(db: Db, operator: string): number[] {
  const rows = db
    .prepare(
      `SELECT s.id, s.folder, s.zip_path, a.after FROM submissions s
       LEFT JOIN audit_log a ON a.entity = 'submission' AND a.entity_id = CAST(s.id AS TEXT) AND a.action = 'create'
       WHERE s.state = 'generating' ORDER BY s.id`,
    )
    .all() as Generating[];
  const failed: number[] = [];
  for (const row of rows) {
    let owner: { pid?: unknown; host?: unknown } | undefined;
    try {
      owner = (JSON.parse(row.after ?? '{}') as { process?: { pid?: unknown; host?: unknown } }).process;
    } catch {
      continue;
    }
    if (typeof owner?.pid !== 'number' || owner.host !== os.hostname() || processRunning(owner.pid)) continue;
    if (row.folder) fs.rmSync(row.folder, { recursive: true, force: true });
    if (row.zip_path) fs.rmSync(`${row.zip_path}.${owner.pid}.part`, { force: true });
    failSubmission(db, row.id, ABANDONED, operator);
    failed.push(row.id);
  }
  return failed;
}
