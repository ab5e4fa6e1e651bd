import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';
import type { BackupSummary } from '../../shared/archive-api.js';
import { TaizhangError } from '../store/errors.js';
import { openReadOnly } from '../export/read-only-db.js';
import { readHeader } from './backup-file.js';
import { CHUNK_SIZE, DecryptChunks, keyFor } from './chunked-gcm.js';
import { createBackup } from './create-backup.js';
import { verifyLedger, type VerifyReport } from './four-checks.js';
import { MANIFEST_PART, ManifestSchema, type BackupManifest } from './manifest.js';
import { restoreBackup } from './restore-backup.js';

/** What the archive worker is asked to do; each reads or writes hundreds of megabytes. */
export type ArchiveJob =
  | { kind: 'backup'; dbFile: string; out: string; operator: string; password?: string }
  | { kind: 'restore'; inFile: string; dbFile: string; password?: string }
  | { kind: 'inspect'; file: string; password?: string }
  | { kind: 'verify'; dbFile: string };

export interface ArchiveOutputs {
  backup: { file: string; bytes: number; summary: BackupSummary };
  restore: { dbFile: string; summary: BackupSummary };
  inspect: { encrypted: boolean; createdAt: string; summary: BackupSummary | null };
  verify: VerifyReport;
}

export interface ArchiveWorkerInput {
  job: ArchiveJob;
  /** better-sqlite3 built for Electron's ABI, when started from Electron's main process. */
  nativeBinding?: string;
}

export function summaryOf(manifest: BackupManifest): BackupSummary {
  const { createdAt, operator, appVersion, units, records, attachments, encrypted } = manifest;
  return { createdAt, operator, appVersion, units, records, attachments, encrypted };
}

const unreadable = (file: string) =>
  new TaizhangError('bad-file', `备份文件 ${file} 已损坏或不完整，无法读出其中的清单`);

/**
 * Reads a backup through to its manifest (the last part) without writing anything: the parts are
 * skipped, and an encrypted body is authenticated chunk by chunk on the way.
 */
async function inspect(file: string, password: string | undefined): Promise<ArchiveOutputs['inspect']> {
  const { header, raw, bodyOffset } = readHeader(file);
  const encrypted = header.cipher !== null;
  if (header.cipher && !password) return { encrypted, createdAt: header.createdAt, summary: null };
  const body = fs.createReadStream(file, { start: bodyOffset, highWaterMark: CHUNK_SIZE + 20 });
  let source: NodeJS.ReadableStream = body;
  if (header.cipher && password) {
    source = body.pipe(new DecryptChunks(await keyFor(password, header.cipher), header.cipher, raw));
    body.on('error', (error) => (source as DecryptChunks).destroy(error));
  }
  let text: string | null = null;
  const extract = tar.extract();
  extract.on('entry', (entry, stream, next) => {
    if (entry.name !== MANIFEST_PART) {
      stream.on('end', () => next());
      stream.resume();
      return;
    }
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      text = Buffer.concat(chunks).toString('utf8');
      next();
    });
  });
  try {
    await pipeline(source, extract);
  } catch (error) {
    if (error instanceof TaizhangError) throw error;
    throw unreadable(file);
  }
  if (text === null) throw unreadable(file);
  let manifest;
  try {
    manifest = ManifestSchema.safeParse(JSON.parse(text));
  } catch {
    throw unreadable(file);
  }
  if (!manifest.success) throw unreadable(file);
  return { encrypted, createdAt: header.createdAt, summary: summaryOf(manifest.data) };
}

/** Runs in the archive worker. */
export async function runArchiveJob({
  job,
  nativeBinding,
}: ArchiveWorkerInput): Promise<ArchiveOutputs[ArchiveJob['kind']]> {
  switch (job.kind) {
    case 'backup': {
      const result = await createBackup({ ...job, nativeBinding });
      return { file: result.file, bytes: result.bytes, summary: summaryOf(result.manifest) };
    }
    case 'restore': {
      const result = await restoreBackup({ ...job, nativeBinding });
      return { dbFile: result.dbFile, summary: summaryOf(result.manifest) };
    }
    case 'inspect':
      return inspect(job.file, job.password);
    case 'verify': {
      const db = openReadOnly(job.dbFile, nativeBinding);
      try {
        return await verifyLedger(db, job.dbFile, { nativeBinding });
      } finally {
        db.close();
      }
    }
  }
}
