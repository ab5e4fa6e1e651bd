import type { ReadonlyDb } from '../store/readonly-db.js';
import fs from 'node:fs';
import path from 'node:path';
import { hashFileSync } from './file-hash.js';
import { SUBMISSION_MANIFEST, SubmissionManifestSchema } from './manifest.js';

export interface SubmissionFilesCheck {
  id: number;
  /** Files compared with their recorded hash (the tables, reports, manifest.json and the .zip). */
  checked: number;
  /** Each problem names the submission and the file. */
  problems: string[];
}

interface Row {
  id: number;
  period_label: string;
  folder: string;
  zip_path: string | null;
  zip_sha256: string | null;
  manifest: string;
  manifest_sha256: string;
}

function fileProblem(file: string, expected: { sha256: string; size?: number }): 'missing' | 'changed' | null {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file, { throwIfNoEntry: false });
  } catch {
    return 'missing';
  }
  if (!stat?.isFile()) return 'missing';
  if (expected.size !== undefined && stat.size !== expected.size) return 'changed';
  try {
    return hashFileSync(file).sha256 === expected.sha256 ? null : 'changed';
  } catch {
    return 'missing';
  }
}

/**
 * Compares each finished submission's files with what was recorded when it was made: every file of
 * its manifest (size and SHA-256, from the copy kept in the ledger, not the one on disk),
 * manifest.json itself, and the .zip. Reads every byte, so it runs in a worker thread.
 */
export function checkSubmissionFiles(db: ReadonlyDb, only?: number): SubmissionFilesCheck[] {
  const rows = db
    .prepare(
      `SELECT id, period_label, folder, zip_path, zip_sha256, manifest, manifest_sha256 FROM submissions
       WHERE manifest IS NOT NULL AND state IN ('locked', 'unlocked') AND (? IS NULL OR id = ?) ORDER BY id`,
    )
    .all(only ?? null, only ?? null) as Row[];
  return rows.map((row) => {
    const name = `报送 #${row.id}（${row.period_label}）`;
    const problems: string[] = [];
    const say = (file: string, problem: 'missing' | 'changed' | null) => {
      if (problem === 'missing') problems.push(`${name}的文件“${file}”缺失`);
      if (problem === 'changed') problems.push(`${name}的文件“${file}”已被改动（校验值不符）`);
    };
    const parsed = SubmissionManifestSchema.safeParse(JSON.parse(row.manifest));
    const files = parsed.success ? parsed.data.files : [];
    if (!parsed.success) problems.push(`${name}的清单记录无法读取`);
    for (const file of files) say(file.name, fileProblem(path.join(row.folder, file.name), file));
    say(SUBMISSION_MANIFEST, fileProblem(path.join(row.folder, SUBMISSION_MANIFEST), { sha256: row.manifest_sha256 }));
    if (row.zip_path && row.zip_sha256)
      say(path.basename(row.zip_path), fileProblem(row.zip_path, { sha256: row.zip_sha256 }));
    return { id: row.id, checked: files.length + 1 + (row.zip_path ? 1 : 0), problems };
  });
}
